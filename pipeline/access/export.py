"""Export every table and view to Parquet or CSV, one file each, with DuckDB's own writers."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel

from pipeline.store.schema import TABLES
from pipeline.store.views import VIEWS

ExportFormat = Literal["parquet", "csv"]
COPY_OPTIONS: dict[str, str] = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


class ExportedFile(BaseModel):
    name: str  # table or view
    path: Path
    rows: int


def export_database(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: ExportFormat
) -> list[ExportedFile]:
    """Write <out_dir>/<name>.<fmt> for every table and view; columns keep their names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    exported = []
    for name in [*TABLES, *VIEWS]:
        path = out_dir / f"{name}.{fmt}"
        target = str(path).replace("'", "''")
        rows = con.execute(
            f"COPY (SELECT * FROM {name}) TO '{target}' ({COPY_OPTIONS[fmt]})"
        ).fetchone()[0]
        exported.append(ExportedFile(name=name, path=path, rows=rows))
    return exported
