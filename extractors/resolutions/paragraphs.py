"""Paragraphs of minute text and the `Decision` record every form of decision fills.

Every reader of decisions (RESOLVED blocks, decision sentences, printed votes, recorded
motions, board resolutions) needs the same paragraphs of a minute's lines and the same
joined text, so they live below all of them, with the few small helpers several share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.geometry import text_right
from extractors.common.minutes_layout import BULLET_RE, Minute, MinuteLine, MinutesDocument
from extractors.common.spacing import NEXT_LINE, PageType
from extractors.common.text import clean

# a numbered or lettered line: a sub-resolution of a RESOLVED block, an item of the list
# printed under a motion
SUB_ITEM_RE = re.compile(
    r"^(?:\(?(?P<a>[a-zA-Z]|\d{1,2}|[ivx]{1,4})[.)]|(?P<b>\d{1,2})(?=\s+[A-Z]))\s+(?=\S)"
)
FAILED_RE = re.compile(r"\b(failed|denied|lost|defeated|rejected)\b", re.I)
RUNS_ON_END_RE = re.compile(
    r"(?:,|\b(?:of|the|and|or|to|a|an|for|with|by|in|on|at|from))\s*$", re.I
)


@dataclass
class Decision:
    lines: list[MinuteLine]
    text: str
    minute: Minute
    number: str | None = None
    title: str | None = None
    outcome: str | None = None
    votes: dict[str, int] = field(default_factory=dict)
    moved_by: str | None = None
    seconded_by: str | None = None
    record: str = ""  # a recorded motion's whole sentence(s), mover to outcome


def _unfilled(previous: MinuteLine, following: MinuteLine, right: float) -> bool:
    """A line that stops short although the next line's first word would have fitted: the
    end of a paragraph even without a full stop. One followed by a line that starts in lower
    case runs on whatever its length."""
    word = following.text.split()[0] if following.text.split() else ""
    runs_on = word[:1].islower() and len(word) > 1  # "and discuss ...", not an "o" bullet
    # a line ending in a comma or in a word no sentence ends with runs on: a list of payments
    # one a line ("Merlin Waste - £30 (Ch. No. 300101),"), "... Nicola Edwards of" / "MCC"
    runs_on = runs_on or bool(RUNS_ON_END_RE.search(previous.text))
    if runs_on:
        return False  # the sentence runs on: "... investigate feasibility" / "and discuss"
    return previous.has_room_for(word, 0.5 * previous.line.size, right - 2)


def _text_right(lines: list[MinuteLine]) -> float:
    """The right edge of the text (`text_right`), over the lines no side column was cut from."""
    return text_right([ml for ml in lines if ml.cut_at is None] or lines)


def _paragraphs(lines: list[MinuteLine]) -> list[list[MinuteLine]]:
    """Lines grouped into paragraphs by vertical gaps (wider than `NEXT_LINE` line pitches),
    bullets and unfilled lines."""
    if not lines:
        return []
    right = _text_right(lines)
    paragraphs: list[list[MinuteLine]] = [[lines[0]]]
    for previous, ml in zip(lines, lines[1:], strict=False):
        same_page = ml.page.number == previous.page.number
        breaks = same_page and (
            not PageType.of(ml.page).within(previous.line, ml.line, NEXT_LINE)
            or _unfilled(previous, ml, right)
        )
        if breaks or BULLET_RE.match(ml.text):
            paragraphs.append([ml])
        else:
            paragraphs[-1].append(ml)
    return paragraphs


def _join(lines: list[MinuteLine]) -> str:
    return clean(" ".join(BULLET_RE.sub("", ml.text) for ml in lines))


def _count(names: str) -> int:
    names = names.strip()
    if not names or names.lower() in {"none", "-", "n/a", "0"}:
        return 0
    return len([n for n in re.split(r",|\band\b", names) if n.strip()])


def _by_minute(document: MinutesDocument, found: list[Decision]) -> dict[int, list[Decision]]:
    """Decisions by the index of the minute their first line is in (-1: the header)."""
    owner: dict[int, int] = {}
    for index, minute in enumerate(document.minutes):
        for ml in [*minute.heading, *minute.body]:
            owner.setdefault(id(ml.line), index)
    by_minute: dict[int, list[Decision]] = {}
    for decision in found:
        index = owner.get(id(decision.lines[0].line), -1)
        if index >= 0:
            decision.minute = document.minutes[index]
        by_minute.setdefault(index, []).append(decision)
    return by_minute
