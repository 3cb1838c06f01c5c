"""How close is close on a page: its body type, its line pitch, and the named vertical gaps
every extractor measures in.

Councils print in 8 to 14 point type, single- or double-spaced: 20 points between two lines is
the next line of a paragraph on one page and a blank line on another. So vertical distances are
counted in the page's own line pitch (the usual top-to-top distance of consecutive lines in its
body type), measured once per page by the read stage (`Page.body_size`, `Page.line_pitch`).
Distances are top to top, so they do not depend on how tall a line's box was drawn.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from pipeline.models import Line, Page

SIZE_TOLERANCE = 0.6  # points: type sizes this close are the same type
DEFAULT_SIZE = 10.0  # points: the body type of a page without text
SINGLE_SPACING = 1.2  # pitch of a page with too few body lines to measure, in type sizes

# The named gaps, in line pitches, top to top:
# a line this close under another goes on with its paragraph (paragraphs are set 1.4 to 1.6
# pitches apart in the corpus; a heading's title may wrap wider, see structure.outline.WRAP_GAP)
NEXT_LINE = 1.3
BLANK_LINE = 2.5  # a block (contact details, a figure and the cell under it) spans one blank line
NEW_SECTION = 4.0  # a gap this wide starts a new section (a new table, not the next row)


@dataclass(frozen=True)
class PageType:
    """A page's body type: its most common size (by characters) and line pitch."""

    size: float
    pitch: float

    @classmethod
    def of(cls, page: Page) -> PageType:
        """The page's measure as the read stage recorded it (measured here for a page built
        without it)."""
        if page.body_size and page.line_pitch:
            return cls(size=page.body_size, pitch=page.line_pitch)
        return measure(page.lines)

    def within(self, upper: Line, lower: Line, pitches: float) -> bool:
        """`lower` starts below `upper`, at most `pitches` line pitches further down."""
        return 0 < lower.top - upper.top <= pitches * self.pitch

    def beyond(self, upper: Line, lower: Line, pitches: float) -> bool:
        """`lower` starts more than `pitches` line pitches below `upper`."""
        return lower.top - upper.top > pitches * self.pitch


def measure(lines: list[Line]) -> PageType:
    """Body size: the type size holding most characters. Pitch: the median top-to-top distance
    of consecutive body-type lines closer than two sizes that start at the same left edge
    (lines of one column: lines of side-by-side columns read in turn are not), never less than
    the size."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    size = sizes.most_common(1)[0][0] if sizes else DEFAULT_SIZE
    gaps = [
        below.top - above.top
        for above, below in zip(lines, lines[1:], strict=False)
        if abs(above.size - size) < SIZE_TOLERANCE
        and abs(below.size - size) < SIZE_TOLERANCE
        and 0 < below.top - above.top < 2 * size
        and abs(below.x0 - above.x0) <= size
    ]
    pitch = statistics.median(gaps) if gaps else SINGLE_SPACING * size
    return PageType(size=size, pitch=max(pitch, size))
