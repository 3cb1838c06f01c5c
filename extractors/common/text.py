"""Small text and geometry helpers shared by extractors."""

from __future__ import annotations

import re

from pipeline.models import BBox, Line, Page, Provenance

SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "at", "a", "an", "or", "with", "by"}
COUNCIL_RE = re.compile(
    r"\b((?:[A-Z][A-Za-z'&.-]+\s+){1,3}?(?:(?:County|City|Borough|District|Parish|Town|"
    r"Metropolitan Borough)\s+)?Council)\b(?!s)"
)
ITEM_LINE_RE = re.compile(r"^\s*(?P<num>\d{1,2}[a-z]?)\s?(?:[.):]|\s)\s*(?P<title>\S.*)$")
NOT_A_PLACE = {
    "the",
    "a",
    "this",
    "each",
    "county",
    "city",
    "borough",
    "district",
    "parish",
    "town",
    "full",
    "our",
    "your",
    "their",
    "local",
    "members",
    "member",
}


# Where one sentence ends and the next begins: after ".", "!" or "?" - not the full stop of an
# initial ("J. Smith") or of a title or abbreviation ("Mr.", "Dr.", "No.", "St.") - and before a
# capital, a bracket, a quote, a bullet or a currency sign. Attendance paragraphs, decisions,
# contact sentences and the sentence around a money figure are all cut here.
SENTENCE_BREAK_RE = re.compile(
    r"(?<=[.!?])(?<![\s(][A-Z]\.)(?<!^[A-Z]\.)(?<!Dr\.)(?<!Mr\.)(?<!Ms\.)(?<!No\.)(?<!St\.)"
    r"(?<!Mrs\.)\s+(?=[A-Z(“\"'‘•£$€])"
)


def sentences(text: str) -> list[str]:
    """The sentences of a text, in order (see SENTENCE_BREAK_RE); a full stop inside
    brackets ("(Ch. No. 300093)") ends none."""
    found: list[str] = []
    for piece in SENTENCE_BREAK_RE.split(text):
        if found and found[-1].count("(") > found[-1].count(")"):
            found[-1] += " " + piece
        else:
            found.append(piece)
    return found


def clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"\s+", " ", text).strip()


def title_case_if_upper(text: str) -> str:
    """'MILBURN VILLAGE HALL' -> 'Milburn Village Hall'; mixed-case text is left as printed."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        if any(ch.isdigit() for ch in word):
            out.append(word)
        elif index > 0 and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)


def provenance(page: Page, lines: list[Line], source_text: str | None = None) -> Provenance:
    box = BBox.union(lines)
    return Provenance(
        page=page.number,
        page_label=page.page_label,
        x0=round(box.x0, 2),
        top=round(box.top, 2),
        x1=round(box.x1, 2),
        bottom=round(box.bottom, 2),
        source_text=source_text if source_text is not None else "\n".join(ln.text for ln in lines),
    )


def council_names(text: str) -> list[str]:
    """Council names mentioned in text ('Kent County Council', 'CHESHIRE EAST COUNCIL')."""
    found = []
    for line in text.splitlines():
        probe = title_case_if_upper(line)
        for match in COUNCIL_RE.finditer(probe):
            words = match.group(1).split()
            while words and words[0].lower() in NOT_A_PLACE:
                words = words[1:]
            if len(words) >= 2:
                found.append(" ".join(words))
    return found


# The title of an agenda: "Agenda", "Agenda and reports", "AGENDA - Council", "Agenda and
# Notice"; the segment stage opens an agenda at it, and agenda items start after it.
AGENDA_HEADING_RE = re.compile(
    r"^(?:.{0,80}\s)?agenda(?:\s+(?:and reports|pack|supplement|for\b.{0,60}))?\s*$"
    r"|^\s*agenda\s*[-–:]"
    r"|^(?:.{0,80}\s)?agenda\s+(?:and|&)\s+(?:notice|summons)\b",
    re.I,
)
