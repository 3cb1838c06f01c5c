"""Agenda items in a records table: the column holding an item's record number (a cell with
"23-0002") is not title, nor is what is stacked in it above the number (the record type
"REPORT"). Expected titles were read by hand off the rendered PDF pages."""

from __future__ import annotations

from tests.conftest import extract_corpus

HERMOSA = "hermosa-beach-cc-2023-01-10-agenda"


def _titles(stem: str) -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for item in extract_corpus(stem).agenda_items:
        found.setdefault(item.number, []).append(item.title)
    return found


def test_record_type_over_record_number_is_not_title() -> None:
    # p8: "a) | REPORT | AWARD OF PROFESSIONAL SERVICES AGREEMENTS FOR" over
    # "   | 23-0002 | ON-CALL PLAN CHECKING SERVICES"; "c) | REPORT | PLANNING COMMISSION-VACANCY"
    # over "| 23-0023 | FOR THE UNEXPIRED TERM ENDING JUNE 30, 2023"
    titles = _titles(HERMOSA)
    assert (
        "AWARD OF PROFESSIONAL SERVICES AGREEMENTS FOR ON-CALL PLAN CHECKING SERVICES"
        in titles["a"]
    )
    assert "PLANNING COMMISSION-VACANCY FOR THE UNEXPIRED TERM ENDING JUNE 30, 2023" in titles["c"]


def test_no_title_keeps_a_record_cell() -> None:
    every = [t for group in _titles(HERMOSA).values() for t in group]
    assert not any(t.startswith("REPORT ") or "23-00" in t for t in every)
