"""Extractors: one module per kind of fact, registered in the order they must run."""

from extractors import (  # noqa: F401  (registration order is run order)
    addressed_meeting,  # imports agenda_meeting and minutes_meeting: meetings run first
    agenda_items,
    agenda_meeting,
    attendees,
    contacts,
    minutes_meeting,
    money,
    prose_contacts,  # after contacts: a number already in a contact block is not repeated
    resolutions,
)
from extractors.base import REGISTRY, ExtractionContext, Extractor, registered_extractors

__all__ = ["REGISTRY", "ExtractionContext", "Extractor", "registered_extractors"]
