"""Reading order for pages set in two text columns, from word geometry alone.

Read row by row, a two-column page interleaves the columns ("... to the After a debate the
Chair ..."), which splits every sentence in the right column. A band of rows is read left
column first, then right column, only when it is clearly two columns: an empty gutter near
the middle, and either two columns of running text (each at least a quarter of the page
wide, several lines on each side, lines that fill their column), or running text beside a
list whose lines sit where the text's sentences run on from one line to the next (an
attendance list beside a decision). Tables, side headings and label/value rows fail these
tests and keep their row order: their rows start beside a new paragraph.
"""

from __future__ import annotations

import math
import re
from statistics import median

from pipeline.read.readers import RawWord

MIN_GUTTER_FACTOR = 1.6  # the gutter is at least this many font sizes wide (as span gaps)
MIN_LINES_PER_COLUMN = 5
MIN_COLUMN_SHARE = 0.25  # each column is at least this share of the page width
MIN_FILL = 0.6  # the median line fills at least this share of its column
MIN_WORDS_PER_LINE = 4  # running text, not table cells
MIN_LIST_LINES = 4  # a list beside running text has at least this many lines
MIN_RUN_ON_SHARE = 0.75  # share of its lines that sit beside a sentence running on

FULL_LINE = 0.8  # a line that reaches this share of its column's width was wrapped
RUNS_ON_RE = re.compile(r"[a-z,]$")  # a wrapped line whose sentence goes on


def reading_blocks(
    rows: list[list[RawWord]], page_width: float, size: float
) -> list[list[RawWord]] | None:
    """Rows regrouped into blocks in reading order, or None when no band has two columns."""
    gutter = _find_gutter(rows, page_width, size)
    if gutter is None:
        return None
    left_edge, right_edge = gutter
    blocks: list[list[RawWord]] = []
    band: list[list[RawWord]] = []
    changed = False

    def close_band() -> None:
        nonlocal changed
        if _is_two_columns(band, gutter, page_width):
            blocks.append([w for row in band for w in row if w.x1 <= left_edge])
            blocks.append([w for row in band for w in row if w.x0 >= right_edge])
            changed = True
        elif band:
            blocks.append([w for row in band for w in row])
        band.clear()

    for row in rows:
        if any(w.x0 < right_edge and w.x1 > left_edge for w in row):  # crosses the gutter
            close_band()
            blocks.append(list(row))
        else:
            band.append(row)
    close_band()
    return blocks if changed else None


def _find_gutter(
    rows: list[list[RawWord]], page_width: float, size: float
) -> tuple[float, float] | None:
    """The widest x-interval in the middle of the page that most rows leave empty."""
    if len(rows) < MIN_LINES_PER_COLUMN or page_width <= 0:
        return None
    lo, hi = page_width * 0.3, page_width * 0.7
    step = max(1.0, (hi - lo) / 400)
    steps = [lo + i * step for i in range(int((hi - lo) / step) + 1)]
    empty_in = _rows_leaving_empty(rows, lo, step, len(steps))
    best = max(empty_in)
    if best < MIN_LINES_PER_COLUMN:
        return None
    # the run of positions empty in the most rows; widen it to the words on either side
    middle = [x for x, n in zip(steps, empty_in, strict=True) if n == best]
    x = median(middle)
    left = max((w.x1 for row in rows for w in row if w.x1 <= x), default=None)
    right = min((w.x0 for row in rows for w in row if w.x0 >= x), default=None)
    if left is None or right is None or right - left < MIN_GUTTER_FACTOR * size:
        return None
    return left, right


def _rows_leaving_empty(
    rows: list[list[RawWord]], first: float, step: float, count: int
) -> list[int]:
    """For each position x = first + i * step (i < count), how many rows leave it uncovered.

    Each row adds +1/-1 at the ends of its covered runs of positions (a difference array),
    so a page costs words + positions, not words x positions.
    """
    covered_delta = [0] * (count + 1)
    for row in rows:
        runs: list[list[int]] = []
        for start, end in sorted(_covered_positions(w, first, step, count) for w in row):
            if start > end:
                continue
            if runs and start <= runs[-1][1] + 1:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        for start, end in runs:
            covered_delta[start] += 1
            covered_delta[end + 1] -= 1
    empty_in, covered = [], 0
    for index in range(count):
        covered += covered_delta[index]
        empty_in.append(len(rows) - covered)
    return empty_in


def _covered_positions(word: RawWord, first: float, step: float, count: int) -> tuple[int, int]:
    """Indexes of the positions x with word.x0 <= x <= word.x1 (start > end when none)."""
    start = max(0, math.ceil((word.x0 - first) / step))
    end = min(count - 1, math.floor((word.x1 - first) / step))
    # the divisions can round either way at the edges: settle them on the positions themselves
    while start > 0 and first + (start - 1) * step >= word.x0:
        start -= 1
    while start < count and first + start * step < word.x0:
        start += 1
    while end < count - 1 and first + (end + 1) * step <= word.x1:
        end += 1
    while end >= 0 and first + end * step > word.x1:
        end -= 1
    return start, end


def _is_two_columns(
    band: list[list[RawWord]], gutter: tuple[float, float], page_width: float
) -> bool:
    left_edge, right_edge = gutter
    left = [[w for w in row if w.x1 <= left_edge] for row in band]
    right = [[w for w in row if w.x0 >= right_edge] for row in band]
    texts = [_is_text_column([part for part in side if part], page_width) for side in (left, right)]
    if all(texts):
        return True
    if texts[1]:
        return _runs_on_beside(right, left)
    if texts[0]:
        return _runs_on_beside(left, right)
    return False


def _runs_on_beside(text: list[list[RawWord]], other: list[list[RawWord]]) -> bool:
    """Is `other` a column of its own beside the running text (a list of names beside a
    decision), not the first column of a table or a side heading? Its lines sit beside lines
    where the text's sentence runs on from the line above (that line was wrapped: it fills
    the column and ends inside a sentence); a table row or a side heading starts beside a
    new paragraph."""
    lines = [line for line in text if line]
    left = min(line[0].x0 for line in lines)
    width = max(line[-1].x1 for line in lines) - left
    beside = runs_on = 0
    for index, (line, neighbour) in enumerate(zip(text, other, strict=True)):
        if not neighbour or not line:
            continue
        beside += 1
        above = text[index - 1] if index > 0 else []
        if above and above[-1].x1 - left >= FULL_LINE * width and RUNS_ON_RE.search(above[-1].text):
            runs_on += 1
    return beside >= MIN_LIST_LINES and runs_on >= MIN_RUN_ON_SHARE * beside


def _is_text_column(lines: list[list[RawWord]], page_width: float) -> bool:
    if len(lines) < MIN_LINES_PER_COLUMN:
        return False
    x0 = min(w.x0 for line in lines for w in line)
    x1 = max(w.x1 for line in lines for w in line)
    width = x1 - x0
    if width < MIN_COLUMN_SHARE * page_width:
        return False
    fill = median((line[-1].x1 - line[0].x0) / width for line in lines)
    words = median(len(line) for line in lines)
    return fill >= MIN_FILL and words >= MIN_WORDS_PER_LINE
