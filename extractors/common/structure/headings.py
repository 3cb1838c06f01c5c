"""Unnumbered headings: lines that are entries though they carry no label.

- headings printed in the same type and at the same indent as the outermost entries but with
  no label are entries without a number (US "CALL TO ORDER", "ROLL CALL"); where the entries
  are set in body type, only a stand-alone line in title case is one;
- a short capitals line in the type of the headings that group the entries into stages of the
  meeting ("CONSENT CALENDAR") is one wherever it is set, and so is a capitals section label
  ending in a colon set left of the entries;
- with fewer than two outermost entries to align to, the sections are the capitals labels
  ending in a colon at the left edge of the text, when there are several;
- a short capitals line indented under an item, heading a block of detail lines, is a matter
  of its own (a closed-session matter under "CLOSED SESSION:").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from extractors.common.spacing import BLANK_LINE, NEXT_LINE, SIZE_TOLERANCE, PageType
from extractors.common.structure.labels import is_banner, parse_labels
from extractors.common.structure.outline import (
    FULL_LINE,
    HEADING_MAX_CHARS,
    WRAP_GAP,
    X_TOLERANCE,
    Entry,
    _is_capitals,
    _more_prominent,
    _right_edge,
    _runs_on,
)
from pipeline.models import Line, Page

UNIFORM_SHARE = 0.8  # outermost entries sharing one type when this share of them does
SENTENCE_END_RE = re.compile(r"[.;,]$")
# a section of a US agenda, itself an item: "CONSENT CALENDAR:", "PLEDGE OF ALLEGIANCE: To be
# announced" (capitals up to a colon), set left of the numbered entries or, with none, at the
# left edge of the text
SECTION_LABEL_RE = re.compile(r"^[A-Z][A-Z0-9 '’&/,()-]{2,70}:(\s|$)")
MIN_SECTION_LABELS = 3
STAGE_LOOKBACK = 8  # lines: a stage heading is this close above the first entry under it


def unnumbered_headings(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Lines set like the outermost entries (same type, same indent) that carry no label: in
    capitals or ending with a colon, or anywhere after the first entry when the outermost
    entries all share one type."""
    outer = [e for e in entries if e.parent is None]
    if len(outer) < 2:
        return _section_labels(pages, entries)
    styles = Counter((round(e.size, 1), e.bold) for e in outer)
    (size, bold), count = styles.most_common(1)[0]
    uniform = count >= UNIFORM_SHARE * len(outer)
    first = outer[0]
    shared = {style for style, n in styles.items() if n >= 2}
    indents = Counter(round(e.x) for e in outer)
    indent = indents.most_common(1)[0][0]
    used = {id(line) for e in entries for line in e.lines}
    right = _right_edge(pages)
    body_size = _body_size(pages)
    body_entries = all(
        not st[1] and abs(st[0] - body_size) <= SIZE_TOLERANCE for st in shared | {(size, bold)}
    )
    stages = _stage_styles([e for e in outer if e.label is not None])
    found: list[Entry] = []
    for page in pages:
        kind = PageType.of(page)
        body = (kind.size, False)
        styles_here = {st for st in shared | {(size, bold)} if _more_prominent(st, body) or st[1]}
        tolerance = X_TOLERANCE * kind.size
        for line in page.lines:
            text = line.text.strip()
            if id(line) in used:
                continue
            if stages and _stage_heading(line, stages):
                found.append(Entry.at_line(page, line, text))
                continue
            if line.x0 < indent - tolerance:
                if _is_section_label(page, line, kind):
                    found.append(Entry.at_line(page, line, text))
                continue
            if abs(line.x0 - indent) > tolerance:
                continue
            if body_entries:  # entries in body type: only a stand-alone title-case line
                if _body_heading(page, line, (size, bold), kind, right):
                    found.append(Entry.at_line(page, line, text))
                continue
            if not styles_here:
                continue  # entries in body type on this page: an unlabelled line is text
            style = next(
                (
                    st
                    for st in styles_here
                    if abs(line.size - st[0]) <= SIZE_TOLERANCE and line.bold == st[1]
                ),
                None,
            )
            if style is None:
                continue
            if len(text) > HEADING_MAX_CHARS or is_banner(text) or SENTENCE_END_RE.search(text):
                continue
            if not re.search(r"[A-Za-z]{2}", text) or parse_labels(text)[0]:
                continue
            after_first = (page.number, line.top) > (first.page.number, first.lines[0].top)
            main_style = style == (size, bold)
            if not (
                _is_capitals(text) or text.endswith(":") or (uniform and main_style and after_first)
            ):
                continue
            found.append(Entry.at_line(page, line, text))
    return found


def _body_heading(
    page: Page, line: Line, style: tuple[float, bool], kind: PageType, right: float
) -> bool:
    """Where the numbered entries are set in body type, an unlabelled line at their indent and
    in their type is a heading when it stands alone (a paragraph of one short line: well apart
    from the lines around it or in other type) and reads as a title (Title Case, no sentence
    end): "Call to Order", "Oral Communications   7:10 -7:25 PM"."""
    text = line.text.strip()
    if abs(line.size - style[0]) > SIZE_TOLERANCE or line.bold != style[1]:
        return False
    if len(text) > HEADING_MAX_CHARS or SENTENCE_END_RE.search(text) or text.endswith(":"):
        return False
    if line.x1 >= line.x0 + FULL_LINE * (right - line.x0) and len(line.spans) == 1:
        return False  # a full line is a line of a paragraph
    if is_banner(text) or parse_labels(text)[0] or not _title_case(line.spans[0].text):
        return False
    index = next(i for i, candidate in enumerate(page.lines) if candidate is line)
    for neighbour in (page.lines[index - 1 : index], page.lines[index + 1 : index + 2]):
        for other in neighbour:
            same_type = abs(other.size - line.size) <= SIZE_TOLERANCE
            if same_type and abs(other.top - line.top) <= WRAP_GAP * kind.pitch:
                return False
    return True


def _stage_styles(outer: list[Entry]) -> set[tuple[float, bool]]:
    """The type of the headings that group the numbered entries into stages of the meeting
    ("CONSENT CALENDAR" over "1.", "PUBLIC HEARING" over "8."): the nearest capitals line
    above an outermost entry, set larger than it, when two or more entries have one."""
    styles: Counter[tuple[float, bool]] = Counter()
    for entry in outer:
        page = entry.page
        index = next(i for i, line in enumerate(page.lines) if line is entry.lines[0])
        for line in reversed(page.lines[max(0, index - STAGE_LOOKBACK) : index]):
            if parse_labels(line.text)[0]:
                break
            if line.size > entry.size + SIZE_TOLERANCE and _is_capitals(line.text):
                styles[(round(line.size, 1), line.bold)] += 1
                break
    return {style for style, n in styles.items() if n >= 2}


def _stage_heading(line: Line, stages: set[tuple[float, bool]]) -> bool:
    """A short capitals line in the type of the stage headings, wherever it is set."""
    text = line.text.strip()
    return bool(
        any(abs(line.size - st[0]) <= SIZE_TOLERANCE and line.bold == st[1] for st in stages)
        and len(text) <= HEADING_MAX_CHARS
        and _is_capitals(text)
        and not SENTENCE_END_RE.search(text)
        and not is_banner(text)
        and not parse_labels(text)[0]
    )


def _body_size(pages: list[Page]) -> float:
    """The most common type size (by characters) over all the pages."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _title_case(text: str) -> bool:
    """Every word of four letters or more starts with a capital, and the first word does."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    return (
        bool(words) and words[0][0].isupper() and all(w[0].isupper() for w in words if len(w) >= 4)
    )


def _section_labels(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """An agenda without numbered entries: its sections are capitals labels ending in a colon
    at the left edge of the text ("CALL TO ORDER:", "REPORTS:"), when there are several."""
    used = {id(line) for e in entries for line in e.lines}
    found = []
    for page in pages:
        if not page.lines:
            continue
        left = min(line.x0 for line in page.lines)
        kind = PageType.of(page)
        for line in page.lines:
            if id(line) in used or line.x0 > left + X_TOLERANCE * kind.size:
                continue
            if _is_section_label(page, line, kind):
                found.append(Entry.at_line(page, line, line.text.strip()))
    if len(found) < MIN_SECTION_LABELS:
        return []
    return sorted(found + _capitals_sections(pages, found, used), key=_reading_order(pages))


def _reading_order(pages: list[Page]) -> Callable[[Entry], tuple[int, float]]:
    """Sort key of entries in the pages' reading order."""
    order = {page.number: index for index, page in enumerate(pages)}
    return lambda entry: (order[entry.page.number], entry.lines[0].top)


def _capitals_sections(pages: list[Page], labels: list[Entry], used: set[int]) -> list[Entry]:
    """Between the first and the last capitals section label, a short capitals line set at
    their indent is a section too, though printed without the colon ("CLERK", "EXECUTIVE
    SESSION - IF NEEDED")."""
    key = _reading_order(pages)
    first, last = min(labels, key=key), max(labels, key=key)
    taken = {id(entry.lines[0]) for entry in labels}
    found = []
    for page in pages:
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        low = min(e.x for e in labels) - tolerance
        high = max(e.x for e in labels) + tolerance
        for index, line in enumerate(page.lines):
            text = line.text.strip()
            if id(line) in used or id(line) in taken or not low <= line.x0 <= high:
                continue
            entry = Entry.at_line(page, line, text)
            if not key(first) < key(entry) < key(last):
                continue
            if (
                len(line.spans) > 1
                or len(text) > HEADING_MAX_CHARS
                or not _is_capitals(text)
                or SENTENCE_END_RE.search(text)
                or is_banner(text)
                or parse_labels(text)[0]
            ):
                continue
            if index and _runs_on(page.lines[index - 1], line, kind, _right_edge(pages)):
                continue
            found.append(entry)
    return found


def _is_section_label(page: Page, line: Line, kind: PageType) -> bool:
    """A short line that opens with a capitals label and a colon, in one run of text (a memo
    field with its value in a column, "DATE:    1 May", is not a section) and not carrying on
    a sentence from a full line above it."""
    text = line.text.strip()
    if len(text) > HEADING_MAX_CHARS or len(line.spans) > 1 or not SECTION_LABEL_RE.match(text):
        return False
    index = next(i for i, candidate in enumerate(page.lines) if candidate is line)
    right = max(candidate.x1 for candidate in page.lines)
    return index == 0 or not _runs_on(page.lines[index - 1], line, kind, right)


def indented_subheadings(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """A short capitals line set right of the item above it, opening a block of detail lines
    under it ("CLOSED SESSION:" over "CONFERENCE WITH REAL PROPERTY NEGOTIATORS" over
    "Property: ..."; "PUBLIC HEARING" over "Presentation by: ..."): a matter of its own under
    that item, not part of the item's text."""
    used = {id(line) for e in entries for line in e.lines}
    order = _reading_order(pages)
    ranked = sorted(entries, key=order)
    found: list[Entry] = []
    for page in pages:
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        for index, line in enumerate(page.lines):
            text = line.text.strip()
            if id(line) in used or not _subheading_text(line):
                continue
            here = Entry.at_line(page, line, text)
            above = [e for e in ranked if order(e) < order(here)]
            if not above or above[-1].page is not page:
                continue
            owner = above[-1]
            if line.x0 <= owner.x + tolerance:
                continue  # not indented under the item
            previous = page.lines[index - 1] if index else None
            if (
                previous is not None
                and id(previous) not in used
                and kind.within(previous, line, NEXT_LINE)
            ):
                continue  # a line of a paragraph or a list, not the head of a block
            if previous is owner.lines[-1] and _same_type(line, owner):
                continue  # the owner's title going on
            below = page.lines[index + 1 : index + 2]
            if not below or not _detail_under(line, below[0], kind):
                continue
            found.append(here)
    return found


def _same_type(line: Line, entry: Entry) -> bool:
    """The line is set in the entry's type (size and weight)."""
    return abs(line.size - entry.size) <= SIZE_TOLERANCE and line.bold == entry.bold


def _subheading_text(line: Line) -> bool:
    """A short capitals heading in one run of text: no label, no sentence end, not a field
    label ("RECOMMENDATION:") or a session time."""
    text = line.text.strip()
    return bool(
        len(line.spans) == 1
        and len(text) <= HEADING_MAX_CHARS
        and _is_capitals(text)
        and not SENTENCE_END_RE.search(text)
        and not text.endswith(":")
        and not is_banner(text)
        and not parse_labels(text)[0]
    )


def _detail_under(head: Line, line: Line, kind: PageType) -> bool:
    """The line under a sub-heading is its detail: close under it (within a blank line), at
    its indent or further right, in running type (not capitals)."""
    return (
        kind.within(head, line, BLANK_LINE)
        and line.x0 >= head.x0 - X_TOLERANCE * kind.size
        and not _is_capitals(line.text)
        and line.size <= head.size + SIZE_TOLERANCE
    )
