"""Agenda items of an agenda laid out as capitals section labels ("CALL TO ORDER:"): a section
printed without its colon, and a bulleted topic that wraps onto a second line.

Expected values were read by hand off the scanned Crete Township agenda of 9 February 2022
(rendered pages 1-2): under "SUPERVISOR:" four bullets, the third wrapping over two lines;
"CLERK" and "EXECUTIVE SESSION – IF NEEDED" set at the left margin with no colon.
"""

from __future__ import annotations

import re

from tests.conftest import extract_corpus

STEM = "crete-township-board-2022-02-09-agenda"


def _titles() -> list[str]:
    return [re.sub(r"\s*[-–—]\s*", " - ", item.title) for item in extract_corpus(STEM).agenda_items]


def test_capitals_sections_without_a_colon_are_items():
    titles = _titles()
    assert "CLERK" in titles
    assert "EXECUTIVE SESSION - IF NEEDED" in titles
    # in reading order, between the labelled sections around them
    assert (
        titles.index("CITIZENS TO ADDRESS THE BOARD: (CITIZENS WILL HAVE 3 MINUTES TO SPEAK)")
        < (titles.index("EXECUTIVE SESSION - IF NEEDED"))
        < titles.index("CORRESPONDENCE:")
    )
    # the document's own heading, above the first section, is not business
    assert not any("MEETING AGENDA" in title for title in titles)


def test_bullet_wrapping_onto_a_second_line_is_one_sub_item():
    titles = _titles()
    wrapped = [t for t in titles if t.startswith("Building Usage Application")]
    assert len(wrapped) == 1
    assert wrapped[0].endswith("Registration days To Be Determined.")
    supervisor = titles.index("SUPERVISOR:")
    assert titles[supervisor + 1 : supervisor + 5] == [
        "Paratransit Services Update",
        "Crete Township Community Center discussion",
        wrapped[0],
        "Increased cost of Outdoor Warning Sirens",
    ]
