"""Stage 5, load: one DuckDB transaction per document, keyed by the file's SHA-256.

Re-ingesting a document replaces its rows; a file whose bytes changed replaces the document
previously loaded from the same path; a failure inside the transaction rolls it back, so
the database only ever holds whole documents.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from pipeline.models import DocumentResult, Provenance
from pipeline.store.schema import DOCUMENT_TABLES, column_types, create_schema
from pipeline.store.views import create_views

DEFAULT_DB = Path("outputs/agendas.duckdb")


def _skip_missing_pandas() -> None:
    """DuckDB tries `import pandas` for every Python value it converts; without pandas
    installed, each try searches sys.path again and writing a document costs 10x more.
    Recording pandas as absent makes each try fail at once (and changes nothing else:
    importing it would fail anyway)."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


_skip_missing_pandas()


def writer_connection(db_path: Path | str) -> duckdb.DuckDBPyConnection:
    """The ingest's connection. One thread: it runs small inserts beside busy worker
    processes, and DuckDB's own thread pool would only compete with them for the cores."""
    con = connect(db_path)
    con.execute("SET threads = 1")
    return con


def connect(db_path: Path | str = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db_path = Path(db_path)
    if read_only:
        if not db_path.exists():
            raise FileNotFoundError(f"{db_path}: no database here yet (run `agendas ingest` first)")
        con = duckdb.connect(str(db_path), read_only=True)
        create_views(con, temporary=True)
        return con
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
    create_schema(con)
    return con


def display_path(path: Path | str) -> str:
    """A path as text the database and a terminal accept: bytes that are not UTF-8 in a file
    name (possible on Linux) are written as \\xNN escapes instead of failing the insert."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def path_key(path: str) -> str:
    """Identity for a file that could not be read: a hash of its absolute path."""
    return "path:" + hashlib.sha256(display_path(Path(path).absolute()).encode()).hexdigest()


def loaded_version(con: duckdb.DuckDBPyConnection, document_id: str) -> tuple[str, str] | None:
    """(status, pipeline_version) of a loaded document, or None."""
    row = con.execute(
        "SELECT status, pipeline_version FROM documents WHERE document_id = ?", [document_id]
    ).fetchone()
    return (row[0], row[1]) if row else None


def _insert_statement(table: str, rows: list[list[Any]]) -> str:
    """One INSERT for a table's rows of a document, the rows handed over as JSON that DuckDB
    parses itself (its JSON extension is built in), strictly: a value of the wrong type fails
    the insert. Converting Python values one by one costs DuckDB ~7 us each (it tries to
    import pandas for every value), which made the single loading process the bottleneck of
    a parallel ingest; JSON is several times cheaper and exact: floats round-trip, decimals,
    dates and times go over as their text. A few rows go as a list of row objects (one typed
    transform and one unnest to plan), many as an object of columns (cheaper to parse). The
    JSON is a quoted SQL string literal, so all of a document's inserts can be sent at once."""
    by_column = len(rows) >= MANY_ROWS
    if by_column:
        data: Any = {
            f"c{index}": list(column) for index, column in enumerate(zip(*rows, strict=True))
        }
    else:
        data = [{f"c{index}": value for index, value in enumerate(row)} for row in rows]
    payload = json.dumps(data, default=_json_value, ensure_ascii=False)
    before, after = _insert_sql(table, by_column)
    return before + "'" + payload.replace("'", "''") + "'" + after


MANY_ROWS = 64  # from here on, columns parse faster than row objects


@cache
def _insert_sql(table: str, by_column: bool) -> tuple[str, str]:
    """The INSERT's text before and after the JSON literal, cast to the table's types."""
    types = column_types(table)
    if not by_column:
        shape = json.dumps([{f"c{index}": kind for index, kind in enumerate(types)}])
        return (
            f"INSERT INTO {table} SELECT unnest(json_transform_strict(",
            f", '{shape}'), recursive := true)",
        )
    shape = json.dumps({f"c{index}": [kind] for index, kind in enumerate(types)})
    unnest = ", ".join(f"unnest(c.c{index})" for index in range(len(types)))
    return (
        f"INSERT INTO {table} SELECT {unnest} FROM (SELECT json_transform_strict(",
        f", '{shape}') AS c)",
    )


def _json_value(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _prov(p: Provenance) -> list[Any]:
    return [p.page, p.page_label, p.x0, p.top, p.x1, p.bottom, p.source_text]


def _rows(result: DocumentResult) -> dict[str, list[list[Any]]]:
    doc = result.document_id or path_key(result.path)
    short = doc.replace("path:", "")[:16]
    ex = result.extraction
    meeting_ids = {m.key: f"{short}:m{i:04d}" for i, m in enumerate(ex.meetings, start=1)}
    item_ids: dict[str, str] = {}
    rows: dict[str, list[list[Any]]] = {name: [] for name in DOCUMENT_TABLES}
    rows["document_paths"].append([doc, display_path(Path(result.path).absolute()), datetime.now()])
    for page in result.pages:
        rows["pages"].append(
            [
                doc,
                page.page,
                page.page_label,
                page.agenda_item_stamp,
                page.text,
                page.is_blank,
                page.has_text_layer,
                page.segment_kind,
                page.text_quality,
                page.problem,
                page.reader,
                page.ocr_confidence,
            ]
        )
    for i, s in enumerate(result.segments, start=1):
        rows["segments"].append(
            [f"{short}:s{i:04d}", doc, s.kind, s.first_page, s.last_page, s.title, s.agenda_item]
        )
    for m in ex.meetings:
        rows["meetings"].append(
            [
                meeting_ids[m.key],
                doc,
                m.kind,
                m.authority,
                m.body,
                m.meeting_date,
                m.start_time,
                m.venue,
                *_prov(m.provenance),
                m.extractor,
            ]
        )
    for i, a in enumerate(ex.agenda_items, start=1):
        item_id = f"{short}:i{i:04d}"
        if a.number is not None:
            item_ids.setdefault(a.number, item_id)
        rows["agenda_items"].append(
            [
                item_id,
                meeting_ids.get(a.meeting_key),
                doc,
                a.number,
                a.title,
                a.description,
                a.part,
                a.printed_first_page,
                a.printed_last_page,
                a.first_page,
                a.last_page,
                *_prov(a.provenance),
                a.extractor,
                a.parent,
            ]
        )
    for i, p in enumerate(ex.attendees, start=1):
        rows["attendees"].append(
            [
                f"{short}:p{i:04d}",
                meeting_ids.get(p.meeting_key),
                doc,
                p.name,
                p.honorific,
                p.role,
                p.organisation,
                p.status,
                p.note,
                *_prov(p.provenance),
                p.extractor,
            ]
        )
    for i, r in enumerate(ex.resolutions, start=1):
        rows["resolutions"].append(
            [
                f"{short}:r{i:04d}",
                meeting_ids.get(r.meeting_key or ""),
                item_ids.get(r.item_number or ""),
                doc,
                r.minute_number,
                r.item_title,
                r.text,
                *_prov(r.provenance),
                r.extractor,
                r.outcome,
                r.votes_for,
                r.votes_against,
                r.votes_abstain,
                r.moved_by,
                r.seconded_by,
            ]
        )
    for i, m in enumerate(ex.money, start=1):
        rows["money"].append(
            [
                f"{short}:f{i:04d}",
                doc,
                item_ids.get(m.item_number or ""),
                m.amount,
                m.currency,
                m.raw,
                m.context,
                m.implicit,
                *_prov(m.provenance),
                m.extractor,
                m.range_end,
            ]
        )
    for i, c in enumerate(ex.contacts, start=1):
        rows["contacts"].append(
            [
                f"{short}:c{i:04d}",
                doc,
                item_ids.get(c.item_number or ""),
                c.name,
                c.role,
                c.phone,
                c.phone_e164,
                c.email,
                *_prov(c.provenance),
                c.extractor,
                c.extension,
            ]
        )
    return rows


def load_result(con: duckdb.DuckDBPyConnection, result: DocumentResult) -> str:
    """Write one document in one transaction; return its document_id."""
    return load_results(con, [result])[0]


def load_results(con: duckdb.DuckDBPyConnection, results: list[DocumentResult]) -> list[str]:
    """Write documents in one transaction, all or none; return their document_ids.

    DuckDB spends ~0.5 ms planning each INSERT whatever its size, so one INSERT per table
    for several documents costs a fraction of one per table per document: the difference
    between the loading process keeping up with many workers or holding them back.
    """
    rows: dict[str, list[list[Any]]] = {table: [] for table in ("documents", *DOCUMENT_TABLES)}
    documents = []
    for result in results:
        doc = result.document_id or path_key(result.path)
        absolute = display_path(Path(result.path).absolute())
        documents.append((doc, absolute))
        rows["documents"].append(_document_row(doc, absolute, result))
        for table, table_rows in _rows(result).items():
            rows[table].extend(table_rows)
    con.execute("BEGIN TRANSACTION")
    try:
        for doc, absolute in documents:
            _delete_loaded(con, doc, absolute)
        inserts = [
            _insert_statement(table, table_rows) for table, table_rows in rows.items() if table_rows
        ]
        # one call for all of them and the commit: a statement's round trip is a third of it
        con.execute(";\n".join([*inserts, "COMMIT"]))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return [doc for doc, _ in documents]


def _delete_loaded(con: duckdb.DuckDBPyConnection, doc: str, absolute: str) -> None:
    """Remove the rows of this document, or of another one loaded from the same path.
    Only documents already loaded have rows to replace; a new one (the usual case in a
    batch) skips the deletes, which would each scan a whole table."""
    loaded = [
        r[0]
        for r in con.execute(
            "SELECT document_id FROM documents WHERE document_id = ? "
            "OR (path = ? AND document_id <> ?)",
            [doc, absolute, doc],
        ).fetchall()
    ]
    for old in loaded:
        for table in DOCUMENT_TABLES:
            if table == "document_paths" and old == doc:
                con.execute(
                    "DELETE FROM document_paths WHERE document_id = ? AND path = ?",
                    [doc, absolute],
                )
            else:
                con.execute(f"DELETE FROM {table} WHERE document_id = ?", [old])
        con.execute("DELETE FROM documents WHERE document_id = ?", [old])


def _document_row(doc: str, absolute: str, result: DocumentResult) -> list[Any]:
    return [
        doc,
        absolute,
        display_path(result.file_name),
        result.file_size,
        result.n_pages,
        result.status,
        result.error,
        datetime.now(),
        result.pipeline_version,
        result.backend,
        result.seconds,
        result.notes,
        result.authority,
    ]
