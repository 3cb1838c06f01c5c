"""Sentences that record a decision ("It was agreed that ...", "The Panel agreed ...",
"were confirmed as a true record", "A consensus was reached"), for minutes that print no
RESOLVED block, vote or motion; beside a recorded motion, only those that say who decided.
"""

from __future__ import annotations

import re

from extractors.common.minutes_layout import Minute, MinuteLine
from extractors.common.motion_people import ATTRIBUTION_RE, motion_people
from extractors.common.text import clean, sentences
from extractors.resolutions.paragraphs import Decision, _join, _paragraphs

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
