"""PDF reader backends behind one small interface.

Later stages only see `RawPage` records, so readers are interchangeable. pypdfium2 (PDFium,
the engine of Chrome's viewer; `pipeline/read/pdfium_reader.py`) is the default: fast, and it
repairs damaged cross-reference tables, wrong stream lengths and looping trailers.
pdfplumber (pdfminer) is the reference reader: slower, but it reads text objects of any
length, so `read.py` uses it to cross-check pages where PDFium may have missed text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.errors import DocumentError
from pipeline.read.frames import rotate_box, text_angle, turned_size, upright_frame


@dataclass(slots=True)
class RawWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    bold: bool = False  # the font says so by weight (readers that know it); names are checked too


SPARSE_TEXT_CHARS = 200  # pages with fewer characters are checked for images covering them


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
    rotation: int = 0  # clockwise turn from the frame the words are in to the page as shown
    n_objects: int = -1  # objects of any kind on the page, when the reader counted them
    unmapped_chars: int = 0  # characters of fonts without a usable Unicode map
    ocr_confidence: float | None = None  # mean OCR confidence (0-1) of a page read by OCR
    image_share: float = 0.0  # share of the page covered by images (pages with little text)


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
        from pdfplumber.utils import extract_words

        from pipeline.read.form_fields import field_words

        shown_width, shown_height = float(page.width), float(page.height)
        # the clockwise turn of the page as shown that makes most text upright: 270 for text
        # running down the page, as on a /Rotate 90 page drawn unturned
        frame = upright_frame(Counter(text_angle(*c["matrix"][:2]) for c in page.chars), 0)
        chars = page.chars
        if frame:  # lay the page out where its text is upright (see pdfium_reader.py)
            chars = [_turned_char(c, frame, shown_width, shown_height) for c in chars]
        words = extract_words(
            chars, keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
        )
        fields = []
        for value in _pdfplumber_fields(page):
            if frame and value.box:
                value.box = rotate_box(value.box, frame, shown_width, shown_height)
            fields.extend(field_words(value))
        width, height = turned_size(frame, shown_width, shown_height)
        raw = RawPage(
            number=number,
            width=width,
            height=height,
            rotation=(-frame) % 360,
            words=fields
            + [
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
            image_share=min(
                sum((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) for i in page.images)
                / max(shown_width * shown_height, 1.0),
                1.0,
            ),
        )
        if not page.objects and _undecodable_content(page):
            raw.problem = "page content could not be decoded (damaged compressed data)"
        return raw


def _turned_char(char: dict, frame: int, width: float, height: float) -> dict:
    """A character as pdfplumber gives it, in the frame turned `frame` degrees clockwise."""
    x0, top, x1, bottom = rotate_box(
        (char["x0"], char["top"], char["x1"], char["bottom"]), frame, width, height
    )
    # pdfminer gives a sideways character the size of its advance; upright, it is its height
    return {
        **char,
        "x0": x0,
        "top": top,
        "x1": x1,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "size": round(bottom - top, 2),
        "upright": True,
    }


def _pdfplumber_fields(page) -> list:
    """Values of the page's visible text and choice fields (see `pipeline/read/form_fields.py`)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    from pipeline.read.form_fields import FieldValue

    values = []
    for annot in page.annots:
        data = annot.get("data") or {}
        field, inherited = data, {}
        for _ in range(8):  # a field's type and value may sit on its parents
            for key in ("FT", "V", "DA"):
                if key not in inherited and key in field:
                    inherited[key] = resolve1(field[key])
            parent = resolve1(field.get("Parent")) if field.get("Parent") else None
            if not isinstance(parent, dict):
                break
            field = parent
        kind = inherited.get("FT")
        value = inherited.get("V")
        hidden = int(resolve1(data.get("F")) or 0) & 0b100010  # Hidden, NoView
        if not isinstance(kind, PSLiteral) or kind.name not in ("Tx", "Ch") or hidden:
            continue
        if isinstance(value, bytes):
            value = decode_text(value)
        if not isinstance(value, str) or not value.strip():
            continue
        size = re.search(rb"([\d.]+)\s+Tf", inherited.get("DA") or b"")
        values.append(
            FieldValue(
                value=value,
                box=(annot["x0"], annot["top"], annot["x1"], annot["bottom"]),
                font_size=float(size.group(1)) if size else 0.0,
            )
        )
    return values


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


DEFAULT_READER = "pypdfium2"
READERS = ("pypdfium2", "pdfplumber")


def get_backend(name: str = DEFAULT_READER) -> PdfBackend:
    """A reader by name: `pypdfium2` (the fast default) or `pdfplumber` (the reference)."""
    if name == "pypdfium2":
        from pipeline.read.pdfium_reader import PdfiumBackend

        return PdfiumBackend()
    if name == "pdfplumber":
        return PdfplumberBackend()
    raise ValueError(f"unknown reader backend {name!r}; choose from {', '.join(READERS)}")
