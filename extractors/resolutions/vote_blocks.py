"""Motions decided by a printed vote block ("RESULT: APPROVED [UNANIMOUS]", "AYES: ...",
"NAYS: ..."): the motion sentence before the vote, else the consent items it decides, else
the minute, with the outcome and counts the block prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.minutes_layout import HEADING_RE, Minute, MinuteLine
from extractors.common.motion_people import vote_block_people
from extractors.common.text import clean
from extractors.resolutions.paragraphs import FAILED_RE, Decision, _count, _join, _paragraphs

VOTE_LINE_RE = re.compile(
    r"^(?P<label>RESULT|MOTION BY|MOVER|SECOND(?:ER|ED BY)?|AYES|NAYS|NOES|ABSTAIN(?:ED|S)?|"
    r"ABSENT|RECUSED|VOTE)\s*:\s*(?P<value>.*)$",
    re.I,
)
MOTION_RE = re.compile(r"\b(motion|moved|seconded)\b", re.I)
CARRIED_RE = re.compile(r"\b(approved|adopted|carried|passed|accepted|unanimous)\b", re.I)


def _outcome(result: str) -> str:
    if FAILED_RE.search(result):
        return "failed"
    if CARRIED_RE.search(result):
        return "carried"
    return clean(result).lower() or "recorded"


@dataclass
class _SubItem:
    number: str
    title: str
    lines: list[MinuteLine]
    text_lines: list[MinuteLine] = field(default_factory=list)


def _motion_decisions(minute: Minute) -> list[Decision]:
    """Motions decided by a printed vote block, with outcome and counts."""
    decisions: list[Decision] = []
    pending_prose: list[MinuteLine] = []
    pending_items: list[_SubItem] = []
    current_item: _SubItem | None = None
    body = minute.body
    index = 0
    while index < len(body):
        ml = body[index]
        vote = VOTE_LINE_RE.match(ml.text)
        if vote:
            block: dict[str, str] = {}
            while index < len(body) and (vote := VOTE_LINE_RE.match(body[index].text)):
                block[vote.group("label").upper()[:5]] = vote.group("value")
                index += 1
            votes = {
                "for": _count(block.get("AYES", "")),
                "against": _count(block.get("NAYS", block.get("NOES", ""))),
                "abstain": _count(block.get("ABSTA", "")),
            }
            outcome = _outcome(block.get("RESUL", block.get("VOTE", "")))
            found = _decided(minute, pending_prose, pending_items, current_item, outcome, votes)
            mover, seconder = vote_block_people(block)
            for decision in found:
                decision.moved_by = decision.moved_by or mover
                decision.seconded_by = decision.seconded_by or seconder
            decisions.extend(found)
            pending_prose, pending_items = [], []
            continue
        heading = HEADING_RE.match(ml.text)
        if heading and ml.line.bold:
            number = f"{minute.number}.{heading.group('num')}" if minute.number else None
            current_item = _SubItem(number or heading.group("num"), heading.group("title"), [ml])
            pending_items.append(current_item)
        elif current_item and ml.line.bold and not current_item.text_lines:
            current_item.title += " " + ml.text
        elif MOTION_RE.search(ml.text) or pending_prose:
            pending_prose.append(ml)
        elif current_item:
            current_item.text_lines.append(ml)
        index += 1
    return decisions


def _decided(
    minute: Minute,
    prose: list[MinuteLine],
    items: list[_SubItem],
    current: _SubItem | None,
    outcome: str,
    votes: dict[str, int],
) -> list[Decision]:
    number = current.number if current else minute.number
    title = clean(current.title) if current else minute.title
    motion = [p for p in _paragraphs(prose) if MOTION_RE.search(_join(p))]
    if motion:
        lines = motion[-1]
        text = re.sub(r"\s+as (reflected|follows)\s*:?\s*$", "", _join(lines))
        return [Decision(lines, text, minute, number, title, outcome, votes)]
    decided = [item for item in items if item.text_lines]
    if decided:
        return [
            Decision(
                item.text_lines,
                _join(item.text_lines),
                minute,
                item.number,
                clean(item.title),
                outcome,
                votes,
            )
            for item in decided
        ]
    lines = minute.heading
    return [Decision(lines, minute.title, minute, number, title, outcome, votes)]
