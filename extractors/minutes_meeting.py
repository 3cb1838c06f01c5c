"""The meeting a set of minutes records: body, authority, date, start time and venue.

Minutes open with one sentence or a few short lines: "Minutes of a meeting of the Health and
Wellbeing Board held on Tuesday, 18th November, 2014 at Committee Suite 1, ...", "MINUTES
of a meeting of the Cabinet held in the Council Chamber, ... on Thursday, 30 January 2025",
or a title over a date line and venue lines. The start time is the one printed with the
date, else the one in "The meeting commenced at 2.00 pm".
"""

from __future__ import annotations

import re

from extractors.base import ExtractionContext, Extractor, register
from extractors.minutes_layout import MinuteLine, MinutesDocument, minutes_segments, parse_minutes
from extractors.text import clean, council_names, provenance, title_case_if_upper
from pipeline.models import MeetingRecord
from pipeline.normalize import DATE_RE, TIME_RE

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
    r"\b(?:meeting|proceedings)\s+(?:commenced|started|began|opened)\s+at\s+"
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
    for ml in document.lines:
        commenced = COMMENCED_RE.search(ml.text)
        if commenced:
            return commenced.group("time")
    return None


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
