"""Stage 1, read: PDF -> pages of lines with labels, stamps and margins separated."""

from __future__ import annotations

from pathlib import Path

from pipeline.layout import layout_page, separate_running_margins
from pipeline.models import ReadDocument
from pipeline.readers import PdfBackend, check_pdf_header, get_backend


def read_document(path: Path, document_id: str, backend: PdfBackend | None = None) -> ReadDocument:
    """Read every page; pages are laid out and released one at a time."""
    backend = backend or get_backend()
    check_pdf_header(path)
    pages = [layout_page(raw) for raw in backend.pages(path)]
    separate_running_margins(pages)
    warnings = []
    scanned = [p.number for p in pages if not p.has_text_layer]
    if scanned:
        warnings.append(
            f"{len(scanned)} of {len(pages)} pages have no text layer (scanned images; not OCRed)"
        )
    return ReadDocument(
        document_id=document_id,
        path=str(path),
        backend=backend.name,
        pages=pages,
        warnings=warnings,
    )
