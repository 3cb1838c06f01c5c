"""The meeting a set of minutes records: body, authority, date, start time and venue.

Minutes open with one sentence or a few short lines: "Minutes of a meeting of the Health and
Wellbeing Board held on Tuesday, 18th November, 2014 at Committee Suite 1, ...", "MINUTES
of a meeting of the Cabinet held in the Council Chamber, ... on Thursday, 30 January 2025",
or a title over a date line and venue lines. The start time is the one printed with the
date, else the one in "The meeting commenced at 2.00 pm" / "was called to order at 7:08 p.m.".

Minutes can also start on a page the segmenter did not take for minutes (inside an agenda
pack, or under a letterhead): a page whose first lines hold a minutes title ("FULL BOARD
MINUTES", or "MINUTES" under the body's name) over the date, or a meeting title over the date
followed by the narrative "... was called to order". A segment titled as an agenda
("AGENDA – April 24, 2019") is not minutes even when an item mentions minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.dates import DATE_RE, TIME_RE, find_time_text, parse_date
from extractors.common.minutes_layout import (
    MinuteLine,
    MinutesDocument,
    minutes_segments,
    parse_minutes,
)
from extractors.common.text import clean, council_names, provenance, title_case_if_upper
from extractors.meetings.agenda import (
    VENUE_LABEL_RE,
    is_item_line,
    label_values,
    labelled,
)
from pipeline.models import Line, MeetingRecord, Page

ATTENDANCE_START_RE = re.compile(
    r"^\W*(?:[A-Za-z/ ]{0,30}\b)?(present|in attendance|apologies|attendees|attendance|absent)\b",
    re.I,
)
MEETING_OF_RE = re.compile(r"\bmeeting of (?:the )?(?P<body>.+?)(?=\s+held\b|\s+on\b|,|\s*$)", re.I)
HELD_IN_RE = re.compile(r"\bheld (?:in|at) (?:the )?(?P<venue>.+?),? on\b", re.I)
MINUTES_WORDS_RE = re.compile(
    r"\b(regular|special|extraordinary|annual|ordinary)?\s*(meeting\s+)?minutes\b.*$", re.I
)
COMMENCED_RE = re.compile(
    r"\b(?:(?:meeting|proceedings)\s+(?:is\s+now\s+|was\s+)?(?:officially\s+)?"
    r"(?:commenced|started|began|opened)|called\s+to\s+order\b[^.]{0,80}?)\s+at\s+"
    r"(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)",
    re.I,
)
LEADING_GLUE_RE = re.compile(r"^[\s,;:–—-]*(?:(?:at|in)\s+)?(?:the\s+)?", re.I)


def meeting_key(document: MinutesDocument) -> str:
    return f"minutes:{document.segment.first_page}"


def _intro(document: MinutesDocument) -> list[MinuteLine]:
    """Header lines above the attendance list: the title, date, time and venue."""
    intro = []
    for ml in document.header:
        if ATTENDANCE_START_RE.match(ml.text):
            break
        intro.append(ml)
    return intro or document.header[:6]


def _joined(lines: list[MinuteLine]) -> str:
    """Header lines as one text: wrapped sentences joined by spaces, stacked lines by commas."""
    text = ""
    for previous, ml in zip([None, *lines], lines, strict=False):
        if previous is None:
            text = ml.text
            continue
        stacked = previous.line.x1 - previous.line.x0 < 0.5 * previous.page.width
        ends_open = previous.text.endswith((",", "-", "–")) or (
            previous.text.split()[-1].lower() in {"at", "of", "on", "and", "the", "for", "&"}
        )
        glue = ", " if stacked and not ends_open and not ml.text[:1].islower() else " "
        text += glue + ml.text
    return clean(text)


def _body(intro: list[MinuteLine], text: str) -> str | None:
    match = MEETING_OF_RE.search(text)
    if match:
        return title_case_if_upper(match.group("body").strip())
    for index, ml in enumerate(intro):
        stripped = MINUTES_WORDS_RE.sub("", ml.text).strip(" -–,")
        if MINUTES_WORDS_RE.search(ml.text):
            if stripped and not DATE_RE.search(stripped) and len(stripped.split()) > 1:
                return title_case_if_upper(stripped)
            if index > 0:
                return title_case_if_upper(intro[index - 1].text)
    if intro:
        first = DATE_RE.sub("", intro[0].text).strip(" -–,")
        return title_case_if_upper(first) or None
    return None


def _venue(text: str, date_match: re.Match[str] | None) -> str | None:
    held = HELD_IN_RE.search(text)
    if held:
        return held.group("venue").strip()
    if not date_match:
        return None
    rest = text[date_match.end() :]
    rest = TIME_RE.sub("", rest, count=1) if TIME_RE.match(rest.lstrip(" ,at")) else rest
    rest = LEADING_GLUE_RE.sub("", rest).strip(" .,")
    return rest or None


def _start_time(intro_text: str, document: MinutesDocument) -> str | None:
    date_match = DATE_RE.search(intro_text)
    after = intro_text[date_match.end() :] if date_match else intro_text
    found = TIME_RE.search(after[:40])
    if found:
        return found.group(0)
    # the sentence may wrap: "The Full Board meeting is now officially started at" / "6:06 PM"
    commenced = COMMENCED_RE.search(" ".join(ml.text for ml in document.lines))
    return commenced.group("time") if commenced else None


MINUTES_TITLE_RE = re.compile(r"^(?:[A-Z][\w&'’.,/#-]*\s+){0,6}MINUTES$")
NOT_A_MINUTES_TITLE_RE = re.compile(
    r"\b(approv|adopt|confirm|previous|receiv|sign|accept)\w*|\bminutes\s+of\b|\bof\s+minutes\b",
    re.I,
)
PAGE_HEAD_LINES = 16  # a minutes title can sit under a letterhead of a dozen lines
TITLE_TO_DATE_ROWS = 5  # the date is printed on the title or within the lines under it
# the meeting's opening told in the past tense: minutes, not a notice of what will happen
OPENED_RE = re.compile(
    r"\b(?:was|were)\s+called\s+to\s+order\b"
    r"|\b(?:meeting|proceedings)\s+(?:was\s+)?(?:commenced|opened|began)\b",
    re.I,
)
MEETING_NOISE_RE = re.compile(
    r"\b(?:regular|special|extraordinary|annual|ordinary|monthly)?\s*(?:meeting|minutes)\b", re.I
)


@dataclass
class PageMinutesHeader:
    """Minutes opening on a page the segmenter did not give to minutes."""

    page: Page
    title: list[Line]
    date_line: Line
    date_text: str
    block: list[Line]  # the title, the date and the labelled lines under them


def _date_of_line(line: Line) -> str | None:
    """The date of a short date line ("February 23, 2023", "DATE: July 18, 2024")."""
    match = DATE_RE.search(line.text)
    if not match:
        return None
    rest = line.text[: match.start()] + " " + line.text[match.end() :]
    rest = re.sub(r"^\W*date\s*:", "", rest.strip(), flags=re.I)
    rest = TIME_RE.sub("", rest)
    return match.group(0) if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 3 else None


def _is_heading(line: Line) -> bool:
    text = clean(line.text)
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and (line.bold or all(c.isupper() for c in letters))
        and len(text.split()) <= 12
        and not is_item_line(text)
    )


def _titles_minutes(lines: list[Line], index: int) -> bool:
    """A minutes title ("BOARD MINUTES", "BOARD MINUTES – May 5, 2020"). Minutes titled by the
    meeting alone are told by the account of their opening (see `pipeline/segment.py`)."""
    text = clean(lines[index].text)
    undated = clean(DATE_RE.sub(" ", text).strip(" -–—,:")).upper()
    return bool(MINUTES_TITLE_RE.match(undated))


def page_minutes_header(page: Page) -> PageMinutesHeader | None:
    """A minutes title ("BOARD MINUTES", "MINUTES", or a meeting's title over the account of
    its opening) over a date in the first lines of a page."""
    lines = page.lines[:PAGE_HEAD_LINES]
    for index, line in enumerate(lines):
        text = clean(line.text)
        if not _is_heading(line) or NOT_A_MINUTES_TITLE_RE.search(text):
            continue
        if not _titles_minutes(lines, index):
            continue
        window = lines[index : index + TITLE_TO_DATE_ROWS]
        dated = next(((ln, d) for ln in window if (d := _date_of_line(ln))), None)
        if dated is None:
            continue
        at = lines.index(dated[0])
        title = [line]
        if text.upper() == "MINUTES" and index > 0 and _is_heading(lines[index - 1]):
            title.insert(0, lines[index - 1])  # the body's name printed over "MINUTES"
        block = lines[lines.index(title[0]) : at + 5]
        return PageMinutesHeader(page, title, dated[0], dated[1], block)
    return None


def _page_meeting(header: PageMinutesHeader, extractor: str) -> MeetingRecord:
    title = clean(" ".join(ln.text for ln in header.title))
    body = MEETING_NOISE_RE.sub(" ", DATE_RE.sub(" ", title))
    body = title_case_if_upper(clean(body).strip(" -–,:"))
    block = [ln for ln in header.block if ln not in header.title]
    time_field = labelled(block, re.compile(r"^(time|start time)$", re.I))
    time_text = (
        find_time_text(time_field[1]) if time_field else find_time_text(header.date_line.text)
    )
    if not time_text:
        page_text = " ".join(ln.text for ln in header.page.lines)
        commenced = COMMENCED_RE.search(page_text)
        time_text = commenced.group("time") if commenced else None
    venue_field = labelled(block, VENUE_LABEL_RE)
    venue = venue_field[1] if venue_field else None
    if venue_field:  # an address wrapped onto the next line, indented under the value
        rows = [i for i, _j, label, _v in label_values(block) if VENUE_LABEL_RE.match(label)]
        index = rows[0] if rows else None
        if index is not None and index + 1 < len(block):
            nxt = block[index + 1]
            if nxt.x0 > block[index].x0 + 20 and not label_values([nxt]):
                venue = f"{venue} {nxt.text}"
    authorities = council_names("\n".join(ln.text for ln in header.block))
    return MeetingRecord(
        key=f"minutes:{header.page.number}",
        kind="minutes",
        authority=authorities[0] if authorities else None,
        body=body or None,
        date_text=header.date_text,
        time_text=time_text,
        venue=title_case_if_upper(clean(venue)) if venue else None,
        provenance=provenance(header.page, [*header.title, header.date_line]),
        extractor=extractor,
    )


@register
class MinutesMeetingExtractor(Extractor):
    name = "minutes_meeting.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        for segment in minutes_segments(ctx):
            document = parse_minutes(ctx, segment)
            intro = _intro(document)
            if not intro:
                continue
            text = _joined(intro)
            date_match = DATE_RE.search(text)
            if not date_match:
                continue  # without a date these are not the minutes of one meeting
            venue = _venue(text, date_match)
            time_text = _start_time(text, document)
            if venue and time_text and venue.startswith(time_text):
                venue = LEADING_GLUE_RE.sub("", venue[len(time_text) :]).strip(" .,") or None
            authorities = council_names("\n".join(ml.text for ml in intro))
            first = intro[0]
            lines = [ml.line for ml in intro if ml.page.number == first.page.number]
            ctx.found.meetings.append(
                MeetingRecord(
                    key=meeting_key(document),
                    kind="minutes",
                    authority=authorities[0] if authorities else None,
                    body=_body(intro, text),
                    date_text=date_match.group(0),
                    time_text=time_text,
                    venue=venue,
                    provenance=provenance(first.page, lines, text),
                    extractor=self.name,
                )
            )
        in_minutes = {
            number
            for segment in minutes_segments(ctx)
            for number in range(segment.first_page, segment.last_page + 1)
        }
        dates = {parse_date(m.date_text) for m in ctx.found.meetings if m.kind == "minutes"}
        for page in ctx.doc.pages:
            if page.number in in_minutes:
                continue
            header = page_minutes_header(page)
            if header is not None and parse_date(header.date_text) not in dates:
                dates.add(parse_date(header.date_text))  # a running head repeats on each page
                ctx.found.meetings.append(_page_meeting(header, self.name))
