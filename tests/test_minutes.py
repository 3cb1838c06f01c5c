"""Minutes in the corpus: the meeting, who attended in which capacity, what was decided.

Expected values were read off the PDFs by hand (page numbers are physical pages).
"""

from __future__ import annotations

from datetime import date, time

from pipeline.extract import extract_document
from pipeline.models import (
    AttendeeRecord,
    Line,
    Page,
    ReadDocument,
    ResolutionRecord,
    Segment,
    Segmentation,
    Span,
)
from tests.conftest import HAND_ATTENDEE, HAND_RESOLUTION, extract_corpus, segment_corpus

SEED_000 = "000_de16defd1125f27f"
SEED_002 = "002_f8fc1ac79f48ba23"
SEED_003 = "003_9fbe4fd92762a598"
KENT = "kent-cc-cabinet-2025-01-30-printed-minutes"
MILBURN = "milburn-pc-2018-11-06-minutes"
PALO_ALTO = "east-palo-alto-planning-commission-2020-01-27-minutes"
CHICAGO = "chicago-ssa21-lincoln-square-2018-01-29-minutes"
BURTON_2024 = "burton-cum-walden-pc-2024-03-05-minutes"
BURTON_2025 = "burton-cum-walden-pc-2025-06-03-minutes"
SOULDERN_2014 = "souldern-pc-2014-01-22-minutes"
TINTERN_2018 = "tintern-cc-2018-09-24-minutes"
TINTERN_2019 = "tintern-cc-2019-03-25-minutes"
RIVERGROVE = "rivergrove-cc-2018-12-10-minutes"


def attendee(stem: str, name: str, meeting: str | None = None) -> AttendeeRecord:
    """The one row for this person at a minuted meeting (front-sheet members aside)."""
    matches = [
        a
        for a in extract_corpus(stem).attendees
        if a.name == name and a.status != "member" and meeting in (None, a.meeting_key)
    ]
    assert len(matches) == 1, f"{name}: {len(matches)} rows"
    return matches[0]


def resolutions(stem: str, minute: str) -> list[ResolutionRecord]:
    return [r for r in extract_corpus(stem).resolutions if r.minute_number == minute]


# --- meetings ---------------------------------------------------------------------------


def test_minutes_meeting_from_held_on_sentence_and_commenced_time():
    meeting = next(m for m in extract_corpus(SEED_000).meetings if m.key == "minutes:4")
    assert meeting.kind == "minutes"
    assert meeting.body == "Health and Wellbeing Board"
    assert meeting.authority == "Cheshire East Council"
    assert meeting.meeting_date == date(2014, 11, 18)
    assert meeting.start_time == time(14, 0)  # "The meeting commenced at 2.00 pm"
    assert (
        meeting.venue == "Committee Suite 1,2 & 3, Westfields, Middlewich Road, Sandbach CW11 1HZ"
    )
    assert meeting.provenance.page == 4


def test_minutes_meeting_held_in_venue_on_date():
    (meeting,) = [m for m in extract_corpus(KENT).meetings if m.kind == "minutes"]
    assert (meeting.body, meeting.meeting_date) == ("Cabinet", date(2025, 1, 30))
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"


def test_minutes_meeting_from_stacked_title_lines():
    (meeting,) = [m for m in extract_corpus(PALO_ALTO).meetings if m.kind == "minutes"]
    assert meeting.body == "Planning Commission"
    assert meeting.start_time == time(19, 0)
    assert meeting.venue == "EPA Government Center, City Council Chamber, East Palo Alto, CA 94303"


def test_notes_inside_a_pack_are_a_meeting_of_their_own():
    meeting = next(m for m in extract_corpus(SEED_000).meetings if m.key == "minutes:115")
    assert meeting.body == "Connecting Care Across Cheshire Pioneer Panel"
    assert (meeting.meeting_date, meeting.venue) == (date(2014, 11, 13), "Wyvern House, Winsford")


# --- attendees --------------------------------------------------------------------------


def test_one_person_per_line_under_status_headings():
    assert attendee(SEED_000, "J Clowes").status == "present"
    # under "Associate Non Voting Member", still in the PRESENT section
    assert attendee(SEED_000, "Lorraine Butcher", "minutes:4").status == "present"
    bradley = attendee(SEED_000, "Anita Bradley")
    assert (bradley.status, bradley.role, bradley.organisation) == (
        "in_attendance",
        "Legal Services",
        "CE Council",
    )
    observer = attendee(SEED_000, "S Gardiner")
    assert (observer.status, observer.role) == ("in_attendance", "Observer")
    assert attendee(SEED_000, "P Hoyland").status == "in_attendance"  # "Councillor in attendance"
    assert attendee(SEED_000, "Mike Suarez").status == "apologies"
    assert attendee(SEED_000, "J Clowes").provenance.page == 4


def test_comma_lists_footnotes_and_prose_apologies():
    extraction = extract_corpus(SEED_002)
    minutes = [a for a in extraction.attendees if a.meeting_key == "minutes:4"]
    assert len([a for a in minutes if a.status == "present"]) == 13
    lowry = attendee(SEED_002, "Madeleine Lowry")
    assert lowry.organisation == "Cheshire and Wirral Partnership NHS Foundation Trust"
    assert lowry.note == "Attended for Minute No. 59 only"
    # "An apology for absence was received from Councillor S Gardiner, who was substituted
    # for by Councillor L Smetham": the substitute was present, not an apology.
    gardiner = [a for a in minutes if a.name == "S Gardiner"]
    assert [a.status for a in gardiner] == ["apologies"]
    assert [a.status for a in minutes if a.name == "L Smetham"] == ["present"]


def test_membership_list_on_the_front_sheet():
    members = [a for a in extract_corpus(SEED_002).attendees if a.status == "member"]
    assert len(members) == 15
    assert {a.meeting_key for a in members} == {"m1"}
    assert next(a for a in members if a.name == "L Wardlaw").role == "Chairman"


def test_table_with_wrapped_cells():
    rice = attendee(SEED_003, "Barbara Rice")
    assert rice.role == "Chair and Portfolio Holder for Adult Social Care and Health"
    assert rice.organisation == "Thurrock Council"
    redsell = attendee(SEED_003, "Joy Redsell")
    assert redsell.role == "Opposition Group Representative"  # one person over two lines
    assert attendee(SEED_003, "Shane Hebb").status == "apologies"
    assert attendee(SEED_003, "Les Billingham").note == "item 12"
    names = {a.name for a in extract_corpus(SEED_003).attendees}
    assert "Adult Social Care and Health" not in names and "Representative" not in names


def test_sentence_lists_with_roles_in_brackets():
    extraction = extract_corpus(KENT)
    present = [a.name for a in extraction.attendees if a.status == "present"]
    assert present == [
        "R W Gough", "N Baker", "S Chandler", "D Jeffrey", "R C Love",
        "D Murphy", "P J Oakford", "D Watkins", "R J Thomas",
    ]  # fmt: skip
    hammond = attendee(KENT, "S Hammond")
    assert hammond.role == "Corporate Director Children, Young People and Education"
    assert attendee(KENT, "M Gogarty").status == "in_attendance"  # IN ATTENDANCE VIRTUALLY
    assert attendee(KENT, "C Bell").status == "apologies"


def test_clerk_listed_with_members_is_an_officer():
    assert attendee(MILBURN, "J Connelly").status == "in_attendance"
    assert attendee(MILBURN, "A Armstrong").organisation == "EDC"
    assert len(extract_corpus(MILBURN).attendees) == 7


def test_clerk_with_a_courtesy_title_is_an_officer():
    # "... David Dent, Councillors, and Mr Richard Nolan, Clerk." (page 1)
    nolan = attendee(BURTON_2025, "Richard Nolan")
    assert (nolan.honorific, nolan.role, nolan.status) == ("Mr", "Clerk", "in_attendance")
    # "Mrs B McGarry (Clerk)" in the "Present:" column (page 1)
    assert attendee(SOULDERN_2014, "B McGarry").status == "in_attendance"
    # a councillor is still a member: "Cllr ..." rows of the same lists stay present
    assert attendee(BURTON_2025, "Jane Ritchie").status == "present"


def test_attendance_list_printed_as_a_minute_heading():
    # "2661. Apologies for absence: Cllrs Shewell & Cobb." is the whole minute (page 1)
    for name in ("Shewell", "Cobb"):
        row = attendee(TINTERN_2019, name)
        assert (row.honorific, row.status) == ("Cllr", "apologies")
    # "2566. Apologies for absence: Cllr Pocock."
    assert attendee(TINTERN_2018, "Pocock").status == "apologies"


def test_attendance_paragraph_read_sentence_by_sentence():
    # "... and Bill Tuttle were present. City Attorney Bill Kabeiseman was also present."
    assert attendee(RIVERGROVE, "Bill Tuttle").status == "present"
    # "... and the Clerk. Members of the public – Mr Steve Baldwin, MCC."
    baldwin = attendee(TINTERN_2018, "Steve Baldwin")
    assert (baldwin.honorific, baldwin.organisation, baldwin.status) == (
        "Mr",
        "MCC",
        "in_attendance",
    )
    # "Also present: PCSO Sharon Diamond who reported that she was meeting ..."
    diamond = attendee(BURTON_2024, "Sharon Diamond")
    assert (diamond.honorific, diamond.status) == ("PCSO", "in_attendance")


def test_initials_of_a_post_before_a_name_are_a_title():
    # "Members of the public – CSO Jones & Beth Winstone." (page 1)
    jones = attendee(TINTERN_2019, "Jones")
    assert (jones.honorific, jones.status) == ("CSO", "in_attendance")
    assert attendee(TINTERN_2019, "Beth Winstone").honorific is None
    names = {a.name for a in extract_corpus(SEED_000).attendees}
    assert "England" not in names  # "NHS England" is a body, not "NHS" + a name


def test_name_cut_by_the_end_of_a_full_line():
    # "... Mr David Dent and Mrs Victoria" ends a full-width line; "Whitehead, Councillors,
    # and Mrs Susan Ryding, Clerk" follows (page 1)
    assert attendee(BURTON_2024, "Victoria Whitehead").status == "present"
    assert attendee(BURTON_2024, "Susan Ryding").status == "in_attendance"
    # "Councillors ... and P Moran" also fills its line, but "Clerk J Connelly" starts a new
    # entry: the next line's first word does not close a name
    assert attendee(MILBURN, "P Moran").status == "present"


def test_roll_call_table_and_public_speaker():
    # a member of the public named only in the text of a minute is no attendee
    assert attendee(PALO_ALTO, "Uriel Hernandez").status == "absent"
    assert attendee(PALO_ALTO, "Andrei Garcia").status == "present"  # arrived late
    assert attendee(PALO_ALTO, "Juan Mendez").role == "Alternate"
    assert not [a for a in extract_corpus(PALO_ALTO).attendees if a.name == "Court Skinner"]


def test_inline_roll_call_labels():
    assert attendee(CHICAGO, "Pat Bader").status == "absent"
    assert attendee(CHICAGO, "Ryan Warsing").organisation == "LSRCC"


# --- resolutions ------------------------------------------------------------------------


def test_numbered_resolved_block_gives_one_row_per_resolution():
    rows = resolutions(SEED_000, "48")
    assert [r.text[:40] for r in rows] == [
        "That the adoption of the Cheshire, Halto",
        "That the Health and Well Being Board sup",
        "That the Health and Well Being Board not",
        "That future reports be received, updatin",
    ]
    assert {r.item_title for r in rows} == {"Mental Health Crisis Concordat"}
    assert {r.provenance.page for r in rows} == {8}


def test_agreed_sentence_only_where_there_is_no_resolved_block():
    (deferred,) = resolutions(SEED_000, "49")
    assert deferred.text.startswith("Due to time constraints on the meeting, it was agreed")
    # minute 43 says "It was agreed that a report would be submitted" and then RESOLVED
    assert [r.text[:30] for r in resolutions(SEED_000, "43")] == ["That the NHS England Accountab"]


def test_lettered_resolutions_drop_the_lead_in():
    rows = resolutions(KENT, "88")
    assert rows[0].text == "Note the forecast revenue overspend of £23.3m (excluding Schools)."
    assert len(rows) == 6 and all("Cabinet agree to" not in r.text for r in rows)


def test_resolved_run_into_the_heading():
    (row,) = resolutions(SEED_002, "55")
    assert row.item_title == "Minutes of Previous Meeting"
    assert row.text.startswith("That the minutes of the previous meeting held on 5 November 2020")


def test_table_style_minutes_agreed_recommendations():
    texts = [r.text for r in extract_corpus(SEED_003).resolutions]
    assert any(t.startswith("The minutes were agreed") for t in texts)
    assert any(t.startswith("Recommendations 1.1 and 1.2 were agreed") for t in texts)


def test_parish_decisions_without_full_stops():
    rows = resolutions(MILBURN, "18.11.7")
    assert [r.text for r in rows] == [
        "A letter asking for a donation has been received from The Fellrunner Village Bus "
        "Councillors resolved to donate £65",
        "A letter from Great North Air Ambulance had been received, asking for a donation, "
        "after discussion, the Councillors resolved not to support",
        "Invoice received from G & A M Johnston £1033.00 for grass cutting, Councillors "
        "resolved to pay",
    ]


def test_motions_with_outcome_and_votes():
    rows = resolutions(PALO_ALTO, "5.1")
    assert [(r.outcome, r.votes_for, r.votes_against, r.votes_abstain) for r in rows] == [
        ("failed", 4, 2, 1),
        ("carried", 7, 0, 0),
    ]
    assert rows[0].text.startswith("Commissioner Allen Fisk made a motion, seconded by")
    consent = [r.minute_number for r in extract_corpus(PALO_ALTO).resolutions]
    assert consent[:3] == ["2", "4.1", "4.2"]


def test_report_recommendations_are_not_resolutions():
    for stem in (SEED_000, SEED_002, SEED_003):
        extraction = extract_corpus(stem)
        minutes_pages = {
            page
            for s in segment_corpus(stem).segments
            if s.kind == "minutes"
            for page in range(s.first_page, s.last_page + 1)
        }
        assert {r.provenance.page for r in extraction.resolutions} <= minutes_pages


# --- a resolution across a page break (built line by line) -----------------------------


def _page(number: int, rows: list[tuple[str, bool]]) -> Page:
    lines = []
    for index, (text, bold) in enumerate(rows):
        top = 80.0 + 21.0 * index if number > 1 else 600.0 + 21.0 * index
        width = 5.5 * len(text)
        span = Span(x0=62, top=top, x1=62 + width, bottom=top + 11, text=text)
        lines.append(
            Line(x0=62, top=top, x1=62 + width, bottom=top + 11, text=text, size=11.0,
                 bold=bold, spans=[span])
        )  # fmt: skip
    return Page(number=number, width=595, height=842, page_label=f"Page {number}", lines=lines)


def test_resolution_across_a_page_break_keeps_first_page_and_full_text():
    pages = [
        _page(1, [("12 BUDGET MONITORING", True), ("RESOLVED", True),
                  ("That the revenue budget monitoring report be noted and that the", False)]),
        _page(2, [("virements set out in Appendix 2 be approved.", False),
                  ("13 ANY OTHER BUSINESS", True), ("There was no other business.", False)]),
    ]  # fmt: skip
    doc = ReadDocument(document_id="x", path="x.pdf", backend="test", pages=pages)
    segmentation = Segmentation(
        segments=[Segment(kind="minutes", first_page=1, last_page=2, title="minutes")]
    )
    (row,) = extract_document(doc, segmentation).resolutions
    assert row.text == (
        "That the revenue budget monitoring report be noted and that the virements set out in "
        "Appendix 2 be approved."
    )
    assert (row.minute_number, row.item_title) == ("12", "Budget Monitoring")
    assert (row.provenance.page, row.provenance.page_label) == (1, "Page 1")
    assert row.provenance.top == 642.0  # the first line of the text, on page 1


def test_provenance_boxes_match_the_hand_checked_boxes():
    """Boxes read by hand from pdfplumber's text lines (tests/conftest.py HAND_*)."""
    extraction = extract_corpus(SEED_000)
    (resolution,) = [r for r in extraction.resolutions if r.minute_number == "40"]
    bailey = attendee(SEED_000, "Rachel Bailey")
    for found, hand in ((resolution, HAND_RESOLUTION), (bailey, HAND_ATTENDEE)):
        box = found.provenance
        assert (box.page, box.page_label) == (hand["page"], hand["page_label"])
        for edge in ("x0", "top", "x1", "bottom"):
            assert abs(getattr(box, edge) - hand[edge]) < 1.0, edge
