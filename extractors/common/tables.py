"""Bare numbers that are money because of where they stand in a table.

A cell such as "75,000" carries no currency; the table says it is money in one of three ways:
- a column header that names the currency and scale: "Amount (£)", "£000s", "£m", "$" -
  every number below it in that column is money, scaled;
- a column header that names money without a currency: "Amount", "Budget", "Cost" - numbers
  shaped like money below it ("75,000", "868.23", "4.5m") are money in the document's currency;
- a note over the table: "All figures in £m", "(£000s)" - every number cell of the table.
A table runs from its header down to the first prose line or wide vertical gap, and may go on
over a page break. Only the read layout is used (lines, spans and word positions), no page objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.common.amounts import currency_of, parse_cell_number, scale_of
from extractors.common.geometry import Word, body_width, line_words
from extractors.common.spacing import NEW_SECTION, PageType
from extractors.common.table_model import Column, Columns
from pipeline.models import Line, Page

CURRENCY_MARK = r"(?P<cur>£|€|\$|\b(?:GBP|USD|EUR|CAD)\b)"
UNIT = r"(?P<unit>'?000s?|k|m|bn|millions?|thousands?)"
CURRENCY_HEADER_RE = re.compile(
    rf"^[A-Za-z0-9/&.,' -]{{0,30}}?\(?\s*{CURRENCY_MARK}\s?{UNIT}?\s*\)?$", re.I
)
SCALE_NOTE_RE = re.compile(
    r"^\(?\s*(?:(?:all\s+)?(?:figures|amounts|values|numbers|sums)\s+(?:are\s+)?"
    r"(?:(?:shown|stated|expressed|given)\s+)?in\s+)?"
    rf"{CURRENCY_MARK}\s?{UNIT}?\s*\)?\.?$",
    re.I,
)
MONEY_WORDS = frozenset(
    [
        "amount",
        "amounts",
        "cost",
        "costs",
        "budget",
        "budgets",
        "price",
        "prices",
        "fee",
        "fees",
        "grant",
        "grants",
        "funding",
        "contribution",
        "contributions",
        "spend",
        "spending",
        "expenditure",
        "income",
        "saving",
        "savings",
        "payment",
        "payments",
        "allocation",
        "allocations",
        "award",
    ]
)
YEAR_RE = re.compile(r"^(19|20)\d\d$")
MONEY_SHAPED_RE = re.compile(r"\d,\d{3}(?!\d)|\.\d\d$|\d(?:k|m|bn)$", re.I)
SIGN_WORDS = frozenset(["+", "-", "−", "–"])


@dataclass
class MoneyColumn(Column):
    """A column (`table_model.Column`) whose numbers are money, in a currency and scale."""

    currency: str
    scale: Decimal
    marked: bool  # the header names the currency: any number below it is money


@dataclass
class Table:
    columns: Columns[MoneyColumn] = field(default_factory=Columns)
    whole: MoneyColumn | None = None  # a note such as "All figures in £m" covers every column
    rows: int = 0


@dataclass(frozen=True)
class Cell:
    """A bare number that a table makes money."""

    page: int
    line: int
    words: tuple[Word, ...]
    raw: str
    value: Decimal
    currency: str


def _unit_scale(unit: str | None) -> Decimal:
    return scale_of(unit.lower().replace("’", "'") if unit else None)


def _scale_note(line: Line, dollar: str) -> MoneyColumn | None:
    if len(line.spans) != 1:
        return None
    text = line.text.strip()
    match = SCALE_NOTE_RE.match(text)
    if not match or not (match.group("unit") or len(text) > 3):
        return None  # a lone "£" is a detached currency sign, not a note
    currency = currency_of(match.group("cur"), dollar)
    scale = _unit_scale(match.group("unit"))
    return MoneyColumn(line.x0, line.x1, text, currency, scale, True)


def _header_like(line: Line) -> bool:
    """A row of column titles: short cells, no numbers but years."""
    if any(len(span.text.split()) > 6 or len(span.text) > 45 for span in line.spans):
        return False
    return not any(
        parse_cell_number(word) is not None and not YEAR_RE.match(word)
        for word in line.text.split()
    )


def _header_columns(line: Line, dollar: str, main_currency: str | None) -> list[MoneyColumn]:
    if not _header_like(line):
        return []
    columns = []
    words = line_words(line)
    for index, span in enumerate(line.spans):
        match = CURRENCY_HEADER_RE.match(span.text.strip())
        if match and (len(line.spans) > 1 or match.group("unit") or "(" in span.text):
            currency = currency_of(match.group("cur"), dollar)
            scale = _unit_scale(match.group("unit"))
            columns.append(MoneyColumn(span.x0, span.x1, span.text.strip(), currency, scale, True))
            continue
        if main_currency is None or not (len(line.spans) > 1 or line.bold):
            continue
        span_words = [w for w in words if w.span == index]
        if len(span_words) <= 3 and any(
            w.text.lower().strip(":()") in MONEY_WORDS for w in span_words
        ):
            title = span.text.strip()
            columns.append(MoneyColumn(span.x0, span.x1, title, main_currency, Decimal(1), False))
    return columns


def is_prose(line: Line, page: Page) -> bool:
    return (
        len(line.spans) == 1
        and len(line.text.split()) >= 8
        and line.x1 - line.x0 >= 0.55 * body_width(page)
    )


def far_below(page: Page, line: Line, previous: Line | None) -> bool:
    """A gap of a new section (`NEW_SECTION` line pitches): the table is over."""
    return previous is not None and PageType.of(page).beyond(previous, line, NEW_SECTION)


def _numbers(line: Line) -> Iterator[tuple[tuple[Word, ...], Decimal, bool]]:
    """Number cells of a line: (words, value, scale printed); a lone sign joins its number."""
    words = line_words(line)
    index = 0
    while index < len(words):
        word = words[index]
        group: tuple[Word, ...] = (word,)
        text = word.text
        if text in SIGN_WORDS and index + 1 < len(words) and words[index + 1].span == word.span:
            group = (word, words[index + 1])
            text = text + words[index + 1].text
        index += len(group)
        if "%" in text or YEAR_RE.match(text):
            continue
        parsed = parse_cell_number(text)
        if parsed is not None:
            yield group, parsed[0], parsed[1]


def _span_is_numeric(line: Line, span_index: int) -> bool:
    return all(
        parse_cell_number(token) is not None or token in SIGN_WORDS or "%" in token
        for token in line.spans[span_index].text.split()
    )


def _cells_of(
    line: Line, table: Table, used: set[tuple[int, int]], page_number: int, index: int
) -> list[Cell]:
    cells = []
    for group, value, scaled in _numbers(line):
        if any((index, round(w.x0, 1)) in used for w in group):
            continue
        raw = " ".join(w.text for w in group) if len(group) > 1 else group[0].text
        first, last = group[0], group[-1]
        column = table.columns.holding(first.x0, last.x1)
        if column is None and table.whole is not None and _span_is_numeric(line, first.span):
            column = table.whole
        if column is None:
            continue
        if not column.marked and table.whole is not None:
            column = table.whole  # "Savings" under "All figures in £000s": the note's unit
        if not column.marked and not MONEY_SHAPED_RE.search(raw):
            continue
        amount = value if scaled else value * column.scale
        cells.append(Cell(page_number, index, group, raw, amount, column.currency))
    return cells


def table_cells(
    pages: list[Page],
    dollar: str,
    main_currency: str | None,
    used: dict[int, set[tuple[int, int]]],
) -> Iterator[Cell]:
    """Every bare number in a money table of the document, in reading order.

    `used` maps a page number to (line index, word x0) of words already read as explicit
    amounts, which are not read again.
    """
    table: Table | None = None
    for page in pages:
        page_used = used.get(page.number, set())
        carried = table  # a table still open at the foot of the previous page
        for index, line in enumerate(page.lines):
            if table is not None and index and far_below(page, line, page.lines[index - 1]):
                table = None
            note = _scale_note(line, dollar)
            columns = [] if note else _header_columns(line, dollar, main_currency)
            if note or columns:
                if table is None or table.rows:
                    # a header repeated over a table that goes on from the last page keeps
                    # that table's unit note
                    whole = carried.whole if carried is not None and table is carried else None
                    table = Table(whole=whole)
                table.columns.extend(columns)
                table.whole = note or table.whole
                continue
            if table is None:
                continue
            if not table.rows and _header_like(line):
                table.columns.widen_to(line)  # a header cell wrapped onto a second line
                continue
            cells = _cells_of(line, table, page_used, page.number, index)
            if cells:
                table.rows += 1
                yield from cells
            elif is_prose(line, page):
                table = None
