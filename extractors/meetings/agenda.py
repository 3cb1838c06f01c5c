"""The meeting an agenda front sheet is for: authority, body, date, start time, venue.

The header of a front sheet (everything above the first agenda item) names the body in the
largest type, then the date, time and venue, either labelled ("Date:", "Venue:") or as a
sentence ("The meeting will be held at 2.00 pm on 11 September 2014") followed by the venue.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.dates import (
    TIME_RE,
    find_date_text,
    find_numeric_date,
    find_time_text,
    find_yearless_date,
    writes_month_first,
)
from extractors.common.fields import HEADER_FIELD_RE, SIDE_FIELD_RE, split_field
from extractors.common.plausible import plausible_venue
from extractors.common.spacing import BLANK_LINE, NEXT_LINE, PageType
from extractors.common.text import (
    ITEM_LINE_RE,
    clean,
    council_names,
    provenance,
    title_case_if_upper,
)
from pipeline.models import Line, MeetingRecord, Page

AGENDA_MEETING_KEY = "m1"  # the one meeting an agenda pack is for
HEADER_MAX_LINES = 25
VENUE_LABEL_RE = re.compile(
    r"^(?:meeting\s+)?(venue|place|location|where)(?:\s*/\s*address)?$", re.I
)
STOP_RE = re.compile(
    r"^(agenda|membership|members|part\s+[12i]|notice|to:|dear|summons|apologies|the agenda)\b",
    re.I,
)
BODY_NOISE_RE = re.compile(
    r"^(notice of( a)? meeting( of( the)?)?|meeting of( the)?|agenda( for)?( the)?|a meeting of"
    r"( the)?)\s+|\s+(agenda|meeting|agenda and reports|agenda pack|supplementary agenda)$",
    re.I,
)
MEETING_WORD_RE = re.compile(
    r"\b(meeting|agenda|council|committee|cabinet|board|commission|panel|assembly|session"
    r"|hearing|sub-committee|trustees|forum)\b",
    re.I,
)
# dates that are not the meeting's: when a paper was written, published or revised
NOT_MEETING_DATE_RE = re.compile(
    r"\b(report|published|publication|issued?|despatch(ed)?|dispatch(ed)?|printed|prepared|revised"
    r"|posted|written|letter|updated?)\b",
    re.I,
)
MEETING_TYPE_RE = re.compile(
    r"^\W*(?:regular|special|adjourned|annual|ordinary|extraordinary|closed|open|joint)"
    r"\s+(?:\w+\s+)?(?:meeting|session)\W*$",
    re.I,
)
HONORIFIC_RE = re.compile(r"^(mr|mrs|ms|miss|dr|cllr|councillor|councilmember)\b\.?\s", re.I)
NOT_BODY_RE = re.compile(r"\b(held on|to be held|will be held|date|time|venue)\b|^agenda$", re.I)


def is_item_line(text: str) -> bool:
    """A numbered agenda item ("1. Apologies"), not a clock time ("5:30 p.m. Closed Session")."""
    return bool(ITEM_LINE_RE.match(text)) and not TIME_RE.match(text.lstrip())


def opens_items(line: Line, page: Page) -> bool:
    """A numbered line that starts the agenda's items. Items start in the left half of the
    page; a numbered line starting right of the middle belongs to a letterhead set flush
    right (its street address, "45 Beatty Street")."""
    return is_item_line(line.text) and line.x0 < page.width / 2


def header_lines(page: Page) -> list[Line]:
    """Lines of the first page above its first numbered agenda item."""
    lines: list[Line] = []
    for line in page.lines[:HEADER_MAX_LINES]:
        if lines and opens_items(line, page):
            break
        lines.append(line)
    return lines


def span_texts(lines: list[Line]) -> list[tuple[int, int, str]]:
    """(line index, span index, text) for every span of the header, in reading order."""
    return [(i, j, span.text) for i, line in enumerate(lines) for j, span in enumerate(line.spans)]


def label_values(lines: list[Line]) -> list[tuple[int, int, str, str]]:
    """(line, span, label, value) of every "Label: value" in the header; a label alone in its
    span takes the next span of the line as its value (a form's field beside its caption)."""
    found = []
    for i, line in enumerate(lines):
        for j, span in enumerate(line.spans):
            found_field = split_field(span.text)
            if not found_field:
                continue
            label, value = found_field
            if not value and j + 1 < len(line.spans):
                value = line.spans[j + 1].text.strip()
            found.append((i, j, label, value))
    return found


def labelled(lines: list[Line], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    for i, _j, label, value in label_values(lines):
        if pattern.match(label) and value:
            return i, value
    return None


def _find_date(lines: list[Line]) -> tuple[int, int, str] | None:
    field = labelled(lines, re.compile(r"^date$", re.I))
    if field and find_date_text(field[1]):
        return field[0], 0, find_date_text(field[1]) or ""
    for i, j, text in span_texts(lines):
        found = find_date_text(text)
        if found:
            return i, j, found
    return None


def find_meeting_date(
    lines: list[Line], context: str, written_on: date | None = None
) -> tuple[tuple[int, int, str] | None, date | None]:
    """(row, span, printed date) of the meeting date in a header, and the date itself when
    the print alone does not give it: a date in figures, read the way the context (the rest
    of the document) writes its dates; a date field without a year, in the year nearest to
    when the file was written."""
    found = _find_date(lines)
    if found:
        return found, None
    for find in (_find_numeric_date(lines, context), _find_yearless_date(lines, written_on)):
        if find:
            return find
    return None, None


def _date_fields(lines: list[Line], or_meeting: bool = False) -> list[tuple[int, int, str]]:
    """Values of the header's fields labelled as the meeting's date ("Date/Time: ..."), and
    with `or_meeting` those labelled as the meeting ("COUNCIL AGENDA: 01/26/21")."""
    return [
        (i, j, value)
        for i, j, label, value in label_values(lines)
        if (re.search(r"\bdate\b", label, re.I) or (or_meeting and MEETING_WORD_RE.search(label)))
        and not NOT_MEETING_DATE_RE.search(label)
    ]


def _find_yearless_date(
    lines: list[Line], written_on: date | None
) -> tuple[tuple[int, int, str], date] | None:
    """A date field printed without its year ("Date/Time: June 6, 530pm")."""
    if written_on is None:
        return None
    for i, j, value in _date_fields(lines):
        found = find_yearless_date(value, written_on)
        if found:
            return (i, j, found[0]), found[1]
    return None


def _find_numeric_date(lines: list[Line], context: str) -> tuple[tuple[int, int, str], date] | None:
    """A date in figures labelled as the date or printed with the agenda / meeting heading
    ("COUNCIL AGENDA: 01/26/21"), read month first where the document writes its dates so."""
    month_first = writes_month_first(context)
    candidates = _date_fields(lines, or_meeting=True)
    candidates += [
        (i, j, text)
        for i, j, text in span_texts(lines)
        if MEETING_WORD_RE.search(text) and not NOT_MEETING_DATE_RE.search(text)
    ]
    for i, j, text in candidates:
        found = find_numeric_date(text, month_first)
        if found:
            return (i, j, found[0]), found[1]
    return None


def find_time(lines: list[Line]) -> tuple[int, str] | None:
    field = labelled(lines, re.compile(r"^(time|start time|starts?)$", re.I))
    if field and find_time_text(field[1]):
        return field[0], find_time_text(field[1]) or ""
    for i, _j, text in span_texts(lines):
        found = find_time_text(text)
        if found:
            return i, found
    return None


def _continues_address(previous: str, upper: Line, line: Line, kind: PageType) -> bool:
    """The address goes on: the part above ends in a comma and the line is the next one."""
    return previous.rstrip().endswith(",") and not kind.beyond(upper, line, NEXT_LINE)


def _is_prose(line: Line, reference_size: float) -> bool:
    """A sentence (a disclaimer, a note on how the meeting is held), not a place: mostly lower
    case words, or a long line in smaller type than the header it follows."""
    words = line.text.split()
    lower = sum(word[:1].islower() for word in words)
    return (len(words) >= 6 and lower * 2 > len(words)) or (
        len(words) >= 10 and line.size < reference_size - 1
    )


def _venue_after(
    lines: list[Line], after: int, span_index: int, skip: set[int], kind: PageType
) -> tuple[list[int], str]:
    """Up to three address lines printed under the date (or time) line, in its column."""
    parts: list[str] = []
    used: list[int] = []
    index = after
    column_x0 = lines[after].spans[min(span_index, len(lines[after].spans) - 1)].x0
    reference_size = lines[after].size
    while index + 1 < len(lines) and len(parts) < 3:
        nxt = lines[index + 1]
        if (index + 1 in skip or MEETING_TYPE_RE.match(nxt.text)) and not parts:
            index += 1  # the time, or the kind of meeting, printed between date and place
            continue
        text = _span_at(nxt, column_x0)
        if (
            not text
            or STOP_RE.match(text)
            or HEADER_FIELD_RE.match(text)
            or is_item_line(text)
            or find_date_text(text)
            or HONORIFIC_RE.match(text)
            or _is_prose(nxt, reference_size)
            or (parts and not _continues_address(parts[-1], lines[index], nxt, kind))
            or kind.beyond(lines[index], nxt, BLANK_LINE)
        ):
            break
        parts.append(text)
        used.append(index + 1)
        index += 1
    return used, " ".join(parts).rstrip(".")


def find_venue(
    lines: list[Line], when_rows: list[int], span_index: int, kind: PageType
) -> tuple[list[int], str]:
    """The labelled venue, else the first plausible place under the last, then the first, line
    that gives the date or time."""
    field = labelled(lines, VENUE_LABEL_RE)
    if field:
        index, value = field
        parts, used = [value], [index]
        while index + 1 < len(lines):
            nxt = lines[index + 1]
            if not _continues_address(parts[-1], lines[index], nxt, kind):
                break
            index += 1
            parts.append(nxt.spans[0].text)
            used.append(index)
        return used, " ".join(parts)
    for after in sorted(set(when_rows), reverse=True):
        used, venue = _venue_after(lines, after, span_index, set(when_rows), kind)
        if plausible_venue(clean(venue)):
            return used, venue
    return [], ""


def _span_at(line: Line, x0: float) -> str:
    """The text of a line in the column starting near x0, cut where a side column's label
    ("Telephone:", "Ask for:") begins, since header columns are not always far apart."""
    text = ""
    if len(line.spans) == 1:
        text = line.spans[0].text
    else:
        text = next((span.text for span in line.spans if abs(span.x0 - x0) < 12), "")
    label = SIDE_FIELD_RE.search(text)
    return text[: label.start()].strip() if label else text


def header_body(lines: list[Line], used: set[int]) -> tuple[list[int], str | None]:
    candidates = [
        (i, line)
        for i, line in enumerate(lines)
        if i not in used and not NOT_BODY_RE.search(line.text)
    ]
    if not candidates:
        return [], None
    biggest = max(line.size for _, line in candidates)
    chosen: list[int] = []
    for i, line in candidates:
        if line.size >= biggest - 0.5:
            if chosen and i != chosen[-1] + 1:
                break
            chosen.append(i)
    text = " ".join(lines[i].text for i in chosen)
    previous = None
    while previous != text:
        previous, text = text, BODY_NOISE_RE.sub("", text).strip()
    text = title_case_if_upper(clean(text))
    return chosen, text or None


PLACE_AUTHORITY_RE = re.compile(
    r"^(?i:the\s+)?(?i:corporation\s+of\s+the\s+)?((?:City|Town|Township|Village|County|Borough)"
    r"\s+of\s+(?:[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*){0,3})\s*$"
)


def _heading_names(pages: list[Page]) -> list[str]:
    """Council names printed as a heading or letterhead: the name is most of its line (a
    sentence or an item that mentions a council is not where the authority is named)."""
    found = []
    for page in pages:
        for line in page.lines:
            text = clean(line.text)
            for name in council_names(text):
                if len(name) * 2 >= len(text) and not re.match(r"[A-Z]\.\s", name):
                    found.append(name)
    return found


def _place_name(page: Page) -> str | None:
    """'City of Aliso Viejo', 'The Corporation of the Township of Nipissing' heading the page."""
    for line in page.lines[:HEADER_MAX_LINES]:
        match = PLACE_AUTHORITY_RE.match(title_case_if_upper(clean(line.text)))
        if match:
            return match.group(1)
    return None


def authority_of(
    ctx: ExtractionContext, front_pages: list[Page], body: str | None, mentions: bool = True
) -> str | None:
    """The body when it is a council; the city / town whose name heads the first page; a
    council named as a heading; a council the front sheet mentions (when `mentions`); else
    the council heading a later document."""
    if body and council_names(body) == [body]:
        return body
    place = _place_name(front_pages[0]) if front_pages else None
    if place:
        return place
    names = Counter(_heading_names(front_pages))
    if not names and mentions:
        names = Counter(name for page in front_pages for name in council_names(page.text))
    if names:
        return names.most_common(1)[0][0]
    for page in ctx.doc.pages[len(front_pages) :]:
        for line in page.lines[:3]:
            found = council_names(line.text)
            if found and len(clean(line.text)) <= len(found[0]) + 2:
                return found[0]
    return None


def header_meeting(
    ctx: ExtractionContext,
    page: Page,
    lines: list[Line],
    context_pages: list[Page],
    key: str,
    extractor: str,
) -> MeetingRecord:
    """The meeting a header announces: date, time and venue, the body in the largest type."""
    date_at, meeting_date = find_meeting_date(
        lines, "\n".join(p.text for p in context_pages), ctx.doc.written_on
    )
    time_at = find_time(lines)
    when_rows = [found[0] for found in (date_at, time_at) if found is not None]
    venue_rows, venue = find_venue(
        lines, when_rows, date_at[1] if date_at else 0, PageType.of(page)
    )
    used = set(venue_rows) | set(when_rows)
    body_rows, body = header_body(lines, used)
    source_rows = sorted(set(body_rows) | used)
    source = [lines[i] for i in source_rows] or lines[:1]
    return MeetingRecord(
        key=key,
        kind="agenda",
        authority=authority_of(ctx, context_pages, body),
        body=body,
        date_text=date_at[2] if date_at else None,
        meeting_date=meeting_date,
        time_text=time_at[1] if time_at else None,
        venue=title_case_if_upper(venue) or None,
        provenance=provenance(page, source),
        extractor=extractor,
    )


@register
class AgendaMeetingExtractor(Extractor):
    name = "agenda_meeting.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        front = ctx.segmentation.front_sheet
        if front is None:
            return
        front_pages = ctx.pages_of(front)
        first = front_pages[0]
        lines = header_lines(first)
        if not lines:
            return
        meeting = header_meeting(ctx, first, lines, front_pages, AGENDA_MEETING_KEY, self.name)
        ctx.found.meetings.append(meeting)
