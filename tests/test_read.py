"""Read stage: labels, stamps, blank and scanned pages, running margins, fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import DocumentError
from pipeline.read.document import read_document
from pipeline.read.ocr import OcrSettings
from tests.conftest import corpus_pdf, pagemap, read_corpus


@pytest.fixture(scope="module")
def seed000():
    return read_corpus("000_de16defd1125f27f")


def test_printed_labels_and_stamps_match_the_page_map(seed000):
    expected = pagemap("000_de16defd1125f27f")["pages"]
    assert len(seed000.pages) == len(expected)
    for page, truth in zip(seed000.pages, expected, strict=True):
        assert page.page_label == truth["label"], page.number
    # "Agenda Item N" is stamped on the first page of each item's papers
    assert seed000.pages[3].agenda_item_stamp == "3"
    assert seed000.pages[9].agenda_item_stamp == "5"


def test_labels_and_stamps_are_not_body_text(seed000):
    page = seed000.pages[3]
    assert "Agenda Item 3" not in page.text
    assert not page.text.rstrip().endswith("Page 1")
    assert page.text.splitlines()[0] == "CHESHIRE EAST COUNCIL"


def test_blank_pages_are_flagged(seed000):
    assert seed000.pages[2].is_blank  # "This page is intentionally left blank"
    assert not seed000.pages[0].is_blank


def test_font_facts_on_lines(seed000):
    title = next(
        line for line in seed000.pages[0].lines if "Health and Wellbeing Board" in line.text
    )
    body = next(line for line in seed000.pages[0].lines if line.text.startswith("Date:"))
    assert title.bold and title.size == pytest.approx(20.0)
    assert not body.bold and body.size == pytest.approx(11.0)


def test_scanned_pages_have_no_text_layer():
    doc = read_document(
        corpus_pdf("004_d846ccc318364117.scanned"), "scan", ocr=OcrSettings(mode="never")
    )
    assert doc.pages and all(not p.has_text_layer for p in doc.pages)
    assert "no text layer" in doc.warnings[0]


def test_running_header_is_kept_out_of_body():
    doc = read_document(
        corpus_pdf("sutton-coldfield-tc-alcs-committee-2018-03-13-grant-applications-report"), "s"
    )
    header = "Community Grant Applications 13th March 2018"
    assert all(header not in page.text for page in doc.pages)
    assert all(any(header in m.text for m in page.margin_lines) for page in doc.pages)


def test_superscript_ordinals_join_their_number():
    doc = read_document(corpus_pdf("milburn-pc-2019-09-03-agenda"), "m")
    assert "3rd SEPTEMBER 2019" in doc.pages[0].text


def test_two_column_header_rows_split_into_spans():
    doc = read_document(corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet"), "k")
    row = next(line for line in doc.pages[0].lines if line.text.startswith("Thursday"))
    assert [s.text for s in row.spans][-1] == "Georgina Little"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"hello, not a pdf\n", "not a PDF")],
)
def test_non_pdfs_are_refused_with_a_reason(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=reason):
        read_document(path, "bad")
