"""Tests of the gold scorer: hand-made rows with the expected numbers worked out in comments."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipeline.evaluate.scorer import (
    TABLE_NAMES,
    check_floor,
    evaluate,
    find_pagemap,
    format_report,
    gold_page,
    name_key,
    normalize_number,
    page_for_line,
    score_table,
)
from pipeline.store.schema import create_schema


def meeting(kind: str, day: str, page: int | None = 1) -> dict:
    return {"kind": kind, "date": day, "page": page}


def item(number: str, title: str, page: int = 1) -> dict:
    return {"number": number, "title": title, "page": page}


def person(name: str, status: str = "present", page: int = 1) -> dict:
    return {"name": name, "status": status, "page": page}


def money(amount, page: int = 1, implicit: bool | None = False) -> dict:
    return {"amount": amount, "raw": str(amount), "implicit": implicit, "page": page}


def counts(result: dict) -> tuple:
    return result["gold"], result["predicted"], result["tp"]


# --- the matching core ----------------------------------------------------------------------


def test_perfect_match() -> None:
    gold = [meeting("agenda", "2015-01-27", 1), meeting("minutes", "2014-11-18", 5)]
    predicted = [meeting("minutes", "2014-11-18", 5), meeting("agenda", "2015-01-27", 1)]
    result = score_table("meetings", gold, predicted)
    # 2 gold, 2 predicted, both matched on their own page: everything 1.0.
    assert counts(result) == (2, 2, 2)
    assert result["precision"] == result["recall"] == result["f1"] == 1.0
    assert result["page_accuracy"] == 1.0
    assert result["missed"] == [] and result["extra"] == []


def test_misses_lower_recall() -> None:
    gold = [item("1", "Apologies"), item("2", "Minutes"), item("3", "Budget")]
    predicted = [item("1.", "Apologies")]  # "1." normalises to "1"
    result = score_table("agenda_items", gold, predicted)
    # tp 1: P = 1/1 = 1.0, R = 1/3, F1 = 2 * 1 * (1/3) / (1 + 1/3) = 0.5
    assert counts(result) == (3, 1, 1)
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx(1 / 3)
    assert result["f1"] == pytest.approx(0.5)
    assert [row["number"] for row in result["missed"]] == ["2", "3"]


def test_extras_lower_precision() -> None:
    gold = [item("4", "Declarations of Interest")]
    predicted = [
        item("4", "Declaration of interests"),  # ratio 0.958 >= 0.6: match
        item("4", "Public speaking"),  # same number, ratio 0.205 < 0.6: extra
        item("5", "Declarations of Interest"),  # same title, other number: extra
    ]
    result = score_table("agenda_items", gold, predicted)
    # tp 1: P = 1/3, R = 1/1, F1 = 2 * (1/3) * 1 / (4/3) = 0.5
    assert counts(result) == (1, 3, 1)
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["recall"] == 1.0
    assert result["f1"] == pytest.approx(0.5)
    assert len(result["extra"]) == 2


def test_agenda_title_threshold_is_inclusive() -> None:
    # "apologies for absence" (21 chars) vs "apologies" (9): 9 matching chars,
    # ratio = 2 * 9 / (21 + 9) = 0.6 -> just a match.
    assert (
        score_table(
            "agenda_items", [item("1", "Apologies for Absence")], [item("(1)", "Apologies")]
        )["tp"]
        == 1
    )
    # "minutes of the previous meeting" vs "minutes": 2 * 7 / (31 + 7) = 0.368 -> no match.
    result = score_table(
        "agenda_items", [item("2", "Minutes of the previous meeting")], [item("2", "Minutes")]
    )
    assert result["tp"] == 0


def test_duplicate_predictions_only_one_matches() -> None:
    gold = [person("J Clowes")]
    predicted = [person("J Clowes"), person("J Clowes")]
    result = score_table("attendees", gold, predicted)
    # One-to-one: tp 1, P = 1/2, R = 1, F1 = 2 * 0.5 * 1 / 1.5 = 2/3
    assert counts(result) == (1, 2, 1)
    assert result["precision"] == 0.5
    assert result["f1"] == pytest.approx(2 / 3)
    assert len(result["extra"]) == 1


def test_best_score_first() -> None:
    gold = ["that the minutes be approved as a correct record"]  # 48 chars
    predicted = [
        # prefix of the gold text, 28 chars: 2 * 28 / (48 + 28) = 0.737 < 0.75 -> never a match
        "that the minutes be approved",
        # gold text + " and signed", 59 chars: 2 * 48 / (48 + 59) = 0.897 -> the match
        "that the minutes be approved as a correct record and signed",
        # exactly the gold text after normalisation: 1.0 -> taken first
        "That the minutes be approved as a correct record.",
    ]
    result = score_table(
        "resolutions",
        [{"text": t, "page": 1} for t in gold],
        [{"text": t, "page": 1} for t in predicted],
    )
    # Greedy best-first pairs gold with the 1.0 candidate; the other two are extras.
    assert counts(result) == (1, 3, 1)
    assert {row["text"] for row in result["extra"]} == set(predicted[:2])


def test_resolution_similarity_threshold() -> None:
    def tp(gold_text: str, predicted_text: str) -> int:
        gold = [{"text": gold_text, "page": 1}]
        return score_table("resolutions", gold, [{"text": predicted_text, "page": 1}])["tp"]

    # "abcd" vs "abce": 3 matching of 8 chars in all, 2 * 3 / 8 = 0.75 -> match (>=)
    assert tp("abcd", "abce") == 1
    # "abcdefgh" vs "abcdexyz": 2 * 5 / 16 = 0.625 -> no match
    assert tp("abcdefgh", "abcdexyz") == 0
    # punctuation and case do not count: ratio 1.0
    assert tp("That the report be NOTED.", "that the report be noted") == 1
    # an empty predicted text never matches
    assert tp("that the report be noted", "") == 0


def test_empty_gold_counts_predictions_as_false_positives() -> None:
    result = score_table("resolutions", [], [{"text": "noted", "page": 2}])
    # gold 0, pred 1: P = 0/1 = 0.0, R undefined, F1 0.0
    assert counts(result) == (0, 1, 0)
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, None, 0.0)
    assert result["page_accuracy"] is None  # no matched pairs
    assert result["extra"] == [{"minute_number": None, "text": "noted", "page": 2}]


def test_no_predictions() -> None:
    result = score_table("contacts", [{"email": "a@b.gov.uk", "page": 1}], [])
    # gold 1, pred 0: P undefined, R = 0/1 = 0.0, F1 0.0
    assert (result["precision"], result["recall"], result["f1"]) == (None, 0.0, 0.0)


def test_nothing_on_either_side_is_undefined() -> None:
    result = score_table("money", [], [])
    assert counts(result) == (0, 0, 0)
    assert (result["precision"], result["recall"], result["f1"]) == (None, None, None)


def test_page_mismatch_is_a_match_with_lower_page_accuracy() -> None:
    gold = [meeting("agenda", "2025-01-30", 1), meeting("minutes", "2024-12-05", 4)]
    predicted = [meeting("agenda", "2025-01-30", 1), meeting("minutes", "2024-12-05", 6)]
    result = score_table("meetings", gold, predicted)
    # both matched (F1 1.0), but only 1 of the 2 pairs is on the gold page: 0.5
    assert result["tp"] == 2 and result["f1"] == 1.0
    assert result["page_accuracy"] == 0.5


def test_same_score_prefers_same_page() -> None:
    # The same person listed at two meetings (page 1 and page 7): pair pages up.
    gold = [person("A Jones", page=1), person("A Jones", page=7)]
    predicted = [person("A Jones", page=7), person("A Jones", page=1)]
    assert score_table("attendees", gold, predicted)["page_accuracy"] == 1.0


def test_money_on_another_page_is_not_a_match() -> None:
    gold = [money(325000, page=3), money(0.45, page=3), money(10, page=3)]
    predicted = [
        money(Decimal("325000.00"), page=3),  # same amount, same page: match
        money(Decimal("0.45"), page=4),  # same amount, other page: no match
        money(Decimal("10.004"), page=3),  # 10.00 to the penny: match
    ]
    result = score_table("money", gold, predicted)
    # tp 2: P = R = F1 = 2/3; matched pairs are all on the gold page by definition
    assert counts(result) == (3, 3, 2)
    assert result["f1"] == pytest.approx(2 / 3)
    assert result["page_accuracy"] == 1.0
    assert result["missed"] == [{"raw": "0.45", "amount": 0.45, "implicit": False, "page": 3}]


def test_money_explicit_drops_implicit_rows_on_both_sides() -> None:
    gold = [money(100, implicit=False), money(200, implicit=True)]
    predicted = [money(Decimal("100"), implicit=None), money(Decimal("300"), implicit=True)]
    # "money": gold 2, pred 2, tp 1 (100)
    assert counts(score_table("money", gold, predicted)) == (2, 2, 1)
    # "money (explicit)": gold [100], pred [100] (a NULL implicit is explicit): tp 1, F1 1.0
    explicit = score_table("money (explicit)", gold, predicted)
    assert counts(explicit) == (1, 1, 1)
    assert explicit["f1"] == 1.0


def test_attendee_names_ignore_honorifics_and_punctuation() -> None:
    assert name_key("Councillor J. Clowes") == name_key("Cllr J Clowes") == "jclowes"
    assert name_key("Mr R.W. Gough") == name_key("R W Gough")
    assert name_key("Dr. Prof. Ann O'Neil") == name_key("ann oneil")
    gold = [person("J Clowes"), person("S Gardiner", "apologies"), person("L Smith", "absent")]
    predicted = [
        person("Councillor J. Clowes", "present"),
        person("Cllr S. Gardiner", "present"),  # right person, wrong status
        person("Mrs L Smith", "Absent"),  # status case does not matter
    ]
    names = score_table("attendees", gold, predicted)
    # name only: all three match -> F1 1.0
    assert counts(names) == (3, 3, 3)
    strict = score_table("attendees+status", gold, predicted)
    # name and status: Gardiner fails -> tp 2, P = R = F1 = 2/3
    assert counts(strict) == (3, 3, 2)
    assert strict["f1"] == pytest.approx(2 / 3)
    assert strict["missed"] == [{"name": "S Gardiner", "status": "apologies", "page": 1}]


def test_contacts_by_email_then_phone_digits() -> None:
    gold = [
        {"name": "Julie North", "email": "julie.north@cheshireeast.gov.uk", "phone": None},
        {"name": "Joan Todd", "email": None, "phone": "01270 686460"},
        {"name": "Ann Lee", "email": "ann.lee@kent.gov.uk", "phone": "03000 414043"},
    ]
    predicted = [
        # email, case ignored: match
        {"name": None, "email": "Julie.North@CheshireEast.gov.uk", "phone": None},
        # no gold email, so phone: +44 1270 686460 -> last 10 digits 1270686460: match
        {
            "name": "J Todd",
            "email": "clerk@example.org",
            "phone": None,
            "phone_e164": "+441270686460",
        },
        # both have an email and they differ: no match, although the phone is the same
        {"name": "Ann Lee", "email": "someone.else@kent.gov.uk", "phone": "03000 414043"},
    ]
    for row in gold + predicted:
        row["page"] = 1
    result = score_table("contacts", gold, predicted)
    assert counts(result) == (3, 3, 2)
    assert [row["name"] for row in result["missed"]] == ["Ann Lee"]


def test_normalize_number() -> None:
    assert normalize_number(" 5. ") == normalize_number("(5)") == "5"
    assert normalize_number("5(A)") == "5a"


# --- gold pages -----------------------------------------------------------------------------


def test_gold_page_from_line_or_page() -> None:
    line_pages = [(5, 1), (54, 2), (90, 3)]
    assert page_for_line(line_pages, 54) == 2  # present
    assert page_for_line(line_pages, 70) == 2  # absent: nearest smaller line is 54
    assert page_for_line(line_pages, 500) == 3
    assert page_for_line(line_pages, 2) == 1  # before the first mapped line: first page
    assert page_for_line([], 10) is None  # no page map
    assert gold_page({"line": 60}, line_pages) == 2
    assert gold_page({"line_start": 95, "line_end": 140}, line_pages) == 3
    assert gold_page({"page": 7}, line_pages) == 7


def test_find_pagemap_order(tmp_path: Path) -> None:
    pdfs, gold, seeds = tmp_path / "pdfs", tmp_path / "gold", tmp_path / "seeds"
    for folder in (pdfs, gold, seeds):
        folder.mkdir()
    (seeds / "x.pagemap.json").write_text("{}")
    assert find_pagemap("x", str(pdfs / "x.pdf"), gold) == seeds / "x.pagemap.json"
    (gold / "x.pagemap.json").write_text("{}")
    assert find_pagemap("x", str(pdfs / "x.pdf"), gold) == gold / "x.pagemap.json"
    (pdfs / "x.pagemap.json").write_text("{}")
    assert find_pagemap("x", str(pdfs / "x.pdf"), gold) == pdfs / "x.pagemap.json"
    assert find_pagemap("y", None, gold) is None


# --- the database ---------------------------------------------------------------------------


def empty_gold(stem: str) -> dict:
    lists = ("meetings", "agenda_items", "attendees", "resolutions", "money", "contacts")
    return {"document": stem, **{name: [] for name in lists}}


def build_database(path: Path, pdf_dir: Path) -> None:
    con = duckdb.connect(str(path))
    create_schema(con)
    for doc, name in (("d1", "alpha.pdf"), ("d2", "alpha.scanned.pdf")):
        con.execute(
            "INSERT INTO documents (document_id, path, file_name, status) VALUES (?, ?, ?, 'ok')",
            [doc, str(pdf_dir / name), name],
        )
    rows = {
        "meetings (meeting_id, document_id, kind, meeting_date, page)": [
            ("m1", "d1", "agenda", "2024-01-02", 1),
            ("m2", "d2", "agenda", "2024-01-02", 1),  # another document: not alpha's
        ],
        "agenda_items (item_id, document_id, number, title, page)": [
            ("i1", "d1", "1.", "Apologies for Absence", 1),  # gold says page 2
            ("i2", "d1", "2", "Minutes", 2),
        ],
        "attendees (attendee_id, document_id, name, status, page)": [
            ("p1", "d1", "Cllr J. Smith", "member", 1),
        ],
        "money (money_id, document_id, amount, raw, implicit, page)": [
            ("c1", "d1", 1500, "£1,500", False, 3),
            ("c2", "d1", 200, "200", True, 4),  # gold says page 3
        ],
    }
    rows["pages (document_id, page, text, has_text_layer, text_quality)"] = [
        ("d1", 1, "Agenda of the parish council", True, "good"),
        ("d2", 1, "", False, "empty"),  # the scanned rendition: no usable text
    ]
    for target, values in rows.items():
        marks = ", ".join("?" * len(values[0]))
        con.executemany(f"INSERT INTO {target} VALUES ({marks})", values)
    con.close()


def test_evaluate_scores_present_documents_and_lists_missing(tmp_path: Path) -> None:
    pdf_dir, gold_dir, db = tmp_path / "pdfs", tmp_path / "gold", tmp_path / "t.duckdb"
    pdf_dir.mkdir()
    gold_dir.mkdir()
    build_database(db, pdf_dir)
    # seed lines 1-9 are on page 1, 10-19 on page 2, 20- on page 3
    pagemap = {"lines": {"1": 1, "10": 2, "20": 3}}
    (pdf_dir / "alpha.pagemap.json").write_text(json.dumps(pagemap))
    alpha = empty_gold("alpha")
    alpha["meetings"] = [{"kind": "agenda", "date": "2024-01-02", "line": 3}]  # page 1
    alpha["agenda_items"] = [{"number": "1", "title": "Apologies for absence", "line": 12}]
    alpha["attendees"] = [{"name": "J Smith", "status": "member", "line": 5}]
    alpha["money"] = [
        {"raw": "£1,500", "amount": 1500, "implicit": False, "line": 25},  # page 3
        {"raw": "200", "amount": 200, "implicit": True, "line": 21},  # page 3
    ]
    alpha["contacts"] = [{"name": "A Clerk", "email": "clerk@alpha.gov.uk", "page": 1}]
    (gold_dir / "alpha.json").write_text(json.dumps(alpha))
    (gold_dir / "beta.json").write_text(json.dumps(empty_gold("beta") | {"money": [money(5)]}))

    report = evaluate(gold_dir, db)
    json.dumps(report)  # the report must be JSON-serialisable

    assert report["missing_documents"] == ["beta"]
    assert list(report["documents"]) == ["alpha"]
    alpha_report = report["documents"]["alpha"]
    assert alpha_report["document_id"] == "d1"
    # resolutions: no gold and no predictions -> not scored
    assert "resolutions" not in alpha_report["tables"]
    totals = report["totals"]
    assert set(totals) == set(TABLE_NAMES)
    # meetings: the alpha.scanned meeting is another document -> 1/1/1
    assert counts(totals["meetings"]) == (1, 1, 1)
    # agenda_items: gold 1, pred 2, tp 1 (on page 1, gold page 2): P 0.5, R 1, page acc 0
    assert counts(totals["agenda_items"]) == (1, 2, 1)
    assert totals["agenda_items"]["precision"] == 0.5
    assert totals["agenda_items"]["page_accuracy"] == 0.0
    assert counts(totals["attendees+status"]) == (1, 1, 1)
    # money: 200 is predicted on page 4 -> not a match: 2/2/1; explicit: 1/1/1
    assert counts(totals["money"]) == (2, 2, 1)
    assert counts(totals["money (explicit)"]) == (1, 1, 1)
    # contacts: gold 1, pred 0 -> recall 0, F1 0, precision None
    assert (totals["contacts"]["precision"], totals["contacts"]["f1"]) == (None, 0.0)
    assert totals["resolutions"]["f1"] is None

    text = format_report(report, per_document=True)
    assert "not in the database: beta" in text
    assert "agenda_items" in text and "alpha (d1)" in text


def test_evaluate_ignores_pagemaps_in_gold_dir(tmp_path: Path) -> None:
    gold_dir, db = tmp_path / "gold", tmp_path / "t.duckdb"
    gold_dir.mkdir()
    build_database(db, tmp_path)
    (gold_dir / "alpha.pagemap.json").write_text(json.dumps({"lines": {"1": 9}}))
    alpha = empty_gold("alpha") | {
        "meetings": [{"kind": "agenda", "date": "2024-01-02", "line": 2}]
    }
    (gold_dir / "alpha.json").write_text(json.dumps(alpha))
    report = evaluate(gold_dir, db)
    assert report["missing_documents"] == []
    meetings = report["documents"]["alpha"]["tables"]["meetings"]
    # page map found in the gold dir: line 2 -> page 9, predicted page 1
    assert meetings["tp"] == 1 and meetings["page_accuracy"] == 0.0


def test_check_floor() -> None:
    report = {
        "totals": {
            "meetings": {"f1": 0.9},
            "money": {"f1": 0.5},
            "contacts": {"f1": None},
        },
        "macro": {"meetings": {"f1": 0.7}, "money": {"f1": 0.5}},
    }
    floor = {
        "micro": {"meetings": 0.8, "money": 0.6, "contacts": 0.1, "resolutions": 0.2},
        "macro": {"meetings": 0.75, "money": 0.5},
    }
    messages = check_floor(report, floor)
    # micro: meetings passes; money is below; contacts (None) and resolutions (absent) are 0;
    # macro: meetings is below, money meets its floor exactly
    assert [m.split(" F1")[0] for m in messages] == [
        "money: micro",
        "contacts: micro",
        "resolutions: micro",
        "meetings: macro",
    ]
    assert check_floor(report, {"micro": {"meetings": 0.9}, "macro": {"meetings": 0.7}}) == []


# --- conventions of the larger corpus (GOLD_SCHEMA.md) ----------------------------------------


def test_a_sub_item_matches_its_printed_number_or_with_its_parent() -> None:
    gold = [{"number": "a", "parent": "8", "title": "Planning application 24/0123", "page": 1}]
    for number, matched in (("8a", 1), ("a", 1), ("8.a", 0), ("9a", 0)):
        predicted = [item(number, "Planning application 24/0123")]
        assert score_table("agenda_items", gold, predicted)["tp"] == matched, number


def test_an_unnumbered_item_matches_only_an_unnumbered_prediction() -> None:
    gold = [{"number": None, "title": "CALL TO ORDER", "page": 1}]
    assert score_table("agenda_items", gold, [item("", "Call to order")])["tp"] == 1
    assert score_table("agenda_items", gold, [item("1", "Call to order")])["tp"] == 0


def test_contacts_count_once_per_document() -> None:
    """A footer repeated on every page is one contact, on both sides."""
    gold = [{"name": "A Clerk", "email": "clerk@x.gov", "page": 1}] * 2
    predicted = [{"name": None, "email": "Clerk@x.gov", "page": p} for p in (1, 2, 3)]
    predicted.append({"name": "B Officer", "phone": "01234 567890", "page": 4})
    assert counts(score_table("contacts", gold, predicted)) == (1, 2, 1)


def test_motion_facts_are_checked_on_matched_resolutions() -> None:
    gold = [
        {
            "text": "That the budget be approved.",
            "outcome": "carried",
            "moved_by": "Cllr Jane Smith",
            "seconded_by": "Bob Jones",
            "votes_for": 5,
            "abstain": 1,
            "page": 1,
        },
        {"text": "That the hall be repainted in the spring.", "outcome": "failed", "page": 1},
    ]
    predicted = [
        {
            "text": "That the budget be approved.",
            "outcome": "Approved",  # "approved" counts as carried
            "moved_by": "J. Smith",  # compared by surname
            "votes_for": 4,  # wrong; seconded_by missing: wrong
            "votes_abstain": 1,
            "page": 1,
        }
    ]  # the second resolution is not matched: its facts are not checked
    result = score_table("resolutions", gold, predicted)
    assert (result["motion_right"], result["motion_known"]) == (3, 5)


def test_a_table_not_annotated_is_not_scored(tmp_path: Path) -> None:
    pdf_dir, gold_dir, db = tmp_path / "pdfs", tmp_path / "gold", tmp_path / "t.duckdb"
    pdf_dir.mkdir()
    gold_dir.mkdir()
    build_database(db, pdf_dir)
    alpha = empty_gold("alpha") | {"annotated": ["meetings"]}
    alpha["meetings"] = [{"kind": "agenda", "date": "2024-01-02", "page": 1}]
    (gold_dir / "alpha.json").write_text(json.dumps(alpha))
    tables = evaluate(gold_dir, db)["documents"]["alpha"]["tables"]
    assert set(tables) == {"meetings"}  # its money and items predictions are not extras


def test_scores_per_authority_and_their_mean(tmp_path: Path) -> None:
    """Authorities come from a MANIFEST.tsv beside the gold; macro is the mean over the
    authorities with gold for a table, micro the total over rows."""
    corpus = tmp_path / "corpus"
    pdf_dir, gold_dir, db = corpus / "real", corpus / "gold", tmp_path / "t.duckdb"
    pdf_dir.mkdir(parents=True)
    gold_dir.mkdir()
    con = duckdb.connect(str(db))
    create_schema(con)
    for doc, name in (("d1", "one"), ("d2", "two"), ("d3", "three")):
        con.execute(
            "INSERT INTO documents (document_id, path, file_name, status) VALUES (?, ?, ?, 'ok')",
            [doc, str(pdf_dir / f"{name}.pdf"), f"{name}.pdf"],
        )
        con.execute(
            "INSERT INTO pages (document_id, page, text, has_text_layer, text_quality) "
            "VALUES (?, 1, 'text', true, 'good')",
            [doc],
        )
    # one: 2 of 2 items found; two: 0 of 2; three (same council as one): 1 of 1
    for item_id, doc, number in (("i1", "d1", "1"), ("i2", "d1", "2"), ("i3", "d3", "1")):
        con.execute(
            "INSERT INTO agenda_items (item_id, document_id, number, title, page) "
            "VALUES (?, ?, ?, 'Apologies', 1)",
            [item_id, doc, number],
        )
    con.close()
    for stem, numbers in (("one", ["1", "2"]), ("two", ["1", "2"]), ("three", ["1"])):
        gold = empty_gold(stem)
        gold["agenda_items"] = [{"number": n, "title": "Apologies", "page": 1} for n in numbers]
        (gold_dir / f"{stem}.json").write_text(json.dumps(gold))
    (pdf_dir / "MANIFEST.tsv").write_text(
        "file\tauthority\none.pdf\tNorth Council\ntwo.pdf\tSouth Council\n"
        "three.pdf\tNorth Council\n"
    )
    report = evaluate(gold_dir, db)
    by_authority = report["by_authority"]
    assert list(by_authority) == ["North Council", "South Council"]
    assert by_authority["North Council"]["agenda_items"]["f1"] == 1.0
    assert by_authority["South Council"]["agenda_items"]["f1"] == 0.0
    assert report["macro"]["agenda_items"] == {"f1": 0.5, "groups": 2}
    assert counts(report["totals"]["agenda_items"]) == (5, 3, 3)
    assert "North Council" in format_report(report, by_authority=True)
