"""The outline of a run of pages: numbered entries, their nesting, and their titles.

The rules here are about layout and numbering only, never about a council's phrases:

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
  numbered passage of the preamble ("1. IN PERSON ... 2. ZOOM"), not business.

The small tests of how a line is set (type prominence, capitals, the right edge, a sentence
running on) live here too: the heading and sub-list readers share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.fields import OPENING_FIELD_RE
from extractors.common.geometry import text_right
from extractors.common.spacing import SIZE_TOLERANCE, PageType
from extractors.common.structure.labels import Label, cell_labels, parse_labels
from pipeline.models import Line, Page

X_TOLERANCE = 0.9  # body-type sizes: labels this close are at the same indent
WRAP_GAP = 1.6  # line pitches: a title runs on over lines at most this far apart
HEADING_MAX_CHARS = 100  # an unnumbered heading is a short line
FULL_LINE = 0.8  # a line reaching this share of the text block's width is full
BOLD_WEIGHT = 1.2  # bold type outranks regular type up to this many times its size
# a line ending on a function word is a phrase cut by the line end ("... Proposal for")
OPEN_END_RE = re.compile(r"\b(?:a|an|the|of|for|to|and|or|in|on|at|by|with|from)$")


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
        if any(OPENING_FIELD_RE.match(text.text.strip()) for text in self.since_entry):
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
    if OPENING_FIELD_RE.match(line.text.strip()) and not OPEN_END_RE.search(previous.text):
        return False  # "Recommendation: ..." opens the entry's details
    width = right - entry.x
    full = previous.x1 >= entry.x + FULL_LINE * width
    capitals = _is_capitals(previous.text) and _is_capitals(line.text)
    heading = _more_prominent((round(entry.size, 1), entry.bold), (kind.size, False))
    return full or capitals or heading


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _right_edge(pages: list[Page]) -> float:
    """Where the text of the pages ends on the right (`text_right`): lines reaching near it
    are full."""
    return text_right(ln for p in pages for ln in p.lines)


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
