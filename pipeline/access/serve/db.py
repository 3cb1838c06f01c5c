"""One read-only DuckDB connection per request, closed when the request ends.

DuckDB lets one process write a database file and refuses every other process while it
does, readers included. Holding a connection open would block `agendas ingest`, so the viewer
opens the file for each request; while an ingest is writing, opening fails with a lock error,
which becomes DatabaseBusy (shown as a "retry shortly" page, HTTP 503).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

from pipeline.store.load import connect


class DatabaseBusy(Exception):
    """Another process (an ingest) holds the database's write lock."""


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and "lock" in text and "conflict" in text


@contextlib.contextmanager
def read_only(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection (with the views) for one request. Raises FileNotFoundError
    when there is no database and DatabaseBusy while an ingest holds it."""
    try:
        con = connect(db_path, read_only=True)
    except duckdb.Error as exc:
        if is_lock_error(exc):
            raise DatabaseBusy(str(exc).splitlines()[0]) from exc
        raise
    try:
        yield con
    finally:
        con.close()
