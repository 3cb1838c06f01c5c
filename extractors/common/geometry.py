"""Word positions inside a line, and a line's paragraph and sentence.

Pages keep lines and gap-separated spans with each word's left edge (`word_starts`), not the
pdfplumber page: these helpers rebuild word boxes and character offsets from that, so an
extractor can say where on the page a figure is and which column it sits in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from extractors.common.spacing import NEXT_LINE, PageType
from extractors.common.text import SENTENCE_BREAK_RE
from pipeline.models import Line, Page

MAX_CONTEXT_CHARS = 400
MIN_TEXT_LINE_WORDS = 4  # a line of fewer words does not mark the text's right edge


@dataclass(frozen=True)
class Word:
    """One word of a line: its text, estimated horizontal extent and offsets in `line.text`."""

    text: str
    x0: float
    x1: float
    start: int
    end: int
    span: int


def line_words(line: Line) -> list[Word]:
    """Words in reading order; a word ends a little before the next one starts."""
    words: list[Word] = []
    offset = 0
    gap = 0.25 * (line.size or 10.0)
    for index, span in enumerate(line.spans):
        tokens = span.text.split(" ")
        starts = list(span.word_starts)
        if len(starts) != len(tokens):  # fall back to positions in proportion to characters
            width = (span.x1 - span.x0) / max(len(span.text), 1)
            starts, position = [], 0
            for token in tokens:
                starts.append(span.x0 + position * width)
                position += len(token) + 1
        for k, token in enumerate(tokens):
            x0 = starts[k]
            x1 = starts[k + 1] - gap if k + 1 < len(tokens) else span.x1
            words.append(Word(token, x0, max(x1, x0 + 1.0), offset, offset + len(token), index))
            offset += len(token) + 1
    return words


def words_in(words: list[Word], start: int, end: int) -> list[Word]:
    """The words a character range [start, end) of the line text touches."""
    return [w for w in words if w.start < end and start < w.end]


def horizontal_overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Share of the narrower of two horizontal extents that the other one covers."""
    overlap = min(a1, b1) - max(a0, b0)
    return max(overlap, 0.0) / max(min(a1 - a0, b1 - b0), 1.0)


def is_table_row(line: Line) -> bool:
    return len(line.spans) >= 2


class Extent(Protocol):
    """A printed line as far as its right end goes (a `Line`, or a minute's line cut short
    of a side column)."""

    @property
    def x1(self) -> float: ...

    @property
    def text(self) -> str: ...


def text_right(lines: Iterable[Extent]) -> float:
    """The right edge of the text: the furthest a line of several words reaches (a page
    number, a stamp or a signature at the margin is not text that fills lines)."""
    lines = list(lines)
    filled = [line.x1 for line in lines if len(line.text.split()) >= MIN_TEXT_LINE_WORDS]
    return max(filled or [line.x1 for line in lines], default=0.0)


def body_width(page: Page) -> float:
    if not page.lines:
        return page.width
    return max(ln.x1 for ln in page.lines) - min(ln.x0 for ln in page.lines)


def paragraph(page: Page, index: int) -> tuple[list[int], int]:
    """Indexes of the prose lines around line `index` that read as one paragraph, and the
    character offset of line `index` in their joined text.

    Lines belong together while they follow closely (the next line, `NEXT_LINE` pitches), in
    the same weight, and are not table rows; a table row is its own paragraph.
    """
    lines = page.lines
    if is_table_row(lines[index]):
        return [index], 0
    kind = PageType.of(page)
    first = index
    while first > 0 and _continues(lines[first - 1], lines[first], kind):
        first -= 1
    last = index
    while last + 1 < len(lines) and _continues(lines[last], lines[last + 1], kind):
        last += 1
    offset = sum(len(lines[k].text) + 1 for k in range(first, index))
    return list(range(first, last + 1)), offset


def _continues(upper: Line, lower: Line, kind: PageType) -> bool:
    if is_table_row(upper) or is_table_row(lower) or upper.bold != lower.bold:
        return False
    return kind.within(upper, lower, NEXT_LINE)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding the characters [start, end), at most a few hundred."""
    begin = 0
    for match in SENTENCE_BREAK_RE.finditer(text, 0, start):
        begin = match.end()
    stop = SENTENCE_BREAK_RE.search(text, end)
    sentence = text[begin : stop.start() if stop else len(text)].strip()
    if len(sentence) > MAX_CONTEXT_CHARS:
        left = max(start - begin - MAX_CONTEXT_CHARS // 2, 0)
        sentence = sentence[left : left + MAX_CONTEXT_CHARS].strip()
    return sentence


def context_of(page: Page, index: int, start: int, end: int) -> str:
    """A table row as its cells joined by ' | ', else the sentence around [start, end)."""
    line = page.lines[index]
    if is_table_row(line):
        return " | ".join(span.text for span in line.spans)
    indexes, offset = paragraph(page, index)
    text = " ".join(page.lines[k].text for k in indexes)
    return sentence_around(text, offset + start, offset + end)
