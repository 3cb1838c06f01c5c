"""PDF reader backends behind one small interface.

Later stages only see `RawPage` records, so a faster backend (pypdfium2) can be added
without touching segmentation or extraction. pdfplumber is the reference backend: it gives
every word its bounding box and font.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.errors import DocumentError


@dataclass(slots=True)
class RawWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float


@dataclass(slots=True)
class RawPage:
    number: int
    width: float
    height: float
    words: list[RawWord] = field(default_factory=list)
    n_chars: int = 0
    n_images: int = 0


class PdfBackend(Protocol):
    name: str

    def pages(self, path: Path) -> Iterator[RawPage]:
        """Yield the pages of a PDF one at a time, releasing each before the next."""
        ...


def check_pdf_header(path: Path) -> None:
    """Refuse files that are not PDFs before a parser guesses at them."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise DocumentError("empty file")
    if b"%PDF-" not in head:
        raise DocumentError("not a PDF (no %PDF- header)")


class PdfplumberBackend:
    name = "pdfplumber"

    def pages(self, path: Path) -> Iterator[RawPage]:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise DocumentError("no pages (damaged or empty page tree)")
            for index, page in enumerate(pdf.pages, start=1):
                try:
                    yield self._read_page(index, page)
                finally:
                    page.close()

    @staticmethod
    def _read_page(number: int, page) -> RawPage:
        words = page.extract_words(
            keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
        )
        return RawPage(
            number=number,
            width=float(page.width),
            height=float(page.height),
            words=[
                RawWord(
                    text=w["text"],
                    x0=float(w["x0"]),
                    top=float(w["top"]),
                    x1=float(w["x1"]),
                    bottom=float(w["bottom"]),
                    fontname=str(w.get("fontname", "")),
                    size=float(w.get("size", 0.0)),
                )
                for w in words
            ],
            n_chars=len(page.chars),
            n_images=len(page.images),
        )


BACKENDS: dict[str, type] = {"pdfplumber": PdfplumberBackend}


def get_backend(name: str = "pdfplumber") -> PdfBackend:
    try:
        return BACKENDS[name]()
    except KeyError as exc:
        raise ValueError(
            f"unknown reader backend {name!r}; choose from {sorted(BACKENDS)}"
        ) from exc
