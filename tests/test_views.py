"""Analyst views (v_resolutions, v_money, v_attendance) and people across meetings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipeline.store.load import connect
from pipeline.store.schema import TABLES
from pipeline.store.views import VIEWS
from tests.conftest import (
    HAND_ATTENDEE,
    HAND_MONEY,
    HAND_RESOLUTION,
    SEED_000_ID,
    corpus_pdf,
    insert_row,
)


def fetch_dicts(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_views_join_facts_to_meeting_item_and_page(hand_checked_db):
    con = connect(hand_checked_db, read_only=True)
    pdf = str(corpus_pdf("000_de16defd1125f27f"))

    [resolution] = fetch_dicts(
        con,
        "SELECT * FROM v_resolutions WHERE resolution_id = ?",
        [HAND_RESOLUTION["resolution_id"]],
    )
    assert resolution["resolution"].startswith("That the minutes be approved")
    assert resolution["minute_number"] == "40"
    assert resolution["item_title"] == "Minutes of the meeting held on 23 September 2014"
    assert resolution["item_number"] == "3"
    assert resolution["meeting_date"] == date(2014, 11, 18)
    assert resolution["body"] == "Health and Wellbeing Board"
    assert (resolution["path"], resolution["page"], resolution["page_label"]) == (pdf, 4, "Page 1")

    [money] = fetch_dicts(con, "SELECT * FROM v_money WHERE money_id = ?", [HAND_MONEY["money_id"]])
    assert money["amount"] == Decimal("325000.00")
    assert money["item_title"].startswith("Joining Strategy and Commissioning")
    # The report is in the papers for the 27 January 2015 meeting (the pack's agenda).
    assert money["meeting_date"] == date(2015, 1, 27)
    assert money["authority"] == "Cheshire East Council"
    assert (money["path"], money["page"], money["page_label"]) == (pdf, 12, "Page 9")

    [attendance] = fetch_dicts(
        con, "SELECT * FROM v_attendance WHERE attendee_id = ?", [HAND_ATTENDEE["attendee_id"]]
    )
    assert attendance["name"] == "Rachel Bailey"
    assert attendance["status"] == "present"
    assert attendance["meeting_date"] == date(2014, 11, 18)
    assert attendance["person_id"] == "cheshire east council/bailey/rachel"
    con.close()


def test_money_without_an_item_gets_the_documents_only_agenda_meeting(tmp_path, hand_checked_db):
    db = tmp_path / "a.duckdb"
    db.write_bytes(hand_checked_db.read_bytes())
    con = connect(db)
    insert_row(con, "money", {**HAND_MONEY, "money_id": "x:f1", "item_id": None})
    [row] = fetch_dicts(con, "SELECT item_title, meeting_date FROM v_money WHERE money_id = 'x:f1'")
    assert row == {"item_title": None, "meeting_date": date(2015, 1, 27)}
    # A second agenda meeting in the document makes the meeting ambiguous: none is guessed.
    insert_row(
        con,
        "meetings",
        {"meeting_id": "x:m2", "document_id": SEED_000_ID, "kind": "agenda"},
    )
    [row] = fetch_dicts(con, "SELECT meeting_date FROM v_money WHERE money_id = 'x:f1'")
    assert row == {"meeting_date": None}
    con.close()


def test_views_exist_in_databases_written_before_them(tmp_path):
    """A database without the views (an older version's) gets them on a read-only connection."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE {name} ({columns})")
    con.close()
    con = connect(db, read_only=True)
    for name in VIEWS:
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone() == (0,)
    con.close()
    # Nothing was written to the file.
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchone() == (0,)
    con.close()


# Hand-made attendee rows: (attendee_id, meeting_id, name as printed, status).
MEETINGS = [
    ("m1", "Cheshire East Council", "2014-11-18"),
    ("m2", "Cheshire East Council", "2015-01-27"),
    ("m3", "Cheshire East Council", "2015-03-10"),
    ("k1", "Kent County Council", "2015-01-30"),
    ("n1", None, "2016-04-12"),
]
ATTENDEES = [
    ("a01", "m1", "Rachel Bailey", "present"),
    ("a02", "m2", "R Bailey", "apologies"),
    ("a03", "m3", "Councillor R. Bailey", "present"),
    ("a04", "m3", "RJ Bailey", "present"),
    ("a05", "k1", "Rachel Bailey", "present"),  # another authority: another person
    ("a06", "m1", "John Smith", "present"),
    ("a07", "m2", "Jane Smith", "present"),
    ("a08", "m3", "J Smith", "present"),  # John or Jane: not guessed
    ("a09", "m1", "J. Smith", "absent"),  # the same initials as a08
    ("a10", "m1", "Mike O’Regan (Vice-Chairman)", "present"),
    ("a11", "m2", "Mike O'Regan", "present"),
    ("a12", "m2", "Michael O'Regan", "present"),  # a different first name as printed
    ("a13", "m1", "Rachel Baily", "present"),  # a different surname as printed: not merged
    ("a14", "m2", "Bailey", "present"),  # surname only: not guessed
    ("a15", "n1", "Zoë Adams", "present"),
    ("a16", "n1", "Zoe Adams", "present"),
]
# Worked out by hand from the rule in pipeline/store/people.py.
EXPECTED_PEOPLE = {
    "cheshire east council/bailey/rachel": (
        ["Councillor R. Bailey", "R Bailey", "RJ Bailey", "Rachel Bailey"],
        "Rachel Bailey",
        3,
        2,
        1,
    ),
    "kent county council/bailey/rachel": (["Rachel Bailey"], "Rachel Bailey", 1, 1, 0),
    "cheshire east council/baily/rachel": (["Rachel Baily"], "Rachel Baily", 1, 1, 0),
    "cheshire east council/bailey/": (["Bailey"], "Bailey", 1, 1, 0),
    "cheshire east council/smith/john": (["John Smith"], "John Smith", 1, 1, 0),
    "cheshire east council/smith/jane": (["Jane Smith"], "Jane Smith", 1, 1, 0),
    "cheshire east council/smith/j": (["J Smith", "J. Smith"], "J. Smith", 2, 1, 0),
    "cheshire east council/o'regan/mike": (
        ["Mike O'Regan", "Mike O’Regan (Vice-Chairman)"],
        "Mike O'Regan",
        2,
        2,
        0,
    ),
    "cheshire east council/o'regan/michael": (["Michael O'Regan"], "Michael O'Regan", 1, 1, 0),
    "document doc/adams/zoe": (["Zoe Adams", "Zoë Adams"], "Zoë Adams", 1, 1, 0),
}


@pytest.fixture()
def people_db(tmp_path) -> Path:
    db = tmp_path / "people.duckdb"
    con = connect(db)
    for meeting_id, authority, day in MEETINGS:
        insert_row(
            con,
            "meetings",
            {
                "meeting_id": meeting_id,
                "document_id": "doc",
                "kind": "minutes",
                "authority": authority,
                "meeting_date": day,
            },
        )
    for attendee_id, meeting_id, name, status in ATTENDEES:
        insert_row(
            con,
            "attendees",
            {
                "attendee_id": attendee_id,
                "meeting_id": meeting_id,
                "document_id": "doc",
                "name": name,
                "status": status,
            },
        )
    con.close()
    return db


def test_people_group_name_variants_conservatively(people_db):
    con = connect(people_db, read_only=True)
    found = {
        row["person_id"]: (
            row["variants"],
            row["name"],
            row["meetings"],
            row["present"],
            row["apologies"],
        )
        for row in fetch_dicts(con, "SELECT * FROM people")
    }
    assert found == EXPECTED_PEOPLE
    [rachel] = fetch_dicts(
        con,
        "SELECT first_meeting, last_meeting FROM people "
        "WHERE person_id = 'cheshire east council/bailey/rachel'",
    )
    assert rachel == {"first_meeting": date(2014, 11, 18), "last_meeting": date(2015, 3, 10)}
    con.close()


def test_an_initial_joins_a_full_name_only_when_there_is_one(people_db):
    con = connect(people_db)
    # A second R-name for Bailey in the same authority: "R Bailey" can no longer be placed.
    insert_row(
        con,
        "attendees",
        {"attendee_id": "a99", "meeting_id": "m1", "document_id": "doc", "name": "Robert Bailey"},
    )
    ids = dict(con.execute("SELECT attendee_id, person_id FROM person_names").fetchall())
    assert ids["a01"] == "cheshire east council/bailey/rachel"
    assert ids["a99"] == "cheshire east council/bailey/robert"
    assert ids["a02"] == "cheshire east council/bailey/r"
    assert ids["a03"] == "cheshire east council/bailey/r"
    assert ids["a04"] == "cheshire east council/bailey/rj"
    con.close()
