"""Numbered motions: "R2025-034 J. Scott, S. Foote:" above the motion, and "Resolution No.
2024-82 – Moved by A, seconded by B that X" with no outcome printed.

Lines and boxes below are those OCR reads from the scanned Nipissing agenda package (page 2:
Council minutes; page 6: a housing board's minutes, with a page-number stamp in the margin
of its first page), checked by hand against the rendered pages.
"""

from __future__ import annotations

from extractors.common.minutes_layout import Minute, MinuteLine
from extractors.resolutions.motions import _recorded_motions
from pipeline.models import Line, Page, Span


def _lines(page: Page, rows: list[tuple[float, float, float, str]]) -> list[MinuteLine]:
    """MinuteLines from (x0, x1, top, text) rows, each 15 points high at size 10.5."""
    out = []
    for x0, x1, top, text in rows:
        span = Span(x0=x0, top=top, x1=x1, bottom=top + 15, text=text)
        line = Line(
            x0=x0, top=top, x1=x1, bottom=top + 15, text=text, size=10.5, bold=False, spans=[span]
        )
        page.lines.append(line)
        out.append(MinuteLine(page, line, text))
    return out


def _motions(lines: list[MinuteLine]):
    return _recorded_motions(lines, Minute(number=None, title="", heading=[], body=lines))


def test_number_mover_and_seconder_on_a_line_above_the_motion():
    page = Page(number=2, width=612.0, height=792.0, lines=[])
    lines = _lines(
        page,
        [
            (69, 251, 407, "R2025-034 J. Scott, S. Foote:"),
            (
                68,
                549,
                423,
                "That the minutes of the regular Council Meeting held February 4, "
                "2025, be adopted as published.",
            ),
            (69, 113, 439, "Carried."),
            (69, 294, 469, "R2025-035 S. Kirkey, L. Chalapenko:"),
            (
                68,
                545,
                485,
                "That we appoint Councillor James Scott as the Township of "
                "Nipissing representative to the East",
            ),
            (68, 514, 501, "Nipissing-North Parry Sound Veterinary Services Committee. Carried."),
        ],
    )
    found = _motions(lines)
    assert [(d.number, d.moved_by, d.seconded_by, d.outcome) for d in found] == [
        ("R2025-034", "J. Scott", "S. Foote", "carried"),
        ("R2025-035", "S. Kirkey", "L. Chalapenko", "carried"),
    ]
    assert found[0].text == (
        "That the minutes of the regular Council Meeting held February 4, 2025, be adopted as "
        "published."
    )


def test_numbered_motion_without_outcome_ends_with_its_paragraph():
    page = Page(number=6, width=612.0, height=792.0, lines=[])
    lines = _lines(
        page,
        [
            (566, 587, 4, "①"),  # a page-number stamp in the margin: not the text's edge
            (
                68,
                528,
                135,
                "Resolutlon No. 2024-84 Moved by Leo, seconded by Kal that the "
                "Golden Sunshine Municipal Non-",
            ),
            (
                69,
                465,
                152,
                "Profit Housirg association approves a 2.5% wage increase to the "
                "following positions:",
            ),
            (66, 232, 167, "-Property Manager 2025 wage $26.78"),
            (66, 185, 181, "-Cleaner 2025 wage $20.88"),
            (66, 244, 197, "-Maintenance Worker 2025 wage $26.65"),
            (68, 191, 212, "For the 2025 operatIng year."),
            (
                68,
                505,
                240,
                "Resolution No. 2024-85 Moved by Mieke, seconded by Dave Yemm that "
                "the Golden Sunshine",
            ),
            (
                68,
                527,
                257,
                "Municipal Non-Profit Housing association approves a $5.00 "
                "transportatlon Increase, to $25.00 per",
            ),
            (
                67,
                529,
                272,
                "trip, for authorized board members who are responsible for daily "
                "business activities related to the",
            ),
            (67, 370, 288, "corporation such as cheque signing, for the 2025 operating year."),
            (67, 104, 317, "c) OPHI"),
            (
                67,
                502,
                343,
                "A discussion took place regarding the $160,000 funding allotment "
                "for the Pines in 2025 and a",
            ),
        ],
    )
    found = _motions(lines)
    assert [(d.number, d.moved_by, d.seconded_by, d.outcome) for d in found] == [
        ("2024-84", "Leo", "Kal", None),
        ("2024-85", "Mieke", "Dave Yemm", None),
    ]
    # the wage list under "the following positions:" belongs to the motion
    assert found[0].text.endswith("Maintenance Worker 2025 wage $26.65")
    assert found[1].text.endswith("cheque signing, for the 2025 operating year.")


def test_carried_as_ocr_reads_it_closes_the_motion():
    # page 7: "... seconded by Dave Yemm that the board approves the" / "November 2024
    # Transaction Report as presented. Carrled" / "Resolution No. 2024-89 Moved by Leo, ..."
    page = Page(number=7, width=612.0, height=792.0, lines=[])
    lines = _lines(
        page,
        [
            (
                66,
                518,
                243,
                "Resolutlon No. 2024-88 Moved by Mieke, seconded by Dave Yemm that "
                "the board approves the",
            ),
            (66, 337, 260, "November 2024 Transaction Report as presented. Carrled"),
            (
                66,
                529,
                285,
                "Resolution No. 2024-89 Moved by Leo, seconded by Kalvin that the "
                "board approves the November",
            ),
            (66, 330, 301, "2024 Income Statement as presented. Carried"),
        ],
    )
    first = _motions(lines)[0]
    assert (
        first.text == "that the board approves the November 2024 Transaction Report as presented."
    )
    assert (first.outcome, first.seconded_by) == ("carried", "Dave Yemm")
