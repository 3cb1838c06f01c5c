"""The DuckDB schema. Table and column names are a contract: extend, never rename."""

from __future__ import annotations

import re

from pipeline.store.views import create_views

PROVENANCE = """
    page INTEGER,
    page_label VARCHAR,
    x0 DOUBLE,
    top DOUBLE,
    x1 DOUBLE,
    bottom DOUBLE,
    source_text VARCHAR,
    extractor VARCHAR"""

TABLES: dict[str, str] = {
    "documents": """
    document_id VARCHAR PRIMARY KEY,
    path VARCHAR,
    file_name VARCHAR,
    file_size BIGINT,
    n_pages INTEGER,
    status VARCHAR,
    error VARCHAR,
    ingested_at TIMESTAMP,
    pipeline_version VARCHAR,
    backend VARCHAR,
    seconds DOUBLE,
    notes VARCHAR,
    authority VARCHAR""",
    "document_paths": """
    document_id VARCHAR,
    path VARCHAR,
    seen_at TIMESTAMP""",
    "pages": """
    document_id VARCHAR,
    page INTEGER,
    page_label VARCHAR,
    agenda_item_stamp VARCHAR,
    text VARCHAR,
    is_blank BOOLEAN,
    has_text_layer BOOLEAN,
    segment_kind VARCHAR,
    text_quality VARCHAR,
    problem VARCHAR,
    reader VARCHAR,
    ocr_confidence DOUBLE""",
    "segments": """
    segment_id VARCHAR,
    document_id VARCHAR,
    kind VARCHAR,
    first_page INTEGER,
    last_page INTEGER,
    title VARCHAR,
    agenda_item VARCHAR""",
    "meetings": f"""
    meeting_id VARCHAR,
    document_id VARCHAR,
    kind VARCHAR,
    authority VARCHAR,
    body VARCHAR,
    meeting_date DATE,
    start_time TIME,
    venue VARCHAR,{PROVENANCE}""",
    "agenda_items": f"""
    item_id VARCHAR,
    meeting_id VARCHAR,
    document_id VARCHAR,
    number VARCHAR,
    title VARCHAR,
    description VARCHAR,
    part INTEGER,
    printed_first_page INTEGER,
    printed_last_page INTEGER,
    first_page INTEGER,
    last_page INTEGER,{PROVENANCE},
    parent VARCHAR""",
    "attendees": f"""
    attendee_id VARCHAR,
    meeting_id VARCHAR,
    document_id VARCHAR,
    name VARCHAR,
    honorific VARCHAR,
    role VARCHAR,
    organisation VARCHAR,
    status VARCHAR,
    note VARCHAR,{PROVENANCE}""",
    "resolutions": f"""
    resolution_id VARCHAR,
    meeting_id VARCHAR,
    item_id VARCHAR,
    document_id VARCHAR,
    minute_number VARCHAR,
    item_title VARCHAR,
    text VARCHAR,{PROVENANCE},
    outcome VARCHAR,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER,
    moved_by VARCHAR,
    seconded_by VARCHAR""",
    "money": f"""
    money_id VARCHAR,
    document_id VARCHAR,
    item_id VARCHAR,
    amount DECIMAL(18, 2),
    currency VARCHAR,
    raw VARCHAR,
    context VARCHAR,
    implicit BOOLEAN,{PROVENANCE},
    range_end VARCHAR""",
    "contacts": f"""
    contact_id VARCHAR,
    document_id VARCHAR,
    item_id VARCHAR,
    name VARCHAR,
    role VARCHAR,
    phone VARCHAR,
    phone_e164 VARCHAR,
    email VARCHAR,{PROVENANCE},
    extension VARCHAR""",
}

# Tables whose rows belong to one document and are replaced when it is re-ingested.
DOCUMENT_TABLES = [name for name in TABLES if name != "documents"]
FACT_TABLES = ["meetings", "agenda_items", "attendees", "resolutions", "money", "contacts"]


_COLUMN_RE = re.compile(r"(?P<name>\w+)\s+(?P<type>[A-Z]+(?:\s*\([^)]*\))?)")


def _columns(table: str) -> list[tuple[str, str]]:
    """(name, type) of each column of a table, in order."""
    columns = []
    for line in TABLES[table].strip().splitlines():
        line = line.strip().rstrip(",")
        match = _COLUMN_RE.match(line)
        if match:
            columns.append((match["name"], match["type"].replace(" ", "")))
    return columns


def column_names(table: str) -> list[str]:
    return [name for name, _ in _columns(table)]


def column_types(table: str) -> list[str]:
    return [column_type for _, column_type in _columns(table)]


def create_schema(con) -> None:
    """Create missing tables, add columns a newer version introduced, and (re)create views."""
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
        existing = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]
            ).fetchall()
        }
        for line in columns.strip().splitlines():
            definition = line.strip().rstrip(",").replace(" PRIMARY KEY", "")
            if definition and definition.split()[0] not in existing:
                con.execute(f"ALTER TABLE {name} ADD COLUMN {definition}")
    create_views(con)
