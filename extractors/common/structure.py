"""The structure of a run of pages: numbered entries, their nesting, and their titles.

Agendas across councils number their business in many ways ("1.", "1)", "(a)", "A.", "VII.",
"5.1", "1.01", "ITEM 3:", minute numbers such as "2659."). The rules here are about layout and
numbering only, never about a council's phrases:

- a line opens with a label; a label is an entry when it continues a list already open at
  the same indent (the next letter, numeral or number), starts a list nested under the entry
  above it (the first of its scheme, indented or at the same indent in less prominent type),
  restarts the outermost list (a second session numbered from 1 again), or repeats the
  outermost list's last number at its indent (an item printed twice);
- a nested list introduced by a lead-in sentence ("Recommended Action:", "... two matters:")
  or following running text at its parent's indent is part of that entry's text, not entries,
  unless it is numbered and indented like sub-lists already taken under earlier entries and
  the text is not a labelled field ("Recommendation: ...");
- a decimal label names its parent: "2.01" sits under "2" even where "2" is not printed;
- an entry's title runs on over the following lines while they are close (within
  ``WRAP_GAP`` line pitches), in the same type, and the line above was full or is in capitals,
  until a labelled field ("Recommendation: ...") opens the entry's details;
- an outermost list in body type before the first outermost list set as headings is a
  numbered passage of the preamble ("1. IN PERSON ... 2. ZOOM"), not business;
- headings printed in the same type and at the same indent as the outermost entries but with
  no label are entries without a number (US "CALL TO ORDER", "ROLL CALL");
- a short capitals line indented under an item, heading a block of detail lines, is a matter
  of its own (a closed-session matter under "CLOSED SESSION:").

Thresholds are in units of the page's own body type: its most common type size and the pitch
between its consecutive lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.common.dates import TIME_RE
from extractors.common.spacing import BLANK_LINE, NEXT_LINE, SIZE_TOLERANCE, PageType
from pipeline.models import Line, Page

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
X_TOLERANCE = 0.9  # body-type sizes: labels this close are at the same indent
WRAP_GAP = 1.6  # line pitches: a title runs on over lines at most this far apart
HEADING_MAX_CHARS = 100  # an unnumbered heading is a short line
UNIFORM_SHARE = 0.8  # outermost entries sharing one type when this share of them does
FULL_LINE = 0.8  # a line reaching this share of the text block's width is full
MIN_SUBLIST = 3  # one-line topics under an item: this many make a sub-list, fewer are a note
# (a presenter's name over a department)

LABEL_RE = re.compile(
    r"^(?:"
    r"(?P<item>(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?))(?P<item_num>\d{1,3}[a-z]?)\s*[:.)\-–]?\s+"
    r"|\((?P<paren>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s*"
    r"|(?P<decimal>\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|(?=[A-Z]))"
    r"|(?P<dec_letter>\d{1,3}\.[A-Z])\s+"
    r"|(?P<num>\d{1,4}[a-z]?)(?:(?P<num_punct>[.)])\s*(?=\S)|(?P<colon>:)\s+)"
    r"|(?P<bare>\d{1,3})\s+(?=[A-Z(\"'‘“])"
    r"|(?P<letter>[A-Za-z])(?P<letter_punct>[.)])\s*(?=\S)"
    r"|(?P<roman>[IVXLC]{1,7}|[ivxlc]{1,7})(?P<roman_punct>[.)])\s+(?=\S)"
    r")"
)
BOLD_WEIGHT = 1.2  # bold type outranks regular type up to this many times its size
CELL_LABEL_RE = re.compile(r"[A-Z]|\d{1,3}")  # a label set in a cell of its own
# a line ending on a function word is a phrase cut by the line end ("... Proposal for")
OPEN_END_RE = re.compile(r"\b(?:a|an|the|of|for|to|and|or|in|on|at|by|with|from)$")
FIELD_RE = re.compile(r"^[A-Z][A-Za-z()/]+(?: [A-Za-z()/]+)?:(\s|$)")  # a one- or two-word label
SENTENCE_END_RE = re.compile(r"[.;,]$")
# a section of a US agenda, itself an item: "CONSENT CALENDAR:", "PLEDGE OF ALLEGIANCE: To be
# announced" (capitals up to a colon), set left of the numbered entries or, with none, at the
# left edge of the text
SECTION_LABEL_RE = re.compile(r"^[A-Z][A-Z0-9 '’&/,()-]{2,70}:(\s|$)")
MIN_SECTION_LABELS = 3
STAGE_LOOKBACK = 8  # lines: a stage heading is this close above the first entry under it


@dataclass(frozen=True)
class Label:
    """A numbering label at the start of a line, one reading of it ("C." is a letter or 100)."""

    printed: str  # as printed: "5.", "(a)", "VII.", "1.01", "Item 3:"
    number: str  # without brackets and trailing punctuation: "5", "a", "VII", "1.01", "3"
    scheme: str  # arabic, decimal, upper, lower, roman_upper, roman_lower
    style: str  # punctuation around it: ".", ")", "()", ":", " ", "item", "decimal"
    ordinal: int  # position in its list: 5 -> 5, "c" -> 3, "IV" -> 4; 1.02 -> 2
    prefix: str = ""  # a decimal label's parent number ("4" of "4.1")
    suffix: str = ""  # a letter after an arabic number ("3a" -> "a")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.scheme, self.style, self.prefix if self.scheme == "decimal" else "")


def _roman_value(text: str) -> int | None:
    values = [ROMAN_VALUES.get(ch) for ch in text.lower()]
    if None in values:
        return None
    total = 0
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value  # type: ignore[operator]
    return total if total > 0 else None


def parse_labels(text: str) -> tuple[list[Label], str]:
    """Every reading of the label opening ``text`` (none when it has no label), and the rest."""
    match = LABEL_RE.match(text.strip())
    if not match:
        return [], text
    rest = text.strip()[match.end() :]
    printed = match.group(0).strip()
    groups = match.groupdict()
    if groups["item_num"]:
        number = groups["item_num"]
        return [_arabic(printed, number, "item")], rest
    if groups["decimal"]:
        parts = groups["decimal"].split(".")
        return [
            Label(
                printed=printed,
                number=groups["decimal"],
                scheme="decimal",
                style="decimal",
                ordinal=int(parts[-1]),
                prefix=".".join(parts[:-1]),
            )
        ], rest
    if groups["dec_letter"]:
        prefix, letter = groups["dec_letter"].split(".")
        ordinal = ord(letter.lower()) - ord("a") + 1
        label = Label(printed, groups["dec_letter"], "decimal", "decimal", ordinal, prefix)
        return [label], rest
    if groups["num"]:
        return [_arabic(printed, groups["num"], groups["num_punct"] or ":")], rest
    if groups["bare"]:
        return [_arabic(printed, groups["bare"], " ")], rest
    if groups["paren"]:
        return _letter_or_roman(printed, groups["paren"], "()"), rest
    if groups["letter"]:
        return _letter_or_roman(printed, groups["letter"], groups["letter_punct"]), rest
    if groups["roman"]:
        return _letter_or_roman(printed, groups["roman"], groups["roman_punct"]), rest
    return [], text


def cell_labels(line: Line) -> tuple[list[Label], str] | None:
    """A label alone in the first cell of a table row ("A | 16-0361 | Approve ..."): its
    readings, and the text of the other cells."""
    if len(line.spans) < 2:
        return None
    token = line.spans[0].text.strip()
    if not CELL_LABEL_RE.fullmatch(token):
        return None
    rest = " ".join(span.text.strip() for span in line.spans[1:])
    return _letter_or_roman(token, token, " "), rest  # set apart like a bare "3 Title"


def _arabic(printed: str, number: str, style: str) -> Label:
    digits = re.match(r"\d+", number).group(0)  # type: ignore[union-attr]
    return Label(
        printed=printed,
        number=number,
        scheme="arabic",
        style=style,
        ordinal=int(digits),
        suffix=number[len(digits) :].lower(),
    )


def _letter_or_roman(printed: str, token: str, style: str) -> list[Label]:
    if token.isdigit():
        return [_arabic(printed, token, style)]
    readings = []
    case = "upper" if token.isupper() else "lower"
    if len(token) == 1:
        readings.append(Label(printed, token, case, style, ord(token.lower()) - ord("a") + 1))
    roman = _roman_value(token)
    if roman is not None:
        readings.append(Label(printed, token, f"roman_{case}", style, roman))
    return readings


@dataclass
class Entry:
    """One entry of the outline: its label (None for an unnumbered heading) and title lines."""

    label: Label | None
    page: Page
    lines: list[Line]
    title: str
    x: float  # where the label (or the heading) starts
    title_x: float  # where the title text starts
    size: float
    bold: bool
    parent: Entry | None = None
    body: list[Line] = field(default_factory=list)
    title_done: bool = False

    @classmethod
    def at_line(cls, page: Page, line: Line, title: str, label: Label | None = None) -> Entry:
        """An entry that is one line, its title starting where the line does."""
        return cls(
            label=label,
            page=page,
            lines=[line],
            title=title,
            x=line.x0,
            title_x=line.x0,
            size=line.size,
            bold=line.bold,
        )

    @property
    def number(self) -> str | None:
        return self.label.number if self.label else None

    @property
    def parent_number(self) -> str | None:
        """A decimal label names its parent ("2" of "2.01") even when "2" is not printed."""
        if self.label is not None and self.label.scheme == "decimal":
            return self.label.prefix
        return self.parent.number if self.parent else None

    def prominence(self) -> tuple[float, bool]:
        return (round(self.size, 1), self.bold)


def _title_x(line: Line, label: Label) -> float:
    """x of the first word after the label."""
    starts = [x for span in line.spans for x in span.word_starts]
    words = len(label.printed.split())
    return starts[words] if len(starts) > words else line.x1


def _more_prominent(a: tuple[float, bool], b: tuple[float, bool]) -> bool:
    """a is set in clearly larger type than b (and not in regular type against b's bold, unless
    much larger), or in bold at the same size."""
    if b[1] and not a[1] and a[0] <= b[0] * BOLD_WEIGHT:
        return False
    return a[0] > b[0] + SIZE_TOLERANCE or (
        abs(a[0] - b[0]) <= SIZE_TOLERANCE and a[1] and not b[1]
    )


@dataclass
class _List:
    """An open list: its label key, indent and last ordinal."""

    key: tuple[str, str, str]
    x: float
    ordinal: int
    entry: Entry


class OutlineBuilder:
    """Reads lines in order and keeps a stack of open lists (outermost first)."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.stack: list[_List] = []
        self.since_entry: list[Line] = []  # non-entry lines since the last entry's title
        # nested lists already taken as sub-items: (label key, indent) of each
        self.sublists: list[tuple[tuple[str, str, str], float]] = []

    def feed(
        self,
        page: Page,
        line: Line,
        kind: PageType,
        previous: Line | None,
        right: float,
        only_continue: bool = False,
    ) -> Entry | None:
        if previous is not None and _runs_on(previous, line, kind, right):
            return None
        labels, rest = cell_labels(line) or parse_labels(line.text)
        tolerance = X_TOLERANCE * kind.size
        for label in labels:
            placed = self._place(label, line, rest, tolerance)
            if placed is not None and (placed[1] == "continue" or not only_continue):
                depth, action = placed
                return self._add(page, line, label, rest, depth, action)
        return None

    def _place(
        self, label: Label, line: Line, rest: str, tolerance: float
    ) -> tuple[int, str] | None:
        if not rest.strip() or not re.search(r"[A-Za-z]", rest):
            return None
        prominence = (round(line.size, 1), line.bold)
        for depth in range(len(self.stack) - 1, -1, -1):
            open_list = self.stack[depth]
            if abs(line.x0 - open_list.x) <= tolerance and self._continues(open_list, label):
                return depth, "continue"
        if not self.stack:
            return 0, "start"
        top = self.stack[0]
        if self._repeats(top, label) and abs(line.x0 - top.x) <= tolerance:
            return 0, "continue"  # the last outermost number printed again: one more entry
        for depth in range(len(self.stack) - 1, 0, -1):
            nested = self.stack[depth]
            if (
                label.key == nested.key
                and label.ordinal == 1
                and abs(line.x0 - nested.x) <= tolerance
                and self._after_subheading()
            ):
                return depth, "continue"  # lettering restarted under a sub-heading
        lone = len(self.stack) == 1 and self.entries[-1] is top.entry and top.ordinal > 1
        lone = lone and sum(e.parent is None for e in self.entries) == 1
        if label.ordinal == 1 and lone:
            return 0, "replace"  # a stray number before the list: the list starts here
        if label.key == top.key and label.ordinal == 1 and abs(line.x0 - top.x) <= tolerance:
            return 0, "restart"
        deepest = self.stack[-1].entry
        if self._starts_child(label, deepest) and line.x0 >= deepest.x - tolerance:
            same_indent = line.x0 <= deepest.x + tolerance
            if _more_prominent(prominence, deepest.prominence()):
                return None if not same_indent else (0, "restart")
            if label.key in {lst.key for lst in self.stack}:
                return None
            if self._in_running_text(same_indent, prominence) and not self._like_sublists(
                label, line, tolerance
            ):
                return None
            return len(self.stack), "child"
        if label.scheme == "decimal" and label.ordinal == 1 and label.prefix.isdigit():
            return 0, "implied"  # "2.01" under a "2" that is not printed
        outdented = line.x0 <= top.x + tolerance and label.scheme != "decimal"
        if (
            label.ordinal == 1
            and outdented
            and not _more_prominent(top.entry.prominence(), prominence)
        ):
            return 0, "restart"
        return None

    @staticmethod
    def _continues(open_list: _List, label: Label) -> bool:
        if open_list.key[1] == "*" and label.scheme == "arabic":
            return label.ordinal == open_list.ordinal + 1
        if label.key != open_list.key:
            return False
        if label.scheme == "arabic" and label.suffix:
            last = open_list.entry.label
            same_number = label.ordinal == open_list.ordinal and last is not None
            return (same_number and label.suffix > (last.suffix or "")) or (
                label.ordinal == open_list.ordinal + 1 and label.suffix == "a"
            )
        return label.ordinal == open_list.ordinal + 1

    @staticmethod
    def _repeats(open_list: _List, label: Label) -> bool:
        """The label is the open list's last number again, in the same style."""
        last = open_list.entry.label
        return (
            label.key == open_list.key
            and label.ordinal == open_list.ordinal
            and last is not None
            and label.number == last.number
        )

    @staticmethod
    def _starts_child(label: Label, parent: Entry) -> bool:
        if label.scheme == "decimal":
            return parent.label is not None and label.prefix == parent.label.number
        return label.ordinal == 1

    def _like_sublists(self, label: Label, line: Line, tolerance: float) -> bool:
        """The list is numbered and indented like sub-lists already taken under earlier
        entries (I.1-2, J.1-3 ... then M.1-7 after a lead-in sentence): it is one more,
        unless the text before it is a labelled field ("RECOMMENDATION: ... Council:"),
        whose clauses are the entry's details."""
        if any(FIELD_RE.match(text.text.strip()) for text in self.since_entry):
            return False
        return any(
            key[:2] == label.key[:2] and abs(line.x0 - x) <= tolerance for key, x in self.sublists
        )  # scheme and punctuation: a decimal sub-list's prefix is its own parent's number

    def _after_subheading(self) -> bool:
        """A short bold heading stands between the last entry and this one ("FIRST READING:",
        "BOARD ORDERS, RULES, FEES OR REGULATIONS:"): a nested list numbered from 1 again
        under it goes on under the same parent."""
        return any(
            line.bold
            and len(line.text.strip()) <= HEADING_MAX_CHARS
            and (_is_capitals(line.text) or line.text.strip().endswith(":"))
            and not parse_labels(line.text)[0]
            for line in self.since_entry
        )

    def _in_running_text(self, same_indent: bool, prominence: tuple[float, bool]) -> bool:
        """A nested list after a lead-in ("...as follows:"), or after running text at its
        parent's own indent and in that text's type, belongs to the parent's text."""
        if not self.since_entry:
            return False
        last = self.since_entry[-1].text.strip()
        if last.endswith(":") and not last.isupper():
            return True
        if same_indent:
            return any(
                not line.bold
                and not line.text.isupper()
                and len(line.text) > 40
                and not _more_prominent(prominence, (round(line.size, 1), line.bold))
                for line in self.since_entry
            )
        return False

    def _add(
        self, page: Page, line: Line, label: Label, rest: str, depth: int, action: str
    ) -> Entry:
        if action == "replace":
            self.entries.remove(self.stack[0].entry)
        outer_x = self.stack[0].x if self.stack else line.x0
        if action in ("restart", "replace", "implied"):
            self.stack.clear()
            depth = 0
        if action == "implied":
            self._open_implied(page, line, label, outer_x)
            depth = 1
        del self.stack[depth + 1 :]
        parent = self.stack[depth - 1].entry if depth > 0 and len(self.stack) >= depth else None
        if action == "continue":
            parent = self.stack[depth].entry.parent
        entry = Entry(
            label=label,
            page=page,
            lines=[line],
            title=rest.strip(),
            x=line.x0,
            title_x=_title_x(line, label),
            size=line.size,
            bold=line.bold,
            parent=parent,
        )
        opened = _List(key=label.key, x=line.x0, ordinal=label.ordinal, entry=entry)
        if action == "child":
            self.sublists.append((label.key, line.x0))
        if action == "continue":
            self.stack[depth] = opened
        else:
            self.stack.append(opened)
        self.entries.append(entry)
        self.since_entry = []
        return entry

    def _open_implied(self, page: Page, line: Line, label: Label, x: float) -> None:
        """The unprinted entry a decimal label names ("2" of "2.01"), at the
        indent of the outermost list it takes over from."""
        number = label.prefix
        implied = Label(printed="", number=number, scheme="arabic", style="*", ordinal=int(number))
        entry = Entry.at_line(page, line, "", implied)
        self.stack.append(_List(key=implied.key, x=x, ordinal=implied.ordinal, entry=entry))

    def note_text(self, line: Line) -> None:
        self.since_entry.append(line)


def _runs_on(previous: Line, line: Line, kind: PageType, right: float) -> bool:
    """The line carries on a sentence from a full line just above it in the same type, so a
    number at its start ("(9) copies") is part of that sentence, not a label."""
    if line.top - previous.top > WRAP_GAP * kind.pitch or abs(line.size - previous.size) > 0.3:
        return False
    if line.bold != previous.bold:
        return False
    if abs(line.x0 - previous.x0) > X_TOLERANCE * kind.size:
        return False
    text = previous.text.rstrip()
    full = previous.x1 >= previous.x0 + FULL_LINE * (right - previous.x0)
    return full and not text.endswith((".", ":", ";", "!", "?")) and not parse_labels(text)[0]


def drop_body_type_lists(entries: list[Entry], pages: list[Page]) -> list[Entry]:
    """Where the outermost entries are headings (bold or larger than the body type), an
    outermost list in the body type before the first of them is a numbered passage of the
    preamble ("1. IN PERSON ... 2. ZOOM"), not business: drop it with everything under it."""
    body = {page.number: PageType.of(page) for page in pages}

    def heading(entry: Entry) -> bool:
        kind = body[entry.page.number]
        return entry.bold or entry.size > kind.size + SIZE_TOLERANCE

    outer = [e for e in entries if e.parent is None and e.label is not None]
    if not any(heading(e) for e in outer):
        return entries
    lists: list[list[Entry]] = []
    for entry in outer:
        starts = not lists or entry.label.ordinal == 1 or lists[-1][-1].label.key != entry.label.key
        if starts:
            lists.append([entry])
        else:
            lists[-1].append(entry)
    first_heading = next(i for i, group in enumerate(lists) if any(heading(e) for e in group))
    dropped = {id(e) for group in lists[:first_heading] for e in group}

    def root(entry: Entry) -> Entry:
        return entry if entry.parent is None else root(entry.parent)

    return [e for e in entries if id(root(e)) not in dropped]


def continues_title(entry: Entry, previous: Line, line: Line, kind: PageType, right: float) -> bool:
    """The line carries on the entry's title: close below it, same type, aligned under the
    title, and the line above was full or the title is set in capitals."""
    if entry.title_done:
        return False
    if line.top - previous.top > WRAP_GAP * kind.pitch:
        return False
    if abs(line.size - entry.size) > SIZE_TOLERANCE or line.bold != entry.bold:
        return False
    if line.x0 < entry.x - X_TOLERANCE * kind.size:
        return False
    if parse_labels(line.text)[0] and line.x0 <= entry.title_x + X_TOLERANCE * kind.size:
        return False
    if FIELD_RE.match(line.text.strip()) and not OPEN_END_RE.search(previous.text):
        return False  # "Recommendation: ..." opens the entry's details
    width = right - entry.x
    full = previous.x1 >= entry.x + FULL_LINE * width
    capitals = _is_capitals(previous.text) and _is_capitals(line.text)
    heading = _more_prominent((round(entry.size, 1), entry.bold), (kind.size, False))
    return full or capitals or heading


def _section_labels(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """An agenda without numbered entries: its sections are capitals labels ending in a colon
    at the left edge of the text ("CALL TO ORDER:", "REPORTS:"), when there are several."""
    used = {id(line) for e in entries for line in e.lines}
    found = []
    for page in pages:
        if not page.lines:
            continue
        left = min(line.x0 for line in page.lines)
        kind = PageType.of(page)
        for line in page.lines:
            if id(line) in used or line.x0 > left + X_TOLERANCE * kind.size:
                continue
            if _is_section_label(page, line, kind):
                found.append(Entry.at_line(page, line, line.text.strip()))
    if len(found) < MIN_SECTION_LABELS:
        return []
    return sorted(found + _capitals_sections(pages, found, used), key=_reading_order(pages))


def _reading_order(pages: list[Page]) -> Callable[[Entry], tuple[int, float]]:
    """Sort key of entries in the pages' reading order."""
    order = {page.number: index for index, page in enumerate(pages)}
    return lambda entry: (order[entry.page.number], entry.lines[0].top)


def _capitals_sections(pages: list[Page], labels: list[Entry], used: set[int]) -> list[Entry]:
    """Between the first and the last capitals section label, a short capitals line set at
    their indent is a section too, though printed without the colon ("CLERK", "EXECUTIVE
    SESSION - IF NEEDED")."""
    key = _reading_order(pages)
    first, last = min(labels, key=key), max(labels, key=key)
    taken = {id(entry.lines[0]) for entry in labels}
    found = []
    for page in pages:
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        low = min(e.x for e in labels) - tolerance
        high = max(e.x for e in labels) + tolerance
        for index, line in enumerate(page.lines):
            text = line.text.strip()
            if id(line) in used or id(line) in taken or not low <= line.x0 <= high:
                continue
            entry = Entry.at_line(page, line, text)
            if not key(first) < key(entry) < key(last):
                continue
            if (
                len(line.spans) > 1
                or len(text) > HEADING_MAX_CHARS
                or not _is_capitals(text)
                or SENTENCE_END_RE.search(text)
                or is_banner(text)
                or parse_labels(text)[0]
            ):
                continue
            if index and _runs_on(page.lines[index - 1], line, kind, _right_edge(pages)):
                continue
            found.append(entry)
    return found


def _is_section_label(page: Page, line: Line, kind: PageType) -> bool:
    """A short line that opens with a capitals label and a colon, in one run of text (a memo
    field with its value in a column, "DATE:    1 May", is not a section) and not carrying on
    a sentence from a full line above it."""
    text = line.text.strip()
    if len(text) > HEADING_MAX_CHARS or len(line.spans) > 1 or not SECTION_LABEL_RE.match(text):
        return False
    index = next(i for i, candidate in enumerate(page.lines) if candidate is line)
    right = max(candidate.x1 for candidate in page.lines)
    return index == 0 or not _runs_on(page.lines[index - 1], line, kind, right)


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def is_banner(text: str) -> bool:
    """A session banner ("5:00 PM - CLOSED SESSION") is a time, not business."""
    return bool(TIME_RE.match(text.strip()))


def _right_edge(pages: list[Page]) -> float:
    """Where the text of the pages ends on the right: lines reaching near it are full."""
    return max((ln.x1 for p in pages for ln in p.lines), default=0.0)


def build_outline(pages: list[Page], stop: re.Pattern[str] | None = None) -> list[Entry]:
    """Numbered entries of the pages in reading order, with titles, bodies and parents."""
    builder = OutlineBuilder()
    right = _right_edge(pages)
    quiet = False
    for page in pages:
        kind = PageType.of(page)
        previous: Line | None = None
        for line in page.lines:
            if stop is not None and builder.entries and stop.match(line.text.strip()):
                quiet = True  # a contact block: nothing until the list goes on
                builder.entries[-1].title_done = True
            entry = builder.feed(page, line, kind, previous, right, only_continue=quiet)
            if entry is not None:
                quiet = False
            elif quiet:
                previous = line
                continue
            if entry is None:
                last = builder.entries[-1] if builder.entries else None
                if (
                    last is not None
                    and previous is not None
                    and last.page is page
                    and not builder.since_entry
                    and continues_title(last, previous, line, kind, right)
                ):
                    last.lines.append(line)
                    last.title += " " + line.text.strip()
                else:
                    if last is not None:
                        last.title_done = True
                        last.body.append(line)
                    builder.note_text(line)
            previous = line
    return drop_body_type_lists(builder.entries, pages)


def unnumbered_headings(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Lines set like the outermost entries (same type, same indent) that carry no label: in
    capitals or ending with a colon, or anywhere after the first entry when the outermost
    entries all share one type."""
    outer = [e for e in entries if e.parent is None]
    if len(outer) < 2:
        return _section_labels(pages, entries)
    styles = Counter((round(e.size, 1), e.bold) for e in outer)
    (size, bold), count = styles.most_common(1)[0]
    uniform = count >= UNIFORM_SHARE * len(outer)
    first = outer[0]
    shared = {style for style, n in styles.items() if n >= 2}
    indents = Counter(round(e.x) for e in outer)
    indent = indents.most_common(1)[0][0]
    used = {id(line) for e in entries for line in e.lines}
    right = _right_edge(pages)
    body_size = _body_size(pages)
    body_entries = all(
        not st[1] and abs(st[0] - body_size) <= SIZE_TOLERANCE for st in shared | {(size, bold)}
    )
    stages = _stage_styles([e for e in outer if e.label is not None])
    found: list[Entry] = []
    for page in pages:
        kind = PageType.of(page)
        body = (kind.size, False)
        styles_here = {st for st in shared | {(size, bold)} if _more_prominent(st, body) or st[1]}
        tolerance = X_TOLERANCE * kind.size
        for line in page.lines:
            text = line.text.strip()
            if id(line) in used:
                continue
            if stages and _stage_heading(line, stages):
                found.append(Entry.at_line(page, line, text))
                continue
            if line.x0 < indent - tolerance:
                if _is_section_label(page, line, kind):
                    found.append(Entry.at_line(page, line, text))
                continue
            if abs(line.x0 - indent) > tolerance:
                continue
            if body_entries:  # entries in body type: only a stand-alone title-case line
                if _body_heading(page, line, (size, bold), kind, right):
                    found.append(Entry.at_line(page, line, text))
                continue
            if not styles_here:
                continue  # entries in body type on this page: an unlabelled line is text
            style = next(
                (
                    st
                    for st in styles_here
                    if abs(line.size - st[0]) <= SIZE_TOLERANCE and line.bold == st[1]
                ),
                None,
            )
            if style is None:
                continue
            if len(text) > HEADING_MAX_CHARS or is_banner(text) or SENTENCE_END_RE.search(text):
                continue
            if not re.search(r"[A-Za-z]{2}", text) or parse_labels(text)[0]:
                continue
            after_first = (page.number, line.top) > (first.page.number, first.lines[0].top)
            main_style = style == (size, bold)
            if not (
                _is_capitals(text) or text.endswith(":") or (uniform and main_style and after_first)
            ):
                continue
            found.append(Entry.at_line(page, line, text))
    return found


def _body_heading(
    page: Page, line: Line, style: tuple[float, bool], kind: PageType, right: float
) -> bool:
    """Where the numbered entries are set in body type, an unlabelled line at their indent and
    in their type is a heading when it stands alone (a paragraph of one short line: well apart
    from the lines around it or in other type) and reads as a title (Title Case, no sentence
    end): "Call to Order", "Oral Communications   7:10 -7:25 PM"."""
    text = line.text.strip()
    if abs(line.size - style[0]) > SIZE_TOLERANCE or line.bold != style[1]:
        return False
    if len(text) > HEADING_MAX_CHARS or SENTENCE_END_RE.search(text) or text.endswith(":"):
        return False
    if line.x1 >= line.x0 + FULL_LINE * (right - line.x0) and len(line.spans) == 1:
        return False  # a full line is a line of a paragraph
    if is_banner(text) or parse_labels(text)[0] or not _title_case(line.spans[0].text):
        return False
    index = next(i for i, candidate in enumerate(page.lines) if candidate is line)
    for neighbour in (page.lines[index - 1 : index], page.lines[index + 1 : index + 2]):
        for other in neighbour:
            same_type = abs(other.size - line.size) <= SIZE_TOLERANCE
            if same_type and abs(other.top - line.top) <= WRAP_GAP * kind.pitch:
                return False
    return True


def _stage_styles(outer: list[Entry]) -> set[tuple[float, bool]]:
    """The type of the headings that group the numbered entries into stages of the meeting
    ("CONSENT CALENDAR" over "1.", "PUBLIC HEARING" over "8."): the nearest capitals line
    above an outermost entry, set larger than it, when two or more entries have one."""
    styles: Counter[tuple[float, bool]] = Counter()
    for entry in outer:
        page = entry.page
        index = next(i for i, line in enumerate(page.lines) if line is entry.lines[0])
        for line in reversed(page.lines[max(0, index - STAGE_LOOKBACK) : index]):
            if parse_labels(line.text)[0]:
                break
            if line.size > entry.size + SIZE_TOLERANCE and _is_capitals(line.text):
                styles[(round(line.size, 1), line.bold)] += 1
                break
    return {style for style, n in styles.items() if n >= 2}


def _stage_heading(line: Line, stages: set[tuple[float, bool]]) -> bool:
    """A short capitals line in the type of the stage headings, wherever it is set."""
    text = line.text.strip()
    return bool(
        any(abs(line.size - st[0]) <= SIZE_TOLERANCE and line.bold == st[1] for st in stages)
        and len(text) <= HEADING_MAX_CHARS
        and _is_capitals(text)
        and not SENTENCE_END_RE.search(text)
        and not is_banner(text)
        and not parse_labels(text)[0]
    )


def _body_size(pages: list[Page]) -> float:
    """The most common type size (by characters) over all the pages."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _title_case(text: str) -> bool:
    """Every word of four letters or more starts with a capital, and the first word does."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    return (
        bool(words) and words[0][0].isupper() and all(w[0].isupper() for w in words if len(w) >= 4)
    )


def unnumbered_sublists(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """Topics listed one per line right under an item, indented from it and aligned with each
    other, with no label ("5. Discussions" over "Introductions" / "Vacancy Search Update"):
    each line is a sub-item without a number, when there are at least ``MIN_SUBLIST``."""
    used = {id(line) for e in entries for line in e.lines}
    right = _right_edge(pages)
    found: list[Entry] = []
    for entry in entries:
        page = entry.page
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        index = next(i for i, line in enumerate(page.lines) if line is entry.lines[-1])
        run: list[list[Line]] = []  # each topic: its line, and the line it wraps onto
        previous = entry.lines[-1]
        following = page.lines[index + 1 :]
        position = 0
        while position < len(following):
            line = following[position]
            if id(line) in used or line.top - previous.top > WRAP_GAP * kind.pitch:
                break
            aligned = abs(line.x0 - run[0][0].x0) <= tolerance if run else True
            if not aligned or line.x0 <= entry.x + tolerance or not _topic_line(line.text):
                break
            if len(line.spans) > 1:
                break  # a table row
            topic = [line]
            if _full(line, right):
                wrapped = _wrapped_topic(line, following[position + 1 : position + 2], kind)
                if wrapped is None:
                    break  # a line of a wrapped paragraph
                topic.append(wrapped)
            run.append(topic)
            previous = topic[-1]
            position += len(topic)
        wrapped_topics = sum(len(topic) > 1 for topic in run)
        if len(run) >= MIN_SUBLIST and wrapped_topics < len(run) - wrapped_topics:
            for topic in run:
                title = " ".join(line.text.strip() for line in topic)
                sub = Entry.at_line(page, topic[0], title)
                sub.lines = topic
                sub.parent = entry
                found.append(sub)
                used.update(id(line) for line in topic)
    return found


def _full(line: Line, right: float) -> bool:
    return line.x1 >= line.x0 + FULL_LINE * (right - line.x0)


def _wrapped_topic(line: Line, below: list[Line], kind: PageType) -> Line | None:
    """A topic that fills its line goes on over the next one, set close under it at the same
    indent with no label, and ends there: that line, else None."""
    if not below:
        return None
    second = below[0]
    close = second.top - line.top <= WRAP_GAP * kind.pitch
    aligned = abs(second.x0 - line.x0) <= X_TOLERANCE * kind.size
    if not (close and aligned) or parse_labels(second.text)[0]:
        return None
    return second


def _topic_line(text: str) -> bool:
    """A short line naming a topic: capitalised, no label, no "Field: value", not a sentence
    or a lead-in."""
    text = text.strip()
    return bool(
        len(text) <= HEADING_MAX_CHARS
        and text[:1].isupper()
        and re.search(r"[A-Za-z]{2}", text)
        and not text.endswith((".", ":", ";", ","))
        and not parse_labels(text)[0]
        and not FIELD_RE.match(text)
        and not is_banner(text)
    )


def indented_subheadings(pages: list[Page], entries: list[Entry]) -> list[Entry]:
    """A short capitals line set right of the item above it, opening a block of detail lines
    under it ("CLOSED SESSION:" over "CONFERENCE WITH REAL PROPERTY NEGOTIATORS" over
    "Property: ..."; "PUBLIC HEARING" over "Presentation by: ..."): a matter of its own under
    that item, not part of the item's text."""
    used = {id(line) for e in entries for line in e.lines}
    order = _reading_order(pages)
    ranked = sorted(entries, key=order)
    found: list[Entry] = []
    for page in pages:
        kind = PageType.of(page)
        tolerance = X_TOLERANCE * kind.size
        for index, line in enumerate(page.lines):
            text = line.text.strip()
            if id(line) in used or not _subheading_text(line):
                continue
            here = Entry.at_line(page, line, text)
            above = [e for e in ranked if order(e) < order(here)]
            if not above or above[-1].page is not page:
                continue
            owner = above[-1]
            if line.x0 <= owner.x + tolerance:
                continue  # not indented under the item
            previous = page.lines[index - 1] if index else None
            if (
                previous is not None
                and id(previous) not in used
                and kind.within(previous, line, NEXT_LINE)
            ):
                continue  # a line of a paragraph or a list, not the head of a block
            if previous is owner.lines[-1] and _same_type(line, owner):
                continue  # the owner's title going on
            below = page.lines[index + 1 : index + 2]
            if not below or not _detail_under(line, below[0], kind):
                continue
            found.append(here)
    return found


def _same_type(line: Line, entry: Entry) -> bool:
    """The line is set in the entry's type (size and weight)."""
    return abs(line.size - entry.size) <= SIZE_TOLERANCE and line.bold == entry.bold


def _subheading_text(line: Line) -> bool:
    """A short capitals heading in one run of text: no label, no sentence end, not a field
    label ("RECOMMENDATION:") or a session time."""
    text = line.text.strip()
    return bool(
        len(line.spans) == 1
        and len(text) <= HEADING_MAX_CHARS
        and _is_capitals(text)
        and not SENTENCE_END_RE.search(text)
        and not text.endswith(":")
        and not is_banner(text)
        and not parse_labels(text)[0]
    )


def _detail_under(head: Line, line: Line, kind: PageType) -> bool:
    """The line under a sub-heading is its detail: close under it (within a blank line), at
    its indent or further right, in running type (not capitals)."""
    return (
        kind.within(head, line, BLANK_LINE)
        and line.x0 >= head.x0 - X_TOLERANCE * kind.size
        and not _is_capitals(line.text)
        and line.size <= head.size + SIZE_TOLERANCE
    )
