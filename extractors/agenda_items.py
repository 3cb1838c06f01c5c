"""Agenda items listed on a front sheet: number, title, description, part, pages.

Rules, in the order they apply to each front-sheet line:
- an item starts on a line "5. Title", "5a Title", "5) Title" whose number continues the
  sequence (the next integer, or a letter suffix of the current one);
- a title wraps onto the next line when that line follows closely (less than ~1.5 line
  heights) and the title is not finished (no page range yet, and the line was full or the
  next one carries the page range); a looser gap starts the description;
- "Heading - detail" whose detail continues on lines aligned under the text after the dash
  is a heading with a sub-list: the title is the heading;
- printed pages come from "(Pages 9 - 72)", "(Page 5)", or a page column ("13 - 46" in a
  cell of its own, or on its own line under the title);
- part 2 starts at a "PART 2" / "EXEMPT ITEMS" / "PRIVATE" heading;
- where the number column was lost (the first numbered item is 3), the title-like lines
  just before it are items 1 and 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.agenda_meeting import AGENDA_MEETING_KEY
from extractors.base import ExtractionContext, Extractor, register
from extractors.text import ITEM_LINE_RE, clean, provenance
from pipeline.models import AgendaItemRecord, Line, Page, PageRange
from pipeline.segment import AGENDA_HEADING_RE

PAGES_RE = re.compile(r"\(\s*pages?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?\s*\)", re.I)
PAGE_CELL_RE = re.compile(r"^(\d{1,4})(?:\s*[-–—]\s*(\d{1,4}))?$")
TRAILING_PAGES_RE = re.compile(r"\s(\d{1,4})\s+[-–—]\s+(\d{1,4})$")
DASH_SPLIT_RE = re.compile(r"\s[-–—]\s")
PART_RE = re.compile(
    r"^\s*(?:part\s*(?P<num>1|2|i{1,2}|one|two)\b"
    r"|(?P<exempt>exempt|confidential|private|restricted)\s+(items|business|information|session|part)"
    r"|(?P<open>unrestricted|open|public)\s+(items|business|session|part)|open to (the )?public)",
    re.I,
)
STOP_RE = re.compile(
    r"^\s*(for requests for further information|contact\s*:|tel(ephone)?\s*:|e-?mail\s*:"
    r"|membership\b|queries regarding|agenda published|date of (the )?next meeting"
    r"|information for members of the public|please contact)",
    re.I,
)
COLUMN_HEADER_RE = re.compile(r"^(page|pages|item|items|no\.?|number|title|subject|ref\.?)$", re.I)


@dataclass
class _Item:
    number: str
    page: Page
    lines: list[Line]
    title_parts: list[str]
    part: int
    pages: tuple[int, int | None] | None = None
    description: list[str] = field(default_factory=list)
    closed: bool = False  # title finished: further lines are description


def _number_value(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)([a-z]?)", number.lower())
    return (int(match.group(1)), match.group(2)) if match else (0, "")


def _continues_sequence(number: str, previous: str | None) -> bool:
    value, letter = _number_value(number)
    if previous is None:
        return 1 <= value <= 5
    prev_value, prev_letter = _number_value(previous)
    if value == prev_value + 1:
        return letter in ("", "a")
    return value == prev_value and letter > prev_letter


def _part_of(text: str, current: int) -> int:
    match = PART_RE.match(text)
    if not match or len(text) > 120:
        return current
    if match.group("num"):
        return 1 if match.group("num").lower() in ("1", "i", "one") else 2
    return 2 if match.group("exempt") else 1


def _page_cell(line: Line) -> tuple[int, int | None] | None:
    """A page range in a cell of its own at the end of the line ("13 - 46")."""
    if len(line.spans) < 2:
        return None
    match = PAGE_CELL_RE.match(line.spans[-1].text.strip())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _title_text(line: Line) -> str:
    text = ITEM_LINE_RE.match(line.text).group("title")  # type: ignore[union-attr]
    if _page_cell(line):
        text = text[: text.rfind(line.spans[-1].text)].rstrip()
    return text


def _dash_split_x(line: Line) -> float | None:
    """x position of the first word after the first ' - ' of an item line, if any."""
    words = [
        (w, x)
        for span in line.spans
        for w, x in zip(span.text.split(" "), span.word_starts, strict=False)
    ]
    for index, (word, _x) in enumerate(words[2:-1], start=2):
        if word in ("-", "–", "—"):
            return words[index + 1][1]
    return None


class _FrontSheetParser:
    def __init__(self, pages: list[Page]):
        self.pages = pages
        self.items: list[_Item] = []
        self.part = 1
        self.preamble: list[tuple[Page, Line, int]] = []  # candidates for unnumbered items
        self.stopped = False

    def parse(self) -> list[_Item]:
        previous_line: Line | None = None
        for page in self.pages:
            for line in page.lines:
                self._feed(page, line, previous_line)
                previous_line = line
            previous_line = None
        return self.finish()

    def _feed(self, page: Page, line: Line, previous: Line | None) -> None:
        text = line.text.strip()
        new_part = _part_of(text, self.part)
        if new_part != self.part or PART_RE.match(text):
            self.part = new_part
            self._close()
            return
        match = None if PAGE_CELL_RE.match(text) else ITEM_LINE_RE.match(text)
        last = self.items[-1] if self.items else None
        if match and _continues_sequence(match.group("num"), last.number if last else None):
            if not self._aligned(line):
                match = None
        elif match:
            match = None
        if match:
            self._start(page, line, match.group("num"))
            return
        if last is None:
            self._preamble(page, line, text)
            return
        if STOP_RE.match(text):
            last.closed = True
            self.stopped = True
            return
        self.stopped = self.stopped and not text
        if self.stopped:
            return
        self._continue(last, page, line, text, previous)

    def _aligned(self, line: Line) -> bool:
        if not self.items:
            return True
        first = self.items[0].lines[0]
        return line.x0 <= first.x0 + 8

    def _start(self, page: Page, line: Line, number: str) -> None:
        if not self.items and _number_value(number)[0] > 1:
            self._adopt_unnumbered(number)
        self._close()
        title = _title_text(line)
        item = _Item(number=number, page=page, lines=[line], title_parts=[title], part=self.part)
        item.pages = _page_cell(line)
        self.items.append(item)
        self.stopped = False

    def _close(self) -> None:
        if self.items:
            self.items[-1].closed = True

    def _continue(
        self, item: _Item, page: Page, line: Line, text: str, previous: Line | None
    ) -> None:
        cell = PAGE_CELL_RE.match(text)
        if cell and item.pages is None and not PAGES_RE.search(" ".join(item.title_parts)):
            item.pages = (int(cell.group(1)), int(cell.group(2)) if cell.group(2) else None)
            item.closed = True
            return
        wraps = not item.closed and previous is not None and page is item.page
        if wraps and self._wraps_title(item, line, previous):
            item.title_parts.append(text)
            item.lines.append(line)
            return
        item.closed = True
        item.description.append(text)

    def _wraps_title(self, item: _Item, line: Line, previous: Line) -> bool:
        title = " ".join(item.title_parts)
        if PAGES_RE.search(title) or item.pages:
            return False
        if line.top - previous.top > 1.5 * max(line.size, previous.size):
            return False
        split_x = _dash_split_x(item.lines[0])
        if split_x is not None and len(item.lines) == 1 and abs(line.x0 - split_x) < 15:
            item.title_parts[0] = DASH_SPLIT_RE.split(item.title_parts[0], maxsplit=1)[0]
            item.description.append(DASH_SPLIT_RE.split(title, maxsplit=1)[1])
            return False
        right_edge = max(ln.x1 for p in self.pages for ln in p.lines)
        full = previous.x1 > right_edge - 0.25 * (right_edge - item.lines[0].x0)
        return bool(
            full or PAGES_RE.search(line.text) or re.match(r"^\(?pages?\b", line.text, re.I)
        )

    def _preamble(self, page: Page, line: Line, text: str) -> None:
        if AGENDA_HEADING_RE.match(text):
            self.preamble.clear()  # unnumbered items can only follow the agenda heading
            return
        cell = PAGE_CELL_RE.match(text)
        if cell and self.preamble:
            self.preamble.append((page, line, -1))
            return
        if (
            len(text) <= 70
            and text[:1].isupper()
            and not text.endswith((".", ":", ","))
            and not text.lower().startswith("to ")
            and not COLUMN_HEADER_RE.match(text)
            and not PART_RE.match(text)
            and not STOP_RE.match(text)
            and re.search(r"[a-z]", text)
        ):
            self.preamble.append((page, line, 1))
        elif self.preamble and self.preamble[-1][2] == 1 and not text[:1].isupper():
            self.preamble.pop()  # a wrapped sentence, not a title

    def _adopt_unnumbered(self, number: str) -> None:
        """Items 1..N-1 printed without their numbers: the last N-1 title-like lines."""
        missing = _number_value(number)[0] - 1
        titles = [entry for entry in self.preamble if entry[2] == 1]
        if len(titles) < missing:
            return
        chosen = titles[-missing:]
        for index, (page, line, _) in enumerate(chosen, start=1):
            item = _Item(
                number=str(index), page=page, lines=[line], title_parts=[line.text], part=self.part
            )
            position = self.preamble.index((page, line, 1))
            following = self.preamble[position + 1] if position + 1 < len(self.preamble) else None
            if following and following[2] == -1:
                cell = PAGE_CELL_RE.match(following[1].text.strip())
                if cell:
                    item.pages = (int(cell.group(1)), int(cell.group(2)) if cell.group(2) else None)
            item.closed = True
            self.items.append(item)

    def finish(self) -> list[_Item]:
        """In a list with a page column, a range left at the end of a title is that column."""
        if any(item.pages for item in self.items):
            for item in self.items:
                match = TRAILING_PAGES_RE.search(item.title_parts[-1])
                if item.pages is None and match and int(match.group(1)) <= int(match.group(2)):
                    item.pages = (int(match.group(1)), int(match.group(2)))
                    item.title_parts[-1] = item.title_parts[-1][: match.start()]
        return self.items


def printed_to_physical(pages: list[Page], first: int, last: int | None) -> PageRange | None:
    """Physical pages whose printed 'Page N' label falls within a printed range."""
    last = last if last is not None else first
    hits = [
        p.number
        for p in pages
        if p.label_number is not None
        and p.page_label
        and p.page_label.lower().startswith("page")
        and first <= p.label_number <= last
    ]
    return PageRange(first_page=min(hits), last_page=max(hits)) if hits else None


@register
class AgendaItemsExtractor(Extractor):
    name = "agenda_items.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        front = ctx.segmentation.front_sheet
        if front is None:
            return
        meeting_key = next(
            (m.key for m in ctx.found.meetings if m.kind == "agenda"), AGENDA_MEETING_KEY
        )
        for item in _FrontSheetParser(ctx.pages_of(front)).parse():
            title = clean(" ".join(item.title_parts))
            pages = item.pages
            match = PAGES_RE.search(title)
            if match:
                pages = (int(match.group(1)), int(match.group(2)) if match.group(2) else None)
                title = clean(PAGES_RE.sub("", title))
            title = re.sub(r"\(\s*pages?\s*$", "", title, flags=re.I).strip(" -–")
            printed_first, printed_last = (
                (pages[0], pages[1] or pages[0]) if pages else (None, None)
            )
            physical = ctx.segmentation.item_papers.get(item.number)
            if physical is None and printed_first is not None:
                physical = printed_to_physical(ctx.doc.pages, printed_first, printed_last)
            ctx.found.agenda_items.append(
                AgendaItemRecord(
                    meeting_key=meeting_key,
                    number=item.number,
                    title=title,
                    description=" ".join(item.description) or None,
                    part=item.part,
                    printed_first_page=printed_first,
                    printed_last_page=printed_last,
                    first_page=physical.first_page if physical else None,
                    last_page=physical.last_page if physical else None,
                    provenance=provenance(item.page, item.lines),
                    extractor=self.name,
                )
            )
