"""Decisions recorded in minutes, one row per decision, each under its minute.

Five forms, tried per minute in this order:
- board resolutions closed by a vote line ("Therefore be it resolved that X; and ..." /
  "Vote: Unanimous, with 39 Board members in favor."), found over the whole segment: the
  first resolved clause (with its list when it only leads in to one), outcome and counts;
- RESOLVED blocks: the text after "RESOLVED", one row per numbered or lettered
  sub-resolution ("1.", "(a)", "A)"), or one row when the block is not numbered; a lead-in
  such as "that Cabinet agree to:" before the sub-resolutions is not itself a decision;
- motions with a printed vote ("RESULT: APPROVED [UNANIMOUS]", "AYES: ...", "NAYS: ..."):
  the motion sentence before the vote, else the consent items it decides, else the minute;
- motions recorded in prose, found over the whole segment ("Motion to approve X was made by
  A, seconded by B. All were in favor.", "Councilor A moved to X. Councilor B seconded.",
  "Moved by: A Seconded by: B That X. Carried.", "It was proposed by A, seconded by B, that
  X. Agreed unanimously."): the moved clause, when a seconder or an outcome closes it (a
  clause ending "with the following amendment." takes the numbered list printed below its
  vote); a segment not classified as minutes that records such motions is read for them too;
- in a minute with none of the first three, sentences that record a decision ("It was
  agreed that ...", "The Panel agreed ...", "Recommendations 1.1 and 1.2 were agreed",
  "Councillors resolved to pay", "were confirmed as a true record", "have no objections", "A
  consensus was reached"); consecutive decision sentences of one paragraph are one decision.
  Beside a recorded motion, such sentences outside the motion count too when they say who
  decided. A mover and seconder printed after a sentence ("– A (motion), B (second)",
  "Proposed: A 2nd: B") mark it as voted on; they are cut from its text and kept as
  moved_by / seconded_by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.minutes_layout import (
    BULLET_RE,
    HEADING_RE,
    Minute,
    MinuteLine,
    MinutesDocument,
    header_sections,
    minutes_segments,
    parse_minutes,
)
from extractors.common.motion_people import (
    ATTRIBUTION_RE,
    MOTION_NUMBER,
    NUMBERED_PAIR_RE,
    motion_people,
    vote_block_people,
)
from extractors.common.spacing import NEXT_LINE, PageType
from extractors.common.text import SENTENCE_BREAK_RE, clean, provenance, sentences
from extractors.meetings.minutes import meeting_key
from pipeline.models import Page, ResolutionRecord

RESOLVED_RE = re.compile(r"^(?:\d{1,2}\.\s+)?(?:RESOLVED|Resolved)\b\s*(?:[:–—-]\s*)?", re.M)
SUB_ITEM_RE = re.compile(
    r"^(?:\(?(?P<a>[a-zA-Z]|\d{1,2}|[ivx]{1,4})[.)]|(?P<b>\d{1,2})(?=\s+[A-Z]))\s+(?=\S)"
)
LEAD_IN_RE = re.compile(r"[:–—-]\s*$")
# what closes the minutes, ending the RESOLVED block above it: "There being no further
# business, the meeting closed at 9.20 pm", "Signed ........ (Chairman)" (not a resolution's
# line ending in "... should be" / "signed.")
END_OF_MINUTES_RE = re.compile(
    r"^(the meeting (commenced|concluded|closed|ended|terminated)|meeting (closed|ended)|"
    r"there being no (further|other) business\b|(?-i:Signed|SIGNED)\b|chair(man|person)?\s*$|"
    r"date\s*:?\s*$|.*\((chair|chairman|chairperson)\)\s*$)",
    re.I,
)
DECISION_RE = re.compile(
    r"\b(?:it was|was|were)\s+(?:unanimously\s+|duly\s+|formally\s+)?"
    r"(?:agreed|resolved|approved|accepted|adopted|ratified|endorsed)\b"
    r"|\b(?:all|councillors|the (?:panel|board|committee|council|councillors|cabinet|commission|"
    r"members|group|meeting|forum|partnership|sub-committee|trustees|governors))\s+"
    r"(?:unanimously\s+)?(?:agreed|resolved|approved|decided|endorsed)\b"
    r"|\b(?:motion|amendment)\b[^.]*\b(?:was|were)\s+(?:carried|lost|defeated)\b"
    r"|\bresolved (?:to|not to|that)\b|^\W*(?:also\s+)?(?:approved|agreed)\b|\bapproved\s+[–—-]\s"
    # the previous minutes accepted however the sentence runs: "were checked for accuracy,
    # agreed as a true record", "having been circulated, were confirmed as a true copy"
    r"|\b(?:agreed|approved|confirmed|accepted)\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
    # a consultation response: "TCC ... have no objections", "Holly Cottage - no objections"
    r"|\bno\s+objections?\b"
    # agreement recorded without a vote: "A consensus was reached that Option 1 should be
    # recommended", "General agreement that this was a good start"
    r"|\bconsensus\s+was\s+reached\b|\bgeneral\s+agreement\s+(?:that|to)\b",
    re.I,
)
# a thing said to have been approved ("a tree ordinance that was approved by ...", "if it
# were approved"): beside a recorded motion this tells of the motion's subject, not of a
# decision of the meeting's own
PASSIVE_APPROVAL_RE = re.compile(
    r"(?:was|were)\s+(?:unanimously\s+|duly\s+|formally\s+)?"
    r"(?:approved|accepted|adopted|ratified|endorsed)",
    re.I,
)
VOTE_LINE_RE = re.compile(
    r"^(?P<label>RESULT|MOTION BY|MOVER|SECOND(?:ER|ED BY)?|AYES|NAYS|NOES|ABSTAIN(?:ED|S)?|"
    r"ABSENT|RECUSED|VOTE)\s*:\s*(?P<value>.*)$",
    re.I,
)
MOTION_RE = re.compile(r"\b(motion|moved|seconded)\b", re.I)
CARRIED_RE = re.compile(r"\b(approved|adopted|carried|passed|accepted|unanimous)\b", re.I)
FAILED_RE = re.compile(r"\b(failed|denied|lost|defeated|rejected)\b", re.I)
RUNS_ON_END_RE = re.compile(
    r"(?:,|\b(?:of|the|and|or|to|a|an|for|with|by|in|on|at|from))\s*$", re.I
)
MIN_TEXT_LINE_WORDS = 4  # a line of fewer words does not mark the text's right edge


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
    """The right edge of the text: the furthest a line of several words reaches (a page
    number, a stamp or a signature at the margin is not text that fills lines)."""
    uncut = [ml for ml in lines if ml.cut_at is None] or lines
    filled = [ml.x1 for ml in uncut if len(ml.text.split()) >= MIN_TEXT_LINE_WORDS]
    return max(filled or [ml.x1 for ml in uncut])


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


def _resolved_blocks(minute: Minute) -> list[list[MinuteLine]]:
    """Each RESOLVED block's lines, "RESOLVED" itself cut from the first."""
    blocks: list[list[MinuteLine]] = []
    current: list[MinuteLine] | None = None
    for ml in minute.body:
        match = RESOLVED_RE.match(ml.text)
        if match:
            current = []
            blocks.append(current)
            rest = ml.text[match.end() :].strip()
            if rest:
                current.append(MinuteLine(ml.page, ml.line, rest))
            continue
        if current is None:
            continue
        if END_OF_MINUTES_RE.match(ml.text):
            current = None
            continue
        current.append(ml)
    return [block for block in blocks if block]


def _split_sub_resolutions(block: list[MinuteLine]) -> list[list[MinuteLine]]:
    """One group of lines per numbered or lettered sub-resolution; the lead-in is dropped."""
    groups: list[list[MinuteLine]] = [[]]
    for ml in block:
        if SUB_ITEM_RE.match(ml.text):
            groups.append([ml])
        else:
            groups[-1].append(ml)
    lead_in, subs = groups[0], [g for g in groups[1:] if g]
    if len(subs) >= 2 or (subs and lead_in and LEAD_IN_RE.search(_join(lead_in))):
        return [
            [MinuteLine(g[0].page, g[0].line, SUB_ITEM_RE.sub("", g[0].text, count=1)), *g[1:]]
            for g in subs
        ]
    return [block]


def _resolved_decisions(minute: Minute) -> list[Decision]:
    decisions = []
    for block in _resolved_blocks(minute):
        for group in _split_sub_resolutions(block):
            text = _join(group).lstrip("–—-: ").strip()
            if text:
                decisions.append(Decision(group, text, minute, outcome="resolved"))
    return decisions


def _sentence_decisions(minute: Minute, records: tuple[str, ...] = ()) -> list[Decision]:
    """Decision sentences; consecutive ones in one paragraph make one decision. A sentence
    inside a recorded motion (its clause or its printed outcome, in `records`) is the
    motion's, not a decision of its own."""
    inside = [_flat(record) for record in records]
    decisions: list[Decision] = []
    previous: Decision | None = None  # the decision that ended the previous paragraph
    for paragraph in _paragraphs(minute.body):
        text = _join(paragraph)
        attribution = ATTRIBUTION_RE.match(text)
        if previous and attribution and attribution.start() == 0:
            # "Proposed: CR 2nd : RD" on its own line names who moved the decision above it
            previous.moved_by, previous.seconded_by = motion_people(text)
            previous = None
            continue
        previous = None
        picked: list[str] = []
        runs: list[list[str]] = []
        for sentence in sentences(text):
            if any(_flat(sentence) in record for record in inside):
                if picked:
                    runs.append(picked)
                    picked = []
                continue
            if _states_decision(sentence, beside_motion=bool(records)) or ATTRIBUTION_RE.search(
                sentence
            ):
                picked.append(sentence)  # a mover and seconder printed: it was voted on
            elif picked:
                runs.append(picked)
                picked = []
        ends_decided = bool(picked)
        if picked:
            runs.append(picked)
        for run in runs:
            decision_text = _without_attribution(" ".join(run).strip())
            lines = _lines_holding(paragraph, run[0])
            decisions.append(Decision(lines, decision_text, minute, outcome="agreed"))
        if runs and ends_decided:
            previous = decisions[-1]
    return decisions


def _states_decision(sentence: str, beside_motion: bool) -> bool:
    """A sentence recording a decision; beside a recorded motion, one that says who decided
    ("It was agreed", "The Council resolved"), not only that something was approved."""
    found = DECISION_RE.finditer(sentence)
    if not beside_motion:
        return next(found, None) is not None
    return any(not PASSIVE_APPROVAL_RE.fullmatch(match.group(0)) for match in found)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _without_attribution(text: str) -> str:
    """The decision without the mover and seconder printed after it ("Minutes approved –
    Z. Maiorca (motion), T. Feinberg (second)"); an attribution alone is kept as printed."""
    attribution = ATTRIBUTION_RE.search(text)
    if attribution is None or not text[: attribution.start()].strip():
        return text
    return text[: attribution.start()].rstrip(" –—-")


def _lines_holding(paragraph: list[MinuteLine], sentence: str) -> list[MinuteLine]:
    """The paragraph's lines from the one where the sentence starts."""
    probe = sentence[:25]
    text = ""
    for index, ml in enumerate(paragraph):
        text = clean(f"{text} {ml.text}")
        if probe in text:
            return paragraph[index:]
    return paragraph


def _count(names: str) -> int:
    names = names.strip()
    if not names or names.lower() in {"none", "-", "n/a", "0"}:
        return 0
    return len([n for n in re.split(r",|\band\b", names) if n.strip()])


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


# --- motions recorded in prose ----------------------------------------------------------
# A motion is recorded as what was moved, then who seconded it and how it was decided:
# "Motion to approve X was made by A, seconded by B. All were in favor.", "Councilor A moved
# to approve X. Councilor B seconded. The motion passed 5-0.", "Moved by A, seconded by B that
# X. Carried", "Moved by: A Seconded by: B / That X. Carried." The decision is the moved
# clause: from its "to" / "that" up to the mover, the seconder or the printed outcome.

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


# --- board resolutions closed by a vote line ---------------------------------------------
# A board's resolution: "Whereas" clauses, then "Therefore be it resolved that X; and", maybe
# "Be it further resolved ..." clauses and stipulations, and the board's vote on its own line
# ("Vote: Unanimous, with 39 Board members in favor.", "Vote: Passed, 27 Board Members in
# favor, 12 against (...), 1 Abstain (...)"). One row per vote: the first resolved clause,
# with the list under it when the clause only leads in to it ("recommends:"); with no
# resolved clause, the paragraph the vote was taken on.

VOTE_TALLY_RE = re.compile(
    r"^\W*vote\s*:\s*(?P<result>.*\b(?:unanimous|passed|carried|adopted|failed|defeated|"
    r"in\s+favou?r)\b.*)$",
    re.I,
)
BE_IT_RESOLVED_RE = re.compile(
    r"\b(?:now,?\s+)?(?:therefore,?\s+)?be\s+it\s+resolved\b\s*,?\s*(?:that\b)?\s*", re.I
)
FURTHER_RESOLVED_RE = re.compile(r"\bbe\s+it\s+further\s+resolved\b", re.I)
CLAUSE_END_RE = re.compile(r"(?:[.;:]|\band|\bnow)\W*$", re.I)
LEAD_IN_WORDS = 8  # a resolved clause this short, ending in ":", only leads in to its list


def _voted_resolution(
    span: list[MinuteLine], vote: list[MinuteLine], minute: Minute
) -> Decision | None:
    """The decision a vote line closes: its span's first resolved clause, else the
    paragraph just above the vote."""
    start = next((i for i, ml in enumerate(span) if BE_IT_RESOLVED_RE.search(ml.text)), None)
    if start is None:
        paragraphs = _paragraphs(span)
        if not paragraphs:
            return None
        lines = paragraphs[-1]
        text = _join(lines)
    else:
        first = span[start]
        match = BE_IT_RESOLVED_RE.search(first.text)
        rest = first.text[match.end() :].strip()
        clause = [MinuteLine(first.page, first.line, rest, first.cut_at)] if rest else []
        paragraphs = _paragraphs(clause + span[start + 1 :])
        if not rest:
            paragraphs = [[]] + paragraphs
        lines = list(paragraphs[0]) if paragraphs else []
        lead = _join(lines)
        leads_in = not lead or (lead.endswith(":") and len(lead.split()) <= LEAD_IN_WORDS)
        for paragraph in paragraphs[1:]:
            if FURTHER_RESOLVED_RE.search(_join(paragraph)):
                break
            if not leads_in and CLAUSE_END_RE.search(_join(lines)):
                break  # the clause ended: what follows is not part of it
            lines += paragraph
        text = TRAILING_AND_RE.sub("", _join(lines)).strip()
        lines = [first, *lines[1:]] if rest else [first, *lines]
    if not text:
        return None
    outcome, votes = _motion_votes(_join(vote))
    return Decision(lines, text, minute, outcome=outcome, votes=votes)


def _voted_resolutions(document: MinutesDocument) -> dict[int, list[Decision]]:
    """Resolutions closed by a vote line, by the index of the minute they start in."""
    lines = document.lines
    found: list[Decision] = []
    after = 0
    header = Minute(number=None, title="", heading=[], body=document.header)
    for index, ml in enumerate(lines):
        if not VOTE_TALLY_RE.match(ml.text):
            continue
        vote = _paragraphs(lines[index : index + 4])[0]
        decision = _voted_resolution(lines[after:index], vote, header)
        if decision is not None:
            found.append(decision)
        after = index + len(vote)
    return _by_minute(document, found)


def _header_sentence_decisions(document: MinutesDocument, voted: list[Decision]) -> list[Decision]:
    """Decision sentences in the header's sections that hold no voted resolution: a header
    read for its board resolutions may also print, under their own headings, decisions
    taken without a vote ("ADOPTION OF AGENDA / The agenda was adopted by acclamation.")."""
    taken = {id(ml.line) for decision in voted for ml in decision.lines}
    found = []
    for section in header_sections(document):
        lines = [*section.heading, *section.body]
        if any(id(ml.line) in taken or VOTE_TALLY_RE.match(ml.text) for ml in lines):
            continue
        found += _sentence_decisions(section)
    return found


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


def _mentions_motions(pages: list[Page]) -> bool:
    return any(MOTION_WORD_RE.search(line.text) for page in pages for line in page.lines)


def _segment_motions(document: MinutesDocument) -> dict[int, list[Decision]]:
    """Recorded motions of the whole segment (a motion's label may have been taken for a
    minute heading), by the index of the minute they start in (-1: the header)."""
    header = Minute(number=None, title="", heading=[], body=document.header)
    found = _recorded_motions(document.lines, header)  # a decision before any heading: header
    return _by_minute(document, found)


def minute_decisions(
    minute: Minute, motions: list[Decision] | None = None, voted: list[Decision] | None = None
) -> list[Decision]:
    found = voted or _resolved_decisions(minute) or _motion_decisions(minute)
    if found:
        return found
    if not motions:
        return _sentence_decisions(minute)
    # a minute recording a motion may record other decisions in sentences beside it
    sentences = _sentence_decisions(minute, tuple(d.record for d in motions))
    return sorted([*motions, *sentences], key=_position)


def _position(decision: Decision) -> tuple[int, float]:
    first = decision.lines[0]
    return first.page.number, first.line.top


def _same_meeting_item(ctx: ExtractionContext, document: MinutesDocument, minute: Minute):
    """The pack's agenda item for this minute, when the minutes are of the pack's meeting."""
    key = meeting_key(document)
    minutes_meeting = next((m for m in ctx.found.meetings if m.key == key), None)
    agenda = next((m for m in ctx.found.meetings if m.kind == "agenda"), None)
    if not minutes_meeting or not agenda or not agenda.date_text:
        return None
    if minutes_meeting.date_text != agenda.date_text:
        return None
    return minute.agenda_item or minute.number


@register
class ResolutionsExtractor(Extractor):
    name = "resolutions.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        minutes = minutes_segments(ctx)
        for segment in ctx.segments():
            if segment not in minutes and not _mentions_motions(ctx.pages_of(segment)):
                continue  # reports and appendices: no record of a motion to read
            document = parse_minutes(ctx, segment)
            key = meeting_key(document)
            motions = _segment_motions(document)
            voted = _voted_resolutions(document)
            if segment not in minutes:  # a record of motions put to a vote is minutes too
                decided = [(None, d) for found in motions.values() for d in found]
                decided.sort(
                    key=lambda pair: (pair[1].lines[0].page.number, pair[1].lines[0].line.top)
                )
            else:
                in_header = voted.get(-1) or motions.get(-1, [])
                if voted.get(-1):
                    in_header = sorted(
                        [*in_header, *_header_sentence_decisions(document, voted[-1])],
                        key=_position,
                    )
                decided = [(None, d) for d in in_header]
                for index, minute in enumerate(document.minutes):
                    item = _same_meeting_item(ctx, document, minute)
                    found = minute_decisions(minute, motions.get(index), voted.get(index))
                    decided += [(item, d) for d in found]
            for item, decision in decided:
                minute = decision.minute
                first = decision.lines[0]
                mover, seconder = decision.moved_by, decision.seconded_by
                if mover is None and seconder is None:
                    mover, seconder = motion_people(" ".join(ml.text for ml in decision.lines))
                on_page = [ml.line for ml in decision.lines if ml.page is first.page]
                ctx.found.resolutions.append(
                    ResolutionRecord(
                        meeting_key=key,
                        item_number=item,
                        minute_number=decision.number or minute.number,
                        item_title=decision.title or minute.title or None,
                        text=decision.text,
                        outcome=decision.outcome,
                        votes_for=decision.votes.get("for"),
                        votes_against=decision.votes.get("against"),
                        votes_abstain=decision.votes.get("abstain"),
                        moved_by=mover,
                        seconded_by=seconder,
                        provenance=provenance(
                            first.page, on_page, "\n".join(ml.text for ml in decision.lines)
                        ),
                        extractor=self.name,
                    )
                )
