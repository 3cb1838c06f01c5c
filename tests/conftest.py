"""Shared fixtures: corpus paths, gold files, and one ingest of the whole corpus per session."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract_document
from pipeline.models import Extraction, ReadDocument, ResolutionRecord, Segmentation
from pipeline.normalize import normalize
from pipeline.read.document import read_document
from pipeline.run.ingest import ingest
from pipeline.segment import segment_document
from pipeline.store.load import connect

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
REAL = CORPUS / "real"
GOLD = CORPUS / "gold"


def corpus_pdf(stem: str) -> Path:
    for folder in (SEEDS, REAL):
        path = folder / f"{stem}.pdf"
        if path.exists():
            return path
    raise FileNotFoundError(stem)


@cache
def read_corpus(stem: str) -> ReadDocument:
    """Read a corpus PDF once per test session (reading is deterministic)."""
    return read_document(corpus_pdf(stem), stem)


@cache
def segment_corpus(stem: str) -> Segmentation:
    return segment_document(read_corpus(stem))


@cache
def extract_corpus(stem: str) -> Extraction:
    """Every extractor's records for a corpus PDF, normalized, once per session."""
    return normalize(extract_document(read_corpus(stem), segment_corpus(stem)))


def resolution_starting(stem: str, start: str) -> ResolutionRecord:
    """The one resolution of a corpus PDF whose text starts so (fails on none or several)."""
    matches = [r for r in extract_corpus(stem).resolutions if r.text.startswith(start)]
    assert len(matches) == 1, f"{start!r}: {len(matches)} rows"
    return matches[0]


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text())


def pagemap(stem: str) -> dict:
    return json.loads((SEEDS / f"{stem}.pagemap.json").read_text())


# A pack, a two-page agenda front sheet and a parish council's minutes and agenda: enough for
# the tests of search, trace, views and export, ingested in seconds rather than minutes.
SAMPLE_PACKS = [
    "000_de16defd1125f27f",
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
    "milburn-pc-2018-11-06-minutes",
    "milburn-pc-2019-09-03-agenda",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the whole corpus ingested are slow; `-m "not slow"` is the fast set."""
    for item in items:
        if "corpus_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The sample packs ingested once."""
    db = tmp_path_factory.mktemp("sample") / "agendas.duckdb"
    summary = ingest([corpus_pdf(stem) for stem in SAMPLE_PACKS], db, workers=1)
    assert summary.counts["ok"] == len(SAMPLE_PACKS), summary.failures
    return db


@pytest.fixture()
def sample_con(sample_db):
    con = connect(sample_db, read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The whole bundled corpus ingested once (the same job `make run` does)."""
    db = tmp_path_factory.mktemp("corpus") / "agendas.duckdb"
    summary = ingest([CORPUS], db, workers=2)
    assert summary.counts["failed"] == 0, summary.failures
    return db


@pytest.fixture()
def corpus_con(corpus_db):
    con = connect(corpus_db, read_only=True)
    yield con
    con.close()


# Rows checked by hand against pdfplumber's words on pages 4 and 12 of seed pack 000 (Cheshire
# East Health and Wellbeing Board, 27 January 2015): text lines and boxes as
# `page.extract_text_lines()` gives them. They stand in for the attendee, resolution and money
# extractors' output in the tests of trace, views and search.
SEED_000 = "000_de16defd1125f27f"
SEED_000_ID = "2b92d1f98d77497d1c91483d86e4e6e77d9af2fd8ecb4acd4474250b6ace822a"
HAND_MINUTES_MEETING = {
    "meeting_id": "2b92d1f98d77497d:m9001",
    "document_id": SEED_000_ID,
    "kind": "minutes",
    "authority": "Cheshire East Council",
    "body": "Health and Wellbeing Board",
    "meeting_date": "2014-11-18",
    "page": 4,
    "page_label": "Page 1",
    "x0": 62.36,
    "top": 88.51,
    "x1": 450.01,
    "bottom": 130.51,
    "source_text": "Minutes of a meeting of the Health and Wellbeing Board\n"
    "held on Tuesday, 18th November, 2014 at Committee Suite 1,2 & 3, Westfields,\n"
    "Middlewich Road, Sandbach CW11 1HZ",
}
HAND_RESOLUTION = {
    "resolution_id": "2b92d1f98d77497d:r9001",
    "meeting_id": "2b92d1f98d77497d:m9001",
    "item_id": "2b92d1f98d77497d:i0003",  # agenda item 3, Minutes of Previous meeting (pp. 4-9)
    "document_id": SEED_000_ID,
    "minute_number": "40",
    "item_title": "Minutes of the meeting held on 23 September 2014",
    "text": "That the minutes be approved as a correct record, subject to an amendment to minute "
    "33 to refer to Healthwatch having access to the data in respect of the JSNA consultation "
    "with the third sector and a correction to the start and finish time to refer to pm, "
    "rather than am.",
    "page": 4,
    "page_label": "Page 1",
    "x0": 62.36,
    "top": 714.51,
    "x1": 532.91,
    "bottom": 753.51,
    "source_text": "That the minutes be approved as a correct record, subject to an amendment to "
    "minute 33 to refer\nto Healthwatch having access to the data in respect of the JSNA "
    "consultation with the third\nsector and a correction to the start and finish time to "
    "refer to pm, rather than am.",
}
HAND_MONEY = {
    "money_id": "2b92d1f98d77497d:f9001",
    "document_id": SEED_000_ID,
    "item_id": "2b92d1f98d77497d:i0005",  # agenda item 5, Domestic Abuse (pp. 10-56)
    "amount": 325000,
    "currency": "GBP",
    "raw": "£325k",
    "context": "Domestic Abuse Family Safety Unit (IDVA, MARAC, Hub functions, training lead) "
    "£325k",
    "implicit": False,
    "page": 12,
    "page_label": "Page 9",
    "x0": 500.67,
    "top": 449.3,
    "x1": 527.91,
    "bottom": 459.3,
    "source_text": "£325k",
}
HAND_ATTENDEE = {
    "attendee_id": "2b92d1f98d77497d:p9001",
    "meeting_id": "2b92d1f98d77497d:m9001",
    "document_id": SEED_000_ID,
    "name": "Rachel Bailey",
    "honorific": "Cllr",
    "organisation": "CE Council",
    "status": "present",
    "page": 4,
    "page_label": "Page 1",
    "x0": 62.36,
    "top": 198.01,
    "x1": 210.30,
    "bottom": 209.01,
    "source_text": "Cllr Rachel Bailey, CE Council",
}
HAND_ROWS = {
    "meetings": HAND_MINUTES_MEETING,
    "resolutions": HAND_RESOLUTION,
    "money": HAND_MONEY,
    "attendees": HAND_ATTENDEE,
}


def insert_row(con, table: str, row: dict) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


@pytest.fixture(scope="session")
def hand_checked_db(sample_db, tmp_path_factory) -> Path:
    """A copy of the sample database with the hand-checked rows above added."""
    db = tmp_path_factory.mktemp("hand") / "agendas.duckdb"
    shutil.copyfile(sample_db, db)
    con = connect(db)
    for table, row in HAND_ROWS.items():
        insert_row(con, table, {**row, "extractor": "hand-checked"})
    con.close()
    return db
