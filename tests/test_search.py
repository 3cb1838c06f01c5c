"""`agendas search`: BM25 over page and resolution text, and the substring fallback."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

import pipeline.search
from pipeline.cli import main
from pipeline.files import file_sha256
from pipeline.run import ingest
from pipeline.search import search_database, snippet
from tests.conftest import HAND_RESOLUTION, corpus_pdf


@pytest.fixture()
def no_fts(monkeypatch):
    """Make the fts extension unloadable, as on a machine without the wheel's build."""
    real = pipeline.search.fts_extension_path
    monkeypatch.setattr(
        pipeline.search,
        "fts_extension_path",
        lambda con: real(con).with_name("missing.duckdb_extension"),
    )


def page_texts(corpus_con) -> dict[tuple[str, int], str]:
    rows = corpus_con.execute(
        "SELECT d.file_name, p.page, p.text FROM pages p JOIN documents d USING (document_id)"
    ).fetchall()
    return {(name, page): text for name, page, text in rows}


def test_bm25_ranks_pages_holding_every_term(corpus_db, corpus_con):
    result = search_database(corpus_db, "IDVA MARAC", limit=50)
    assert result.method == "bm25" and result.notice is None
    texts = page_texts(corpus_con)
    assert result.hits
    for hit in result.hits:
        text = texts[(hit.file_name, hit.page)].lower()
        assert "idva" in text and "marac" in text
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    # Page 12 of seed pack 000 (printed "Page 9") has "(IDVA, MARAC, Hub functions ...)".
    [page_9] = [h for h in result.hits if (h.file_name, h.page) == ("000_de16defd1125f27f.pdf", 12)]
    assert page_9.page_label == "Page 9"
    assert "idva" in page_9.snippet.lower()


def test_bm25_stems_but_substring_search_does_not(corpus_db, no_fts):
    # Page 4 of seed 000 says "Safeguarding Board" (singular) only.
    plain = search_database(corpus_db, "safeguarding boards", limit=50)
    assert plain.method == "substring"
    assert ("000_de16defd1125f27f.pdf", 4) not in {(h.file_name, h.page) for h in plain.hits}


def test_bm25_finds_the_singular_for_a_plural(corpus_db):
    stemmed = search_database(corpus_db, "safeguarding boards", limit=50)
    assert stemmed.method == "bm25"
    assert ("000_de16defd1125f27f.pdf", 4) in {(h.file_name, h.page) for h in stemmed.hits}


def test_resolution_text_is_searched(hand_checked_db):
    result = search_database(hand_checked_db, "Healthwatch JSNA", limit=10)
    resolutions = [h for h in result.hits if h.kind == "resolution"]
    # the extracted minute-40 resolution and its hand-checked twin, both on page 4
    assert HAND_RESOLUTION["resolution_id"] in [h.ref for h in resolutions]
    assert len(resolutions) == 2
    assert {(h.page, h.page_label) for h in resolutions} == {(4, "Page 1")}
    # The page it is printed on is found too.
    assert any(h.kind == "page" and h.page == 4 for h in result.hits)


def test_search_sees_documents_ingested_after_earlier_searches(tmp_path):
    db = tmp_path / "a.duckdb"
    ingest([corpus_pdf("milburn-pc-2019-09-03-agenda")], db, workers=1)
    assert [h.file_name for h in search_database(db, "bonfire").hits] == [
        "milburn-pc-2019-09-03-agenda.pdf"
    ]
    assert search_database(db, "landfill").hits == []
    ingest([corpus_pdf("nipissing-township-2023-03-21-agenda")], db, workers=1)
    assert [h.file_name for h in search_database(db, "landfill").hits] == [
        "nipissing-township-2023-03-21-agenda.pdf"
    ]


def test_search_never_writes_to_the_database(corpus_db, corpus_con):
    before = file_sha256(corpus_db)
    search_database(corpus_db, "budget")  # while a read-only connection is open
    assert file_sha256(corpus_db) == before


def test_cli_search_bm25(corpus_db):
    result = CliRunner().invoke(
        main, ["search", "IDVA MARAC", "--db", str(corpus_db), "--limit", "3", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert list(rows[0]) == ["score", "file_name", "page", "page_label", "kind", "ref", "snippet"]
    assert "BM25" in result.stderr
    assert "unavailable" not in result.stderr


def test_cli_search_falls_back_with_a_one_line_notice(corpus_db, no_fts):
    result = CliRunner().invoke(
        main, ["search", "domestic abuse", "--db", str(corpus_db), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    notices = [line for line in result.stderr.splitlines() if "unavailable" in line]
    assert len(notices) == 1
    assert "using substring search" in notices[0]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        assert "domestic" in row["snippet"].lower()


def test_substring_fallback_needs_every_term(corpus_db, corpus_con, no_fts):
    result = search_database(corpus_db, "IDVA MARAC", limit=100)
    texts = page_texts(corpus_con)
    expected = {
        key for key, text in texts.items() if "idva" in text.lower() and "marac" in text.lower()
    }
    assert {(h.file_name, h.page) for h in result.hits} == expected


def test_snippet_shows_the_first_term_in_context():
    text = "word " * 100 + "the Budget Monitoring report " + "word " * 100
    shown = snippet(text, ["budget"], width=60)
    assert "Budget Monitoring" in shown
    assert shown.startswith("…") and shown.endswith("…")
    # A stemmed match is found through a shorter prefix of the term.
    assert "Budget" in snippet(text, ["budgets"], width=60)
