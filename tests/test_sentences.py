"""One sentence splitter for attendance paragraphs, decisions, contact sentences and the
context of money figures."""

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
        # a bullet or a sum opens the next sentence (the first from seed 001, Cheshire West)
        (
            "we believe we can save over £450,000. • Develop the use of greenspaces: We want",
            ["we believe we can save over £450,000.", "• Develop the use of greenspaces: We want"],
        ),
        (
            "be approved. $174,040.78 was paid.",
            ["be approved.", "$174,040.78 was paid."],
        ),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected
