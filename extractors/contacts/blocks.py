"""Contact blocks: who to contact about an agenda or a report, with phone and e-mail.

A contact block is found from its phones and e-mail addresses (`extractors/common/phones.py`) when
they are laid out as contact details, not mentioned in a sentence: after a label ("Tel:",
"Telephone", "E-Mail:", "Contact:", "P :", "e:"), or alone in their cell or line. Phones and
addresses close together (a few lines apart, or on one table row) make one block, one phone
and one address at most; where blocks stand side by side (two phones on one line), each keeps
to its own column. A fax or textphone number is not the contact's phone.

The block's person comes from a label ("Name:", "Contact:", "Contact Officer:", "Report
Author:", "Ask for:", "Clerk :"), else from a line just above (or a cell of the same row) that
reads as a person's name; the role from "Designation:", "Job Title:", "Position:", the line
under the name, or the text after "Name," on the same line. A block with no person (a generic
mailbox such as a democratic services address, a letterhead) has name NULL. Implications
"verified by" an officer are sign-offs, not contacts for the report, and are left out.

Contacts are linked to the agenda item whose papers hold them; the front sheet's contact is
the agenda's, not an item's, so it has no item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.fields import COLON
from extractors.common.geometry import Word, line_words, words_in
from extractors.common.linking import ItemLinker
from extractors.common.nlp import is_person
from extractors.common.persons import NAME_TOKEN_RE, without_honorifics
from extractors.common.phones import EMAIL_TAIL_RE, Found, clean_email, find_emails, find_phones
from extractors.common.spacing import BLANK_LINE, NEXT_LINE, PageType
from extractors.common.tables import is_prose
from extractors.common.text import clean, provenance
from pipeline.models import ContactRecord, Line, Page

LABEL_RE = re.compile(
    r"(?<![\w-])(?P<label>(?i:contact\s+officer|contact\s+name|contact|report\s+author|author"
    r"|lead\s+officer|officer|ask\s+for|name|clerk|designation|job\s+title|position|role"
    r"|tel(?:ephone)?(?:\s*no\.?)?|phone|mobile|direct\s+(?:dial|line)(?:\s*/\s*ext\.?)?"
    r"|e-?mail|fax|textphone)|[PTMEF]|e)"
    rf"{COLON}\s*"
)
NAME_LABELS = frozenset(
    ["contact officer", "contact name", "contact", "report author", "author", "lead officer"]
    + ["officer", "ask for", "name", "clerk"]
)
ROLE_LABELS = frozenset(["designation", "job title", "position", "role"])
PHONE_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:tel(?:ephone)?|phone|mobile|direct\s+(?:dial|line)(?:\s*/\s*ext\.?)?)\.?"
    r"(?:\s*no\.?)?\s*[:.]?|\b[ptm]\s*:)\s*$"
)
EMAIL_BEFORE_RE = re.compile(r"(?i)(?:\be-?mail|\be)\s*[:.]?\s*$")
FAX_BEFORE_RE = re.compile(r"(?i)\b(?:fax|f|textphone|minicom)\s*[:.]?\s*$")
SIGN_OFF_RE = re.compile(r"(?i)\bverified\s+by\b")
NOT_NAME = frozenset(
    [
        "council",
        "councils",
        "officer",
        "officers",
        "director",
        "directors",
        "manager",
        "managers",
        "services",
        "service",
        "team",
        "report",
        "author",
        "contact",
        "contacts",
        "details",
        "detail",
        "information",
        "board",
        "committee",
        "department",
        "chief",
        "executive",
        "finance",
        "financial",
        "office",
        "offices",
        "democratic",
        "democracy",
        "relevant",
        "corporate",
        "county",
        "city",
        "borough",
        "district",
        "parish",
        "town",
        "partnership",
        "group",
        "unit",
        "clerk",
        "email",
        "e-mail",
        "tel",
        "telephone",
        "phone",
        "fax",
        "support",
        "business",
        "general",
        "counsel",
        "interim",
        "acting",
        "capital",
        "accountant",
        "operations",
        "strategy",
        "strategic",
        "policy",
        "legal",
        "officer's",
        "chair",
        "chairman",
        "mayor",
        "member",
        "members",
        "cabinet",
        "portfolio",
        "holder",
        "assistant",
        "deputy",
        "principal",
        "senior",
        "project",
        "programme",
        "commissioning",
        "health",
        "care",
        "adult",
        "adults",
        "children",
        "nhs",
        "ccg",
        "trust",
        "authority",
        "government",
        "agenda",
        "minutes",
        "meeting",
        "unrestricted",
        "restricted",
        "public",
        "date",
        "time",
        "venue",
        "dear",
        "yours",
        "sincerely",
        "regards",
        "page",
        "item",
        "appendix",
        "annex",
        "civic",
        "centre",
        "center",
        "consultation",
        "enquiries",
        "enquiry",
        "helpline",
        "mailbox",
        "website",
    ]
)
# Words that end a place's name ("Town Hall", "Church Lane", "Civic House") and are surnames as
# well ("Tom Hall", "Mary Lane", "Mark Church", "Helen Street"): a name holding one is a person's
# where the block vouches for it, by a name label or by its own e-mail address, or, when the word
# ends the name, where spaCy reads the name as a person ("Tom Hall", not "Village Hall").
PLACE_WORDS = frozenset(["road", "street", "lane", "avenue", "house", "hall", "church"])
MAX_WINDOW_LINES = 4
SAME_COLUMN = 20.0  # points between the starts of two lines of one block's column


@dataclass
class Anchor:
    """A phone or e-mail address on a page, where it sits and whether it reads as contact
    details (after a label, or alone in its cell)."""

    kind: str
    raw: str
    line: int
    last_line: int
    x0: float
    x1: float
    formatted: bool


@dataclass
class Block:
    anchors: list[Anchor] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return min(a.line for a in self.anchors)

    @property
    def last_line(self) -> int:
        return max(a.last_line for a in self.anchors)

    def get(self, kind: str) -> Anchor | None:
        return next((a for a in self.anchors if a.kind == kind), None)


# --- anchors --------------------------------------------------------------------------------


def _span_start(words: list[Word], span: int) -> int:
    return next(w.start for w in words if w.span == span)


def _wrapped_email(page: Page, index: int, found: Found, x0: float) -> tuple[str, int]:
    """'georgina.little@kent' with '.gov.uk' on the line below: one address."""
    line = page.lines[index]
    if found.end < len(line.text.rstrip()) or index + 1 >= len(page.lines):
        return found.raw, index
    below = page.lines[index + 1]
    tail = below.spans[0].text.strip()
    close = not PageType.of(page).beyond(line, below, NEXT_LINE)
    if close and abs(below.spans[0].x0 - x0) <= 20 and EMAIL_TAIL_RE.match(tail):
        return found.raw + tail.rstrip("."), index + 1
    return found.raw, index


def _line_anchors(page: Page, index: int) -> list[Anchor]:
    line = page.lines[index]
    text = line.text
    found: list[Found] = []
    offset = 0
    for span in line.spans:  # per cell: "03000 419601 | 03000 410066" are two numbers
        emails = find_emails(span.text, partial_at_end=True)
        phones = [
            p
            for p in find_phones(span.text)
            if not any(p.start < e.end and e.start < p.end for e in emails)
        ]
        found += [Found(f.kind, f.raw, f.start + offset, f.end + offset) for f in emails + phones]
        offset += len(span.text) + 1
    if not found:
        return []
    found.sort(key=lambda f: f.start)
    words = line_words(line)
    anchors = []
    for item in found:
        touched = words_in(words, item.start, item.end)
        if not touched:
            continue
        span = touched[0].span
        before = text[_span_start(words, span) : item.start]
        for other in found:  # "Contact: 07818 002157 a.b@x": the label stands before both
            before = before.replace(other.raw, "")
        if item.kind == "phone" and FAX_BEFORE_RE.search(before):
            continue
        label_re = PHONE_BEFORE_RE if item.kind == "phone" else EMAIL_BEFORE_RE
        rest = line.spans[span].text.replace(item.raw, "")
        for other in found:
            rest = rest.replace(other.raw, "")
        alone = not re.sub(r"[\W_]", "", rest)
        raw, last = item.raw, index
        if item.kind == "email":
            raw, last = _wrapped_email(page, index, item, touched[0].x0)
            if "." not in raw.split("@")[1]:
                continue  # cut short and not continued below: not an address
        anchors.append(
            Anchor(
                kind=item.kind,
                raw=raw,
                line=index,
                last_line=last,
                x0=touched[0].x0,
                x1=touched[-1].x1,
                formatted=alone or bool(label_re.search(before) or LABEL_RE.search(before)),
            )
        )
    return anchors


# --- blocks ---------------------------------------------------------------------------------


def _side_by_side(anchors: list[Anchor]) -> set[int]:
    """Lines holding two phones or two addresses: blocks there keep to their columns."""
    lines: set[int] = set()
    for kind in ("phone", "email"):
        seen: dict[int, int] = {}
        for anchor in anchors:
            if anchor.kind == kind:
                seen[anchor.line] = seen.get(anchor.line, 0) + 1
        lines |= {line for line, count in seen.items() if count > 1}
    return lines


def _fits(block: Block, anchor: Anchor, page: Page, columns: set[int]) -> bool:
    if block.get(anchor.kind) is not None:
        return False
    last = page.lines[block.last_line]
    line = page.lines[anchor.line]
    if anchor.line - block.last_line > 3 or PageType.of(page).beyond(last, line, BLANK_LINE):
        return False
    near_columns = any(k in columns for k in range(block.first_line - 1, anchor.line + 2))
    return not near_columns or any(abs(a.x0 - anchor.x0) <= 40 for a in block.anchors)


def _second_number(block: Block, anchor: Anchor, page: Page) -> bool:
    """A phone on a line of its own with its label ("Mobile : 07989 398 838") right under the
    block's phone, in its column: the same person's other number, not another contact."""
    phone = block.get("phone")
    if anchor.kind != "phone" or phone is None or anchor.line != phone.last_line + 1:
        return False
    if abs(page.lines[anchor.line].x0 - page.lines[phone.line].x0) > SAME_COLUMN:
        return False
    rest = page.lines[anchor.line].text.replace(anchor.raw, " ")
    return bool(PHONE_BEFORE_RE.search(rest.rstrip())) and not re.sub(
        r"[\W_]", "", PHONE_BEFORE_RE.sub("", rest.rstrip())
    )


def _blocks(page: Page, anchors: list[Anchor]) -> list[Block]:
    columns = _side_by_side(anchors)
    blocks: list[Block] = []
    for anchor in sorted(anchors, key=lambda a: (a.line, a.x0)):
        if any(_second_number(b, anchor, page) for b in blocks[-1:]):
            continue
        home = next((b for b in reversed(blocks) if _fits(b, anchor, page, columns)), None)
        if home is None:
            blocks.append(Block([anchor]))
        else:
            home.anchors.append(anchor)
    return blocks


# --- name and role ----------------------------------------------------------------------------


def person_name(text: str, labelled: bool = False, mailbox: str = "") -> str | None:
    """The text as a person's name ('Julie North', 'Joel.Hammond-Gant'), else None.

    A name with a word that also ends place names ("Tom Hall") needs the block to vouch for
    it: it follows a name label (`labelled`), or the block's e-mail `mailbox` (the part
    before the @) holds its surname ("tom.hall", "thall"); else spaCy must read it as a
    person's name."""
    value = clean(text).strip(" ,;:-–()")
    value = re.sub(r"(?<=[a-z])\.(?=[A-Z])", " ", value)
    tokens = without_honorifics(value.split())
    value = " ".join(tokens)
    if not 2 <= len(tokens) <= 4 or all(len(t.rstrip(".")) == 1 for t in tokens):
        return None
    surname = re.sub(r"[^a-z]", "", tokens[-1].lower())
    vouched = labelled or (len(surname) > 1 and surname in re.sub(r"[^a-z]", "", mailbox.lower()))
    words = [token.lower().strip(".") for token in tokens]
    if any(word in NOT_NAME or (word in PLACE_WORDS and not vouched) for word in words[:-1]):
        return None
    if words[-1] in NOT_NAME:
        return None
    if not all(NAME_TOKEN_RE.match(token.replace("’", "'")) for token in tokens):
        return None
    if words[-1] in PLACE_WORDS and not vouched and not is_person(value):
        return None
    return value


def _name_and_role(text: str, mailbox: str = "") -> tuple[str | None, str | None]:
    """'Paul Mountford, Executive Democratic Services Officer' -> name and role.

    An unlabelled line in capitals ('NEW YORK, NY 10012') is an address, not a person.
    """
    head, _, tail = text.partition(",")
    if head.isupper() or re.search(r"\d", tail):
        return None, None
    name = person_name(head if tail else text, mailbox=mailbox)
    role = (clean(tail).strip(" ,;:") or None) if tail and name else None
    return name, role


@dataclass
class _Cell:
    line: int
    text: str


def _cells(page: Page, lines: range, block: Block, in_columns: bool) -> list[_Cell]:
    """Text of the window's lines; in side-by-side blocks only the block's own column."""
    x0 = min(a.x0 for a in block.anchors) - 20
    x1 = max(a.x1 for a in block.anchors) + 20
    cells = []
    for index in lines:
        line = page.lines[index]
        if not in_columns:
            cells.append(_Cell(index, line.text))
            continue
        for span in line.spans:
            if span.x1 > x0 and span.x0 < x1:
                cells.append(_Cell(index, span.text))
    return cells


def _strip_anchors(text: str, block: Block) -> str:
    for anchor in block.anchors:
        text = text.replace(anchor.raw, " ")
    for found in find_emails(text) + find_phones(text):
        text = text.replace(found.raw, " ")
    return clean(text)


def _labelled(cells: list[_Cell], block: Block) -> tuple[str | None, str | None]:
    name = role = None
    for position, cell in enumerate(cells):
        matches = list(LABEL_RE.finditer(cell.text))
        for k, match in enumerate(matches):
            label = re.sub(r"\s+", " ", match.group("label").lower())
            end = matches[k + 1].start() if k + 1 < len(matches) else len(cell.text)
            value = _strip_anchors(cell.text[match.end() : end], block)
            if label in NAME_LABELS and name is None:
                name = person_name(value, labelled=True)
                if label == "clerk" and role is None:
                    role = "Clerk"
            elif label in ROLE_LABELS and role is None and value:
                role = value + _continuation(cells, position, k == len(matches) - 1)
    return name, role


def _continuation(cells: list[_Cell], position: int, last_label: bool) -> str:
    """A designation that wrapped onto the next line without a label of its own."""
    if not last_label or position + 1 >= len(cells):
        return ""
    following = cells[position + 1]
    if following.line == cells[position].line or LABEL_RE.search(following.text):
        return ""
    if person_name(following.text) or find_emails(following.text) or find_phones(following.text):
        return ""
    return " " + clean(following.text)


def _unlabelled(
    cells: list[_Cell], block: Block, row: bool
) -> tuple[str | None, str | None, int | None]:
    """A name on a line of its own, the role on the next; or a name and a role cell of the
    block's table row ('Capital Finance Manager | Jo Lee | 03000 416 939 | jo.lee@...')."""
    plain = [c for c in cells if not LABEL_RE.search(c.text)]
    email = block.get("email")
    mailbox = email.raw.partition("@")[0] if email else ""
    for position, cell in enumerate(plain):
        text = _strip_anchors(cell.text, block)
        name, role = _name_and_role(text, mailbox)
        if name is None:
            continue
        if row:
            others = [_strip_anchors(c.text, block) for c in plain if c is not cell]
            role = next((t for t in others if t and not re.search(r"\d", t)), None)
        elif role is None and position + 1 < len(plain):
            following = _strip_anchors(plain[position + 1].text, block)
            if following and not re.search(r"\d", following) and not person_name(following):
                role = following if len(following.split()) <= 10 else None
        return name, role, cell.line
    return None, None, None


def _window(page: Page, block: Block, taken: set[int]) -> range:
    """The block's lines and the few just above it that can hold its name and role."""
    first = block.first_line
    while first > 0 and block.first_line - first < MAX_WINDOW_LINES:
        above, below = page.lines[first - 1], page.lines[first]
        if (first - 1) in taken or (is_prose(above, page) and not LABEL_RE.match(above.text)):
            break
        if PageType.of(page).beyond(above, below, BLANK_LINE):
            break
        first -= 1
    return range(first, block.last_line + 1)


@dataclass
class Contact:
    page: Page
    lines: list[Line]
    name: str | None
    role: str | None
    phone: str | None
    email: str | None


def _row_cells(page: Page, block: Block) -> list[_Cell]:
    """The other cells of a table row holding the block's phone and address."""
    line = page.lines[block.first_line]
    if len(line.spans) < 2 or block.first_line != block.last_line:
        return []
    return [_Cell(block.first_line, span.text) for span in line.spans]


def page_contacts(page: Page) -> list[Contact]:
    anchors = [
        a for index in range(len(page.lines)) for a in _line_anchors(page, index) if a.formatted
    ]
    blocks = _blocks(page, anchors)
    columns = _side_by_side(anchors)
    anchor_lines = {a.line for a in anchors}
    contacts = []
    for block in blocks:
        own = {a.line for a in block.anchors}
        window = _window(page, block, anchor_lines - own)
        in_columns = any(k in columns for k in window)
        cells = _cells(page, window, block, in_columns)
        if any(SIGN_OFF_RE.search(c.text) for c in cells):
            continue
        name, role = _labelled(cells, block)
        first_line = window.start
        if name is None:
            row = _row_cells(page, block)
            found_name, found_role, at = _unlabelled(row, block, True) if row else (None,) * 3
            if found_name is None:
                found_name, found_role, at = _unlabelled(cells, block, False)
            name, role = found_name, role or found_role
            if at is not None:
                first_line = min(at, block.first_line)
        else:
            first_line = window.start
        if name is None:
            first_line = block.first_line
        phone, email = block.get("phone"), block.get("email")
        contacts.append(
            Contact(
                page=page,
                lines=page.lines[first_line : block.last_line + 1],
                name=name,
                role=role,
                phone=phone.raw if phone else None,
                email=clean_email(email.raw) if email else None,
            )
        )
    return contacts


@register
class ContactsExtractor(Extractor):
    name = "contacts.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        linker = ItemLinker(ctx)
        seen: set[tuple] = set()
        for page in ctx.doc.pages:
            segment = ctx.segmentation.segment_of_page(page.number)
            for contact in page_contacts(page):
                key = (
                    segment.first_page if segment else 0,
                    contact.name,
                    contact.email,
                    contact.phone,
                )
                if key in seen:
                    continue  # the same details repeated within one document of the pack
                seen.add(key)
                ctx.found.contacts.append(
                    ContactRecord(
                        item_number=linker.papers_item(page.number, contact.lines[0].top),
                        name=contact.name,
                        role=contact.role,
                        phone=contact.phone,
                        email=contact.email,
                        provenance=provenance(page, contact.lines),
                        extractor=self.name,
                    )
                )
