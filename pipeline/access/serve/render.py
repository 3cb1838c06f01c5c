"""Page images for the viewer: size-capped, rendered once, kept in a small disk cache.

A page drawn at 150 dpi is about 1240 x 1750 pixels; a poster-sized page at 150 dpi would be
tens of thousands, so the resolution is lowered until the longer side fits MAX_SIDE_PX.
Renders are cached on disk under the document's SHA-256, the page and the box (the file's
bytes cannot change under a SHA-256), and the oldest files are dropped past MAX_FILES.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pypdfium2

from pipeline.access.highlight import DEFAULT_RESOLUTION, render_highlight
from pipeline.models import BBox

MAX_SIDE_PX = 2000
MAX_FILES = 500


def capped_resolution(pdf_path: Path, page: int, max_side: int = MAX_SIDE_PX) -> int:
    """Dots per inch that draw the page with its longer side at most `max_side` pixels."""
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        width, height = pdf[page - 1].get_size()  # points
    finally:
        pdf.close()
    return max(1, min(DEFAULT_RESOLUTION, int(max_side * 72 / max(width, height, 1.0))))


def box_key(box: BBox | None) -> str:
    if box is None:
        return "page"
    return "_".join(f"{v:.2f}" for v in (box.x0, box.top, box.x1, box.bottom))


class PageRenderer:
    """Renders pages with an optional highlighted box, through a disk cache."""

    def __init__(self, cache_dir: Path, max_files: int = MAX_FILES):
        self.cache_dir = Path(cache_dir)
        self.max_files = max_files
        self._lock = threading.Lock()  # renders are CPU-heavy: one at a time

    def render(self, pdf_path: Path, sha256: str, page: int, box: BBox | None) -> Path:
        """The PNG of `page` with `box` highlighted (`sha256` must be the file's hash)."""
        out = self.cache_dir / f"{sha256}-p{page}-{box_key(box)}.png"
        with self._lock:
            if out.exists():
                os.utime(out)  # recently used: kept longest
                return out
            temporary = out.with_suffix(f".{os.getpid()}.tmp")
            resolution = capped_resolution(pdf_path, page)
            render_highlight(pdf_path, page, box, temporary, resolution=resolution)
            temporary.replace(out)
            self._prune()
        return out

    def _prune(self) -> None:
        files = sorted(self.cache_dir.glob("*.png"), key=lambda p: p.stat().st_mtime)
        for old in files[: max(0, len(files) - self.max_files)]:
            old.unlink(missing_ok=True)
