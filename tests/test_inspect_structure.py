"""`agendas inspect` shows what the structure layer made of a page's lines: entries with their
number, scheme and parent, titles running on, minute headings, and the page's line spacing."""

from __future__ import annotations

from pipeline.access.page_inspect import format_page, inspect_page
from tests.conftest import corpus_pdf


def structure_of(stem: str, page: int) -> dict[str, str]:
    inspected = inspect_page(corpus_pdf(stem), page)
    return {line.text: line.structure for line in inspected.lines}


def test_agenda_entries_with_scheme_parent_and_title_lines() -> None:
    # Hermosa Beach agenda, page 4: roman sections, lettered items under them, capitals titles
    # wrapped onto a second line, and a paragraph of text under "VI. APPROVAL OF AGENDA"
    roles = structure_of("hermosa-beach-cc-2023-01-10-agenda", 4)
    assert roles["I. CALL TO ORDER"] == "entry I (roman_upper)"
    assert roles["VII. PROCLAMATIONS / PRESENTATIONS"] == "entry VII (roman_upper)"
    a = next(text for text in roles if text.startswith("a) 23-0015 RECOGNIZING"))
    assert roles[a] == "entry a (lower in VII)"
    assert roles["AND JAMESON LOWREY FOR THEIR LIFESAVING EFFORTS"] == "title"
    prose = next(text for text in roles if text.startswith("This is the time for the City"))
    assert roles[prose] == ""


def test_preamble_list_in_body_type_is_no_entry() -> None:
    # page 2: "1. IN PERSON ... 2. ZOOM ..." is how to watch the meeting, not business
    roles = structure_of("hermosa-beach-cc-2023-01-10-agenda", 2)
    in_person = next(text for text in roles if text.startswith("1. IN PERSON"))
    assert roles[in_person] == ""


def test_minute_headings_and_page_spacing_in_the_listing() -> None:
    # Milburn minutes, page 1: numbered minutes "18.11.1 Apologies" ...; 12 pt type, lines
    # 14.4 pt apart
    inspected = inspect_page(corpus_pdf("milburn-pc-2018-11-06-minutes"), 1)
    roles = {line.text: line.structure for line in inspected.lines}
    assert roles["18.11.1 Apologies"] == "minute 18.11.1"
    assert roles["18.11.6 Beacon to Commemorate 100 Years of Remembrance"] == "minute 18.11.6"
    assert roles["Clerk J Connelly"] == ""
    listing = format_page(inspected)
    assert "body type 12.0 pt, line pitch 14.4 pt" in listing.splitlines()[0]
    assert any(
        "minute 18.11.1" in row and row.endswith("18.11.1 Apologies")
        for row in listing.splitlines()
    )
