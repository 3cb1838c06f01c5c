"""Board resolutions closed by a vote line, in minutes titled under a long letterhead.

Expected values were read off the PDF by hand (page numbers are physical pages).
"""

from __future__ import annotations

from pipeline.models import ResolutionRecord
from tests.conftest import extract_corpus, resolution_starting, segment_corpus

MANHATTAN = "manhattan-cb2-2024-07-18-minutes"


def by_text(start: str) -> ResolutionRecord:
    return resolution_starting(MANHATTAN, start)


def test_minutes_title_under_a_ten_line_letterhead_makes_the_document_minutes():
    # p1: officers, address, phone and neighbourhoods (10 lines), then "FULL BOARD MINUTES"
    # over "DATE: July 18, 2024"
    segments = segment_corpus(MANHATTAN).segments
    assert [(s.kind, s.first_page, s.last_page) for s in segments] == [("minutes", 1, 61)]


def test_one_row_per_vote():
    # 38 "Vote:" lines: Landmarks 5, Land Use 2, Parks 1, SLA 13, Street Activities 15,
    # Traffic 2 (the two adoptions by acclamation have no vote line)
    rows = extract_corpus(MANHATTAN).resolutions
    assert sum(r.votes_for is not None for r in rows) == 38


def test_resolved_clause_standing_alone():
    # p8: "Therefore be it resolved that CB2, Man. recommends approval of the plan as
    # presented, as long as the plan is limited to the first floor." / "Vote: Unanimous, with
    # 39 Board members in favor."
    row = by_text("CB2, Man. recommends approval of the plan")
    assert row.text == (
        "CB2, Man. recommends approval of the plan as presented, as long as the plan is "
        "limited to the first floor."
    )
    assert (row.provenance.page, row.outcome) == (8, "carried")
    assert (row.votes_for, row.votes_against, row.votes_abstain) == (39, 0, 0)


def test_short_lead_in_takes_its_list():
    # p9: "Therefore be it resolved that CB2, Man. recommends:" then items A. to F.
    row = by_text("CB2, Man. recommends: A. Denial of the black paint")
    assert row.text.endswith(
        "F. Approval of cellar gates and the removal of 3 additional courses of brick."
    )
    # p11: "Therefore be it resolved that" alone on its line, then items 1. to 4.
    row = by_text("1. CB2, Man.’s position of 2019")
    assert row.text.endswith("provide all the relevant paperwork to the Board Office.")
    assert row.votes_for == 40


def test_clause_stops_at_its_end_and_before_further_resolved():
    # p35: "THEREFORE BE IT RESOLVED that CB2, Man. recommends denial for Great Jones ...
    # Liquor License; and" followed by three "FURTHER RESOLVED" clauses and 25 stipulations
    row = by_text("CB2, Man. recommends denial for Great Jones")
    assert row.text.endswith("seeking a new Restaurant On-Premises Liquor License")
    assert "FURTHER" not in row.text
    # p14: a long clause ending "the following changes are made:" is not a mere lead-in
    row = by_text("Community Board 2 Manhattan is opposed to COYHO")
    assert row.text.endswith(
        "unless these issues are addressed and the following changes are made:"
    )


def test_tallies_with_against_and_abstentions():
    # p16: "Vote: Passed, 27 Board Members in favor, 12 against (...), 1 Abstain (R." / "Sanz)."
    row = by_text("Community Board 2 Manhattan is opposed to COYHO")
    assert (row.votes_for, row.votes_against, row.votes_abstain) == (27, 12, 1)
    # p18: "Vote: Passed, with 33 Board members in favor, 4 against (...), and 2 abstentions"
    row = by_text("CB2: 1. Thanks DPR, HPD and DEP")
    assert (row.votes_for, row.votes_against, row.votes_abstain) == (33, 4, 2)


def test_vote_without_a_resolved_clause_decides_the_paragraph_above():
    # p7: item 1 has no resolved clause; the board voted on "The applicant did not appear as
    # scheduled for the hearing and therefore there is no recommendation ..."
    row = by_text("The applicant did not appear as scheduled")
    assert row.text.endswith(
        "prior to the consideration of the application by the Landmarks Commission."
    )
    assert row.provenance.page == 7


def test_clause_broken_by_a_wide_gap_runs_on_to_its_full_stop():
    # p55: "Therefore Be It Resolved that CB2 Manhattan recommends approval of these renewal" /
    # (a wider gap) "applications provided that the applications conform with all ..."
    row = by_text("CB2 Manhattan recommends approval of these renewal applications")
    assert row.text.endswith("conform with all applicable laws, rules, and regulations.")
