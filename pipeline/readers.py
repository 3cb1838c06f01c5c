"""PDF reader backends behind one small interface.

Later stages only see `RawPage` records, so readers are interchangeable. pdfplumber is the
reference backend: it gives every word its bounding box and font. pypdfium2 (PDFium, the
engine of Chrome's viewer) is the second reader: it repairs damaged cross-reference tables,
wrong stream lengths and looping trailers that pdfminer reads as nothing, so `read.py` uses
it to cross-check and recover what pdfplumber misses.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
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
    reader: str = ""
    problem: str | None = None  # why the page's text may be incomplete, in plain words


class PdfReader(Protocol):
    """An open PDF: its page count and one page at a time."""

    page_count: int

    def read_page(self, number: int) -> RawPage:
        """Read 1-based page `number`; raise if it cannot be read."""
        ...


class PdfBackend(Protocol):
    name: str

    def open(self, path: Path) -> AbstractContextManager[PdfReader]:
        """Open a PDF (empty user password); raise if it cannot be opened."""
        ...


def iter_pages(backend: PdfBackend, path: Path) -> Iterator[RawPage]:
    """Every page of a PDF, one at a time."""
    with backend.open(path) as reader:
        for number in range(1, reader.page_count + 1):
            yield reader.read_page(number)


_SIGNATURES = [
    (re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.I), "an HTML page"),
    (re.compile(rb"^\s*<\?xml"), "an XML file"),
    (re.compile(rb"^PK\x03\x04"), "a ZIP archive, e.g. a Word or Excel file"),
    (re.compile(rb"^\xd0\xcf\x11\xe0"), "an old Office document"),
    (re.compile(rb"^\x89PNG"), "a PNG image"),
    (re.compile(rb"^\xff\xd8\xff"), "a JPEG image"),
    (re.compile(rb"^(II\*\x00|MM\x00\*)"), "a TIFF image"),
    (re.compile(rb"^\{\\rtf"), "an RTF document"),
]


def check_pdf_header(path: Path) -> None:
    """Refuse files that are not PDFs before a parser guesses at them, and say what they are."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise DocumentError("empty file")
    if b"%PDF-" in head:
        return
    for pattern, kind in _SIGNATURES:
        if pattern.match(head):
            raise DocumentError(f"not a PDF (no %PDF- header; looks like {kind})")
    raise DocumentError("not a PDF (no %PDF- header)")


# --- pdfplumber -------------------------------------------------------------------------------


class _PdfplumberReader:
    def __init__(self, pdf):
        self._pdf = pdf
        self.page_count = len(pdf.pages)

    def read_page(self, number: int) -> RawPage:
        page = self._pdf.pages[number - 1]
        try:
            return self._read(number, page)
        finally:
            page.close()

    @staticmethod
    def _read(number: int, page) -> RawPage:
        words = page.extract_words(
            keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
        )
        raw = RawPage(
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
            reader=PdfplumberBackend.name,
        )
        if not page.objects and _undecodable_content(page):
            raw.problem = "page content could not be decoded (damaged compressed data)"
        return raw


def _undecodable_content(page) -> bool:
    """Content streams that declare bytes but decode to none (pdfminer drops bad zlib data)."""
    try:
        streams = page.page_obj.contents
        declared = sum(int(s.attrs.get("Length") or 0) for s in streams)
        decoded = sum(len(s.get_data()) for s in streams)
    except Exception:  # noqa: BLE001  (a page this broken is reported by the cross-check)
        return False
    return declared > 0 and decoded == 0


class PdfplumberBackend:
    name = "pdfplumber"

    @contextmanager
    def open(self, path: Path) -> Iterator[_PdfplumberReader]:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            yield _PdfplumberReader(pdf)


# --- pypdfium2 --------------------------------------------------------------------------------

_SPACE = {" ", "\t", "\r", "\n", "\x00", "\u00a0", "\ufffe", "\uffff"}


class _PdfiumReader:
    def __init__(self, pdf):
        self._pdf = pdf
        self.page_count = len(pdf)

    def read_page(self, number: int) -> RawPage:
        page = self._pdf[number - 1]
        try:
            textpage = page.get_textpage()
            try:
                return self._read(number, page, textpage)
            finally:
                textpage.close()
        finally:
            page.close()

    @staticmethod
    def _read(number: int, page, textpage) -> RawPage:
        import pypdfium2.raw as pdfium_c

        width, height = page.get_size()
        n_chars = textpage.count_chars()
        words: list[RawWord] = []
        current: list[tuple[str, float, float, float, float]] = []
        font_buffer = ctypes.create_string_buffer(128)
        font_of_word = ("", 0.0)

        def flush() -> None:
            if current:
                words.append(
                    RawWord(
                        text="".join(c[0] for c in current),
                        x0=min(c[1] for c in current),
                        top=height - max(c[4] for c in current),
                        x1=max(c[3] for c in current),
                        bottom=height - min(c[2] for c in current),
                        fontname=font_of_word[0],
                        size=font_of_word[1],
                    )
                )
                current.clear()

        for index in range(n_chars):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
            if char in _SPACE or pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
                flush()
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if current and (left < current[-1][1] - 1 or abs(top - current[-1][4]) > 2):
                flush()  # the next char starts a new line or jumps back: a new word
            if not current:
                size = pdfium_c.FPDFText_GetFontSize(textpage, index)
                pdfium_c.FPDFText_GetFontInfo(textpage, index, font_buffer, 128, None)
                font_of_word = (font_buffer.value.decode("latin-1", "replace"), float(size))
            current.append((char, left, bottom, right, top))
        flush()
        n_images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
        return RawPage(
            number=number,
            width=float(width),
            height=float(height),
            words=words,
            n_chars=len("".join(w.text for w in words)),
            n_images=n_images,
            reader=PdfiumBackend.name,
        )


class PdfiumBackend:
    """PDFium through pypdfium2. JavaScript and form actions are never run: forms are not
    initialised, and only text and image counts are read. PDFium keeps at most 32,767
    characters of one text run, so pdfplumber stays the reference reader."""

    name = "pypdfium2"

    @contextmanager
    def open(self, path: Path) -> Iterator[_PdfiumReader]:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            yield _PdfiumReader(pdf)
        finally:
            pdf.close()


BACKENDS: dict[str, type] = {"pdfplumber": PdfplumberBackend, "pypdfium2": PdfiumBackend}


def get_backend(name: str = "pdfplumber") -> PdfBackend:
    try:
        return BACKENDS[name]()
    except KeyError as exc:
        raise ValueError(
            f"unknown reader backend {name!r}; choose from {sorted(BACKENDS)}"
        ) from exc
