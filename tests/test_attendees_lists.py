"""Attendance lists in the shapes the scanned packs and community-board minutes print them.

Strings are as printed in the PDFs (checked against page renders): the Nipissing package's
staff line (p2) and Cemetery Committee "Present:" list (p10), the Golden Sunshine board's
"Present:" line as OCR reads it (p5, "Mclsaac"), Souldern's "Cathy Fleet (CF) CLERK".
"""

from __future__ import annotations

from extractors.common.persons import parse_people
from tests.conftest import extract_corpus

MANHATTAN = "manhattan-cb2-2024-07-18-minutes"
CHESHIRE = "000_de16defd1125f27f"
NIPISSING = "nipissing-township-2025-03-04-agenda-package-scanned"


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in parse_people(text) or []]


def test_posts_printed_before_names_in_a_staff_line():
    line = (
        "Operations Superintendent Dan MacInnis, Deputy Clerk Administrative Assistant Kristin "
        "Linklater, Fire Chief-MLEO-CEMC Will Bateman, and Municipal Administrator-Clerk-"
        "Treasurer Kris Croskery-Hodgins."
    )
    assert people(line) == [
        ("Dan MacInnis", "Operations Superintendent"),
        ("Kristin Linklater", "Deputy Clerk Administrative Assistant"),
        ("Will Bateman", "Fire Chief-MLEO-CEMC"),
        ("Kris Croskery-Hodgins", "Municipal Administrator-Clerk-Treasurer"),
    ]


def test_posts_printed_after_names_at_the_end_of_a_list():
    line = (
        "Mayor Dave Yemm, Councillor James Scott, Tom Marchant, Rod Rennette, Dan MacInnis "
        "Operations Superintendent, and Kris Croskery-Hodgins Municipal Administrator"
    )
    assert [name for name, _ in people(line)] == [
        "Dave Yemm",
        "James Scott",
        "Tom Marchant",
        "Rod Rennette",
        "Dan MacInnis",
        "Kris Croskery-Hodgins",
    ]


def test_after_one_name_a_post_is_that_persons_not_a_second_name():
    (butcher,) = parse_people("Lorraine Butcher, Executive Director Strategic Commissioning")
    assert butcher.name == "Lorraine Butcher"
    names = {a.name for a in extract_corpus(CHESHIRE).attendees}
    assert {"Lorraine Butcher", "Guy Kilminster", "Amanda Lonsdale"} <= names
    assert not names & {"Strategic Commissioning", "Health Improvement", "Cheshire Pioneer"}


def test_ocr_small_l_for_capital_i_after_mc_is_put_back():
    line = "Bernadette Kerr, Mieke Markus, Dave Yemm, Kalvin Young, Leo Patey & Amber Mclsaac"
    assert people(line)[-1] == ("Amber McIsaac", None)
    assert people("Sarah Mclean")[0][0] == "Sarah Mclean"  # "l" before a vowel may be a name's


def test_post_in_capitals_after_a_name_is_a_role():
    (fleet,) = parse_people("Cathy Fleet (CF) CLERK")
    assert fleet.role.startswith("CLERK") and fleet.organisation is None


def test_community_board_attendance_labels():
    rows = {a.name: a for a in extract_corpus(MANHATTAN).attendees}
    # a name broken over two lines after its label: "...QUORUM: Ivy" / "Kwan Arce, Ed Ma (2)"
    assert rows["Ivy Kwan Arce"].status == "present"
    # a label broken over two lines: "...NOT COUNTING TOWARD" / "QUORUM: Amy Brenna, ..."
    assert rows["Amy Brenna"].status == "present"
    assert rows["Rocio Sanz"].status == "present"
    # "ELECTED OFFICIALS' REPRESENTATIVES: NYS Congressman Daniel Goldman (Tevin Williams); ..."
    # (an item may run over two lines: "...; NYC Council" / "Member Erik Bottcher (Nicole
    # Barth).")
    assert rows["Tevin Williams"].status == "in_attendance"
    assert rows["Nicole Barth"].status == "in_attendance"
    assert not {"Daniel Goldman", "Erik Bottcher", "Council"} & set(rows)
    # the attendance section ends at the "MEETING SUMMARY" heading and its "Meeting Date" line
    assert "Meeting Date" not in rows


def test_scanned_package_staff_regrets_and_guests(corpus_con):
    rows = corpus_con.execute(
        "SELECT a.page, a.name, a.status FROM attendees a JOIN documents d USING (document_id) "
        "WHERE d.file_name = ?",
        [f"{NIPISSING}.pdf"],
    ).fetchall()
    found = {(page, name): status for page, name, status in rows}
    assert found[(2, "Will Bateman")] == "in_attendance"  # "Staff:"
    assert found[(5, "Dave Britton")] == "apologies"  # "Regrets: Dave Britton, Nancy McFadden"
    assert found[(8, "Dave Britton")] == "present"
    assert found[(8, "Leo Patey")] == "apologies"
    # "Sharon Davis, ... from the District Social Services Administration Board (DSSAB)
    # participated in the meeting via telephone"
    assert found[(8, "Pam Nelson")] == "in_attendance"
