"""Meeting headers: US minutes titled by the meeting alone, a letterhead set flush right, and
dates as OCR prints them.

Expected values were read by hand off the PDFs (rendered page 1), not copied from output.
"""

from __future__ import annotations

from extractors.common.dates import find_date_text, parse_date
from extractors.meetings.minutes import OPENED_RE
from tests.conftest import extract_corpus


def _meetings(stem: str):
    return [
        (m.kind, m.meeting_date.isoformat() if m.meeting_date else None)
        for m in extract_corpus(stem).meetings
    ]


def test_minutes_titled_by_the_meeting_over_the_account_of_its_opening():
    # "CRETE TOWNSHIP REGULAR BOARD OF TRUSTEES MEETING / October 9, 2024 / The regular board
    # meeting of the Crete Township Board of Trustees was called to order by Supervisor Liccar
    # at 7:00 PM." : minutes, though the word "minutes" is never its title
    stem = "crete-township-board-2024-10-09-minutes"
    assert _meetings(stem) == [("minutes", "2024-10-09")]
    meeting = extract_corpus(stem).meetings[0]
    assert meeting.start_time is not None and meeting.start_time.strftime("%H:%M") == "19:00"


def test_the_opening_must_be_told_as_past():
    assert OPENED_RE.search("The regular meeting of the Board was called to order by the Chair")
    assert OPENED_RE.search("The meeting commenced at 7.30pm")
    assert not OPENED_RE.search("The meeting will be called to order at 7:00 PM")
    assert not OPENED_RE.search("CALL TO ORDER")


def test_street_number_in_a_flush_right_letterhead_is_not_the_first_item():
    # letterhead "45 Beatty Street" at the right, then "*** AGENDA *** / Tuesday, March 21,
    # 2023 / **START TIME 6:30 p.m.**", then "1. Disclosure of pecuniary interest."
    stem = "nipissing-township-2023-03-21-agenda"
    assert _meetings(stem) == [("agenda", "2023-03-21")]
    assert extract_corpus(stem).meetings[0].start_time.strftime("%H:%M") == "18:30"


def test_ocr_misread_day_number_is_put_back_when_it_reads_as_a_date():
    # the scanned Horsley agenda reads "Tuesday 29th April 2014" as "Tuesday 2gth April 2014"
    repaired = find_date_text("Tuesday 2gth April 2014 at 7.30 pm in the Village Hall")
    assert repaired == "Tuesday 29th April 2014"
    assert parse_date(repaired).isoformat() == "2014-04-29"
    assert find_date_text("on 3lst May 2014") == "31st May 2014"
    assert find_date_text("3Ost February 2014") is None  # 30 February is no date
    assert find_date_text("Ist May 2014") is None  # no figure at all: not read as a day


def test_comma_without_space_before_the_year():
    # the scanned Crete minutes: "September 14,2022" under the meeting title
    assert find_date_text("September 14,2022") == "September 14,2022"
    assert parse_date("September 14,2022").isoformat() == "2022-09-14"


def test_a_minutes_running_head_numbering_a_later_page_does_not_start_new_minutes():
    # the scanned Nipissing package: page 2 opens "MINUTES / TOWNSHIP OF NIPISSING / Tuesday,
    # February 18, 2025"; page 3 opens with the running head "Minutes – February 18, 2025 –
    # Page 2" and goes on with resolution R2025-037 of the same meeting
    from pipeline.models import Line, Page, Span
    from pipeline.segment import _starts_document

    def page(number: int, texts: list[str]) -> Page:
        lines = [
            Line(
                x0=50,
                top=50 + 14 * i,
                x1=400,
                bottom=60 + 14 * i,
                text=t,
                size=10,
                bold=False,
                spans=[Span(x0=50, top=50 + 14 * i, x1=400, bottom=60 + 14 * i, text=t)],
            )
            for i, t in enumerate(texts)
        ]
        return Page(number=number, width=612, height=792, lines=lines)

    first = page(2, ["MINUTES", "TOWNSHIP OF NIPISSING", "Tuesday, February 18, 2025"])
    later = page(3, ["Minutes – February 18, 2025 – Page 2", "R2025-037 S. Kirkey, J. Scott:"])
    assert not _starts_document(later, first)
    assert _starts_document(page(3, ["Minutes – February 18, 2025", "Present:"]), first)
