"""Phone numbers and e-mail addresses in text, and phones in E.164 form.

Phones are found and validated with `phonenumbers` (Google's libphonenumber): a number counts
when it is a valid UK number, else a valid North American one (+1: the US and Canada), so
dates, amounts and reference numbers are not taken for phones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

REGIONS = ("GB", "US")  # UK packs first; "US" also covers Canadian (+1) numbers
EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'’-]*@ ?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
NON_DIGIT_RE = re.compile(r"\D")
EMAIL_TAIL_RE = re.compile(r"^\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?$")
# A North American number without its area code ("call the City Clerk's Office at 903-6304"):
# an exchange (first digit 2-9) and a line number, standing alone.
LOCAL_PHONE_RE = re.compile(r"(?<![\d-])[2-9]\d{2}-\d{4}(?![\d-])")
EXTENSION_RE = re.compile(r"[\s,;]*\b(?:ext(?:ension)?\.?|x)\s*(\d{1,6})\s*$", re.I)
GLUED_WORD_RE = re.compile(r"(?<=\d)[A-Z][a-z]+\b")  # "2144Fax": a label against a number


@dataclass(frozen=True)
class Found:
    """A phone or e-mail address in a string, with its character offsets."""

    kind: str  # "phone" or "email"
    raw: str
    start: int
    end: int


def find_phones(text: str, local: bool = False) -> list[Found]:
    """Valid phone numbers in text, in order; a digit run too short for a phone is skipped.
    With `local`, also North American seven-digit numbers ("444-5552") where no valid number
    stands: they cannot be validated, so only a caller that knows the text offers a phone (a
    sentence asking to call) should ask for them."""
    found: list[Found] = []
    if len(NON_DIGIT_RE.sub("", text)) >= 9:
        spaced, origin = _unglued(text)
        for region in REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(
                spaced, region, leniency=phonenumbers.Leniency.VALID
            ):
                start, end = origin[match.start], origin[match.end - 1] + 1
                if not _overlaps(start, end, found):
                    found.append(Found("phone", text[start:end], start, end))
    if local:
        for match in LOCAL_PHONE_RE.finditer(text):
            if not _overlaps(match.start(), match.end(), found):
                found.append(Found("phone", match.group(0), match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def _unglued(text: str) -> tuple[str, list[int]]:
    """The text with a space put between a number and a capitalised word printed against it
    ("705-724-2144Fax 705-724-5385", as OCR or a text layer joins a letterhead's fields), and
    for each of its characters the offset of that character in `text`. A number with a letter
    against it is not matched as a phone."""
    glued = {match.start() for match in GLUED_WORD_RE.finditer(text)}
    if not glued:
        return text, list(range(len(text)))
    spaced: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if index in glued:
            spaced.append(" ")
            origin.append(index)
        spaced.append(char)
        origin.append(index)
    return "".join(spaced), origin


def _overlaps(start: int, end: int, found: list[Found]) -> bool:
    return any(start < f.end and f.start < end for f in found)


def find_emails(text: str, partial_at_end: bool = False) -> list[Found]:
    """E-mail addresses; with `partial_at_end`, also an address cut at the end of the text
    before its domain's first dot ('georgina.little@kent'), for the caller to join up."""
    found = []
    for match in EMAIL_RE.finditer(text):
        raw = match.group(0).rstrip(".")
        at_end = not text[match.start() + len(raw) :].strip(" .")
        if "." in raw.split("@")[1] or (partial_at_end and at_end):
            found.append(Found("email", raw, match.start(), match.start() + len(raw)))
    return found


def split_extension(phone: str | None) -> tuple[str | None, str | None]:
    """'(408) 252-3000, ext. 200' -> ('(408) 252-3000', '200'): the number to dial and the
    extension to ask for, which `phonenumbers` reads as part of the match."""
    match = EXTENSION_RE.search(phone or "")
    if not phone or not match:
        return phone, None
    return phone[: match.start()], match.group(1)


def to_e164(phone: str | None) -> str | None:
    """'01270 686460' -> '+441270686460'; '(408) 252-3000' -> '+14082523000'; None if invalid."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    # A UK number is printed with its trunk 0 ("01270 686460"); a North American one is not
    # ("773.728.3890"), though both can read as valid numbers of the other country.
    regions = REGIONS if phone.strip().startswith("+") or digits.startswith("0") else REGIONS[::-1]
    for region in regions:
        try:
            number = phonenumbers.parse(phone, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def clean_email(email: str | None) -> str | None:
    """Lowercase, without the stray space some PDFs put after the '@'."""
    return email.replace(" ", "").lower() if email else None
