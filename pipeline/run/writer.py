"""The batch's single database writer: parsed documents go in a few at a time.

DuckDB allows one writing process, so every worker's results pass through here. Each INSERT
costs DuckDB ~0.5 ms to plan whatever its size; written one document per transaction, the
writer needs ~10 ms per document, which caps a batch near 100 documents a second however many
cores parse, and takes a share of the cores it shares with the workers. So documents that
arrive close together are written together: a document is written at once if nothing was
written in the last `BATCH_SECONDS`, else it waits for the next write, which comes when
`BATCH_DOCUMENTS` documents (or `BATCH_PAGES` pages) are waiting, or with the first document
to arrive `BATCH_SECONDS` after the last write, or at the end of the batch. A transaction
holds whole documents only, so an interrupted batch still keeps only whole documents; one the
database refuses is retried alone, and recorded as failed if it is refused again, so it cannot
take the others down with it.
"""

from __future__ import annotations

import contextlib
import ctypes
import time
from pathlib import Path

import duckdb

from pipeline.errors import describe_exception
from pipeline.models import DocumentResult
from pipeline.run.process import failed_result
from pipeline.store.load import load_result, load_results, writer_connection

BATCH_DOCUMENTS = 16
BATCH_PAGES = 1000
BATCH_SECONDS = 1.0

# DuckDB keeps what a connection wrote and read in memory (write buffers, cached blocks), so
# in one long connection memory grows with the database. Closing checkpoints and frees it:
# with a reopen every 100 documents the loader's memory is flat however large the batch
# (measured: ~160 MB from 100 to 2,000 documents, against 470 MB at 3,000 without).
REOPEN_EVERY = 100


class DocumentWriter:
    """Collects parsed documents and writes them in batches; `add` and `flush` return the
    documents just written (with their final status), for counting and progress."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.con = writer_connection(db_path)
        self.pending: list[DocumentResult] = []
        self.last_write = float("-inf")
        self.written = 0

    def add(self, result: DocumentResult) -> list[DocumentResult]:
        self.pending.append(result)
        if (
            len(self.pending) >= BATCH_DOCUMENTS
            or sum(r.n_pages for r in self.pending) >= BATCH_PAGES
            or time.monotonic() - self.last_write >= BATCH_SECONDS
        ):
            return self.flush()
        return []

    def flush(self) -> list[DocumentResult]:
        batch, self.pending = self.pending, []
        if not batch:
            return []
        self.last_write = time.monotonic()
        if self.written // REOPEN_EVERY < (self.written + len(batch)) // REOPEN_EVERY:
            self.con.close()
            release_freed_memory()
            self.con = writer_connection(self.db_path)
        try:
            load_results(self.con, batch)
        except duckdb.Error:
            batch = [self._load_alone(result) for result in batch]
        self.written += len(batch)
        return batch

    def close(self) -> None:
        self.con.close()

    def _load_alone(self, result: DocumentResult) -> DocumentResult:
        """Write the result; if the database refuses it, record the document as failed."""
        try:
            load_result(self.con, result)
            return result
        except duckdb.Error as exc:
            reason = f"could not be written to the database: {describe_exception(exc)}"
            failed = failed_result(Path(result.path), result.document_id, reason)
            load_result(self.con, failed)  # a database that refuses this too stops the batch
            return failed


def release_freed_memory() -> None:
    """Hand memory freed by the C heap back to the system. glibc keeps it for reuse, and after
    the large buffers of big documents' results (and DuckDB's) what it keeps is tens of MB.
    Elsewhere than glibc this does nothing."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
