"""Agenda items on layouts the outline did not cover: reports stamped with their item,
headings laid out as items, restarted lettering, labels in a cell of their own.

Every expected value below was read by hand off the rendered PDF page, not copied from output.
"""

from __future__ import annotations

import pytest

from tests.conftest import extract_corpus


def _items(stem: str) -> list[tuple[str | None, str | None, str]]:
    return [(i.number, i.parent, i.title) for i in extract_corpus(stem).agenda_items]


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        # "Agenda Item 166" over the bold title "Summer in Sutton Coldfield"; the report's own
        # sections 1-5 and its recommendations a)-f) are not agenda items
        (
            "sutton-coldfield-tc-council-2017-02-21-item166-report",
            [("166", None, "Summer in Sutton Coldfield")],
        ),
        # "AGENDA ITEM" with no number, then "SUBJECT: SALARY SCHEDULE AND BENEFIT UPDATE"
        (
            "aliso-viejo-cc-2021-01-20-report-salary-schedule",
            [(None, None, "SALARY SCHEDULE AND BENEFIT UPDATE")],
        ),
    ],
)
def test_report_stamped_with_its_agenda_item(stem: str, expected: list) -> None:
    assert _items(stem) == expected


def test_report_without_item_stamp_has_no_items() -> None:
    # "From: / To: Cabinet / Subject: ..." with no "Agenda Item" stamp: not an item listing
    assert _items("kent-cc-cabinet-2025-01-30-budget-monitoring-report") == []


def test_body_type_headings_beside_numbered_items() -> None:
    # the numbered items are in 12pt body type at the left margin; the stages between them
    # ("Call to Order", "Closed Session  6:00-7:00 PM", ..., "Adjournment") are one-line
    # paragraphs in the same type and indent, with their time slot in a cell of its own
    unnumbered = [t for n, _, t in _items("palo-alto-cc-2016-04-18-agenda") if n is None]
    assert unnumbered == [
        "Call to Order",
        "Closed Session",
        "Agenda Changes, Additions and Deletions",
        "City Manager Comments",
        "Oral Communications",
        "Minutes Approval",
        "Consent Calendar",
        "Action Items",
        "Inter-Governmental Legislative Affairs",
        "Council Member Questions, Comments and Announcements",
        "Adjournment",
    ]  # page 4 (committee schedules, printed after the adjournment) has none


def test_notices_after_the_adjournment_are_not_items() -> None:
    # p7: "ADJOURNMENT" then the bold "NOTICE TO THE PUBLIC" over the notices
    titles = [t for _, _, t in _items("sunnyvale-city-council-2016-04-12-agenda")]
    assert titles[-1] == "ADJOURNMENT"
    # p10: "FUTURE MEETINGS AND CITY HOLIDAYS" after "XVI. ADJOURNMENT"
    titles = [t for _, _, t in _items("hermosa-beach-cc-2023-01-10-agenda")]
    assert "FUTURE MEETINGS AND CITY HOLIDAYS" not in titles


def test_stage_headings_set_larger_than_the_numbered_items() -> None:
    # numbered items are 11pt bold; the stages ("CALL TO ORDER" ... "ADJOURNMENT") are 14pt bold
    # capitals, centred or at the margin, and "CONSENT CALENDAR" / "PUBLIC HEARING" / "OTHER
    # BUSINESS" stand right above items 1, 8 and 9
    unnumbered = [t for n, _, t in _items("morgan-hill-cc-2021-01-20-agenda") if n is None]
    for heading in (
        "CALL TO ORDER",
        "ROLL CALL ATTENDANCE",
        "DECLARATION OF POSTING AGENDA",
        "PRESENTATIONS",
        "RECOGNITIONS",
        "CITY MANAGER'S REPORT",
        "CITY ATTORNEY'S REPORT",
        "PUBLIC COMMENT",
        "ADOPTION OF AGENDA",
        "CONSENT CALENDAR",
        "PUBLIC HEARING",
        "OTHER BUSINESS",
        "FUTURE COUNCIL INITIATED AGENDA ITEMS",
        "ADJOURNMENT",
    ):
        assert heading in unnumbered
    # the 10pt presenter lines under the headings are not items
    assert "City Clerk Michelle Bigelow" not in unnumbered


def test_lettering_restarted_under_a_subheading() -> None:
    # item 10's resolutions are lettered A.-H., then A.-C. again under the bold
    # "BOARD ORDERS, RULES, FEES OR REGULATIONS:" and A. again under "FIRST READING:"
    items = _items("cuyahoga-county-board-of-health-2019-04-24-agenda")
    under_10 = [(n, t[:20]) for n, parent, t in items if parent == "10"]
    assert ("A", "RESOLUTION (2019-21)") in under_10
    assert ("B", "RESOLUTION (2019-23)") in under_10
    assert ("C", "RESOLUTION (2019-45)") in under_10
    assert ("A", "RESOLUTION (2019-46)") in under_10


def test_labels_and_record_numbers_in_cells_of_their_own() -> None:
    items = _items("sunnyvale-city-council-2016-04-12-agenda")
    # p1: "A | 16-0361 | Approve Joint City Council ..." in regular type under the bold
    # "5 Consent Calendar": a sub-item of 5, without its record number
    assert items[5][:2] == ("A", "5")
    assert items[5][2].startswith("Approve Joint City Council and Redevelopment Successor")
    numbers = [n for n, _, _ in items]
    # p3-p4: "1.A 16-0344 | Approve ..." to "1.D"; p4-p6: "2 | 16-0046 | Introduce ..." to "9"
    for number in ("6", "1.A", "1.B", "1.C", "1.D", "2", "3", "4", "5", "7", "8", "9"):
        assert number in numbers
    titles = [t for _, _, t in items]
    assert "Introduce an Ordinance to Award a Non-Exclusive Taxicab" in " ".join(titles)
    assert not any("16-0" in t for t in titles)
    # p3/p7: rows with an empty number cell ("| 16-0351 | Tentative Council Meeting ...")
    assert (None, None, "Tentative Council Meeting Agenda Calendar") in items
    assert (None, None, "Board/Commission Meeting Minutes") in items
    # the bold unnumbered stages of the second meeting are still items
    assert (None, None, "SALUTE TO THE FLAG") in items
