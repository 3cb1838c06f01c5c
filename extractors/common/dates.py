"""Dates and times as councils print them: finding them in text and reading them.

"14 March 2024", "Tuesday, March 14, 2024", "01/26/21" (month first where the document writes
its dates month first), "7.30pm", "noon", "14:00". Shared by the meeting extractors, the
structure layer and the normalize stage.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import lru_cache

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# before the year: a space, or a comma with or without one ("September 14,2022" as OCR reads it)
YEAR_GAP = r"(?:,\s*|\s+)"
# "14 March 2024", "Tuesday, March 14, 2024"
DATE_RE = re.compile(
    rf"\b{WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:of\s+)?{MONTHS}\.?{YEAR_GAP}\d{{4}}"
    rf"|{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?{YEAR_GAP}\d{{4}})\b",
    re.I,
)
TIME_RE = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\b(noon|midday)\b", re.I
)
TIME_24_RE = re.compile(r"\b([01]?\d|2[0-3])[.:]([0-5]\d)\b")
# 01/26/21, 26.01.2021: a date printed in figures
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b")


# OCR misreads of figures as letters ("2gth April" for "29th April")
OCR_DIGITS = str.maketrans("OoDIl|ZzSsBgq", "0001112255899")
# a day number with its ordinal ending, holding a figure and a letter OCR may have misread
OCR_DAY = r"(?=[^\s]{0,1}\d)[\dOoDIl|ZzSsBgq]{2}(?:st|nd|rd|th)"
OCR_DATE_RE = re.compile(
    rf"\b{WEEKDAY}(?:(?P<day>{OCR_DAY}),?\s+(?:of\s+)?{MONTHS}\.?{YEAR_GAP}\d{{4}}"
    rf"|{MONTHS}\.?\s+(?P<day2>{OCR_DAY}){YEAR_GAP}\d{{4}})\b",
    re.I,
)


def find_date_text(text: str) -> str | None:
    """The first date printed in a text; else a date whose day number OCR misread as a
    letter ("Tuesday 2gth April 2014"), given with the figure put back, when that reads as a
    real date."""
    match = DATE_RE.search(text)
    if match:
        return match.group(0)
    for ocr in OCR_DATE_RE.finditer(text):
        group = "day" if ocr.group("day") else "day2"
        start, end = ocr.span(group)
        day = ocr.group(group)
        repaired = ocr.group(0)[: start - ocr.start()] + day[:2].translate(OCR_DIGITS) + day[2:]
        repaired += ocr.group(0)[end - ocr.start() :]
        if DATE_RE.fullmatch(repaired) and parse_date(repaired):
            return repaired
    return None


# "June 6", "Tuesday, 6th June": a day and month with no year after them
YEARLESS_DATE_RE = re.compile(
    rf"\b{WEEKDAY}(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTHS})\.?"
    rf"|(?P<month2>{MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!,?\s*\d{{4}})",
    re.I,
)


def find_yearless_date(text: str, near: date) -> tuple[str, date] | None:
    """A day and month printed without a year ("Date/Time: June 6, 530pm"), as printed and in
    the year that puts it nearest to `near` (when the file was written: an agenda is written
    days before its meeting, minutes weeks after)."""
    match = YEARLESS_DATE_RE.search(text)
    if not match:
        return None
    day = int(match.group("day") or match.group("day2"))
    month_name = (match.group("month") or match.group("month2")).lower()[:3]
    month = MONTH_NUMBERS[month_name]
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return match.group(0), min(candidates, key=lambda d: abs((d - near).days))


def find_numeric_date(text: str, month_first: bool) -> tuple[str, date] | None:
    """A date printed in figures, as printed and as read ('01/26/21' -> 2021-01-26)."""
    match = NUMERIC_DATE_RE.search(text)
    parsed = parse_numeric_date(match.group(0), month_first) if match else None
    return (match.group(0), parsed) if match and parsed else None


def parse_numeric_date(text: str | None, month_first: bool) -> date | None:
    """'01/26/21' -> 2021-01-26. Figures that can only be read one way are read that way;
    otherwise month first where the document writes its dates month first (US usage)."""
    match = NUMERIC_DATE_RE.search(text or "")
    if not match:
        return None
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if year < 100:
        year += 2000 if year < 70 else 1900
    if first > 12 or (second <= 12 and not month_first):
        day, month = first, second
    else:
        month, day = first, second
    try:
        return date(year, month, day)
    except ValueError:
        return None


def writes_month_first(text: str) -> bool:
    """Does a text print its dates month first ('January 20, 2021') rather than day first?"""
    month_first = day_first = 0
    for match in DATE_RE.finditer(text):
        body = re.sub(rf"^{WEEKDAY}", "", match.group(0), flags=re.I)
        if body[:1].isdigit():
            day_first += 1
        else:
            month_first += 1
    return month_first > day_first


@lru_cache(maxsize=4096)
def parse_date(text: str | None) -> date | None:
    """A printed date -> date, via dateparser (day-first, as UK agendas print them)."""
    if not text:
        return None
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def find_time_text(text: str) -> str | None:
    match = TIME_RE.search(text)
    return match.group(0) if match else None


def parse_time(text: str | None) -> time | None:
    """'2.00 pm' -> 14:00, '7.30pm' -> 19:30, '10am' -> 10:00, '14:00' -> 14:00."""
    if not text:
        return None
    match = TIME_RE.search(text)
    if match:
        if match.group(4):
            return time(12, 0)
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 12 or minute > 59:
            return None
        is_pm = match.group(3).lower().startswith("p")
        if is_pm and hour != 12:
            hour += 12
        if not is_pm and hour == 12:
            hour = 0
        return time(hour, minute)
    match = TIME_24_RE.search(text)
    return time(int(match.group(1)), int(match.group(2))) if match else None
