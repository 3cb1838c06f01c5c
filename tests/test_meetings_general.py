"""Meetings on layouts the front-sheet and minutes-segment readers did not cover.

Every expected value below was read by hand off the PDF (pdfplumber text of the page), not
copied from output.
"""

from __future__ import annotations

import pytest

from extractors.common.dates import find_numeric_date
from tests.conftest import extract_corpus


def _meetings(stem: str, kind: str | None = None):
    return [m for m in extract_corpus(stem).meetings if kind is None or m.kind == kind]


def _hhmm(meeting) -> str | None:
    return meeting.start_time.strftime("%H:%M") if meeting.start_time else None


@pytest.mark.parametrize(
    ("stem", "day", "body"),
    [
        # "To: Cabinet, 30 January 2025" under the From: block of a covering report
        ("kent-cc-cabinet-2025-01-30-budget-monitoring-report", "2025-01-30", "Cabinet"),
        # "To Cabinet – 30 January 2025" on the cover of a 54-page report
        ("kent-cc-cabinet-2025-01-30-finance-monitoring-q3-report", "2025-01-30", "Cabinet"),
        # "MEETING DATE: May 6, 2020" under "CITY COUNCIL STAFF REPORT"
        ("morgan-hill-cc-2020-05-06-staff-report-investment-policy", "2020-05-06", "City Council"),
        # "Royal Sutton Coldfield Town Council Meeting 21 February 2017 / Agenda Item 166"
        (
            "sutton-coldfield-tc-council-2017-02-21-item166-report",
            "2017-02-21",
            "Royal Sutton Coldfield Town Council",
        ),
    ],
)
def test_report_addressed_to_a_meeting(stem: str, day: str, body: str):
    meetings = _meetings(stem)
    assert [(m.kind, m.meeting_date.isoformat()) for m in meetings] == [("agenda", day)]
    assert meetings[0].body == body
    assert meetings[0].provenance.page == 1


@pytest.mark.parametrize(
    ("stem", "day", "body"),
    [
        # "AGENDA ITEM / DATE: January 20, 2021 / TO: Mayor and City Council": the date is a
        # plain "Date:" field, no meeting word beside it
        ("aliso-viejo-cc-2021-01-20-report-salary-schedule", "2021-01-20", "City Council"),
        # running head "Community Grant Applications 13th March 2018" over the first line
        # "Amenities, Leisure & Community Services Committee"
        (
            "sutton-coldfield-tc-alcs-committee-2018-03-13-grant-applications-report",
            "2018-03-13",
            "Amenities, Leisure & Community Services Committee",
        ),
    ],
)
def test_paper_date_of_a_report_addressed_to_a_body(stem: str, day: str, body: str):
    """A paper that names the body it goes to and no meeting date: its own date (the first
    at the top of the page, running head included) is the meeting's."""
    meetings = _meetings(stem)
    assert [(m.kind, m.meeting_date.isoformat()) for m in meetings] == [("agenda", day)]
    assert meetings[0].body == body
    assert meetings[0].provenance.page == 1
    assert meetings[0].start_time is None and meetings[0].venue is None  # none printed


def test_letter_date_is_not_the_meeting_date():
    """'Date: 7 January 2025' is the despatch letter's; 'COUNTY COUNCIL - THURSDAY, 9 JANUARY
    2025' is the meeting the supplement is for."""
    meetings = _meetings("kent-cc-county-council-2025-01-09-item3-supplement-pack")
    assert [(m.kind, m.meeting_date.isoformat()) for m in meetings] == [("agenda", "2025-01-09")]
    assert meetings[0].body == "County Council"


def test_report_with_no_meeting_date_gives_no_meeting():
    """'REPORT TO: Joint Commissioning Group / Date of report: 21.11.14': the date is the
    report's, so no meeting row (the gold has none)."""
    assert _meetings("004_d846ccc318364117") == []


@pytest.mark.parametrize(
    ("stem", "day", "start"),
    [
        # "City Council / April 18, 2016 / Regular Meeting / Council Chambers / 6:00 PM"
        ("palo-alto-cc-2016-04-18-agenda", "2016-04-18", "18:00"),
        # "CITY OF MOUNTAIN VIEW  TUESDAY, APRIL 5, 2016 - 4:30 PM"
        ("mountain-view-city-council-2016-04-05-agenda", "2016-04-05", "16:30"),
    ],
)
def test_agenda_without_a_front_sheet(stem: str, day: str, start: str | None):
    meetings = _meetings(stem)
    assert [(m.kind, m.meeting_date.isoformat()) for m in meetings] == [("agenda", day)]
    assert _hhmm(meetings[0]) == start


def test_palo_alto_venue_under_the_meeting_type():
    meeting = _meetings("palo-alto-cc-2016-04-18-agenda")[0]
    assert (meeting.body, meeting.venue) == ("City Council", "Council Chambers")


def test_session_times_over_the_date_are_not_items():
    """'5:30 p.m. Closed Session / 7:00 p.m. Regular Business / December 12, 2022'."""
    meetings = _meetings("la-habra-heights-cc-2022-12-12-agenda")
    assert [(m.kind, m.meeting_date.isoformat(), _hhmm(m)) for m in meetings] == [
        ("agenda", "2022-12-12", "17:30")
    ]


def test_minutes_inside_an_agenda_pack():
    """Page 1 'FULL BOARD MEETING / AGENDA / February 23, 2023 / 6:00 PM'; page 3 'FULL BOARD /
    MINUTES / February 23, 2023', 'The Full Board meeting is now officially started at 6:06 PM'."""
    meetings = _meetings("bronx-cb1-2023-02-23-agenda-and-minutes")
    got = [(m.kind, m.meeting_date.isoformat(), _hhmm(m), m.provenance.page) for m in meetings]
    assert got == [("agenda", "2023-02-23", "18:00", 1), ("minutes", "2023-02-23", "18:06", 3)]
    assert meetings[1].body == "Full Board"


def test_minutes_title_under_a_letterhead():
    """'FULL BOARD MINUTES / DATE: July 18, 2024 / TIME: 6:30 P.M.' under the board's
    letterhead of officers, address and phone."""
    meetings = _meetings("manhattan-cb2-2024-07-18-minutes")
    assert [(m.kind, m.meeting_date.isoformat(), _hhmm(m)) for m in meetings] == [
        ("minutes", "2024-07-18", "18:30")
    ]
    assert meetings[0].body == "Full Board"


@pytest.mark.parametrize(
    ("stem", "start"),
    [
        # "The meeting was called to order at Lloyd Minor Park at 7:08 p.m."
        ("rivergrove-cc-2018-08-13-minutes", "19:08"),
        # "The meeting was called to order at River Grove Elementary School at 7:01 p.m."
        ("rivergrove-cc-2018-12-10-minutes", "19:01"),
    ],
)
def test_start_time_from_the_call_to_order(stem: str, start: str):
    assert [_hhmm(m) for m in _meetings(stem, "minutes")] == [start]


@pytest.mark.parametrize(
    "stem",
    [
        # closed session then regular meeting under one masthead, one ADJOURNMENT
        "aliso-viejo-cc-2021-01-20-agenda",
        "la-habra-heights-cc-2022-12-12-agenda",
        "mountain-view-city-council-2016-04-05-agenda",
        "hermosa-beach-cc-2023-01-10-agenda",
    ],
)
def test_sessions_of_one_meeting_stay_one_meeting(stem: str):
    assert len(_meetings(stem, "agenda")) == 1


@pytest.mark.parametrize(
    ("printed", "month_first", "day"),
    [
        ("COUNCIL AGENDA: 01/26/21", True, "2021-01-26"),  # 26 cannot be a month
        ("COUNCIL AGENDA: 01/26/21", False, "2021-01-26"),
        ("Meeting 26.01.2021", True, "2021-01-26"),
        ("Meeting 03/04/2021", True, "2021-03-04"),  # a US document: March 4
        ("Meeting 03/04/2021", False, "2021-04-03"),  # a UK document: 3 April
    ],
)
def test_dates_in_figures(printed: str, month_first: bool, day: str):
    found = find_numeric_date(printed, month_first)
    assert found is not None and found[1].isoformat() == day
