"""Motions recorded in prose, across councils that write them differently.

Expected values were read off the PDFs by hand (page numbers are physical pages).
"""

from __future__ import annotations

from tests.conftest import extract_corpus, resolution_starting

CRETE = "crete-township-board-2024-10-09-minutes"
RIVERGROVE = "rivergrove-cc-2018-12-10-minutes"
BRONX = "bronx-cb1-2023-02-23-agenda-and-minutes"
CUPERTINO = "cupertino-usd-board-2016-02-09-agenda"


def test_motion_made_by_mover_keeps_the_moved_clause_only():
    # p1: "Motion to approve the minutes of the regular Board of Directors meeting held on
    # September 1`1 , 2024, was made by Trustee Piacentini, seconded by Trustee Hawkins."
    row = resolution_starting(CRETE, "to approve the minutes")
    assert row.text == (
        "to approve the minutes of the regular Board of Directors meeting held on "
        "September 1`1 , 2024"
    )
    assert (row.provenance.page, row.outcome) == (1, "carried")


def test_a_motion_was_clause_ends_at_the_mover():
    # p1: "A motion was to renew our interpleas IT contract is $5,274 for the year by Trustee
    # Elton, Second by Trustee Albrecht. All were in favor. ... Motion passes."
    row = resolution_starting(CRETE, "to renew")
    assert row.text == "to renew our interpleas IT contract is $5,274 for the year"
    assert row.outcome == "carried"


def test_minutes_without_the_word_minutes_still_give_their_motions():
    # the Crete minutes are titled "REGULAR BOARD OF TRUSTEES MEETING": 11 motions with a
    # mover and a seconder, plus the bus trip that records only a roll call (not a motion)
    rows = extract_corpus(CRETE).resolutions
    assert len(rows) == 11
    assert rows[-1].text == "to adjourn"
    assert rows[-1].provenance.page == 3


def test_councilor_moved_then_seconded_sentence():
    # p3: "Motion: Councilor Bahrman moved to close the public record. Councilor Tuttle
    # seconded. Moved 5-0."
    row = resolution_starting(RIVERGROVE, "to close the public record")
    assert row.text == "to close the public record."
    assert row.provenance.page == 3
    assert (row.votes_for, row.votes_against) == (5, 0)


def test_seconder_after_a_stray_full_stop_still_closes_the_motion():
    # p6: "Motion: Mayor Kibbey moved to accept the November 2018 financials as presented.
    # Councilor Nyberg. seconded the motion. It passed 5-0."
    row = resolution_starting(RIVERGROVE, "to accept the November 2018 financials")
    assert row.text == "to accept the November 2018 financials as presented."
    assert (row.provenance.page, row.votes_for, row.votes_against) == (6, 5, 0)


def test_motions_in_minutes_printed_after_an_agenda():
    # pages 1-2 are the agenda, page 3 opens the minutes: "Motion made to approve the agenda
    # as presented. Motion duly seconded. Motion called and passed."
    rows = extract_corpus(BRONX).resolutions
    assert all(r.provenance.page >= 3 for r in rows)
    row = resolution_starting(BRONX, "to approve the agenda")
    assert (row.text, row.provenance.page) == ("to approve the agenda as presented.", 3)


def test_blank_moved_and_seconded_form_on_an_agenda_is_not_a_decision():
    # p2 of the agenda prints "Moved by _________ Seconded by _________ Vote _________"
    assert extract_corpus(CUPERTINO).resolutions == []


def test_who_moved_and_seconded_as_printed():
    # Crete p1: "... was made by Trustee Piacentini, seconded by Trustee Hawkins." and "...
    # for the year by Trustee Elton, Second by Trustee Albrecht."
    row = resolution_starting(CRETE, "to approve the minutes")
    assert (row.moved_by, row.seconded_by) == ("Trustee Piacentini", "Trustee Hawkins")
    row = resolution_starting(CRETE, "to renew")
    assert (row.moved_by, row.seconded_by) == ("Trustee Elton", "Trustee Albrecht")
    # Rivergrove p3: "Councilor Bahrman moved to close the public record. Councilor Tuttle
    # seconded. Moved 5-0."
    row = resolution_starting(RIVERGROVE, "to close the public record")
    assert (row.moved_by, row.seconded_by) == ("Councilor Bahrman", "Councilor Tuttle")


def test_a_motion_without_names_has_none():
    # Bronx p3: "Motion made to approve the agenda as presented. Motion duly seconded."
    row = resolution_starting(BRONX, "to approve the agenda")
    assert (row.moved_by, row.seconded_by) == (None, None)


def test_a_decision_runs_on_over_short_lines():
    """A bulleted line that stops short of the margin but whose next line starts in lower
    case ("• It was agreed that JN and AC would investigate feasibility" / "and discuss with
    SDC NP Officer (Ricardo Rosso)") is one sentence, not two paragraphs."""
    row = resolution_starting(
        "horsley-pc-np-working-group-2014-10-19-minutes", "It was agreed that JN"
    )
    assert row.text.startswith(
        "It was agreed that JN and AC would investigate feasibility and discuss with SDC NP "
        "Officer (Ricardo Rosso)"
    )


BURTON = "burton-cum-walden-pc-2025-06-03-minutes"
TINTERN = "tintern-cc-2019-03-25-minutes"


def test_previous_minutes_confirmed_as_a_true_record():
    # p1, minute 3: "The minutes of the Annual Parish Council meeting held on Tuesday 6 May
    # 2025, having been circulated to all Members, were confirmed as a true record, and duly
    # signed by the Chairman." (no RESOLVED block in this minute)
    row = resolution_starting(BURTON, "The minutes of the Annual Parish Council meeting")
    assert row.text.endswith("were confirmed as a true record, and duly signed by the Chairman.")
    assert (row.provenance.page, row.minute_number) == (1, "3")


def test_no_objections_to_a_planning_application_is_the_councils_response():
    # p1, minute 2666 Planning Permissions: "DM/2019/00184 – Log Pod, ... Clerk comment that
    # there are no planning notices on this site. TCC do not feel it is contrary to planning
    # policies so have no objections." The earlier "Was refused by MCC" is MCC's decision.
    row = resolution_starting(TINTERN, "TCC do not feel")
    assert row.text == "TCC do not feel it is contrary to planning policies so have no objections."
    assert (row.provenance.page, row.minute_number) == (1, "2666")
    assert not [r for r in extract_corpus(TINTERN).resolutions if "refused" in r.text.lower()]


LINCOLN_SQUARE = "chicago-ssa21-lincoln-square-2018-01-29-minutes"
SOULDERN = "souldern-pc-2014-01-22-minutes"


def test_mover_and_seconder_printed_after_the_decision():
    # p1 bullets: "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg
    # (second)" and "Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)"
    # (a motion without a decision verb); "Todd Feinberg welcomed to SSA Commission" is not one
    row = resolution_starting(LINCOLN_SQUARE, "Minutes from 11/30/17")
    assert row.text == "Minutes from 11/30/17 meeting approved"
    assert (row.moved_by, row.seconded_by, row.provenance.page) == ("Z. Maiorca", "T. Feinberg", 1)
    row = resolution_starting(LINCOLN_SQUARE, "Meeting called to order")
    assert row.text == "Meeting called to order at 9:08am"
    assert (row.moved_by, row.seconded_by) == ("M. Prest", "C. Dallas")
    texts = [r.text for r in extract_corpus(LINCOLN_SQUARE).resolutions]
    assert not [t for t in texts if "welcomed" in t]


def test_proposed_and_2nd_initials_name_the_mover_and_seconder():
    # p1 minute 1: "The minutes of the meeting held on 5th December 2013 were approved and
    # signed" then, on its own line, "Proposed: CR 2nd : RD"; p2 minute 5: "Financial
    # transactions since the meeting held on 5th December 2013 were approved. Proposed CR 2nd KD"
    row = resolution_starting(SOULDERN, "The minutes of the meeting held on 5th December")
    assert (
        row.text == "The minutes of the meeting held on 5th December 2013 were approved and signed"
    )
    assert (row.moved_by, row.seconded_by) == ("CR", "RD")
    row = resolution_starting(SOULDERN, "Financial transactions")
    assert row.text.endswith("were approved.")
    assert (row.moved_by, row.seconded_by, row.provenance.page) == ("CR", "KD", 2)
    assert not [r for r in extract_corpus(SOULDERN).resolutions if r.text.startswith("Proposed")]


TINTERN_2018 = "tintern-cc-2018-09-24-minutes"
HORSLEY_WORKING_GROUP = "horsley-pc-np-working-group-2014-10-19-minutes"


def test_a_consensus_or_general_agreement_is_an_agreed_decision():
    # Tintern p1 (A466 road closures): "... explaining which option was preferred. A consensus
    # was reached that Option 1 (starting work in Spring 2019 for completion by May 2019) should
    # be recommended to MCC. This option was supported by the majority ..."
    row = resolution_starting(TINTERN_2018, "A consensus was reached")
    assert row.text == (
        "A consensus was reached that Option 1 (starting work in Spring 2019 for completion by "
        "May 2019) should be recommended to MCC."
    )
    assert row.provenance.page == 1
    # Horsley working group p1, minute 1: "• General agreement that this was a good start and
    # could / form the draft plan for delivery of the HNP"
    row = resolution_starting(HORSLEY_WORKING_GROUP, "General agreement")
    assert row.text == (
        "General agreement that this was a good start and could form the draft plan for "
        "delivery of the HNP"
    )
    assert (row.provenance.page, row.minute_number) == (1, "1")
