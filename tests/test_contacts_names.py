"""Contact names that are also the names of places ("Tom Hall", "Mary Lane"): a person where
the block vouches for it (a name label, or the block's own e-mail address) or spaCy reads the
name as a person's, a place otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.contacts.blocks import page_contacts, person_name
from pipeline.read.document import read_document
from tests.pdf_factory import make_pdf


@pytest.mark.parametrize(
    ("text", "labelled", "mailbox", "name"),
    [
        ("Tom Hall", False, "", "Tom Hall"),  # spaCy: a person
        ("Village Hall", False, "", None),  # spaCy: no person
        ("Helen Street", False, "", None),  # spaCy reads a facility: nothing vouches for her
        ("Helen Street", False, "hstreet", "Helen Street"),  # her own address does
        ("Tom Hall", True, "", "Tom Hall"),  # "Contact Officer: Tom Hall"
        ("Mary Lane", False, "mary.lane", "Mary Lane"),
        ("Church Lane", False, "clerk", None),  # a place word before the last: a place
        ("Town Hall", True, "", None),  # "town" is never part of a person's name
        ("Mark Church", False, "", "Mark Church"),
    ],
)
def test_place_words_need_the_block_to_vouch(text, labelled, mailbox, name):
    assert person_name(text, labelled=labelled, mailbox=mailbox) == name


def test_contact_blocks_named_by_a_label_or_their_own_address(tmp_path: Path):
    pdf = tmp_path / "contacts.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                [
                    "Report to Cabinet",
                    "Contact Officer: Mary Lane",
                    "Tel: 01622 694003",
                    "",
                    "",
                    "",
                    "",
                    "Tom Hall",
                    "Democratic Services Officer",
                    "Tel: 01622 694002",
                    "Email: tom.hall@kent.gov.uk",
                    "",
                    "",
                    "",
                    "",
                    "Village Hall",
                    "Tel: 01869 347000",
                ]
            ]
        )
    )
    page = read_document(pdf, "contacts").pages[0]
    found = [(c.name, c.role, c.phone) for c in page_contacts(page)]
    assert found == [
        ("Mary Lane", None, "01622 694003"),
        ("Tom Hall", "Democratic Services Officer", "01622 694002"),
        (None, None, "01869 347000"),
    ]
