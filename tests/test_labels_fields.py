"""The shared "Label: value" shape (extractors/common/fields.py) and its named variants, on the
kinds of lines the corpus prints (header fields, side captions, vote labels, wrapped attendance
labels, an entry's details)."""

from __future__ import annotations

from extractors.common.fields import (
    CAPITALS_FIELD_RE,
    FIELD_INSIDE_RE,
    HEADER_FIELD_RE,
    OPENING_FIELD_RE,
    SIDE_FIELD_RE,
    WRAPPED_LABEL_END_RE,
    split_field,
    vocabulary_field,
)


def test_header_field_splits_label_and_value() -> None:
    assert split_field("Venue: Village Hall") == ("Venue", "Village Hall")
    assert split_field("  Meeting venue/address :  Room 2 ") == ("Meeting venue/address", "Room 2")
    assert split_field("Date:") == ("Date", "")  # a caption whose value is the next span
    assert split_field("Date:", empty=False) is None


def test_header_field_is_short_and_has_no_apostrophe() -> None:
    assert split_field("Accountable Head of Service: not applicable") is None  # 27 characters
    assert split_field("Chair's Report: the chair reports") is None  # an agenda line
    assert split_field("1. Minutes: to approve") is None  # a numbered item, not a field
    assert HEADER_FIELD_RE.match("Ask for: the clerk")


def test_side_caption_is_found_after_a_space_only() -> None:
    line = "Thursday, 13th March, 2025, at 3.00 pm Ask for: the clerk"
    found = SIDE_FIELD_RE.search(line)
    assert found and line[: found.start()] == "Thursday, 13th March, 2025, at 3.00 pm"
    assert SIDE_FIELD_RE.search("Telephone: 01234 567890") is None  # the line's own label


def test_label_inside_a_value() -> None:
    assert FIELD_INSIDE_RE.search("Town Hall Time: 7pm")
    assert FIELD_INSIDE_RE.search("Location/Address: Town Hall")
    assert not FIELD_INSIDE_RE.search("Room 2, Town Hall, High Street")


def test_opening_field_is_one_or_two_capitalised_words() -> None:
    assert OPENING_FIELD_RE.match("Recommendation: that the report is noted")
    assert OPENING_FIELD_RE.match("Reason(s):")
    assert OPENING_FIELD_RE.match("Wards affected: all")
    assert not OPENING_FIELD_RE.match("The Council resolved that: the report is noted")
    assert not OPENING_FIELD_RE.match("Time:7pm")  # a colon inside a token


def test_capitals_field_is_a_vote_or_side_label() -> None:
    assert CAPITALS_FIELD_RE.match("AYES: five members")
    assert CAPITALS_FIELD_RE.match("MOTION CARRIED:")
    assert not CAPITALS_FIELD_RE.match("Ayes: five members")


def test_wrapped_attendance_label_keeps_its_space_before_the_colon() -> None:
    found = WRAPPED_LABEL_END_RE.match("QUORUM : A Member, B Member")
    assert found and found.group("label") == "QUORUM " and found.group("value").startswith("A")
    assert WRAPPED_LABEL_END_RE.match("MEMBERS' QUORUM: A Member")


def test_vocabulary_field() -> None:
    subject = vocabulary_field("subject")
    assert split_field("Subject: Budget Monitoring Report", subject) == (
        "Subject",
        "Budget Monitoring Report",
    )
    assert split_field("SUBJECT :", subject, empty=False) is None
    assert split_field("Subjects covered: budget", subject) is None
