"""The per-document function: one PDF in, one `DocumentResult` out, never an exception.

Workers (local processes or a cluster) run this; only the loader writes the database.
"""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import PIPELINE_VERSION
from pipeline.errors import describe_exception
from pipeline.extract import extract_document
from pipeline.models import DocumentResult, PageRow, ReadDocument, Segmentation
from pipeline.normalize import normalize
from pipeline.read.document import read_document
from pipeline.read.frames import provenance_as_shown
from pipeline.read.ocr import OcrSettings
from pipeline.read.readers import DEFAULT_READER, get_backend
from pipeline.run.files import check_readable_file, file_sha256
from pipeline.segment import segment_document


def failed_result(path: Path, document_id: str | None, reason: str) -> DocumentResult:
    """The record of a file that could not be ingested, and why."""
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:
        size = None
    return DocumentResult(
        document_id=document_id,
        path=str(path),
        file_name=path.name,
        file_size=size,
        status="failed",
        error=reason,
        pipeline_version=PIPELINE_VERSION,
    )


def process_file(
    path: Path,
    document_id: str | None = None,
    reader: str = DEFAULT_READER,
    ocr: OcrSettings | None = None,
    ocr_seconds: float | None = None,
) -> DocumentResult:
    """Read, segment, extract and normalize one file. OCR stops starting pages once
    `ocr_seconds` have passed, so a long scanned pack ends partial instead of timing out."""
    started = time.perf_counter()
    deadline = time.monotonic() + ocr_seconds if ocr_seconds else None
    result = DocumentResult(
        document_id=document_id,
        path=str(path),
        file_name=path.name,
        status="failed",
        pipeline_version=PIPELINE_VERSION,
    )
    try:
        check_readable_file(path)
        result.file_size = path.stat().st_size
        result.document_id = document_id or file_sha256(path)
        doc = read_document(
            path, result.document_id, get_backend(reader), ocr=ocr, deadline=deadline
        )
        result.backend = doc.backend
        result.n_pages = len(doc.pages)
        segmentation = segment_document(doc)
        result.pages = _page_rows(doc, segmentation)
        result.segments = segmentation.segments
        warnings = list(doc.warnings)
        try:
            result.extraction = normalize(extract_document(doc, segmentation))
            provenance_as_shown(result.extraction, doc.pages)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001  (keep the pages; say the facts are missing)
            warnings.append(f"facts not extracted: {describe_exception(exc)}")
        result.status = "partial" if warnings else "ok"
        result.error = "; ".join(warnings) or None
        result.notes = "; ".join(doc.notes) or None
    except Exception as exc:  # noqa: BLE001  (every failure becomes a recorded reason)
        result.error = describe_exception(exc)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _page_rows(doc: ReadDocument, segmentation: Segmentation) -> list[PageRow]:
    rows = []
    for page in doc.pages:
        segment = segmentation.segment_of_page(page.number)
        rows.append(
            PageRow(
                page=page.number,
                page_label=page.page_label,
                agenda_item_stamp=page.agenda_item_stamp,
                text=page.text,
                is_blank=page.is_blank,
                has_text_layer=page.has_text_layer,
                segment_kind=segment.kind if segment else None,
                text_quality=page.text_quality,
                problem=page.problem,
                reader=page.reader,
                ocr_confidence=page.ocr_confidence,
            )
        )
    return rows
