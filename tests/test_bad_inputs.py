"""Bad and awkward inputs: every file gets a status and a reason, good files load in full.

The crafted files are built by tests/badpdfs/make_bad_pdfs.py into a temporary folder and
ingested once, mixed with good corpus packs, as a user would run a bulk ingest.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zlib
from pathlib import Path

import duckdb
import pypdfium2 as pdfium
import pytest

from pipeline.run.ingest import ingest
from pipeline.run.workers import Limits
from pipeline.store.load import display_path
from pipeline.store.schema import FACT_TABLES
from tests.badpdfs.make_bad_pdfs import Case, build, slow_pack
from tests.conftest import corpus_pdf
from tests.pdf_factory import assemble, document_objects, make_pdf, stream, text_ops

pytestmark = pytest.mark.slow  # builds and ingests 40-odd crafted files

GOOD = [
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
    "milburn-pc-2019-09-03-agenda",
    "sutton-coldfield-tc-alcs-committee-2018-03-13-grant-applications-report",
]
TABLES = ["pages", "segments", *FACT_TABLES]


def _good_copies(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(corpus_pdf(stem), folder / f"{stem}.pdf")) for stem in GOOD]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The crafted files plus good packs, ingested in one batch with the default limits."""
    root = tmp_path_factory.mktemp("batch")
    cases = build(root / "crafted")
    _good_copies(root / "good")
    db = root / "mixed.duckdb"
    cwd = os.getcwd()
    os.chdir(root)  # a name like "$(touch INJECTED).pdf" must never run: nothing appears here
    try:
        summary = ingest([root], db, workers=2)
    finally:
        os.chdir(cwd)
    con = duckdb.connect(str(db), read_only=True)
    yield root, cases, summary, con
    con.close()


def _document(con, path: Path):
    row = con.execute(
        "SELECT d.document_id, d.status, coalesce(d.error, ''), d.n_pages FROM documents d "
        "JOIN document_paths p USING (document_id) WHERE p.path = ?",
        [display_path(path.absolute())],
    ).fetchone()
    assert row is not None, f"{path} not recorded"
    return row


def _text(con, document_id: str) -> str:
    rows = con.execute(
        "SELECT text FROM pages WHERE document_id = ? ORDER BY page", [document_id]
    ).fetchall()
    return " ".join(" ".join(r[0].split()) for r in rows)


def pytest_generate_tests(metafunc):
    """One test per crafted file; the manifest comes from building the set once."""
    if "case" in metafunc.fixturenames:
        with tempfile.TemporaryDirectory() as tmp:
            cases = build(Path(tmp))
        metafunc.parametrize("case", cases, ids=[display_path(c.name) for c in cases])


def test_there_are_at_least_25_crafted_inputs(batch):
    _, cases, _, _ = batch
    assert len(cases) >= 25


def test_crafted_file_gets_its_status_reason_and_text(batch, case: Case):
    root, _, _, con = batch
    path = root / "crafted" / case.name
    if case.name == "unreadable.pdf" and os.geteuid() == 0:
        pytest.skip("running as root: file permissions are not enforced, the file is readable")
    document_id, status, error, n_pages = _document(con, path)
    assert (status, case.reason in error) == (case.status, True), error
    if status == "ok":
        assert not error
    if status != "failed":
        assert n_pages > 0
    text = _text(con, document_id)
    for wanted in case.must_contain:
        assert " ".join(wanted.split()) in text
    for unwanted in case.must_not_contain:
        assert unwanted not in text


def test_same_bytes_under_two_names_are_one_document_with_both_paths(batch):
    root, cases, _, con = batch
    for case in (c for c in cases if c.same_as):
        first = _document(con, root / "crafted" / case.same_as)
        second = _document(con, root / "crafted" / case.name)
        assert first[0] == second[0]
        assert con.execute(
            "SELECT count(*) FROM documents WHERE document_id = ?", [first[0]]
        ).fetchone() == (1,)


def test_no_command_in_a_file_name_is_run(batch):
    root, _, _, _ = batch
    assert not list(root.rglob("INJECTED")) and not Path("INJECTED").exists()


def test_symlink_loop_is_walked_once(batch):
    root, _, _, con = batch
    inside = con.execute(
        "SELECT count(*) FROM document_paths WHERE path LIKE '%inside-loop.pdf'"
    ).fetchone()[0]
    assert inside == 1


def _pdfium_chars(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        total = 0
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            total += len(textpage.get_text_range().strip())
        return total
    finally:
        pdf.close()


def test_no_ok_document_is_empty_where_pdfium_reads_text(batch):
    _, _, _, con = batch
    rows = con.execute(
        "SELECT d.path, d.n_pages, coalesce(sum(length(trim(p.text))), 0) FROM documents d "
        "LEFT JOIN pages p USING (document_id) WHERE d.status = 'ok' GROUP BY d.path, d.n_pages"
    ).fetchall()
    assert rows
    for path, n_pages, chars in rows:
        assert n_pages > 0, path
        if chars == 0:
            assert _pdfium_chars(Path(path)) == 0, path


def _counts(con, document_id: str) -> dict[str, int]:
    return {
        t: con.execute(f"SELECT count(*) FROM {t} WHERE document_id = ?", [document_id]).fetchone()[
            0
        ]
        for t in TABLES
    }


def test_good_files_load_in_full_among_bad_ones(batch, tmp_path: Path):
    root, _, _, mixed = batch
    alone_db = tmp_path / "alone.duckdb"
    summary = ingest(_good_copies(tmp_path / "good"), alone_db, workers=2)
    assert summary.counts["ok"] == len(GOOD)
    alone = duckdb.connect(str(alone_db), read_only=True)
    items = 0
    try:
        for stem in GOOD:
            mixed_id = _document(mixed, root / "good" / f"{stem}.pdf")[0]
            alone_id = _document(alone, tmp_path / "good" / f"{stem}.pdf")[0]
            assert mixed_id == alone_id
            expected = _counts(alone, alone_id)
            assert expected["pages"] > 0
            assert _counts(mixed, mixed_id) == expected, stem
            items += expected["agenda_items"]
    finally:
        alone.close()
    assert items == 9 + 12  # Kent front sheet and Milburn agenda, as test_load checks


def test_batch_summary_counts_every_input(batch):
    _, cases, summary, con = batch
    recorded = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    copies = sum(1 for c in cases if c.same_as)
    assert recorded == len(cases) - copies + len(GOOD)
    assert summary.counts["skipped"] == copies
    assert summary.any_failed


# --- limits -----------------------------------------------------------------------------------


def _zip_bomb(megabytes: int) -> bytes:
    """A page whose content stream inflates from a few hundred KB to `megabytes` MB."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    objects = document_objects([text_ops(["Bomb"])])
    objects[4] = stream(data, entries="/Filter /FlateDecode ")
    return assemble(objects)


def _current_memory_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) // 1024
    raise RuntimeError("no VmSize")


def _status(db: Path) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT file_name, status, coalesce(error, '') FROM documents")
        return {name: (status, error) for name, status, error in rows.fetchall()}
    finally:
        con.close()


def test_time_limit_fails_the_slow_file_and_the_batch_goes_on(tmp_path: Path):
    (tmp_path / "slow.pdf").write_bytes(slow_pack())  # 20,000 pages: minutes for any reader
    (tmp_path / "quick.pdf").write_bytes(make_pdf([["Quick: the item was noted."]]))
    shutil.copy(corpus_pdf(GOOD[1]), tmp_path / "good.pdf")
    db = tmp_path / "a.duckdb"
    summary = ingest([tmp_path], db, workers=1, limits=Limits(seconds=2, memory_mb=None))
    statuses = _status(db)
    assert statuses["slow.pdf"][0] == "failed"
    assert "time limit exceeded" in statuses["slow.pdf"][1]
    assert statuses["quick.pdf"] == ("ok", "")
    assert statuses["good.pdf"] == ("ok", "")
    assert summary.counts == {"ok": 2, "failed": 1}


def test_memory_limit_fails_the_hungry_file_and_the_batch_goes_on(tmp_path: Path):
    (tmp_path / "bomb.pdf").write_bytes(_zip_bomb(700))  # 700 MB when inflated
    shutil.copy(corpus_pdf(GOOD[0]), tmp_path / "good.pdf")
    db = tmp_path / "a.duckdb"
    limit = _current_memory_mb() + 400  # workers are forked from this process
    ingest([tmp_path], db, workers=2, limits=Limits(seconds=120, memory_mb=limit))
    statuses = _status(db)
    assert statuses["bomb.pdf"][0] == "failed"
    assert "memory limit" in statuses["bomb.pdf"][1]
    assert statuses["good.pdf"] == ("ok", "")
