"""Meeting header values that cannot be what their column means are dropped, and no corpus
document keeps one (whatever its layout, gold or not)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from extractors.common.plausible import plausible_date, plausible_name, plausible_venue

AGENDA_AS_VENUE = "1. Call to Order., 2. Roll Call., 3. Motion to excuse absent members " * 60


@pytest.mark.parametrize(
    "venue",
    [
        "Committee Suite 1,2 & 3, Westfields, Middlewich Road, Sandbach CW11 1HZ",
        "Council Chamber, Sessions House, County Hall, Maidstone",
        "Virtual Meeting",
        "VILLAGE HALL",
        "Carbon Arc Bar & Board",
    ],
)
def test_places_are_kept(venue: str):
    assert plausible_venue(venue) == venue


@pytest.mark.parametrize(
    "venue",
    [
        AGENDA_AS_VENUE,  # the whole agenda
        "_" * 60,  # a signature line
        "(or on the rising of Full Council, whichever is the later)",
        "Time: 3.00 p.m., Venue: Horsley Village Hall",  # several labelled fields
        "The meeting was called to order at Lloyd Minor Park at 7:08 p.m",  # a sentence
        "Regular Session 6:00 p.m",
    ],
)
def test_what_is_not_a_place_is_dropped(venue: str):
    assert plausible_venue(venue) is None


@pytest.mark.parametrize(
    "name",
    [
        "Health and Adult Social Care and Communities Overview and Scrutiny Committee",
        "Cabinet",
        "Lincoln Square Special Service Area #21",
        "Chicago Police District Council 001",
        "Burton-cum-Walden Parish Council",
    ],
)
def test_names_are_kept(name: str):
    assert plausible_name(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "4. Approval of the",
        "220",
        "above Council",
        "per speaker. City Hall Council Chambers",
        "Location/Address: Maggie Daley Fieldhouse,",
        "and Link to Agenda Items Available at http://www.ci.omaha.ne.us ROLL CALL",
        "A REGULAR MEETING OF THE LA HABRA HEIGHTS CITY COUNCIL 1225 North Hacienda Road",
        "BURTON-CUM-WALDEN PARISH COUNCIL South View, West Burton, Leyburn, North Yorkshire "
        "DL8 4JN Tel: 01969 663419 E-mail: clerk@burtoncumwalden-pc.gov.uk PUBLIC NOTICE",
    ],
)
def test_what_is_not_a_name_is_dropped(name: str):
    assert plausible_name(name) is None


def test_meeting_dates_fall_between_1950_and_a_few_years_ahead():
    today = date(2026, 11, 29)
    assert plausible_date(date(2014, 11, 18), today) == date(2014, 11, 18)
    assert plausible_date(date(2027, 3, 1), today) == date(2027, 3, 1)
    assert plausible_date(date(1899, 1, 1), today) is None
    assert plausible_date(date(2220, 1, 1), today) is None


def test_every_corpus_meeting_and_item_is_plausible(corpus_con):
    """Shapes checked on every corpus PDF, gold or not (written apart from the normalizer's
    rules, so a change that lets garbage through shows here)."""
    meetings = corpus_con.execute(
        "SELECT d.file_name, m.venue, m.body, m.authority, m.meeting_date "
        "FROM meetings m JOIN documents d USING (document_id)"
    ).fetchall()
    for file_name, venue, body, authority, meeting_date in meetings:
        assert venue is None or len(venue) <= 150, file_name
        assert venue is None or not re.search(r"\d[:.]\d\d\s*[ap]\.?m", venue, re.I), file_name
        for name in (body, authority):
            assert name is None or (len(name) <= 120 and name[0].isupper()), (file_name, name)
            assert name is None or not re.search(r"\d{4}|@|http", name), (file_name, name)
        assert meeting_date is None or date(1950, 1, 1) <= meeting_date <= date(2031, 12, 31)
    # An agenda with two sessions may list "2. ROLL CALL" in each, and an outermost item may be
    # printed again right after its own sub-items (Rosemead's "4. PUBLIC HEARING", twice in the
    # gold); any other repeat of an item with no list numbered afresh between is a misread.
    items = corpus_con.execute(
        "SELECT document_id, number, parent, title FROM agenda_items ORDER BY item_id"
    ).fetchall()
    seen: dict[tuple, int] = {}
    restarts: list[int] = []
    last_outermost: dict[str, tuple] = {}
    for position, (document_id, number, parent, title) in enumerate(items):
        if parent is None and number in ("1", "A", "I"):
            restarts.append(position)
        key = (document_id, number, parent, title)
        printed_again = parent is None and last_outermost.get(document_id) == key
        if key in seen and not printed_again:
            assert any(seen[key] < r <= position for r in restarts), key
        seen[key] = position
        if parent is None:
            last_outermost[document_id] = key
