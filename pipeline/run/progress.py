"""Progress of a batch: a live bar on a terminal, plain periodic lines in a log.

ETA is estimated from bytes parsed, since the page count of a file is unknown until a worker
has opened it, and bytes follow pages far better than a document count does.
"""

from __future__ import annotations

import threading
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
from pipeline.run.ingest import BatchPlan


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
    """A plain line every `every` seconds and at the last document, for logs and CI.

    Lines keep coming while one long document is parsed, so a log shows the batch is alive.
    """

    def __init__(self, stream: TextIO, every: float = 10.0):
        self.counts = _Counts()
        self._stream, self._every = stream, every
        self._last = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._tick, daemon=True, name="progress-log")

    def __enter__(self) -> ProgressLog:
        if self._every > 0:
            self._ticker.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._ticker.is_alive():
            self._ticker.join()

    def start(self, plan: BatchPlan) -> None:
        self.counts.start(plan)
        already = f", {plan.skipped} already loaded (skipped)" if plan.skipped else ""
        self._write(
            f"ingest: {_plural(plan.documents, 'document')} to parse "
            f"({plan.bytes / 1e6:,.1f} MB){already}"
        )

    def advance(self, result: DocumentResult) -> None:
        with self._lock:
            self.counts.advance(result)
            last = self.counts.documents == self.counts.plan.documents
        if last or time.monotonic() - self._last >= self._every:
            self._write(self.line(time.monotonic()))

    def line(self, now: float) -> str:
        with self._lock:
            c = self.counts
            elapsed = max(now - c.started, 1e-9)
            share = c.bytes / c.plan.bytes if c.plan.bytes else 1.0
            eta = _clock(elapsed * (1 - share) / share) if share > 0 else "?"
            return (
                f"ingest: {c.documents}/{c.plan.documents} documents ({share:.0%}), "
                f"{c.pages:,} pages, {c.pages / elapsed:.1f} pages/s, {c.failed} failed, "
                f"elapsed {_clock(elapsed)}, ETA {eta}"
            )

    def _tick(self) -> None:
        while not self._stop.wait(max(self._every - (time.monotonic() - self._last), 0.05)):
            if time.monotonic() - self._last >= self._every and self.counts.plan.documents:
                self._write(self.line(time.monotonic()))

    def _write(self, text: str) -> None:
        self._last = time.monotonic()
        print(text, file=self._stream, flush=True)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
