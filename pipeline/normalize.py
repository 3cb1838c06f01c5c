"""Stage 4, normalize: raw strings -> ISO dates, 24h times, clean titles and names, phones in
E.164 form, lowercase e-mail addresses; meeting header values that cannot be what their column
means are dropped (`extractors/common/plausible.py`)."""

from __future__ import annotations

from extractors.common.dates import parse_date, parse_time
from extractors.common.phones import clean_email, split_extension, to_e164
from extractors.common.plausible import plausible_date, plausible_name, plausible_venue
from extractors.common.text import clean
from pipeline.models import Extraction


def normalize(extraction: Extraction) -> Extraction:
    """Fill normalized fields from the raw strings extractors captured."""
    for meeting in extraction.meetings:
        meeting.meeting_date = plausible_date(meeting.meeting_date or parse_date(meeting.date_text))
        meeting.start_time = meeting.start_time or parse_time(meeting.time_text)
        meeting.authority = plausible_name(clean(meeting.authority or ""))
        meeting.body = plausible_name(clean(meeting.body or ""))
        meeting.venue = plausible_venue(clean(meeting.venue or ""))
    for item in extraction.agenda_items:
        item.title = clean(item.title)
        item.description = clean(item.description) if item.description else None
    for contact in extraction.contacts:
        contact.phone, extension = split_extension(contact.phone)
        contact.extension = contact.extension or extension
        contact.phone_e164 = contact.phone_e164 or to_e164(contact.phone)
        contact.email = clean_email(contact.email)
    return extraction
