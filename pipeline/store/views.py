"""Analyst views over the contract tables: each fact joined to its meeting, item and page.

Views are plain SQL, so they always reflect the tables and need no rebuild after an ingest.
Databases opened read-write get them stored in the file (for any DuckDB client); read-only
connections get the same definitions as temporary views, so databases written by older
versions of this tool have them too.
"""

from __future__ import annotations

import duckdb

from pipeline.store.people import ATTENDEE_PERSON_SQL

# The meeting of a document that describes exactly one agenda meeting: the meeting whose
# papers a figure or contact without an agenda item belongs to.
DOCUMENT_MEETING_SQL = """
SELECT document_id, any_value(meeting_id) AS meeting_id
FROM meetings
WHERE kind = 'agenda'
GROUP BY document_id
HAVING count(*) = 1
"""

VIEWS: dict[str, str] = {
    "person_names": ATTENDEE_PERSON_SQL,
    "v_resolutions": """
SELECT r.resolution_id, r.text AS resolution, r.minute_number,
       coalesce(r.item_title, i.title) AS item_title, i.number AS item_number,
       m.meeting_date, m.authority, m.body, m.kind AS meeting_kind,
       d.path, d.file_name, r.page, r.page_label,
       r.meeting_id, r.item_id, r.document_id
FROM resolutions r
LEFT JOIN meetings m ON m.meeting_id = r.meeting_id
LEFT JOIN agenda_items i ON i.item_id = r.item_id
LEFT JOIN documents d ON d.document_id = r.document_id
""",
    "v_money": f"""
SELECT f.money_id, f.amount, f.currency, f.raw, f.implicit, f.context,
       i.number AS item_number, i.title AS item_title,
       m.meeting_date, m.authority, m.body,
       d.path, d.file_name, f.page, f.page_label,
       m.meeting_id, f.item_id, f.document_id
FROM money f
LEFT JOIN agenda_items i ON i.item_id = f.item_id
LEFT JOIN ({DOCUMENT_MEETING_SQL}) dm ON dm.document_id = f.document_id
LEFT JOIN meetings m ON m.meeting_id = coalesce(i.meeting_id, dm.meeting_id)
LEFT JOIN documents d ON d.document_id = f.document_id
""",
    "v_attendance": """
SELECT p.person_id, a.name, a.honorific, a.role, a.organisation, a.status, a.note,
       m.meeting_date, m.authority, m.body, m.kind AS meeting_kind,
       d.file_name, a.page, a.page_label,
       a.attendee_id, a.meeting_id, a.document_id
FROM attendees a
LEFT JOIN person_names p ON p.attendee_id = a.attendee_id
LEFT JOIN meetings m ON m.meeting_id = a.meeting_id
LEFT JOIN documents d ON d.document_id = a.document_id
""",
    "people": """
SELECT a.person_id,
       any_value(a.authority) AS authority,
       arg_max(p.clean_name, (p.has_first_name, length(p.clean_name), p.clean_name)) AS name,
       list(DISTINCT a.name ORDER BY a.name) AS variants,
       count(DISTINCT meeting_id) AS meetings,
       count(DISTINCT meeting_id) FILTER (WHERE status = 'present') AS present,
       count(DISTINCT meeting_id) FILTER (WHERE status = 'in_attendance') AS in_attendance,
       count(DISTINCT meeting_id) FILTER (WHERE status = 'apologies') AS apologies,
       count(DISTINCT meeting_id) FILTER (WHERE status = 'absent') AS absent,
       count(DISTINCT meeting_id) FILTER (WHERE status = 'member') AS member,
       min(meeting_date) AS first_meeting,
       max(meeting_date) AS last_meeting
FROM v_attendance a
JOIN person_names p ON p.attendee_id = a.attendee_id
WHERE a.person_id IS NOT NULL
GROUP BY a.person_id
""",
}


def create_views(con: duckdb.DuckDBPyConnection, temporary: bool = False) -> None:
    """(Re)create every view; `temporary` for read-only connections (nothing is written)."""
    kind = "TEMPORARY VIEW" if temporary else "VIEW"
    for name, sql in VIEWS.items():
        con.execute(f"CREATE OR REPLACE {kind} {name} AS {sql}")
