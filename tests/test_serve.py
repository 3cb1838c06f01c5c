"""`agendas serve`: the viewer's routes on a small database, through Starlette's test client."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import duckdb
import pytest
from PIL import Image

pytest.importorskip("starlette")
with warnings.catch_warnings():  # Starlette would rather have httpx2; httpx works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from pipeline.access.serve import create_app  # noqa: E402
from pipeline.access.serve.render import MAX_SIDE_PX, capped_resolution  # noqa: E402
from pipeline.run.files import file_sha256  # noqa: E402
from pipeline.run.ingest import ingest  # noqa: E402
from tests.conftest import corpus_pdf  # noqa: E402

PACKS = [
    "milburn-pc-2018-11-06-minutes",
    "milburn-pc-2019-09-03-agenda",
    "kent-cc-cabinet-2025-01-30-agenda-frontsheet",
]
MINUTES_MEETING = "b49974710e8b4362:m0001"  # Milburn Parish Council, 6 November 2018
BEACON = "b49974710e8b4362:r0002"  # "... resolved to have the Beacon and service on the ..."


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """The three packs, copied to a folder of their own and ingested from there."""
    folder = tmp_path_factory.mktemp("serve")
    copies = [shutil.copy(corpus_pdf(name), folder / f"{name}.pdf") for name in PACKS]
    path = folder / "agendas.duckdb"
    summary = ingest([Path(c) for c in copies], path, workers=1)
    assert summary.counts["ok"] == 3
    return path


@pytest.fixture(scope="module")
def client(db, tmp_path_factory) -> TestClient:
    app = create_app(db, cache_dir=tmp_path_factory.mktemp("cache"))
    return TestClient(app, raise_server_exceptions=False)


def query(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def beacon_row(db: Path) -> dict:
    cursor = duckdb.connect(str(db), read_only=True)
    try:
        found = cursor.execute("SELECT * FROM resolutions WHERE resolution_id = ?", [BEACON])
        names = [c[0] for c in found.description]
        return dict(zip(names, found.fetchone(), strict=True))
    finally:
        cursor.close()


def test_search_finds_a_phrase_and_links_to_its_rows(client, db):
    sha = beacon_row(db)["document_id"]
    page = client.get("/search", params={"q": '"Beacon and service"'})
    assert page.status_code == 200
    assert f'href="/tables/resolutions/{BEACON}"' in page.text
    assert f'href="/documents/{sha}/pages/1"' in page.text
    assert "<mark>Beacon</mark>" in page.text
    # The same words in another order are not the phrase.
    reordered = client.get("/search.json", params={"q": '"service and beacon"'})
    assert reordered.json() == []
    unquoted = client.get("/search.json", params={"q": "service and beacon"})
    assert any(h["all_terms"] and h["page"] == 1 for h in unquoted.json())


def test_search_as_csv_and_json_with_filters(client):
    found = client.get("/search.csv", params={"q": "village hall"})
    assert found.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(found.text)))
    assert rows and list(rows[0])[:4] == ["score", "all_terms", "table", "row_id"]
    only = client.get("/search.json", params={"q": "village hall", "table": "agenda_items"})
    assert {h["table"] for h in only.json()} == {"agenda_items"}
    # The agenda is for 3 September 2019, the minutes for 6 November 2018.
    dated = client.get("/search.json", params={"q": "village", "from": "2019-01-01"}).json()
    assert {h["file_name"] for h in dated} == {"milburn-pc-2019-09-03-agenda.pdf"}
    assert client.get("/search", params={"q": "x", "from": "not a date"}).status_code == 400


def test_meeting_page_shows_header_attendees_and_resolutions(client, db):
    page = client.get(f"/meetings/{MINUTES_MEETING}")
    assert page.status_code == 200
    assert "Milburn Parish Council" in page.text and "2018-11-06" in page.text
    resolutions = query(
        db, "SELECT resolution_id FROM resolutions WHERE meeting_id = ?", [MINUTES_MEETING]
    )
    assert len(resolutions) == 6
    for (resolution_id,) in resolutions:
        assert f'href="/tables/resolutions/{resolution_id}"' in page.text
    statuses = query(
        db, "SELECT DISTINCT status FROM attendees WHERE meeting_id = ?", [MINUTES_MEETING]
    )
    for (status,) in statuses:
        assert f"<h3>{status.replace('_', ' ')} (" in page.text
    detail = client.get(f"/meetings/{MINUTES_MEETING}.json").json()
    assert detail["meeting"]["authority"] == "Milburn Parish Council"
    assert [r["resolution_id"] for r in detail["resolutions"]] == [r[0] for r in resolutions]
    assert {r["outcome"] for r in detail["resolutions"]} == {"agreed"}
    money = query(
        db,
        "SELECT count(*) FROM money m JOIN documents d USING (document_id) "
        "WHERE d.file_name = 'milburn-pc-2018-11-06-minutes.pdf'",
    )[0][0]
    assert len(detail["money"]) == money > 0


def test_row_page_shows_the_source_on_its_page(client, db):
    row = beacon_row(db)
    sha = row["document_id"]
    page = client.get(f"/tables/resolutions/{BEACON}")
    assert page.status_code == 200
    assert "file unchanged since ingest" in page.text
    assert row["source_text"].splitlines()[0] in page.text
    assert f'href="/documents/{sha}/file#page=1"' in page.text
    assert f'rel="next" href="/documents/{sha}/pages/2"' in page.text
    box = f"{row['x0']:g},{row['top']:g},{row['x1']:g},{row['bottom']:g}"
    image_url = f"/documents/{sha}/pages/1.png?box={box}"
    assert image_url in page.text
    image = client.get(image_url)
    assert image.headers["content-type"] == "image/png"
    width, height = Image.open(io.BytesIO(image.content)).size
    assert max(width, height) <= MAX_SIDE_PX and width > 500
    data = client.get(f"/tables/resolutions/{BEACON}.json").json()
    assert data["row"]["text"] == row["text"] and data["page"] == 1


def test_every_list_has_csv_and_json(client, db):
    meetings = list(csv.DictReader(io.StringIO(client.get("/meetings.csv").text)))
    assert len(meetings) == query(db, "SELECT count(*) FROM meetings")[0][0]
    documents = client.get("/documents.json").json()
    assert {d["status"] for d in documents} == {"ok"} and len(documents) == 3
    attendees = client.get("/tables/attendees.json", params={"meeting_id": MINUTES_MEETING}).json()
    expected = query(db, "SELECT count(*) FROM attendees WHERE meeting_id = ?", [MINUTES_MEETING])
    assert len(attendees) == expected[0][0] > 0
    assert all(a["authority"] == "Milburn Parish Council" for a in attendees)
    money = client.get("/tables/money.csv", params={"authority": "Kent County Council"})
    assert money.status_code == 200
    assert client.get("/tables/money", params={"no_such_column": "1"}).status_code == 400


def test_documents_list_shows_failed_and_partial_with_reasons(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    db = tmp_path / "a.duckdb"
    ingest([corpus_pdf("milburn-pc-2019-09-03-agenda"), broken], db, workers=1)
    client = TestClient(create_app(db, cache_dir=tmp_path / "cache"))
    page = client.get("/documents")
    assert "broken.pdf" in page.text and "failed: 1" in page.text
    (failed,) = [d for d in client.get("/documents.json").json() if d["status"] == "failed"]
    assert failed["error"] and failed["error"] in page.text


def test_permalink_resolves_a_box_to_the_row_there_now(client, db):
    row = beacon_row(db)
    sha = row["document_id"]
    # A re-parse may move the box a little: it still finds the row.
    moved = f"{row['x0'] + 2},{row['top'] + 1},{row['x1'] - 3},{row['bottom'] + 1}"
    page = client.get(f"/documents/{sha}/pages/1", params={"box": moved})
    assert page.status_code == 200
    assert f'class="resolved-row" href="/tables/resolutions/{BEACON}"' in page.text
    empty = client.get(f"/documents/{sha}/pages/1", params={"box": "1,1,20,20"})
    assert "No extracted row overlaps this box" in empty.text
    assert client.get(f"/documents/{sha}/pages/1", params={"box": "5,5,1,1"}).status_code == 400


def test_unknown_documents_rows_and_pages_are_404(client, db):
    sha = beacon_row(db)["document_id"]
    assert client.get("/documents/" + "0" * 64).status_code == 404
    assert client.get("/documents/" + "0" * 64 + "/pages/1").status_code == 404
    assert client.get(f"/documents/{sha}/pages/3").status_code == 404  # it has 2 pages
    assert client.get("/tables/resolutions/nope:r0001").status_code == 404
    assert client.get("/tables/no_table").status_code == 404
    missing = client.get("/meetings/nope")
    assert missing.status_code == 404 and "Traceback" not in missing.text


def test_only_recorded_files_are_served(client, db, tmp_path):
    sha = beacon_row(db)["document_id"]
    served = client.get(f"/documents/{sha}/file")
    assert served.status_code == 200 and served.headers["content-type"] == "application/pdf"
    assert served.content == corpus_pdf(PACKS[0]).read_bytes()
    # A real PDF that was never ingested, asked for by its hash; and paths instead of hashes.
    other = file_sha256(corpus_pdf("tintern-cc-2019-03-25-agenda"))
    assert client.get(f"/documents/{other}/file").status_code == 404
    for path in ["/documents/..%2F..%2Fetc%2Fpasswd/file", "/documents/%2Fetc%2Fpasswd/file"]:
        response = client.get(path)
        assert response.status_code == 404 and b"root:" not in response.content


def test_a_changed_file_is_not_served(tmp_path):
    pdf = Path(shutil.copy(corpus_pdf("milburn-pc-2019-09-03-agenda"), tmp_path / "pack.pdf"))
    db = tmp_path / "a.duckdb"
    ingest([pdf], db, workers=1)
    sha = file_sha256(pdf)
    client = TestClient(create_app(db, cache_dir=tmp_path / "cache"))
    assert client.get(f"/documents/{sha}/file").status_code == 200
    pdf.write_bytes(pdf.read_bytes() + b"\n% edited\n")
    refused = client.get(f"/documents/{sha}/file")
    assert refused.status_code == 404 and "HAS CHANGED SINCE INGEST" in refused.text
    assert client.get(f"/documents/{sha}/pages/1.png").status_code == 404


def test_page_images_are_capped_and_cached(client, db, tmp_path):
    sha = beacon_row(db)["document_id"]
    assert capped_resolution(corpus_pdf(PACKS[0]), 1, max_side=500) * 842 / 72 <= 500
    first = client.get(f"/documents/{sha}/pages/2.png")
    cached = list(client.app.state.renderer.cache_dir.glob(f"{sha}-p2-page.png"))
    assert len(cached) == 1 and cached[0].read_bytes() == first.content
    before = cached[0].stat().st_mtime_ns
    time.sleep(0.01)
    assert client.get(f"/documents/{sha}/pages/2.png").content == first.content
    assert cached[0].stat().st_mtime_ns >= before  # served from the cache, not drawn again


WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE IF NOT EXISTS held (x INT)")
print("holding", flush=True)
time.sleep(60)
"""


def test_a_database_held_by_an_ingest_gives_a_retry_page(db, tmp_path):
    locked = tmp_path / "locked.duckdb"
    shutil.copyfile(db, locked)
    client = TestClient(create_app(locked, cache_dir=tmp_path / "cache"))
    assert client.get("/meetings").status_code == 200
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(locked)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "holding"
        for url in ["/meetings", "/search?q=beacon", f"/tables/resolutions/{BEACON}"]:
            busy = client.get(url)
            assert busy.status_code == 503, url
            assert "An ingest is writing to the database" in busy.text
            assert "Traceback" not in busy.text
            assert busy.headers["retry-after"]
    finally:
        writer.kill()
        writer.wait()
    assert client.get("/meetings").status_code == 200  # the viewer held nothing open


def test_no_database_gives_a_clear_page(tmp_path):
    client = TestClient(create_app(tmp_path / "none.duckdb", cache_dir=tmp_path / "cache"))
    page = client.get("/meetings")
    assert page.status_code == 503 and "run `agendas ingest` first" in page.text


def test_the_viewer_never_writes_to_the_database(client, db):
    before = file_sha256(db)
    for url in ["/", "/search?q=beacon", "/meetings", "/documents", "/tables/resolutions"]:
        assert client.get(url).status_code == 200, url
    assert file_sha256(db) == before
    assert json.loads(client.get("/meetings.json").text)


def test_on_loopback_only_local_host_names_are_answered(db, tmp_path):
    app = create_app(db, cache_dir=tmp_path / "cache", allowed_hosts=["127.0.0.1", "localhost"])
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/documents").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    assert rebound.get("/documents.json").status_code == 400
