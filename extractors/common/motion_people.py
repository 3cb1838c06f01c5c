"""Who moved and who seconded a motion, as the minutes print them.

The forms seen across councils: "Moved by A, seconded by B", "Moved by: A Seconded by: B",
"Motion ... made by A, seconded by B", "... by A, Second by B", "A moved to ... B seconded.",
"Proposed by A, seconded by B", "Proposed: A 2nd: B", "A (motion), B (second)", vote
blocks ("MOTION BY: A", "SECOND: B"), and a motion's number with the two names alone on the line
above it ("R2025-034 J. Scott, S. Foote:"). A name is the run of capitalised words (titles and
initials included: "Trustee Piacentini", "J. Scott", "Mr. Freddy Perez, Jr.", "AS") next to
the keyword; it is kept as printed.
"""

from __future__ import annotations

import re

# a capitalised word, an initial or an abbreviated title ("Mr."), not a motion keyword; a
# name is one to five of them, with an optional suffix
_KEYWORD = r"(?:Moved|Motion|Seconded|Second|Proposed|That|Carr[il1!]ed)\b"  # "Carrled": OCR
_WORD = rf"(?!{_KEYWORD})(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Rev|Cllr)\.|[A-Z][A-Za-z'’-]*)"
NAME = rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,4}}(?:,\s*(?:Jr|Sr)\.?|\s+I{{2,3}})?)"

_UNNAMED = NAME.replace("(?P<name>", "(?:")
_SECONDER_NEXT = r"(?=[\s,]+(?:2nd|(?i:seconded))\b)"  # "CR 2nd KD", "AS, seconded by KA"

MOVER_RES = [
    re.compile(rf"(?i:\b(?:moved|made|motion|proposed)(?:\s+for\s+\w+)?\s+by)\s*:?\s*{NAME}"),
    re.compile(rf"{NAME}\s+moved\b"),
    re.compile(rf"\bby\s+{NAME},?\s+(?:and\s+)?(?i:second(?:ed)?)\b"),  # "... by A, second by B"
    re.compile(rf"{NAME}\s*\((?i:motion|moved)\)"),  # "Z. Maiorca (motion)"
    re.compile(rf"\bProposed\s*:?\s*{NAME}{_SECONDER_NEXT}"),  # "Proposed: CR 2nd : RD"
]
SECONDER_RES = [
    re.compile(rf"(?i:\bsecond(?:ed)?\s+by)\s*:?\s*{NAME}"),
    re.compile(rf"{NAME}\s+seconded\b"),
    re.compile(rf"{NAME}\s*\((?i:second(?:ed)?)\)"),  # "T. Feinberg (second)"
    re.compile(rf"\b2nd\s*:?\s*{NAME}"),  # "Proposed CR 2nd KD"
    re.compile(rf"\bseconded\s+{NAME}"),  # "by Trustee Elton, seconded Trustee Albrecht"
]
# who moved and seconded, printed after the decision they record, in a form that names
# nothing else: "– Z. Maiorca (motion), T. Feinberg (second)", "Proposed: CR 2nd : RD",
# "Proposed for approval by AS, seconded by KA"; it starts where this matches
ATTRIBUTION_RE = re.compile(
    rf"(?:\s*[–—-]\s*)?(?={_UNNAMED}\s*\((?i:motion|moved)\))"
    rf"|\bProposed\b(?:\s+for\s+\w+)?(?:\s+by)?\s*:?\s*(?={_UNNAMED}{_SECONDER_NEXT})"
)
# a motion's number, then its mover and seconder and a colon, on a line of their own, the
# motion on the lines under it: "R2025-034 J. Scott, S. Foote:" (a number holding a
# year-like figure and a sequence, an optional letter prefix)
MOTION_NUMBER = r"[A-Z]{0,3}\d{2,4}-\d{1,4}"
NUMBERED_PAIR_RE = re.compile(
    rf"(?P<number>{MOTION_NUMBER})\s+"
    + NAME.replace("?P<name>", "?P<mover>")
    + r"\s*,\s*"
    + NAME.replace("?P<name>", "?P<seconder>")
    + r"\s*:\s*"
)
# capitalised words that start a sentence or a label, not a name
NOT_NAMES = frozenset(
    ["Motion", "Moved", "Seconded", "Second", "It", "The", "A", "That", "Proposed", "Resolution"]
)


def motion_people(text: str) -> tuple[str | None, str | None]:
    """(moved by, seconded by) printed in a motion's text, each None when not printed."""
    return _first_name(MOVER_RES, text), _first_name(SECONDER_RES, text)


def _first_name(patterns: list[re.Pattern[str]], text: str) -> str | None:
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            name = _trimmed(match.group("name"))
            if name:
                found.append((match.start(), name))
                break
    return min(found)[1] if found else None


def _trimmed(name: str) -> str | None:
    """The name without leading sentence words ("Motion: Councilor Tuttle" -> "Councilor
    Tuttle" is done by the caller's pattern; here "The Councilor Tuttle" drops "The")."""
    words = name.split()
    while words and words[0].rstrip(".:") in NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def vote_block_people(block: dict[str, str]) -> tuple[str | None, str | None]:
    """(moved by, seconded by) from a vote block's labels ("MOTION BY", "MOVER", "SECOND")."""
    mover = block.get("MOTIO") or block.get("MOVER")
    seconder = block.get("SECON")
    return (mover.strip() or None) if mover else None, (
        seconder.strip() or None
    ) if seconder else None
