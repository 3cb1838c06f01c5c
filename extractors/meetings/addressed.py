"""The meeting a document without an agenda front sheet is for.

A report or memo names the meeting it goes to in a field ("To: Cabinet, 30 January 2025").
A letter sending papers names it in a short line ("COUNTY COUNCIL - THURSDAY, 9 JANUARY
2025"). A notice or agenda the segmenter did not take for a front sheet prints the date on a
line of its own in the header ("*** AGENDA *** / Tuesday, March 21, 2023"). Each gives one
meeting of kind "agenda": the document is a paper for that meeting, not its record.

The date is taken in this order, so a letter's own date loses to the meeting it announces:
a date in a field or on a short line that names a meeting, body or agenda; else a line that
is only a date (with its weekday and time); else, for a paper that names the body it goes to
(a "To:" field, or a body's name as its first line), the paper's own date: the first date
printed at the top of its page, running head included ("DATE: January 20, 2021 / TO: Mayor
and City Council"; a running head "Community Grant Applications 13th March 2018" over
"Amenities, Leisure & Community Services Committee"). Dates labelled as when a paper was
written, published or revised are never the meeting's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.dates import (
    DATE_RE,
    TIME_RE,
    find_date_text,
    find_numeric_date,
    find_time_text,
    writes_month_first,
)
from extractors.common.spacing import PageType
from extractors.common.text import clean, provenance, title_case_if_upper
from extractors.meetings.agenda import (
    AGENDA_MEETING_KEY,
    BODY_NOISE_RE,
    MEETING_WORD_RE,
    NOT_MEETING_DATE_RE,
    authority_of,
    find_time,
    find_venue,
    header_body,
    header_lines,
    label_values,
    span_texts,
)
from extractors.meetings.minutes import page_minutes_header
from pipeline.models import Line, MeetingRecord, Page

ADDRESSEE_LABEL_RE = re.compile(r"^(?:to|report\s+to|meeting|committee|submitted\s+to)$", re.I)
# lines that mention another meeting ("minutes of the meeting held on ...", "next meeting")
MENTION_RE = re.compile(
    r"\b(minutes|held\s+on|next|previous|last|since|until|from|by|deadline|expires?)\b", re.I
)
BODY_END_RE = re.compile(
    r"\b(council|committee|sub-committee|cabinet|board|commission|panel|assembly|trustees"
    r"|forum|executive|authority)$",
    re.I,
)
ADDRESSEE_NOISE_RE = re.compile(
    r"^(?:the\s+)?(?:(?:chair(?:man|person)?|mayor|president)\s+(?:and|&)\s+"
    r"(?:(?:members|councillors|councilmembers)\s+of\s+(?:the\s+)?)?)",
    re.I,
)
REPORT_NOISE_RE = re.compile(r"\s+(?:staff\s+)?report$", re.I)
WEEKDAY_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
NAMED, DATE_LINE = 1, 2  # a date beside a meeting, body or agenda; a line that is only a date
PAPER_DATE = 3  # the first date at the top of a paper addressed to a body: the paper's own date
RUNNING_HEAD_ROW = -1  # the row of a date read in the running head, above the header lines
BODY_HEADING_ROWS = 6  # a paper names the body it goes to in its first lines
MOSTLY_DATE_MAX_WORDS = 3  # words beside the date on a line that is "only" a date
HEADING_ROWS = 12  # a date line of its own counts near the top of the page only
NEAR_ROWS = 3  # the start time is printed with the date or just under it
MAX_LINE_WORDS = 14


@dataclass
class Dated:
    rank: int  # NAMED, DATE_LINE or PAPER_DATE: lower is stronger evidence of the meeting's date
    row: int  # header row (RUNNING_HEAD_ROW for the running head)
    span: int
    text: str  # the date as printed
    value: date | None  # set when the print alone does not give the date (figures)
    source: str  # the span it came from


def _other_words(text: str, printed: str) -> int:
    rest = text.replace(printed, " ")
    rest = re.sub(r"^[^:]{0,30}:", " ", rest)  # a label
    rest = WEEKDAY_RE.sub(" ", TIME_RE.sub(" ", rest))
    return len(re.findall(r"[A-Za-z]{2,}", rest))


def _date_in(text: str, month_first: bool) -> tuple[str, date | None] | None:
    printed = find_date_text(text)
    if printed:
        return printed, None
    return find_numeric_date(text, month_first)


def _dates(page: Page, lines: list[Line], month_first: bool) -> list[Dated]:
    found: list[Dated] = []
    labelled_spans = set()
    for i, j, label, value in label_values(lines):
        labelled_spans.add((i, j))
        if lines[i].spans[j].text.rstrip().endswith(":"):
            labelled_spans.add((i, j + 1))  # the field's value, printed in the next span
        if NOT_MEETING_DATE_RE.search(label):
            continue
        hit = _date_in(value, month_first)
        if not hit:
            continue
        if (
            ADDRESSEE_LABEL_RE.match(label) or MEETING_WORD_RE.search(label)
        ) and not MENTION_RE.search(value):  # "To: Cabinet, 30 January 2025", "AGENDA: 01/26/21"
            found.append(Dated(NAMED, i, j, hit[0], hit[1], value))
    for i, j, text in span_texts(lines):
        if (i, j) in labelled_spans:
            continue
        printed = find_date_text(text)
        if not printed or NOT_MEETING_DATE_RE.search(text) or MENTION_RE.search(text):
            continue
        if len(text.split()) <= MAX_LINE_WORDS and MEETING_WORD_RE.search(text):
            found.append(Dated(NAMED, i, j, printed, None, text))
        elif i < HEADING_ROWS and _other_words(text, printed) <= MOSTLY_DATE_MAX_WORDS:
            found.append(Dated(DATE_LINE, i, j, printed, None, text))
    return sorted(found, key=lambda d: (d.rank, d.row))


def _paper_date(page: Page, lines: list[Line], month_first: bool) -> Dated | None:
    """The first date printed at the top of a paper, its running head read first: the date a
    paper carries is the date of the meeting it is for when nothing else names one. Dates of
    writing or publication, and mentions of other meetings, are skipped."""
    top = [ln for ln in page.margin_lines if ln.bottom < page.height / 4]
    rows = [(RUNNING_HEAD_ROW, 0, ln.text) for ln in top] + span_texts(lines)
    for i, j, text in rows:
        hit = _date_in(text, month_first)
        if hit and not NOT_MEETING_DATE_RE.search(text) and not MENTION_RE.search(text):
            return Dated(PAPER_DATE, i, j, hit[0], hit[1], text)
    return None


def _addressee(lines: list[Line]) -> tuple[int, str] | None:
    for i, _j, label, value in label_values(lines):
        if ADDRESSEE_LABEL_RE.match(label) and value:
            return i, value
    return None


def _strip_body(text: str) -> str | None:
    text = DATE_RE.sub(" ", text)
    text = re.split(r"\s[-–—]\s|,|\s\(", text)[0]
    text = ADDRESSEE_NOISE_RE.sub("", clean(text))
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    previous = None
    while previous != text:
        previous = text
        text = BODY_NOISE_RE.sub("", text).strip(" -–—,:")
        text = REPORT_NOISE_RE.sub("", text)
    text = title_case_if_upper(clean(text))
    return text if text and BODY_END_RE.search(text) else None


def _addressee_body(lines: list[Line]) -> tuple[list[int], str | None]:
    """The body named in a "To:" field ("TO: Mayor and City Council" -> City Council)."""
    addressee = _addressee(lines)
    if addressee:
        body = _strip_body(addressee[1])
        if body:
            return [addressee[0]], body
    return [], None


def _heading_body(lines: list[Line], used: set[int]) -> tuple[list[int], str | None]:
    """A body's name as one of the first lines ("Amenities, Leisure & Community Services
    Committee")."""
    for i, line in enumerate(lines[:BODY_HEADING_ROWS]):
        text = REPORT_NOISE_RE.sub("", clean(line.text))
        if len(text.split()) <= 10 and BODY_END_RE.search(text) and i not in used:
            return [i], title_case_if_upper(text)
    return [], None


def _names_a_body(lines: list[Line]) -> bool:
    """Does a paper name the body it goes to, in a "To:" field or as a first line?"""
    return bool(_addressee_body(lines)[1] or _heading_body(lines, set())[1])


def _body(lines: list[Line], dated: Dated, used: set[int]) -> tuple[list[int], str | None]:
    rows, body = _addressee_body(lines)
    if body:
        return rows, body
    if dated.rank == NAMED:
        body = _strip_body(dated.source)
        if body:
            return [dated.row], body
    rows, body = _heading_body(lines, used)
    if body:
        return rows, body
    rows, body = header_body(lines, used)
    return rows, REPORT_NOISE_RE.sub("", body) if body else None


def _time(lines: list[Line], dated: Dated) -> tuple[int, str] | None:
    same_span = find_time_text(dated.source)
    if same_span:
        return dated.row, same_span
    found = find_time(lines)
    if found and (dated.row <= found[0] <= dated.row + NEAR_ROWS or found[0] < dated.row):
        labelled_time = any(
            i == found[0] and re.search(r"time", label, re.I)
            for i, _j, label, _v in label_values(lines)
        )
        if labelled_time or dated.row <= found[0] <= dated.row + NEAR_ROWS:
            return found
    return None


def first_text_page(ctx: ExtractionContext) -> Page | None:
    return next((page for page in ctx.doc.pages[:2] if page.lines), None)


@register
class AddressedMeetingExtractor(Extractor):
    name = "addressed_meeting.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        if ctx.segmentation.front_sheet is not None:
            return
        if any(m.kind == "agenda" for m in ctx.found.meetings):
            return
        page = first_text_page(ctx)
        if page is None:
            return
        segment = ctx.segmentation.segment_of_page(page.number)
        if segment is not None and segment.kind == "minutes":
            return  # minutes: the minutes extractor reads them
        if page_minutes_header(page) is not None:
            return
        lines = header_lines(page)
        if not lines:
            return
        month_first = writes_month_first("\n".join(p.text for p in ctx.doc.pages[:3]))
        candidates = _dates(page, lines, month_first)
        if not candidates and _names_a_body(lines):
            candidates = [d for d in [_paper_date(page, lines, month_first)] if d]
        if not candidates:
            return
        dated = candidates[0]
        evidence = " ".join(line.text for line in lines)
        if dated.rank == DATE_LINE and not MEETING_WORD_RE.search(evidence):
            return  # a dated paper that names no meeting, body or agenda
        in_head = dated.row == RUNNING_HEAD_ROW
        time_at = None if in_head else _time(lines, dated)
        when_rows = [] if in_head else [dated.row]
        if time_at:
            when_rows.append(time_at[0])
        # a notice prints the place under its date line; a report names a place only in a field
        venue_rows, venue = find_venue(
            lines, when_rows if dated.rank == DATE_LINE else [], dated.span, PageType.of(page)
        )
        used = set(venue_rows) | set(when_rows)
        body_rows, body = _body(lines, dated, used)
        rows = sorted(set(body_rows) | used)
        source = [lines[i] for i in rows] or lines[:1]
        if in_head:
            source = [ln for ln in page.margin_lines if ln.text == dated.source][:1] + source
        ctx.found.meetings.append(
            MeetingRecord(
                key=AGENDA_MEETING_KEY,
                kind="agenda",
                authority=authority_of(ctx, [page], body, mentions=False),
                body=body,
                date_text=dated.text,
                meeting_date=dated.value,
                time_text=time_at[1] if time_at else None,
                venue=title_case_if_upper(venue) or None,
                provenance=provenance(page, source),
                extractor=self.name,
            )
        )
