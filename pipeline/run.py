"""The batch: find files, skip what is loaded, parse in worker processes, load in this one."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import PIPELINE_VERSION
from pipeline.files import discover, file_sha256
from pipeline.load import connect, load_result
from pipeline.models import DocumentResult
from pipeline.process import process_file

log = logging.getLogger("agendas")


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def any_failed(self) -> bool:
        return self.counts["failed"] > 0


@dataclass
class _Job:
    path: Path
    document_id: str | None


def _plan(paths: Iterable[Path], con, force: bool, summary: IngestSummary) -> Iterator[_Job]:
    """Hash each file; skip those already loaded by this pipeline version."""
    for path in discover(paths):
        try:
            document_id = file_sha256(path) if path.is_file() else None
        except OSError:
            document_id = None
        if document_id and not force:
            row = con.execute(
                "SELECT pipeline_version FROM documents "
                "WHERE document_id = ? AND status <> 'failed'",
                [document_id],
            ).fetchone()
            if row and row[0] == PIPELINE_VERSION:
                con.execute(
                    "INSERT INTO document_paths SELECT ?, ?, now() WHERE NOT EXISTS "
                    "(SELECT 1 FROM document_paths WHERE document_id = ? AND path = ?)",
                    [document_id, str(path.absolute()), document_id, str(path.absolute())],
                )
                summary.counts["skipped"] += 1
                continue
        yield _Job(path, document_id)


def _run_local(jobs: list[_Job], workers: int) -> Iterator[DocumentResult]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield process_file(job.path, job.document_id)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: set[Future[DocumentResult]] = set()
        queue = iter(jobs)
        for job in queue:
            pending.add(pool.submit(process_file, job.path, job.document_id))
            if len(pending) >= workers * 2:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
            for job in queue:
                pending.add(pool.submit(process_file, job.path, job.document_id))
                if len(pending) >= workers * 2:
                    break


def ingest(
    paths: Iterable[Path],
    db_path: Path,
    workers: int | None = None,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into the database; never stops on a bad file."""
    started = time.perf_counter()
    summary = IngestSummary()
    workers = workers or os.cpu_count() or 1
    con = connect(db_path)
    try:
        jobs = list(_plan(paths, con, force, summary))
        if on_start:
            on_start(len(jobs))
        for result in _run_local(jobs, workers):
            load_result(con, result)
            summary.counts[result.status] += 1
            summary.pages += result.n_pages
            if result.status == "failed":
                summary.failures.append((result.path, result.error or "unknown error"))
                print(f"{result.path}: failed: {result.error}", file=sys.stderr)
            elif result.status == "partial":
                print(f"{result.path}: partial: {result.error}", file=sys.stderr)
            if on_result:
                on_result(result)
    finally:
        con.close()
    summary.seconds = time.perf_counter() - started
    return summary
