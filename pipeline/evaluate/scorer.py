"""Score the database against gold annotations (docs/GOLD_SCHEMA.md).

Precision, recall and F1 per table tell us whether a change to an extractor helped; page
accuracy tells us whether the provenance we store points a reader at the right PDF page.
The matching core (`score_table`) works on plain dicts so it can be tested without a database.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import duckdb

from pipeline.evaluate.groups import UNKNOWN, by_group, format_by_group, macro, read_manifests
from pipeline.read.ocr import OCR_READER_PREFIX

TABLE_NAMES: list[str] = [
    "meetings",
    "agenda_items",
    "attendees",
    "attendees+status",
    "resolutions",
    "money",
    "money (explicit)",
    "contacts",
]

# The gold list and the database table each report table is built from.
SOURCE_TABLE: dict[str, str] = {
    "meetings": "meetings",
    "agenda_items": "agenda_items",
    "attendees": "attendees",
    "attendees+status": "attendees",
    "resolutions": "resolutions",
    "money": "money",
    "money (explicit)": "money",
    "contacts": "contacts",
}

# Predicted rows use the gold field names, so both sides go through the same matcher.
PREDICTED_SQL: dict[str, str] = {
    "meetings": "SELECT kind, CAST(meeting_date AS VARCHAR) AS date, body, page FROM meetings",
    "agenda_items": "SELECT number, title, part, page FROM agenda_items",
    "attendees": "SELECT name, honorific, role, status, page FROM attendees",
    "resolutions": "SELECT * FROM resolutions",
    "money": "SELECT amount, currency, raw, implicit, page FROM money",
    "contacts": "SELECT name, role, phone, phone_e164, email, page FROM contacts",
}

# Fields kept in the "missed" / "extra" lists: enough to find the row again, no more.
COMPACT_FIELDS: dict[str, list[str]] = {
    "meetings": ["kind", "date", "body"],
    "agenda_items": ["number", "title"],
    "attendees": ["name", "status"],
    "resolutions": ["minute_number", "text"],
    "money": ["raw", "amount", "implicit"],
    "contacts": ["name", "email", "phone"],
}

HONORIFICS = frozenset(
    [
        "councillor",
        "councillors",
        "cllr",
        "cllrs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "inspector",
        "mayor",
        "rev",
        "revd",
        "reverend",
        "alderman",
    ]
)

TITLE_THRESHOLD = 0.6
RESOLUTION_THRESHOLD = 0.75
COMPACT_TEXT_CHARS = 80
PENNY = Decimal("0.01")


# --- normalisation --------------------------------------------------------------------------


def normalize_text(value: str | None) -> str:
    """Lowercase, punctuation to spaces, whitespace collapsed: layout noise must not score."""
    text = re.sub(r"[^\w\s]|_", " ", (value or "").lower())
    return " ".join(text.split())


def normalize_number(value: str | None) -> str:
    """'5.', '(5)' and ' 5 ' are the same agenda item number as printed in different styles."""
    text = re.sub(r"[\s()\[\]{}]", "", (value or "").lower())
    return text.rstrip(".")


def name_key(value: str | None) -> str:
    """A person's name without honorifics, punctuation, case or spacing ('R.W.' == 'R W')."""
    tokens = re.sub(r"[^\w\s]|_", "", (value or "").lower()).split()
    while tokens and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return "".join(tokens)


def phone_key(value: str | None) -> str:
    """Last 10 digits, so '01270 686460' and '+44 1270 686460' compare equal."""
    return re.sub(r"\D", "", value or "")[-10:]


def money_key(value: Any) -> Decimal | None:
    """Amount to the penny; gold has ints/floats, the database has DECIMAL."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value)).quantize(PENNY)
    except (InvalidOperation, ValueError):
        return None


def similarity(a: str, b: str, threshold: float) -> float | None:
    """SequenceMatcher ratio, or None below threshold (cheap upper bounds checked first)."""
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else None


def _is_explicit(row: dict) -> bool:
    """A NULL implicit flag counts as explicit: the column is only set for table amounts."""
    return not row.get("implicit")


# --- pair scorers: score in (0, 1] when the rows may match, else None -------------------------


def _match_meeting(gold: dict, pred: dict) -> float | None:
    kind_g = (gold.get("kind") or "").strip().lower()
    kind_p = (pred.get("kind") or "").strip().lower()
    same_date = _iso(gold.get("date")) == _iso(pred.get("date"))
    return 1.0 if kind_g and kind_g == kind_p and same_date else None


def _match_agenda_item(gold: dict, pred: dict) -> float | None:
    """Same number (a sub-item's printed number, or it after its parent's: 'a' or '8a'; an
    unnumbered gold row only an unnumbered prediction) and a similar title."""
    number = normalize_number(gold.get("number"))
    parent = normalize_number(gold.get("parent"))
    accepted = {number, parent + number} if number and parent else {number}
    if normalize_number(pred.get("number")) not in accepted:
        return None
    return similarity(
        normalize_text(gold.get("title")), normalize_text(pred.get("title")), TITLE_THRESHOLD
    )


def _match_attendee(gold: dict, pred: dict) -> float | None:
    key = name_key(gold.get("name"))
    return 1.0 if key and key == name_key(pred.get("name")) else None


def _match_attendee_status(gold: dict, pred: dict) -> float | None:
    status_g = (gold.get("status") or "").strip().lower()
    status_p = (pred.get("status") or "").strip().lower()
    return _match_attendee(gold, pred) if status_g == status_p else None


def _match_resolution(gold: dict, pred: dict) -> float | None:
    text_g, text_p = normalize_text(gold.get("text")), normalize_text(pred.get("text"))
    if not text_g or not text_p:
        return None
    return similarity(text_g, text_p, RESOLUTION_THRESHOLD)


def _match_money(gold: dict, pred: dict) -> float | None:
    amount = money_key(gold.get("amount"))
    if amount is None or amount != money_key(pred.get("amount")):
        return None
    page = gold.get("page")
    return 1.0 if page is not None and page == pred.get("page") else None


def _match_contact(gold: dict, pred: dict) -> float | None:
    email_g = (gold.get("email") or "").strip().lower()
    email_p = (pred.get("email") or "").strip().lower()
    if email_g and email_p:
        return 1.0 if email_g == email_p else None
    phone_g = phone_key(gold.get("phone"))
    phone_p = phone_key(pred.get("phone") or pred.get("phone_e164"))
    return 1.0 if phone_g and phone_g == phone_p else None


MATCHERS: dict[str, Callable[[dict, dict], float | None]] = {
    "meetings": _match_meeting,
    "agenda_items": _match_agenda_item,
    "attendees": _match_attendee,
    "attendees+status": _match_attendee_status,
    "resolutions": _match_resolution,
    "money": _match_money,
    "money (explicit)": _match_money,
    "contacts": _match_contact,
}


# --- matching core --------------------------------------------------------------------------


def match_pairs(
    gold: list[dict], predicted: list[dict], scorer: Callable[[dict, dict], float | None]
) -> list[tuple[int, int]]:
    """One-to-one greedy matching, best score first.

    Equal scores prefer a pair on the same page, so a name listed at two meetings is paired
    with the prediction from the right page; then list order, so results are deterministic.
    """
    candidates = []
    for gi, gold_row in enumerate(gold):
        for pi, pred_row in enumerate(predicted):
            score = scorer(gold_row, pred_row)
            if score is not None:
                other_page = gold_row.get("page") != pred_row.get("page")
                candidates.append((-score, other_page, gi, pi))
    candidates.sort()
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def metrics(gold: int, predicted: int, tp: int, page_correct: int, page_checked: int) -> dict:
    """Precision/recall/F1 with None where a denominator is 0 (see the scoring rules)."""
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    if precision is None and recall is None:
        f1 = None
    elif not precision or not recall:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {
        "gold": gold,
        "predicted": predicted,
        "tp": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "page_accuracy": page_correct / page_checked if page_checked else None,
        "page_correct": page_correct,
        "page_checked": page_checked,
    }


def select_rows(table: str, rows: list[dict]) -> list[dict]:
    """The rows a report table is about: "money (explicit)" drops implicit amounts."""
    if table == "money (explicit)":
        return [row for row in rows if _is_explicit(row)]
    return list(rows)


def score_table(table: str, gold: list[dict], predicted: list[dict]) -> dict:
    """Match gold to predicted rows for one report table of one document and count.

    Rows are dicts with gold field names plus "page". "money (explicit)" filters both sides
    itself, so callers pass all money rows. Page accuracy is over matched pairs whose gold
    page is known.
    """
    gold = select_rows(table, gold)
    predicted = select_rows(table, predicted)
    if table == "contacts":  # a footer repeated on every page is one contact
        gold, predicted = distinct_contacts(gold), distinct_contacts(predicted)
    pairs = match_pairs(gold, predicted, MATCHERS[table])
    checked = [(gi, pi) for gi, pi in pairs if gold[gi].get("page") is not None]
    correct = sum(gold[gi]["page"] == predicted[pi].get("page") for gi, pi in checked)
    result = metrics(len(gold), len(predicted), len(pairs), correct, len(checked))
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    source = SOURCE_TABLE[table]
    result["missed"] = [compact(source, row) for i, row in enumerate(gold) if i not in matched_gold]
    result["extra"] = [
        compact(source, row) for i, row in enumerate(predicted) if i not in matched_pred
    ]
    if table == "resolutions":
        result["motion_right"], result["motion_known"] = motion_facts(
            [(gold[gi], predicted[pi]) for gi, pi in pairs]
        )
    return result


def contact_key(row: dict) -> str:
    """A contact's identity in a document: e-mail, else phone digits, else name."""
    email = (row.get("email") or "").strip().lower()
    if email:
        return "email:" + email
    phone = phone_key(row.get("phone") or row.get("phone_e164"))
    return "phone:" + phone if phone else "name:" + name_key(row.get("name"))


def distinct_contacts(rows: list[dict]) -> list[dict]:
    """The first row of each distinct contact, in order."""
    seen: set[str] = set()
    out = []
    for row in rows:
        key = contact_key(row)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


# gold field -> predicted column of the motion facts checked on matched resolutions
MOTION_FIELDS = {
    "outcome": "outcome",
    "moved_by": "moved_by",
    "seconded_by": "seconded_by",
    "votes_for": "votes_for",
    "votes_against": "votes_against",
    "abstain": "votes_abstain",
}
CARRIED_WORDS = frozenset(["carried", "approved", "adopted", "passed", "agreed", "resolved"])


def _outcome_key(value: Any) -> str:
    word = normalize_text(str(value or "")).split(" ")[0]
    return "carried" if word in CARRIED_WORDS else word


def _surname(value: Any) -> str:
    tokens = normalize_text(str(value or "")).split()
    return tokens[-1] if tokens else ""


def motion_facts(pairs: list[tuple[dict, dict]]) -> tuple[int, int]:
    """(right, known): of the motion facts the gold prints on matched resolutions, how many
    the prediction has the same (outcome by meaning, people by surname, votes as numbers)."""
    right = known = 0
    for gold, pred in pairs:
        for field, column in MOTION_FIELDS.items():
            expected = gold.get(field)
            if expected is None:
                continue
            known += 1
            got = pred.get(column)
            if field == "outcome":
                right += _outcome_key(expected) == _outcome_key(got)
            elif field in ("moved_by", "seconded_by"):
                right += bool(_surname(expected)) and _surname(expected) == _surname(got)
            else:
                right += got is not None and int(expected) == int(got)
    return right, known


# --- JSON-friendly rows ---------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return None if value is None else str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return value


def compact(source_table: str, row: dict) -> dict:
    """The identifying fields of a row plus page (and the gold seed line, when there is one)."""
    out = {}
    for field in COMPACT_FIELDS[source_table]:
        value = _jsonable(row.get(field))
        if isinstance(value, str) and len(value) > COMPACT_TEXT_CHARS:
            value = value[: COMPACT_TEXT_CHARS - 1] + "…"
        out[field] = value
    out["page"] = row.get("page")
    for field in ("line", "line_start"):
        if row.get(field) is not None:
            out[field] = row[field]
    return out


# --- gold pages -----------------------------------------------------------------------------


def find_pagemap(stem: str, pdf_path: str | None, gold_dir: Path) -> Path | None:
    """The pack's page map: beside the PDF, then in the gold dir, then in ../seeds/."""
    candidates = []
    if pdf_path and pdf_path.lower().endswith(".pdf"):
        candidates.append(Path(pdf_path[: -len(".pdf")] + ".pagemap.json"))
    candidates.append(gold_dir / f"{stem}.pagemap.json")
    candidates.append(gold_dir.parent / "seeds" / f"{stem}.pagemap.json")
    return next((path for path in candidates if path.is_file()), None)


def load_line_pages(pagemap_path: Path | None) -> list[tuple[int, int]]:
    """Sorted (seed line, physical page) pairs from a page map's "lines" dict."""
    if pagemap_path is None:
        return []
    lines = json.loads(pagemap_path.read_text(encoding="utf-8")).get("lines") or {}
    return sorted((int(line), int(page)) for line, page in lines.items())


def page_for_line(line_pages: list[tuple[int, int]], line: int) -> int | None:
    """Page of a seed line; an unmapped line (blank, heading) takes the nearest smaller one.

    A line before the first mapped line is on the first mapped page.
    """
    if not line_pages:
        return None
    index = bisect_right(line_pages, (line, sys.maxsize)) - 1
    return line_pages[max(index, 0)][1]


def gold_page(entry: dict, line_pages: list[tuple[int, int]]) -> int | None:
    """A gold entry's physical page: given directly, or from its (first) seed line."""
    if entry.get("page") is not None:
        return int(entry["page"])
    line = entry.get("line", entry.get("line_start"))
    return None if line is None else page_for_line(line_pages, int(line))


def gold_rows(gold: dict, source_table: str, line_pages: list[tuple[int, int]]) -> list[dict]:
    """Gold entries of one list with "page" resolved."""
    return [{**entry, "page": gold_page(entry, line_pages)} for entry in gold[source_table]]


# --- database -------------------------------------------------------------------------------


def database_documents(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Documents by file-name stem; for a duplicated stem a loaded one beats a failed one.
    Each says the authority given at ingest and whether any page has usable text."""
    rows = con.execute(
        "SELECT d.document_id, d.path, d.file_name, d.status, d.authority, "
        "EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.document_id "
        "AND p.text_quality = 'good' AND p.has_text_layer AND trim(p.text) <> '' "
        f"AND coalesce(p.reader, '') NOT LIKE '{OCR_READER_PREFIX}%'), "
        "EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.document_id "
        f"AND p.reader LIKE '{OCR_READER_PREFIX}%' AND trim(p.text) <> '') "
        "FROM documents d ORDER BY d.status = 'failed', d.document_id"
    ).fetchall()
    documents: dict[str, dict] = {}
    for document_id, path, file_name, status, authority, usable, ocr_read in rows:
        stem = Path(file_name or path or "").stem
        documents.setdefault(
            stem,
            {
                "document_id": document_id,
                "path": path,
                "status": status,
                "authority": authority,
                "usable_text": bool(usable),
                "read_by_ocr": bool(ocr_read) and not usable,
            },
        )
    return documents


def predicted_rows(
    con: duckdb.DuckDBPyConnection, source_table: str, document_id: str
) -> list[dict]:
    """One document's rows of a fact table, as dicts with gold field names."""
    cursor = con.execute(f"{PREDICTED_SQL[source_table]} WHERE document_id = ?", [document_id])
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


# --- report ---------------------------------------------------------------------------------


def score_document(
    con: duckdb.DuckDBPyConnection, gold: dict, document: dict, gold_dir: Path
) -> dict:
    """All report tables of one gold document; a table with no gold and no rows is skipped."""
    pagemap = find_pagemap(gold["document"], document["path"], gold_dir)
    line_pages = load_line_pages(pagemap)
    tables = {}
    annotated = gold.get("annotated")  # absent: all tables; a table not listed is not scored
    for table in TABLE_NAMES:
        source = SOURCE_TABLE[table]
        if annotated is not None and source not in annotated:
            continue
        gold_list = gold_rows(gold, source, line_pages) if gold.get(source) else []
        predicted = predicted_rows(con, source, document["document_id"])
        result = score_table(table, gold_list, predicted)
        if result["gold"] or result["predicted"]:
            tables[table] = result
    return {
        "document_id": document["document_id"],
        "status": document["status"],
        "authority": document["authority"],
        "usable_text": document["usable_text"],
        "read_by_ocr": document["read_by_ocr"],
        "pagemap": str(pagemap) if pagemap else None,
        "tables": tables,
    }


def totals(documents: dict[str, dict]) -> dict[str, dict]:
    """Micro-averaged totals: counts summed over documents, then the ratios."""
    out = {}
    keys = ("gold", "predicted", "tp", "page_correct", "page_checked")
    for table in TABLE_NAMES:
        sums = dict.fromkeys(keys, 0)
        for document in documents.values():
            result = document["tables"].get(table)
            if result is None:
                continue
            for key in keys:
                sums[key] += result[key]
        out[table] = metrics(*(sums[key] for key in keys))
        if table == "resolutions":
            for key in ("motion_right", "motion_known"):
                out[table][key] = sum(
                    d["tables"][table].get(key, 0)
                    for d in documents.values()
                    if table in d["tables"]
                )
    return out


def load_gold(gold_dir: Path) -> list[dict]:
    """Gold files in name order; page maps and other JSON without "document" are skipped."""
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name.endswith(".pagemap.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("document"):
            golds.append(data)
    return golds


def evaluate(gold_dir: Path, db_path: Path) -> dict:
    """Score every gold document found in the database; list the others as missing.

    Totals (micro), per authority and their mean (macro) are over documents with usable
    text; documents whose text was read by OCR, and those left without text, are totalled
    apart."""
    gold_dir, db_path = Path(gold_dir), Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"database not found: {db_path}")
    documents: dict[str, dict] = {}
    missing: list[str] = []
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        in_database = database_documents(con)
        for gold in load_gold(gold_dir):
            stem = gold["document"]
            if stem in in_database:
                documents[stem] = score_document(con, gold, in_database[stem], gold_dir)
            else:
                missing.append(stem)
    finally:
        con.close()
    manifest = read_manifests(gold_dir.parent)
    for stem, document in documents.items():
        document["authority"] = document["authority"] or manifest.get(stem, UNKNOWN)
    text = {stem: d for stem, d in documents.items() if d["usable_text"]}
    ocr = {stem: d for stem, d in documents.items() if d["read_by_ocr"]}
    no_text = {
        stem: d for stem, d in documents.items() if not d["usable_text"] and not d["read_by_ocr"]
    }
    authorities = by_group(text, lambda _, d: d["authority"], totals)
    return {
        "totals": totals(text),
        "macro": macro(authorities, TABLE_NAMES),
        "by_authority": authorities,
        "read_by_ocr": {"documents": sorted(ocr), "totals": totals(ocr)},
        "no_usable_text": {"documents": sorted(no_text), "totals": totals(no_text)},
        "documents": documents,
        "missing_documents": missing,
    }


# --- output ---------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table_lines(results: dict[str, dict], indent: str = "") -> list[str]:
    header = (
        f"{'table':<18} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>6} {'R':>6} {'F1':>6} {'page':>6}"
    )
    lines = [indent + header, indent + "-" * len(header)]
    for table in TABLE_NAMES:
        if table not in results:
            continue
        r = results[table]
        lines.append(
            f"{indent}{table:<18} {r['gold']:>6} {r['predicted']:>6} {r['tp']:>6} "
            f"{_fmt(r['precision']):>6} {_fmt(r['recall']):>6} {_fmt(r['f1']):>6} "
            f"{_fmt(r['page_accuracy']):>6}"
        )
    return lines


MIN_GOLD_ROWS = 5  # an authority's score on a table counts as weak only with this much gold


def format_report(report: dict, per_document: bool = False, by_authority: bool = False) -> str:
    """A plain-text table of the totals, for a terminal or a CI log."""
    no_text = report["no_usable_text"]["documents"]
    ocr = report["read_by_ocr"]["documents"]
    scored = len(report["documents"]) - len(no_text) - len(ocr)
    lines = [f"Totals over {scored} document(s) with text", *_table_lines(report["totals"])]
    motion = report["totals"].get("resolutions", {})
    if motion.get("motion_known"):
        lines.append(
            f"motion facts on matched resolutions: {motion['motion_right']} of "
            f"{motion['motion_known']} right"
        )
    lines.append(
        "macro F1 over authorities: "
        + ", ".join(
            f"{table} {_fmt(scores['f1'])}"
            for table, scores in report["macro"].items()
            if scores["f1"] is not None
        )
    )
    if by_authority:
        lines += [
            "",
            format_by_group(
                report["by_authority"],
                report["macro"],
                report["totals"],
                TABLE_NAMES,
                MIN_GOLD_ROWS,
            ),
        ]
    if ocr:
        lines += [
            "",
            f"Apart: {len(ocr)} document(s) whose text was read by OCR: " + ", ".join(ocr),
            *_table_lines(report["read_by_ocr"]["totals"]),
        ]
    if no_text:
        lines += [
            "",
            f"Apart: {len(no_text)} document(s) without usable text (scanned or unreadable; "
            "not OCRed): " + ", ".join(no_text),
            *_table_lines(report["no_usable_text"]["totals"]),
        ]
    if report["missing_documents"]:
        lines.append("not in the database: " + ", ".join(report["missing_documents"]))
    if per_document:
        for stem, document in report["documents"].items():
            lines += ["", f"{stem} ({document['document_id']})"]
            lines += _table_lines(document["tables"], indent="  ")
    return "\n".join(lines)


def check_floor(report: dict, floor: dict[str, dict[str, float]]) -> list[str]:
    """One message per table whose micro (total), macro (mean over authorities) or OCR (total
    over the documents read by OCR) F1 is below its floor: {"micro": {table: minimum},
    "macro": {...}, "ocr": {...}} (no F1 counts as 0)."""
    messages = []
    kinds = (
        ("micro", report["totals"]),
        ("macro", report["macro"]),
        ("ocr", report.get("read_by_ocr", {}).get("totals", {})),
    )
    for kind, scores in kinds:
        for table, minimum in floor.get(kind, {}).items():
            f1 = (scores.get(table) or {}).get("f1") or 0.0
            if f1 < minimum:
                messages.append(f"{table}: {kind} F1 {f1:.3f} is below the floor {minimum:.3f}")
    return messages
