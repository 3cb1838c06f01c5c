"""People as printed in attendance lists: name, honorific, role, organisation, note.

Councils print the same facts in many shapes: one person per line ("Cllr Rachel Bailey, CE
Council"), comma lists with a shared plural honorific ("Councillors J Barber, S Brookfield
and N Wylie"), parenthesised roles ("Mr R W Gough (Chairman)"), two people sharing one role
("Anita Bradley/Susanne Antrobus, Legal Services"), and footnote markers ("Win Lawlor**").
An entry is cut into chunks at top-level commas, semicolons, dashes and "and"; each chunk is
either a person or a descriptor (role or organisation) of the person before it. A chunk that
is neither, such as a sentence, makes the whole entry "not a list of people".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HONORIFICS: dict[str, str] = {
    "councillor": "Councillor",
    "councillors": "Councillor",
    "cllr": "Cllr",
    "cllrs": "Cllr",
    "mr": "Mr",
    "messrs": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "dr": "Dr",
    "prof": "Prof",
    "professor": "Professor",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "rev": "Rev",
    "revd": "Revd",
    "reverend": "Reverend",
    "inspector": "Inspector",
    "sergeant": "Sergeant",
    "superintendent": "Superintendent",
    "mayor": "Mayor",
    "alderman": "Alderman",
    "commissioner": "Commissioner",
    "commissioners": "Commissioner",
}
# Plural forms carry over to the following names in the same list.
PLURAL_HONORIFICS = {"councillors", "cllrs", "messrs", "commissioners"}
# The nouns of a post, as printed before a name: "Clerk J Connelly", "City Attorney Bill
# Kabeiseman", "Council President Arne Nyberg", "Trustee Elton". Not "Director" or
# "Manager", which as often head a department's name ("Executive Director Strategic
# Commissioning").
TITLE_NOUN = (
    r"(?:clerk|chair(?:man|woman|person)?|treasurer|secretary|minute[- ]taker|president|"
    r"attorney|recorder|trustee|supervisor|councilor|councilmember|council\s?member|"
    r"alderm[ae]n|alderperson)"
)
# A role printed before the name: a post, after up to two capitalised words qualifying it
# ("Deputy Clerk", "City Recorder"). A plural post ("Councilors A, B and C") is shared by the
# names that follow it, as a plural honorific is.
ROLE_PREFIX_RE = re.compile(
    rf"^(?P<role>(?:(?:[A-Z][a-z]+|[Vv]ice)[- ]){{0,2}}?(?i:{TITLE_NOUN})(?P<plural>s)?)"
    r"\s+(?=[A-Z])"
)
# A post named without a person ("... and the Clerk"): nobody to record.
UNNAMED_POST_RE = re.compile(rf"^(?:the|a|an|our)\s+(?:[A-Za-z]+\s+){{0,2}}?{TITLE_NOUN}s?$", re.I)
# A councillor of another council, qualified by its tier ("County Cllr Webb", "District
# Councillor Carter"): the body's own members are plain "Cllr".
COUNCIL_TIERS = {"county", "district", "borough", "city", "town", "parish", "state"}
COUNCILLOR_KEYS = {"councillor", "councillors", "cllr", "cllrs"}
POST_NOMINALS = {"obe", "mbe", "cbe", "kbe", "dbe", "jp", "mp", "qc", "kc", "dl", "frcp", "phd"}
ROLE_WORDS = re.compile(
    r"\b(director|manager|officer|chair|chairman|chairperson|chairwoman|head|chief|executive|"
    r"clerk|lead|leader|member|holder|commissioner|secretary|treasurer|adviser|advisor|"
    r"coordinator|co-ordinator|consultant|representative|mayor|deputy|assistant|accountant|"
    r"counsel|solicitor|engineer|planner|inspector|superintendent|visitor|observer|governor|"
    r"president|principal|specialist|analyst|partner|services|service|team|worker|nurse|"
    r"doctor|gp|practitioner|registrar|monitoring|scrutiny|democratic|legal|finance|vice|"
    r"rfo|associate|administrator)s?\b",
    re.I,
)
ORG_WORDS = re.compile(
    r"\b(council|nhs|ccgs?|trust|police|group|board|partnership|england|authority|healthwatch|"
    r"university|college|school|association|society|foundation|limited|ltd|plc|department|"
    r"agency|commission|committee|office|company|fire|rescue|service|services|care|"
    r"network|alliance|forum|constabulary|ministry|government|church|club)\b",
    re.I,
)
NAME_TOKEN_RE = re.compile(
    r"^(?:[A-Z]\.?|[A-Z]\.[A-Z]\.?|(?:Mc|Mac|O'|D'|De|Le|La|Van|Von)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*"
    r"|[A-Z][a-z]*[A-Z][a-z]+|(?:de|van|von|der|da|di|le|la)|[A-Z][A-Z'-]+)$"
)
ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")
# A post's initials printed as a title before a name ("PCSO Sharon Diamond", "CSO Jones");
# three letters at least, so that run-together initials ("JA Smith") stay part of the name.
TITLE_ACRONYM_RE = re.compile(r"^[A-Z]{3,6}$")
PAREN_RE = re.compile(r"\(([^()]*)\)")
REFERENCE_NOTE_RE = re.compile(r"^(item|minute|min\.?|agenda item)s?\b", re.I)
FOOTNOTE_RE = re.compile(r"(\*+|†+|‡+)\s*$")
SEPARATOR_RE = re.compile(r"\s*[,;]\s*|\s+[–—-]\s+")
JOINER_RE = re.compile(r"\s+(?:and|&)\s+|\s*/\s*")
# a blank to be filled in by hand ("Anjali Kausar _______" on a roll-call form)
FILL_IN_RE = re.compile(r"_{3,}")
# a hyphen inside a word, printed with typographic or doubled hyphens ("Bartlett-‐Butt")
HYPHENS_RE = re.compile(r"(?<=\w)[-‐‑]+(?=\w)")
LEADING_JOINER_RE = re.compile(r"^(?:and|&)\s+", re.I)
# OCR reads a capital I as a small l after "Mc"/"Mac" ("Mclsaac" for "McIsaac", "Mclntyre"):
# a small l there followed by a consonant other than l spells no name, a capital I does.
OCR_MC_I_RE = re.compile(r"\b(Ma?c)l(?=[b-df-hj-km-np-tv-z])")
# the most words a post printed beside a name runs to ("Municipal Administrator-Clerk")
MAX_POST_WORDS = 5


@dataclass
class Person:
    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    note: str | None = None
    marker: str | None = None  # footnote marker such as "*" whose text is printed elsewhere
    descriptors: list[str] = field(default_factory=list)


def _split_top_level(text: str, separator: re.Pattern[str] = SEPARATOR_RE) -> list[str]:
    """Split at separators that are not inside parentheses."""
    saved: list[str] = []

    def hide(match: re.Match[str]) -> str:
        saved.append(match.group(0))
        return f"\x00{len(saved) - 1}\x00"

    masked = PAREN_RE.sub(hide, text)
    chunks = separator.split(masked)
    restored = [re.sub(r"\x00(\d+)\x00", lambda m: saved[int(m.group(1))], c) for c in chunks]
    return [c.strip(" .:") for c in restored if c.strip(" .:")]


def _strip_honorific(tokens: list[str]) -> tuple[str | None, bool, list[str]]:
    honorific, plural = None, False
    tier, titles = None, []
    if (
        len(tokens) >= 2
        and tokens[0].lower() in COUNCIL_TIERS
        and tokens[1].lower().rstrip(".") in COUNCILLOR_KEYS
    ):
        tier, tokens = tokens[0], tokens[1:]
    while tokens and tokens[0].lower().rstrip(".") in HONORIFICS:
        key = tokens[0].lower().rstrip(".")
        honorific = HONORIFICS[key]
        titles.append(honorific)
        plural = plural or key in PLURAL_HONORIFICS
        tokens = tokens[1:]
    if tier and honorific:
        honorific = " ".join([tier, *titles])  # "County Cllr Mrs"
    return honorific, plural, tokens


def is_other_councils_member(person: Person) -> bool:
    """A councillor named with another council's tier ("County Cllr Webb")."""
    words = (person.honorific or "").lower().split()
    return len(words) >= 2 and words[0] in COUNCIL_TIERS and words[1] in COUNCILLOR_KEYS


def is_name(tokens: list[str], titled: bool = False, single_ok: bool = False) -> bool:
    """Tokens that read as a person's name: initials and capitalised words.

    After an honorific ("Mrs C Head") the tokens are a name whatever they spell; otherwise
    words naming a role or organisation ("Legal Services", "NHS England") are not a person,
    and a single word is one only when a role is printed with it ("McKay (Acting Chief
    Accountant)").
    """
    if not tokens or len(tokens) > 5:
        return False
    if len(tokens) == 1 and not (titled or single_ok):
        return False
    if not titled and (ORG_WORDS.search(" ".join(tokens)) or ROLE_WORDS.search(" ".join(tokens))):
        return False
    if not all(NAME_TOKEN_RE.match(t) for t in tokens):
        return False
    if all(t.isupper() and len(t.rstrip(".")) > 1 for t in tokens):
        return False  # "UNRESTRICTED ITEMS", "EDC": capitals with no initial or proper case
    return tokens[-1][:1].isupper() and len(tokens[-1].rstrip(".")) > 1


@dataclass
class Carried:
    """A plural honorific or post printed once for the names that follow it."""

    honorific: str | None = None
    role: str | None = None


def _parse_person_chunk(
    chunk: str, carried: Carried, post_beside: bool = True
) -> tuple[Person | None, Carried]:
    """A chunk -> Person (or None), and the plural honorific or post it carries over."""
    role, role_plural = carried.role, False
    match = ROLE_PREFIX_RE.match(chunk)
    if match:
        role_plural = bool(match.group("plural"))
        role = match.group("role").strip()
        if role_plural:
            role = role[:-1]  # "Councilors" -> "Councilor"
        chunk = chunk[match.end() :]
    parens = [p.strip() for p in PAREN_RE.findall(chunk)]
    bare = PAREN_RE.sub(" ", chunk).split()
    honorific, plural, tokens = _strip_honorific(bare)
    if (
        not honorific
        and len(tokens) >= 2
        and TITLE_ACRONYM_RE.match(tokens[0])
        and not ORG_WORDS.search(tokens[0])  # "NHS England" is a body, not a title
        and is_name(tokens[1:], titled=True)
    ):
        honorific, tokens = tokens[0], tokens[1:]  # "PCSO Sharon Diamond"
    organisation = None
    if (
        len(tokens) >= 2
        and ACRONYM_RE.match(tokens[-1])
        and not ROLE_WORDS.fullmatch(tokens[-1])  # "Cathy Fleet CLERK": a post, see _split_post
        and is_name(tokens[:-1])
    ):
        organisation = tokens[-1]  # "A Armstrong EDC"
        tokens = tokens[:-1]
    if post_beside and not honorific and not carried.honorific:
        post, tokens = _split_post(tokens)
        if post:
            role = f"{role} {post}" if role and not role_plural else post
    titled = bool(honorific or carried.honorific or role)
    if not is_name(tokens, titled=titled, single_ok=bool(parens)):
        return None, carried
    person = Person(name=" ".join(tokens), honorific=honorific or carried.honorific, role=role)
    person.organisation = organisation
    for inner in parens:
        if REFERENCE_NOTE_RE.match(inner):
            person.note = inner
        elif inner:
            person.descriptors.append(inner)
    if plural:
        carried = Carried(person.honorific, None)
    elif role_plural or (match and carried.role):
        carried = Carried(carried.honorific, role if role_plural else None)
    return person, carried


def _split_post(tokens: list[str]) -> tuple[str | None, list[str]]:
    """A post printed beside a name without a comma, before it ("Operations Superintendent
    Dan MacInnis", "Fire Chief-MLEO-CEMC Will Bateman") or after it ("Dan MacInnis Operations
    Superintendent"): the words up to or from a role word, when the rest reads as a name of
    two words or more. After a name, a post of a body is printed after a comma ("John Smith,
    Cheshire East Council Chief Executive"), so words naming a body are no post there."""
    if is_name(tokens):
        return None, tokens
    for cut in range(len(tokens) - 2, 0, -1):  # post first: the longest post
        post, name = tokens[:cut], tokens[cut:]
        if _is_post(post, body_ok=True) and is_name(name):
            return " ".join(post), name
    for cut in range(2, len(tokens)):  # name first: the shortest name
        name, post = tokens[:cut], tokens[cut:]
        if _is_post(post) and is_name(name):
            return " ".join(post), name
    return None, tokens


def _is_post(tokens: list[str], body_ok: bool = False) -> bool:
    """Capitalised words ending in a role word ("Fire Chief"), naming no body unless
    `body_ok`."""
    return (
        len(tokens) <= MAX_POST_WORDS
        and all(t[:1].isupper() for t in tokens)
        and bool(ROLE_WORDS.search(tokens[-1]))
        and (body_ok or not ORG_WORDS.search(" ".join(tokens)))
    )


def _assign_descriptors(person: Person) -> None:
    """Descriptors after a name: the last is the organisation unless it reads as a role."""
    parts = [d for d in person.descriptors if d.lower() not in POST_NOMINALS]
    if parts and not ROLE_WORDS.search(parts[-1]) and (len(parts) >= 2 or not person.role):
        person.organisation = person.organisation or parts[-1]
        parts = parts[:-1]
    if parts:
        role = ", ".join(parts)
        person.role = f"{person.role}, {role}" if person.role else role


def _people_in_chunk(
    chunk: str, carried: Carried, post_beside: bool = True
) -> tuple[list[Person], Carried]:
    """People named in one chunk: "A and B", "A/B" or a single person; [] for a descriptor.
    A post named without a person ("A and the Clerk") is passed over."""
    parts = _split_top_level(chunk, JOINER_RE)
    named = [part for part in parts if not UNNAMED_POST_RE.match(part)]
    for candidate in ([named] if len(parts) > 1 and named else []) + [[chunk]]:
        found, carry = [], carried
        for part in candidate:
            person, carry = _parse_person_chunk(part, carry, post_beside)
            if person is None:
                break
            found.append(person)
        else:
            return found, carry
    return [], carried


def parse_people(entry: str, honorific: str | None = None) -> list[Person] | None:
    """Every person in one attendance entry, or None when the entry is not a list of people.

    `honorific` is a plural honorific carried over from a label ("Councillors Present:").
    """
    text = HYPHENS_RE.sub("-", FILL_IN_RE.sub(" ", entry).strip())
    text = OCR_MC_I_RE.sub(r"\1I", text)
    marker_match = FOOTNOTE_RE.search(text)
    text = FOOTNOTE_RE.sub("", text).strip()
    # "D Richardson (Chair) R Healey": a parenthesis closes one person before the next.
    text = re.sub(r"\)\s+(?=(?:[A-Z]\.?\s)|[A-Z][a-z])", "), ", text)
    people: list[Person] = []
    group: list[Person] = []  # people sharing the descriptors that follow ("A/B, Legal")
    carried = Carried(honorific)
    for chunk in _split_top_level(text):
        chunk = LEADING_JOINER_RE.sub("", FOOTNOTE_RE.sub("", chunk).strip())
        if chunk.lower() in POST_NOMINALS or UNNAMED_POST_RE.match(chunk):
            continue
        # "Lorraine Butcher, Executive Director Strategic Commissioning": after one name the
        # chunk is that person's post; a name with its post beside it is read at the start of
        # a list or after two names or more ("A, B, Dan MacInnis Operations Superintendent")
        post_beside = len(people) != 1 or people[0].role is not None
        found, carried = _people_in_chunk(chunk, carried, post_beside)
        if found:
            people.extend(found)
            group = found
            continue
        if not group:
            return None  # the entry does not start with a person
        if len(chunk.split()) > 12:
            return None  # a sentence, not a role
        descriptors = [PAREN_RE.sub(" ", chunk).strip()]
        descriptors += [p.strip() for p in PAREN_RE.findall(chunk)]
        for person in group:
            person.descriptors.extend(d for d in descriptors if d)
    if not people:
        return None
    for person in people:
        _assign_descriptors(person)
    if marker_match:
        people[-1].marker = marker_match.group(1)
    return people


def without_honorifics(tokens: list[str]) -> list[str]:
    """A name's tokens after its honorifics and posts ("Cllr", "County Cllr Mrs", "Dr")."""
    return _strip_honorific(tokens)[2]
