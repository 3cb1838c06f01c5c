"""Monetary amounts in text: '£325k' -> 325000, '£1.2m', '£47 million', '45p', '$1,301', ranges.

Pure functions over strings, no layout: `extractors/money.py` decides which text to read and
whether a bare number in a table column is money. An amount printed with its currency (a
symbol, a code, or a word such as "dollars") is found by `find_amounts`; a bare table cell
("75,000", "(20)", "-0.020", "+4.727m") is read by `parse_cell_number`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Amounts at or above this are not money in a council document but a misread number (and would
# not fit the DECIMAL(18,2) column).
MAX_AMOUNT = Decimal(10) ** 15

SCALES: dict[str, Decimal] = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "000": Decimal(1000),
    "000s": Decimal(1000),
    "'000": Decimal(1000),
    "'000s": Decimal(1000),
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

SYMBOLS: dict[str, str] = {
    "£": "GBP",
    "€": "EUR",
    "us$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cdn$": "CAD",
    "gbp": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "cad": "CAD",
}
# "pounds" alone is as often a weight ("175,000 pounds of polymer") as money.
WORD_CURRENCIES: dict[str, str] = {"pound sterling": "GBP", "pounds sterling": "GBP", "euro": "EUR"}

NUMBER = (
    r"\d{1,3}, \d{3}\.\d\d(?!\d)"  # "77, 096.00": a stray space after the comma
    r"|\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"  # 1,301 / 234,954.15
    r"|\d{1,3},\d{1,2}(?=\s?(?i:k|m|bn)\b)"  # 27,5k: a decimal comma before a scale
    r"|\d+(?:\.\d+)?"  # 1033.00 / 325
    r"|\.\d+"  # .5m
)
# A scale word may follow after a space; a one-letter suffix must touch the number.
SCALE = r"(?:\s?(?i:million|billion|trillion|thousand|mn|bn)\b|(?i:k|m|b)\b)"
SYMBOL = r"(?:\b(?:US|CA|CDN|C)\$|\$|£|€|\b(?:GBP|USD|EUR|CAD)\s?)"

EXPLICIT_RE = re.compile(
    rf"(?P<sign>(?<![\w.,)\]-])[-−+])?(?P<cur>{SYMBOL})\s?(?P<sign2>[-−])?"
    rf"(?P<num>{NUMBER})(?P<scale>{SCALE})?"
)
WORDS_RE = re.compile(
    rf"(?<![\w£$€.,/])(?P<num>{NUMBER})(?P<scale>{SCALE})?\s"
    r"(?P<word>(?i:pounds? sterling|dollars?|euros?))\b"
)
PENCE_RE = re.compile(
    r"(?<![\w£$€.,])(?P<num>\d+(?:\.\d+)?)(?:p\b(?!\.?\s?m\b)(?!\.\d)|\s?pence\b)"
)
RANGE_TAIL_RE = re.compile(
    rf"\s?(?:[-–—]|\bto\b)\s?(?P<cur>{SYMBOL})?\s?(?P<num>{NUMBER})(?P<scale>{SCALE})?"
)
BARE_K_RE = re.compile(r"(?<![\w£$€.,/-])(?P<num>\d+(?:\.\d+)?)(?P<scale>[kK])\b")
CELL_RE = re.compile(
    rf"^(?P<open>\()?\s?(?P<sign>[-−–+])?\s?(?P<num>{NUMBER})(?P<scale>(?i:k|m|bn))?\s?(?P<close>\))?$"
)
HEADER_ZEROS_RE = re.compile(r"^'?000s?$")


@dataclass(frozen=True)
class Amount:
    """One amount found in a string; `start`/`end` are its character offsets there."""

    raw: str
    value: Decimal
    currency: str
    start: int
    end: int
    scaled: bool = False  # a scale suffix or word was printed (k, m, bn, million)
    range_end: str | None = None  # "low" / "high" for the two ends of "£5-10m"
    ambiguous_thousands: bool = False  # "£27.500": read as 27,500 unless its neighbours say £m


def to_decimal(number: str) -> Decimal | None:
    """'1,301' -> 1301, '27,5' (decimal comma) -> 27.5, '.5' -> 0.5; None when unreadable."""
    if re.fullmatch(r"\d{1,3},\d{1,2}", number):
        number = number.replace(",", ".")
    try:
        return Decimal(number.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def scale_of(suffix: str | None) -> Decimal:
    return SCALES.get((suffix or "").strip().lower(), Decimal(1))


def currency_of(symbol: str, dollar: str = "USD") -> str:
    """'£' -> GBP, '$' -> the document's dollar (USD, or CAD in a Canadian document)."""
    key = symbol.strip().lower()
    if key == "$":
        return dollar
    return SYMBOLS.get(key, dollar)


def _ambiguous_thousands(number: str, suffix: str | None) -> bool:
    """'27.500' without a scale: pence never run to three digits, so the dot is a separator."""
    return not suffix and bool(re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", number))


def _plausible(value: Decimal) -> bool:
    return abs(value) < MAX_AMOUNT


def _explicit(text: str, dollar: str) -> list[Amount]:
    found = []
    for match in EXPLICIT_RE.finditer(text):
        number, suffix = match.group("num"), match.group("scale")
        if HEADER_ZEROS_RE.match(number) and not suffix:
            continue  # a column header such as "£000s", not an amount
        value = to_decimal(number)
        if value is None:
            continue
        ambiguous = _ambiguous_thousands(number, suffix)
        if ambiguous:
            value = to_decimal(number.replace(".", ""))  # type: ignore[assignment]
        value *= scale_of(suffix)
        if match.group("sign") in ("-", "−") or match.group("sign2"):
            value = -value
        if not _plausible(value):
            continue
        found.append(
            Amount(
                raw=match.group(0),
                value=value,
                currency=currency_of(match.group("cur"), dollar),
                start=match.start(),
                end=match.end(),
                scaled=bool(suffix),
                ambiguous_thousands=ambiguous,
            )
        )
    return found


def _in_words(text: str, dollar: str) -> list[Amount]:
    """'50 pounds', '2 million dollars', '45p', '20 pence'."""
    found = []
    for match in WORDS_RE.finditer(text):
        value = to_decimal(match.group("num"))
        if value is None:
            continue
        word = match.group("word").lower()
        currency = dollar if word.startswith("dollar") else WORD_CURRENCIES[word.rstrip("s")]
        value *= scale_of(match.group("scale"))
        if _plausible(value):
            found.append(
                Amount(
                    match.group(0),
                    value,
                    currency,
                    match.start(),
                    match.end(),
                    scaled=bool(match.group("scale")),
                )
            )
    for match in PENCE_RE.finditer(text):
        value = to_decimal(match.group("num"))
        if value is not None and _plausible(value):
            found.append(Amount(match.group(0), value / 100, "GBP", match.start(), match.end()))
    return found


def _range(text: str, low: Amount, high: Amount, low_value: Decimal) -> list[Amount]:
    raw = text[low.start : high.end]
    return [
        Amount(raw, low_value, low.currency, low.start, high.end, True, "low"),
        Amount(raw, high.value, low.currency, low.start, high.end, True, "high"),
    ]


def _with_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """'£5-10m' -> 5m and 10m; '£5-£10m' -> the low end takes the high end's scale.

    A range without a scale ('£5-10') is only taken when nothing but punctuation follows it,
    so '£5-10 July' or a list of figures is not read as one.
    """
    out: list[Amount] = []
    index = 0
    while index < len(amounts):
        first = amounts[index]
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        tail = RANGE_TAIL_RE.match(text, first.end)
        if re.search(r"(?i)\bfrom\s*$", text[: first.start]):
            tail = None  # "from $5,590 to $7,090" is a change, not a range
        high = _range_high(text, first, tail, following) if tail else None
        if high is None or tail is None:
            out.append(first)
            index += 1
            continue
        low_value = first.value if first.scaled else first.value * scale_of(tail.group("scale"))
        if abs(high.value) <= abs(low_value) or not _plausible(low_value):
            out.append(first)
            index += 1
            continue
        out.extend(_range(text, first, high, low_value))
        index += 2 if high is following else 1
    return out


def _range_high(
    text: str, first: Amount, tail: re.Match[str], following: Amount | None
) -> Amount | None:
    """The high end of a range that starts at `first`, when the text after it is one."""
    if tail.group("cur"):
        return following if following and following.start == tail.start("cur") else None
    if not tail.group("scale") and re.match(r"\s?(?:[\w/]|[.,]\d)", text[tail.end() :]):
        return None
    value = to_decimal(tail.group("num"))
    if value is None:
        return None
    value *= scale_of(tail.group("scale"))
    return Amount(tail.group(0), value, first.currency, tail.start(), tail.end(), True)


def find_amounts(text: str, dollar: str = "USD") -> list[Amount]:
    """Every amount printed with its currency, in text order; never raises.

    `dollar` is the currency a bare '$' stands for (USD, or CAD in a Canadian document).
    """
    explicit = _explicit(text, dollar)
    taken = [(a.start, a.end) for a in explicit]
    others = [
        a
        for a in _in_words(text, dollar)
        if not any(a.start < end and start < a.end for start, end in taken)
    ]
    amounts = sorted(explicit + others, key=lambda a: a.start)
    return _with_ranges(text, amounts)


def parse_cell_number(text: str) -> tuple[Decimal, bool] | None:
    """A bare table cell: '75,000', '(20)' and '-0.020' (negative), '+4.727m'.

    Returns (value with any printed scale applied, whether a scale was printed), or None when
    the cell is not a plain number (a percentage, a date, a word).
    """
    match = CELL_RE.match(text.strip())
    if not match or bool(match.group("open")) != bool(match.group("close")):
        return None
    value = to_decimal(match.group("num"))
    if value is None:
        return None
    value *= scale_of(match.group("scale"))
    if match.group("open") or match.group("sign") in ("-", "−", "–"):
        value = -value
    return (value, bool(match.group("scale"))) if _plausible(value) else None


def find_bare_thousands(text: str) -> list[Amount]:
    """'300k' without a currency (money only where the caller knows the context is money)."""
    found = []
    for match in BARE_K_RE.finditer(text):
        value = to_decimal(match.group("num"))
        if value is not None and _plausible(value * 1000):
            found.append(
                Amount(match.group(0), value * 1000, "", match.start(), match.end(), scaled=True)
            )
    return found
