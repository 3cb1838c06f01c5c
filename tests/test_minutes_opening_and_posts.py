"""How minutes titled by the meeting are recognised, and posts printed after names.

- Minutes titled by the meeting alone ("CRETE TOWNSHIP REGULAR BOARD OF TRUSTEES MEETING"
  over "October 9, 2024") are told from a notice by the account of the opening printed at the
  top of the page ("... was called to order by Supervisor Liccar at 7:00 PM."): the segmenter
  keys on that account (checked against page 1 of the PDF).
- A post printed after a name, in capitals or not ("Cathy Fleet CLERK", "Dan MacInnis
  Operations Superintendent"), is read by one rule.
"""

from __future__ import annotations

from extractors.common.persons import parse_people
from pipeline.segment import classify
from tests.conftest import read_corpus


def test_minutes_titled_by_the_meeting_open_with_the_account_of_the_opening() -> None:
    page = read_corpus("crete-township-board-2024-10-09-minutes").pages[0]
    assert classify(page) == "minutes"


def test_a_post_after_a_name_in_capitals_or_not() -> None:
    (clerk,) = parse_people("Cathy Fleet CLERK")
    assert (clerk.name, clerk.role, clerk.organisation) == ("Cathy Fleet", "CLERK", None)
    (superintendent,) = parse_people("Dan MacInnis Operations Superintendent")
    assert (superintendent.name, superintendent.role) == (
        "Dan MacInnis",
        "Operations Superintendent",
    )
