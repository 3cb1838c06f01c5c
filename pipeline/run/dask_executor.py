"""Parse documents on a Dask cluster; this process still plans the batch and loads DuckDB.

Workers run the same per-document function as local workers (`process_file`) and return
the `DocumentResult`; they never touch the database. Paths are sent absolute, so every worker
must see the files at the same path (shared storage); a worker that cannot read one returns
a failed result with the reason, like a local worker would.

Only about two documents per worker thread are in flight at once, so a batch of 100,000 files
never sits in the scheduler's or this process's memory. A document that errors, or whose
worker keeps dying (`KilledWorker`, e.g. at the worker's own memory limit), becomes a failed
result and the batch goes on. The time limit is watched from here: a document seen running
longer than `Limits.seconds` fails, its task is cancelled and its worker restarted (a thread
stuck in a reader cannot be stopped any other way). The memory limit of `Limits` is not
applied on a cluster: there the worker's own `--memory-limit` applies (its nanny restarts it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import PIPELINE_VERSION
from pipeline.errors import describe_exception
from pipeline.models import DocumentResult
from pipeline.read.ocr import OcrSettings
from pipeline.read.readers import DEFAULT_READER
from pipeline.run.ingest import Executor
from pipeline.run.process import failed_result, process_file
from pipeline.run.workers import Limits, Task, tune_gc_for_parsing

if TYPE_CHECKING:
    from distributed import Client, Future

INSTALL_HINT = "the Dask executor needs the 'dask' extra: pip install 'agendas[dask]'"
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler before giving up
IN_FLIGHT_PER_THREAD = 2  # documents submitted per worker thread: one running, one waiting
RESIZE_EVERY = 10.0  # seconds between looks at the cluster's size (workers come and go)
IDLE_WAIT = 0.05  # seconds to sleep when no document has finished
RESTART_TIMEOUT = 60.0  # seconds to wait for a restarted worker to come back

log = logging.getLogger("agendas")

Parse = Callable[[Path, str | None], DocumentResult]


_tuned = False


def parse_on_worker(
    path: Path,
    document_id: str | None,
    reader: str = DEFAULT_READER,
    ocr: OcrSettings | None = None,
    ocr_seconds: float | None = None,
) -> DocumentResult:
    """`process_file` on a Dask worker, with the worker's garbage collector tuned for parsing
    on its first document (as local workers are when they start)."""
    global _tuned
    if not _tuned:
        tune_gc_for_parsing()
        _tuned = True
    return process_file(path, document_id, reader, ocr, ocr_seconds)


def _import_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return distributed


def connect(scheduler: str, timeout: float | None = None) -> Client:
    """A client of the scheduler at `scheduler`, or a ConnectionError that names it."""
    distributed = _import_distributed()
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    try:  # an unknown scheme is checked first: Client would hang closing itself
        get_backend(parse_address(scheduler)[0])
    except ValueError as exc:
        raise ConnectionError(f"not a Dask scheduler address: {scheduler} ({exc})") from exc
    try:
        return distributed.Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ConnectionError(
            f"cannot reach the Dask scheduler at {scheduler} (no answer within {timeout:g} s; "
            "is `dask scheduler` running there?)"
        ) from exc


class DaskExecutor:
    """An `Executor` that parses on the cluster behind `scheduler`.

    Made, it checks that the scheduler answers, so a wrong address fails at once rather than
    after the batch is planned (hashing 100,000 files takes a while). Called, it connects for
    the batch and closes the client when the batch ends, also on Ctrl-C or an error. `parse`
    is the per-document function the workers run: `parse_on_worker` (tests stand in others).
    """

    def __init__(
        self,
        scheduler: str,
        limits: Limits,
        connect_timeout: float | None = None,
        parse: Parse = parse_on_worker,
    ):
        self.scheduler = scheduler
        self.limits = limits
        self.connect_timeout = connect_timeout
        self.parse = parse
        connect(scheduler, connect_timeout).close()

    def __call__(self, tasks: list[Task]) -> Iterator[DocumentResult]:
        client = connect(self.scheduler, self.connect_timeout)
        try:
            yield from _parse_on_cluster(client, tasks, self.limits, self.parse, self.scheduler)
        finally:
            _close(client)


def _close(client: Client) -> None:
    """Close the client. After a lost connection, distributed would log the reconnection it
    gives up as an error with a traceback; the ConnectionError raised already says it."""
    logger = logging.getLogger("distributed.client")
    level = logger.level
    if client.status != "running":
        logger.setLevel(logging.CRITICAL)
    try:
        client.close()
    finally:
        logger.setLevel(level)


def dask_executor(scheduler: str, limits: Limits) -> Executor:
    """Parse on the Dask cluster at `scheduler` (tcp://host:8786)."""
    return DaskExecutor(scheduler, limits)


@dataclass
class _InFlight:
    """A submitted document, and since when it has been seen running, and where."""

    future: Future
    task: Task
    running_since: float | None = None
    worker: str | None = None


def _parse_on_cluster(
    client: Client, tasks: list[Task], limits: Limits, parse: Parse, scheduler: str
) -> Iterator[DocumentResult]:
    """Submit tasks a window at a time; yield each result as it comes back (any order)."""
    distributed = _import_distributed()
    queue = iter(tasks)
    in_flight: dict[str, _InFlight] = {}
    finished = distributed.as_completed(loop=client.loop)
    window = _Window(client)
    watch = _TimeLimit(client, limits) if limits.seconds else None
    try:
        while True:
            while len(in_flight) < window.size() and (task := next(queue, None)):
                path, document_id = task
                future = client.submit(
                    parse,
                    Path(path).absolute(),
                    document_id,
                    limits.reader,
                    limits.ocr,
                    limits.ocr_seconds(),
                    pure=False,
                )
                in_flight[future.key] = _InFlight(future, task)
                finished.add(future)
            if not in_flight:
                return
            done = finished.next_batch(block=False)
            for future in done:
                entry = in_flight.pop(future.key, None)
                if entry is not None:  # None: already given up on (time limit)
                    yield _result(future, entry.task, client, scheduler)
            if watch:
                for entry in watch.overdue(in_flight):
                    del in_flight[entry.future.key]
                    yield failed_result(Path(entry.task[0]), entry.task[1], limits.time_reason())
            if not done:
                time.sleep(IDLE_WAIT)
    finally:
        if in_flight:
            client.cancel([entry.future for entry in in_flight.values()])


def _result(future: Future, task: Task, client: Client, scheduler: str) -> DocumentResult:
    """The document's result as this client records it, or a failed result saying why not."""
    path, document_id = Path(task[0]), task[1]
    if future.status == "finished":
        result: DocumentResult = future.result()
        if result.pipeline_version != PIPELINE_VERSION:
            return failed_result(
                path,
                document_id,
                f"parsed by agendas {result.pipeline_version} on the worker, but this client "
                f"runs {PIPELINE_VERSION}: install the same version on the client and workers",
            )
        result.path = str(path)  # as given, the same as a local run records it
        return result
    if future.status == "cancelled":
        if client.status != "running":
            raise ConnectionError(
                f"lost the connection to the Dask scheduler at {scheduler}; the documents "
                "loaded so far are kept: run the same command again to go on"
            )
        return failed_result(path, document_id, "cancelled on the Dask cluster")
    return failed_result(path, document_id, _error_reason(future.exception()))


def _error_reason(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        tries = getattr(exc, "allowed_failures", 0) + 1
        return (
            f"the Dask worker died while parsing it ({tries} times); most likely at the "
            "worker's memory limit (dask worker --memory-limit): see the worker logs"
        )
    if isinstance(exc, ModuleNotFoundError):
        return f"the Dask worker cannot run agendas ({exc}): install it on every worker"
    return f"the Dask worker could not parse it: {describe_exception(exc)}"


class _Window:
    """How many documents to keep in flight: IN_FLIGHT_PER_THREAD per worker thread."""

    def __init__(self, client: Client):
        self.client = client
        self.checked = float("-inf")
        self.threads = 0

    def size(self) -> int:
        if time.monotonic() - self.checked >= RESIZE_EVERY:
            self.threads = sum(self.client.nthreads().values())
            self.checked = time.monotonic()
        return IN_FLIGHT_PER_THREAD * max(self.threads, 1)


class _TimeLimit:
    """Finds documents running past the limit, cancels them and restarts their workers.

    The clock of a document starts when a worker is first seen running it (not when it is
    submitted: it may wait behind another document), so the limit holds to within one look
    at the workers' call stacks, taken every tenth of the limit (at most 5 s apart).
    """

    def __init__(self, client: Client, limits: Limits):
        self.client = client
        self.seconds = float(limits.seconds or 0)
        self.every = min(5.0, max(0.2, self.seconds / 10))
        self.looked = float("-inf")

    def overdue(self, in_flight: dict[str, _InFlight]) -> list[_InFlight]:
        now = time.monotonic()
        if now - self.looked < self.every:
            return []
        self.looked = now
        try:
            running = self.client.call_stack()  # {worker: {key: stack}} of running tasks
        except Exception as exc:  # noqa: BLE001  (a worker leaving mid-look: look again later)
            log.warning("could not see which documents are running: %s", exc)
            return []
        for worker, keys in running.items():
            for key in keys:
                entry = in_flight.get(key)
                if entry is not None and entry.worker != worker:  # new, or re-run elsewhere
                    entry.running_since, entry.worker = now, worker
        late = [
            entry
            for entry in in_flight.values()
            if entry.running_since is not None and now - entry.running_since >= self.seconds
        ]
        if late:
            self._stop(late, in_flight)
        return late

    def _stop(self, late: list[_InFlight], in_flight: dict[str, _InFlight]) -> None:
        self.client.cancel([entry.future for entry in late])
        workers = sorted({entry.worker for entry in late if entry.worker})
        for entry in in_flight.values():
            if entry.worker in workers:
                entry.running_since = entry.worker = None  # those re-run on the new worker
        outcome = self.client.restart_workers(
            workers, timeout=RESTART_TIMEOUT, raise_for_error=False
        )
        for worker, status in outcome.items():
            if status != "OK":
                log.warning("worker %s was not restarted after the time limit: %s", worker, status)
