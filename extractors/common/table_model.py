"""One table model for every reader of tables: rows, columns and header rows, from geometry.

A printed line whose words fall into gap-separated spans (`Line.spans`) is a table row, and
each span is a cell with its x extent. A header row names the columns; a cell belongs to a
column by where it stands under the header. Two ways of placing a cell are used, because
tables print headers in two ways:
- `Columns.nearest`: the header whose centre is nearest the cell's centre - for headers
  centred over left-aligned cells (attendance tables, side-by-side labelled lists);
- `Columns.holding`: the header whose extent holds the cell or covers most of it - for
  right-aligned figures under a header (money tables), where a number outside every header
  belongs to no column.
Without a header, columns are where cells start: `column_starts` reads the left edges off
the rows of a grid, and `left_aligned` says whether a cell starts at one of them.
Each reader keeps its own vocabulary (money words, attendance column titles) and passes it
in; only the geometry lives here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from extractors.common.geometry import horizontal_overlap, is_table_row
from pipeline.models import Line

# points a cell may stand out past its column's header and still be under it (a figure a
# little wider than its header)
COLUMN_SLACK = 8.0
# points: cells starting this close are left-aligned, in one column
ALIGN_TOLERANCE = 4.0
# share of the narrower of a cell and a header the other must cover for the cell to be under
# that header (`horizontal_overlap`)
COLUMN_OVERLAP = 0.5


def same_column(a0: float, a1: float, b0: float, b1: float) -> bool:
    """Whether two cells, one above the other, stand in one column: they overlap by
    COLUMN_OVERLAP of the narrower."""
    return horizontal_overlap(a0, a1, b0, b1) >= COLUMN_OVERLAP


@dataclass
class Column:
    """A column of a table: the x extent of its header cell and the header's text."""

    x0: float
    x1: float
    title: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    def holds(self, x0: float, x1: float) -> bool:
        """Whether a cell from x0 to x1 stands under this column: inside it (give or take
        COLUMN_SLACK points), or overlapping it by COLUMN_OVERLAP."""
        inside = x0 >= self.x0 - COLUMN_SLACK and x1 <= self.x1 + COLUMN_SLACK
        return inside or self.overlaps(x0, x1)

    def overlaps(self, x0: float, x1: float) -> bool:
        return same_column(x0, x1, self.x0, self.x1)

    def widen(self, x0: float, x1: float) -> None:
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)


ColumnT = TypeVar("ColumnT", bound=Column)


@dataclass
class Columns(Generic[ColumnT]):
    """The columns of one table, left to right as their header printed them."""

    columns: list[ColumnT] = field(default_factory=list)

    def __iter__(self) -> Iterator[ColumnT]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    def extend(self, columns: Iterable[ColumnT]) -> None:
        self.columns.extend(columns)

    def nearest_index(self, x0: float, x1: float) -> int:
        """Index of the column whose header centre is nearest the cell's centre (the first
        of two as near)."""
        centre = (x0 + x1) / 2
        return min(range(len(self.columns)), key=lambda k: abs(self.columns[k].centre - centre))

    def nearest(self, x0: float, x1: float) -> ColumnT:
        """The column whose header centre is nearest the cell's centre (headers may be
        centred over left-aligned cells)."""
        return self.columns[self.nearest_index(x0, x1)]

    def holding(self, x0: float, x1: float) -> ColumnT | None:
        """The first column that holds the cell (`Column.holds`), if any does."""
        return next((column for column in self.columns if column.holds(x0, x1)), None)

    def widen_to(self, line: Line) -> None:
        """Widen each column to the cells of `line` under it: a header cell wrapped onto a
        second line, wider than the first."""
        for column in self.columns:
            for span in line.spans:
                if column.overlaps(span.x0, span.x1):
                    column.widen(span.x0, span.x1)


def header_row(line: Line, is_title: Callable[[int, str], bool]) -> Columns[Column] | None:
    """The columns of a header row: a table row (`is_table_row`) whose every cell is a column
    title - `is_title(position, text)` says so in the reader's own vocabulary."""
    if not is_table_row(line):
        return None
    if not all(is_title(index, span.text.strip()) for index, span in enumerate(line.spans)):
        return None
    return Columns([Column(span.x0, span.x1, span.text.strip()) for span in line.spans])


def left_aligned(x: float, starts: Iterable[float], tolerance: float = ALIGN_TOLERANCE) -> bool:
    """Whether a cell starting at x starts a column whose left edge is one of `starts`."""
    return any(abs(x - start) <= tolerance for start in starts)


def column_starts(rows: Iterable[Line], tolerance: float = ALIGN_TOLERANCE) -> list[float]:
    """Left edges of the columns of a table, read off the cells of its rows (a line of one
    cell says nothing about columns); cells starting within `tolerance` of a known edge are
    in that column."""
    starts: list[float] = []
    for line in rows:
        if not is_table_row(line):
            continue
        for span in line.spans:
            if not left_aligned(span.x0, starts, tolerance):
                starts.append(span.x0)
    return starts
