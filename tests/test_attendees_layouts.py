"""Attendance printed in more shapes: posts before names, councillors of another council,
side-by-side columns, grids of names, seats above their holders, roll-call forms.

Expected values were read off the PDFs' pages (see each comment), not copied from output.
"""

from __future__ import annotations

import pytest

from extractors.attendees import label_section
from extractors.common.persons import parse_people
from tests.conftest import extract_corpus


def _status(stem: str) -> dict[str, str]:
    return {a.name: a.status for a in extract_corpus(stem).attendees}


def test_posts_printed_before_names_are_shared_by_a_plural_post():
    # Rivergrove p1: "Present: Mayor Heather Kibbey, Council President Arne Nyberg, and
    # Councilors Carolyn Bahrman, Brenda Ruble, and Bill Tuttle were present."
    found = parse_people(
        "Mayor Heather Kibbey, Council President Arne Nyberg, and Councilors Carolyn Bahrman, "
        "Brenda Ruble, and Bill Tuttle"
    )
    assert [(p.name, p.role) for p in found or []] == [
        ("Heather Kibbey", None),
        ("Arne Nyberg", "Council President"),
        ("Carolyn Bahrman", "Councilor"),
        ("Brenda Ruble", "Councilor"),
        ("Bill Tuttle", "Councilor"),
    ]


def test_post_before_a_department_is_not_a_person():
    # Cheshire East p1: "Lorraine Butcher, Executive Director Strategic Commissioning, CE Council"
    found = parse_people("Lorraine Butcher, Executive Director Strategic Commissioning, CE Council")
    assert [p.name for p in found or []] == ["Lorraine Butcher"]


def test_an_unnamed_post_and_another_councils_member():
    # Tintern 2018-09-24 p1: "... Evans, County Cllr Webb and the Clerk."
    found = parse_people("Cllrs Hayward, Evans, County Cllr Webb and the Clerk")
    assert [(p.honorific, p.name) for p in found or []] == [
        ("Cllr", "Hayward"),
        ("Cllr", "Evans"),
        ("County Cllr", "Webb"),
    ]
    status = _status("tintern-cc-2018-09-24-minutes")
    assert status["Webb"] == "in_attendance"  # visiting, not a member of this council
    assert status["Evans"] == "present"


def test_officer_introduced_in_the_attendance_paragraph():
    # Rivergrove 2018-12-10 p1: "... City Attorney Bill Kabeiseman was also present." and, on
    # the next line at the paragraph's hanging indent, "City Recorder Leanne Moll declared a
    # quorum."
    status = _status("rivergrove-cc-2018-12-10-minutes")
    assert status["Bill Kabeiseman"] == "in_attendance"
    assert status["Leanne Moll"] == "in_attendance"
    assert status["Arne Nyberg"] == "present"


def test_side_by_side_columns_keep_their_own_labels():
    # Souldern 2014-01-22 p1: "Present:" and "Also in attendance:" on one line, a column of
    # names under each; "Apologies:" opens later in the right-hand column.
    status = _status("souldern-pc-2014-01-22-minutes")
    assert status["K Draper"] == "present"
    assert status["C Rothero"] == "present"
    assert status["J Macnamara"] == "in_attendance"
    assert status["J Hoodless"] == "in_attendance"
    assert status["N Oakhill"] == "apologies"
    assert status["J Martin"] == "in_attendance"  # "Mrs J Martin (RFO)": an officer


def test_grid_of_names_cut_at_its_columns():
    # Horsley working group p1, under "Apologies:": a four-column grid whose second row is
    # printed "Alistair Thompson Karen Bartlett-Butt Bryn Howells (BH) Maxine Relton", the
    # initials of three of them wrapped to the line below.
    status = _status("horsley-pc-np-working-group-2014-10-19-minutes")
    for name in ("Alistair Thompson", "Karen Bartlett-Butt", "Bryn Howells", "Maxine Relton"):
        assert status[name] == "apologies"
    assert status["Christina McDough"] == "apologies"
    assert status["Jane Archer"] == "present"


@pytest.mark.parametrize(
    ("stem", "members"),
    [
        # Hermosa Beach cover: "Mayor" / "Ray Jackson", "Mayor Pro Tem" / "Justin Massey",
        # "Councilmembers" / "Dean Francois" / "Rob Saemann" / "Mike Detoy"
        (
            "hermosa-beach-cc-2023-01-10-agenda",
            [
                ("Ray Jackson", "Mayor"),
                ("Justin Massey", "Mayor Pro Tem"),
                ("Dean Francois", "Councilmember"),
                ("Rob Saemann", "Councilmember"),
                ("Mike Detoy", "Councilmember"),
            ],
        ),
        # Cupertino p2: "Roll Call Vote: Anjali Kausar _______" and four more names below
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
def test_members_on_an_agenda(stem: str, members: list[tuple[str, str | None]]):
    found = [(a.name, a.role) for a in extract_corpus(stem).attendees if a.status == "member"]
    assert found == members


def test_seat_holder_named_again_by_surname_is_one_member():
    # Morgan Hill: "Rich Constantine - Mayor" on the cover; "Mayor Constantine" presents an item
    names = [a.name for a in extract_corpus("morgan-hill-cc-2021-01-20-agenda").attendees]
    assert "Rich Constantine" in names
    assert "Constantine" not in names


def test_roll_call_sentence_in_minutes_told_in_the_past_tense():
    # Crete Township p1 (no "minutes" title; "The regular board meeting ... was called to
    # order ..."): "Board members present were Trustee Elton, Trustee Albrecht, Trustee
    # Hawkins, Trustee Piacentini, and Supervisor Liccar. Clerk Buiter was also present."
    status = _status("crete-township-board-2024-10-09-minutes")
    assert status == {
        "Elton": "present",
        "Albrecht": "present",
        "Hawkins": "present",
        "Piacentini": "present",
        "Liccar": "present",
        "Buiter": "in_attendance",
    }


def test_labels_that_set_a_status():
    # Manhattan CB2 p1-2 (printed labels): notice given is an apology; staff attend
    assert label_section("BOARD MEMBERS ABSENT WITH NOTIFICATION", False).status == "apologies"
    assert label_section("BOARD MEMBERS ABSENT", False).status == "absent"
    assert label_section("BOARD STAFF PRESENT", False).status == "in_attendance"
    assert label_section("BOARD MEMBERS PRESENT IN PERSON", False).status == "present"
