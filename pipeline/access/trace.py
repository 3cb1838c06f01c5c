"""From any extracted row back to its source: document, hash check, page, box and text.

The auditor's question is "where does this row come from, and is that still the file I
think it is?". `trace_row` answers both: it gathers the row's provenance, its meeting and
agenda item, the verbatim source text with the lines around it (from the stored page text),
and re-hashes the PDF so a moved or edited file is reported instead of silently shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import duckdb
from pydantic import BaseModel

from pipeline.models import BBox
from pipeline.run.files import file_sha256
from pipeline.store.views import DOCUMENT_MEETING_SQL

# Traceable table -> its id column.
TRACEABLE: dict[str, str] = {
    "meetings": "meeting_id",
    "agenda_items": "item_id",
    "attendees": "attendee_id",
    "resolutions": "resolution_id",
    "money": "money_id",
    "contacts": "contact_id",
}

FileStatus = Literal["verified", "moved", "changed", "missing"]


class SourceFile(BaseModel):
    """Whether the PDF the row was read from is still there, byte for byte."""

    status: FileStatus
    recorded_path: str
    path: str | None = None  # a file whose bytes match the recorded SHA-256, if any
    sha256: str
    found_sha256: str | None = None  # hash of the file now at recorded_path, when it differs

    @property
    def usable(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        if self.status == "verified":
            return "file unchanged since ingest (SHA-256 recomputed and equal)"
        if self.status == "moved":
            return (
                f"{self.recorded_path} is missing or changed; the same bytes were found at "
                f"{self.path} (SHA-256 recomputed and equal)"
            )
        if self.status == "changed":
            return (
                f"THE FILE HAS CHANGED SINCE INGEST: {self.recorded_path} now has SHA-256 "
                f"{self.found_sha256}; the page, box and text below describe the file as it "
                "was ingested and cannot be shown on the current file"
            )
        return (
            f"THE FILE IS MISSING: no file with these bytes at {self.recorded_path} or any "
            "other path it was ingested from; the page, box and text below come from the database"
        )


class ContextLine(BaseModel):
    text: str
    is_source: bool


class Trace(BaseModel):
    """Everything an auditor needs to find one row in its source PDF."""

    table: str
    row_id: str
    row: dict[str, Any]
    document_id: str
    file: SourceFile
    n_pages: int | None
    page: int | None
    page_label: str | None
    bbox: BBox | None
    meeting: dict[str, Any] | None
    agenda_item: dict[str, Any] | None
    source_text: str | None
    context: list[ContextLine]
    context_note: str | None = None


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cursor = con.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def verify_source(con: duckdb.DuckDBPyConnection, document_id: str) -> SourceFile:
    """Re-hash the recorded file; if it moved or changed, look for the bytes at other paths."""
    recorded = con.execute(
        "SELECT path FROM documents WHERE document_id = ?", [document_id]
    ).fetchone()
    recorded_path = recorded[0] if recorded else ""
    others = [
        row[0]
        for row in con.execute(
            "SELECT path FROM document_paths WHERE document_id = ? AND path <> ? "
            "ORDER BY seen_at DESC",
            [document_id, recorded_path],
        ).fetchall()
    ]
    found_sha256 = _hash_or_none(Path(recorded_path)) if recorded_path else None
    if found_sha256 == document_id:
        return SourceFile(
            status="verified", recorded_path=recorded_path, path=recorded_path, sha256=document_id
        )
    for other in others:
        if _hash_or_none(Path(other)) == document_id:
            return SourceFile(
                status="moved", recorded_path=recorded_path, path=other, sha256=document_id
            )
    return SourceFile(
        status="changed" if found_sha256 else "missing",
        recorded_path=recorded_path,
        sha256=document_id,
        found_sha256=found_sha256,
    )


def _hash_or_none(path: Path) -> str | None:
    try:
        return file_sha256(path) if path.is_file() else None
    except OSError:
        return None


def _meeting_id(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> str | None:
    """The row's own meeting, else its agenda item's, else its document's only agenda meeting
    (the same rule as the v_money view)."""
    if row.get("meeting_id"):
        return row["meeting_id"]
    if row.get("item_id"):
        item = con.execute(
            "SELECT meeting_id FROM agenda_items WHERE item_id = ?", [row["item_id"]]
        ).fetchone()
        if item and item[0]:
            return item[0]
    found = con.execute(
        f"SELECT meeting_id FROM ({DOCUMENT_MEETING_SQL}) WHERE document_id = ?",
        [row["document_id"]],
    ).fetchone()
    return found[0] if found else None


def _normal(text: str) -> str:
    return " ".join(text.split())


def source_context(
    page_text: str, source_text: str, lines_around: int = 3
) -> tuple[list[ContextLine], str | None]:
    """The page lines holding the source text, with `lines_around` lines either side.

    The source is located by its lines: the longest run of page lines equal to the source's
    lines (a source continued on the next page matches its first part); a source shorter than
    a line (one table cell) matches the line that contains it. Returns the lines and a note
    when the match is partial, ambiguous or missing.
    """
    page_lines = page_text.splitlines()
    wanted = [_normal(s) for s in source_text.splitlines() if s.strip()]
    if not wanted or not page_lines:
        return [], "no source text to locate" if not wanted else "the page has no text"
    starts = [i for i, line in enumerate(page_lines) if wanted[0] in _normal(line)]
    if not starts:
        return [], "the source text is not in the page's body text (it may be a header or footer)"
    best_start, best_length, best_exact = starts[0], 0, False
    for start in starts:
        length = 1
        while (
            length < len(wanted)
            and start + length < len(page_lines)
            and _normal(page_lines[start + length]) == wanted[length]
        ):
            length += 1
        exact = _normal(page_lines[start]) == wanted[0]
        if (length, exact) > (best_length, best_exact):
            best_start, best_length, best_exact = start, length, exact
    note = None
    if best_length < len(wanted):
        note = f"{best_length} of {len(wanted)} source lines are on this page"
    elif len(starts) > 1:
        note = f"the text occurs {len(starts)} times on this page; the box marks the right one"
    first = max(0, best_start - lines_around)
    last = min(len(page_lines), best_start + best_length + lines_around)
    context = [
        ContextLine(text=page_lines[i], is_source=best_start <= i < best_start + best_length)
        for i in range(first, last)
    ]
    return context, note


def trace_row(
    con: duckdb.DuckDBPyConnection, table: str, row_id: str, lines_around: int = 3
) -> Trace:
    """Gather the provenance of one row. Raises KeyError for an unknown table or id."""
    if table not in TRACEABLE:
        raise KeyError(f"{table}: not a traceable table (one of {', '.join(TRACEABLE)})")
    row = _one(con, f"SELECT * FROM {table} WHERE {TRACEABLE[table]} = ?", [row_id])
    if row is None:
        raise KeyError(f"no row in {table} with {TRACEABLE[table]} = {row_id!r}")
    document_id = row["document_id"]
    meeting_id = _meeting_id(con, row)
    meeting = _one(
        con,
        "SELECT meeting_id, kind, authority, body, meeting_date, start_time, venue "
        "FROM meetings WHERE meeting_id = ?",
        [meeting_id],
    )
    agenda_item = _one(
        con,
        "SELECT item_id, number, title, part FROM agenda_items WHERE item_id = ?",
        [row.get("item_id")],
    )
    page = _one(
        con,
        "SELECT p.text, d.n_pages FROM documents d LEFT JOIN pages p "
        "ON p.document_id = d.document_id AND p.page = ? WHERE d.document_id = ?",
        [row["page"], document_id],
    )
    context, note = source_context(
        (page or {}).get("text") or "", row.get("source_text") or "", lines_around
    )
    has_box = all(row.get(k) is not None for k in ("x0", "top", "x1", "bottom"))
    return Trace(
        table=table,
        row_id=row_id,
        row=row,
        document_id=document_id,
        file=verify_source(con, document_id),
        n_pages=(page or {}).get("n_pages"),
        page=row.get("page"),
        page_label=row.get("page_label"),
        bbox=BBox(x0=row["x0"], top=row["top"], x1=row["x1"], bottom=row["bottom"])
        if has_box
        else None,
        meeting=meeting,
        agenda_item=agenda_item,
        source_text=row.get("source_text"),
        context=context,
        context_note=note,
    )


def format_trace(trace: Trace) -> str:
    """The trace as plain text for the terminal."""
    label = trace.page_label or "no printed label"
    lines = [
        f"{trace.table} {trace.row_id}",
        f"document   {trace.file.path or trace.file.recorded_path}",
        f"sha256     {trace.document_id}",
        f"file check {trace.file.describe()}",
        f"page       {trace.page} of {trace.n_pages} ({label})",
    ]
    if trace.bbox:
        b = trace.bbox
        lines.append(f"box        x0={b.x0} top={b.top} x1={b.x1} bottom={b.bottom} (points)")
    else:
        lines.append("box        none recorded")
    if trace.meeting:
        m = trace.meeting
        parts = [m["kind"], m["authority"], m["body"], m["meeting_date"], m["start_time"]]
        lines.append(
            f"meeting    {m['meeting_id']}  " + "  ".join(str(p) for p in parts if p is not None)
        )
    else:
        lines.append("meeting    not linked to a meeting")
    if trace.agenda_item:
        i = trace.agenda_item
        lines.append(f"item       {i['item_id']}  {i['number']}. {i['title']}")
    else:
        lines.append("item       not linked to an agenda item")
    lines.append(f"extractor  {trace.row.get('extractor')}")
    lines.append("source text (> marks the source lines):")
    if trace.context:
        lines.extend(f"  {'>' if c.is_source else ' '} {c.text}" for c in trace.context)
    else:
        lines.extend(f"  > {s}" for s in (trace.source_text or "").splitlines())
    if trace.context_note:
        lines.append(f"  ({trace.context_note})")
    return "\n".join(lines)
