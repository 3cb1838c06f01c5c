"""Load stage and batch: one transaction per document, replace-not-duplicate, bad files recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipeline.run import writer as writer_module
from pipeline.run.ingest import ingest
from pipeline.run.process import process_file
from pipeline.run.writer import DocumentWriter
from pipeline.store import load as load_module
from pipeline.store.load import connect
from pipeline.store.schema import FACT_TABLES
from tests.conftest import corpus_pdf
from tests.pdf_factory import make_pdf

TABLES = ["documents", "pages", *FACT_TABLES]


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_corpus_loads_every_document(corpus_con):
    statuses = dict(corpus_con.execute("SELECT file_name, status FROM documents").fetchall())
    pdfs = sorted(
        p.name for p in Path(corpus_pdf("000_de16defd1125f27f")).parents[1].rglob("*.pdf")
    )
    assert sorted(statuses) == pdfs
    assert {s for s in statuses.values()} <= {"ok", "partial"}
    # the packs without a usable text layer (MANIFEST.tsv: scanned, or a text layer in a
    # letter-substitution code) are read by OCR, every page of them
    manifest = (
        Path(corpus_pdf("milburn-pc-2019-09-03-agenda")).parent / "MANIFEST.tsv"
    ).read_text()
    without_text = {
        line.split("\t")[0] for line in manifest.splitlines()[1:] if line.split("\t")[6] == "no"
    }
    ocred = {
        name
        for (name,) in corpus_con.execute(
            "SELECT d.file_name FROM documents d WHERE d.status = 'ok' AND NOT EXISTS "
            "(SELECT 1 FROM pages p WHERE p.document_id = d.document_id "
            "AND p.reader NOT LIKE 'ocr:%')"
        ).fetchall()
    }
    assert without_text and without_text <= ocred
    pages = corpus_con.execute(
        "SELECT sum(n_pages), (SELECT count(*) FROM pages) FROM documents"
    ).fetchone()
    assert pages[0] == pages[1] > 600


def test_reingest_changes_nothing(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    files = [
        corpus_pdf("milburn-pc-2019-09-03-agenda"),
        corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet"),
    ]
    ingest(files, db, workers=1)
    first = counts(db)
    summary = ingest(files, db, workers=1)
    assert summary.counts["skipped"] == 2
    assert counts(db) == first
    forced = ingest(files, db, workers=1, force=True)
    assert forced.counts["ok"] == 2
    assert counts(db) == first
    assert first["agenda_items"] == 12 + 9


def test_changed_file_replaces_its_rows(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    pack = tmp_path / "pack.pdf"
    shutil.copy(corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet"), pack)
    ingest([pack], db, workers=1)
    assert counts(db)["agenda_items"] == 9
    shutil.copy(corpus_pdf("milburn-pc-2019-09-03-agenda"), pack)  # new bytes, same path
    ingest([pack], db, workers=1)
    after = counts(db)
    assert after["documents"] == 1
    assert after["agenda_items"] == 12


def test_bad_files_are_recorded_and_do_not_stop_the_batch(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "notes.pdf").write_text("these are my notes, not a PDF")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "locked.pdf").write_bytes(make_pdf([["secret"]], encrypt=True))
    truncated = corpus_pdf("milburn-pc-2018-11-06-minutes").read_bytes()[:3000]
    (folder / "truncated.PDF").write_bytes(truncated)
    shutil.copy(corpus_pdf("milburn-pc-2019-09-03-agenda"), folder / "good agenda.pdf")
    missing = tmp_path / "does-not-exist.pdf"
    db = tmp_path / "a.duckdb"

    summary = ingest([folder, missing], db, workers=2)

    assert summary.counts == {"ok": 1, "failed": 5}
    con = connect(db, read_only=True)
    rows = dict(
        con.execute(
            "SELECT file_name, status || ': ' || coalesce(error, '') FROM documents"
        ).fetchall()
    )
    assert rows == {
        "notes.pdf": "failed: not a PDF (no %PDF- header)",
        "empty.pdf": "failed: empty file",
        "locked.pdf": "failed: encrypted: password required",
        "truncated.PDF": "failed: corrupt PDF: unexpected end of file (truncated?)",
        "does-not-exist.pdf": "failed: file not found",
        "good agenda.pdf": "ok: ",
    }
    items = con.execute("SELECT count(*) FROM agenda_items").fetchone()[0]
    assert items == 12


def _refusing_kent_pages(real_rows):
    def rows_then_crash(result):
        rows = real_rows(result)
        if result.file_name.startswith("kent") and result.status != "failed":
            rows["pages"][-1][1] = "boom"  # not a page number: the INSERT fails mid-document
        return rows

    return rows_then_crash


def test_a_document_the_database_refuses_is_recorded_failed_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch
):
    db = tmp_path / "a.duckdb"
    ingest([corpus_pdf("milburn-pc-2019-09-03-agenda")], db, workers=1)
    before = counts(db)
    monkeypatch.setattr(load_module, "_rows", _refusing_kent_pages(load_module._rows))
    kent = corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet")
    summary = ingest([kent, corpus_pdf("milburn-pc-2018-11-06-minutes")], db, workers=1)

    assert (summary.counts["failed"], summary.counts["ok"]) == (1, 1)
    after = counts(db)
    con = connect(db, read_only=True)
    status, error = con.execute(
        "SELECT status, error FROM documents WHERE file_name LIKE 'kent%'"
    ).fetchone()
    kent_rows = con.execute(
        "SELECT count(*) FROM pages p JOIN documents d USING (document_id) "
        "WHERE d.file_name LIKE 'kent%'"
    ).fetchone()[0]
    con.close()
    assert status == "failed"
    assert error.startswith("could not be written to the database: ")
    assert kent_rows == 0  # nothing of the refused document was kept
    assert after["agenda_items"] == before["agenda_items"]  # the minutes have no items
    assert after["attendees"] > before["attendees"]  # but the minutes did load


def test_documents_arriving_together_share_a_write_and_a_refused_one_fails_alone(
    tmp_path: Path, monkeypatch
):
    """The first document is written at once; those arriving soon after wait and go in one
    transaction; one the database refuses there is retried alone and recorded failed, and
    the others in its transaction are kept."""
    monkeypatch.setattr(writer_module, "BATCH_SECONDS", 3600.0)
    monkeypatch.setattr(load_module, "_rows", _refusing_kent_pages(load_module._rows))
    stems = [
        "milburn-pc-2019-09-03-agenda",
        "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
        "milburn-pc-2018-11-06-minutes",
    ]
    first, kent, minutes = (process_file(corpus_pdf(stem), None) for stem in stems)
    writer = DocumentWriter(tmp_path / "a.duckdb")
    assert writer.add(first) == [first]
    assert writer.add(kent) == []
    assert writer.add(minutes) == []
    written = writer.flush()
    writer.close()

    assert [(r.file_name, r.status) for r in written] == [
        (kent.file_name, "failed"),
        (minutes.file_name, "ok"),
    ]
    con = connect(tmp_path / "a.duckdb", read_only=True)
    loaded = con.execute(
        "SELECT d.file_name, d.status, count(p.page) FROM documents d "
        "LEFT JOIN pages p USING (document_id) GROUP BY ALL ORDER BY d.file_name"
    ).fetchall()
    con.close()
    assert loaded == [
        (kent.file_name, "failed", 0),
        (minutes.file_name, "ok", minutes.n_pages),
        (first.file_name, "ok", first.n_pages),
    ]


def test_quotes_and_sql_in_text_are_stored_verbatim(tmp_path: Path):
    """Rows reach DuckDB as JSON inside SQL string literals: quotes must survive, and text that
    looks like SQL must stay text."""
    line = "O'Brien's report'); DROP TABLE pages; -- \"quoted\" \\ back\\slash \u2019 \x00"
    result = process_file(corpus_pdf("milburn-pc-2019-09-03-agenda"))
    result.pages[0].text = line
    result.extraction.meetings[0].body = line
    db = tmp_path / "q.duckdb"
    con = connect(db)
    try:
        load_module.load_result(con, result)
        assert con.execute("SELECT text FROM pages WHERE page = 1").fetchone()[0] == line
        assert con.execute("SELECT body FROM meetings").fetchone()[0] == line
        assert con.execute("SELECT count(*) FROM pages").fetchone()[0] == len(result.pages)
    finally:
        con.close()
