"""Motions recorded in prose.

A motion is recorded as what was moved, then who seconded it and how it was decided:
"Motion to approve X was made by A, seconded by B. All were in favor.", "Councilor A moved
to approve X. Councilor B seconded. The motion passed 5-0.", "Moved by A, seconded by B that
X. Carried", "Moved by: A Seconded by: B / That X. Carried." The decision is the moved
clause: from its "to" / "that" up to the mover, the seconder or the printed outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.minutes_layout import BULLET_RE, Minute, MinuteLine, MinutesDocument
from extractors.common.motion_people import MOTION_NUMBER, NUMBERED_PAIR_RE, motion_people
from extractors.common.text import SENTENCE_BREAK_RE, clean, sentences
from extractors.resolutions.paragraphs import (
    FAILED_RE,
    SUB_ITEM_RE,
    Decision,
    _by_minute,
    _count,
    _join,
    _paragraphs,
)
from pipeline.models import Page

_INITIAL_OR_WORD = r"(?:\b[A-Z]\.\s*|[^.;:])"
MOTION_OPEN_RE = re.compile(
    r"\b(?:a\s+)?motion\b\s*(?:was\s+)?(?:made\s+)?(?=(?:to|that|stating)\b)", re.I
)
MOVED_OPEN_RE = re.compile(
    rf"\b(?:moved|proposed(?=\s+by\b))\b(?:\s+by\s*:?\s*{_INITIAL_OR_WORD}{{1,60}}?)?"
    rf"(?:\s*,?\s*(?:and\s+)?seconded\s+by\s*:?\s*{_INITIAL_OR_WORD}{{1,60}}?)?"
    r"\s*[,:–—-]?\s*(?=(?:to|that)\b)",
    re.I,
)
OPEN_RES = (MOTION_OPEN_RE, MOVED_OPEN_RE)
# a motion's number printed just before its opener: "Resolution No. 2024-82 – Moved by A,
# seconded by B that X", "MOTION NUMBER C2025-01 / Moved by: A Seconded by: B / That X"
NUMBER_BEFORE_RE = re.compile(rf"\b(?:no\.?|number|#)\s*(?P<number>{MOTION_NUMBER})\W*$", re.I)
NUMBER_REACH = 40  # characters before an opener searched for its number
MOVER_TAIL_RE = re.compile(
    rf",?\s+(?:was\s+)?(?:made\s+)?by\s+{_INITIAL_OR_WORD}{{2,60}}?,?\s+second(?:ed)?\b", re.I
)
# "Carried" as OCR may read it, its "i" as an "l", a "1" or a "!" ("Carrled")
CARRIED_WORD = r"carr[il1!]ed"
CLOSE_SENTENCE_RE = re.compile(
    r"^\W*(?:.*?\bseconded\b|.*?\bsecond(?:ed)? by\b|(?:the\s+)?motion\s+(?:was\s+)?"
    r"(?:duly\s+)?(?:seconded|carried|passed|passes|failed|called)\b|(?:it|motion)\s+"
    r"(?:passed|carried|failed)\b|all\s+(?:were\s+)?in\s+favou?r|(?:defeated|lost)\b"
    rf"|{CARRIED_WORD}(?![\w!])"
    # the UK outcome printed alone: "Agreed unanimously.", "Unanimously agreed."
    r"|(?:unanimously\s+)?agreed(?:\s+(?:unanimously|by\s+all))?\W*$"
    r"|roll call\b|vote\s*:|moved\s+\d)",
    re.I,
)
OUTCOME_WORD_RE = re.compile(
    r"\s*\b(?:Carr[il1!]ed|CARR[IL1!]ED|Defeated|DEFEATED)(?![\w!])\.?\s*$"
)
MAX_CLAUSE_CHARS = 2500
# a moved clause pointing to what is printed under the motion: "to accept the minutes with
# the following amendment." - the numbered list below the vote is part of it
FOLLOWING_RE = re.compile(r"\bthe following\s+\w+(?:\s+\w+)?\s*[.:]?$", re.I)
MOTION_WORD_RE = re.compile(r"\b(?:motion|moved)\b", re.I)
TRAILING_AND_RE = re.compile(r"[;,]?\s*(?:and|now)?\s*[;,]?\s*$", re.I)


def _indexed_text(lines: list[MinuteLine]) -> tuple[str, list[int]]:
    """The lines joined by spaces, with the offset where each line starts."""
    starts, parts, offset = [], [], 0
    for ml in lines:
        text = clean(BULLET_RE.sub("", ml.text)) if BULLET_RE.match(ml.text) else ml.text
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    return " ".join(parts), starts


def _openers(text: str, labelled: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(opener start, clause start) of every motion opening in the text, with the labelled
    ones found on their own lines; overlapping openings ("Motion: Councilor A moved to") are
    one, with the latest clause start."""
    found = sorted(
        [
            *((m.start(), m.end()) for pattern in OPEN_RES for m in pattern.finditer(text)),
            *labelled,
        ]
    )
    merged: list[tuple[int, int]] = []
    for opener in found:
        if merged and opener[0] < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], opener[1]))
        else:
            merged.append(opener)
    return merged


def _clause(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """End offset and closing text of the moved clause from start, if a seconder or an
    outcome closes it before stop."""
    rest = text[start:stop]
    tail = MOVER_TAIL_RE.search(rest)
    parts = sentences(rest)
    offset = 0
    for index, sentence in enumerate(parts):
        position = rest.find(sentence, offset)
        offset = position + len(sentence)
        if tail and tail.start() < offset:
            return start + tail.start(), rest[tail.start() :]
        if index and CLOSE_SENTENCE_RE.match(sentence):
            return start + position, rest[position:]
        word = OUTCOME_WORD_RE.search(sentence)
        if word:
            return start + position + word.start(), rest[position + word.start() :]
        if offset > MAX_CLAUSE_CHARS:
            return None
    return None


# a roll call: "Roll Call was taken as follows: Trustee Elton – yes, Trustee Albrecht – yes,
# ... Supervisor Liccar – yes. Motion passes." Each member's answer after a dash or colon (or
# after the name, when the dash opened a line and was read as a bullet).
ROLL_CALL_RE = re.compile(r"\broll\s+call\b(?P<calls>.*?)(?:\.\s+(?:the\s+)?motion\b|$)", re.I)
MAX_ROLL_CALL_CHARS = 1000
# members named as abstaining after a tally, a sentence of its own: "Councilor Ruble
# abstained.", "Councilors A and B abstained."
ABSTAINED_RE = re.compile(r"(?:^|[.;]\s+)(?P<names>(?!No\b|None\b)[A-Z][^.;]{0,80}?)\s+abstained\b")
ROLL_VOTE_RE = re.compile(r"(?:[–—:-]|(?<=\w)\s)\s*(yes|aye|yea|no|nay|abstain(?:ed|s)?)\b", re.I)


def _roll_call(closing: str) -> str:
    """The answers of a roll call printed in what closes a motion, if one is."""
    match = ROLL_CALL_RE.search(closing)
    return match.group("calls") if match else ""


def _motion_votes(closing: str) -> tuple[str, dict[str, int]]:
    """Outcome and counts from what follows the clause: "passed 5-0", "39 in favor"."""
    roll_call = _roll_call(closing[:MAX_ROLL_CALL_CHARS])  # five members' answers run long
    closing = closing[:400]
    outcome = "failed" if FAILED_RE.search(closing) else "carried"
    votes: dict[str, int] = {}
    tally = re.search(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b", closing)
    in_favour = re.search(r"\b(\d{1,3})\s+(?:board\s+)?(?:members?\s+)?in\s+favou?r", closing, re.I)
    if tally:
        votes = {"for": int(tally.group(1)), "against": int(tally.group(2))}
        abstained = ABSTAINED_RE.search(closing)
        if abstained:  # "It passed 4-0. Councilor Ruble abstained."
            votes["abstain"] = _count(abstained.group("names"))
    elif len(roll := ROLL_VOTE_RE.findall(roll_call)) >= 2:
        said = [vote.lower() for vote in roll]
        votes = {
            "for": sum(vote in ("yes", "aye", "yea") for vote in said),
            "against": sum(vote in ("no", "nay") for vote in said),
        }
        if any(vote.startswith("abstain") for vote in said):
            votes["abstain"] = sum(vote.startswith("abstain") for vote in said)
    elif in_favour:
        against = re.search(r"\b(\d{1,3})\s+(?:against|opposed)", closing, re.I)
        abstain = re.search(r"\b(\d{1,3})\s+abst(?:ain|ention)", closing, re.I)
        votes = {
            "for": int(in_favour.group(1)),
            "against": int(against.group(1)) if against else 0,
            "abstain": int(abstain.group(1)) if abstain else 0,
        }
    return outcome, votes


def _lines_between(
    lines: list[MinuteLine], line_starts: list[int], start: int, end: int
) -> list[MinuteLine]:
    """The lines holding text[start:end]."""
    picked = [
        ml
        for ml, (first, following) in zip(
            lines, zip(line_starts, [*line_starts[1:], 10**9], strict=True), strict=True
        )
        if first < end and following > start
    ]
    return picked or lines[:1]


@dataclass
class _Label:
    """A motion's printed number, and the mover and seconder printed beside it."""

    number: str
    mover: str | None = None
    seconder: str | None = None


def _labelled_openers(text: str, line_starts: list[int]) -> dict[int, tuple[int, _Label]]:
    """Motions opened by their number, mover and seconder on a line ("R2025-034 J. Scott,
    S. Foote:"), by clause start: (opener start, label)."""
    found = {}
    for offset in line_starts:
        pair = NUMBERED_PAIR_RE.match(text, offset)
        if pair:
            label = _Label(pair.group("number"), pair.group("mover"), pair.group("seconder"))
            found[pair.end()] = (offset, label)
    return found


def _paragraph_end(
    paragraphs: list[list[MinuteLine]], ends: dict[int, int], line_starts: list[int], start: int
) -> int:
    """Where the paragraph holding text offset `start` ends; a paragraph leading in to a list
    (ending in a colon) runs on through the bulleted lines under it."""
    line = max(i for i, first in enumerate(line_starts) if first <= start)
    index = next(i for i, p in enumerate(paragraphs) if ends[id(p[-1])] >= line_starts[line])
    end = ends[id(paragraphs[index][-1])]
    listing = _join(paragraphs[index]).endswith(":")
    for paragraph in paragraphs[index + 1 :]:
        if not (listing and BULLET_RE.match(paragraph[0].text)):
            break
        end = ends[id(paragraph[-1])]
    return end


def _recorded_motions(lines: list[MinuteLine], minute: Minute) -> list[Decision]:
    """Motions recorded in prose, each closed by its seconder or its outcome. A numbered
    motion ("Resolution No. 2024-82 – Moved by A, seconded by B that X") is recorded even
    with no outcome printed: it ends with its paragraph."""
    if not lines:
        return []
    text, line_starts = _indexed_text(lines)
    labelled = _labelled_openers(text, line_starts)
    openers = _openers(text, [(opened, start) for start, (opened, _) in labelled.items()])
    paragraphs = _paragraphs(lines)
    ends = {id(ml): first + len(part) for ml, first, part in _line_spans(lines, text, line_starts)}
    decisions = []
    taken = taken_before = -1
    for index, (opened, start) in enumerate(openers):
        if start < taken:
            continue
        following = [o for o in openers[index + 1 :] if o[0] >= start]
        stop = following[0][0] if following else len(text)
        label = labelled[start][1] if start in labelled else _number_before(text, opened)
        closed = _clause(text, start, stop)
        if closed is None and label is not None:
            closed = min(_paragraph_end(paragraphs, ends, line_starts, start), stop), ""
        if closed is None:
            continue
        end, closing = closed
        taken = end
        clause = TRAILING_AND_RE.sub("", text[start:end].strip())
        clause = re.sub(r"\s+as (reflected|follows)\s*:?\s*$", "", clause).strip()
        if len(clause.split()) < 2:
            continue
        outcome, votes = _motion_votes(closing) if closing else (None, {})
        picked = _lines_between(lines, line_starts, start, end)
        if FOLLOWING_RE.search(clause):
            listed = _list_below(paragraphs, picked[-1])
            clause = clean(" ".join([clause, *(_join(p) for p in listed)]))
        # who moved and seconded: in the sentence that opens the motion ("Councilor A moved
        # to") and in what closes it ("made by A, seconded by B", "B seconded.")
        sentence = max(text.rfind(".", 0, opened), text.rfind(";", 0, opened), taken_before)
        mover, seconder = motion_people(text[sentence + 1 : start] + "; " + closing[:300])
        if label is not None and label.mover:
            mover, seconder = label.mover, label.seconder
        decisions.append(
            Decision(
                picked,
                clause,
                minute,
                number=label.number if label else None,
                outcome=outcome,
                votes=votes,
                moved_by=mover,
                seconded_by=seconder,
                record=text[sentence + 1 : end] + _first_sentence(closing),
            )
        )
        taken_before = end
    return decisions


def _list_below(paragraphs: list[list[MinuteLine]], last: MinuteLine) -> list[list[MinuteLine]]:
    """The numbered paragraphs printed under the paragraph ending a motion ("1. Note that
    ..."), up to the first that is not one or is bold (the next numbered heading)."""
    index = next((i for i, p in enumerate(paragraphs) if any(ml is last for ml in p)), None)
    listed = []
    for paragraph in paragraphs[index + 1 :] if index is not None else []:
        first = paragraph[0]
        if first.line.bold or not SUB_ITEM_RE.match(first.text):
            break
        listed.append(paragraph)
    return listed


def _first_sentence(text: str) -> str:
    """The first sentence of what closes a motion ("Agreed unanimously.", ", seconded by B.")."""
    return SENTENCE_BREAK_RE.split(text, maxsplit=1)[0] if text else ""


def _number_before(text: str, opened: int) -> _Label | None:
    """The number printed just before a motion's opener ("Resolution No. 2024-82 – Moved")."""
    match = NUMBER_BEFORE_RE.search(text, max(0, opened - NUMBER_REACH), opened)
    return _Label(match.group("number")) if match else None


def _line_spans(
    lines: list[MinuteLine], text: str, line_starts: list[int]
) -> list[tuple[MinuteLine, int, str]]:
    """Each line with its start offset in the joined text and its text there."""
    bounds = [*line_starts[1:], len(text) + 1]
    return [
        (ml, first, text[first : following - 1])
        for ml, first, following in zip(lines, line_starts, bounds, strict=True)
    ]


def _mentions_motions(pages: list[Page]) -> bool:
    return any(MOTION_WORD_RE.search(line.text) for page in pages for line in page.lines)


def _segment_motions(document: MinutesDocument) -> dict[int, list[Decision]]:
    """Recorded motions of the whole segment (a motion's label may have been taken for a
    minute heading), by the index of the minute they start in (-1: the header)."""
    header = Minute(number=None, title="", heading=[], body=document.header)
    found = _recorded_motions(document.lines, header)  # a decision before any heading: header
    return _by_minute(document, found)
