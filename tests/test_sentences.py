"""One sentence splitter for attendance paragraphs, decisions and contact sentences."""

from __future__ import annotations

import pytest

from extractors.common.text import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Present: Cllrs A, B and the Clerk. Members of the public - Mr C.",
            ["Present: Cllrs A, B and the Clerk.", "Members of the public - Mr C."],
        ),
        # initials and titles end no sentence
        (
            "Moved by J. Smith, seconded by Dr. Jones. Carried.",
            [
                "Moved by J. Smith, seconded by Dr. Jones.",
                "Carried.",
            ],
        ),
        # a full stop inside brackets ends none
        (
            "Approved the invoice (Ch. No. 300093). It was agreed to pay.",
            ["Approved the invoice (Ch. No. 300093).", "It was agreed to pay."],
        ),
        # "!" and "?" end sentences; a sentence may open with a bracket or a quote
        ("Done! (Later) the item was noted.", ["Done!", "(Later) the item was noted."]),
        ("no break before lower case. like this", ["no break before lower case. like this"]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected
