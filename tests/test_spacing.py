"""The page's own line spacing (extractors/common/spacing.py): what the read stage measures on
corpus pages, and the paragraphs and money contexts cut by it."""

from __future__ import annotations

import pytest

from extractors.common.geometry import paragraph
from extractors.common.spacing import PageType, measure
from tests.conftest import extract_corpus, read_corpus


def test_single_spaced_minutes_measure_their_line_pitch() -> None:
    # Rivergrove minutes, page 1: 11 pt type, lines at 38.2, 50.9, 63.6 (12.7 apart)
    page = read_corpus("rivergrove-cc-2018-08-13-minutes").pages[0]
    assert page.body_size == 11.0
    assert page.line_pitch == pytest.approx(12.7, abs=0.2)
    assert PageType.of(page) == measure(page.lines)


def test_side_by_side_columns_do_not_pass_for_the_pitch() -> None:
    # Kent finance monitoring report, page 9: a table's left cells and the notes column on its
    # right are read in turn (tops 246.8, 252.5, 258.3, ...: 5.7 apart); the notes' own lines
    # are 11.5 apart (137.1, 148.6, 160.1)
    page = read_corpus("kent-cc-cabinet-2025-01-30-finance-monitoring-q3-report").pages[8]
    assert page.body_size == 10.0
    assert page.line_pitch == pytest.approx(11.5, abs=0.1)


def test_a_paragraph_gap_of_one_and_a_half_lines_ends_the_paragraph() -> None:
    # Seed 003 (Thurrock), page 12: lines 12 pt apart; "Recommendations 1.1 - 1.5 were
    # agreed." stands 17 pt under the paragraph before it
    page = read_corpus("003_9fbe4fd92762a598").pages[11]
    index = next(i for i, ln in enumerate(page.lines) if ln.text.startswith("Recommendations 1.1"))
    assert page.lines[index - 1].text.startswith("what the risks and challenges were")
    assert paragraph(page, index) == ([index], 0)
    assert paragraph(page, index - 1)[0] == [index - 2, index - 1]


def test_money_context_is_its_own_paragraph_on_a_tightly_set_page() -> None:
    # Kent finance monitoring report, page 9: 10 pt lines 11.5 apart, paragraphs 17.7 apart
    # ("... provision for bad and doubtful debts." then "+£1.4m overspend relates to ...")
    money = extract_corpus("kent-cc-cabinet-2025-01-30-finance-monitoring-q3-report").money
    row = next(m for m in money if m.raw == "+£1.4m" and m.provenance.page == 9)
    assert row.context == (
        "+£1.4m overspend relates to people accessing nursing and residential care services, "
        "with increases in activity exceeding budgeted levels."
    )
