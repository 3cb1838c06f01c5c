"""The Dask executor: the same rows as local workers, bounded work in flight, failures recorded.

One local Dask cluster (two worker processes, one thread each) serves the whole module.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import PIPELINE_VERSION
from pipeline.access.cli import main
from pipeline.run import dask_executor as dask_module
from pipeline.run.dask_executor import INSTALL_HINT, DaskExecutor
from pipeline.run.ingest import ingest
from pipeline.run.process import process_file
from pipeline.run.workers import Limits
from pipeline.store.load import connect
from pipeline.store.schema import TABLES, column_names
from tests.badpdfs.make_bad_pdfs import scanned_image, slow_pack
from tests.conftest import ROOT, corpus_pdf
from tests.pdf_factory import SCANNED_LINES, make_scan

pytestmark = pytest.mark.slow  # starts a local Dask cluster

distributed = pytest.importorskip("distributed")

# Small real packs that between them fill every table, and two scans (made in the test): one
# of text, read by OCR, and one of a picture without text, which loads as 'partial'.
STEMS = [
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",  # agenda items, contacts
    "milburn-pc-2018-11-06-minutes",  # attendees, resolutions
    "east-palo-alto-planning-commission-2020-01-27-minutes",  # a roll-call table
    "kent-cc-cabinet-2025-01-30-budget-monitoring-report",  # money
]
TIMING_COLUMNS = {"ingested_at", "seconds", "seen_at"}


@pytest.fixture(scope="module")
def cluster():
    # A worker that dies under the same task twice in a row gives up on it (KilledWorker).
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        worker_dashboard_address=":0",
        silence_logs=logging.CRITICAL,
        scheduler_kwargs={"allowed_failures": 1},
    ) as started:
        yield started


@pytest.fixture()
def client(cluster):
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as connected:
        yield connected


def _relative(path: Path) -> Path:
    return path.relative_to(ROOT)


def _all_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, timing columns left out, in a stable order."""
    con = connect(db, read_only=True)
    try:
        rows = {}
        for table in TABLES:
            columns = [c for c in column_names(table) if c not in TIMING_COLUMNS]
            listed = ", ".join(columns)
            rows[table] = con.execute(f"SELECT {listed} FROM {table} ORDER BY {listed}").fetchall()
        return rows
    finally:
        con.close()


def test_same_rows_as_local_workers(cluster, client, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths, as a user types them
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("Minutes of the meeting\n")
    scans = [tmp_path / "scan.pdf", tmp_path / "picture.pdf"]
    scans[0].write_bytes(make_scan(SCANNED_LINES))
    scans[1].write_bytes(scanned_image())
    files = [_relative(corpus_pdf(stem)) for stem in STEMS] + scans
    files += [not_pdf, tmp_path / "gone.pdf"]

    local = ingest(files, tmp_path / "local.duckdb", workers=2)
    on_dask = ingest(
        files, tmp_path / "dask.duckdb", executor=DaskExecutor(cluster.scheduler_address, Limits())
    )

    assert on_dask.counts == local.counts == {"ok": 5, "partial": 1, "failed": 2}
    assert sorted(on_dask.failures) == sorted(local.failures)
    assert sorted(reason for _, reason in on_dask.failures) == [
        "file not found",
        "not a PDF (no %PDF- header)",
    ]
    local_rows, dask_rows = (
        _all_rows(tmp_path / "local.duckdb"),
        _all_rows(tmp_path / "dask.duckdb"),
    )
    for table in TABLES:
        assert dask_rows[table] == local_rows[table], table
    for table in ("pages", "agenda_items", "attendees", "resolutions", "money", "contacts"):
        assert dask_rows[table], f"{table}: the chosen packs should fill it"


def test_work_in_flight_is_bounded(cluster, tmp_path, monkeypatch):
    """Never more than two documents per worker thread submitted and not yet returned."""
    files = [tmp_path / f"missing-{n:02d}.pdf" for n in range(12)]
    submit = distributed.Client.submit
    seen = {"submitted": 0, "returned": 0, "most": 0}

    def counting_submit(self, *args, **kwargs):
        seen["submitted"] += 1
        seen["most"] = max(seen["most"], seen["submitted"] - seen["returned"])
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(distributed.Client, "submit", counting_submit)
    executor = DaskExecutor(cluster.scheduler_address, Limits())

    def counting_executor(tasks):
        for result in executor(tasks):
            seen["returned"] += 1
            yield result

    summary = ingest(files, tmp_path / "a.duckdb", executor=counting_executor)
    assert summary.counts["failed"] == 12
    assert {reason for _, reason in summary.failures} == {"file not found"}
    assert seen["submitted"] == seen["returned"] == 12
    assert seen["most"] == 4  # 2 workers x 1 thread x 2


def test_time_limit_fails_the_document_and_restarts_its_worker(cluster, client, tmp_path):
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(slow_pack())  # 20,000 pages: minutes for any reader
    files = [slow, corpus_pdf(STEMS[0]), corpus_pdf(STEMS[1])]
    limits = Limits(seconds=3)
    started = time.monotonic()
    summary = ingest(
        files, tmp_path / "a.duckdb", executor=DaskExecutor(cluster.scheduler_address, limits)
    )
    assert summary.counts == {"ok": 2, "failed": 1}
    assert summary.failures == [
        (str(slow), "time limit exceeded: still reading after 3 s (--timeout)")
    ]
    assert time.monotonic() - started < 30
    client.wait_for_workers(2, timeout=30)  # the worker stuck on the slow pack was replaced
    assert not any(client.processing().values())  # nothing left running on the cluster


def _misbehave(path: Path, document_id: str | None, *options):
    """A stand-in for process_file whose worker dies on 'dies-*' files and raises on
    'raises-*' files (process_file itself never raises)."""
    if path.name.startswith("dies-"):
        os._exit(1)
    if path.name.startswith("raises-"):
        raise RuntimeError("reader state lost")
    return process_file(path, document_id)


def test_dead_workers_and_errors_become_failed_results(cluster, tmp_path):
    dies = tmp_path / "dies-1.pdf"
    shutil.copyfile(corpus_pdf(STEMS[1]), dies)
    executor = DaskExecutor(cluster.scheduler_address, Limits(), parse=_misbehave)
    summary = ingest([dies], tmp_path / "a.duckdb", executor=executor)
    assert summary.counts == {"failed": 1}
    assert summary.failures == [
        (
            str(dies),
            "the Dask worker died while parsing it (2 times); most likely at the worker's "
            "memory limit (dask worker --memory-limit): see the worker logs",
        )
    ]

    raises = tmp_path / "raises-1.pdf"
    shutil.copyfile(corpus_pdf(STEMS[0]), raises)
    good = corpus_pdf(STEMS[1])
    executor = DaskExecutor(cluster.scheduler_address, Limits(), parse=_misbehave)
    summary = ingest([raises, good], tmp_path / "b.duckdb", executor=executor)
    assert summary.counts == {"ok": 1, "failed": 1}
    assert summary.failures == [
        (
            str(raises),
            "the Dask worker could not parse it: unexpected error: RuntimeError: reader state lost",
        )
    ]


def test_cli_ingests_on_the_cluster_then_skips(cluster, tmp_path):
    db = tmp_path / "a.duckdb"
    files = [str(corpus_pdf(STEMS[0])), str(corpus_pdf(STEMS[1]))]
    command = ["ingest", *files, "--db", str(db), "--executor", "dask"]
    command += ["--scheduler", cluster.scheduler_address]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert f"ingested into {db}: 2 ok, 0 partial, 0 failed, 0 skipped; 4 pages" in result.output

    again = CliRunner().invoke(main, command)  # planned on the client: nothing is submitted
    assert again.exit_code == 0, again.output
    assert f"ingested into {db}: 0 ok, 0 partial, 0 failed, 2 skipped; 0 pages" in again.output


def test_cli_names_an_unreachable_scheduler(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_module, "CONNECT_TIMEOUT", 3.0)
    pdf = str(corpus_pdf(STEMS[0]))
    started = time.monotonic()
    result = CliRunner().invoke(
        main,
        ["ingest", pdf, "--db", str(tmp_path / "a.duckdb")]
        + ["--executor", "dask", "--scheduler", "tcp://127.0.0.1:1"],
    )
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert result.output == (
        "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:1 (no answer within 3 s; "
        "is `dask scheduler` running there?)\n"
    )
    assert not (tmp_path / "a.duckdb").exists()  # it stopped before planning the batch

    result = CliRunner().invoke(
        main,
        ["ingest", pdf, "--db", str(tmp_path / "a.duckdb")]
        + ["--executor", "dask", "--scheduler", "udp://127.0.0.1:8786"],
    )
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: not a Dask scheduler address: udp://127.0.0.1:8786 (unknown address scheme 'udp'"
    )


def test_cli_says_how_to_install_dask(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    result = CliRunner().invoke(
        main,
        ["ingest", str(corpus_pdf(STEMS[0])), "--db", str(tmp_path / "a.duckdb")]
        + ["--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786"],
    )
    assert result.exit_code == 1
    assert result.output == f"Error: {INSTALL_HINT}\n"


def test_a_lost_scheduler_stops_the_batch_with_a_clear_error(tmp_path):
    """The scheduler goes away mid-batch: what was loaded stays, the rest is not recorded as
    failed (a re-run goes on from there)."""
    files = [tmp_path / f"missing-{n}.pdf" for n in range(6)]
    db = tmp_path / "a.duckdb"
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as doomed:
        executor = DaskExecutor(doomed.scheduler_address, Limits())

        def stop_cluster_after_first(_result) -> None:
            if doomed.status.name == "running":
                doomed.close()

        started = time.monotonic()
        with pytest.raises(ConnectionError) as lost:
            ingest(files, db, executor=executor, on_result=stop_cluster_after_first)
    assert time.monotonic() - started < 20
    assert str(lost.value) == (
        f"lost the connection to the Dask scheduler at {doomed.scheduler_address}; the "
        "documents loaded so far are kept: run the same command again to go on"
    )
    con = connect(db, read_only=True)
    loaded = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert 1 <= loaded < len(files)


def _other_version(path: Path, document_id: str | None, *options):
    """process_file as a worker with another agendas version would run it."""
    result = process_file(path, document_id)
    result.pipeline_version = "0.0.1"
    return result


def test_a_worker_on_another_version_is_not_loaded(cluster, tmp_path):
    pdf = corpus_pdf(STEMS[1])
    executor = DaskExecutor(cluster.scheduler_address, Limits(), parse=_other_version)
    summary = ingest([pdf], tmp_path / "a.duckdb", executor=executor)
    assert summary.failures == [
        (
            str(pdf),
            f"parsed by agendas 0.0.1 on the worker, but this client runs {PIPELINE_VERSION}: "
            "install the same version on the client and workers",
        )
    ]


def test_ctrl_c_cancels_what_was_sent_and_disconnects(cluster, client, tmp_path):
    files = [corpus_pdf(stem) for stem in STEMS]

    def interrupt(_result) -> None:
        raise KeyboardInterrupt

    interrupted = False
    try:
        ingest(
            files,
            tmp_path / "a.duckdb",
            executor=DaskExecutor(cluster.scheduler_address, Limits()),
            on_result=interrupt,
        )
    except KeyboardInterrupt:
        interrupted = True
    assert interrupted
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = client.run_on_scheduler(_tasks_and_clients)
        if left == ([], [client.id]):
            break
        time.sleep(0.1)
    assert left == ([], [client.id])  # nothing left on the cluster, the executor disconnected
    con = connect(tmp_path / "a.duckdb", read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # loaded before ^C
    con.close()


def _tasks_and_clients(dask_scheduler) -> tuple[list[str], list[str]]:
    clients = [name for name in dask_scheduler.clients if name != "fire-and-forget"]
    return list(dask_scheduler.tasks), clients
