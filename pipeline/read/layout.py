"""Page layout: words -> lines and spans; printed labels, agenda stamps and running margins.

Backend-neutral: works on `RawPage` words, whichever reader produced them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from statistics import median

from pipeline.models import Line, Page, Span
from pipeline.read.columns import reading_blocks
from pipeline.read.readers import RawPage, RawWord

MARGIN_SHARE = 0.10  # top/bottom share of the page height where headers, footers, stamps live
STAMP_SHARE = 0.18  # "Agenda Item N" stamps sit near the top, sometimes below a logo
SPAN_GAP_FACTOR = 1.6  # a gap wider than this many font sizes starts a new span (column/cell)

PAGE_LABEL_RE = re.compile(
    r"^(?:page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?|[-–]?\s*(\d{1,4})\s*[-–]?)$", re.I
)
STAMP_RE = re.compile(r"^agenda\s+item\s+(\d{1,3}(?:\.\d{1,2})?[a-z]?)\b\.?$", re.I)
BLANK_PAGE_RE = re.compile(
    r"^(this page (is )?(intentionally|deliberately) (left )?blank\.?\s*)+$", re.I
)
SOFT_HYPHEN = "\u00ad"
BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|,b$", re.I)


def _vertical_overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    overlap = min(a_bottom, b_bottom) - max(a_top, b_top)
    smaller = max(min(a_bottom - a_top, b_bottom - b_top), 0.1)
    return overlap / smaller


def group_rows(words: list[RawWord]) -> list[list[RawWord]]:
    """Group words into visual rows by vertical overlap (superscripts stay on their row)."""
    rows: list[list[RawWord]] = []
    row_top = row_bottom = 0.0
    for word in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if rows and _vertical_overlap(word.top, word.bottom, row_top, row_bottom) >= 0.5:
            rows[-1].append(word)
            row_bottom = max(row_bottom, word.bottom)
        else:
            rows.append([word])
            row_top, row_bottom = word.top, word.bottom
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _dominant_size(words: list[RawWord]) -> float:
    weights: Counter[float] = Counter()
    for word in words:
        weights[round(word.size, 1)] += len(word.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _word_bold(word: RawWord) -> bool:
    return bool(word.bold or BOLD_FONT_RE.search(word.fontname))


def _is_bold(words: list[RawWord]) -> bool:
    bold = sum(len(w.text) for w in words if _word_bold(w))
    return bold * 2 > sum(len(w.text) for w in words)


def join_superscripts(row: list[RawWord]) -> list[RawWord]:
    """'3' + small raised 'rd' touching it -> '3rd' (ordinals in dates, '78th Street')."""
    out: list[RawWord] = []
    for word in row:
        previous = out[-1] if out else None
        if (
            previous is not None
            and word.x0 - previous.x1 < 1.0
            and abs(word.size - previous.size) > 0.5
            and word.text.isalpha()
            and len(word.text) <= 3
        ):
            out[-1] = RawWord(
                text=previous.text + word.text,
                x0=previous.x0,
                top=min(previous.top, word.top),
                x1=word.x1,
                bottom=max(previous.bottom, word.bottom),
                fontname=previous.fontname,
                size=max(previous.size, word.size),
                bold=previous.bold,
            )
        else:
            out.append(word)
    return out


def build_line(row: list[RawWord]) -> Line:
    row = join_superscripts(row)
    size = _dominant_size(row) or 10.0
    spans: list[list[RawWord]] = [[row[0]]]
    for previous, word in zip(row, row[1:], strict=False):
        if word.x0 - previous.x1 > SPAN_GAP_FACTOR * size:
            spans.append([word])
        else:
            spans[-1].append(word)
    # model_construct: every value here is already of its field's type, and validating
    # thousands of spans per document costs more than reading them
    span_models = [
        Span.model_construct(
            text=" ".join(w.text for w in span),
            x0=span[0].x0,
            top=min(w.top for w in span),
            x1=span[-1].x1,
            bottom=max(w.bottom for w in span),
            word_starts=[round(w.x0, 2) for w in span],
            word_bold=[_word_bold(w) for w in span],
        )
        for span in spans
    ]
    return Line.model_construct(
        text=" ".join(s.text for s in span_models),
        x0=row[0].x0,
        top=min(w.top for w in row),
        x1=max(w.x1 for w in row),
        bottom=max(w.bottom for w in row),
        size=size,
        bold=_is_bold(row),
        spans=span_models,
    )


def _margin_key(text: str) -> str:
    """Running headers differ only in numbers ("Page 3", dates): compare them without digits."""
    return re.sub(r"\d+", "#", text.strip().lower())


def layout_page(raw: RawPage) -> Page:
    """Lines of one page with the printed page label and agenda stamp taken out of the body."""
    page = Page(
        number=raw.number,
        width=raw.width,
        height=raw.height,
        n_chars=raw.n_chars,
        unmapped_chars=raw.unmapped_chars,
        has_text_layer=raw.n_chars > 0 or raw.n_images == 0,
        reader=raw.reader,
        problem=raw.problem,
        rotation=raw.rotation,
        ocr_confidence=raw.ocr_confidence,
    )
    for row in join_soft_hyphens(_rows_in_reading_order(raw)):
        line = build_line(row)
        if _take_label(page, line) or _take_stamp(page, line):
            page.margin_lines.append(line)
            continue
        page.lines.append(line)
    body = " ".join(line.text for line in page.lines).strip()
    page.is_blank = not body or bool(BLANK_PAGE_RE.match(body))
    return page


def reading_order_text(raw: RawPage) -> str:
    """Every printed line of a page in reading order, labels and stamps included: what a
    transcription of the page holds (used to measure OCR against one)."""
    rows = join_soft_hyphens(_rows_in_reading_order(raw))
    return "\n".join(build_line(row).text for row in rows)


def _rows_in_reading_order(raw: RawPage) -> list[list[RawWord]]:
    """Visual rows top down; a band set in two text columns gives its left column first."""
    rows = group_rows(raw.words)
    blocks = reading_blocks(rows, raw.width, _dominant_size(raw.words))
    if blocks is None:
        return rows
    return [row for block in blocks for row in group_rows(block)]


def join_soft_hyphens(rows: list[list[RawWord]]) -> list[list[RawWord]]:
    """A word broken at a line end by a soft hyphen (U+00AD) is one word: 'Llan\xad' + 'fair'
    -> 'Llanfair' on the first line; soft hyphens elsewhere are invisible and dropped."""
    out = [list(row) for row in rows]
    for index, row in enumerate(out):
        if not row or not row[-1].text.endswith(SOFT_HYPHEN):
            continue
        following = out[index + 1] if index + 1 < len(out) else []
        last = row[-1]
        if following:
            rest = following.pop(0)
            row[-1] = replace(last, text=last.text.rstrip(SOFT_HYPHEN) + rest.text)
        else:
            row[-1] = replace(last, text=last.text.rstrip(SOFT_HYPHEN))
    for row in out:
        for position, word in enumerate(row):
            if SOFT_HYPHEN in word.text:
                row[position] = replace(word, text=word.text.replace(SOFT_HYPHEN, ""))
    return [[w for w in row if w.text] for row in out if any(w.text for w in row)]


def _take_label(page: Page, line: Line) -> bool:
    if page.page_label is not None or line.top < page.height * (1 - MARGIN_SHARE):
        return False
    match = PAGE_LABEL_RE.match(line.text.strip())
    if not match:
        return False
    page.page_label = line.text.strip()
    page.label_number = int(match.group(1) or match.group(2))
    return True


def _take_stamp(page: Page, line: Line) -> bool:
    if page.agenda_item_stamp is not None or line.bottom > page.height * STAMP_SHARE:
        return False
    for span in line.spans:
        match = STAMP_RE.match(span.text.strip())
        if match:
            page.agenda_item_stamp = match.group(1)
            if len(line.spans) > 1:  # keep the rest of the row (a header beside the stamp)
                rest = [s for s in line.spans if s is not span]
                page.lines.append(
                    line.model_copy(update={"spans": rest, "text": " ".join(s.text for s in rest)})
                )
            return True
    return False


def separate_running_margins(pages: list[Page]) -> None:
    """Move lines repeated in the top/bottom margin of many pages out of the body text."""
    with_text = [p for p in pages if p.lines]
    if len(with_text) < 3:
        return
    counts: Counter[str] = Counter()
    for page in with_text:
        keys = {_margin_key(line.text) for line in page.lines if _in_margin(page, line)}
        counts.update(keys)
    threshold = max(3, int(0.3 * len(with_text)))
    repeated = {key for key, n in counts.items() if n >= threshold and key.strip("# ")}
    if not repeated:
        return
    for page in with_text:
        keep: list[Line] = []
        for line in page.lines:
            if _in_margin(page, line) and _margin_key(line.text) in repeated:
                page.margin_lines.append(line)
            else:
                keep.append(line)
        page.lines = keep
        body = " ".join(line.text for line in keep).strip()
        page.is_blank = not body or bool(BLANK_PAGE_RE.match(body))


def _in_margin(page: Page, line: Line) -> bool:
    return line.bottom <= page.height * MARGIN_SHARE or line.top >= page.height * (1 - MARGIN_SHARE)


def typical_line_gap(lines: list[Line]) -> float:
    """The usual distance between consecutive line tops: tells wrapped lines from new blocks."""
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if 0 < b.top - a.top < 40]
    return median(gaps) if gaps else 14.0
