"""OCR: scanned and garbled pages become text with boxes, and only those pages are OCRed."""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from pipeline.models import Line, Page
from pipeline.read.document import document_warnings, read_document
from pipeline.read.ocr import DPI, MAX_PIXELS, MAX_SIDE_PX, OcrSettings, render_scale
from pipeline.read.ocr_engines import TESSERACT, get_engine
from pipeline.run.process import process_file
from tests.conftest import corpus_pdf
from tests.pdf_factory import SCANNED_LINES, make_pdf, make_scan, make_stamped_scan

SCANS = (
    "004_d846ccc318364117.scanned",
    "crete-township-board-2022-02-09-agenda",
    "crete-township-board-2022-09-14-minutes",
    "horsley-pc-2014-03-18-minutes",  # text layer in a letter-substitution code
    "horsley-pc-2014-04-29-agenda",
    "nipissing-township-2025-03-04-agenda-package-scanned",
    "omaha-city-council-2012-09-25-planning-report-scanned",
    "souldern-pc-2020-09-24-minutes",
    "souldern-pc-2024-09-26-agenda",
)
STAMPED_GRAPHIC = "morgan-hill-cc-2021-01-20-agenda"


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def cer(read: str, truth: str) -> float:
    return Levenshtein.distance(fold(read), fold(truth)) / len(fold(truth))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_only_scanned_and_garbled_pages_are_ocred(corpus_con):
    rows = corpus_con.execute(
        "SELECT d.file_name, count(*), count(*) FILTER (WHERE p.reader LIKE 'ocr:%'), "
        "min(p.ocr_confidence) FROM pages p JOIN documents d USING (document_id) "
        "GROUP BY d.file_name"
    ).fetchall()
    ocred = {name.removesuffix(".pdf"): (pages, n, low) for name, pages, n, low in rows if n}
    assert sorted(ocred) == sorted([*SCANS, STAMPED_GRAPHIC])
    for name, (pages, n, low) in ocred.items():
        # every page of these packs is a scan or garbled; Morgan Hill's page 7 is a picture
        # of its vision statement with only the page number as text
        assert n == (1 if name == STAMPED_GRAPHIC else pages), name
        assert low > 0.9, name
    statuses = corpus_con.execute(
        "SELECT status, notes FROM documents WHERE file_name = ?",
        ["004_d846ccc318364117.scanned.pdf"],
    ).fetchone()
    assert statuses[0] == "ok" and "pages 1-6 of 6 read by OCR (rapidocr)" in statuses[1]


def test_scanned_rendition_reads_as_its_text_layer(corpus_con):
    def pages(name: str) -> list[str]:
        return [
            text
            for (text,) in corpus_con.execute(
                "SELECT p.text FROM pages p JOIN documents d USING (document_id) "
                "WHERE d.file_name = ? ORDER BY p.page",
                [name],
            ).fetchall()
        ]

    scanned, text = pages("004_d846ccc318364117.scanned.pdf"), pages("004_d846ccc318364117.pdf")
    assert len(scanned) == len(text) == 6
    assert cer("\n".join(scanned), "\n".join(text)) <= 0.02


def test_rows_from_a_scan_carry_the_boxes_of_the_text_layer(corpus_con):
    """The same money figure, found on the scan and on the text rendition: same page, and
    boxes that overlap (a highlight drawn from OCR marks the same words)."""
    rows = corpus_con.execute(
        "SELECT d.file_name, m.raw, m.page, m.x0, m.top, m.x1, m.bottom FROM money m "
        "JOIN documents d USING (document_id) WHERE d.file_name LIKE '004_d846ccc318364117%'"
    ).fetchall()
    scanned = {(raw, page): box for name, raw, page, *box in rows if "scanned" in name}
    text = {(raw, page): box for name, raw, page, *box in rows if "scanned" not in name}
    shared = set(scanned) & set(text)
    assert len(shared) >= 0.9 * len(text) > 10
    overlaps = [iou(scanned[key], text[key]) for key in shared]
    assert sum(o >= 0.5 for o in overlaps) >= 0.9 * len(overlaps)


def iou(a: list[float], b: list[float]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


@pytest.mark.slow  # four OCR passes per page to find its orientation
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_pages_fed_turned_are_read_upright(tmp_path, turn):
    path = write(tmp_path, f"turned-{turn}.pdf", make_scan(SCANNED_LINES, turn=turn))
    page = read_document(path, "t").pages[0]
    assert page.reader == "ocr:rapidocr"
    assert cer(page.text, "\n".join(SCANNED_LINES)) <= 0.03
    # lines are laid out in the upright (portrait) frame, which the scanner turned by `turn`
    assert page.rotation == turn
    assert page.width < page.height


def test_a_skewed_scan_keeps_its_lines(tmp_path):
    path = write(tmp_path, "skewed.pdf", make_scan(SCANNED_LINES, skew=3.0))
    page = read_document(path, "s").pages[0]
    assert [line.text for line in page.lines] == SCANNED_LINES


def test_a_scan_gives_the_facts_of_its_text_rendition(tmp_path):
    scan = process_file(write(tmp_path, "scan.pdf", make_scan(SCANNED_LINES)))
    text = process_file(write(tmp_path, "text.pdf", make_pdf([SCANNED_LINES])))
    assert scan.status == "ok" and "page 1 of 1 read by OCR (rapidocr)" in scan.notes
    assert [p.reader for p in scan.pages] == ["ocr:rapidocr"]

    def facts(result):
        ex = result.extraction
        return (
            [(m.kind, m.meeting_date, m.start_time, m.venue) for m in ex.meetings],
            [(a.name, a.status) for a in ex.attendees],
            [(m.amount, m.currency) for m in ex.money],
        )

    assert facts(scan) == facts(text)
    assert facts(scan)[2] == [(1250, "GBP")]
    scan_box, text_box = (r.extraction.meetings[0].provenance for r in (scan, text))
    assert (
        iou(
            *(
                list(b.model_dump(include={"x0", "top", "x1", "bottom"}).values())
                for b in (scan_box, text_box)
            )
        )
        >= 0.7
    )


def test_ocr_never_leaves_scans_unread(tmp_path):
    path = write(tmp_path, "scan.pdf", make_scan(SCANNED_LINES))
    doc = read_document(path, "n", ocr=OcrSettings(mode="never"))
    assert not doc.pages[0].lines
    assert doc.warnings == ["1 of 1 pages have no text layer (scanned images; not OCRed)"]


def test_ocr_always_reads_good_text_pages_too():
    path = corpus_pdf("milburn-pc-2019-09-03-agenda")
    text = read_document(path, "t").pages[0]
    ocred = read_document(path, "o", ocr=OcrSettings(mode="always")).pages[0]
    assert text.reader == "pypdfium2" and ocred.reader == "ocr:rapidocr"
    assert cer(ocred.text, text.text) <= 0.05


def test_no_ocr_past_the_deadline(tmp_path):
    path = write(tmp_path, "late.pdf", make_scan(SCANNED_LINES))
    doc = read_document(path, "l", deadline=time.monotonic() - 1)
    assert not doc.pages[0].lines
    assert any("not OCRed (the document's time limit was near" in w for w in doc.warnings)


def test_a_missing_engine_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    get_engine.cache_clear()
    path = write(tmp_path, "scan.pdf", make_scan(SCANNED_LINES))
    result = process_file(path, ocr=OcrSettings(engine=TESSERACT))
    assert result.status == "partial"
    assert "not OCRed (the tesseract program is not installed" in result.error


def test_low_confidence_makes_a_document_partial():
    line = Line(text="Minutes", x0=72, top=72, x1=140, bottom=84, size=12, bold=False, spans=[])
    pages = [
        Page(
            number=n,
            width=612,
            height=792,
            lines=[line],
            has_text_layer=False,
            n_chars=0,
            reader="ocr:rapidocr",
            ocr_confidence=confidence,
        )
        for n, confidence in ((1, 0.97), (2, 0.55))
    ]
    assert document_warnings(pages) == [
        "page 2 of 2: OCR confidence below 0.80 (text may be misread)"
    ]


@pytest.mark.slow  # four OCR passes per page to find its orientation
def test_boxes_on_a_turned_scan_mark_its_words_as_shown(tmp_path):
    """Provenance boxes are on the page as shown (what `agendas trace --png` draws): on a scan
    fed sideways, the meeting's box covers ink, and its own words read there."""
    import pypdfium2

    path = write(tmp_path, "turned.pdf", make_scan(SCANNED_LINES, turn=90))
    result = process_file(path)
    box = result.extraction.meetings[0].provenance
    document = pypdfium2.PdfDocument(str(path))
    image = document[0].render(scale=1, grayscale=True).to_numpy()
    document.close()
    assert image.shape[1] > image.shape[0]  # shown sideways: wider than tall
    inside = image[int(box.top) : int(box.bottom), int(box.x0) : int(box.x1)]
    assert box.bottom - box.top > box.x1 - box.x0  # the lines run down the page as shown
    assert inside.size and (inside < 128).mean() > 0.05  # ink under the box
    assert (image < 128).mean() < 0.05  # the page as a whole is mostly paper


def test_renders_for_ocr_are_size_capped():
    for width, height in ((612, 792), (14_400, 14_400), (14_400, 200)):
        scale = render_scale(width, height, DPI)
        assert max(width, height) * scale <= MAX_SIDE_PX
        assert width * height * scale * scale <= MAX_PIXELS * 1.001
    assert render_scale(612, 792, DPI) == DPI / 72  # a normal page is not shrunk


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_tesseract_engine_reads_a_scan(tmp_path):
    get_engine.cache_clear()
    path = write(tmp_path, "scan.pdf", make_scan(SCANNED_LINES))
    page = read_document(path, "t", ocr=OcrSettings(engine=TESSERACT)).pages[0]
    assert page.reader == "ocr:tesseract" and page.ocr_confidence > 0.8
    assert cer(page.text, "\n".join(SCANNED_LINES)) <= 0.03


def test_a_scan_with_a_stamped_page_number_is_ocred_and_keeps_the_stamp(tmp_path):
    """Packs number their scanned appendices with a text stamp: the page has a text layer,
    but only "Page 5". It is OCRed, and the stamp stays the text layer's own words."""
    path = write(tmp_path, "stamped.pdf", make_stamped_scan(SCANNED_LINES, "Page 5"))
    doc = read_document(path, "s")
    page = doc.pages[0]
    assert page.reader == "ocr:rapidocr" and page.has_text_layer and not doc.warnings
    assert (page.page_label, page.label_number) == ("Page 5", 5)
    assert cer(page.text, "\n".join(SCANNED_LINES)) <= 0.03
    assert "Page 5" not in page.text  # the stamp is read once, as the label
    never = read_document(path, "n", ocr=OcrSettings(mode="never")).pages[0]
    assert never.text == "" and never.page_label == "Page 5"


def test_ocred_pages_are_kept_and_not_read_again(tmp_path, monkeypatch):
    """A second parse (a new version, --force) takes OCRed pages from the cache: the same
    words and boxes, without running the engine; another engine or dpi reads afresh."""
    from pipeline.read import ocr as ocr_module

    path = write(tmp_path, "scan.pdf", make_scan(SCANNED_LINES))
    settings = OcrSettings(cache=tmp_path / "cache")
    first = read_document(path, "d0c", ocr=settings).pages[0]
    stored = list((tmp_path / "cache").rglob("*.json"))
    assert [p.name for p in stored] == [f"d0c-p1-rapidocr-{DPI}dpi-v1.json"]

    def no_engine(*args):
        raise AssertionError("the engine ran although the page was cached")

    monkeypatch.setattr(ocr_module, "_read_image", no_engine)
    again = read_document(path, "d0c", ocr=settings).pages[0]
    assert again.reader == "ocr:rapidocr"
    assert [(line.text, line.x0, line.top) for line in again.lines] == [
        (line.text, line.x0, line.top) for line in first.lines
    ]
    other_dpi = read_document(path, "d0c", ocr=OcrSettings(cache=settings.cache, dpi=150))
    assert other_dpi.pages[0].problem and "the engine ran" in other_dpi.pages[0].problem
