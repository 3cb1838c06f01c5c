"""Minutes numbered in run-in headings ("2663. Approval of minutes of previous meeting:
Approved & signed as correct."), whose decisions sit on the heading line or in a list of
payments one a line.

Expected values were read off the PDFs by hand (page numbers are physical pages).
"""

from __future__ import annotations

from pipeline.models import ResolutionRecord
from tests.conftest import extract_corpus

TINTERN_2018 = "tintern-cc-2018-09-24-minutes"
TINTERN_2019 = "tintern-cc-2019-03-25-minutes"


def by_minute(stem: str, number: str) -> list[ResolutionRecord]:
    return [r for r in extract_corpus(stem).resolutions if r.minute_number == number]


def test_decision_on_the_heading_line_of_a_run_in_minute():
    # p1: "2663. Approval of minutes of previous meeting: Approved & signed as correct."
    [row] = by_minute(TINTERN_2019, "2663")
    assert row.text == "Approved & signed as correct."
    assert row.item_title == "Approval of minutes of previous meeting"
    # p1, a heading line flagged bold that runs on: "2568. Approval of minutes of previous
    # meeting: Approved and signed as correct. As a" / "matter raised at the August meeting"
    [row] = by_minute(TINTERN_2018, "2568")
    assert row.text == "Approved and signed as correct."


def test_full_stops_inside_brackets_do_not_end_the_sentence():
    # p1: "2570. Accounts for payment: Merlin Waste £30.00 (Ch. No. 300093), ... £300.00 (Ch.
    # No." / "300096) – all approved."
    [row] = by_minute(TINTERN_2018, "2570")
    assert row.text.startswith("Merlin Waste £30.00 (Ch. No. 300093), Clerk’s Salary")
    assert row.text.endswith("(Ch. No. 300096) – all approved.")


def test_payments_listed_one_a_line_with_commas_are_one_decision():
    # p1: "2665. Accounts for payment:-" / "Merlin Waste - £30 (Ch. No. 300101)," / "Clerk’s
    # Salary & Expenses - £338.67 (Ch. No. 300102)," / "Village Hall Room Hire - £30 (Ch. No.
    # 300103) – all approved."
    [row] = by_minute(TINTERN_2019, "2665")
    assert row.text == (
        "Merlin Waste - £30 (Ch. No. 300101), Clerk’s Salary & Expenses - £338.67 (Ch. No. "
        "300102), Village Hall Room Hire - £30 (Ch. No. 300103) – all approved."
    )


def test_sentence_opening_with_agreed_is_a_decision():
    # p2, under "2667. Updates:- ...": "... refine ideas. Also agreed she could possibly talk
    # to Ian Saunders and Nicola Edwards of" / "MCC Tourism."
    [row] = by_minute(TINTERN_2019, "2667")
    assert row.text == (
        "Also agreed she could possibly talk to Ian Saunders and Nicola Edwards of MCC Tourism."
    )
    assert row.provenance.page == 2
