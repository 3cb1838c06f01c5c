"""The gutter search counts, for each x position, the rows that leave it empty. Its fast
difference-array count must agree with the plain definition on any arrangement of words."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.read.columns import _rows_leaving_empty
from pipeline.read.readers import RawWord


def _word(x0: float, width: float) -> RawWord:
    return RawWord("w", x0, 0.0, x0 + width, 10.0, "Helvetica", 10.0)


def _plain_count(rows: list[list[RawWord]], steps: list[float]) -> list[int]:
    return [sum(not any(w.x0 <= x <= w.x1 for w in row) for row in rows) for x in steps]


coordinate = st.floats(min_value=-50, max_value=700, allow_nan=False)
width = st.floats(min_value=0, max_value=300, allow_nan=False)
rows_strategy = st.lists(
    st.lists(st.builds(_word, coordinate, width), max_size=12), min_size=1, max_size=30
)


@example(rows=[[_word(699.0, 0.0)]], page_width=998.9999999999999, step=0.3)  # rounding
@given(rows_strategy, st.floats(min_value=100, max_value=1000), st.sampled_from([0.3, 1.0, 2.5]))
def test_fast_count_agrees_with_definition(rows, page_width, step):
    lo, count = page_width * 0.3, int(page_width * 0.4 / step) + 1
    steps = [lo + i * step for i in range(count)]
    assert _rows_leaving_empty(rows, lo, step, count) == _plain_count(rows, steps)


def test_word_edges_count_as_covered():
    rows = [[_word(101.0, 1.0)], [_word(102.5, 0.2)], []]
    # positions 100..103: row 1 covers 101 and 102 (edges included); row 2 none; row 3 is empty
    assert _rows_leaving_empty(rows, 100.0, 1.0, 4) == [3, 2, 2, 3]
