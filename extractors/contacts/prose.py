"""Contacts offered in a sentence: "please contact the City Clerk's Office at (949) 425-2505",
"Email comments to cityclerk@hermosabeach.gov", "by calling (949) 425-2509", "Please
contact Sandra L. Moses - 444-5552" (a local number without its area code).

North American agendas rarely print a contact block; they say whom to call or write to in
the accessibility notice and the public-comment instructions. A phone or mailbox in a
sentence is a contact when the words before it in the sentence ask the reader to get in
touch (contact, call, email, submit, questions...), and not when the sentence is about joining
the meeting by telephone or video (meeting ID, passcode, dial-in, toll-free, Zoom). A phone
and a mailbox in one sentence are one contact. A number or mailbox already in a contact block
is not repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.linking import ItemLinker
from extractors.common.phones import Found, clean_email, find_emails, find_phones
from extractors.common.text import SENTENCE_BREAK_RE, provenance
from pipeline.models import ContactRecord, Line, Page

CUE_RE = re.compile(
    r"\b(contact(?:ing)?|call(?:ing)?|phone|telephone|e-?mail(?:ing)?|reach|writ(?:e|ing)"
    r"|submit(?:ted)?|sen[dt]|questions?|information|inquiries|enquiries|notify(?:ing)?"
    r"|requests?)\b",
    re.I,
)
JOINING_RE = re.compile(
    r"meeting\s+id|pass\s?code|access\s+code|participant\s+code|webinar|dial[- ]?in|toll[- ]free"
    r"|teleconference|conference\s+line|listen|zoom|webex|teams\s+meeting",
    re.I,
)
ROLE_RE = re.compile(
    r"\bcontact(?:ing)?\s+(?:the\s+)?(?P<role>(?:[A-Z][\w'’]*\s+){0,4}"
    r"(?:Office|Department|Clerk|Division|Secretary))\b"
)
CUE_WINDOW = 160  # characters of the sentence before the phone or mailbox that may ask
PHONE_CHARS = 40  # room for the phone or mailbox itself after the window


@dataclass
class _Mention:
    kind: str  # "phone" or "email"
    raw: str
    start: int
    line: Line


def _line_at(page: Page, offset: int) -> Line:
    """The line of the page's text (`Page.text`, lines joined by newlines) at `offset`."""
    return page.lines[page.text.count("\n", 0, offset)]


def _sentence(text: str, position: int) -> tuple[int, int]:
    """Bounds of the sentence holding `position`."""
    begin = 0
    for end in SENTENCE_BREAK_RE.finditer(text):
        if end.start() > position:
            return begin, end.start()
        begin = end.end()
    return begin, len(text)


def _after_cues(text: str) -> list[tuple[int, int]]:
    """Stretches of the text that follow a word asking to get in touch: only there can a
    phone or mailbox be a contact, so only there are they looked for (matching phones is
    slow)."""
    windows: list[tuple[int, int]] = []
    for cue in CUE_RE.finditer(text):
        begin, end = cue.start(), min(len(text), cue.end() + CUE_WINDOW + PHONE_CHARS)
        if windows and begin <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((begin, end))
    return windows


def prose_contacts(page: Page) -> list[tuple[str | None, str | None, str | None, list[Line]]]:
    """(role, phone, email, lines) of each contact offered in a sentence on the page."""
    text = page.text
    found: list[Found] = []
    for begin, end in _after_cues(text):
        window = text[begin:end]
        for item in find_phones(window, local=True) + find_emails(window):
            found.append(Found(item.kind, item.raw, item.start + begin, item.end + begin))
    by_sentence: dict[tuple[int, int], list[_Mention]] = {}
    for item in sorted(found, key=lambda f: f.start):
        bounds = _sentence(text, item.start)
        before = text[max(bounds[0], item.start - CUE_WINDOW) : item.start]
        if not CUE_RE.search(before) or JOINING_RE.search(text[bounds[0] : bounds[1]]):
            continue
        mention = _Mention(item.kind, item.raw, item.start, _line_at(page, item.start))
        by_sentence.setdefault(bounds, []).append(mention)
    contacts = []
    for (begin, end), mentions in by_sentence.items():
        phone = next((m.raw for m in mentions if m.kind == "phone"), None)
        email = next((m.raw for m in mentions if m.kind == "email"), None)
        role = ROLE_RE.search(text[begin:end])
        lines = list({id(m.line): m.line for m in mentions}.values())
        contacts.append((role.group("role") if role else None, phone, clean_email(email), lines))
    return contacts


def _keys(phone: str | None, email: str | None) -> set[str]:
    return {k for k in (email, re.sub(r"\D", "", phone or "") or None) if k}


@register
class ProseContactsExtractor(Extractor):
    """Runs after the contact blocks, so a number already in a block is not repeated."""

    name = "prose_contacts.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        linker = ItemLinker(ctx)
        known: set[str] = set()
        for contact in ctx.found.contacts:
            known |= _keys(contact.phone, contact.email)
        for page in ctx.doc.pages:
            for role, phone, email, lines in prose_contacts(page):
                keys = _keys(phone, email)
                if keys & known:
                    continue
                known |= keys
                ctx.found.contacts.append(
                    ContactRecord(
                        item_number=linker.papers_item(page.number, lines[0].top),
                        name=None,
                        role=role,
                        phone=phone,
                        email=email,
                        provenance=provenance(page, lines),
                        extractor=self.name,
                    )
                )
