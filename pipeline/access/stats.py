"""Per-document row counts: what `agendas stats` and `make run` print."""

from __future__ import annotations

import duckdb

from pipeline.store.schema import FACT_TABLES

STATS_SQL = f"""
SELECT d.file_name, d.n_pages AS pages,
       {
    ", ".join(
        f"(SELECT count(*) FROM {t} x WHERE x.document_id = d.document_id) AS {t}"
        for t in FACT_TABLES
    )
},
       d.status, d.error
FROM documents d
ORDER BY d.file_name
"""


def document_stats(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple]]:
    cursor = con.execute(STATS_SQL)
    columns = [c[0] for c in cursor.description]
    return columns, cursor.fetchall()
