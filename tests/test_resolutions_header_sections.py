"""Decisions taken without a vote, printed under their own bold headings above the first
numbered minute, in minutes whose board resolutions close with a "Vote:" line.

Manhattan Community Board 2, Full Board minutes of 18 July 2024 (text layer), checked by hand
against the rendered pages: page 5 "ADOPTION OF AGENDA / The agenda was adopted by
acclamation.", page 6 "ADOPTION OF MINUTES / The minutes of the June 2024 Full Board were
adopted by acclamation."; the public-session statements around them are not decisions.
"""

from __future__ import annotations

from tests.conftest import extract_corpus

MANHATTAN = "manhattan-cb2-2024-07-18-minutes"


def test_decisions_under_their_own_headings_beside_voted_resolutions():
    rows = extract_corpus(MANHATTAN).resolutions
    adopted = [r for r in rows if "by acclamation" in r.text]
    assert [(r.text, r.provenance.page) for r in adopted] == [
        ("The agenda was adopted by acclamation.", 5),
        ("The minutes of the June 2024 Full Board were adopted by acclamation.", 6),
    ]
    # the 38 voted resolutions stay, and nothing else of the header is read as a decision
    assert len(rows) == 40
