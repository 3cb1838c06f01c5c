"""Contact blocks: phones and addresses, names and roles, on real corpus pages and end to end."""

from __future__ import annotations

from functools import cache

import pytest

from extractors.common.phones import find_emails, find_phones, to_e164
from extractors.contacts.blocks import Contact, page_contacts, person_name
from pipeline.extract import extract_document
from pipeline.normalize import normalize
from tests.conftest import extract_corpus, read_corpus, segment_corpus


@pytest.mark.parametrize(
    ("printed", "e164"),
    [
        ("01270 686460", "+441270686460"),
        ("017683 52469", "+441768352469"),
        ("03000 410 066", "+443000410066"),
        ("07818 002157", "+447818002157"),
        ("(408) 252-3000", "+14082523000"),
        ("212-979-2272", "+12129792272"),
        ("773.728.3890", "+17737283890"),  # also a valid UK number if read with a trunk 0
        ("705-724-2144", "+17057242144"),  # Ontario
        ("12345", None),
        (None, None),
    ],
)
def test_phones_in_e164(printed, e164):
    assert to_e164(printed) == e164


def test_phones_and_emails_in_text():
    assert [f.raw for f in find_phones("Tel: 0300 123 8 123 Textphone: 18001 01606 867 670")] == [
        "0300 123 8 123"
    ]
    # dates, amounts and reference numbers are not phones
    assert find_phones("In 2014-2016 there were 1,234,567 and £1,443,821.00 (ref 42R-21854)") == []
    assert [
        f.raw for f in find_emails("Contact: 07818 002157 Judith.gibson@cheshireeast.gov.uk")
    ] == ["Judith.gibson@cheshireeast.gov.uk"]
    assert [f.raw for f in find_emails("direct any queries to EnquiriesX@communities.gov.uk.")] == [
        "EnquiriesX@communities.gov.uk"
    ]
    assert find_emails("georgina.little@kent") == []
    assert [f.raw for f in find_emails("georgina.little@kent", partial_at_end=True)] == [
        "georgina.little@kent"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Julie North", "Julie North"),
        ("Joel.Hammond-Gant", "Joel Hammond-Gant"),
        ("Joe McKay", "Joe McKay"),
        ("Cllr Jo Lee", "Jo Lee"),
        ("General Counsel", None),
        ("Democratic Services Team", None),
        ("Grays, Essex", None),
        ("Civic Offices, New Road", None),
        ("Health and Wellbeing Board", None),
        ("Date: 7 January 2025", None),
        ("Unrestricted", None),
    ],
)
def test_person_names(text, name):
    assert person_name(text) == name


@cache
def contacts_on(stem: str, page: int) -> list[Contact]:
    return page_contacts(read_corpus(stem).pages[page - 1])


def summary(contacts: list[Contact]) -> list[tuple]:
    return [(c.name, c.role, c.phone, c.email) for c in contacts]


def test_agenda_clerk_contact():
    """000 front sheet: 'Contact: Julie North / Tel: ... / E-Mail: ... with any apologies'."""
    assert summary(contacts_on("000_de16defd1125f27f", 1)) == [
        ("Julie North", None, "01270 686460", "julie.north@cheshireeast.gov.uk")
    ]


def test_report_writer_with_a_wrapped_designation():
    """000 page 13: Name / Designation (two lines) / 'Contact: phone address'."""
    assert summary(contacts_on("000_de16defd1125f27f", 13)) == [
        (
            "Judith Gibson",
            "Cheshire East Council Development Manager, Domestic Abuse and Sexual Violence and "
            "CEDAP Manager",
            "07818 002157",
            "judith.gibson@cheshireeast.gov.uk",
        )
    ]


def test_name_designation_tel_no_email_block():
    assert summary(contacts_on("000_de16defd1125f27f", 113)) == [
        (
            "Catherine Mills",
            "Clinical Projects Manager, NHS South Cheshire CCG",
            "01270 275295",
            "catherinemills2@nhs.net",
        )
    ]


def test_letterhead_with_an_address_wrapped_over_two_lines():
    """Kent front sheet: 'Ask for: Georgina Little', 'Telephone: Tel: ...', an address cut
    as 'georgina.little@kent' / '.gov.uk'; page 2: name / role / phone lines."""
    stem = "kent-cc-cabinet-2025-01-30-agenda-frontsheet"
    assert summary(contacts_on(stem, 1)) == [
        ("Georgina Little", None, "03000 414043", "georgina.little@kent.gov.uk")
    ]
    assert summary(contacts_on(stem, 2)) == [
        ("Benjamin Watts", "General Counsel", "03000 416814", None)
    ]


def test_two_contacts_side_by_side():
    """Kent budget report: 'Report Author' and 'Relevant Director' in two columns."""
    stem = "kent-cc-cabinet-2025-01-30-budget-monitoring-report"
    assert summary(contacts_on(stem, 4)) == [
        ("Joe McKay", "Acting Chief Accountant", "03000 419601", "joe.mckay@kent.gov.uk"),
        (
            "John Betts",
            "Interim Corporate Director Finance",
            "03000 410066",
            "john.betts@kent.gov.uk",
        ),
    ]


def test_clerk_label_on_a_parish_letterhead():
    """Milburn: 'Clerk : Joan Todd | Telephone : 017683 52469' / 'E-mail : clerk@...'."""
    assert summary(contacts_on("milburn-pc-2019-09-03-agenda", 1)) == [
        ("Joan Todd", "Clerk", "017683 52469", "clerk@milburnparishcouncil.com")
    ]


def test_fax_is_not_the_contact_phone():
    """Nipissing letterhead: 'Telephone 705-724-2144 Fax 705-724-5385'."""
    assert summary(contacts_on("nipissing-township-2023-03-21-agenda", 1)) == [
        (None, None, "705-724-2144", None)
    ]


def test_numbers_in_sentences_are_not_contact_blocks():
    """Chicago: 'please contact 312-742-8888.' and an address inside a sentence."""
    assert contacts_on("chicago-police-district-council-001-2023-06-06-agenda", 1) == []


def test_front_sheet_contact_has_no_item_and_report_contacts_have_theirs():
    stem = "000_de16defd1125f27f"
    found = normalize(extract_document(read_corpus(stem), segment_corpus(stem)))
    by_email = {c.email: c for c in found.contacts}
    assert by_email["julie.north@cheshireeast.gov.uk"].item_number is None
    judith = by_email["judith.gibson@cheshireeast.gov.uk"]
    assert (judith.item_number, judith.phone_e164) == ("5", "+447818002157")
    assert (judith.provenance.page, judith.provenance.page_label) == (13, "Page 10")
    assert judith.provenance.source_text.startswith("Name: Judith Gibson")
    # the same officer is the contact for two reports of item 7: two blocks
    assert [c.provenance.page for c in found.contacts if c.name == "Guy Kilminster"] == [67, 74]


def test_contacts_in_the_database(corpus_con):
    def rows(file_name: str) -> list[tuple]:
        return corpus_con.execute(
            """SELECT c.name, c.phone, c.phone_e164, c.email, c.page FROM contacts c
               JOIN documents d USING (document_id) WHERE d.file_name = ? ORDER BY contact_id""",
            [file_name],
        ).fetchall()

    thurrock = rows("003_9fbe4fd92762a598.pdf")
    # a generic mailbox is a contact without a name (and is listed once on its page)
    assert [r for r in thurrock if r[3] == "direct.democracy@thurrock.gov.uk"] == [
        (None, None, None, "direct.democracy@thurrock.gov.uk", 2)
    ]
    # the report author is a contact; "Implications verified by" sign-offs are not
    assert ("Alan Cotgrove", "01375 652813", "+441375652813", "acotgrove@thurrock.gov.uk", 93) in (
        thurrock
    )
    assert not [
        r for r in thurrock if r[3] in ("mxjones@thurrock.gov.uk", "rprice@thurrock.gov.uk")
    ]
    # a table of finance officers: one contact per row
    kent = rows("kent-cc-cabinet-2025-01-30-finance-monitoring-q3-report.pdf")
    assert [r[0] for r in kent] == [
        "John Betts",
        "Cath Head",
        "Joe McKay",
        "Jo Lee",
        "Julie Samson",
    ]
    # a New York letterhead: phone, not the fax; the city is not a person
    assert rows("manhattan-cb2-2024-07-18-minutes.pdf") == [
        (None, "212-979-2272", "+12129792272", "info@manhattancb2.org", 1)
    ]


@pytest.mark.parametrize(
    ("stem", "contacts"),
    [
        # p1 "Public comments can be submitted via email to Community-Input@avcity.org or by
        # calling (949) 425-2509"; p2 "Please contact the City Clerk's Office at (949) 425-2505"
        (
            "aliso-viejo-cc-2021-01-20-agenda",
            [
                (None, "(949) 425-2509", "community-input@avcity.org", 1),
                ("City Clerk’s Office", "(949) 425-2505", None, 2),
            ],
        ),
        # "contacting the Commission Office at (213) 367-1356"; the listen-in and public
        # comment line (213) 306-3065, printed with access codes, is not a contact
        (
            "ladwp-board-of-commissioners-2022-01-25-agenda",
            [("Commission Office", "(213) 367-1356", None, 1)],
        ),
        # local numbers without an area code: p6 "should call the City Clerk's Office at
        # 903-6304 48 hours in advance" (p5 prints the full "(650) 903-6304"); Omaha p22
        # "Please contact Sandra L. Moses - 444-5552 if arrangements need to be made."
        (
            "mountain-view-city-council-2016-04-05-agenda",
            [(None, "(650) 903-6304", None, 5), (None, "903-6304", None, 6)],
        ),
        ("omaha-city-council-2012-10-16-agenda", [(None, "444-5552", None, 22)]),
    ],
)
def test_contacts_offered_in_a_sentence(stem, contacts):
    found = extract_corpus(stem).contacts
    assert [(c.role, c.phone, c.email, c.provenance.page) for c in found] == contacts
