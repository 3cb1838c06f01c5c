"""Agenda items: a bold paragraph that runs an item's name (Title Case, or capitals) straight
into its summary (prose) is titled by the name; the summary goes to the description.

Expected values were read by hand off the Rosemead City Council agenda of 8 November 2022
(rendered pages 3-6): each lettered item is one bold paragraph, the name then the summary
("... Request for Proposal At the September 13, 2022, City Council Meeting, ...").
"""

from __future__ import annotations

from extractors.agenda_items import _Item, _split_summary
from extractors.common.structure import Entry
from pipeline.models import Line, Page
from tests.conftest import extract_corpus


def _item(title: str) -> _Item:
    line = Line(text=title, x0=50, top=100, x1=500, bottom=110, size=10, bold=True, spans=[])
    page = Page(number=1, width=600, height=800, lines=[line])
    return _Item(entry=Entry.at_line(page, line, title), title=title, pages=None, part=1)


def test_name_in_title_case_then_prose_is_cut_where_the_sentence_starts():
    item = _item(
        "Approval of Funding Agreement with Metro for the Corridor Project In 2020, the City "
        "submitted a joint grant application for the program."
    )
    assert _split_summary(item) == (
        "In 2020, the City submitted a joint grant application for the program."
    )
    assert item.title == "Approval of Funding Agreement with Metro for the Corridor Project"


def test_heading_in_capitals_then_prose():
    item = _item(
        "ADJOURNMENT The regular meeting for November 22 is cancelled. The next meeting will "
        "take place on December 13."
    )
    assert _split_summary(item).startswith("The regular meeting")
    assert item.title == "ADJOURNMENT"


def test_long_titles_that_are_one_sentence_or_one_name_are_kept():
    sentence = (
        "Res. that, as recommended by the Mayor, the Purchasing Agent be authorized to issue a "
        "purchase order for the replacement of equipment."
    )
    name = (
        "Consideration and Possible Action to Approve a Contract With The County for Road "
        "Maintenance Services in Fiscal Year 2023"
    )
    label = "PUBLIC HEARING: To consider an ordinance amending the zoning of the parcels listed."
    for title in (sentence, name, label):
        item = _item(title)
        assert _split_summary(item) is None and item.title == title


def test_paragraph_items_of_a_us_agenda_are_titled_by_their_names():
    items = extract_corpus("rosemead-cc-2022-11-08-agenda").agenda_items
    titles = {(item.parent, item.number): item for item in items}
    assert titles[("3", "A")].title == (
        "Review and Discuss the Proposed Scope of Services and Schedule for the Solid Waste "
        "and Recycling Collection Services Request for Proposal"
    )
    assert titles[("3", "A")].description.startswith("At the September 13, 2022, City Council")
    assert titles[("6", "A")].title == (
        "Report and Discussion Regarding the Parks and Recreation Department Fiscal Year 2023 "
        "Work Plan"
    )
    assert titles[(None, "1")].title == "PUBLIC COMMENT"
    assert titles[(None, "8")].title == "ADJOURNMENT"
    assert titles[("2", "A")].title == (
        "Recognition of Art Contest Winners for the City’s Anti-Hate Campaign"
    )
