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
