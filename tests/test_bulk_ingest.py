"""Bulk ingest: long-lived workers, largest first, incremental skips, and an interrupted batch
(Ctrl-C or kill -9 of the real `agendas ingest` process) that keeps only whole documents and
continues where it stopped."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import pipeline.run.workers as workers_module
from pipeline.models import DocumentResult
from pipeline.run import writer as writer_module
from pipeline.run.ingest import BatchPlan, IngestInterrupted, ingest
from pipeline.run.process import failed_result
from pipeline.run.progress import ProgressLog
from pipeline.run.workers import Limits, run_limited
from pipeline.store import load as load_module
from pipeline.store.schema import FACT_TABLES
from tests.conftest import corpus_pdf

pytestmark = pytest.mark.slow  # bulk batches in subprocesses, interrupted and killed

AGENDAS = Path(sys.executable).with_name("agendas")
BATCH = [
    "kent-cc-cabinet-2025-03-13-public-reports-pack",
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
    "milburn-pc-2019-09-03-agenda",
    "mountain-view-city-council-2016-04-05-agenda",
    "milburn-pc-2018-11-06-minutes",
    "east-palo-alto-planning-commission-2020-01-27-minutes",
]
TABLES = ["pages", "segments", *FACT_TABLES]


def _copy_batch(folder: Path) -> Path:
    folder.mkdir()
    for stem in BATCH:
        shutil.copy(corpus_pdf(stem), folder / f"{stem}.pdf")
    return folder


def _rows_per_document(db: Path) -> dict[str, tuple]:
    """Per document: status, pages, and the row count of every table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = ", ".join(
            f"(SELECT count(*) FROM {t} x WHERE x.document_id = d.document_id)" for t in TABLES
        )
        rows = con.execute(
            f"SELECT document_id, status, n_pages, {counts} FROM documents d"
        ).fetchall()
        return {row[0]: row[1:] for row in rows}
    finally:
        con.close()


# `agendas ingest` writing each document in its own transaction, so that a batch of six small
# documents is interrupted between writes (batched, they may all go in one).
ONE_DOCUMENT_PER_WRITE = (
    "import pipeline.run.writer as w; w.BATCH_DOCUMENTS = 1; "
    "from pipeline.access.cli import main; main()"
)


def _start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", ONE_DOCUMENT_PER_WRITE, "ingest", str(folder), "--db", str(db)]
        + ["--workers", "1", "--log-every", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_loaded(process: subprocess.Popen, documents: int) -> None:
    """Read the progress log until `documents` documents are loaded."""
    for line in process.stderr:
        match = re.match(r"ingest: (\d+)/\d+ documents", line)
        if match and int(match.group(1)) >= documents:
            return
    pytest.fail(f"ingest ended before loading {documents} documents: {process.wait()}")


def _stop_everything(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # orphaned workers, if any are left
    process.wait()


def _assert_only_whole_documents(db: Path, reference: dict[str, tuple]) -> int:
    loaded = _rows_per_document(db)
    for document_id, rows in loaded.items():
        assert rows == reference[document_id], f"document {document_id} is not whole"
    return len(loaded)


def _resume_and_check(folder: Path, db: Path, reference: dict[str, tuple], loaded: int) -> None:
    again = subprocess.run(
        [str(AGENDAS), "ingest", str(folder), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert f"{loaded} skipped" in again.stdout
    assert f"{len(BATCH) - loaded} ok" in again.stdout or "partial" in again.stdout
    final = _rows_per_document(db)
    assert len(final) == len(BATCH)
    assert final == {document_id: reference[document_id] for document_id in final}


@pytest.fixture(scope="module")
def reference(corpus_db) -> dict[str, tuple]:
    """Row counts per document from an uninterrupted ingest of the whole corpus."""
    return _rows_per_document(corpus_db)


def test_kill_9_mid_batch_keeps_whole_documents_and_resumes(tmp_path, reference):
    folder, db = _copy_batch(tmp_path / "packs"), tmp_path / "a.duckdb"
    process = _start_ingest(folder, db)
    try:
        _wait_for_loaded(process, 2)
        process.send_signal(signal.SIGKILL)  # kill -9 of the ingest process itself
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        _stop_everything(process)

    loaded = _assert_only_whole_documents(db, reference)
    assert 2 <= loaded < len(BATCH)
    _resume_and_check(folder, db, reference, loaded)


def test_ctrl_c_stops_cleanly_and_the_next_run_continues(tmp_path, reference):
    folder, db = _copy_batch(tmp_path / "packs"), tmp_path / "a.duckdb"
    process = _start_ingest(folder, db)
    try:
        _wait_for_loaded(process, 1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        _stop_everything(process)

    assert process.returncode == 130
    assert "interrupted: every document loaded so far is complete" in err
    assert re.search(r"ingested into .*: \d+ ok", out)
    loaded = _assert_only_whole_documents(db, reference)
    assert 1 <= loaded < len(BATCH)
    _resume_and_check(folder, db, reference, loaded)


def _report_worker_pid(path: Path, document_id: str | None, *options) -> DocumentResult:
    return failed_result(path, document_id, f"pid {os.getpid()}")


def test_workers_are_long_lived(monkeypatch, tmp_path):
    """Each worker process parses many documents, so what it loads once (the spaCy model,
    extractor tables) is loaded once per worker, not once per document."""
    monkeypatch.setattr(workers_module, "process_file", _report_worker_pid)
    tasks = [(tmp_path / f"{n}.pdf", None) for n in range(12)]
    pids = {result.error for result in run_limited(tasks, 2, Limits())}
    assert len(pids) == 2
    assert f"pid {os.getpid()}" not in pids


def test_largest_files_first_and_the_database_reopened_mid_batch(tmp_path, monkeypatch, reference):
    """Largest first, so no worker idles at the end waiting for one long pack; and the
    loader's periodic reopen (which keeps its memory flat) loses and repeats nothing."""
    monkeypatch.setattr(writer_module, "REOPEN_EVERY", 2)
    folder, db = _copy_batch(tmp_path / "packs"), tmp_path / "a.duckdb"
    order: list[int] = []
    ingest([folder], db, workers=1, on_result=lambda r: order.append(r.file_size))
    assert order == sorted(order, reverse=True)
    assert len(order) == len(BATCH)
    loaded = _rows_per_document(db)
    assert loaded == {document_id: reference[document_id] for document_id in loaded}
    assert len(loaded) == len(BATCH)


def test_failed_files_are_skipped_until_retried(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "notes.pdf").write_text("not a PDF at all")
    shutil.copy(corpus_pdf("milburn-pc-2019-09-03-agenda"), folder / "agenda.pdf")
    db = tmp_path / "a.duckdb"

    first = ingest([folder], db, workers=1)
    second = ingest([folder], db, workers=1)
    retried = ingest([folder], db, workers=1, retry_failed=True)

    assert (first.counts["ok"], first.counts["failed"]) == (1, 1)
    assert (second.counts["skipped"], second.skipped_failed, second.counts["failed"]) == (2, 1, 0)
    assert (retried.counts["skipped"], retried.counts["failed"]) == (1, 1)


def test_progress_log_estimates_time_left_from_bytes():
    lines: list[str] = []
    log = ProgressLog(stream=None, every=3600)  # type: ignore[arg-type]
    log._write = lines.append  # type: ignore[method-assign]
    log.start(BatchPlan(documents=4, bytes=1000, skipped=2))
    result = DocumentResult(
        document_id="a", path="a.pdf", file_name="a.pdf", status="ok", pipeline_version="x"
    )
    for size in (250, 250):
        log.advance(result.model_copy(update={"file_size": size, "n_pages": 10}))
    log.counts.started -= 60  # a minute for half the bytes: about a minute to go
    assert lines[0] == "ingest: 4 documents to parse (0.0 MB), 2 already loaded (skipped)"
    line = log.line(log.counts.started + 60)
    assert line.startswith("ingest: 2/4 documents (50%), 20 pages, 0.3 pages/s, 0 failed")
    assert line.endswith("elapsed 1:00, ETA 1:00")


def test_ctrl_c_while_a_document_is_written_stops_after_its_commit(tmp_path, monkeypatch):
    """DuckDB would swallow the signal or fail the statement; the batch must instead finish
    writing the document and stop before the next one."""
    real_rows = load_module._rows

    def rows_then_ctrl_c(result):
        os.kill(os.getpid(), signal.SIGINT)  # arrives while this document is being written
        return real_rows(result)

    monkeypatch.setattr(load_module, "_rows", rows_then_ctrl_c)
    db = tmp_path / "a.duckdb"
    files = [corpus_pdf(stem) for stem in BATCH[:3]]
    with pytest.raises(IngestInterrupted) as stop:
        ingest(files, db, workers=1)

    assert stop.value.summary.counts["ok"] == 1
    con = duckdb.connect(str(db), read_only=True)
    documents, pages, n_pages = con.execute(
        "SELECT count(*), (SELECT count(*) FROM pages), sum(n_pages) FROM documents"
    ).fetchone()
    con.close()
    assert documents == 1
    assert pages == n_pages > 0
