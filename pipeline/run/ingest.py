"""The batch: find files, skip what is loaded, parse in worker processes, load in this one.

Parsing never happens in this process: workers run each document under a time and a memory
limit (`pipeline.run.workers`), so a pathological PDF fails alone and the batch goes on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import PIPELINE_VERSION
from pipeline.models import DocumentResult
from pipeline.run.files import discover, file_sha256
from pipeline.run.interrupts import StopBetweenDocuments
from pipeline.run.process import failed_result
from pipeline.run.workers import Limits, Task, run_limited
from pipeline.run.writer import DocumentWriter
from pipeline.store.load import display_path, loaded_version

# Parses tasks somewhere (local worker processes, a cluster) and yields results in any order.
Executor = Callable[[list[Task]], Iterator[DocumentResult]]

log = logging.getLogger("agendas")


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped_failed: int = 0  # skipped because this version already failed on the same bytes

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def any_failed(self) -> bool:
        return self.counts["failed"] > 0


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped the batch; every document loaded so far is whole and kept."""

    def __init__(self, summary: IngestSummary):
        super().__init__("ingest interrupted")
        self.summary = summary


@dataclass(frozen=True)
class BatchPlan:
    """What a batch will parse, known before parsing starts (for progress and ETA)."""

    documents: int
    bytes: int
    skipped: int


@dataclass
class _Job:
    path: Path
    document_id: str | None
    size: int = 0
    problem: str | None = None  # found unreadable while planning: recorded without parsing


@dataclass
class _Plan:
    jobs: list[_Job] = field(default_factory=list)
    copies: dict[str, list[Path]] = field(default_factory=dict)  # same bytes, other paths


def _record_path(con, document_id: str, path: Path) -> None:
    absolute = display_path(path.absolute())
    con.execute(
        "INSERT INTO document_paths SELECT ?, ?, now() WHERE NOT EXISTS "
        "(SELECT 1 FROM document_paths WHERE document_id = ? AND path = ?)",
        [document_id, absolute, document_id, absolute],
    )


def _plan(
    paths: Iterable[Path], con, force: bool, retry_failed: bool, summary: IngestSummary
) -> _Plan:
    """Hash each file; skip those already loaded by this pipeline version, and copies.

    Largest files go first, so the last document to finish is a short one and no worker
    idles at the end of a batch waiting for one long pack.
    """
    plan = _Plan()
    planned: set[str] = set()
    unreadable: list[_Job] = []
    found = discover(paths, on_problem=lambda p, why: unreadable.append(_Job(p, None, 0, why)))
    for path in found:
        try:
            document_id = file_sha256(path) if path.is_file() else None
            size = path.stat().st_size if document_id else 0
        except OSError:
            document_id, size = None, 0
        if document_id in planned:
            plan.copies.setdefault(document_id, []).append(path)
            summary.counts["skipped"] += 1
            continue
        if document_id and not force:
            loaded = loaded_version(con, document_id)
            if (
                loaded
                and loaded[1] == PIPELINE_VERSION
                and (loaded[0] != "failed" or not retry_failed)
            ):
                _record_path(con, document_id, path)
                summary.counts["skipped"] += 1
                summary.skipped_failed += loaded[0] == "failed"
                continue
        if document_id:
            planned.add(document_id)
        plan.jobs.append(_Job(path, document_id, size))
    plan.jobs.sort(key=lambda job: -job.size)
    plan.jobs[:0] = unreadable
    return plan


def local_executor(workers: int | None = None, limits: Limits | None = None) -> Executor:
    """Worker processes on this machine, each document under `limits`."""
    count = workers or os.cpu_count() or 1
    return lambda tasks: run_limited(tasks, count, limits or Limits())


def _parse(jobs: list[_Job], executor: Executor) -> Iterator[DocumentResult]:
    for job in jobs:
        if job.problem:
            yield failed_result(job.path, job.document_id, job.problem)
    tasks = [(job.path, job.document_id) for job in jobs if not job.problem]
    if tasks:
        yield from executor(tasks)


def ingest(
    paths: Iterable[Path],
    db_path: Path,
    workers: int | None = None,
    force: bool = False,
    on_start: Callable[[BatchPlan], None] | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    limits: Limits | None = None,
    executor: Executor | None = None,
    retry_failed: bool = False,
    authority: str | None = None,
) -> IngestSummary:
    """Ingest files and folders into the database; never stops on a bad file.

    Documents are parsed by `executor` (default: `workers` local processes under `limits`).
    Results are written as they arrive, a few documents per transaction (`pipeline.run.writer`),
    so an interrupted batch keeps every whole document parsed so far and the next run skips
    them. Ctrl-C raises `IngestInterrupted` carrying the summary so far.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    executor = executor or local_executor(workers, limits)
    writer = DocumentWriter(db_path)
    stops = StopBetweenDocuments()

    def written(results: list[DocumentResult], report: bool = True) -> None:
        for result in results:
            for copy in plan.copies.pop(result.document_id or "", []):
                _record_path(writer.con, result.document_id, copy)
            _count(summary, result)
        for result in results if on_result and report else []:
            on_result(result)

    try:
        with stops:
            plan = _plan(paths, writer.con, force, retry_failed, summary)
            if on_start:
                size = sum(job.size for job in plan.jobs)
                on_start(BatchPlan(len(plan.jobs), size, summary.counts["skipped"]))
            for result in _parse(plan.jobs, executor):
                result.authority = authority
                with stops.writing():
                    written(writer.add(result))
            with stops.writing():
                written(writer.flush())
    except KeyboardInterrupt as stop:
        with contextlib.suppress(KeyboardInterrupt):  # documents parsed before the stop
            written(writer.flush(), report=False)
        summary.seconds = time.perf_counter() - started
        raise IngestInterrupted(summary) from stop
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: IngestSummary, result: DocumentResult) -> None:
    summary.counts[result.status] += 1
    summary.pages += result.n_pages
    if result.status == "failed":
        summary.failures.append((result.path, result.error or "unknown error"))
        print(f"{display_path(result.path)}: failed: {result.error}", file=sys.stderr)
    elif result.status == "partial":
        print(f"{display_path(result.path)}: partial: {result.error}", file=sys.stderr)
