"""Money figures: every monetary amount in a pack, as a number in currency units.

What is read, in this order:
1. amounts printed with their currency, anywhere: "£325k", "£47 million", "$1,301", "45p",
   "-£20k" (negative), "£5-10m" (two rows, `range_end` low and high). An amount whose scale
   word wrapped to the next line ("£47" / "million") or whose currency sign sits on the line
   above in the same cell ("£" / "234,954.15") is joined up. In a table cell printed alone,
   "(£20k)" is negative; in prose, brackets are only brackets.
2. bare numbers that a table makes money (`extractors/common/tables.py`): under a currency header
   ("Amount (£)", "£000s", scaled), under a money header ("Amount", "Budget") when shaped like
   money, or under a note "All figures in £m". These rows have `implicit` = true.
3. a bare number in a column of explicit amounts ("£9,750" above, "40,000" below): implicit.
4. a bare "300k" in prose followed by nothing but punctuation or "p.a." in a document that
   prints its money in that currency elsewhere: implicit.
Not money: percentages, years, dates, phone numbers, counts ("1 million victims"), page and
reference numbers - none of them carries a currency or stands in a money column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from extractors.common.amounts import (
    SYMBOLS,
    Amount,
    find_amounts,
    find_bare_thousands,
    parse_cell_number,
    scale_of,
    to_decimal,
)
from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.geometry import (
    Word,
    context_of,
    is_table_row,
    line_words,
    words_in,
)
from extractors.common.linking import ItemLinker
from extractors.common.spacing import BLANK_LINE, NEXT_LINE, PageType
from extractors.common.table_model import same_column
from extractors.common.tables import MONEY_SHAPED_RE, far_below, is_prose, table_cells
from pipeline.models import BBox, MoneyRecord, Page, Provenance, ReadDocument

SCALE_WORD_RE = re.compile(r"^(?i:million|billion|bn|mn|m|k|thousand)\b")
LONE_SYMBOL_RE = re.compile(r"^(?:£|\$|€)$")
LONE_SYMBOL_IN_TEXT_RE = re.compile(r"(?:^| )[£$€](?: |$)")
CANADIAN_POSTCODE_RE = re.compile(
    r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b"
)
BARE_K_FOLLOW_RE = re.compile(
    r"^\s*(?:$|[)\].,;:!?£$€]|p\.?\s?a\b|per\b|pa\b|a (?:year|month|week)\b|each\b|annually\b)",
    re.I,
)
SCALED_NEIGHBOUR_RE = re.compile(r"(?i)\d(?:m|mn|million|bn|billion)$")
COLUMN_NEIGHBOUR_LINES = 12
AMBIGUOUS_NEIGHBOUR_LINES = 4


@dataclass
class Hit:
    """One money figure found on a page, before it becomes a record."""

    page: Page
    lines: list[int]  # the line it starts on first; more when it wraps
    x0: float
    x1: float
    value: Decimal
    currency: str
    raw: str
    implicit: bool
    context: str
    range_end: str | None = None
    ambiguous: bool = False
    scaled: bool = False

    @property
    def top(self) -> float:
        return self.page.lines[self.lines[0]].top


def dollar_currency(doc: ReadDocument) -> str:
    """A '$' is Canadian in a document that prints a Canadian postcode, else US."""
    text = "\n".join(page.text for page in doc.pages[:3])
    return "CAD" if CANADIAN_POSTCODE_RE.search(text) else "USD"


def _box(words: list[Word]) -> tuple[float, float]:
    return min(w.x0 for w in words), max(w.x1 for w in words)


def _wrapped_scale(page: Page, index: int, amount: Amount) -> tuple[Decimal, str] | None:
    """'£47' at the end of a line and 'million' opening the next one."""
    line = page.lines[index]
    if amount.scaled or amount.end < len(line.text.rstrip()) or index + 1 >= len(page.lines):
        return None
    following = page.lines[index + 1]
    if PageType.of(page).beyond(line, following, NEXT_LINE):
        return None
    match = SCALE_WORD_RE.match(following.text.strip())
    if not match or match.group(0).lower() in ("m", "k"):
        return None
    return scale_of(match.group(0)), match.group(0)


def _explicit_on_line(page: Page, index: int, dollar: str) -> list[Hit]:
    line = page.lines[index]
    amounts = find_amounts(line.text, dollar)
    words = line_words(line) if amounts else []
    hits = []
    for amount in amounts:
        touched = words_in(words, amount.start, amount.end) or words[:1]
        if len({w.span for w in touched}) > 1:
            continue  # a sign in one cell and a number in the next are not one amount
        x0, x1 = _box(touched)
        value, raw, lines = amount.value, amount.raw, [index]
        wrapped = _wrapped_scale(page, index, amount)
        if wrapped:
            value, raw, lines = value * wrapped[0], f"{raw} {wrapped[1]}", [index, index + 1]
        span_text = line.spans[touched[0].span].text.strip()
        if span_text == f"({amount.raw})" and amount.value > 0:
            value = -value  # "(£20k)" alone in a table cell: an accounting negative
        hits.append(
            Hit(
                page=page,
                lines=lines,
                x0=x0,
                x1=x1,
                value=value,
                currency=amount.currency,
                raw=raw,
                implicit=False,
                context=context_of(page, index, amount.start, amount.end),
                range_end=amount.range_end,
                ambiguous=amount.ambiguous_thousands,
                scaled=amount.scaled or bool(wrapped),
            )
        )
    return hits


def _detached_symbol(page: Page, index: int, dollar: str) -> list[Hit]:
    """A currency sign alone at the end of a cell, its number on the next line below it."""
    line = page.lines[index]
    hits: list[Hit] = []
    if not LONE_SYMBOL_IN_TEXT_RE.search(line.text):
        return hits
    words = line_words(line)
    for position, word in enumerate(words):
        last_in_span = position + 1 == len(words) or words[position + 1].span != word.span
        if not LONE_SYMBOL_RE.match(word.text) or not last_in_span:
            continue
        for below_index in (index + 1, index + 2):
            if below_index >= len(page.lines):
                break
            below = page.lines[below_index]
            if PageType.of(page).beyond(line, below, BLANK_LINE):
                break
            number = next(
                (w for w in line_words(below) if abs(w.x0 - word.x0) <= 12 and w.x0 >= word.x0),
                None,
            )
            parsed = parse_cell_number(number.text) if number else None
            if number is None or parsed is None:
                continue
            hits.append(
                Hit(
                    page=page,
                    lines=[index, below_index],
                    x0=word.x0,
                    x1=max(word.x1, number.x1),
                    value=parsed[0],
                    currency=SYMBOLS.get(word.text, dollar),
                    raw=f"{word.text} {number.text}",
                    implicit=False,
                    context=context_of(page, index, word.start, word.end),
                )
            )
            break
    return hits


def _implicit_hit(
    page: Page, index: int, words: Sequence[Word], value: Decimal, currency: str, raw: str
) -> Hit:
    """A bare number read as money, boxed by the words it was read from."""
    return Hit(
        page=page,
        lines=[index],
        x0=words[0].x0,
        x1=words[-1].x1,
        value=value,
        currency=currency,
        raw=raw,
        implicit=True,
        context=context_of(page, index, words[0].start, words[-1].end),
    )


def _fix_ambiguous(hits: list[Hit]) -> None:
    """'£11.326' beside '£10.481m' and '£0.845m' is £11.326m: it takes its neighbours' scale."""
    for hit in hits:
        if not hit.ambiguous:
            continue
        neighbours = [
            other
            for other in hits
            if other is not hit
            and other.page is hit.page
            and abs(other.lines[0] - hit.lines[0]) <= AMBIGUOUS_NEIGHBOUR_LINES
            and SCALED_NEIGHBOUR_RE.search(other.raw.strip())
        ]
        if neighbours:
            number = re.search(r"\d+\.\d{3}", hit.raw)
            scale = scale_of(SCALED_NEIGHBOUR_RE.search(neighbours[0].raw.strip()).group(0)[1:])  # type: ignore[union-attr]
            value = to_decimal(number.group(0)) if number else None
            if value is not None:
                hit.value = value * scale * (1 if hit.value >= 0 else -1)


def _used_words(hits: list[Hit]) -> dict[int, set[tuple[int, int]]]:
    """Per page, (line index, word x0) of the words explicit amounts were read from."""
    used: dict[int, set[tuple[int, int]]] = {}
    for hit in hits:
        marks = used.setdefault(hit.page.number, set())
        for index in hit.lines:
            for word in line_words(hit.page.lines[index]):
                if word.x1 > hit.x0 and word.x0 < hit.x1:
                    marks.add((index, round(word.x0, 1)))
    return used


def _column_neighbours(
    page: Page, index: int, words: tuple[Word, ...], explicit: list[Hit]
) -> Hit | None:
    """An explicit amount in a table row close above or below, in the same column."""
    x0, x1 = words[0].x0, words[-1].x1
    for hit in explicit:
        if hit.page is not page or abs(hit.lines[0] - index) > COLUMN_NEIGHBOUR_LINES:
            continue
        if not _same_block(page, index, hit.lines[0]):
            continue
        if not is_table_row(page.lines[hit.lines[0]]) and len(hit.lines) == 1:
            continue
        if same_column(x0, x1, hit.x0, hit.x1):
            return hit
    return None


def _same_block(page: Page, a: int, b: int) -> bool:
    """No prose line or wide gap between lines a and b: they are in one table."""
    low, high = min(a, b), max(a, b)
    lines = page.lines
    return not any(
        is_prose(lines[k], page) or far_below(page, lines[k], lines[k - 1])
        for k in range(low + 1, high + 1)
    )


def _column_cells(page: Page, explicit: list[Hit], used: set[tuple[int, int]]) -> list[Hit]:
    """A money-shaped number alone in its cell, in a column of explicit amounts."""
    hits = []
    for index, line in enumerate(page.lines):
        for span_index, span in enumerate(line.spans):
            text = span.text.replace(" ", "")
            parsed = parse_cell_number(text) if span.text.count(" ") <= 1 else None
            if parsed is None or not MONEY_SHAPED_RE.search(text):
                continue
            cell = tuple(w for w in line_words(line) if w.span == span_index)
            if (index, round(cell[0].x0, 1)) in used:
                continue
            neighbour = _column_neighbours(page, index, cell, explicit)
            if neighbour is None:
                continue
            hits.append(_implicit_hit(page, index, cell, parsed[0], neighbour.currency, span.text))
            used.add((index, round(cell[0].x0, 1)))
    return hits


def _bare_thousands(page: Page, currency: str, used: set[tuple[int, int]]) -> list[Hit]:
    """'(300k p.a.)' in a document whose money is printed in `currency` elsewhere."""
    hits = []
    for index, line in enumerate(page.lines):
        for amount in find_bare_thousands(line.text):
            if not BARE_K_FOLLOW_RE.match(line.text[amount.end :]):
                continue
            touched = words_in(line_words(line), amount.start, amount.end)
            if not touched or (index, round(touched[0].x0, 1)) in used:
                continue
            hits.append(_implicit_hit(page, index, touched, amount.value, currency, amount.raw))
    return hits


def find_money(doc: ReadDocument) -> list[Hit]:
    """Every money figure of a document, in page and reading order."""
    dollar = dollar_currency(doc)
    explicit: list[Hit] = []
    for page in doc.pages:
        for index in range(len(page.lines)):
            explicit += _explicit_on_line(page, index, dollar)
            explicit += _detached_symbol(page, index, dollar)
    _fix_ambiguous(explicit)
    currencies = Counter(hit.currency for hit in explicit)
    main_currency = currencies.most_common(1)[0][0] if currencies else None
    used = _used_words(explicit)
    implicit: list[Hit] = []
    pages = {page.number: page for page in doc.pages}
    for cell in table_cells(doc.pages, dollar, main_currency, used):
        page = pages[cell.page]
        implicit.append(
            _implicit_hit(page, cell.line, cell.words, cell.value, cell.currency, cell.raw)
        )
        used.setdefault(cell.page, set()).update((cell.line, round(w.x0, 1)) for w in cell.words)
    for page in doc.pages:
        page_used = used.setdefault(page.number, set())
        implicit += _column_cells(page, explicit, page_used)
        if main_currency:
            implicit += _bare_thousands(page, main_currency, page_used)
    hits = explicit + implicit
    hits.sort(key=lambda h: (h.page.number, h.top, h.x0))
    return hits


def _provenance(hit: Hit) -> Provenance:
    lines = [hit.page.lines[i] for i in hit.lines]
    box = BBox.union(lines)
    return Provenance(
        page=hit.page.number,
        page_label=hit.page.page_label,
        x0=round(hit.x0, 2),
        top=round(box.top, 2),
        x1=round(hit.x1, 2),
        bottom=round(box.bottom, 2),
        source_text="\n".join(line.text for line in lines),
    )


@register
class MoneyExtractor(Extractor):
    name = "money.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        linker = ItemLinker(ctx)
        for hit in find_money(ctx.doc):
            ctx.found.money.append(
                MoneyRecord(
                    item_number=linker.item_for(hit.page.number, hit.top),
                    amount=hit.value,
                    currency=hit.currency,
                    raw=hit.raw,
                    context=hit.context,
                    implicit=hit.implicit,
                    range_end=hit.range_end,
                    provenance=_provenance(hit),
                    extractor=self.name,
                )
            )
