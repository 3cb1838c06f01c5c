"""Contact details as OCR reads a scanned letterhead or footer.

Lines and numbers below are those of the scanned Nipissing agenda package (page 1 letterhead)
and the scanned Souldern minutes (page 1 footer), checked by hand against the rendered pages.
"""

from __future__ import annotations

from extractors.common.phones import find_phones
from extractors.contacts.blocks import page_contacts
from pipeline.models import Line, Page, Span


def test_a_label_printed_against_a_number_does_not_hide_it():
    # letterhead: "Telephone 705-724-2144 Fax 705-724-5385", read by OCR without the space
    text = '"Life the way it should be" 1868 Telephone 705-724-2144Fax 705-724-5385'
    assert [f.raw for f in find_phones(text)] == ["705-724-2144", "705-724-5385"]
    start = text.index("705-724-2144")
    assert (find_phones(text)[0].start, find_phones(text)[0].end) == (start, start + 12)


def _line(text: str, x0: float, top: float, size: float = 5.4) -> Line:
    x1 = x0 + 3.0 * len(text)
    span = Span(x0=x0, top=top, x1=x1, bottom=top + size, text=text)
    return Line(
        x0=x0, top=top, x1=x1, bottom=top + size, text=text, size=size, bold=False, spans=[span]
    )


def test_mobile_under_the_telephone_is_the_same_contact():
    # the minutes' footer: clerk, address, "Tel: 01869 347000", "Mobile : 07989 398 838"
    lines = [
        _line("Parish Clerk: Cathy Fleet", 180.7, 487.4),
        _line("Westfield Farm Cottage, Fenway, Steeple Aston, Bicester, OX25 4SS", 120.6, 493.9),
        _line("Tel: 01869 347000", 187.9, 500.8),
        _line("Mobile : 07989 398 838", 182.5, 508.3),
    ]
    page = Page(number=1, width=420.0, height=595.0, lines=lines)
    contacts = page_contacts(page)
    assert [c.phone for c in contacts] == ["01869 347000"]
