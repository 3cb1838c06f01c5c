"""Full-text search over page text and resolution text, ranked by BM25.

DuckDB's fts extension cannot be downloaded at run time here, so it is loaded from the
signed build shipped in the `duckdb-extension-fts` wheel (pinned to the same duckdb version).
The index is built at search time in an in-memory database that attaches the real database
read-only: it is always in step with the latest ingest and never writes to the database
file. (On the bundled corpus, 666 pages, building it takes about 0.15 s; 12,000 pages take
about 2 s.) When the extension cannot be loaded, a plain case-insensitive substring search
is used instead and a one-line notice says so.
"""

from __future__ import annotations

import importlib.resources
import re
import time
from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel

SNIPPET_CHARS = 160

# One row per searchable text: every non-blank page, and every resolution.
SEARCH_CORPUS_SQL = """
CREATE TABLE search_corpus AS
SELECT 'page ' || p.document_id || ' ' || p.page AS key, 'page' AS kind, NULL AS ref,
       p.document_id, d.file_name, d.path, p.page, p.page_label, p.text
FROM src.pages p JOIN src.documents d USING (document_id)
WHERE p.text IS NOT NULL AND trim(p.text) <> ''
UNION ALL
SELECT 'resolution ' || r.resolution_id, 'resolution', r.resolution_id,
       r.document_id, d.file_name, d.path, r.page, r.page_label, r.text
FROM src.resolutions r JOIN src.documents d USING (document_id)
WHERE r.text IS NOT NULL AND trim(r.text) <> ''
"""

# Keep digits (years, minute numbers, amounts) as words: the default ignores all non-letters.
FTS_INDEX_SQL = (
    "PRAGMA create_fts_index('search_corpus', 'key', 'text', stemmer = 'english', "
    r"stopwords = 'english', ignore = '(\.|[^a-z0-9])+', strip_accents = 1, lower = 1)"
)

RESULT_COLUMNS = "kind, ref, document_id, file_name, path, page, page_label, text"


class SearchHit(BaseModel):
    score: float
    kind: Literal["page", "resolution"]
    ref: str | None  # resolution_id for resolution hits
    document_id: str
    file_name: str
    path: str
    page: int | None
    page_label: str | None
    snippet: str


class SearchResult(BaseModel):
    method: Literal["bm25", "substring"]
    notice: str | None  # why BM25 was not used
    searched: int  # texts searched
    seconds: float
    hits: list[SearchHit]


def fts_extension_path(con: duckdb.DuckDBPyConnection) -> Path:
    """The fts build shipped in the duckdb-extension-fts wheel for this duckdb version."""
    version = con.execute("PRAGMA version").fetchone()[0]
    package = importlib.resources.files("duckdb_extension_fts")
    return Path(str(package)) / "extensions" / version / "fts.duckdb_extension"


def load_fts(con: duckdb.DuckDBPyConnection) -> str | None:
    """Load the fts extension from the wheel; return why it failed, or None."""
    try:
        path = fts_extension_path(con)
    except ModuleNotFoundError:
        return "package duckdb-extension-fts is not installed"
    if not path.is_file():
        return f"no fts build for this duckdb version at {path}"
    try:
        con.execute(f"LOAD '{_sql_string(str(path))}'")
    except duckdb.Error as exc:
        return str(exc).splitlines()[0]
    return None


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


def query_terms(query: str) -> list[str]:
    """Lower-case words of the query (letters and digits), as the index sees them."""
    return re.findall(r"[^\W_]+", query.lower())


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around the first query term found in it.

    A stemmed match ("budgets" for "budget") is found by trying shorter prefixes of each term.
    """
    flat = " ".join(text.split())
    lower = flat.lower()
    position = -1
    for term in terms:
        for size in range(len(term), min(len(term), 4) - 1, -1):
            position = lower.find(term[:size])
            if position >= 0:
                break
        if position >= 0:
            break
    position = max(position, 0)
    start = max(0, position - width // 3)
    end = min(len(flat), start + width)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _bm25_rows(con: duckdb.DuckDBPyConnection, query: str, limit: int) -> list[tuple]:
    con.execute(FTS_INDEX_SQL)
    return con.execute(
        f"""
        SELECT score, {RESULT_COLUMNS} FROM (
            SELECT *, fts_main_search_corpus.match_bm25(key, ?, conjunctive := 1) AS score
            FROM search_corpus)
        WHERE score IS NOT NULL
        ORDER BY score DESC, document_id, page
        LIMIT ?
        """,
        [query, limit],
    ).fetchall()


def _substring_rows(con: duckdb.DuckDBPyConnection, terms: list[str], limit: int) -> list[tuple]:
    """Texts containing every term (case-insensitive), most occurrences first."""
    if not terms:
        return []
    contains = " AND ".join("contains(lower(text), ?)" for _ in terms)
    occurrences = " + ".join(
        "(length(lower(text)) - length(replace(lower(text), ?, ''))) / length(?)" for _ in terms
    )
    params: list[object] = [t for t in terms for _ in range(2)] + terms + [limit]
    return con.execute(
        f"""
        SELECT {occurrences} AS score, {RESULT_COLUMNS} FROM search_corpus
        WHERE {contains}
        ORDER BY score DESC, document_id, page
        LIMIT ?
        """,
        params,
    ).fetchall()


def search_database(db_path: Path, query: str, limit: int = 10) -> SearchResult:
    """Search page and resolution text; BM25 when the fts extension loads, else substrings."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no database here yet (run `agendas ingest` first)")
    started = time.perf_counter()
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    try:
        notice = load_fts(con)
        con.execute(f"ATTACH '{_sql_string(str(db_path))}' AS src (READ_ONLY)")
        con.execute(SEARCH_CORPUS_SQL)
        con.execute("DETACH src")
        searched = con.execute("SELECT count(*) FROM search_corpus").fetchone()[0]
        terms = query_terms(query)
        if notice is None:
            rows = _bm25_rows(con, query, limit)
        else:
            rows = _substring_rows(con, terms, limit)
    finally:
        con.close()
    hits = [
        SearchHit(
            score=float(score),
            kind=kind,
            ref=ref,
            document_id=document_id,
            file_name=file_name,
            path=path,
            page=page,
            page_label=page_label,
            snippet=snippet(text, terms),
        )
        for score, kind, ref, document_id, file_name, path, page, page_label, text in rows
    ]
    return SearchResult(
        method="bm25" if notice is None else "substring",
        notice=notice,
        searched=searched,
        seconds=time.perf_counter() - started,
        hits=hits,
    )
