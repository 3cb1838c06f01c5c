"""Progress of a batch: a live bar on a terminal, plain periodic lines in a log.

ETA is estimated from bytes parsed, since the page count of a file is unknown until a worker
has opened it, and bytes follow pages far better than a document count does.
"""

from __future__ import annotations

import time
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.models import DocumentResult
from pipeline.run import BatchPlan


class _Counts:
    def __init__(self) -> None:
        self.plan = BatchPlan(0, 0, 0)
        self.documents = 0
        self.pages = 0
        self.bytes = 0
        self.failed = 0
        self.started = time.monotonic()

    def start(self, plan: BatchPlan) -> None:
        self.plan = plan
        self.started = time.monotonic()

    def advance(self, result: DocumentResult) -> None:
        self.documents += 1
        self.pages += result.n_pages
        self.bytes += result.file_size or 0
        self.failed += result.status == "failed"


class ProgressBar:
    """Documents, pages, elapsed time and ETA, redrawn in place on a terminal."""

    def __init__(self, console: Console):
        self.counts = _Counts()
        self._progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.fields[documents]} documents"),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._progress.stop()

    def start(self, plan: BatchPlan) -> None:
        self.counts.start(plan)
        self._task = self._progress.add_task("ingest", total=max(plan.bytes, 1), **self._fields())

    def advance(self, result: DocumentResult) -> None:
        self.counts.advance(result)
        if self._task is not None:
            self._progress.update(self._task, completed=self.counts.bytes, **self._fields())

    def _fields(self) -> dict[str, str]:
        c = self.counts
        failed = f"[red]{c.failed} failed" if c.failed else ""
        return {
            "documents": f"{c.documents}/{c.plan.documents}",
            "pages": f"{c.pages:,}",
            "failed": failed,
        }


class ProgressLog:
    """One plain line every `every` seconds (and at the last document), for logs and CI."""

    def __init__(self, stream: TextIO, every: float = 10.0):
        self.counts = _Counts()
        self._stream, self._every = stream, every
        self._last = 0.0

    def __enter__(self) -> ProgressLog:
        return self

    def __exit__(self, *exc_info) -> None:
        pass

    def start(self, plan: BatchPlan) -> None:
        self.counts.start(plan)
        self._last = time.monotonic()
        already = f", {plan.skipped} already loaded (skipped)" if plan.skipped else ""
        self._write(
            f"ingest: {plan.documents} documents to parse ({plan.bytes / 1e6:,.1f} MB){already}"
        )

    def advance(self, result: DocumentResult) -> None:
        self.counts.advance(result)
        now = time.monotonic()
        if now - self._last >= self._every or self.counts.documents == self.counts.plan.documents:
            self._last = now
            self._write(self.line(now))

    def line(self, now: float) -> str:
        c = self.counts
        elapsed = max(now - c.started, 1e-9)
        share = c.bytes / c.plan.bytes if c.plan.bytes else 1.0
        eta = elapsed * (1 - share) / share if share > 0 else None
        return (
            f"ingest: {c.documents}/{c.plan.documents} documents ({share:.0%}), {c.pages:,} pages, "
            f"{c.pages / elapsed:.1f} pages/s, {c.failed} failed, elapsed {_clock(elapsed)}, "
            f"ETA {_clock(eta) if eta is not None else '?'}"
        )

    def _write(self, text: str) -> None:
        print(text, file=self._stream, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
