"""OCRed pages kept on disk, so that re-parsing a scanned pack does not read its images again.

OCR costs seconds a page (the rest of parsing costs milliseconds), and a pack is parsed again
whenever the pipeline version changes or `--force` asks for it. What OCR reads from a page
depends only on the page's bytes, the engine, the resolution and this module's
`OCR_VERSION`, so the words are stored under that key: the document's SHA-256, the page
number, the engine, the dpi and the version. A new pipeline version that changes how OCR
words are read or turned bumps `OCR_VERSION`; one that only changes extraction reuses them.

The cache is a folder of small JSON files, one per page, written atomically (workers write
side by side); a file that cannot be read or written is ignored, never an error: the cache
only ever saves time.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from pipeline.read.readers import RawPage, RawWord

DEFAULT_FOLDER = "ocr-cache"  # beside the database, unless `agendas ingest --ocr-cache` says
OCR_VERSION = 1  # bump when the words OCR yields for the same image change


def cache_file(folder: Path, document_id: str, page: int, engine: str, dpi: int) -> Path:
    name = f"{document_id}-p{page}-{engine}-{dpi}dpi-v{OCR_VERSION}.json"
    return folder / document_id[:2] / name


def load_page(path: Path) -> RawPage | None:
    """The page stored at `path`, or None when there is none (or it is unreadable)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        words = [RawWord(**word) for word in stored.pop("words")]
        return RawPage(**stored, words=words)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def store_page(path: Path, page: RawPage) -> None:
    """Write the page to `path` atomically: a reader never sees half a file."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(asdict(page), out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
