"""Stopping a batch between documents, never in the middle of writing one.

DuckDB checks for Ctrl-C while it runs a statement: a signal that lands inside a document's
transaction is either swallowed or turned into a "Query interrupted" error. So while a
document is being written, Ctrl-C and SIGTERM are held and raised as KeyboardInterrupt as soon
as it is committed; at any other time (waiting for workers) they stop the batch at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopBetweenDocuments:
    """Install with `with`; wrap each document's write in `writing()`."""

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopBetweenDocuments:
        if threading.current_thread() is threading.main_thread():  # signals go to it only
            for number in STOP_SIGNALS:
                self._previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc_info) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _handle(self, signum, frame) -> None:
        if self._writing:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def writing(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            raise KeyboardInterrupt
