"""Parse documents in worker processes, each document under a time and a memory limit.

A PDF can make a reader loop, recurse, or ask for gigabytes (a 500,000-character line costs
pdfminer over 1 GB). So no document is parsed in the main process: each worker caps its own
address space (RLIMIT_AS), and the parent kills a worker whose document runs past the time
limit, or notices one that died. Either way that document becomes a 'failed' result with the
reason, a fresh worker takes the next document, and the batch goes on.
"""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.models import DocumentResult
from pipeline.read.ocr import OcrSettings
from pipeline.read.readers import DEFAULT_READER
from pipeline.run.process import failed_result, process_file

Task = tuple[Path, str | None]  # (path, document_id if already known)

# Forked workers start at once with the modules already imported, and never re-run the
# caller's main script (spawn and forkserver do, which breaks scripts without a main guard).
START_METHOD = "fork"
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 3072
OCR_SHARE_OF_TIMEOUT = 0.8


@dataclass(frozen=True)
class Limits:
    """How workers parse each document: its limits (None switches a limit off) and the
    PDF reader they use."""

    seconds: float | None = DEFAULT_TIMEOUT
    memory_mb: int | None = DEFAULT_MEMORY_MB
    reader: str = DEFAULT_READER
    ocr: OcrSettings = field(default_factory=OcrSettings)

    def ocr_seconds(self) -> float | None:
        """How long OCR may start pages: the rest of the time limit is left for the pages
        already read to be segmented, extracted and sent, so the document is kept."""
        return self.seconds * OCR_SHARE_OF_TIMEOUT if self.seconds else None

    def time_reason(self) -> str:
        return f"time limit exceeded: still reading after {self.seconds:g} s (--timeout)"

    def memory_reason(self) -> str:
        return f"memory limit exceeded: needed more than {self.memory_mb} MB (--memory-limit)"


def _limit_memory(memory_mb: int | None) -> None:
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _quiet_stderr() -> None:
    """Library warnings and a dying interpreter's dump would flood the batch's output; every
    document's outcome is recorded with its reason instead."""
    faulthandler.disable()  # it may hold its own copy of the parent's stderr
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def tune_gc_for_parsing() -> None:
    """Collect cyclic garbage less often in a process that only parses.

    Reading a page allocates hundreds of thousands of short-lived objects (pdfminer's characters),
    nearly all freed by reference counting. At the default thresholds the cyclic collector runs
    thousands of times per document and re-scans everything alive, which costs ~15% of parse
    time. Freezing moves the modules and models loaded so far out of its reach for good (and
    keeps forked workers from touching, and so copying, the memory pages they share).
    """
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _worker_main(conn: Connection, limits: Limits) -> None:
    """Parse the tasks the parent sends until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _quiet_stderr()
    tune_gc_for_parsing()
    _limit_memory(limits.memory_mb)
    while (task := conn.recv()) is not None:
        path, document_id = task
        result = process_file(path, document_id, limits.reader, limits.ocr, limits.ocr_seconds())
        if result.status == "failed" and result.error and "out of memory" in result.error:
            result.error = limits.memory_reason()
        try:
            conn.send(result)
        except MemoryError:
            conn.send(failed_result(path, document_id, limits.memory_reason()))


class _Worker:
    """One worker process and the task it is on."""

    def __init__(self, context, limits: Limits):
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child_conn, limits), daemon=True, name="agendas-worker"
        )
        self.process.start()
        child_conn.close()
        self.task: Task | None = None
        self.started = 0.0

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _crash_reason(exitcode: int | None, limits: Limits) -> str:
    """Why a worker died. Python and PDFium abort when an allocation fails past the limit."""
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if limits.memory_mb and name in {"SIGABRT", "SIGKILL", "SIGSEGV", "SIGBUS"}:
            return (
                f"the reader crashed ({name}), most likely at the memory limit of "
                f"{limits.memory_mb} MB (--memory-limit)"
            )
        return f"the reader crashed: worker process killed by {name}"
    return f"the reader crashed: worker process exited with code {exitcode}"


def run_limited(tasks: Iterable[Task], workers: int, limits: Limits) -> Iterator[DocumentResult]:
    """Parse every task in `workers` processes; yield results as they finish (any order)."""
    context = multiprocessing.get_context(START_METHOD)
    queue = iter(tasks)
    pool: list[_Worker] = []
    try:
        for _ in range(max(workers, 1)):
            task = next(queue, None)
            if task is None:
                break
            worker = _Worker(context, limits)
            pool.append(worker)
            worker.give(task)
        while any(w.task for w in pool):
            busy = [w for w in pool if w.task]
            wait_for = _seconds_to_next_deadline(busy, limits)
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for index, worker in enumerate(pool):
                if worker.task is None:
                    continue
                result, restart = _collect(worker, ready, limits)
                if result is None:
                    continue
                if restart:
                    worker.stop(kill=True)
                    worker = pool[index] = _Worker(context, limits)
                worker.task = None
                task = next(queue, None)
                if task is not None:
                    worker.give(task)  # before yielding: the caller loads while this parses
                yield result
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


def _seconds_to_next_deadline(busy: list[_Worker], limits: Limits) -> float | None:
    if not limits.seconds:
        return None
    now = time.monotonic()
    return max(0.0, min(w.started + limits.seconds - now for w in busy))


def _collect(worker: _Worker, ready: list, limits: Limits) -> tuple[DocumentResult | None, bool]:
    """The worker's result if it has one (and whether to replace the worker), else None."""
    path, document_id = worker.task  # type: ignore[misc]
    if worker.conn in ready:
        try:
            result: DocumentResult = worker.conn.recv()
            memory_failure = result.error == limits.memory_reason()
            return result, memory_failure  # a fresh heap after running out of memory
        except (EOFError, OSError):
            worker.process.join(timeout=5)  # the worker died mid-document
    if worker.process.sentinel in ready or not worker.process.is_alive():
        worker.process.join(timeout=5)
        reason = _crash_reason(worker.process.exitcode, limits)
        return failed_result(path, document_id, reason), True
    if limits.seconds and time.monotonic() - worker.started >= limits.seconds:
        return failed_result(path, document_id, limits.time_reason()), True
    return None, False
