"""Who attended: one row per person per meeting, with honorific, role, organisation, status.

Sources, in order:
- attendance sections of minutes, each under a label that sets the status ("PRESENT",
  "Officers/others in attendance", "Apologies:", "IN ATTENDANCE VIRTUALLY:"), holding one
  person per line, comma lists, or a table (Board Member | Position | Organisation);
- roll-call tables with a Status column (Attendee Name | Title | Status);
- the apologies minute, in prose ("Apologies were received from ...") or as a bare list;
- the membership list on an agenda front sheet (status 'member'), or else the members it
  prints with their seats (`extractors/common/members.py`).
People only named in the text of a minute (public speakers, presenters) are not attendees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.common.base import ExtractionContext, Extractor, register
from extractors.common.fields import COLON, WRAPPED_LABEL_END_RE
from extractors.common.geometry import body_width, text_right
from extractors.common.members import seat_holders
from extractors.common.minutes_layout import (
    HEADING_RE,
    Minute,
    MinuteLine,
    minutes_segments,
    parse_minutes,
)
from extractors.common.persons import ROLE_PREFIX_RE, Person, is_other_councils_member, parse_people
from extractors.common.table_model import (
    ALIGN_TOLERANCE,  # lines or cells starting this close are at the same indent
    Column,
    Columns,
    column_starts,
    header_row,
    left_aligned,
)
from extractors.common.text import clean, provenance, sentences
from extractors.meetings.agenda import AGENDA_MEETING_KEY
from extractors.meetings.minutes import meeting_key
from pipeline.models import AttendeeRecord, AttendeeStatus, BBox, Line, Span

LABEL_RE = re.compile(
    r"^\W*(?P<label>[A-Za-z/&'’ ]{0,40}?\b(?:present|in attendance|attendance|attending|"
    r"apologies(?: for absence)?|apology|regrets|absent|absentees|observers?|visitors?|officers|"
    r"staff|others|substitutes?|members?|membership|attendees|representatives|roll call)\b"
    r"(?:\s+[A-Za-z]+){0,8}?)"
    rf"(?:{COLON}\s*(?P<rest>.*)|\s*$)",
    re.I,
)
# a roll-call sentence: "Board members present were Trustee Elton, Trustee Albrecht, ..."
ROLL_SENTENCE_RE = re.compile(
    r"^\W*(?P<label>[A-Za-z ]{0,30}?\b(?:present|absent))\s+were\s+(?P<rest>[A-Z].*)$", re.I
)
FOOTNOTE_LINE_RE = re.compile(r"^(?P<marker>\*+|†+|‡+)\s*(?P<text>\S.*)$")
NAME_HEADER_RE = re.compile(r"^(board member|member|members|name|attendee name|attendee)s?$", re.I)
COLUMN_HEADER_RE = re.compile(
    r"^(position|title|role|organisation|organization|representing|status|arrived|department)$",
    re.I,
)
APOLOGY_TITLE_RE = re.compile(r"\bapolog|\babsence\b", re.I)
RECEIVED_FROM_RE = re.compile(
    r"\b(?:received|submitted|given|tendered|noted|sent)\s+(?:from|by|on behalf of)\s+"
    r"(?P<names>.+)",
    re.I,
)
# a full stop that is not an initial's or a title's ("J. Smith", "Mr. Jones")
FULL_STOP = r"(?<![A-Z])(?<!Dr)(?<!Mr)(?<!Ms)(?<!Mrs)(?<!St)\."
SENTENCE_END_RE = re.compile(rf"{FULL_STOP}(?:\s|$)|, who\b|;")
OPEN_END_RE = re.compile(
    r"(,|\(|&|\band|\bthe|\bof|\bfor|\bto|\b[A-Z]\.?|\b(?:Dr|Mr|Mrs|Ms|Cllr|Councillor)\.?)$"
)
# "Sharon Davis, Meghan Mullen, and Pam Nelson from the District Social Services
# Administration Board (DSSAB) participated in the meeting": people recorded as taking part,
# named at the start of a printed line (unlike a speaker or presenter only named in the text)
TOOK_PART_RE = re.compile(
    r"^(?P<names>[A-Z][^.;:()]*?)(?:\s+(?:from|of)\s+(?:the\s+)?(?P<org>[A-Z][^.;]*?))?"
    r"\s+(?:attended|participated\s+in|joined|took\s+part\s+in)\s+(?:the|this)\s+meeting\b"
)
# a sentence stating who took part may run over this many printed lines
TOOK_PART_LINES = 3
# An attendance entry may be a paragraph of sentences ("Present: A, B and C were present.
# City Attorney D was also present.", "Present: Cllrs A, B and the Clerk. Members of the
# public - Mr C."): each sentence is read on its own.
# "... and Bill Tuttle were present" / "City Attorney Bill Kabeiseman was also present"
PRESENT_CLAUSE_RE = re.compile(
    r"^(?P<names>.+?)\s+(?:were|was|are|is)\s+(?P<also>also\s+)?present\W*$", re.I
)
# "City Recorder Leanne Moll declared a quorum.": a later sentence of an attendance paragraph
# whose subject is a person introduced by their post; they attend, as an officer.
NAMED_WORDS_RE = re.compile(r"^(?P<name>(?:[A-Z][\w.'-]*\s+){1,4})[a-z]")
# a group opened inside an attendance paragraph, by a label or "Members of the public",
# set off by a colon or a dash: "Members of the public - Mr Steve Baldwin, MCC."
GROUP_LABEL_RE = re.compile(
    r"^(?P<label>(?:members\s+of\s+the\s+public|[A-Za-z/&'’ ]{0,40}?\b(?:present|"
    r"in attendance|attendance|attending|apologies(?: for absence)?|absent|observers?|"
    r"visitors?|officers|others)\b))\s*(?::|\s[–—-])\s*(?P<rest>\S.*)$",
    re.I,
)
# A line broken for width may stop short of the right edge by this fraction of the text width
# (justification and word-width estimates are rough).
WRAP_TOLERANCE = 0.03
# side-by-side attendance columns end at a gap this many line pitches wide
COLUMN_BREAK = 1.8
# rows above and below a row of a grid of names that show where its columns start
GRID_NEIGHBOURS = 3
# "(AT)", "(CM": a cell holding only initials in brackets
ABBREVIATION_CELL_RE = re.compile(r"^\(?[A-Z]{1,4}\)?$")
# the first word of a wrapped line closes the cut entry: "Whitehead, ...", "McFadden & ..."
WRAPPED_WORD_RE = re.compile(r"^\S+(?:[,;.)]|\s+(?:and\b|&)|$)")
# an entry cut after a first name: "..., Rod Rennette, Dan", or made of it: "Ivy"
CUT_FIRST_NAME_RE = re.compile(r"(?:^|(?:,|\band|&)\s+)[A-Z][a-z]+$")
# a list of items closed by semicolons whose last item runs on: "A (B); NYC Council"
OPEN_ITEM_RE = re.compile(r";[^;.]*[A-Za-z]$")
CAPS_HEADING_RE = re.compile(r"^[A-Z][A-Z&'’ -]*[A-Z]$")
# the most words of a heading in capitals that ends an attendance list
HEADING_WORDS = 8
# "NYS Senator Brian Kavanagh (Stacie Johnson)": a principal and, in brackets, who came for them
REPRESENTED_RE = re.compile(r"[^;,()]*\((?P<inner>[^()]*)\)")
# "PCSO Sharon Diamond who reported that ...": a remark on the person, not part of the list.
RELATIVE_CLAUSE_RE = re.compile(r",?\s+who\s+\w.*$")
# the label alone or before a colon: not "Members." ending a sentence, nor "Members of the
# public may ..."
MEMBERSHIP_RE = re.compile(r"^\W*(membership|members|councillors)\s*(?::|$)", re.I)
ROLL_CALL_RE = re.compile(r"^\W*roll call\b[\w ]{0,20}:", re.I)
OFFICER_ROLE_RE = re.compile(
    r"^(?:parish |town |deputy |assistant )?(clerk|minute[- ]taker|rfo|"
    r"responsible financial officer)\b",
    re.I,
)
# A clerk titled as a councillor ("Cllr Smith (Clerk)") is a member who keeps the minutes;
# one with a courtesy title ("Mr Richard Nolan, Clerk") is the council's officer.
COUNCILLOR_HONORIFICS = {"Cllr", "Councillor"}
STATUS_WORDS = {
    "present": "present",
    "late": "present",
    "arrived late": "present",
    "absent": "absent",
    "excused": "apologies",
    "apologies": "apologies",
    "remote": "present",
}


@dataclass
class Section:
    status: AttendeeStatus
    role: str | None = None
    honorific: str | None = None
    # under a label of representatives, "Senator Brian Kavanagh (Stacie Johnson)": the one in
    # brackets attended for the one named before them
    represented: bool = False


@dataclass
class Entry:
    lines: list[MinuteLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean(" ".join(ml.text for ml in self.lines))


# "Absent with notification", "Excused": away with notice given, as an apology
EXCUSED_RE = re.compile(r"\bexcused\b|\bwith (?:prior )?(?:notice|notification)\b")


def label_section(label: str, front_sheet: bool) -> Section:
    """The status an attendance label announces."""
    text = label.lower()
    if "apolog" in text or "regrets" in text or EXCUSED_RE.search(text):
        return Section("apologies")
    if "absent" in text or "absentee" in text:
        return Section("absent")
    if front_sheet:
        return Section("member")
    if re.search(r"observer", text):
        return Section("in_attendance", role="Observer")
    if re.search(r"visitor", text):
        return Section("in_attendance", role="Visitor")
    if re.search(r"representative", text):
        return Section("in_attendance", represented=True)
    if re.search(r"attendance|attending|officers|staff|others|also present|guests|public", text):
        return Section("in_attendance")
    return Section("present")


def entry_clauses(text: str, section: Section, front_sheet: bool) -> list[tuple[str, Section]]:
    """The lists of names in an attendance entry, each with its section. The first sentence
    is under the entry's label; a later sentence may open its own group ("Members of the
    public - Mr C"); "... were present" is cut off, and people "also present" attend without
    being members. A sentence that is no list ("D declared a quorum") finds nobody."""
    parts = sentences(text)
    clauses = []
    for index, sentence in enumerate(parts):
        sentence_section = section
        if index > 0:
            label = GROUP_LABEL_RE.match(sentence)
            if label:
                sentence_section = label_section(label.group("label"), front_sheet)
                sentence = label.group("rest")
        sentence = RELATIVE_CLAUSE_RE.sub("", sentence)
        clause = PRESENT_CLAUSE_RE.match(sentence.strip())
        if clause:
            sentence = clause.group("names")
            if clause.group("also") and sentence_section.status == "present":
                sentence_section = Section("in_attendance")
        elif index > 0 and sentence_section.status == "present":
            subject = _post_holder_subject(sentence.strip())
            if subject:
                sentence, sentence_section = subject, Section("in_attendance")
        clauses.append((sentence, sentence_section))
    return clauses


def _post_holder_subject(sentence: str) -> str | None:
    """The post and name opening a sentence that goes on to say what they did."""
    role = ROLE_PREFIX_RE.match(sentence)
    if not role or role.group("plural"):
        return None
    named = NAMED_WORDS_RE.match(sentence[role.end() :])
    return f"{role.group(0)}{named.group('name')}".strip() if named else None


def _wrapped(entry: str, previous: MinuteLine, line: MinuteLine) -> bool:
    """Whether `line` starts where `previous` was broken by the width of the text: its first
    word would not have fitted at the end of `previous`, and that word ends a list entry
    ("... Mrs Victoria" / "Whitehead, Councillors", "... Nancy" / "McFadden & Amber") or the
    entry ends in a lone word after a comma, a first name whose surname was carried over
    ("..., Rod Rennette, Dan" / "MacInnis Operations Superintendent, ..."), or the entry is a
    list whose items end at semicolons and its last item has not ended ("...; NYC Council" /
    "Member Erik Bottcher (Nicole Barth)."), so a line that starts a new entry ("Clerk J
    Connelly") is not taken for the end of a name.
    The word's width is estimated from the line's own average character."""
    words = line.text.split()
    if not words or not (
        WRAPPED_WORD_RE.match(line.text)
        or CUT_FIRST_NAME_RE.search(entry)
        or OPEN_ITEM_RE.search(entry)
    ):
        return False
    right = text_right(previous.page.lines)
    slack = WRAP_TOLERANCE * body_width(previous.page)
    char_width = (line.x1 - line.x0) / len(line.text)
    return not previous.has_room_for(words[0], char_width, right - slack)


def _hangs(entry: Entry, line: MinuteLine) -> bool:
    """Whether `line` sits at the hanging indent of the entry's run-over lines ("Present: A,
    B" / "   C and D were present." / "   E declared a quorum."): the paragraph goes on."""
    if len(entry.lines) < 2:
        return False
    first, last = entry.lines[0], entry.lines[-1]
    return (
        last.page is line.page
        and abs(line.x0 - last.x0) <= ALIGN_TOLERANCE
        and last.x0 - first.x0 >= ALIGN_TOLERANCE
    )


def _continues(previous: str, line: str) -> bool:
    """Whether a printed line continues the entry above it rather than starting a new one."""
    if previous.count("(") > previous.count(")"):
        return True
    return bool(OPEN_END_RE.search(previous.rstrip())) or line[:1].islower() or line[:1] in "()&"


def _looks_like_prose(text: str) -> bool:
    return text.rstrip().endswith(".") and len(text.split()) > 6 or len(text.split()) > 14


def _is_heading(text: str) -> bool:
    """A short line of words in capitals that names nobody ("MEETING SUMMARY", not the
    initials "(AT) (KB)"): the next part of the minutes has begun."""
    return bool(CAPS_HEADING_RE.match(text.strip())) and len(text.split()) <= HEADING_WORDS


def _representatives(text: str) -> str:
    """Each "Principal (Representative)" of a list of representatives as the representative
    alone, when the brackets hold one person's name."""

    def represented(match: re.Match[str]) -> str:
        people = parse_people(match.group("inner"))
        return match.group("inner") if people and len(people) == 1 else match.group(0)

    return REPRESENTED_RE.sub(represented, text)


def _person_provenance(person: Person, lines: list[MinuteLine]):
    """The printed line that names the person (a list entry may run over several lines)."""
    surname = person.name.split()[-1]
    named = next((ml for ml in lines if surname in ml.text), lines[0])
    return provenance(named.page, [named.line], named.text)


class _Collector:
    """Turns entries into attendee records for one meeting, one row per person."""

    def __init__(self, key: str, extractor: str):
        self.key, self.extractor = key, extractor
        self.seen: set[str] = set()
        self.records: list[AttendeeRecord] = []
        self.footnotes: dict[str, str] = {}

    def add(self, people: list[Person], section: Section, lines: list[MinuteLine]) -> None:
        for person in people:
            name_key = re.sub(r"[^a-z]", "", person.name.lower())
            if name_key in self.seen:
                continue
            self.seen.add(name_key)
            status = section.status
            if (
                status == "present"
                and person.honorific not in COUNCILLOR_HONORIFICS
                and OFFICER_ROLE_RE.search(person.role or "")
            ):
                status = "in_attendance"  # the clerk is listed with members but is an officer
            if status == "present" and is_other_councils_member(person):
                status = "in_attendance"  # a visiting councillor of another council
            self.records.append(
                AttendeeRecord(
                    meeting_key=self.key,
                    name=person.name,
                    honorific=person.honorific or section.honorific,
                    role=person.role or section.role,
                    organisation=person.organisation,
                    status=status,
                    note=person.note or (f"marker {person.marker}" if person.marker else None),
                    provenance=_person_provenance(person, lines),
                    extractor=self.extractor,
                )
            )

    def finish(self) -> list[AttendeeRecord]:
        for record in self.records:
            if record.note and record.note.startswith("marker "):
                record.note = self.footnotes.get(record.note[7:], record.note[7:])
        return self.records


@dataclass
class _Table:
    """An attendance table: its columns (`table_model.Columns`, titled by the header row)
    and its rows, each the printed lines it spans and its cell text by column title."""

    columns: Columns[Column]
    rows: list[tuple[list[MinuteLine], dict[str, str]]] = field(default_factory=list)

    def column_of(self, span: Span) -> str:
        """The title of the column whose header centre is nearest the cell's centre
        (headers may be centred over left-aligned cells)."""
        return self.columns.nearest(span.x0, span.x1).title.lower()

    @property
    def name_column(self) -> str:
        return self.columns.columns[0].title.lower()


def _is_column_title(position: int, text: str) -> bool:
    """An attendance table's header: the people's column first, then the columns about them."""
    return bool((NAME_HEADER_RE if position == 0 else COLUMN_HEADER_RE).match(text))


def _table_header(ml: MinuteLine) -> _Table | None:
    columns = header_row(ml.line, _is_column_title)
    return _Table(columns) if columns is not None else None


def _table_people(table: _Table, section: Section, out: _Collector) -> None:
    for lines, cells in table.rows:
        people = parse_people(cells.get(table.name_column, ""))
        if not people:
            continue
        role = cells.get("position") or cells.get("title") or cells.get("role")
        organisation = (
            cells.get("organisation") or cells.get("organization") or cells.get("representing")
        )
        row_status = STATUS_WORDS.get((cells.get("status") or "").strip().lower())
        row_section = Section(row_status or section.status, section.role, section.honorific)
        for person in people:
            person.role = person.role or (clean(role) if role else None)
            person.organisation = person.organisation or (
                clean(organisation) if organisation else None
            )
        out.add(people, row_section, lines)


def read_attendance(lines: list[MinuteLine], out: _Collector, front_sheet: bool = False) -> None:
    """Attendance sections and roll-call tables among these lines."""
    section: Section | None = None
    table: _Table | None = None
    entry = Entry()

    def flush() -> None:
        nonlocal section, entry
        if entry.lines and section is not None:
            listed = False
            entry_text = _representatives(entry.text) if section.represented else entry.text
            for text, clause_section in entry_clauses(entry_text, section, front_sheet):
                people = parse_people(text, clause_section.honorific)
                if people:
                    out.add(people, clause_section, entry.lines)
                    listed = True
            if not listed and (_looks_like_prose(entry.text) or _is_heading(entry.text)):
                section = None  # the attendance list has ended
        entry = Entry()

    def close_table() -> None:
        nonlocal table
        if table is not None:
            _table_people(table, section or Section("present"), out)
            table = None

    for index, ml in enumerate(lines := _join_wrapped_labels(columns_in_reading_order(lines))):
        cells = _grid_cells(lines, index) if section is not None and table is None else None
        if cells:
            for cell in cells:  # one person per cell of a grid of names
                flush()
                entry.lines.append(cell)
            flush()
            continue
        header = _table_header(ml)
        if header is not None:
            flush()
            close_table()
            table = header
            section = section or Section("present")
            continue
        label = LABEL_RE.match(ml.text) or ROLL_SENTENCE_RE.match(ml.text)
        if label and table is not None and len(ml.line.spans) > 1:
            label = None  # a table row such as "Robert Sherrard | Commissioner | Present"
        if label and (label.group("rest") is not None or len(ml.text.split()) <= 6):
            flush()
            close_table()
            section = label_section(label.group("label"), front_sheet)
            if label.group("rest"):
                entry.lines.append(MinuteLine(ml.page, ml.line, label.group("rest")))
            continue
        if section is None:
            continue
        if table is not None:
            _table_row(table, ml)
            continue
        footnote = FOOTNOTE_LINE_RE.match(ml.text)
        if footnote:
            flush()
            out.footnotes[footnote.group("marker")] = footnote.group("text")
            continue
        if (
            entry.lines
            and not _continues(entry.text, ml.text)
            and not (entry.text[-1:].isalpha() and _wrapped(entry.text, entry.lines[-1], ml))
            and not _hangs(entry, ml)
        ):
            flush()
            if section is None:
                continue
        entry.lines.append(ml)
    flush()
    close_table()


def _join_wrapped_labels(lines: list[MinuteLine]) -> list[MinuteLine]:
    """A label too long for its line, ended by a colon on the next ("BOARD MEMBERS PRESENT VIA
    ZOOM AND NOT COUNTING TOWARD" / "QUORUM: Amy Brenna, ..."), as one line holding the label
    and the names (kept at the second line, where the names are printed)."""
    result: list[MinuteLine] = []
    index = 0
    while index < len(lines):
        ml = lines[index]
        label = LABEL_RE.match(ml.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        end = WRAPPED_LABEL_END_RE.match(following.text) if following else None
        if (
            label
            and label.group("rest") is None
            and following is not None
            and following.page is ml.page
            and end
            and not LABEL_RE.match(following.text)
        ):
            text = f"{ml.text} {end.group('label')}: {end.group('value')}"
            result.append(MinuteLine(following.page, following.line, text))
            index += 2
            continue
        result.append(ml)
        index += 1
    return result


def _label_only(text: str) -> bool:
    label = LABEL_RE.match(text)
    return bool(label) and not (label.group("rest") or "").strip()


def _part_line(ml: MinuteLine, spans: list[Span]) -> MinuteLine:
    """A line made of some of a printed line's spans: one column's cell."""
    box = BBox.union([*spans])
    text = " ".join(span.text for span in spans)
    line = Line(text=text, size=ml.line.size, bold=ml.line.bold, spans=spans, **box.model_dump())
    return MinuteLine(ml.page, line, clean(text))


def columns_in_reading_order(lines: list[MinuteLine]) -> list[MinuteLine]:
    """Attendance printed in side-by-side columns under labels on one line ("Present:" and
    "Also in attendance:"): each column is read down before the next, so the names stay under
    their own label. A span belongs to the label whose centre is nearest its own; the columns
    end at the first gap wider than COLUMN_BREAK line pitches."""
    result: list[MinuteLine] = []
    index = 0
    while index < len(lines):
        ml = lines[index]
        labels = header_row(ml.line, lambda _, text: _label_only(text))
        if labels is None:
            result.append(ml)
            index += 1
            continue
        columns: list[list[MinuteLine]] = [[_part_line(ml, [span])] for span in ml.line.spans]
        previous, pitch = ml, None
        index += 1
        while index < len(lines):
            row = lines[index]
            gap = row.line.top - previous.line.top
            if row.page is not ml.page or gap <= 0 or (pitch and gap > COLUMN_BREAK * pitch):
                break
            pitch = pitch or gap
            for span in row.line.spans:
                columns[labels.nearest_index(span.x0, span.x1)].append(_part_line(row, [span]))
            previous = row
            index += 1
        result.extend(part for column in columns for part in column)
    return result


def _cell_starts(lines: list[MinuteLine], index: int) -> list[float]:
    """Left edges of the columns of a grid of names, from the rows printed around this one
    whose cells are set apart by wide gaps."""
    around = lines[max(0, index - GRID_NEIGHBOURS) : index + GRID_NEIGHBOURS + 1]
    page = lines[index].page
    return column_starts(ml.line for ml in around if ml.page is page)


def _grid_cells(lines: list[MinuteLine], index: int) -> list[MinuteLine] | None:
    """A row of a grid of names cut at the grid's columns, when every cell names one person
    (a cell may have lost its gap to the next: "Alistair Thompson Karen Bartlett-Butt"). A
    cell holding only a bracketed abbreviation is the end of the cell above ("(AT)")."""
    ml = lines[index]
    starts = _cell_starts(lines, index)
    if len(starts) < 2:
        return None
    cells: list[list[tuple[str, float, Span]]] = []
    for span in ml.line.spans:
        words = span.text.split()
        if len(words) != len(span.word_starts):
            return None
        for number, (word, x) in enumerate(zip(words, span.word_starts, strict=True)):
            if number == 0 or left_aligned(x, starts):
                cells.append([])
            cells[-1].append((word, x, span))
    if len(cells) < 2:
        return None
    parts = []
    for number, cell in enumerate(cells):
        text = " ".join(word for word, _, _ in cell)
        if ABBREVIATION_CELL_RE.match(text):
            continue
        people = parse_people(text)
        if not people or len(people) != 1:
            return None
        span = cell[0][2]
        following = cells[number + 1][0] if number + 1 < len(cells) else None
        x1 = following[1] if following and following[2] is span else span.x1
        part = Span(
            text=text, word_starts=[x for _, x, _ in cell], x0=cell[0][1], x1=x1,
            top=span.top, bottom=span.bottom,
        )  # fmt: skip
        parts.append(_part_line(ml, [part]))
    return parts if len(parts) >= 2 else None


def _table_row(table: _Table, ml: MinuteLine) -> None:
    """A row starts with a name cell; a line without one continues the cells above it."""
    columns = [table.column_of(span) for span in ml.line.spans]
    if table.name_column in columns or not table.rows:
        table.rows.append(([], {}))
    lines, cells = table.rows[-1]
    lines.append(ml)
    for span, column in zip(ml.line.spans, columns, strict=True):
        cells[column] = clean(f"{cells.get(column, '')} {span.text}")


def read_apologies(minute: Minute, out: _Collector) -> None:
    """The apologies minute: "Apologies were received from A, B and C." or a bare list."""
    if not minute.body:
        return
    text = minute.text
    received = RECEIVED_FROM_RE.search(text)
    if received:
        names = received.group("names")
        end = SENTENCE_END_RE.search(names)
        people = parse_people(names[: end.start()] if end else names)
        if people:
            out.add(people, Section("apologies"), minute.body)
        return
    for ml in minute.body:
        people = parse_people(ml.text)
        if not people:
            break
        out.add(people, Section("apologies"), [ml])


def heading_attendance(minute: Minute) -> list[MinuteLine]:
    """The heading of a minute when it is itself an attendance list: "2661. Apologies for
    absence: Cllrs Shewell & Cobb." or a bold "Present: Cllr N Hackett (Chairman)" running
    over several heading lines. Only a label followed by names counts, so a bare
    "Apologies" heading is left to `read_apologies`."""
    if not minute.heading:
        return []
    first = minute.heading[0]
    numbered = HEADING_RE.match(first.text)
    text = numbered.group("title") if numbered else first.text
    label = LABEL_RE.match(text)
    if not label or not (label.group("rest") or "").strip():
        return []
    return [MinuteLine(first.page, first.line, text, first.cut_at), *minute.heading[1:]]


def read_took_part(minute: Minute, out: _Collector) -> None:
    """People a minute records as having taken part in the meeting (see TOOK_PART_RE)."""
    for index in range(len(minute.body)):
        lines = minute.body[index : index + TOOK_PART_LINES]
        match = TOOK_PART_RE.match(clean(" ".join(line.text for line in lines)))
        if not match:
            continue
        people = parse_people(match.group("names"))
        if not people:
            continue
        for person in people:
            person.organisation = person.organisation or match.group("org")
        out.add(people, Section("in_attendance"), lines)


@register
class AttendeesExtractor(Extractor):
    name = "attendees.v1"

    def extract(self, ctx: ExtractionContext) -> None:
        for segment in minutes_segments(ctx):
            document = parse_minutes(ctx, segment)
            out = _Collector(meeting_key(document), self.name)
            read_attendance(document.header, out)
            for minute in document.minutes:
                if APOLOGY_TITLE_RE.search(minute.title):
                    read_apologies(minute, out)
                read_attendance(heading_attendance(minute) + minute.body, out)
                read_took_part(minute, out)
            ctx.found.attendees.extend(out.finish())
        for segment in ctx.segments("front_sheet"):
            out = _Collector(AGENDA_MEETING_KEY, self.name)
            lines = [MinuteLine(page, line, line.text) for page, line in ctx.lines_of(segment)]
            read_attendance(_lines_from(lines, MEMBERSHIP_RE), out, front_sheet=True)
            if not out.records:  # no "Membership" list: members printed with their seats
                for holder in seat_holders(lines):
                    out.add([holder.person], Section("member"), [holder.line])
            if not out.records:  # or only named on a roll-call form to fill in
                read_attendance(_lines_from(lines, ROLL_CALL_RE), out, front_sheet=True)
            ctx.found.attendees.extend(out.finish())


def _lines_from(lines: list[MinuteLine], label: re.Pattern[str]) -> list[MinuteLine]:
    """From a front sheet, only the lines from the first such label on."""
    for index, ml in enumerate(lines):
        if label.match(ml.text):
            return lines[index:]
    return []
