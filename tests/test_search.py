"""`agendas search`: BM25 over page and resolution text, and the substring fallback."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from click.testing import CliRunner

import pipeline.access.search
from pipeline.access.cli import main
from pipeline.access.search import SearchFilters, refresh_index, search_database, snippet
from pipeline.run.files import file_sha256
from pipeline.run.ingest import ingest
from tests.conftest import HAND_RESOLUTION, corpus_pdf


@pytest.fixture()
def no_fts(monkeypatch):
    """Make the fts extension unloadable, as on a machine without the wheel's build."""
    real = pipeline.access.search.fts_extension_path
    monkeypatch.setattr(
        pipeline.access.search,
        "fts_extension_path",
        lambda con: real(con).with_name("missing.duckdb_extension"),
    )


def page_texts(sample_con) -> dict[tuple[str, int], str]:
    rows = sample_con.execute(
        "SELECT d.file_name, p.page, p.text FROM pages p JOIN documents d USING (document_id)"
    ).fetchall()
    return {(name, page): text for name, page, text in rows}


def test_bm25_ranks_pages_holding_every_term(sample_db, sample_con):
    result = search_database(sample_db, "IDVA MARAC", limit=50)
    assert result.method == "bm25" and result.notice is None
    texts = page_texts(sample_con)
    complete = [hit for hit in result.hits if hit.all_terms]
    assert complete
    # Texts holding every word come first, best first; texts holding one word follow.
    assert result.hits[: len(complete)] == complete
    for hit in complete:
        text = texts[(hit.file_name, hit.page)].lower()
        assert "idva" in text and "marac" in text
    scores = [hit.score for hit in complete]
    assert scores == sorted(scores, reverse=True)
    # Page 12 of seed pack 000 (printed "Page 9") has "(IDVA, MARAC, Hub functions ...)".
    [page_9] = [
        h
        for h in result.hits
        if (h.kind, h.file_name, h.page) == ("page", "000_de16defd1125f27f.pdf", 12)
    ]
    assert page_9.page_label == "Page 9"
    assert "idva" in page_9.snippet.lower()


def test_bm25_stems_but_substring_search_does_not(sample_db, no_fts):
    # Page 4 of seed 000 says "Safeguarding Board" (singular) only.
    plain = search_database(sample_db, "safeguarding boards", limit=50)
    assert plain.method == "substring"
    assert ("000_de16defd1125f27f.pdf", 4) not in {(h.file_name, h.page) for h in plain.hits}


def test_bm25_finds_the_singular_for_a_plural(sample_db):
    stemmed = search_database(sample_db, "safeguarding boards", limit=50)
    assert stemmed.method == "bm25"
    assert ("000_de16defd1125f27f.pdf", 4) in {(h.file_name, h.page) for h in stemmed.hits}


def test_resolution_text_is_searched(hand_checked_db):
    result = search_database(hand_checked_db, "Healthwatch JSNA", limit=10)
    resolutions = [h for h in result.hits if h.kind == "resolution" and h.all_terms]
    # the extracted minute-40 resolution and its hand-checked twin, both on page 4
    assert HAND_RESOLUTION["resolution_id"] in [h.ref for h in resolutions]
    assert len(resolutions) == 2
    assert {(h.page, h.page_label) for h in resolutions} == {(4, "Page 1")}
    # The page it is printed on is found too.
    assert any(h.kind == "page" and h.page == 4 for h in result.hits)


def test_search_sees_documents_ingested_after_earlier_searches(tmp_path):
    db = tmp_path / "a.duckdb"
    ingest([corpus_pdf("milburn-pc-2019-09-03-agenda")], db, workers=1)
    assert {h.file_name for h in search_database(db, "bonfire").hits} == {
        "milburn-pc-2019-09-03-agenda.pdf"
    }
    assert search_database(db, "landfill").hits == []
    ingest([corpus_pdf("nipissing-township-2023-03-21-agenda")], db, workers=1)
    assert {h.file_name for h in search_database(db, "landfill").hits} == {
        "nipissing-township-2023-03-21-agenda.pdf"
    }


def test_search_beside_an_open_connection_builds_in_memory_and_writes_nothing(
    sample_db, sample_con
):
    before = file_sha256(sample_db)
    result = search_database(sample_db, "budget")  # while a read-only connection is open
    assert result.hits and result.index in ("stored", "memory")
    assert file_sha256(sample_db) == before


def test_cli_search_bm25(sample_db):
    result = CliRunner().invoke(
        main, ["search", "IDVA MARAC", "--db", str(sample_db), "--limit", "3", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert list(rows[0]) == ["score", "file_name", "page", "page_label", "kind", "ref", "snippet"]
    assert "BM25 over" in result.stderr
    assert "unavailable" not in result.stderr


def test_cli_search_falls_back_with_a_one_line_notice(sample_db, no_fts):
    result = CliRunner().invoke(
        main, ["search", "domestic abuse", "--db", str(sample_db), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    notices = [line for line in result.stderr.splitlines() if "unavailable" in line]
    assert len(notices) == 1
    assert "using substring search" in notices[0]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    for row in rows:
        assert "domestic" in row["snippet"].lower()


def test_substring_fallback_needs_every_term(sample_db, sample_con, no_fts):
    result = search_database(sample_db, "IDVA MARAC", limit=100)
    texts = page_texts(sample_con)
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


# --- stop words, phrases, the stored index and filters, on three small packs ------------------

SMALL_PACKS = ["milburn-pc-2018-11-06-minutes", "milburn-pc-2019-09-03-agenda"]
SEED_001 = "001_965a62ee09f95341"  # prints "Better Care Fund" on pages 13, 19, 20, 26, 27


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("search") / "small.duckdb"
    summary = ingest([corpus_pdf(name) for name in [*SMALL_PACKS, SEED_001]], db, workers=1)
    assert summary.counts["ok"] == 3
    return db


def hit_pages(result, file_name: str, all_terms: bool = True) -> set[int]:
    return {
        h.page
        for h in result.hits
        if h.kind == "page" and h.file_name == file_name and h.all_terms == all_terms
    }


def test_stop_words_never_empty_a_query(small_db):
    # "better" is an English stop word: the query used to find nothing at all.
    result = search_database(small_db, "Better Care Fund", limit=100)
    assert hit_pages(result, f"{SEED_001}.pdf") == {13, 19, 20, 26, 27}
    # "the" and "last" are stop words too; the minutes print "The Last Post" on page 1.
    result = search_database(small_db, "the last post", limit=5)
    assert (result.hits[0].file_name, result.hits[0].page) == (
        "milburn-pc-2018-11-06-minutes.pdf",
        1,
    )


def test_a_quoted_phrase_must_occur_as_a_phrase(small_db):
    # Only page 20 prints the three words in a row; the other four have them apart.
    result = search_database(small_db, '"Better Care Fund"', limit=100)
    assert hit_pages(result, f"{SEED_001}.pdf") == {20}
    assert all(h.all_terms for h in result.hits)
    assert "better care fund" in result.hits[0].snippet.lower()


def test_a_phrase_matches_across_lines_and_case_but_not_reordered(small_db):
    # Page 1 of the minutes: "... resolved to have the Beacon and service on the Village Green."
    minutes = "milburn-pc-2018-11-06-minutes.pdf"
    shuffled = search_database(small_db, "service and beacon", limit=10)
    assert 1 in hit_pages(shuffled, minutes)  # the words, in any order
    assert search_database(small_db, '"service and beacon"', limit=10).hits == []
    phrase = search_database(small_db, '"BEACON AND SERVICE"', limit=10)
    assert {(h.kind, h.page) for h in phrase.hits} == {("page", 1), ("resolution", 1)}
    # "... All agreed this was a true record and were\nsigned and approved." spans two lines.
    wrapped = search_database(small_db, '"were signed and approved"', limit=10)
    assert 1 in hit_pages(wrapped, minutes)


def test_texts_with_every_word_rank_before_texts_with_some(small_db):
    result = search_database(small_db, "Better Care Fund", limit=100)
    flags = [h.all_terms for h in result.hits]
    assert flags[0] and not flags[-1]
    assert flags == sorted(flags, reverse=True)
    assert hit_pages(result, f"{SEED_001}.pdf", all_terms=False)  # e.g. "care" alone


def test_extracted_rows_are_searched_and_filtered_by_kind_and_meeting(small_db):
    result = search_database(small_db, "Cresswell", limit=10)
    assert {h.kind for h in result.hits} >= {"attendee", "page"}
    only = search_database(small_db, "Cresswell", filters=SearchFilters(kinds=("attendee",)))
    assert [h.kind for h in only.hits] == ["attendee"]
    assert only.hits[0].meeting_id and only.hits[0].ref
    # "Village Hall": the agenda (3 September 2019) and the minutes (6 November 2018).
    later = search_database(
        small_db,
        '"village hall"',
        limit=50,
        filters=SearchFilters(date_from=date(2019, 1, 1), authority="Milburn Parish Council"),
    )
    assert {h.file_name for h in later.hits} == {"milburn-pc-2019-09-03-agenda.pdf"}


def test_the_index_is_stored_once_and_rebuilt_when_the_database_changes(tmp_path):
    db = tmp_path / "a.duckdb"
    ingest([corpus_pdf(SMALL_PACKS[1])], db, workers=1)
    assert refresh_index(db).rebuilt
    first = search_database(db, "bonfire")
    assert first.index == "stored"
    before = file_sha256(db)
    assert not refresh_index(db).rebuilt
    assert search_database(db, "bonfire").index == "stored"
    assert file_sha256(db) == before  # a search on a fresh index writes nothing
    ingest([corpus_pdf(SMALL_PACKS[0])], db, workers=1)
    # Stale: a reader that may not write builds in memory and still sees the new pack.
    stale = search_database(db, "beacon", build=False)
    assert stale.index == "memory"
    assert {h.file_name for h in stale.hits} == {"milburn-pc-2018-11-06-minutes.pdf"}
    assert search_database(db, "beacon").index == "stored"  # rebuilt by this search


def test_cli_ingest_rebuilds_the_index(tmp_path):
    db = tmp_path / "a.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(corpus_pdf(SMALL_PACKS[1])), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "search index rebuilt" in result.stderr
    before = file_sha256(db)
    result = CliRunner().invoke(
        main, ["search", '"Milburn Village Hall"', "--db", str(db), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "milburn village hall" in result.stdout.lower()
    assert file_sha256(db) == before


def test_cli_searches_pages_and_resolutions_unless_told(small_db):
    def kinds(*options: str) -> set[str]:
        result = CliRunner().invoke(
            main, ["search", "Cresswell", "--db", str(small_db), "--format", "csv", *options]
        )
        assert result.exit_code == 0, result.output
        return {row["kind"] for row in csv.DictReader(io.StringIO(result.stdout))}

    assert kinds() == {"page"}
    assert kinds("--table", "all") == {"page", "attendee"}
    assert kinds("--table", "attendees") == {"attendee"}
