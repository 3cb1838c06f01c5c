"""What the structure layer made of one page's lines, for `agendas inspect`: which lines open an
agenda entry (with its number, numbering scheme and parent) or a minute, which carry on an
entry's title, which are table rows. It runs the same outline and minutes readers the
extractors run, over the segment the page is in, so a line shown as plain text here is one the
extractors did not take as an item or a minute heading.
"""

from __future__ import annotations

from extractors.agenda_items import agenda_pages, outline_items
from extractors.common.base import ExtractionContext
from extractors.common.geometry import is_table_row
from extractors.common.minutes_layout import minutes_segments, parse_minutes
from extractors.common.structure import Entry
from pipeline.models import Extraction, Page, ReadDocument
from pipeline.segment import segment_document


def structure_roles(document: ReadDocument, page_number: int) -> dict[int, str]:
    """Role of each line of the page (by `id` of the line) that has one."""
    ctx = ExtractionContext(document, segment_document(document), Extraction())
    page = document.pages[page_number - 1]
    roles: dict[int, str] = {}
    for line in page.lines:
        if is_table_row(line):
            roles[id(line)] = "row"
    pages = agenda_pages(ctx)
    if any(p.number == page_number for p in pages):
        for item in outline_items(pages):
            _entry_roles(item.entry, page, roles)
    for segment in minutes_segments(ctx):
        if not segment.first_page <= page_number <= segment.last_page:
            continue
        for minute in parse_minutes(ctx, segment).minutes:
            for index, ml in enumerate(minute.heading):
                if ml.page.number == page_number:
                    roles[id(ml.line)] = f"minute {minute.number or '-'}" if index == 0 else "title"
    return roles


def _entry_roles(entry: Entry, page: Page, roles: dict[int, str]) -> None:
    if entry.page.number != page.number:
        return
    if entry.label is None:
        head = "heading"
    else:
        head = f"entry {entry.number} ({entry.label.scheme}"
        head += f" in {entry.parent_number})" if entry.parent_number else ")"
    for index, line in enumerate(entry.lines):
        roles[id(line)] = head if index == 0 else "title"
