"""The shape of a minutes document: its header, and its numbered minutes with their bodies.

Minutes print each minute under a numbered heading ("40 MINUTES OF THE MEETING HELD ON ...",
"84. Apologies", "18.11.3 Minutes"), either in bold or in the first column of a table whose
other columns hold the discussion and the actions. The heading numbers rise through the
document, which tells headings from numbered paragraphs inside a minute. Everything above
the first heading is the header: who met, when and where, and usually who attended.
Attendees, resolutions and the minutes meeting are all read from this one structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.base import ExtractionContext
from extractors.common.fields import CAPITALS_FIELD_RE
from extractors.common.geometry import is_table_row
from extractors.common.table_model import left_aligned
from extractors.common.text import clean, title_case_if_upper
from pipeline.models import Line, Page, Segment

HEADING_RE = re.compile(
    r"^(?P<num>\d{1,4}(?:\.\d{1,3}){0,3}[a-z]?)"
    r"(?:[.):]\s+(?=\S)|[.):]?\s+(?=[^\d\s.]))(?P<title>\S.*)$"
)
BULLET_RE = re.compile(r"^[^\w(\"'“‘]+\s*")
NOT_A_TITLE_RE = re.compile(r"^(resolved|that\b|agreed\b|it was\b|recommendations?\b)", re.I)
ITEM_REF_RE = re.compile(r"^\(\s*(?:agenda\s+)?item\s+(?P<item>[\w.]+)\s*\)$", re.I)
SIDE_COLUMN_RE = re.compile(
    r"^(action|actions|action by|owner|owner and deadline|lead|responsible|by whom|who)\b", re.I
)
RESOLVED_IN_TITLE_RE = re.compile(r"(?<=\S)(RESOLVED\b.*)$")
# a run-in heading: a short title closed by a colon, the minute's text after it on the same
# line ("2564. Police Report: Attached. No presence.")
RUN_IN_TITLE_RE = re.compile(r"^(?P<title>[^:.;]{2,80}?)\s*:[-–—]?\s+(?P<rest>\S.*)$")
MAX_RUN_IN_TITLE_WORDS = 8
SENTENCE_IN_RE = re.compile(r"\w[.!?](?:\s|$)")
HEADING_INDENT = 10.0  # points a column-style heading sits left of the body text
MAX_TITLE_WORDS = 16
MAX_NUMBER_JUMP = 30


@dataclass
class MinuteLine:
    """One printed line of a minute, with side columns (actions, owners) cut away."""

    page: Page
    line: Line
    text: str
    cut_at: float | None = None  # x where a side column was cut away, if it was

    @property
    def x0(self) -> float:
        return self.line.x0

    @property
    def x1(self) -> float:
        """Right end of the kept text (a cut line counts as filled up to the cut)."""
        return min(self.line.x1, self.cut_at) if self.cut_at else self.line.x1

    def has_room_for(self, word: str, char_width: float, right: float) -> bool:
        """Would `word`, with the space before it, have fitted between this line's end and
        `right`? A line that had room stopped short (an entry's or a paragraph's end); one
        that had none was broken by the width of the text."""
        return self.x1 + (len(word) + 1) * char_width < right


@dataclass
class Minute:
    number: str | None
    title: str
    heading: list[MinuteLine]
    body: list[MinuteLine] = field(default_factory=list)
    agenda_item: str | None = None  # "(Item 3)" printed under the heading

    @property
    def text(self) -> str:
        return clean(" ".join(ml.text for ml in self.body))


@dataclass
class MinutesDocument:
    segment: Segment
    lines: list[MinuteLine]
    header: list[MinuteLine]
    minutes: list[Minute]


def _words_left_of(line: Line, cut_x: float) -> str:
    """The line's text without the words that start in a side column at cut_x."""
    kept: list[str] = []
    for span in line.spans:
        words = span.text.split()
        if len(words) != len(span.word_starts):
            if span.x0 < cut_x:
                kept.append(span.text)
            continue
        kept.extend(w for w, x in zip(words, span.word_starts, strict=True) if x < cut_x - 2)
    return " ".join(kept)


def _side_column(line: Line, page: Page) -> float | None:
    """x of an Action/Owner column announced by a table header line, if this is one."""
    if not is_table_row(line):
        return None
    for span in line.spans[1:]:
        if span.x0 > page.width * 0.45 and SIDE_COLUMN_RE.match(span.text):
            return span.x0
    return None


def minute_lines(ctx: ExtractionContext, segment: Segment) -> list[MinuteLine]:
    lines: list[MinuteLine] = []
    cut: tuple[float, float] | None = None  # (x, font size) of a side column
    for page, line in ctx.lines_of(segment):
        column = _side_column(line, page)
        if column is not None:
            cut = (column, line.size)
            continue  # the table's header row is not content
        text, cut_at = line.text, None
        if cut and abs(line.size - cut[1]) < 0.6:
            text = _words_left_of(line, cut[0])
            cut_at = cut[0] if text != line.text else None
        if text.strip():
            lines.append(MinuteLine(page, line, clean(text), cut_at))
    return lines


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", number))


def _candidates(lines: list[MinuteLine]) -> list[tuple[int, re.Match[str]]]:
    found = []
    for index, ml in enumerate(lines):
        match = HEADING_RE.match(ml.text)
        if match and not NOT_A_TITLE_RE.match(match.group("title")):
            found.append((index, match))
    return found


def _starts_table_row(lines: list[MinuteLine], index: int) -> bool:
    """A numbered line in the first column of a table: other cells beside it, or the minute's
    text indented under it."""
    ml = lines[index]
    if is_table_row(ml.line) and ml.line.spans[1].x0 > ml.x0 + 100:
        return True
    following = lines[index + 1] if index + 1 < len(lines) else None
    return following is not None and following.x0 >= ml.x0 + HEADING_INDENT


def _numbered_headings(lines: list[MinuteLine]) -> list[tuple[int, str]]:
    """Numbered headings, bold or in a table's first column, at the leftmost such x.

    The numbers must rise: a lower number is a numbered paragraph inside a minute, and a
    jump of more than MAX_NUMBER_JUMP is a year or an amount at the start of a line.
    """
    numbered = _candidates(lines)
    bold = [(i, m) for i, m in numbered if lines[i].line.bold]
    rows = [
        (i, m)
        for i, m in numbered
        if not lines[i].line.bold
        and _starts_table_row(lines, i)
        and len(m.group("title").split()) <= MAX_TITLE_WORDS
    ]
    taken = {i for i, _ in bold + rows}
    run_in = [(i, m) for i, m in numbered if i not in taken and _run_in(m.group("title"))]
    candidates = sorted(
        bold + (rows if len(rows) >= 2 else []) + (run_in if len(run_in) >= 2 else []),
        key=lambda pair: pair[0],
    )
    if not candidates:
        return []
    left = min(lines[i].x0 for i, _ in candidates)
    headings: list[tuple[int, str]] = []
    for index, match in candidates:
        number = _number_key(match.group("num"))
        if lines[index].x0 > left + 6:
            continue  # a numbered sub-item or paragraph
        if headings:
            previous = _number_key(headings[-1][1])
            if number <= previous or number[0] > previous[0] + MAX_NUMBER_JUMP:
                continue
        headings.append((index, match.group("num")))
    return headings


def _run_in(title: str) -> re.Match[str] | None:
    """The short title and the text after its colon, when the heading runs into the text."""
    match = RUN_IN_TITLE_RE.match(title)
    if match and len(match.group("title").split()) <= MAX_RUN_IN_TITLE_WORDS:
        return match
    return None


def _unnumbered_headings(lines: list[MinuteLine]) -> list[tuple[int, str | None]]:
    """Short bold lines at the left edge, for minutes whose sections carry no numbers."""
    bold = [
        i
        for i, ml in enumerate(lines)
        if ml.line.bold
        and len(ml.text.split()) <= 10
        and not ml.text.rstrip().endswith(".")
        and not CAPITALS_FIELD_RE.match(ml.text)
        and not NOT_A_TITLE_RE.match(BULLET_RE.sub("", ml.text))
    ]
    if not bold:
        return []
    left = min(lines[i].x0 for i in bold)
    return [(i, None) for i in bold if lines[i].x0 <= left + 4 and i > 0]


def _heading_indexes(lines: list[MinuteLine]) -> list[tuple[int, str | None]]:
    """(line index, number) of each minute's heading, in document order."""
    return _numbered_headings(lines) or _unnumbered_headings(lines)


def _split_run_together_title(text: str) -> tuple[str, str]:
    """'Notes of Last Meeting and Matters Arising The notes of ...' -> (title, body start).

    In table-style minutes the heading and the first words of the minute share a line; the
    title is the run of capitalised words before the first sentence begins.
    """
    words = text.split()
    for i in range(1, len(words)):
        if words[i][:1].islower() and words[i].lower() not in {"and", "of", "the", "for", "to"}:
            if words[i - 1][:1].isupper() and i - 1 > 0:
                return " ".join(words[: i - 1]), " ".join(words[i - 1 :])
            return text, ""
    return text, ""


def _build_minute(lines: list[MinuteLine], start: int, end: int, number: str | None) -> Minute:
    first = lines[start]
    bold_style = first.line.bold
    first_is_table_row = not bold_style and is_table_row(first.line)
    match = HEADING_RE.match(first.text) if number else None
    title = match.group("title") if match else BULLET_RE.sub("", first.text)
    heading = [first]
    body_start = ""
    if not bold_style:
        first_span = first.line.spans[0].text
        if first_is_table_row:
            span_match = HEADING_RE.match(first_span)
            title = span_match.group("title") if span_match else title
            body_start = first.text[len(first_span) :].strip()
        elif (run_in := _run_in(title)) is not None:
            title, body_start = run_in.group("title"), run_in.group("rest")
        else:
            title, body_start = _split_run_together_title(title)
    elif number and (run_in := _run_in(title)) and SENTENCE_IN_RE.search(run_in.group("rest")):
        # a bold heading whose line goes on into the minute's first sentence
        title, body_start = run_in.group("title"), run_in.group("rest")
    run_on = RESOLVED_IN_TITLE_RE.search(title)
    if run_on:  # "MINUTES OF PREVIOUS MEETINGRESOLVED –" printed on one line
        body_start = run_on.group(1) + (" " + body_start if body_start else "")
        title = title[: run_on.start()]
    minute = Minute(number=number, title="", heading=heading)
    if body_start:
        minute.body.append(MinuteLine(first.page, first.line, body_start, first.cut_at))
    index = start + 1
    while index < end and bold_style and not minute.body:
        ml = lines[index]
        if not ml.line.bold or CAPITALS_FIELD_RE.match(ml.text) or NOT_A_TITLE_RE.match(ml.text):
            break
        if HEADING_RE.match(ml.text):
            break
        title += " " + ml.text
        heading.append(ml)
        index += 1
    if index < end:
        ref = ITEM_REF_RE.match(lines[index].text)
        if ref:
            minute.agenda_item = ref.group("item")
            index += 1
    for ml in lines[index:end]:
        if first_is_table_row and ml.line.size == first.line.size:
            in_title = [sp for sp in ml.line.spans if left_aligned(sp.x0, [first.x0])]
            if in_title:
                title += " " + " ".join(sp.text for sp in in_title)
                rest = " ".join(sp.text for sp in ml.line.spans if sp not in in_title)
                if rest.strip():
                    minute.body.append(MinuteLine(ml.page, ml.line, clean(rest)))
                continue
        minute.body.append(ml)
    minute.title = title_case_if_upper(clean(title).strip(" .–-"))
    return minute


def parse_minutes(ctx: ExtractionContext, segment: Segment) -> MinutesDocument:
    """The minutes structure of a segment, computed once and shared by the extractors."""
    key = ("minutes", segment.first_page, segment.last_page)
    cached = ctx.cache.get(key)
    if cached is not None:
        return cached
    lines = minute_lines(ctx, segment)
    headings = _heading_indexes(lines)
    minutes = []
    bounds = [i for i, _ in headings] + [len(lines)]
    for (start, number), end in zip(headings, bounds[1:], strict=True):
        minutes.append(_build_minute(lines, start, end, number))
    header = lines[: headings[0][0]] if headings else lines
    document = MinutesDocument(segment=segment, lines=lines, header=header, minutes=minutes)
    ctx.cache[key] = document
    return document


def header_sections(document: MinutesDocument) -> list[Minute]:
    """The header split at its short bold headings ("ADOPTION OF AGENDA"), as the minutes
    of a document whose sections carry no numbers are: sections printed before the first
    numbered minute."""
    lines = document.header
    headings = _unnumbered_headings(lines)
    bounds = [i for i, _ in headings] + [len(lines)]
    return [
        _build_minute(lines, start, end, None)
        for (start, _), end in zip(headings, bounds[1:], strict=True)
    ]


def minutes_segments(ctx: ExtractionContext) -> list[Segment]:
    return ctx.segments("minutes")
