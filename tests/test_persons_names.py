"""One name check for attendance lists and contact blocks (`persons.looks_like_name`).

Words naming a role, a body, a council tier, a document or a department are no part of a
person's name; a word that is also a common surname ("Head", "Partner", "Hall", "Church") bars
only a name that nothing vouches for: a contact's name label or own e-mail address, an
honorific, or spaCy reading the whole name as a person's.
"""

from __future__ import annotations

import pytest

from extractors.common.persons import looks_like_name, parse_people
from extractors.contacts.blocks import page_contacts, person_name
from tests.conftest import extract_corpus, read_corpus


@pytest.mark.parametrize(
    ("text", "labelled", "mailbox", "name"),
    [
        ("Tom Head", True, "", "Tom Head"),  # "Contact Officer: Tom Head"
        ("Tom Head", False, "tom.head", "Tom Head"),  # his own address
        ("Anna Partner", True, "", "Anna Partner"),
        ("Anna Partner", False, "apartner", "Anna Partner"),
        ("Mark Church", False, "mark.church", "Mark Church"),
        ("Ann Page", True, "", "Ann Page"),  # "page" is a document word and a surname
        ("Sam Holder", False, "sam.holder", "Sam Holder"),
        ("Clinical Lead", False, "", None),  # a post: nothing vouches, spaCy reads no person
        ("Practice Nurse", False, "", None),
        ("Democratic Services", True, "", None),  # never a name, label or not
        ("Democratic Services", False, "democratic.services", None),
        ("Contact Details", False, "", None),
        ("Contact Details", True, "", None),
        ("Village Hall", False, "", None),
        ("Town Hall", True, "", None),  # a council tier is never part of a name
        ("Yours sincerely", False, "", None),
        ("Interim Corporate Director", True, "", None),
        ("Adult Social Care", False, "", None),
    ],
)
def test_contact_names_vouched_by_the_block(text, labelled, mailbox, name):
    assert person_name(text, labelled=labelled, mailbox=mailbox) == name


@pytest.mark.parametrize(
    ("tokens", "titled", "vouched", "expected"),
    [
        (["Tom", "Head"], False, True, True),
        (["C", "Head"], True, False, True),  # "Mrs C Head": an honorific vouches
        (["Head", "Teacher"], False, False, False),  # a surname word not ending the name
        (["Legal", "Services"], False, True, False),
        (["NHS", "England"], False, True, False),
        (["County", "Hall"], False, True, False),
        (["Agenda", "Item"], False, True, False),
        (["Jo", "Lee"], False, False, True),
    ],
)
def test_one_name_check(tokens, titled, vouched, expected):
    assert looks_like_name(tokens, titled=titled, vouched=vouched) is expected


def test_attendees_use_the_same_check():
    people = parse_people("Mrs C Head, Clerk")
    assert [(p.name, p.honorific, p.role) for p in people] == [("C Head", "Mrs", "Clerk")]
    people = parse_people("Jane Smith, Clinical Lead")
    assert [(p.name, p.role) for p in people] == [("Jane Smith", "Clinical Lead")]
    assert parse_people("Democratic Services, Legal Services") is None


def test_a_contact_table_whose_officer_is_named_head():
    """Kent's finance monitoring report lists its contacts as table rows: post, name, phone,
    e-mail; "Head of Finance Operations Cath Head ... cath.head@kent.gov.uk" (page 1)."""
    page = read_corpus("kent-cc-cabinet-2025-01-30-finance-monitoring-q3-report").pages[0]
    found = {(c.name, c.role, c.email) for c in page_contacts(page)}
    assert ("Cath Head", "Head of Finance Operations", "cath.head@kent.gov.uk") in found
    assert ("Jo Lee", "Capital Finance Manager", "joanna.lee@kent.gov.uk") in found


def test_an_officer_in_attendance_named_hall():
    """Thurrock's Health and Wellbeing Board minutes (17 July 2014), "In attendance:" table:
    "Allison Hall | Commissioning Officer | Thurrock Council"."""
    found = {
        (a.name, a.role, a.organisation)
        for a in extract_corpus("003_9fbe4fd92762a598").attendees
        if a.name == "Allison Hall"
    }
    assert found == {("Allison Hall", "Commissioning Officer", "Thurrock Council")}
