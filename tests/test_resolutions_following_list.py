"""A moved clause that points to what is printed under the motion ("with the following
amendment."): the numbered list below the vote is part of the decision; and members named as
abstaining after the tally.

Rivergrove City Council minutes, 10 December 2018 (text layer), page 6, checked by hand
against the rendered page: "Motion: Councilor Nyberg moved to accept the November 14, 2018
minutes with the following amendment. Councilor Tuttle seconded the motion. It passed 4-0.
Councilor Ruble abstained." then "1. Note that there was an inconsistency in the duplex plans
presented to Council." then the bold heading "2. Financials – November 2018".
"""

from __future__ import annotations

from tests.conftest import extract_corpus

RIVERGROVE = "rivergrove-cc-2018-12-10-minutes"


def test_numbered_list_under_the_vote_is_appended_and_abstention_counted():
    rows = [
        r
        for r in extract_corpus(RIVERGROVE).resolutions
        if r.text.startswith("to accept the November 14, 2018 minutes")
    ]
    assert len(rows) == 1
    row = rows[0]
    assert row.text == (
        "to accept the November 14, 2018 minutes with the following amendment. 1. Note that "
        "there was an inconsistency in the duplex plans presented to Council."
    )
    assert (row.votes_for, row.votes_against, row.votes_abstain) == (4, 0, 1)
    assert (row.moved_by, row.seconded_by, row.outcome) == (
        "Councilor Nyberg",
        "Councilor Tuttle",
        "carried",
    )


def test_the_next_numbered_heading_is_not_part_of_the_list():
    rows = extract_corpus(RIVERGROVE).resolutions
    assert not any("Financials – November 2018" in r.text for r in rows)
    assert any(r.text == "to accept the November 2018 financials as presented." for r in rows)
