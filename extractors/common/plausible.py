"""Is a meeting's venue, body or authority shaped like one? Values that cannot be what their
column means are dropped (NULL) rather than stored.

Header extractors read labelled fields and title lines; on a layout they do not know they can
run past the field (a "venue" that is the whole agenda, 4,000 characters) or land on prose
("4. Approval of the", "above Council", "per speaker. City Hall Council Chambers"). A data team
is better served by NULL than by such a value. The checks are about shape, not about any
council's words: length, how the value starts, and traces of other fields inside it.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.common.fields import FIELD_INSIDE_RE

MAX_VENUE = 150  # longest real venue line seen: a room, a building and a full postal address
MAX_NAME = 120  # bodies and authorities: "... Overview and Scrutiny Committee" is ~80
EARLIEST_MEETING = date(1950, 1, 1)
LATEST_YEARS_AHEAD = 5  # agendas announce meetings months ahead, not years

WEB_OR_MAIL_RE = re.compile(r"@|https?://|www\.", re.I)
PHONE_RE = re.compile(r"\d[\d ()-]{7,}\d")
LONG_NUMBER_RE = re.compile(r"\d{4,}")  # a street number, ZIP or phone: an address, not a name
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b|\b\d{1,2}\s*[ap]\.m\b", re.I)
FILLER_RE = re.compile(r"^[\W_]+$")


def plausible_venue(value: str | None) -> str | None:
    """A place: starts like a name or a room number, no other labelled field or clock time
    inside."""
    if not value:
        return None
    value = value.strip(" ,;_")
    if (
        len(value) > MAX_VENUE
        or FILLER_RE.match(value)
        or not value[:1].isalnum()
        or re.match(r"\d{1,3}[.)]\s", value)  # an agenda item number: the agenda, not a place
        or FIELD_INSIDE_RE.search(value)
        or WEB_OR_MAIL_RE.search(value)
        or CLOCK_RE.search(value)  # a sentence about the meeting, not its place
    ):
        return None
    return value


def plausible_name(value: str | None) -> str | None:
    """The name of a body or an authority: starts with a capital letter, is short, and holds
    no digits-first number, label, web or mail address or phone number."""
    if not value:
        return None
    value = value.strip(" ,;:")
    if (
        len(value) > MAX_NAME
        or not value[:1].isupper()
        or FIELD_INSIDE_RE.search(value + " ")
        or WEB_OR_MAIL_RE.search(value)
        or PHONE_RE.search(value)
        or LONG_NUMBER_RE.search(value)
        or value.endswith((" of", " the", " and", " to", " for"))
    ):
        return None
    return value


def plausible_date(value: date | None, today: date | None = None) -> date | None:
    """A meeting date between 1950 and a few years from now."""
    if value is None:
        return None
    latest = date((today or date.today()).year + LATEST_YEARS_AHEAD, 12, 31)
    return value if EARLIEST_MEETING <= value <= latest else None
