"""An extension printed after a phone number is its own column, not part of the number."""

from __future__ import annotations

import pytest

from extractors.common.phones import split_extension
from tests.conftest import extract_corpus


@pytest.mark.parametrize(
    ("printed", "number", "extension"),
    [
        ("(408) 252-3000, ext. 200", "(408) 252-3000", "200"),
        ("705-724-2144 x 12", "705-724-2144", "12"),
        ("0300 123 8 123 Extension 4567", "0300 123 8 123", "4567"),
        ("01622 694002", "01622 694002", None),
        (None, None, None),
    ],
)
def test_split_extension(printed, number, extension):
    assert split_extension(printed) == (number, extension)


def test_accommodation_line_with_an_extension():
    # Cupertino USD agenda p1: "Individuals who require special accommodation should contact
    # the Superintendent's Office at (408) 252-3000, ext. 200 at least two business days ..."
    contacts = extract_corpus("cupertino-usd-board-2016-02-09-agenda").contacts
    assert [(c.role, c.phone, c.phone_e164, c.extension) for c in contacts] == [
        ("Superintendent’s Office", "(408) 252-3000", "+14082523000", "200")
    ]
