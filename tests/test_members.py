"""Members of the body an agenda is for, listed with their seats (status 'member').

Expected values were read off the PDFs' front pages (see each comment), not copied from output.
"""

from __future__ import annotations

import pytest

from tests.conftest import extract_corpus


def _members(stem: str) -> list[tuple[str, str | None]]:
    return [(a.name, a.role) for a in extract_corpus(stem).attendees if a.status == "member"]


@pytest.mark.parametrize(
    ("stem", "members"),
    [
        # seat then name, one per line, on the cover: "Mayor Tiffany Ackley", ...
        (
            "aliso-viejo-cc-2021-01-20-agenda",
            [
                ("Tiffany Ackley", "Mayor"),
                ("Ross Chun", "Mayor Pro Tem"),
                ("David C. Harrington", "Councilmember"),
                ("Richard W. Hurt", "Councilmember"),
                ("Mike Munzing", "Councilmember"),
            ],
        ),
        # "President Cynthia McClain-Hill", "Commissioner Mia Lehrer", ...
        (
            "ladwp-board-of-commissioners-2022-01-25-agenda",
            [
                ("Cynthia McClain-Hill", "President"),
                ("Susana Reyes", "Vice President"),
                ("Jill Banks Barad-Hopkins", "Commissioner"),
                ("Mia Lehrer", "Commissioner"),
                ("Nicole Neeman Brady", "Commissioner"),
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
