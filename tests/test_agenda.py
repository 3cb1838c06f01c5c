"""Agenda front sheets: the meeting and its items, compared with gold and the seed page maps."""

from __future__ import annotations

import re

import pytest

from tests.conftest import extract_corpus, gold, pagemap

GOLD_AGENDAS = [
    "000_de16defd1125f27f",
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
    "milburn-pc-2019-09-03-agenda",
]
PAGEMAP_AGENDAS = ["000_de16defd1125f27f", "002_f8fc1ac79f48ba23", "003_9fbe4fd92762a598"]


def _extract(stem: str):
    return extract_corpus(stem)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@pytest.mark.parametrize("stem", GOLD_AGENDAS)
def test_agenda_items_match_gold(stem: str):
    want = [
        (i["number"], _norm(i["title"]), tuple(i["printed_pages"] or (None, None)), i["part"])
        for i in gold(stem)["agenda_items"]
    ]
    got = [
        (a.number, _norm(a.title), (a.printed_first_page, a.printed_last_page), a.part)
        for a in _extract(stem).agenda_items
    ]
    assert got == want


@pytest.mark.parametrize("stem", PAGEMAP_AGENDAS)
def test_agenda_items_match_page_map(stem: str):
    truth = pagemap(stem)
    want = [
        (a["item"], a["title"], tuple(a["front_sheet_pages"] or (None, None)))
        for a in truth["agenda"]
    ]
    items = _extract(stem).agenda_items
    got = [(a.number, a.title, (a.printed_first_page, a.printed_last_page)) for a in items]
    assert got == want
    papers = {n: (r["first_page"], r["last_page"]) for n, r in truth["items"].items()}
    for item in items:
        assert (item.first_page, item.last_page) == papers.get(item.number, (None, None))


@pytest.mark.parametrize("stem", GOLD_AGENDAS)
def test_agenda_meeting_matches_gold(stem: str):
    want = next(m for m in gold(stem)["meetings"] if m["kind"] == "agenda")
    meetings = [m for m in _extract(stem).meetings if m.kind == "agenda"]
    assert len(meetings) == 1
    got = meetings[0]
    assert got.authority == want["authority"]
    assert got.body == want["body"]
    assert got.meeting_date.isoformat() == want["date"]
    assert (got.start_time.strftime("%H:%M") if got.start_time else None) == want["start_time"]
    assert got.venue == want["venue"]


def test_thurrock_style_front_sheet_meeting():
    """Date and time in a sentence, the venue on the next line, authority from the text."""
    meeting = _extract("003_9fbe4fd92762a598").meetings[0]
    assert (meeting.authority, meeting.body) == ("Thurrock Council", "Health and Wellbeing Board")
    assert meeting.meeting_date.isoformat() == "2014-09-11"
    assert meeting.start_time.strftime("%H:%M") == "14:00"
    assert meeting.venue == "Committee Room 1, Civic Offices, New Road, Grays, Essex, RM17 6SL"


def test_items_carry_provenance():
    items = _extract("000_de16defd1125f27f").agenda_items
    item5 = next(a for a in items if a.number == "5")
    assert item5.provenance.page == 1
    assert item5.provenance.source_text.startswith("5. Joining Strategy")
    assert "(Pages 9 - 72)" in item5.provenance.source_text
    assert item5.provenance.top < item5.provenance.bottom
    assert item5.description.startswith("To consider a report")


def test_exempt_heading_starts_part_two(tmp_path):
    """Items after a PART 2 heading are part 2; the parser sees geometry, so build a page."""
    from extractors.agenda_items import outline_items
    from pipeline.models import Line, Page, Span

    def line(text: str, top: float) -> Line:
        span = Span(text=text, x0=50, top=top, x1=400, bottom=top + 10, word_starts=[50])
        return Line(
            text=text, x0=50, top=top, x1=400, bottom=top + 10, size=11, bold=False, spans=[span]
        )

    texts = [
        "Agenda",
        "1. Apologies",
        "2. Minutes (Pages 1 - 4)",
        "PART 2 - EXEMPT ITEMS",
        "3. Land Disposal (Pages 5 - 9)",
    ]
    page = Page(
        number=1, width=595, height=842, lines=[line(t, 100 + 25 * i) for i, t in enumerate(texts)]
    )
    items = outline_items([page])
    assert [(i.entry.number, i.part) for i in items] == [("1", 1), ("2", 1), ("3", 2)]


def test_section_labels_are_items():
    """US agendas set their sections as capitals labels with a colon, left of the numbered
    entries ("CONSENT CALENDAR:"); each section is an item (checked against the PDF: Rancho
    Palos Verdes prints CALL TO ORDER: and ROLL CALL: once for each of its two sessions)."""
    titles = [
        i.title for i in extract_corpus("rancho-palos-verdes-cc-2022-12-06-agenda").agenda_items
    ]
    for section in ("CONSENT CALENDAR", "PUBLIC HEARINGS", "REGULAR BUSINESS", "ADJOURNMENT"):
        assert sum(t.rstrip(":") == section for t in titles) == 1, section
    assert sum(t.rstrip(":") == "CALL TO ORDER" for t in titles) == 2
    assert "PLEDGE OF ALLEGIANCE: To be announced" in titles


def test_memo_fields_and_wrapped_capitals_are_not_sections():
    report = extract_corpus("aliso-viejo-cc-2021-01-20-report-salary-schedule").agenda_items
    assert not any(i.title.startswith(("DATE:", "FROM:", "TO:", "SUBJECT:")) for i in report)
    agenda = extract_corpus("la-habra-heights-cc-2022-12-12-agenda").agenda_items
    assert not any("MEETING LIVE AT" in i.title for i in agenda)


def test_unlabelled_topics_listed_under_an_item_are_sub_items():
    """Chicago's district council agenda lists four discussion topics one per line, indented
    under "5. Discussions" with no labels (checked on the rendered page: Introductions,
    District Council Overview, Vacancy Search Update, Superintendent Search Updates): each is a
    sub-item of 5 without a number. Cupertino's presenter and department under "9.
    RECOGNITION" are two lines only, a note, not a sub-list."""
    items = extract_corpus("chicago-police-district-council-001-2023-06-06-agenda").agenda_items
    topics = [(i.title, i.parent) for i in items if i.number is None]
    assert topics == [
        ("Introductions", "5"),
        ("District Council Overview", "5"),
        ("Vacancy Search Update", "5"),
        ("Superintendent Search Updates", "5"),
    ]
    cupertino = extract_corpus("cupertino-usd-board-2016-02-09-agenda").agenda_items
    assert not any(i.title in ("Bob Schrick", "Maintenance Department") for i in cupertino)


def test_a_sub_list_laid_out_like_earlier_ones_is_items_after_running_text():
    """LA DWP's closed session "M." has a lead-in sentence ("... regarding the below items:")
    over seven numbered conferences at the indent of the numbered sub-items of I-L (checked on
    pages 6-7): they are sub-items of M. Aliso Viejo's consent items 4.1-4.7 follow the
    consent calendar's explanatory paragraph, at the indent of 1.1-1.2 (pages 3-4). La Habra
    Heights' lettered clauses under a "RECOMMENDATION: ... Council:" field stay details
    (page 3-4: "A. Appoint Council Member ___ to serve as Mayor")."""
    ladwp = extract_corpus("ladwp-board-of-commissioners-2022-01-25-agenda").agenda_items
    closed = [(i.number, i.title) for i in ladwp if i.parent == "M"]
    assert [number for number, _ in closed] == [str(n) for n in range(1, 8)]
    assert all(t.startswith("CONFERENCE WITH LEGAL COUNSEL") for _, t in closed)
    aliso = extract_corpus("aliso-viejo-cc-2021-01-20-agenda").agenda_items
    consent = [(i.number, i.parent) for i in aliso if i.parent == "4"]
    assert consent == [(f"4.{n}", "4") for n in range(1, 8)]
    assert next(i.title for i in aliso if i.number == "4.3") == "ACCOUNTS PAYABLE"
    habra = extract_corpus("la-habra-heights-cc-2022-12-12-agenda").agenda_items
    assert not any(i.title.startswith("Appoint Council Member") for i in habra)


def test_an_outermost_number_printed_twice_is_two_items():
    """Rosemead's agenda prints "4. PUBLIC HEARING" twice on page 4, once over 4.A and again
    as an empty heading right before "5. CONSENT CALENDAR" (checked on the page): both are
    items, and the list goes on to 5-8."""
    items = extract_corpus("rosemead-cc-2022-11-08-agenda").agenda_items
    outer = [(i.number, i.provenance.page) for i in items if i.number and i.parent is None]
    assert [n for n, _ in outer] == ["1", "2", "3", "4", "4", "5", "6", "7", "8"]
    hearings = [i for i in items if i.number == "4"]
    assert [(i.title, i.provenance.page) for i in hearings] == [("PUBLIC HEARING", 4)] * 2
