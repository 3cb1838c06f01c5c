"""Agenda items: number, parent, title, description, part and pages, from the outline.

The pages of the agenda (the front sheet of a pack, or an agenda document's own pages) are read
into an outline of numbered entries (``extractors.common.structure``). Every entry is an item;
a nested entry names its parent. Unlabelled headings set like the outermost entries are items
without a number. Around that:
- printed pages come from "(Pages 9 - 72)", "(Page 5)", or a page column ("13 - 46" in a cell
  of its own, or on its own line under the title);
- part 2 starts at a "PART 2" / "EXEMPT ITEMS" / "PRIVATE" heading;
- the list ends at the contact block under it ("Contact:", "For requests for further
  information");
- "Heading - detail" whose detail continues on lines aligned under the text after the dash
  is a heading with a sub-list: the title is the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.fields import split_field, vocabulary_field
from extractors.common.geometry import is_table_row
from extractors.common.structure import (
    HEADING_MAX_CHARS,
    SENTENCE_END_RE,
    Entry,
    Label,
    build_outline,
    indented_subheadings,
    unnumbered_headings,
    unnumbered_sublists,
)
from extractors.common.table_model import left_aligned
from extractors.common.text import AGENDA_HEADING_RE, clean, provenance
from extractors.meetings.agenda import AGENDA_MEETING_KEY
from pipeline.models import AgendaItemRecord, Line, Page, PageRange

PAGES_RE = re.compile(r"\(\s*pages?\s+(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?\s*\)", re.I)
PAGE_CELL_RE = re.compile(r"^(\d{1,4})(?:\s*[-–—]\s*(\d{1,4}))?$")
TRAILING_PAGES_RE = re.compile(r"\s(\d{1,4})\s+[-–—]\s+(\d{1,4})$")
DASH_SPLIT_RE = re.compile(r"\s[-–—]\s")
PART_RE = re.compile(
    r"^\s*(?:part\s*(?P<num>1|2|i{1,2}|one|two)\b"
    r"|(?P<exempt>exempt|confidential|private|restricted)\s+(items|business|information|session|part)\b"
    r"|(?P<open>unrestricted|open|public)\s+(items|business|session|part)\b|open to (the )?public)",
    re.I,
)
STOP_RE = re.compile(
    r"^\s*(for requests for further information|contact\s*:|tel(ephone)?\s*:|e-?mail\s*:"
    r"|membership\b|queries regarding|agenda published|date of (the )?next meeting"
    r"|information for members of the public|please contact)",
    re.I,
)
AGENDA_WORD_RE = re.compile(r"\bagenda\b", re.I)
# a report's own stamp naming the agenda item it is for: "Agenda Item 166", "AGENDA ITEM"
ITEM_STAMP_RE = re.compile(
    r"^agenda\s+item(?:\s+(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,2})?[a-z]?))?\.?$", re.I
)
SUBJECT_FIELD_RE = vocabulary_field("subject")  # "Subject: ..." under a report's stamp
HEAD_LINES = 15  # a document's heading is within its first lines
TIME_CELL_RE = re.compile(
    r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*\d{1,2}(?:[:.]\d{2})?)?\s*[ap]\.?m\.?$",
    re.I,
)
FILE_CELL_RE = re.compile(r"\d{2}-\d{4}")  # a record number: year and serial ("16-0361")
COLUMN_TOLERANCE = 2.0  # points: cells starting this close are in one column
ADJOURN_RE = re.compile(r"^\s*adjourn(?:ment|ed)?\b", re.I)
COLUMN_HEADER_RE = re.compile(r"^(page|pages|item|items|no\.?|number|title|subject|ref\.?)$", re.I)


def _part_of(text: str, current: int) -> int:
    match = PART_RE.match(text)
    if not match or len(text) > 120:
        return current
    if match.group("num"):
        return 1 if match.group("num").lower() in ("1", "i", "one") else 2
    return 2 if match.group("exempt") else 1


def _without_file_numbers(entry: Entry, title: str) -> str:
    """The title without the record cell set before it ("A | 16-0361 | Approve ..."): a
    record number closing a cell that more text follows is not title, and nor is the rest of
    the column it is set in (a record type stacked over it: "REPORT" over "23-0002")."""
    cells: list[str] = []
    columns: list[float] = []
    title_lines = {id(line) for line in entry.lines}
    for line in entry.lines + entry.body[:1]:  # the number may sit in the row under the title
        for span in line.spans[:-1]:
            words = span.text.split()
            if words and FILE_CELL_RE.fullmatch(words[-1]):
                if id(line) in title_lines:
                    cells.append(words[-1])
                columns.append(span.x0 if len(words) == 1 else span.word_starts[-1])
    for line in entry.lines:
        for span in line.spans[1:-1]:
            text = span.text.strip()
            stacked = left_aligned(span.x0, columns, COLUMN_TOLERANCE)
            if stacked and text not in cells and not FILE_CELL_RE.search(text):
                cells.append(text)
    for cell in cells:
        title = re.sub(rf"(^|\s){re.escape(cell)}(\s|$)", " ", title, count=1)
    return " ".join(title.split())


def _time_cell(line: Line) -> bool:
    """A time or time range in a cell of its own at the end of the line ("7:10 -7:25 PM"):
    the item's time slot, not its title."""
    if not is_table_row(line):
        return False
    text = line.spans[-1].text.strip()
    return bool(TIME_CELL_RE.match(text))


def _page_range(match: re.Match[str]) -> tuple[int, int | None]:
    """(first, last) printed pages of a "9 - 72" or "(Pages 9 - 72)" match; last None alone."""
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _page_cell(line: Line) -> tuple[int, int | None] | None:
    """A page range in a cell of its own at the end of the line ("13 - 46")."""
    if not is_table_row(line):
        return None
    match = PAGE_CELL_RE.match(line.spans[-1].text.strip())
    if not match:
        return None
    return _page_range(match)


def _parts_by_line(pages: list[Page]) -> dict[int, int]:
    """The part (1 public, 2 exempt) each line of the agenda is in."""
    part, parts = 1, {}
    for page in pages:
        for line in page.lines:
            part = _part_of(line.text.strip(), part)
            parts[id(line)] = part
    return parts


def agenda_pages(ctx: ExtractionContext) -> list[Page]:
    """The front sheet of a pack, else the pages of a document that is an agenda itself."""
    front = ctx.segmentation.front_sheet
    if front is not None:
        return ctx.pages_of(front)
    first = ctx.segmentation.segments[0] if ctx.segmentation.segments else None
    if first is None or not ctx.doc.pages:
        return []
    head = [line.text for line in ctx.doc.pages[0].lines[:15]]
    if any(AGENDA_WORD_RE.search(text) for text in head):
        return ctx.pages_of(first)
    return []


def stamped_report_item(ctx: ExtractionContext) -> AgendaItemRecord | None:
    """A report headed by the stamp of the agenda item it is for ("Agenda Item 166" over its
    title, or "AGENDA ITEM" over a "SUBJECT:" field) and with no agenda of its own: that item,
    numbered as stamped (no number when the stamp has none), titled by the subject field or
    else the heading line right under the stamp."""
    if ctx.segmentation.front_sheet is not None or not ctx.doc.pages:
        return None
    page = ctx.doc.pages[0]
    head = page.lines[:HEAD_LINES]
    number: str | None = None
    stamp_at: int | None = None
    for index, line in enumerate(head):
        match = ITEM_STAMP_RE.match(line.text.strip())
        if match and stamp_at is None:
            stamp_at, number = index, match.group(1)
    if stamp_at is None:
        return None
    fields = ((ln, split_field(ln.text, SUBJECT_FIELD_RE, empty=False)) for ln in head)
    subject = next(((ln, found[1]) for ln, found in fields if found), None)
    if subject is not None:
        title_line, title = subject
    else:
        below = head[stamp_at + 1 : stamp_at + 2]
        if not below or below[0].bold != head[stamp_at].bold:
            return None
        title_line, title = below[0], below[0].text.strip()
    meeting_key = next(
        (m.key for m in ctx.found.meetings if m.kind == "agenda"), AGENDA_MEETING_KEY
    )
    return AgendaItemRecord(
        meeting_key=meeting_key,
        number=number,
        parent=None,
        title=clean(title),
        description=None,
        part=1,
        provenance=provenance(page, [title_line]),
        extractor=AgendaItemsExtractor.name,
    )


@dataclass
class _Item:
    entry: Entry
    title: str
    pages: tuple[int, int | None] | None
    part: int


def _title_like(text: str) -> bool:
    return bool(
        len(text) <= 70
        and text[:1].isupper()
        and not text.endswith((".", ":", ","))
        and not text.lower().startswith("to ")
        and not COLUMN_HEADER_RE.match(text)
        and not PART_RE.match(text)
        and not STOP_RE.match(text)
        and re.search(r"[a-z]", text)
    )


def _lost_numbers(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Items 1..N-1 printed without their numbers (the number column was lost, the first
    numbered item is N): the last N-1 title-like lines between the agenda heading and N."""
    first = entries[0] if entries else None
    if first is None or first.label is None or first.label.scheme != "arabic":
        return []
    missing = first.label.ordinal - 1
    if not 1 <= missing <= 4:
        return []
    preamble: list[tuple[Page, Line, bool]] = []  # (page, line, title-like) after the heading
    heading_seen = False
    for page in pages:
        for line in page.lines:
            if page is first.page and line is first.lines[0]:
                break
            text = line.text.strip()
            if AGENDA_HEADING_RE.match(text):
                preamble.clear()  # unnumbered items can only follow the agenda heading
                heading_seen = True
            elif _title_like(text):
                preamble.append((page, line, True))
            elif PAGE_CELL_RE.match(text) and preamble:
                preamble.append((page, line, False))
            elif preamble and preamble[-1][2] and not text[:1].isupper():
                preamble.pop()  # a wrapped sentence, not a title
        else:
            continue
        break
    candidates = [(page, line) for page, line, title in preamble if title]
    if not heading_seen or len(candidates) < missing:
        return []
    found = []
    for index, (page, line) in enumerate(candidates[-missing:], start=1):
        label = Label(printed="", number=str(index), scheme="arabic", style="", ordinal=index)
        entry = Entry.at_line(page, line, line.text.strip(), label)
        entry.body = _lines_after(page, line)[:1]
        found.append(entry)
    return found


def _lines_after(page: Page, line: Line) -> list[Line]:
    index = next(i for i, ln in enumerate(page.lines) if ln is line)
    return page.lines[index + 1 :]


def _item_of(entry: Entry, parts: dict[int, int]) -> _Item:
    title = entry.title
    pages = None
    cell = _page_cell(entry.lines[0])
    if cell:
        pages = cell
        title = title.replace(entry.lines[0].spans[-1].text.strip(), "", 1)
    elif _time_cell(entry.lines[0]):
        title = title.replace(entry.lines[0].spans[-1].text.strip(), "", 1)
    for line in entry.body[:1]:
        below = PAGE_CELL_RE.match(line.text.strip())
        if below and pages is None:
            pages = _page_range(below)
    title = _without_file_numbers(entry, title)
    match = PAGES_RE.search(title)
    if match:
        pages = _page_range(match)
        title = PAGES_RE.sub("", title)
    title = re.sub(r"\(\s*pages?\s*$", "", clean(title), flags=re.I).strip(" -–")
    return _Item(entry=entry, title=title, pages=pages, part=parts.get(id(entry.lines[0]), 1))


def _split_dash_heading(item: _Item) -> str | None:
    """'Heading - detail' whose detail runs on under the text after the dash: the title is the
    heading, the detail goes to the description."""
    entry = item.entry
    if len(entry.lines) < 2:
        return None
    split_x = _dash_split_x(entry.lines[0])
    if split_x is None or abs(entry.lines[1].x0 - split_x) >= 15:
        return None
    heading, detail = DASH_SPLIT_RE.split(item.title, maxsplit=1)
    item.title = heading
    return detail


DASHES = ("-", "–", "—")


def _split_bold_heading(item: _Item) -> str | None:
    """'Heading – detail' whose heading is set in bold and whose detail, after the dash, in
    regular type ("Playground – to receive update"): the weight change marks where the
    title ends; the detail goes to the description."""
    line = item.entry.lines[0]
    words = [
        (word, bold)
        for span in line.spans
        for word, x, bold in zip(
            span.text.split(" "), span.word_starts, span.word_bold, strict=False
        )
        if x >= item.entry.title_x - 1
    ]
    dash = next((i for i, (word, _b) in enumerate(words) if word in DASHES), None)
    if dash is None or dash == 0 or not words[0][1]:
        return None
    before, after = words[:dash], words[dash + 1 :]

    def bold_share(part: list[tuple[str, bool]]) -> float:
        letters = sum(len(word) for word, _b in part)
        return sum(len(word) for word, bold in part if bold) / letters if letters else 0.0

    if not after or bold_share(before) <= 0.5 or bold_share(after) >= 0.5:
        return None
    parts = DASH_SPLIT_RE.split(item.title, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip():
        return None
    item.title = parts[0].strip()
    return parts[1].strip()


# short function words a Title Case name keeps in lower case: capitalised inside a name
# ("... Request for Proposal At the September 13 meeting ...") they open a sentence
SENTENCE_OPENERS = frozenset(
    {"A", "An", "And", "As", "At", "By", "For", "In", "Of", "On", "The", "To"}
)
PROSE_WORD_RE = re.compile(r"[a-z][a-z'’-]{4,}[.,;:]?")  # a lower-case word of 5+ letters
NAME_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{4,}")
PROSE_WORDS = 2  # this many lower-case long words before a sentence ends make it prose


def _is_prose(words: list[str]) -> bool:
    """The words open a sentence of running text: lower-case long words before it ends."""
    found = 0
    for word in words:
        found += bool(PROSE_WORD_RE.fullmatch(word))
        if found >= PROSE_WORDS:
            return True
        if word.endswith(".") and len(word) > 3:
            return False
    return False


def _is_name(words: list[str]) -> bool:
    """Title Case: every long word capitalised ("Approval of Funding Agreement with Metro")."""
    return all(word[0].isupper() for word in words if NAME_WORD_RE.fullmatch(word.strip(",;:()")))


def _split_summary(item: _Item) -> str | None:
    """A title that runs on past a heading's length and turns from a name in Title Case (or
    capitals) into prose ("... Request for Proposal At the September 13, 2022, City Council
    Meeting, the City Council awarded ..."; "ADJOURNMENT The regular meeting ..."): the name
    is the title, the prose from where its sentence starts is the description."""
    if len(item.title) <= HEADING_MAX_CHARS:
        return None
    words = item.title.split(" ")
    capitals = 0
    while capitals < len(words) and _is_capitals_word(words[capitals]):
        capitals += 1
    cut = None
    if (
        0 < capitals < len(words)
        and re.fullmatch(r"[A-Z][a-z]+", words[capitals])
        and not words[capitals - 1].endswith(":")
        and _is_prose(words[capitals:])
    ):
        cut = capitals
    else:
        cut = next(
            (
                index
                for index in range(3, len(words))
                if words[index] in SENTENCE_OPENERS
                and not SENTENCE_END_RE.search(words[index - 1])
                and not words[index - 1].endswith(":")
                and _is_name(words[:index])
                and _is_prose(words[index:])
            ),
            None,
        )
    if cut is None:
        return None
    item.title = " ".join(words[:cut])
    return " ".join(words[cut:])


def _is_capitals_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _with_trailing_pages(items: list[_Item]) -> None:
    """In a list with a page column, a range left at the end of a title is that column."""
    if not any(item.pages for item in items):
        return
    for item in items:
        match = TRAILING_PAGES_RE.search(item.title)
        if item.pages is None and match and int(match.group(1)) <= int(match.group(2)):
            item.pages = (int(match.group(1)), int(match.group(2)))
            item.title = item.title[: match.start()]


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


def _unnumbered_rows(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Rows of the item table with an empty number cell: a record number in the cell where
    numbered rows have theirs and the title where theirs start ("| 16-0355 | PRESENTATION")."""
    cells: set[tuple[int, int]] = set()
    for entry in entries:
        spans = entry.lines[0].spans
        for span, following in zip(spans[1:], spans[2:], strict=False):
            if FILE_CELL_RE.fullmatch(span.text.strip()):
                cells.add((round(span.x0), round(following.x0)))
    if not cells:
        return []
    used = {id(line) for e in entries for line in e.lines}
    found = []
    for page in pages:
        for line in page.lines:
            spans = line.spans
            if (
                id(line) in used
                or not is_table_row(line)
                or not FILE_CELL_RE.fullmatch(spans[0].text.strip())
            ):
                continue
            at = (round(spans[0].x0), round(spans[1].x0))
            if any(
                left_aligned(at[0], [x], COLUMN_TOLERANCE)
                and left_aligned(at[1], [t], COLUMN_TOLERANCE)
                for x, t in cells
            ):
                title = " ".join(span.text.strip() for span in spans[1:])
                found.append(Entry.at_line(page, line, title))
    return found


def _before_closing(entries: list[Entry]) -> list[Entry]:
    """Unlabelled headings after the meeting's closing item ("Adjournment") with no numbered
    entry after it are the notices printed after the business (schedules, public notices)."""
    closing = None
    for index, entry in enumerate(entries):
        if ADJOURN_RE.match(entry.title):
            closing = index
        elif entry.label is not None and entry.label.printed:
            closing = None  # business goes on (a second session)
    if closing is None:
        return entries
    return entries[: closing + 1] + [e for e in entries[closing + 1 :] if e.label is not None]


def outline_items(pages: list[Page]) -> list[_Item]:
    """Items of the agenda pages in reading order: numbered entries and unnumbered headings."""
    entries = build_outline(pages, stop=STOP_RE)
    entries += unnumbered_headings(pages, entries) + _lost_numbers(pages, entries)
    entries += unnumbered_sublists(pages, entries)
    entries += indented_subheadings(pages, entries)
    entries += _unnumbered_rows(pages, entries)
    order = {page.number: index for index, page in enumerate(pages)}
    entries.sort(key=lambda e: (order[e.page.number], e.lines[0].top, e.lines[0].x0))
    parts = _parts_by_line(pages)
    items = []
    for entry in _before_closing(entries):
        if COLUMN_HEADER_RE.match(entry.title):
            continue
        if entry.label is None and (
            PART_RE.match(entry.title) or AGENDA_WORD_RE.fullmatch(entry.title.strip())
        ):
            continue  # a part heading or the agenda's own heading, not business
        items.append(_item_of(entry, parts))
    _with_trailing_pages(items)
    return items


@register
class AgendaItemsExtractor(Extractor):
    name = "agenda_items.v2"

    def extract(self, ctx: ExtractionContext) -> None:
        stamped = stamped_report_item(ctx)
        if stamped is not None:
            ctx.found.agenda_items.append(stamped)
            return
        pages = agenda_pages(ctx)
        if not pages:
            return
        meeting_key = next(
            (m.key for m in ctx.found.meetings if m.kind == "agenda"), AGENDA_MEETING_KEY
        )
        for item in outline_items(pages):
            entry = item.entry
            detail = _split_dash_heading(item) or _split_bold_heading(item) or _split_summary(item)
            description = " ".join(line.text.strip() for line in entry.body)
            if detail:
                description = f"{detail} {description}".strip()
            pages_printed = item.pages
            printed_first, printed_last = (
                (pages_printed[0], pages_printed[1] or pages_printed[0])
                if pages_printed
                else (None, None)
            )
            physical = ctx.segmentation.item_papers.get(entry.number or "")
            if physical is None and printed_first is not None:
                physical = printed_to_physical(ctx.doc.pages, printed_first, printed_last)
            ctx.found.agenda_items.append(
                AgendaItemRecord(
                    meeting_key=meeting_key,
                    number=entry.number,
                    parent=entry.parent_number,
                    title=item.title,
                    description=description or None,
                    part=item.part,
                    printed_first_page=printed_first,
                    printed_last_page=printed_last,
                    first_page=physical.first_page if physical else None,
                    last_page=physical.last_page if physical else None,
                    provenance=provenance(entry.page, entry.lines),
                    extractor=self.name,
                )
            )
