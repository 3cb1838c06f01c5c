"""The members of the body an agenda is for, as its front sheet lists them by seat.

North American agendas print the members on the cover or under the roll call, each with the
seat they hold, in a few shapes:
- seat then name, one per line: "Mayor Tiffany Ackley", "Commissioner Mia Lehrer",
  "Councilmember Alegria" (a roll call may give surnames only);
- name then seat: "Norm Zezula, Mayor Pro Tempore", "Rich Constantine - Mayor", also as one
  of two columns of a line ("Christopher R. Clark, Councilmember   Ken S. Rosenberg, Vice
  Mayor");
each possibly behind a list marker (a bullet, or "A." in a lettered list). A seat of the
administration ("City Clerk", "City Manager") is not a seat on the body, so officers are never
taken for members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.minutes_layout import MinuteLine
from extractors.common.persons import Person, is_name

SEAT = (
    r"(?:mayor\s+pro\s+tem(?:pore)?|vice\s+mayor|deputy\s+mayor|mayor|council\s?members?"
    r"|council\s?(?:wo)?man|councill?ors?|commissioners?|vice[- ]president|president"
    r"|vice[- ]chair(?:man|woman|person)?|chair(?:man|woman|person)?|trustees?"
    r"|board\s+members?|members?|clerk|supervisor|alderm[ae]n|alderperson)"
)
SEAT_FIRST_RE = re.compile(rf"^(?P<seat>{SEAT})\s+(?P<name>[A-Z].*)$", re.I)
NAME_FIRST_RE = re.compile(rf"^(?P<name>[A-Z].*?)\s*(?:,|\s[-–—])\s*(?P<seat>{SEAT})$", re.I)
SEAT_ONLY_RE = re.compile(rf"^{SEAT}$", re.I)
BULLET_RE = re.compile(r"^(?:[•▪◦○●o*-]|\d{1,2}[.)])\s+")
LETTER_MARKER_RE = re.compile(r"^(?P<letter>[A-Z])\.\s+")


@dataclass
class SeatHolder:
    person: Person
    line: MinuteLine


def seat_holders(lines: list[MinuteLine]) -> list[SeatHolder]:
    """Everyone a front sheet lists with a seat on the body, once each (by name as printed)."""
    found: dict[str, SeatHolder] = {}
    for index, ml in enumerate(lines):
        texts = [_unmarked(lines, index, span.text) for span in ml.line.spans]
        if len(texts) <= 1:
            texts = [_unmarked(lines, index, ml.text)]
        for text in texts:
            person = _seated_person(text)
            if person and person.name.lower() not in found:
                found[person.name.lower()] = SeatHolder(person, ml)
        for holder in _seated_below(lines, index):
            found.setdefault(holder.person.name.lower(), holder)
    surnames = {name.split()[-1] for name in found if len(name.split()) > 1}
    # "Mayor Constantine" printed again, by surname, beside "Rich Constantine - Mayor"
    return [h for name, h in found.items() if len(name.split()) > 1 or name not in surnames]


def _seated_below(lines: list[MinuteLine], index: int) -> list[SeatHolder]:
    """The seat printed alone on its line with its holders' names on the lines below it
    ("Mayor Pro Tem" / "Justin Massey"; "Councilmembers" / "Dean Francois" / "Rob Saemann")."""
    if len(lines[index].line.spans) != 1 or not SEAT_ONLY_RE.match(lines[index].text.strip()):
        return []
    seat = _seat(_singular(lines[index].text.strip()))
    holders = []
    for ml in lines[index + 1 :]:
        text = ml.text.strip()
        if len(ml.line.spans) != 1 or len(text.split()) < 2 or not _is_name(text):
            break
        holders.append(SeatHolder(Person(name=text, role=seat), ml))
    return holders


def _singular(seat: str) -> str:
    return re.sub(r"(?<=[^s])s$", "", seat)


def _seated_person(text: str) -> Person | None:
    if SEAT_ONLY_RE.match(text):
        return None  # "Mayor Pro Tem" is a seat, not "Pro Tem" with the seat "Mayor"
    for pattern in (NAME_FIRST_RE, SEAT_FIRST_RE):
        match = pattern.match(text)
        if match and _is_name(match.group("name"), single_ok=pattern is SEAT_FIRST_RE):
            return Person(name=match.group("name").strip(" ,"), role=_seat(match.group("seat")))
    return None


def _is_name(text: str, single_ok: bool = False) -> bool:
    tokens = text.replace(",", " ").split()
    if tokens and tokens[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii"):
        tokens = tokens[:-1]  # "R. Michael Kasperzak, Jr."
    return is_name(tokens, single_ok=single_ok)


def _unmarked(lines: list[MinuteLine], index: int, text: str) -> str:
    """The text without its list marker: a bullet, or a letter ("A. Norm Zezula") when the
    line beside it carries the next or previous letter (so "J. Manuel Herrera" keeps his
    initial)."""
    text = BULLET_RE.sub("", text.strip())
    marker = LETTER_MARKER_RE.match(text)
    if marker:
        letter = ord(marker.group("letter"))
        beside = [lines[i].text.strip() for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if any(t[:2] in (f"{chr(letter - 1)}.", f"{chr(letter + 1)}.") for t in beside):
            return text[marker.end() :]
    return text


def _seat(text: str) -> str:
    return " ".join(word.capitalize() for word in text.split())
