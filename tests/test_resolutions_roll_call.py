"""Motions decided by a roll call, and seconders printed without "by".

Expected values were read off the PDF by hand (page numbers are physical pages).
"""

from __future__ import annotations

from pipeline.models import ResolutionRecord
from tests.conftest import resolution_starting

CRETE = "crete-township-board-2024-10-09-minutes"


def by_text(start: str) -> ResolutionRecord:
    return resolution_starting(CRETE, start)


def test_roll_call_answers_are_the_tally():
    # p1: "... Second by Trustee Albrecht. All were in favor. Roll Call was taken as follows:
    # Trustee Elton – yes, Trustee Albrecht" / "– yes, Trustee Piacentini – yes, Trustee
    # Hawkins – yes, Supervisor Liccar – yes. Motion passes."
    row = by_text("to renew our interpleas IT contract")
    assert (row.votes_for, row.votes_against, row.votes_abstain) == (5, 0, None)
    assert row.outcome == "carried"


def test_motion_without_roll_call_has_no_tally():
    # p1: "... seconded by Trustee Hawkins. All were in favor. The minutes are approved as
    # written." (no roll call)
    row = by_text("to approve the minutes of the regular Board")
    assert (row.votes_for, row.votes_against) == (None, None)


def test_seconded_without_by():
    # p2: "... 5:30 PM to 8:00 PM by Trustee Elton, seconded Trustee Albrecht. All were in favor."
    row = by_text("to approve the Building Usage Application: Pheasant Lake")
    assert (row.moved_by, row.seconded_by) == ("Trustee Elton", "Trustee Albrecht")
    assert row.provenance.page == 2
