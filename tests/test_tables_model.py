"""The shared table model (extractors/common/table_model.py) as the readers use it.

Expected values were read off the PDFs' pages (see each comment), not copied from output.
"""

from __future__ import annotations

from decimal import Decimal

from extractors.attendees import _is_column_title, _label_only
from extractors.common.table_model import Column, Columns, column_starts, header_row
from extractors.common.tables import table_cells
from pipeline.models import Line, Page, Span
from tests.conftest import extract_corpus, read_corpus


def _line(cells: list[tuple[str, float, float]], top: float) -> Line:
    spans = [
        Span(text=text, x0=x0, x1=x1, top=top, bottom=top + 10, word_starts=[x0])
        for text, x0, x1 in cells
    ]
    return Line(
        text=" ".join(text for text, _, _ in cells),
        size=10.0,
        bold=False,
        spans=spans,
        x0=spans[0].x0,
        x1=spans[-1].x1,
        top=top,
        bottom=top + 10,
    )


def _headers(stem: str, page_number: int, is_title) -> list[list[str]]:
    page = read_corpus(stem).pages[page_number - 1]
    found = [header_row(line, is_title) for line in page.lines]
    return [[column.title for column in columns] for columns in found if columns is not None]


def test_attendance_header_rows_are_read_as_columns():
    # East Palo Alto p1, under "1. CALL TO ORDER AND ROLL CALL":
    # "Attendee Name | Title | Status | Arrived"
    stem = "east-palo-alto-planning-commission-2020-01-27-minutes"
    assert _headers(stem, 1, _is_column_title) == [["Attendee Name", "Title", "Status", "Arrived"]]
    # Thurrock HWB p7: "Board Member | Position | Organisation" over those present and over
    # the apologies
    headers = _headers("003_9fbe4fd92762a598", 7, _is_column_title)
    assert headers[:2] == [["Board Member", "Position", "Organisation"]] * 2


def test_side_by_side_labels_are_a_header_row():
    # Souldern 2014-01-22 p1: "Present:" and "Also in attendance:" side by side
    assert _headers("souldern-pc-2014-01-22-minutes", 1, lambda _, text: _label_only(text)) == [
        ["Present:", "Also in attendance:"]
    ]


def test_attendance_table_cells_go_to_the_nearest_header():
    # East Palo Alto p1: "Uriel Hernandez | Commissioner | Absent", the name column's
    # header centred over left-aligned names; "Andrei Garcia | Commissioner | Late | 7:08 p.m."
    people = {
        a.name: a
        for a in extract_corpus("east-palo-alto-planning-commission-2020-01-27-minutes").attendees
    }
    assert (people["Uriel Hernandez"].role, people["Uriel Hernandez"].status) == (
        "Commissioner",
        "absent",
    )
    assert people["Andrei Garcia"].status == "present"
    assert people["Juan Mendez"].role == "Alternate"


def test_attendance_table_under_apologies_keeps_its_columns():
    # Thurrock HWB p7, under "Apologies:": "Barbara Brownlee | Director of Housing |
    # Thurrock Council"; under "Present:": "Kim James | Chief Operating Officer | Thurrock
    # Healthwatch"
    rows = {
        (a.name, a.status): a
        for a in extract_corpus("003_9fbe4fd92762a598").attendees
        if a.provenance.page == 7
    }
    brownlee = rows[("Barbara Brownlee", "apologies")]
    assert (brownlee.role, brownlee.organisation) == ("Director of Housing", "Thurrock Council")
    james = rows[("Kim James", "present")]
    assert (james.role, james.organisation) == ("Chief Operating Officer", "Thurrock Healthwatch")


def test_nearest_and_holding_place_cells_differently():
    columns = Columns([Column(100, 200, "Name"), Column(300, 340, "Cost")])
    # a left-aligned name under a centred header: nearest by centre
    assert columns.nearest(60, 120).title == "Name"
    # a figure a little wider than its header is held; one far from every header is not
    assert columns.holding(296, 345) is columns.columns[1]
    assert columns.holding(220, 260) is None


def test_a_wrapped_header_cell_widens_its_column():
    columns = Columns([Column(300, 340, "Cost")])
    columns.widen_to(_line([("(£000s) total", 290, 360)], 20))
    assert (columns.columns[0].x0, columns.columns[0].x1) == (290, 360)


def test_column_starts_merge_aligned_cells():
    rows = [
        _line([("Alice Smith", 50, 120), ("Bob Jones", 200, 260)], 0),
        _line([("Carol Brown", 52, 118), ("Dan Green", 198, 250)], 12),
        _line([("a single cell line", 50, 300)], 24),
    ]
    assert column_starts(rows) == [50, 200]


def test_money_table_reads_numbers_under_a_currency_header():
    header = _line([("Scheme", 50, 90), ("Cost (£000s)", 300, 360)], 0)
    row = _line([("Library", 50, 85), ("1,250", 330, 358)], 12)
    outside = _line([("Total", 50, 75), ("1,250", 150, 178)], 24)
    page = Page(number=1, width=600, height=800, lines=[header, row, outside])
    cells = list(table_cells([page], "USD", "GBP", {}))
    assert [(c.line, c.value, c.currency) for c in cells] == [(1, Decimal("1250000"), "GBP")]
