"""Attendance entries as councils print them, each form from a real set of minutes."""

from __future__ import annotations

import pytest

from extractors.common.persons import parse_people


def people(entry: str, honorific: str | None = None) -> list[tuple]:
    found = parse_people(entry, honorific) or []
    return [(p.honorific, p.name, p.role, p.organisation) for p in found]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # one person per line (Cheshire East minutes)
        ("Councillor J Clowes (Chairman)", [("Councillor", "J Clowes", "Chairman", None)]),
        ("Cllr Rachel Bailey, CE Council", [("Cllr", "Rachel Bailey", None, "CE Council")]),
        (
            "Alison Rylands – Deputy Medical Director, NHS England",
            [(None, "Alison Rylands", "Deputy Medical Director", "NHS England")],
        ),
        (
            "Tony Crane, Director of Children's Services, CE Council",
            [(None, "Tony Crane", "Director of Children's Services", "CE Council")],
        ),
        (
            "Inspector Kate Woods, Cheshire Police",
            [("Inspector", "Kate Woods", None, "Cheshire Police")],
        ),
        # a role printed before the name (Milburn)
        ("Clerk J Connelly", [(None, "J Connelly", "Clerk", None)]),
        # a surname that is also a role word, after an honorific (Kent)
        (
            "Mrs C Head (Head of Finance Operations)",
            [("Mrs", "C Head", "Head of Finance Operations", None)],
        ),
    ],
)
def test_one_person_per_line(entry: str, expected: list[tuple]):
    assert people(entry) == expected


def test_comma_list_carries_a_plural_honorific():
    entry = (
        "Councillors J Barber, S Brookfield, J Clowes, A Critchley, D Edwardes, B Evans, "
        "L Smetham, D Murphy, P Redstone, J Weatherill and N Wylie"
    )
    found = people(entry)
    assert [name for _, name, _, _ in found] == [
        "J Barber", "S Brookfield", "J Clowes", "A Critchley", "D Edwardes", "B Evans",
        "L Smetham", "D Murphy", "P Redstone", "J Weatherill", "N Wylie",
    ]  # fmt: skip
    assert {h for h, _, _, _ in found} == {"Councillor"}


def test_parenthesis_closes_a_person_without_a_comma():
    assert people("Councillors D Richardson (Chair) R Healey, N Cresswell and P Moran") == [
        ("Councillor", "D Richardson", "Chair", None),
        ("Councillor", "R Healey", None, None),
        ("Councillor", "N Cresswell", None, None),
        ("Councillor", "P Moran", None, None),
    ]


def test_sentence_list_with_parenthesised_roles_and_post_nominals():
    entry = (
        "Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE, Ms C McInnes (Director of "
        "Education) and McKay (Acting Chief Accountant)"
    )
    assert people(entry) == [
        ("Mr", "R W Gough", "Chairman", None),
        ("Mr", "N Baker", None, None),
        ("Mr", "R C Love", None, None),
        ("Ms", "C McInnes", "Director of Education", None),
        (None, "McKay", "Acting Chief Accountant", None),
    ]


def test_two_people_share_one_entry():
    assert people("Anita Bradley/Susanne Antrobus, Legal Services, CE Council") == [
        (None, "Anita Bradley", "Legal Services", "CE Council"),
        (None, "Susanne Antrobus", "Legal Services", "CE Council"),
    ]


def test_and_inside_an_organisation_is_not_a_second_person():
    assert people("Cllr Brenda Dowding, (Chair) Cheshire West and Chester Council") == [
        ("Cllr", "Brenda Dowding", "Chair", "Cheshire West and Chester Council")
    ]


def test_footnote_marker_is_kept_apart_from_the_name():
    found = parse_people(
        "Win Lawlor, Strategic Policy and Partnerships Manager (Irish Community Care)**"
    )
    assert found and found[0].name == "Win Lawlor" and found[0].marker == "**"
    assert found[0].role == "Strategic Policy and Partnerships Manager"
    assert found[0].organisation == "Irish Community Care"


def test_trailing_acronym_is_an_organisation():
    assert people("A Armstrong EDC and M Armstrong") == [
        (None, "A Armstrong", None, "EDC"),
        (None, "M Armstrong", None, None),
    ]


@pytest.mark.parametrize(
    "entry",
    [
        "Councillor Richardson welcomed Councillor Neil Cresswell to the Parish Council",
        "Members of the Public - Three Members",
        "Associate Non Voting Member",
        "UNRESTRICTED ITEMS",
        "There were no declarations of interest.",
    ],
)
def test_prose_and_headings_are_not_people(entry: str):
    assert parse_people(entry) is None
