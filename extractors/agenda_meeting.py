"""The meeting an agenda front sheet is for: authority, body, date, start time, venue.

The header of a front sheet (everything above the first agenda item) names the body in the
largest type, then the date, time and venue, either labelled ("Date:", "Venue:") or as a
sentence ("The meeting will be held at 2.00 pm on 11 September 2014") followed by the venue.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.base import ExtractionContext, Extractor, register
from extractors.text import ITEM_LINE_RE, clean, council_names, provenance, title_case_if_upper
from pipeline.models import Line, MeetingRecord, Page
from pipeline.normalize import find_date_text, find_time_text

AGENDA_MEETING_KEY = "m1"  # the one meeting an agenda pack is for
HEADER_MAX_LINES = 25
LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{1,25}?)\s*:\s*(.*)$")
VENUE_LABEL_RE = re.compile(r"^(venue|place|location|where)$", re.I)
STOP_RE = re.compile(
    r"^(agenda|membership|members|part\s+[12i]|notice|to:|dear|summons|apologies|the agenda)\b",
    re.I,
)
BODY_NOISE_RE = re.compile(
    r"^(notice of( a)? meeting( of( the)?)?|meeting of( the)?|agenda( for)?( the)?|a meeting of"
    r"( the)?)\s+|\s+(agenda|meeting|agenda and reports|agenda pack|supplementary agenda)$",
    re.I,
)
NOT_BODY_RE = re.compile(r"\b(held on|to be held|will be held|date|time|venue)\b|^agenda$", re.I)


def header_lines(page: Page) -> list[Line]:
    """Lines of the first page above its first numbered agenda item."""
    lines: list[Line] = []
    for line in page.lines[:HEADER_MAX_LINES]:
        if ITEM_LINE_RE.match(line.text) and lines:
            break
        lines.append(line)
    return lines


def _span_texts(lines: list[Line]) -> list[tuple[int, int, str]]:
    """(line index, span index, text) for every span of the header, in reading order."""
    return [(i, j, span.text) for i, line in enumerate(lines) for j, span in enumerate(line.spans)]


def _labelled(lines: list[Line], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    for i, _j, text in _span_texts(lines):
        match = LABEL_RE.match(text)
        if match and pattern.match(match.group(1).strip()) and match.group(2).strip():
            return i, match.group(2).strip()
    return None


def _find_date(lines: list[Line]) -> tuple[int, int, str] | None:
    labelled = _labelled(lines, re.compile(r"^date$", re.I))
    if labelled and find_date_text(labelled[1]):
        return labelled[0], 0, find_date_text(labelled[1]) or ""
    for i, j, text in _span_texts(lines):
        found = find_date_text(text)
        if found:
            return i, j, found
    return None


def _find_time(lines: list[Line]) -> tuple[int, str] | None:
    labelled = _labelled(lines, re.compile(r"^(time|start time|starts?)$", re.I))
    if labelled and find_time_text(labelled[1]):
        return labelled[0], find_time_text(labelled[1]) or ""
    for i, _j, text in _span_texts(lines):
        found = find_time_text(text)
        if found:
            return i, found
    return None


def _continues_address(previous: str, line: Line, gap: float) -> bool:
    return previous.rstrip().endswith(",") and gap < 2.0 * line.size


def _find_venue(lines: list[Line], after: int | None, span_index: int) -> tuple[list[int], str]:
    labelled = _labelled(lines, VENUE_LABEL_RE)
    if labelled:
        index, value = labelled
        parts, used = [value], [index]
        while index + 1 < len(lines):
            nxt = lines[index + 1]
            if not _continues_address(parts[-1], nxt, nxt.top - lines[index].top):
                break
            index += 1
            parts.append(nxt.spans[0].text)
            used.append(index)
        return used, " ".join(parts)
    if after is None:
        return [], ""
    parts, used = [], []
    index = after
    column_x0 = lines[after].spans[min(span_index, len(lines[after].spans) - 1)].x0
    while index + 1 < len(lines) and len(parts) < 3:
        nxt = lines[index + 1]
        text = _span_at(nxt, column_x0)
        if (
            not text
            or STOP_RE.match(text)
            or LABEL_RE.match(text)
            or ITEM_LINE_RE.match(text)
            or find_date_text(text)
            or (parts and not _continues_address(parts[-1], nxt, nxt.top - lines[index].top))
            or nxt.top - lines[index].top > 3.0 * nxt.size
        ):
            break
        parts.append(text)
        used.append(index + 1)
        index += 1
    return used, " ".join(parts).rstrip(".")


INLINE_LABEL_RE = re.compile(r"\s(?:[A-Z][A-Za-z]*)(?:\s[a-z]+)?\s*:(?:\s|$)")


def _span_at(line: Line, x0: float) -> str:
    """The text of a line in the column starting near x0, cut where a side column's label
    ("Telephone:", "Ask for:") begins, since header columns are not always far apart."""
    text = ""
    if len(line.spans) == 1:
        text = line.spans[0].text
    else:
        text = next((span.text for span in line.spans if abs(span.x0 - x0) < 12), "")
    label = INLINE_LABEL_RE.search(text)
    return text[: label.start()].strip() if label else text


def _body(lines: list[Line], used: set[int]) -> tuple[list[int], str | None]:
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


def authority_of(ctx: ExtractionContext, front_pages: list[Page], body: str | None) -> str | None:
    """A council named on the front sheet; else the council heading a later document."""
    if body and council_names(body) == [body]:
        return body
    names = Counter(name for page in front_pages for name in council_names(page.text))
    if names:
        return names.most_common(1)[0][0]
    for page in ctx.doc.pages[len(front_pages) :]:
        for line in page.lines[:3]:
            found = council_names(line.text)
            if found and len(clean(line.text)) <= len(found[0]) + 2:
                return found[0]
    return None


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
        date_at = _find_date(lines)
        time_at = _find_time(lines)
        when_rows = {found[0] for found in (date_at, time_at) if found is not None}
        after = max(when_rows, default=None)
        venue_rows, venue = _find_venue(lines, after, date_at[1] if date_at else 0)
        used = set(venue_rows) | when_rows
        body_rows, body = _body(lines, used)
        source_rows = sorted(set(body_rows) | used)
        source = [lines[i] for i in source_rows] or lines[:1]
        ctx.found.meetings.append(
            MeetingRecord(
                key=AGENDA_MEETING_KEY,
                kind="agenda",
                authority=authority_of(ctx, front_pages, body),
                body=body,
                date_text=date_at[2] if date_at else None,
                time_text=time_at[1] if time_at else None,
                venue=title_case_if_upper(venue) or None,
                provenance=provenance(first, source),
                extractor=self.name,
            )
        )
