"""Unnumbered sub-lists: topics listed one per line under an item, with no label.

Topics set right under an item, indented from it and aligned with each other
("5. Discussions" over "Introductions" / "Vacancy Search Update"), are sub-items without a
number when there are enough of them; fewer are a note under the item.
"""

from __future__ import annotations

import re

from extractors.common.fields import OPENING_FIELD_RE
from extractors.common.spacing import PageType
from extractors.common.structure.labels import is_banner, parse_labels
from extractors.common.structure.outline import (
    FULL_LINE,
    HEADING_MAX_CHARS,
    WRAP_GAP,
    X_TOLERANCE,
    Entry,
    _right_edge,
)
from pipeline.models import Line, Page

MIN_SUBLIST = 3  # one-line topics under an item: this many make a sub-list, fewer are a note
# (a presenter's name over a department)


def unnumbered_sublists(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Topics listed one per line right under an item, indented from it and aligned with each
    other, with no label ("5. Discussions" over "Introductions" / "Vacancy Search Update"):
    each line is a sub-item without a number, when there are at least ``MIN_SUBLIST``."""
    used = {id(line) for e in entries for line in e.lines}
    right = _right_edge(pages)
    found: list[Entry] = []
    for entry in entries:
        page = entry.page
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        index = next(i for i, line in enumerate(page.lines) if line is entry.lines[-1])
        run: list[list[Line]] = []  # each topic: its line, and the line it wraps onto
        previous = entry.lines[-1]
        following = page.lines[index + 1 :]
        position = 0
        while position < len(following):
            line = following[position]
            if id(line) in used or line.top - previous.top > WRAP_GAP * kind.pitch:
                break
            aligned = abs(line.x0 - run[0][0].x0) <= tolerance if run else True
            if not aligned or line.x0 <= entry.x + tolerance or not _topic_line(line.text):
                break
            if len(line.spans) > 1:
                break  # a table row
            topic = [line]
            if _full(line, right):
                wrapped = _wrapped_topic(line, following[position + 1 : position + 2], kind)
                if wrapped is None:
                    break  # a line of a wrapped paragraph
                topic.append(wrapped)
            run.append(topic)
            previous = topic[-1]
            position += len(topic)
        wrapped_topics = sum(len(topic) > 1 for topic in run)
        if len(run) >= MIN_SUBLIST and wrapped_topics < len(run) - wrapped_topics:
            for topic in run:
                title = " ".join(line.text.strip() for line in topic)
                sub = Entry.at_line(page, topic[0], title)
                sub.lines = topic
                sub.parent = entry
                found.append(sub)
                used.update(id(line) for line in topic)
    return found


def _full(line: Line, right: float) -> bool:
    return line.x1 >= line.x0 + FULL_LINE * (right - line.x0)


def _wrapped_topic(line: Line, below: list[Line], kind: PageType) -> Line | None:
    """A topic that fills its line goes on over the next one, set close under it at the same
    indent with no label, and ends there: that line, else None."""
    if not below:
        return None
    second = below[0]
    close = second.top - line.top <= WRAP_GAP * kind.pitch
    aligned = abs(second.x0 - line.x0) <= X_TOLERANCE * kind.size
    if not (close and aligned) or parse_labels(second.text)[0]:
        return None
    return second


def _topic_line(text: str) -> bool:
    """A short line naming a topic: capitalised, no label, no "Field: value", not a sentence
    or a lead-in."""
    text = text.strip()
    return bool(
        len(text) <= HEADING_MAX_CHARS
        and text[:1].isupper()
        and re.search(r"[A-Za-z]{2}", text)
        and not text.endswith((".", ":", ";", ","))
        and not parse_labels(text)[0]
        and not OPENING_FIELD_RE.match(text)
        and not is_banner(text)
    )
