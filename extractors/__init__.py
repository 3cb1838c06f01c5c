"""Extractors: one module per kind of fact, registered in the order they must run."""

from extractors import agenda_items, agenda_meeting, contacts, money  # noqa: F401  (order matters)
from extractors.base import REGISTRY, ExtractionContext, Extractor, registered_extractors

__all__ = ["REGISTRY", "ExtractionContext", "Extractor", "registered_extractors"]
