"""Where a RESOLVED block ends: at the minutes' closing line, not at a resolution's own line.

Expected texts were read off the PDF by hand (burton-cum-walden-pc-2024-03-05-minutes).
"""

from __future__ import annotations

from tests.conftest import extract_corpus

BURTON = "burton-cum-walden-pc-2024-03-05-minutes"


def _by_minute(number: str) -> list[str]:
    return [r.text for r in extract_corpus(BURTON).resolutions if r.minute_number == number]


def test_no_further_business_closes_the_last_resolution():
    # p3: "RESOLVED: That in addition to any matters mentioned above, there were no other items
    # for the next" / "agenda." / "There being no further business, the meeting closed at
    # 9.20 pm" / "Date of the next meeting, ..." / "Chairman: ..."
    assert _by_minute("18") == [
        "That in addition to any matters mentioned above, there were no other items for the "
        "next agenda."
    ]


def test_a_line_running_on_with_signed_stays_in_the_resolution():
    # p2: "RESOLVED: That the amount for the premium is accepted and that a cheque for £172.14
    # should be" / "signed."
    assert _by_minute("9") == [
        "That the amount for the premium is accepted and that a cheque for £172.14 should be "
        "signed."
    ]
