"""Members of the body an agenda is for, listed with their seats (status 'member').

Expected values were read off the PDFs' front pages (see each comment), not copied from output.
"""

from __future__ import annotations

import pytest

from extractors.persons import parse_people
from tests.conftest import extract_corpus


def _members(stem: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.role) for a in extract_corpus(stem).attendees if a.status == "member"]


@pytest.mark.parametrize(
    ("stem", "members"),
    [
        # seat heading over its holders: "Mayor" / "Ray Jackson" ... "Councilmembers" / 3 names
        (
            "hermosa-beach-cc-2023-01-10-agenda",
            [
                ("Ray Jackson", "Mayor"),
                ("Justin Massey", "Mayor Pro Tem"),
                ("Dean Francois", "Councilmembers"),
                ("Rob Saemann", "Councilmembers"),
                ("Mike Detoy", "Councilmembers"),
            ],
        ),
        # "Rich Constantine - Mayor"; "Mayor Constantine" at the call to order is the same man
        (
            "morgan-hill-cc-2021-01-20-agenda",
            [
                ("Rich Constantine", "Mayor"),
                ("John McKay", "Mayor Pro Tem"),
                ("Gino Borgioli", "Council Member"),
                ("Yvonne Martinez Beltran", "Council Member"),
                ("Rene Spring", "Council Member"),
            ],
        ),
        # a lettered roll call, "A. Norm Zezula, Mayor Pro Tempore", printed on pages 2 and 3
        (
            "la-habra-heights-cc-2022-12-12-agenda",
            [
                ("Norm Zezula", "Mayor Pro Tempore"),
                ("Brian Bergman", "Council Member"),
                ("Carol Engelhardt", "Council Member"),
                ("Dennis Laherty", "Council Member"),
                ("John Pespisa", "Council Member"),
            ],
        ),
        # roll-call vote lines of an action item: "Roll Call Vote: Anjali Kausar _______"
        (
            "cupertino-usd-board-2016-02-09-agenda",
            [
                ("Anjali Kausar", None),
                ("Josephine Lucey", None),
                ("Kristen Lyn", None),
                ("Soma McCandless", None),
                ("Phyllis Vogel", None),
            ],
        ),
    ],
)
def test_members_listed_with_their_seats(stem: str, members: list[tuple[str, str | None]]):
    assert _members(stem) == members


def test_officers_printed_beside_the_members_are_not_members():
    """Mountain View's cover: two columns of "Name, Councilmember", then "Daniel H. Rich, City
    Manager", "Lorrie Brewer, City Clerk", "Jannie L. Quinn, City Attorney"."""
    names = [name for name, _ in _members("mountain-view-city-council-2016-04-05-agenda")]
    assert sorted(names) == [
        "Christopher R. Clark",
        "John M. Inks",
        "John McAlister",
        "Ken S. Rosenberg",
        "Leonard M. Siegel",
        "Patricia Showalter",
        "R. Michael Kasperzak, Jr.",
    ]


def test_a_councillor_of_another_tier_attends_without_being_a_member():
    (person,) = parse_people("District Cllr Mrs Sims")
    assert (person.name, person.honorific) == ("Sims", "District Cllr Mrs")
    (person,) = parse_people("County Cllr Webb")
    assert (person.name, person.honorific) == ("Webb", "County Cllr")


@pytest.mark.parametrize(
    ("stem", "people"),
    [
        # "Board members present were Trustee Elton, Trustee Albrecht, Trustee Hawkins, Trustee
        # Piacentini, and Supervisor Liccar. Clerk Buiter was also present."
        (
            "crete-township-board-2024-10-09-minutes",
            [
                ("Elton", "Trustee", "present"),
                ("Albrecht", "Trustee", "present"),
                ("Hawkins", "Trustee", "present"),
                ("Piacentini", "Trustee", "present"),
                ("Liccar", "Supervisor", "present"),
                ("Buiter", "Clerk", "in_attendance"),
            ],
        ),
        # "Present: Mayor Heather Kibbey, Council President Arne Nyberg, and Councilors Carolyn
        # Bahrman, Brenda Ruble, and Bill Tuttle were present. City Attorney Bill Kabeiseman
        # was also present."
        (
            "rivergrove-cc-2018-12-10-minutes",
            [
                ("Heather Kibbey", None, "present"),
                ("Arne Nyberg", "Council President", "present"),
                ("Carolyn Bahrman", "Councilor", "present"),
                ("Brenda Ruble", None, "present"),
                ("Bill Tuttle", None, "present"),
                ("Bill Kabeiseman", "City Attorney", "in_attendance"),
            ],
        ),
    ],
)
def test_roll_call_sentences(stem: str, people: list[tuple[str, str | None, str]]):
    got = [(a.name, a.role, a.status) for a in extract_corpus(stem).attendees]
    assert got == people
