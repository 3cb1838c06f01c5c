"""Read-stage robustness: text quality, two-column order, plain reasons, folder walks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import describe_exception
from pipeline.read.document import page_list, read_document
from pipeline.read.ocr import OcrSettings
from pipeline.read.quality import CID_CODES, CONTROL_CHARS, GOOD, IMPLAUSIBLE, text_quality
from pipeline.run import files as files_module
from pipeline.run.files import discover
from tests.conftest import corpus_pdf
from tests.pdf_factory import assemble, document_objects, text_ops

ENGLISH = (
    "The committee considered the report of the Director of Finance on the revenue budget "
    "and agreed that the recommendations be approved subject to the amendments set out."
)


# The corpus's two packs whose text layer is a letter-substitution code (the fonts map glyphs
# to no real letters): every one of their pages, and no other page, is flagged, and so OCRed.
GARBLED = {"horsley-pc-2014-03-18-minutes": 3, "horsley-pc-2014-04-29-agenda": 1}


@pytest.mark.parametrize(("stem", "pages"), GARBLED.items())
def test_garbled_text_layers_are_flagged(stem, pages):
    doc = read_document(corpus_pdf(stem), "g", ocr=OcrSettings(mode="never"))
    assert [p.text_quality for p in doc.pages] == [CID_CODES] * pages
    assert doc.warnings == [
        f"{page_list(list(range(1, pages + 1)))} of {pages}: unreadable text "
        "(font without a Unicode map: (cid:N) codes)"
    ]


def test_corpus_pages_are_good_text_once_ocred(corpus_con):
    flagged = corpus_con.execute(
        "SELECT d.file_name, p.page, p.text_quality FROM pages p JOIN documents d "
        "USING (document_id) WHERE p.text_quality NOT IN ('good', 'empty')"
    ).fetchall()
    assert flagged == []
    garbled = corpus_con.execute(
        "SELECT d.file_name, count(*) FROM pages p JOIN documents d USING (document_id) "
        "WHERE p.reader = 'ocr:rapidocr' AND p.has_text_layer GROUP BY 1"
    ).fetchall()
    # and a picture with only its page number as text (a stamped scan, see test_ocr.py)
    stamped = {"morgan-hill-cc-2021-01-20-agenda.pdf": 1}
    assert dict(garbled) == {f"{stem}.pdf": n for stem, n in GARBLED.items()} | stamped
    ok_empty = corpus_con.execute(
        "SELECT count(*) FROM documents d WHERE status = 'ok' AND NOT EXISTS "
        "(SELECT 1 FROM pages p WHERE p.document_id = d.document_id AND p.text <> '')"
    ).fetchone()[0]
    assert ok_empty == 0


@pytest.mark.parametrize(
    ("text", "quality"),
    [
        (ENGLISH, GOOD),
        ("Le conseil a adopté le budget de la municipalité pour l'année prochaine. " * 3, GOOD),
        ("Item 1 ........................................ 5\n" * 6, GOOD),
        ("(cid:36)(cid:43)(cid:50) " * 30, CID_CODES),
        ("\x01\x0e\x1b\t\x16\x04\x11\x1e\x0c\x19" * 20, CONTROL_CHARS),
        (
            "Wkh frxqflo frqvlghuhg wkh uhsruw ri wkh Gluhfwru ri Ilqdqfh rq wkh uhyhqxh " * 3,
            IMPLAUSIBLE,
        ),
    ],
)
def test_text_quality(text: str, quality: str):
    assert text_quality(text) == quality


def _two_blocks(left: list[str], right: list[str], right_x: float = 320) -> bytes:
    content = (
        text_ops(left, x=50, y=760, size=10) + b"\n" + text_ops(right, x=right_x, y=760, size=10)
    )
    return assemble(document_objects([content]))


def _page_text(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    return read_document(path, "t").pages[0].text


def test_label_and_value_rows_keep_their_row_order(tmp_path: Path):
    labels = ["Date:", "Time:", "Venue:", "Chair:", "Clerk:", "Contact:"]
    values = [
        "Tuesday 4 March 2025",
        "7.00 pm",
        "Council Chamber",
        "Cllr A Smith",
        "J Jones",
        "01234 567890",
    ]
    text = _page_text(tmp_path, _two_blocks(labels, values, right_x=200))
    assert text.splitlines()[0] == "Date: Tuesday 4 March 2025"


def test_side_headings_keep_their_row_order(tmp_path: Path):
    headings = ["Purpose", "", "Background", "", "Options", ""]
    body = [
        "To ask the committee to approve the revised fees for the year ahead.",
        "The fees were last reviewed in 2022 and no longer cover the costs.",
        "The council has held fees at the same level for three years now.",
        "Costs of staff and materials have risen by a fifth in that time.",
        "Members may approve the fees, amend them, or keep them as they are.",
        "Keeping them would need a subsidy from the general fund next year.",
    ]
    text = _page_text(tmp_path, _two_blocks(headings, body, right_x=160))
    assert text.splitlines()[0].startswith("Purpose To ask the committee")


def test_two_text_columns_are_read_column_by_column(tmp_path: Path):
    left = [f"left column line {n} with several words of text" for n in range(1, 8)]
    right = [f"right column line {n} with several words of text" for n in range(1, 8)]
    lines = _page_text(tmp_path, _two_blocks(left, right)).splitlines()
    assert lines == left + right


def test_an_empty_exception_message_is_never_the_reason():
    class PdfminerException(Exception):
        pass

    class PDFPasswordIncorrect(Exception):
        pass

    assert describe_exception(PdfminerException(PDFPasswordIncorrect())) == (
        "encrypted: password required"
    )
    assert describe_exception(PdfminerException("")) == "unexpected error: PdfminerException"


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("Failed to load document (PDFium: Incorrect password error).", "encrypted: password"),
        ("Failed to load document (PDFium: Data format error).", "corrupt PDF"),
        ("Failed to load document (PDFium: Success).", "no pages"),
    ],
)
def test_pdfium_errors_get_plain_reasons(message: str, reason: str):
    class PdfiumError(RuntimeError):
        pass

    assert describe_exception(PdfiumError(message)).startswith(reason)


def test_unlistable_folder_is_reported(tmp_path: Path, monkeypatch):
    (tmp_path / "ok.pdf").write_bytes(b"%PDF-1.4")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = files_module.os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    problems: list[tuple[Path, str]] = []
    found = list(discover([tmp_path], on_problem=lambda p, why: problems.append((p, why))))
    assert found == [tmp_path / "ok.pdf"]
    assert problems == [(locked, "folder cannot be read: permission denied")]
