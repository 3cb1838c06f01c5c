"""Fields: a short label closed by a colon, then its value ("Date: 12 May 2024", "Venue:",
"Recommendation: the Committee notes ...", "Telephone: 01234 567890").

The generic shape - LABEL, COLON, VALUE - is written here once and read with `split_field`; the
extractors' readers of it differ in a few real ways, kept as named variants (each says why it
differs). Merging any two of them changes which corpus lines match: a header's field is at
most 26 characters ("Accountable Head of Service:" is not one) and takes no apostrophe
("Chair's Report: ..." is an agenda line, not a field); an attendance label broken over two
lines ends in up to 30 characters with apostrophes ("MEMBERS' QUORUM:"); an entry's details open
with a capitalised word or two; a vote or a minute's side label is in capitals; a label inside a
line starts after a space (a side column's caption) or at a word (a value holding another field).

Vocabularies of labels (attendance headings, contact labels, venue, date and time labels) stay
with their extractors: built with `vocabulary_field`, or matched against the label `split_field`
returns.

Not a field: a numbering label ("3.", "(a)") is extractors/common/structure/labels.py.
"""

from __future__ import annotations

import re

COLON = r"\s*:"  # the colon closing a label; typed and OCRed text may set spaces before it
VALUE = r"\s*(?P<value>.*)$"  # the rest of the line after the colon: the value, maybe empty
SPACE_OR_END = r"(?:\s|$)"  # a colon ending a label is followed by a space or ends the line

MAX_HEADER_LABEL = 26  # characters: "Meeting venue/address", "Contact officer", "Date"
MAX_WRAPPED_LABEL_END = 30  # characters of an attendance label's end on the next line

# A header's field, any case, letters, spaces, "/" and "-" ("Date:", "Venue/address:",
# "Ask for:"); the value may be empty (a form's field beside its caption, in the next span).
HEADER_FIELD_RE = re.compile(
    rf"^\s*(?P<label>[A-Za-z][A-Za-z /-]{{1,{MAX_HEADER_LABEL - 1}}}?){COLON}{VALUE}"
)
# The end of an attendance label too long for its line, closed by a colon on the next ("BOARD
# MEMBERS PRESENT ... NOT COUNTING TOWARD" / "QUORUM: Amy Brenna, ..."): apostrophes allowed
# ("MEMBERS' "), no "/" or "-"; the label keeps any space before the colon, the text being
# rebuilt from it.
WRAPPED_LABEL_END_RE = re.compile(rf"^(?P<label>[A-Za-z'’ ]{{1,{MAX_WRAPPED_LABEL_END}}}?):{VALUE}")
# A one- or two-word capitalised label opening an entry's details ("Recommendation: ...",
# "Reason(s):", "Wards/Divisions affected:"): no space before the colon, a space or the line
# end after it.
OPENING_FIELD_RE = re.compile(rf"^[A-Z][A-Za-z()/]+(?: [A-Za-z()/]+)?:{SPACE_OR_END}")
# A label in capitals opening a line ("AYES:", "MOTION CARRIED:"): a vote's or a minute's
# side label, not a heading. At most 21 characters.
CAPITALS_FIELD_RE = re.compile(r"^[A-Z][A-Z ]{1,20}:")
# A side column's caption met inside a header line, after a space ("... Town Hall Telephone:",
# "Ask for:"): a capitalised word and maybe one lower-case word. Never at the line's start, which
# is the line's own label.
SIDE_FIELD_RE = re.compile(rf"\s(?:[A-Z][A-Za-z]*)(?:\s[a-z]+)?{COLON}{SPACE_OR_END}")
# A one-word label inside a value ("Time: ", "Location/Address: "): the value holds another
# field, so is not one place or name. At least three letters, so "No: " and initials do not count.
FIELD_INSIDE_RE = re.compile(r"\b[A-Z][A-Za-z/]{2,}:\s")


def vocabulary_field(words: str, flags: re.RegexFlag = re.I) -> re.Pattern[str]:
    """The field shape with its label from a vocabulary (`words`, a regex of alternatives):
    "Subject: ...", "Venue: ..."."""
    return re.compile(rf"^\s*(?P<label>{words}){COLON}{VALUE}", flags)


def split_field(
    text: str, shape: re.Pattern[str] = HEADER_FIELD_RE, *, empty: bool = True
) -> tuple[str, str] | None:
    """(label, value) of a text opening with a field of `shape` (a pattern with groups label and
    value), both stripped; None if there is none, or if its value is empty and `empty` is
    False."""
    match = shape.match(text)
    if not match:
        return None
    label, value = match.group("label").strip(), match.group("value").strip()
    if not value and not empty:
        return None
    return label, value
