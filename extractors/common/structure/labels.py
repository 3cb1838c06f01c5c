"""Numbering labels: what a line's opening says.

Agendas across councils number their business in many ways ("1.", "1)", "(a)", "A.", "VII.",
"5.1", "1.01", "ITEM 3:", minute numbers such as "2659."). A label is read here from the start
of a line (or a cell of its own) with every reading it allows ("C." is a letter or 100);
whether it is an entry is for the outline to decide (`outline.py`). A time opening a line is a
session banner, not a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.dates import TIME_RE
from pipeline.models import Line

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
LABEL_RE = re.compile(
    r"^(?:"
    r"(?P<item>(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?))(?P<item_num>\d{1,3}[a-z]?)\s*[:.)\-–]?\s+"
    r"|\((?P<paren>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s*"
    r"|(?P<decimal>\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|(?=[A-Z]))"
    r"|(?P<dec_letter>\d{1,3}\.[A-Z])\s+"
    r"|(?P<num>\d{1,4}[a-z]?)(?:(?P<num_punct>[.)])\s*(?=\S)|(?P<colon>:)\s+)"
    r"|(?P<bare>\d{1,3})\s+(?=[A-Z(\"'‘“])"
    r"|(?P<letter>[A-Za-z])(?P<letter_punct>[.)])\s*(?=\S)"
    r"|(?P<roman>[IVXLC]{1,7}|[ivxlc]{1,7})(?P<roman_punct>[.)])\s+(?=\S)"
    r")"
)
CELL_LABEL_RE = re.compile(r"[A-Z]|\d{1,3}")  # a label set in a cell of its own


@dataclass(frozen=True)
class Label:
    """A numbering label at the start of a line, one reading of it ("C." is a letter or 100)."""

    printed: str  # as printed: "5.", "(a)", "VII.", "1.01", "Item 3:"
    number: str  # without brackets and trailing punctuation: "5", "a", "VII", "1.01", "3"
    scheme: str  # arabic, decimal, upper, lower, roman_upper, roman_lower
    style: str  # punctuation around it: ".", ")", "()", ":", " ", "item", "decimal"
    ordinal: int  # position in its list: 5 -> 5, "c" -> 3, "IV" -> 4; 1.02 -> 2
    prefix: str = ""  # a decimal label's parent number ("4" of "4.1")
    suffix: str = ""  # a letter after an arabic number ("3a" -> "a")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.scheme, self.style, self.prefix if self.scheme == "decimal" else "")


def _roman_value(text: str) -> int | None:
    values = [ROMAN_VALUES.get(ch) for ch in text.lower()]
    if None in values:
        return None
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value  # type: ignore[operator]
    return total if total > 0 else None


def parse_labels(text: str) -> tuple[list[Label], str]:
    """Every reading of the label opening ``text`` (none when it has no label), and the rest."""
    match = LABEL_RE.match(text.strip())
    if not match:
        return [], text
    rest = text.strip()[match.end() :]
    printed = match.group(0).strip()
    groups = match.groupdict()
    if groups["item_num"]:
        number = groups["item_num"]
        return [_arabic(printed, number, "item")], rest
    if groups["decimal"]:
        parts = groups["decimal"].split(".")
        return [
            Label(
                printed=printed,
                number=groups["decimal"],
                scheme="decimal",
                style="decimal",
                ordinal=int(parts[-1]),
                prefix=".".join(parts[:-1]),
            )
        ], rest
    if groups["dec_letter"]:
        prefix, letter = groups["dec_letter"].split(".")
        ordinal = ord(letter.lower()) - ord("a") + 1
        label = Label(printed, groups["dec_letter"], "decimal", "decimal", ordinal, prefix)
        return [label], rest
    if groups["num"]:
        return [_arabic(printed, groups["num"], groups["num_punct"] or ":")], rest
    if groups["bare"]:
        return [_arabic(printed, groups["bare"], " ")], rest
    if groups["paren"]:
        return _letter_or_roman(printed, groups["paren"], "()"), rest
    if groups["letter"]:
        return _letter_or_roman(printed, groups["letter"], groups["letter_punct"]), rest
    if groups["roman"]:
        return _letter_or_roman(printed, groups["roman"], groups["roman_punct"]), rest
    return [], text


def cell_labels(line: Line) -> tuple[list[Label], str] | None:
    """A label alone in the first cell of a table row ("A | 16-0361 | Approve ..."): its
    readings, and the text of the other cells."""
    if len(line.spans) < 2:
        return None
    token = line.spans[0].text.strip()
    if not CELL_LABEL_RE.fullmatch(token):
        return None
    rest = " ".join(span.text.strip() for span in line.spans[1:])
    return _letter_or_roman(token, token, " "), rest  # set apart like a bare "3 Title"


def _arabic(printed: str, number: str, style: str) -> Label:
    digits = re.match(r"\d+", number).group(0)  # type: ignore[union-attr]
    return Label(
        printed=printed,
        number=number,
        scheme="arabic",
        style=style,
        ordinal=int(digits),
        suffix=number[len(digits) :].lower(),
    )


def _letter_or_roman(printed: str, token: str, style: str) -> list[Label]:
    if token.isdigit():
        return [_arabic(printed, token, style)]
    readings = []
    case = "upper" if token.isupper() else "lower"
    if len(token) == 1:
        readings.append(Label(printed, token, case, style, ord(token.lower()) - ord("a") + 1))
    roman = _roman_value(token)
    if roman is not None:
        readings.append(Label(printed, token, f"roman_{case}", style, roman))
    return readings


def is_banner(text: str) -> bool:
    """A session banner ("5:00 PM - CLOSED SESSION") is a time, not business."""
    return bool(TIME_RE.match(text.strip()))
