"""RESOLVED blocks: the text after "RESOLVED", one decision per numbered or lettered
sub-resolution ("1.", "(a)", "A)"), or one when the block is not numbered; a lead-in such as
"that Cabinet agree to:" before the sub-resolutions is not itself a decision.
"""

from __future__ import annotations

import re

from extractors.common.minutes_layout import Minute, MinuteLine
from extractors.resolutions.paragraphs import SUB_ITEM_RE, Decision, _join

RESOLVED_RE = re.compile(r"^(?:\d{1,2}\.\s+)?(?:RESOLVED|Resolved)\b\s*(?:[:–—-]\s*)?", re.M)
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
