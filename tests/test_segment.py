"""Segment stage: front sheet, documents and the physical pages of each item's papers."""

from __future__ import annotations

import pytest

from tests.conftest import pagemap, segment_corpus

PACKS = ["000_de16defd1125f27f", "002_f8fc1ac79f48ba23", "003_9fbe4fd92762a598"]


_segment = segment_corpus


@pytest.mark.parametrize("stem", PACKS)
def test_item_papers_match_the_page_map(stem: str):
    truth = pagemap(stem)
    seg = _segment(stem)
    got = {n: (r.first_page, r.last_page) for n, r in seg.item_papers.items()}
    want = {n: (r["first_page"], r["last_page"]) for n, r in truth["items"].items()}
    assert got == want


@pytest.mark.parametrize("stem", PACKS)
def test_front_sheet_pages_match_the_page_map(stem: str):
    seg = _segment(stem)
    front = seg.front_sheet
    assert front is not None
    assert (front.first_page, front.last_page) == (1, pagemap(stem)["front_sheet_pages"])


def test_pack_documents_are_classified():
    seg = _segment("000_de16defd1125f27f")
    minutes = seg.segments[1]
    assert (minutes.kind, minutes.first_page, minutes.agenda_item) == ("minutes", 4, "3")
    report = next(s for s in seg.segments if s.first_page == 10)
    assert report.kind == "report" and report.agenda_item == "5"
    # every page belongs to exactly one segment
    covered = [p for s in seg.segments for p in range(s.first_page, s.last_page + 1)]
    assert covered == list(range(1, 120))


@pytest.mark.parametrize(
    ("stem", "kind"),
    [
        ("milburn-pc-2018-11-06-minutes", "minutes"),
        ("kent-cc-cabinet-2025-01-30-printed-minutes", "minutes"),
        ("kent-cc-cabinet-2025-01-30-budget-monitoring-report", "report"),
    ],
)
def test_documents_without_a_front_sheet(stem: str, kind: str):
    seg = _segment(stem)
    assert seg.front_sheet is None
    assert seg.segments[0].kind == kind and seg.segments[0].first_page == 1


def test_front_sheet_without_papers_is_the_whole_document():
    seg = _segment("kent-cc-cabinet-2025-01-30-agenda-frontsheet")
    assert [(s.kind, s.first_page, s.last_page) for s in seg.segments] == [("front_sheet", 1, 2)]
    assert seg.item_papers == {}


@pytest.mark.parametrize(
    ("stem", "kinds"),
    [
        # "4. Approval of the Minutes of the Regular Board Meeting –March 27, 2019." is an item
        # of the agenda, not a minutes heading; "SCHEDULE A" on page 4 opens an attachment
        (
            "cuyahoga-county-board-of-health-2019-04-24-agenda",
            [
                ("front_sheet", 1, 3),
                ("appendix", 4, 4),
                ("appendix", 5, 5),
                ("appendix", 6, 7),
                ("appendix", 8, 9),
                ("appendix", 10, 13),
            ],
        ),
    ],
)
def test_headings_read_by_their_structure(stem: str, kinds: list[tuple[str, int, int]]):
    seg = _segment(stem)
    assert [(s.kind, s.first_page, s.last_page) for s in seg.segments] == kinds
