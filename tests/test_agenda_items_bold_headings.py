"""Agenda items: a bold heading followed on its line by a dash and a regular-weight detail
("9 Playground – to receive update") is titled by the heading; the detail is its description.

Expected values were read by hand off the scanned Souldern agenda (rendered page 1): each
numbered line opens with a bold heading and, after a spaced dash, runs on in regular type.
"""

from __future__ import annotations

from extractors.agenda_items import _Item, _split_bold_heading
from extractors.common.structure import Entry, parse_labels
from pipeline.models import Line, Page, Span
from tests.conftest import extract_corpus


def _line(words: list[tuple[str, bool]]) -> Line:
    starts, x = [], 50.0
    for word, _bold in words:
        starts.append(x)
        x += 6.0 * len(word) + 4.0
    text = " ".join(word for word, _bold in words)
    span = Span(
        text=text,
        x0=50.0,
        top=100.0,
        x1=x,
        bottom=110.0,
        word_starts=starts,
        word_bold=[bold for _word, bold in words],
    )
    bold = sum(len(w) for w, b in words if b) * 2 > sum(len(w) for w, _b in words)
    return Line(text=text, x0=50.0, top=100.0, x1=x, bottom=110.0, size=10, bold=bold, spans=[span])


def _item(words: list[tuple[str, bool]]) -> _Item:
    line = _line(words)
    labels, rest = parse_labels(line.text)
    page = Page(number=1, width=600, height=800, lines=[line])
    entry = Entry.at_line(page, line, rest.strip(), labels[0])
    entry.title_x = line.spans[0].word_starts[1]
    return _Item(entry=entry, title=entry.title, pages=None, part=1)


def test_bold_heading_then_regular_detail_after_a_dash():
    item = _item(
        [("9", False), ("Playground", True), ("–", False), ("to", False)]
        + [
            ("receive", False),
            ("update", False),
        ]
    )
    assert _split_bold_heading(item) == "to receive update"
    assert item.title == "Playground"


def test_dash_inside_a_line_set_in_one_weight_is_title():
    bold = _item([("4", True), ("S.256", True), ("Pilots", True), ("-", True), ("Progress", True)])
    assert _split_bold_heading(bold) is None and bold.title == "S.256 Pilots - Progress"
    regular = _item([("4", False), ("Highways", False), ("-", False), ("salt", False)])
    assert _split_bold_heading(regular) is None and regular.title == "Highways - salt"


def test_scanned_parish_agenda_titles_are_the_bold_headings():
    items = extract_corpus("souldern-pc-2024-09-26-agenda").agenda_items
    by_title = {item.title: item for item in items}
    assert "Playground" in by_title
    assert by_title["Playground"].number == "9"
    assert by_title["Playground"].description == "to receive update"
    assert by_title["Declarations of Interest"].number == "2"
    assert by_title["Co-option of Councillor"].description == (
        "to discuss filling the vacancy for a councillor"
    )
    assert by_title["Highways"].description == "salt requirements for winter 2024"
    minutes = by_title["To receive the minutes of the last meeting"]
    assert minutes.number == "3" and minutes.description == "25th July 2024"
    # a heading with no dash keeps its whole line
    assert "Reports from County/District Councillors" in by_title
