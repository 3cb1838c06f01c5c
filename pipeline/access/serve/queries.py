"""The viewer's reads: lists with filters, a meeting with its rows, rows on a page.

Every value from a request goes in as a parameter; the only names put into SQL text are
table and column names checked against the schema first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from pipeline.access.trace import TRACEABLE
from pipeline.models import BBox
from pipeline.store.schema import FACT_TABLES, column_names

ATTENDANCE_ORDER = ["member", "present", "in_attendance", "apologies", "absent"]

# The meeting each row belongs to. Money and contacts carry no meeting: their agenda item's,
# else the document's only agenda meeting (as the v_money view), else its only meeting.
ROW_MEETING: dict[str, str] = {
    "meetings": "t.meeting_id",
    "agenda_items": "t.meeting_id",
    "attendees": "t.meeting_id",
    "resolutions": "t.meeting_id",
    "money": "coalesce(i.meeting_id, da.meeting_id, dm.meeting_id)",
    "contacts": "coalesce(i.meeting_id, da.meeting_id, dm.meeting_id)",
}
_ITEM_JOINS = """
LEFT JOIN agenda_items i ON i.item_id = t.item_id
LEFT JOIN (SELECT document_id, any_value(meeting_id) AS meeting_id FROM meetings
           WHERE kind = 'agenda' GROUP BY document_id HAVING count(*) = 1) da
       ON da.document_id = t.document_id
LEFT JOIN (SELECT document_id, any_value(meeting_id) AS meeting_id FROM meetings
           GROUP BY document_id HAVING count(*) = 1) dm
       ON dm.document_id = t.document_id
"""


@dataclass(frozen=True)
class MeetingFilters:
    """Filters on a row's meeting, shared by search, meetings and table lists."""

    authority: str | None = None
    body: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def sql(self, alias: str = "m") -> tuple[str, list[Any]]:
        conditions, params = [], []
        for column, op, value in (
            ("authority", "=", self.authority),
            ("body", "=", self.body),
            ("meeting_date", ">=", self.date_from),
            ("meeting_date", "<=", self.date_to),
        ):
            if value is not None:
                conditions.append(f"{alias}.{column} {op} ?")
                params.append(value)
        return "".join(f" AND {c}" for c in conditions), params


@dataclass
class Listing:
    """Rows for a page of a list, with the count of all matching rows."""

    columns: list[str]
    rows: list[tuple]
    total: int
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Listing:
    cursor = con.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    rows = cursor.fetchall()
    return Listing(columns=columns, rows=rows, total=len(rows))


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> dict[str, Any] | None:
    found = _fetch(con, sql, params)
    return found.dicts()[0] if found.rows else None


def table_listing(
    con: duckdb.DuckDBPyConnection,
    table: str,
    equals: dict[str, str],
    meeting: MeetingFilters,
    limit: int | None,
    offset: int = 0,
) -> Listing:
    """Rows of a fact table, filtered by column values and by their meeting, in id order.

    Columns: the table's own, then the document's file name and (for rows other than
    meetings) the meeting's id, date, authority and body.
    """
    if table not in FACT_TABLES:
        raise KeyError(table)
    own = column_names(table)
    unknown = set(equals) - set(own) - {"meeting_id"}
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    select = [f't."{c}"' for c in own] + ["d.file_name"]
    if table != "meetings":
        select += [
            "m.meeting_id AS row_meeting_id",
            "m.meeting_date AS meeting_date",
            "m.authority AS authority",
            "m.body AS body",
        ]
    joins = _ITEM_JOINS if table in ("money", "contacts") else ""
    # meeting_id means the row's meeting, also for money and contacts (which have no column).
    where = "".join(
        f" AND {ROW_MEETING[table]} = ?" if c == "meeting_id" else f' AND t."{c}" = ?'
        for c in equals
    )
    meeting_where, meeting_params = meeting.sql()
    base = f"""
        FROM {table} t {joins}
        LEFT JOIN meetings m ON m.meeting_id = {ROW_MEETING[table]}
        LEFT JOIN documents d ON d.document_id = t.document_id
        WHERE TRUE {where} {meeting_where}"""
    params = [*equals.values(), *meeting_params]
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    listing = _fetch(
        con, f"SELECT {', '.join(select)} {base} ORDER BY t.{TRACEABLE[table]}{page}", params
    )
    listing.total = total
    return listing


def meeting_listing(
    con: duckdb.DuckDBPyConnection, meeting: MeetingFilters, limit: int | None, offset: int = 0
) -> Listing:
    """Meetings, latest first, with row counts and facets by authority and body."""
    where, params = meeting.sql()
    base = f"FROM meetings m JOIN documents d USING (document_id) WHERE TRUE {where}"
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    listing = _fetch(
        con,
        f"""SELECT m.meeting_id, m.meeting_date, m.start_time, m.kind, m.authority, m.body,
               m.venue, d.file_name, m.document_id, m.page, m.page_label,
               (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.meeting_id)
                   AS agenda_items,
               (SELECT count(*) FROM attendees a WHERE a.meeting_id = m.meeting_id) AS attendees,
               (SELECT count(*) FROM resolutions r WHERE r.meeting_id = m.meeting_id)
                   AS resolutions
            {base}
            ORDER BY m.meeting_date DESC NULLS LAST, m.meeting_id{page}""",
        params,
    )
    listing.total = total
    for column in ("authority", "body"):
        listing.facets[column] = con.execute(
            f"SELECT m.{column}, count(*) {base} AND m.{column} IS NOT NULL "
            f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30",
            params,
        ).fetchall()
    return listing


def facet_values(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Distinct authorities and bodies, for the filter menus."""
    return {
        column: [
            r[0]
            for r in con.execute(
                f"SELECT DISTINCT {column} FROM meetings WHERE {column} IS NOT NULL ORDER BY 1"
            ).fetchall()
        ]
        for column in ("authority", "body")
    }


def document_listing(con: duckdb.DuckDBPyConnection, status: str | None) -> Listing:
    """Every document, failed and partial ones included, with why and what was loaded."""
    return _fetch(
        con,
        """SELECT d.document_id, d.file_name, d.status, d.error, d.notes, d.n_pages,
               (SELECT count(*) FROM meetings m WHERE m.document_id = d.document_id) AS meetings,
               (SELECT count(*) FROM resolutions r WHERE r.document_id = d.document_id)
                   AS resolutions,
               d.authority, d.path, d.ingested_at, d.pipeline_version
           FROM documents d WHERE (?::VARCHAR IS NULL OR d.status = ?)
           ORDER BY CASE d.status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END,
                    d.file_name""",
        [status, status],
    )


def document(con: duckdb.DuckDBPyConnection, document_id: str) -> dict[str, Any] | None:
    return one(con, "SELECT * FROM documents WHERE document_id = ?", [document_id])


def document_pages(con: duckdb.DuckDBPyConnection, document_id: str) -> Listing:
    return _fetch(
        con,
        """SELECT page, page_label, segment_kind, is_blank, has_text_layer, reader,
               text_quality, problem,
               left(regexp_replace(coalesce(text, ''), '\\s+', ' ', 'g'), 120) AS first_words
           FROM pages WHERE document_id = ? ORDER BY page""",
        [document_id],
    )


def page(con: duckdb.DuckDBPyConnection, document_id: str, number: int) -> dict[str, Any] | None:
    return one(con, "SELECT * FROM pages WHERE document_id = ? AND page = ?", [document_id, number])


def meeting_detail(con: duckdb.DuckDBPyConnection, meeting_id: str) -> dict[str, Any] | None:
    """A meeting with its agenda items, attendees by status, resolutions, money, contacts."""
    header = one(
        con,
        "SELECT m.*, d.file_name, d.status AS document_status FROM meetings m "
        "JOIN documents d USING (document_id) WHERE m.meeting_id = ?",
        [meeting_id],
    )
    if header is None:
        return None
    rows = {
        table: _rows_of_meeting(con, table, meeting_id)
        for table in ("agenda_items", "attendees", "resolutions", "money", "contacts")
    }
    by_status: dict[str, list[dict[str, Any]]] = {s: [] for s in ATTENDANCE_ORDER}
    for attendee in rows["attendees"]:
        by_status.setdefault(attendee["status"] or "unknown", []).append(attendee)
    return {
        "meeting": header,
        "agenda_items": rows["agenda_items"],
        "attendees": rows["attendees"],
        "attendees_by_status": {s: a for s, a in by_status.items() if a},
        "resolutions": rows["resolutions"],
        "money": rows["money"],
        "contacts": rows["contacts"],
    }


def _rows_of_meeting(
    con: duckdb.DuckDBPyConnection, table: str, meeting_id: str
) -> list[dict[str, Any]]:
    joins = _ITEM_JOINS if table in ("money", "contacts") else ""
    item_number = (
        "(SELECT a.number FROM agenda_items a WHERE a.item_id = t.item_id) AS item_number"
        if "item_id" in column_names(table) and table != "agenda_items"
        else "NULL AS item_number"
    )
    return _fetch(
        con,
        f"""SELECT t.*, {item_number} FROM {table} t {joins}
            WHERE {ROW_MEETING[table]} = ? ORDER BY t.{TRACEABLE[table]}""",
        [meeting_id],
    ).dicts()


def rows_on_page(
    con: duckdb.DuckDBPyConnection, document_id: str, number: int
) -> list[dict[str, Any]]:
    """Every extracted row whose source starts on this page, with its box."""
    parts = [
        f"""SELECT '{table}' AS table_name, {TRACEABLE[table]} AS row_id, x0, top, x1, bottom,
                   source_text FROM {table} WHERE document_id = ? AND page = ?"""
        for table in FACT_TABLES
    ]
    return _fetch(
        con,
        " UNION ALL ".join(parts) + " ORDER BY top NULLS LAST, x0, table_name, row_id",
        [v for _ in FACT_TABLES for v in (document_id, number)],
    ).dicts()


def overlap(a: BBox, b: BBox) -> float:
    """Intersection over union of two boxes (0 when apart, 1 when equal)."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    area = (a.x1 - a.x0) * (a.bottom - a.top) + (b.x1 - b.x0) * (b.bottom - b.top)
    return inter / (area - inter) if area > inter else 1.0


def rows_at_box(rows: list[dict[str, Any]], box: BBox) -> list[dict[str, Any]]:
    """The rows whose boxes overlap `box`, best overlap first, each with its `overlap`."""
    found = []
    for row in rows:
        if None in (row["x0"], row["top"], row["x1"], row["bottom"]):
            continue
        score = overlap(box, BBox(x0=row["x0"], top=row["top"], x1=row["x1"], bottom=row["bottom"]))
        if score > 0:
            found.append({**row, "overlap": score})
    return sorted(found, key=lambda r: -r["overlap"])
