"""Agenda items: a short capitals line indented under an item and opening a block of detail
lines is a matter of its own (the closed-session matters under "CLOSED SESSION:", a "PUBLIC
HEARING" set under a numbered item). Expected rows were read by hand off the rendered PDF
pages."""

from __future__ import annotations

from tests.conftest import extract_corpus

ALISO = "aliso-viejo-cc-2021-01-20-agenda"
BRONX = "bronx-cb1-2023-02-23-agenda-and-minutes"


def _titles(stem: str) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in extract_corpus(stem).agenda_items]


def test_closed_session_matters_under_their_section() -> None:
    # p2: "CLOSED SESSION:" (bold, left), then three underlined capitals headings indented under
    # it, each over its Government Code / property / negotiator lines
    titles = _titles(ALISO)
    index = titles.index((None, "CLOSED SESSION:"))
    assert titles[index + 1 : index + 4] == [
        (None, "CONFERENCE WITH LEGAL COUNSEL- ANTICIPATED LITIGATION"),
        (None, "CONFERENCE WITH REAL PROPERTY NEGOTIATORS"),
        (None, "PUBLIC EMPLOYEE PERFORMANCE EVALUATION"),
    ]
    every = " ".join(title for _number, title in titles)
    assert "Property:" not in every and "Negotiating parties" not in every
    assert "PLEASE SILENCE" not in every  # a centred notice before the first item


def test_heading_indented_under_a_numbered_item() -> None:
    # p1: "6. Chairperson's Report", then "PUBLIC HEARING" (bold, indented) over
    # "Presentation by:" and the presenter's lines, then item 7 on p2
    titles = _titles(BRONX)
    index = titles.index(("6", "Chairperson’s Report"))
    assert titles[index + 1] == (None, "PUBLIC HEARING")
    assert titles[index + 2][0] == "7"
    assert not any("Questions and Answers" in title for _number, title in titles)
