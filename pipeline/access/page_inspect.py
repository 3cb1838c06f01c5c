"""What the read stage made of one page: its lines with their role, box and font facts, and a
picture with the boxes drawn on the page. For checking a layout the extractors get wrong, or
comparing the two readers on a page.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pydantic import BaseModel

from pipeline.access.page_structure import structure_roles
from pipeline.models import Page
from pipeline.read.document import read_document
from pipeline.read.frames import rotate_box
from pipeline.read.layout import STAMP_RE
from pipeline.read.readers import DEFAULT_READER, get_backend

ROLE_COLOURS = {  # outline colours of `--png`, by role
    "body": (0, 90, 220, 255),
    "label": (220, 0, 0, 255),
    "stamp": (220, 0, 0, 255),
    "margin": (140, 140, 140, 255),
}
STRUCTURE_COLOURS = {  # ... and, for body lines, by the first word of their structure role
    "entry": (0, 150, 60, 255),
    "heading": (0, 150, 60, 255),
    "minute": (0, 150, 60, 255),
    "title": (120, 200, 120, 255),
    "row": (230, 140, 0, 255),
}


class InspectedLine(BaseModel):
    """One line of a page as the extractors see it, in the page as shown."""

    role: str  # body, label (printed page label), stamp ("Agenda Item N"), margin (running)
    # of a body line: "entry 2.1 (decimal in 2)", "heading" (unnumbered entry), "minute 5",
    # "title" (an entry's title going on), "row" (a table row), or "" (text)
    structure: str = ""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    spans: int


class InspectedPage(BaseModel):
    page: int
    reader: str
    page_label: str | None
    agenda_item_stamp: str | None
    text_quality: str
    rotation: int
    body_size: float | None = None
    line_pitch: float | None = None
    lines: list[InspectedLine]
    ocr_confidence: float | None = None


def inspect_page(path: Path, page_number: int, reader: str = DEFAULT_READER) -> InspectedPage:
    """Read the document (running headers are found across its pages) and describe one page;
    only that page is OCRed when it needs it."""
    document = read_document(path, "inspect", get_backend(reader), ocr_pages={page_number})
    if not 1 <= page_number <= len(document.pages):
        raise ValueError(f"{path}: no page {page_number} (it has {len(document.pages)})")
    page = document.pages[page_number - 1]
    roles = structure_roles(document, page_number)
    return InspectedPage(
        page=page.number,
        reader=page.reader,
        page_label=page.page_label,
        agenda_item_stamp=page.agenda_item_stamp,
        text_quality=page.text_quality,
        rotation=page.rotation,
        body_size=page.body_size,
        line_pitch=page.line_pitch,
        lines=[*_lines(page, page.lines, "body", roles), *_margin_lines(page)],
        ocr_confidence=page.ocr_confidence,
    )


def _margin_lines(page: Page) -> list[InspectedLine]:
    """Margin lines with what layout took them for: the page label (its text is the label),
    the stamp (a span the stamp pattern matches), or a running header or footer."""
    out = []
    for line in page.margin_lines:
        if line.text.strip() == page.page_label:
            role = "label"
        elif any(STAMP_RE.match(span.text.strip()) for span in line.spans):
            role = "stamp"
        else:
            role = "margin"
        out.extend(_lines(page, [line], role))
    return out


def _lines(
    page: Page, lines: list, role: str, roles: dict[int, str] | None = None
) -> list[InspectedLine]:
    out = []
    for line in lines:
        box = rotate_box(
            (line.x0, line.top, line.x1, line.bottom), page.rotation, page.width, page.height
        )
        x0, top, x1, bottom = (round(value, 1) for value in box)
        out.append(
            InspectedLine(
                role=role,
                structure=(roles or {}).get(id(line), ""),
                text=line.text,
                x0=x0,
                top=top,
                x1=x1,
                bottom=bottom,
                size=round(line.size, 1),
                bold=line.bold,
                spans=len(line.spans),
            )
        )
    return out


def draw_page(path: Path, inspected: InspectedPage, out: Path, resolution: int = 110) -> Path:
    """The page as shown, each line's box outlined in the colour of its role (of its structure
    role, for a body line that has one)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with pdfplumber.open(path) as pdf:
        image = pdf.pages[inspected.page - 1].to_image(resolution=resolution)
        for line in inspected.lines:
            image.draw_rect(
                (line.x0, line.top, line.x1, line.bottom),
                fill=(0, 0, 0, 0),
                stroke=STRUCTURE_COLOURS.get(line.structure.split(" ")[0], ROLE_COLOURS[line.role]),
                stroke_width=2,
            )
        image.save(out, format="PNG", quantize=False)
    return out


STRUCTURE_WIDTH = 24


def _spacing(inspected: InspectedPage) -> str:
    if inspected.body_size is None or inspected.line_pitch is None:
        return ""
    return f"; body type {inspected.body_size:.1f} pt, line pitch {inspected.line_pitch:.1f} pt"


def format_page(inspected: InspectedPage) -> str:
    """A plain-text listing: a header line, then one line per text line."""
    confidence = (
        f"; OCR confidence {inspected.ocr_confidence:.2f}"
        if inspected.ocr_confidence is not None
        else ""
    )
    head = (
        f"page {inspected.page} ({inspected.reader}{confidence}; "
        f"label {inspected.page_label or '-'}; stamp {inspected.agenda_item_stamp or '-'}; "
        f"text {inspected.text_quality}; "
        f"turned {inspected.rotation}{_spacing(inspected)})"
    )
    rows = [
        head,
        f"{'role':<7} {'x0':>6} {'top':>6} {'x1':>6} {'bottom':>6} {'size':>5} b sp "
        f"{'structure':<{STRUCTURE_WIDTH}} text",
    ]
    for line in inspected.lines:
        rows.append(
            f"{line.role:<7} {line.x0:>6.1f} {line.top:>6.1f} {line.x1:>6.1f} {line.bottom:>6.1f} "
            f"{line.size:>5.1f} {'B' if line.bold else '.'} {line.spans:>2} "
            f"{line.structure or '-':<{STRUCTURE_WIDTH}} {line.text}"
        )
    return "\n".join(rows)
