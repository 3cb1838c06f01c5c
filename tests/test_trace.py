"""`agendas trace`: from a row back to its file, page, box and text; the highlighted page image."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from pipeline.access.cli import main
from pipeline.access.highlight import DEFAULT_RESOLUTION, HIGHLIGHT_STROKE, PADDING, STROKE_WIDTH
from pipeline.access.trace import TRACEABLE as ID_COLUMNS
from pipeline.access.trace import source_context
from pipeline.store.load import connect
from tests.conftest import (
    HAND_ATTENDEE,
    HAND_MONEY,
    HAND_RESOLUTION,
    SEED_000_ID,
    corpus_pdf,
)

KENT_ITEM_5 = "0503a6ebafc76810:i0005"


def run_trace(db: Path, *args: str):
    return CliRunner().invoke(main, ["trace", *args, "--db", str(db)])


def stroke_box(png: Path) -> tuple[int, int, int, int] | None:
    """Pixel bounding box (x0, top, x1, bottom) of every pixel in the highlight frame's colour."""
    pixels = np.asarray(Image.open(png).convert("RGB"))
    ys, xs = np.nonzero((pixels == HIGHLIGHT_STROKE[:3]).all(axis=2))
    if not len(xs):
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


def expected_pixels(bbox: tuple[float, float, float, float]) -> tuple[float, ...]:
    scale = DEFAULT_RESOLUTION / 72
    x0, top, x1, bottom = bbox
    return (
        (x0 - PADDING) * scale,
        (top - PADDING) * scale,
        (x1 + PADDING) * scale,
        (bottom + PADDING) * scale,
    )


def assert_highlight_at(png: Path, bbox: tuple[float, float, float, float]) -> None:
    found = stroke_box(png)
    assert found is not None, "no highlight frame in the image"
    tolerance = STROKE_WIDTH + 2
    for got, want in zip(found, expected_pixels(bbox), strict=True):
        assert abs(got - want) <= tolerance, (found, expected_pixels(bbox))
    # Inside the frame the page is tinted yellow; well outside it, nothing is.
    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    yellow = (red > 230) & (green > 200) & (blue < 200)
    x0, top, x1, bottom = (round(v) for v in expected_pixels(bbox))
    inside = yellow[top + 6 : bottom - 6, x0 + 6 : x1 - 6]
    assert inside.mean() > 0.5
    outside = yellow.copy()
    outside[top - 8 : bottom + 8, x0 - 8 : x1 + 8] = False
    assert outside.sum() < 0.01 * inside.size


def row_box(row: dict) -> tuple[float, float, float, float]:
    return (row["x0"], row["top"], row["x1"], row["bottom"])


def test_trace_agenda_item_on_the_corpus(sample_db, tmp_path):
    png = tmp_path / "item5.png"
    result = run_trace(sample_db, "agenda_items", KENT_ITEM_5, "--png", str(png))
    assert result.exit_code == 0, result.output
    out = result.output
    pdf = corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet")
    assert f"document   {pdf}" in out
    assert "sha256     0503a6ebafc768106373d621680f31fb140ec88acfe991648d8e2f48068d69f2" in out
    assert "file unchanged since ingest" in out
    assert "page       1 of 2 (no printed label)" in out
    assert "box        x0=53.9 top=523.78 x1=511.04 bottom=549.58" in out
    assert "Kent County Council  Cabinet  2025-01-30  10:00:00" in out
    # Source lines marked, with the items before and after as context (read off the PDF).
    assert (
        "  > 5. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25" in out
    )
    assert "  > (Pages 11 - 84)" in out
    assert "    4. Cabinet Member Updates" in out
    assert (
        "    6. Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35" in out
    )
    # The Kent logo is red: only the frame may have the frame's exact colour.
    assert_highlight_at(png, (53.9, 523.78, 511.04, 549.58))


def test_trace_meeting_on_the_corpus(sample_db):
    result = run_trace(sample_db, "meetings", "2b92d1f98d77497d:m0001")
    assert result.exit_code == 0, result.output
    assert "  > Health and Wellbeing Board Agenda" in result.output
    assert "  > Date: Tuesday, 27th January, 2015" in result.output
    assert "item       not linked to an agenda item" in result.output


@pytest.mark.parametrize(
    ("table", "row", "expected_lines"),
    [
        (
            "resolutions",
            HAND_RESOLUTION,
            [
                "page       4 of 119 (Page 1)",
                "meeting    2b92d1f98d77497d:m9001  minutes  Cheshire East Council  "
                "Health and Wellbeing Board  2014-11-18",
                "item       2b92d1f98d77497d:i0003  3. Minutes of Previous meeting",
                "    RESOLVED",
                "  > That the minutes be approved as a correct record, subject to an amendment "
                "to minute 33 to refer",
                "  > sector and a correction to the start and finish time to refer to pm, "
                "rather than am.",
            ],
        ),
        (
            "money",
            HAND_MONEY,
            [
                "page       12 of 119 (Page 9)",
                # No meeting of its own: the meeting whose agenda item 5 the report is for.
                "meeting    2b92d1f98d77497d:m0001  agenda  Cheshire East Council  "
                "Health and Wellbeing Board  2015-01-27",
                "item       2b92d1f98d77497d:i0005  5. Joining Strategy and Commissioning",
                "    Function Cost",
                "  > Domestic Abuse Family Safety Unit (IDVA, MARAC, Hub functions, training "
                "lead) £325k",
                "    TOTAL £346k",
            ],
        ),
        (
            "attendees",
            HAND_ATTENDEE,
            [
                "page       4 of 119 (Page 1)",
                "item       not linked to an agenda item",
                "    Mike O'Regan (Vice-Chairman)",
                "  > Cllr Rachel Bailey, CE Council",
                "    Cllr Alift Harewood, CE Council",
            ],
        ),
    ],
)
def test_trace_resolution_money_attendee(hand_checked_db, tmp_path, table, row, expected_lines):
    png = tmp_path / f"{table}.png"
    row_id = row[ID_COLUMNS[table]]
    result = run_trace(hand_checked_db, table, row_id, "--png", str(png))
    assert result.exit_code == 0, result.output
    assert f"document   {corpus_pdf('000_de16defd1125f27f')}" in result.output
    assert f"sha256     {SEED_000_ID}" in result.output
    for line in expected_lines:
        assert any(out.startswith(line) for out in result.output.splitlines()), line
    assert_highlight_at(png, row_box(row))


def test_trace_json(hand_checked_db):
    result = run_trace(hand_checked_db, "money", HAND_MONEY["money_id"], "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["file"]["status"] == "verified"
    assert data["page"] == 12 and data["page_label"] == "Page 9"
    assert data["row"]["raw"] == "£325k"
    assert data["agenda_item"]["number"] == "5"


@pytest.fixture()
def moved_copy(hand_checked_db, tmp_path):
    """A database copy whose seed-000 document was ingested from a file we can move and edit."""
    db = tmp_path / "moved.duckdb"
    shutil.copyfile(hand_checked_db, db)
    pdf = tmp_path / "pack.pdf"
    shutil.copyfile(corpus_pdf("000_de16defd1125f27f"), pdf)
    con = connect(db)
    con.execute("UPDATE documents SET path = ? WHERE document_id = ?", [str(pdf), SEED_000_ID])
    con.execute("DELETE FROM document_paths WHERE document_id = ?", [SEED_000_ID])
    con.execute("INSERT INTO document_paths VALUES (?, ?, now())", [SEED_000_ID, str(pdf)])
    con.close()
    return db, pdf


def test_changed_file_is_reported_and_not_rendered(moved_copy, tmp_path):
    db, pdf = moved_copy
    with pdf.open("ab") as handle:
        handle.write(b"\n% edited after ingest\n")
    png = tmp_path / "out.png"
    result = run_trace(db, "resolutions", HAND_RESOLUTION["resolution_id"], "--png", str(png))
    assert result.exit_code == 1
    assert "THE FILE HAS CHANGED SINCE INGEST" in result.output
    assert str(pdf) in result.output
    assert not png.exists()
    assert f"{png} not written: the source PDF is changed" in result.output
    # The stored provenance is still shown.
    assert "page       4 of 119 (Page 1)" in result.output


def test_missing_file_is_reported(moved_copy, tmp_path):
    db, pdf = moved_copy
    pdf.unlink()
    result = run_trace(db, "money", HAND_MONEY["money_id"], "--png", str(tmp_path / "x.png"))
    assert result.exit_code == 1
    assert "THE FILE IS MISSING" in result.output
    assert not (tmp_path / "x.png").exists()


def test_moved_file_is_found_at_another_ingested_path(moved_copy, tmp_path):
    db, pdf = moved_copy
    elsewhere = tmp_path / "elsewhere.pdf"
    pdf.rename(elsewhere)
    con = connect(db)
    con.execute("INSERT INTO document_paths VALUES (?, ?, now())", [SEED_000_ID, str(elsewhere)])
    con.close()
    png = tmp_path / "moved.png"
    result = run_trace(db, "money", HAND_MONEY["money_id"], "--png", str(png))
    assert result.exit_code == 0, result.output
    assert f"the same bytes were found at {elsewhere}" in result.output
    assert_highlight_at(png, row_box(HAND_MONEY))


def test_unknown_row_and_table(sample_db):
    result = run_trace(sample_db, "money", "no-such-id")
    assert result.exit_code == 1
    assert "no row in money with money_id = 'no-such-id'" in result.output
    assert run_trace(sample_db, "pages", "x").exit_code == 2


def test_source_context_locates_lines_and_cells():
    page = "a\nb\nTOTAL £346k\nc\nd\ne\nf"
    context, note = source_context(page, "TOTAL £346k\nc", lines_around=1)
    assert [(c.text, c.is_source) for c in context] == [
        ("b", False),
        ("TOTAL £346k", True),
        ("c", True),
        ("d", False),
    ]
    assert note is None
    # A table cell matches the line holding it.
    context, _ = source_context(page, "£346k", lines_around=0)
    assert [c.text for c in context] == ["TOTAL £346k"]
    # A source continued on the next page matches its first part and says so.
    _, note = source_context(page, "f\nnext page line", lines_around=0)
    assert note == "1 of 2 source lines are on this page"
    # Text that is not in the body (a footer) is reported, not guessed.
    context, note = source_context(page, "Page 9")
    assert context == [] and "not in the page's body text" in note
