"""Stage 3, extract: run every registered extractor over a segmented document."""

from __future__ import annotations

from extractors import ExtractionContext, registered_extractors
from pipeline.models import Extraction, ReadDocument, Segmentation


def extract_document(doc: ReadDocument, segmentation: Segmentation) -> Extraction:
    ctx = ExtractionContext(doc=doc, segmentation=segmentation, found=Extraction())
    for extractor in registered_extractors():
        extractor.extract(ctx)
    return ctx.found
