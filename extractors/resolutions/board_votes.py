"""Board resolutions closed by a vote line.

A board's resolution: "Whereas" clauses, then "Therefore be it resolved that X; and", maybe
"Be it further resolved ..." clauses and stipulations, and the board's vote on its own line
("Vote: Unanimous, with 39 Board members in favor.", "Vote: Passed, 27 Board Members in
favor, 12 against (...), 1 Abstain (...)"). One row per vote: the first resolved clause,
with the list under it when the clause only leads in to it ("recommends:"); with no
resolved clause, the paragraph the vote was taken on.
"""

from __future__ import annotations

import re

from extractors.common.minutes_layout import Minute, MinuteLine, MinutesDocument, header_sections
from extractors.resolutions.decision_sentences import _sentence_decisions
from extractors.resolutions.motions import TRAILING_AND_RE, _motion_votes
from extractors.resolutions.paragraphs import Decision, _by_minute, _join, _paragraphs

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
