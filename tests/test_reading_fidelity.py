"""Reading fidelity on crafted PDFs, and the default reader (PDFium) against the reference
reader (pdfplumber) on the corpus.

What each crafted page must give is what a viewer shows on it (see tests/crafted/fidelity.py),
written by hand, not copied from a reader's output.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.models import Line
from pipeline.read.document import read_document
from pipeline.read.frames import rotate_box
from pipeline.read.pdfium_reader import TRUNCATED, PdfiumBackend
from pipeline.read.readers import READERS, get_backend
from pipeline.run.process import process_file
from tests.badpdfs.make_bad_pdfs import long_line
from tests.conftest import corpus_pdf
from tests.crafted import fidelity


def _read(tmp_path: Path, data: bytes, reader: str = "pypdfium2"):
    path = tmp_path / "crafted.pdf"
    path.write_bytes(data)
    return read_document(path, "crafted", get_backend(reader))


@pytest.mark.parametrize("reader", READERS)
def test_two_column_minutes_keep_the_decision_whole(tmp_path: Path, reader: str):
    page = _read(tmp_path, fidelity.two_column_minutes(), reader).pages[0]
    text = " ".join(line.text for line in page.lines)
    assert " ".join(fidelity.DECISION) in text
    assert " ".join(line for line in fidelity.PRESENT if line) in text


@pytest.mark.parametrize("reader", READERS)
def test_a_soft_hyphen_at_a_line_end_joins_the_word(tmp_path: Path, reader: str):
    page = _read(tmp_path, fidelity.soft_hyphen(), reader).pages[0]
    assert page.lines[0].text.endswith("Memorial Hall, Llanfair,")
    assert page.lines[1].text == "and the minutes were signed by the Chair."
    assert "\u00ad" not in page.text


@pytest.mark.parametrize("reader", READERS)
def test_form_field_values_are_read_beside_their_labels(tmp_path: Path, reader: str):
    page = _read(tmp_path, fidelity.form_fields(), reader).pages[0]
    assert page.text.splitlines() == [
        "MEETING INFORMATION",
        "Date/Time: June 6, 2023 5:30 pm",
        "Location/Address: Maggie Daley Fieldhouse",
        "MEETING AGENDA",
    ]
    value = next(line for line in page.lines if "Maggie" in line.text).spans[-1]
    assert value.x0 >= 200 and value.x1 <= 450  # inside the field's rectangle


def test_form_fields_of_a_real_agenda_template_are_read():
    doc = read_document(corpus_pdf("chicago-police-district-council-001-2023-06-06-agenda"), "c")
    lines = doc.pages[0].text.splitlines()
    assert "Date/Time: June 6, 530pm" in lines
    assert "3. Approval of minutes from meeting date: May 9, 2023" in lines


@pytest.mark.parametrize("reader", READERS)
def test_a_rotated_page_reads_in_its_text_direction(tmp_path: Path, reader: str):
    doc = _read(tmp_path, fidelity.rotated_page(), reader)
    page = doc.pages[0]
    assert page.text.splitlines() == fidelity.AGENDA_LINES
    assert page.rotation == 90  # the lines' frame, turned 90 degrees, is the page as shown


@pytest.mark.parametrize("reader", READERS)
def test_rotated_provenance_boxes_cover_the_words_on_the_page_as_shown(tmp_path: Path, reader: str):
    path = tmp_path / "rotated.pdf"
    path.write_bytes(fidelity.rotated_page())
    page = read_document(path, "r", get_backend(reader)).pages[0]
    line = next(line for line in page.lines if line.text.startswith("Date of meeting"))
    x0, top, x1, bottom = rotate_box(
        (line.x0, line.top, line.x1, line.bottom), 90, page.width, page.height
    )
    padded = (x0 - 1, top - 1, x1 + 1, bottom + 1)  # the readers' boxes differ by a fraction
    with pdfplumber.open(path) as pdf:  # pdfplumber's coordinates are the page as shown
        shown_page = pdf.pages[0]
        assert (shown_page.width, shown_page.height) == (842, 595)
        inside = "".join(c["text"] for c in shown_page.within_bbox(padded).chars)
    assert sorted(inside.replace(" ", "")) == sorted(line.text.replace(" ", ""))


def test_letters_drawn_one_object_each_are_words_again(tmp_path: Path):
    page = _read(tmp_path, fidelity.spaced_letters(tracking=1.5)).pages[0]
    assert page.text.splitlines() == [
        "Regular Meeting of the City Council",
        "Tuesday, January 10, 2023",
    ]


def test_a_text_object_too_long_for_pdfium_is_read_by_the_reference_reader(tmp_path: Path):
    path = tmp_path / "long.pdf"
    path.write_bytes(long_line(60_000))
    with PdfiumBackend().open(path) as reader:
        assert reader.read_page(1).problem == TRUNCATED  # PDFium alone loses LONGEND
    result = process_file(path)
    assert result.status == "ok"
    assert "LONGEND" in result.pages[0].text
    assert f"page 1: read with pdfplumber ({TRUNCATED})" in result.notes


# --- the default reader against the reference reader, on real packs ---------------------------

SAMPLE = [
    "kent-cc-cabinet-2025-01-30-printed-minutes",
    "milburn-pc-2018-11-06-minutes",
    "mountain-view-city-council-2016-04-05-agenda",
    "east-palo-alto-planning-commission-2020-01-27-minutes",
    "sutton-coldfield-tc-council-2017-02-21-item166-report",
    "000_de16defd1125f27f",
]


def _iou(a: Line, b: Line) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (a.x1 - a.x0) * (a.bottom - a.top) + (b.x1 - b.x0) * (b.bottom - b.top) - inter
    return inter / union


@pytest.mark.parametrize("stem", SAMPLE)
def test_pdfium_lines_match_pdfplumber_lines(stem: str):
    """Same lines, same boxes: a highlight drawn from either reader covers the same words."""
    path = corpus_pdf(stem)
    fast = read_document(path, "f", get_backend("pypdfium2")).pages[:4]
    reference = read_document(path, "r", get_backend("pdfplumber")).pages[:4]
    matched = close = total = 0
    for ours, theirs in zip(fast, reference, strict=True):
        total += len(theirs.lines)
        for line in ours.lines:
            same_text = [other for other in theirs.lines if other.text == line.text]
            if same_text:  # a page may print the same line twice: the nearest one is its twin
                matched += 1
                close += max(_iou(line, other) for other in same_text) >= 0.7
    assert matched >= 0.85 * total
    assert close >= 0.98 * matched


def test_rows_from_a_rotated_page_point_at_the_page_as_shown(tmp_path: Path):
    path = tmp_path / "rotated.pdf"
    path.write_bytes(fidelity.rotated_page())
    meeting = process_file(path).extraction.meetings[0]
    where = meeting.provenance
    box = (where.x0 - 1, where.top - 1, where.x1 + 1, where.bottom + 1)
    with pdfplumber.open(path) as pdf:
        inside = "".join(c["text"] for c in pdf.pages[0].within_bbox(box).chars)
    assert meeting.meeting_date.isoformat() == "2025-03-05"
    for line in fidelity.AGENDA_LINES[:2]:  # the rows the meeting was read from
        assert set(line.replace(" ", "")) <= set(inside)
