"""Full-text search over pages and extracted rows, ranked by BM25, with phrases and filters.

DuckDB's fts extension cannot be downloaded at run time here, so it is loaded from the
signed build shipped in the `duckdb-extension-fts` wheel (pinned to the same duckdb version).

The index is stored in the database (table `search_corpus` and DuckDB's schema
`fts_main_search_corpus`), with a fingerprint of what it was built from in `search_index`.
`agendas ingest` rebuilds it when the fingerprint no longer matches, and so does
`agendas search` before it searches; a reader that cannot write (a read-only file, another
process writing, the web viewer) builds a throwaway index in memory instead, so results are
never stale. Stop words are indexed like any word, so a query is never emptied by them
("Better Care Fund"). DuckDB's BM25 has no phrase operator: a quoted phrase is matched by
filtering the BM25 candidates (every word present) on the phrase itself, compared as
lower-case words. When the extension cannot be loaded, a plain case-insensitive substring
search is used instead and a one-line notice says so.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import duckdb
from pydantic import BaseModel

SNIPPET_CHARS = 160
INDEX_VERSION = "3"  # bump when the corpus SQL or index options change: forces a rebuild

Kind = Literal["page", "meeting", "agenda_item", "attendee", "resolution", "money", "contact"]
# Search kind -> the table its rows come from ("page" hits are pages).
KIND_TABLES: dict[str, str] = {
    "page": "pages",
    "meeting": "meetings",
    "agenda_item": "agenda_items",
    "attendee": "attendees",
    "resolution": "resolutions",
    "money": "money",
    "contact": "contacts",
}

# The meeting a money figure or contact belongs to: its agenda item's, else the document's
# only agenda meeting (the rule of the v_money view), else the document's only meeting.
_ROW_MEETING = """coalesce(
    (SELECT i.meeting_id FROM {src}agenda_items i WHERE i.item_id = t.item_id),
    (SELECT any_value(m.meeting_id) FROM {src}meetings m
     WHERE m.document_id = t.document_id AND m.kind = 'agenda'
     HAVING count(*) = 1),
    (SELECT any_value(m.meeting_id) FROM {src}meetings m
     WHERE m.document_id = t.document_id HAVING count(*) = 1))"""

# One row per searchable text: every non-blank page, and every extracted row's words.
CORPUS_SQL = f"""
SELECT 'page ' || p.document_id || ' ' || p.page AS key, 'page' AS kind, NULL AS ref,
       p.document_id, NULL AS meeting_id, p.page, p.page_label, p.text
FROM {{src}}pages p
WHERE p.text IS NOT NULL AND trim(p.text) <> ''
UNION ALL
SELECT 'meeting ' || meeting_id, 'meeting', meeting_id, document_id, meeting_id, page,
       page_label, concat_ws(' ', authority, body, venue)
FROM {{src}}meetings
UNION ALL
SELECT 'agenda_item ' || item_id, 'agenda_item', item_id, document_id, meeting_id, page,
       page_label, concat_ws(' ', number, title, description)
FROM {{src}}agenda_items
UNION ALL
SELECT 'attendee ' || attendee_id, 'attendee', attendee_id, document_id, meeting_id, page,
       page_label, concat_ws(' ', honorific, name, role, organisation)
FROM {{src}}attendees
UNION ALL
SELECT 'resolution ' || resolution_id, 'resolution', resolution_id, document_id, meeting_id,
       page, page_label, text
FROM {{src}}resolutions
WHERE text IS NOT NULL AND trim(text) <> ''
UNION ALL
SELECT 'money ' || money_id, 'money', money_id, document_id, {_ROW_MEETING}, page, page_label,
       concat_ws(' ', raw, context)
FROM {{src}}money t
UNION ALL
SELECT 'contact ' || contact_id, 'contact', contact_id, document_id, {_ROW_MEETING}, page,
       page_label, concat_ws(' ', name, role, phone, email)
FROM {{src}}contacts t
"""

# Keep digits (years, minute numbers, amounts) as words: the default ignores all non-letters.
# No stop words: "better" and "last" are in DuckDB's English list, and dropping them from the
# index made every query holding one find nothing.
FTS_INDEX_SQL = (
    "PRAGMA create_fts_index('{table}', 'key', 'text', stemmer = 'english', "
    r"stopwords = 'none', ignore = '(\.|[^a-z0-9])+', strip_accents = 1, lower = 1, "
    "overwrite = 1)"
)

# What the index was built from: when any part changes, the index is stale.
FINGERPRINT_SQL = """
SELECT concat_ws('|', ?,
    (SELECT count(*) || ':' || coalesce(max(ingested_at)::VARCHAR, '') || ':'
            || coalesce(bit_xor(hash(document_id || coalesce(ingested_at::VARCHAR, '')))::VARCHAR,
                        '') FROM {src}documents),
    (SELECT count(*) FROM {src}pages), (SELECT count(*) FROM {src}meetings),
    (SELECT count(*) FROM {src}agenda_items), (SELECT count(*) FROM {src}attendees),
    (SELECT count(*) FROM {src}resolutions), (SELECT count(*) FROM {src}money),
    (SELECT count(*) FROM {src}contacts))
"""

# Text as the phrase filter compares it: lower case, accents stripped, words one space apart.
NORMALIZED_TEXT = (
    "(' ' || trim(regexp_replace(lower(strip_accents(c.text)), '[^a-z0-9]+', ' ', 'g')) || ' ')"
)

CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class SearchHit(BaseModel):
    score: float
    kind: Kind
    ref: str | None  # the row's id for a row hit (resolution_id, item_id, ...)
    document_id: str
    file_name: str
    path: str
    page: int | None
    page_label: str | None
    meeting_id: str | None = None
    all_terms: bool = True  # every query word is in the text (else only some are)
    snippet: str

    @property
    def table(self) -> str:
        return KIND_TABLES[self.kind]


class SearchResult(BaseModel):
    method: Literal["bm25", "substring"]
    notice: str | None  # why BM25 was not used
    index: Literal["stored", "memory", "none"] = "none"  # where the BM25 index came from
    searched: int  # texts searched
    seconds: float
    hits: list[SearchHit]


@dataclass(frozen=True)
class SearchFilters:
    """Narrow hits to meetings of an authority, body or date range, and to some kinds.

    A row hit is judged by its own meeting; a page hit by any meeting of its document.
    """

    authority: str | None = None
    body: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = field(default_factory=tuple)

    @property
    def by_meeting(self) -> bool:
        return any(v is not None for v in (self.authority, self.body, self.date_from, self.date_to))


@dataclass(frozen=True)
class ParsedQuery:
    """The words BM25 must find, and the quoted phrases the text must hold."""

    words: list[str]
    phrases: list[str]  # normalized: lower-case words one space apart

    @property
    def bm25_query(self) -> str:
        return " ".join(self.words)


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


def normalize_words(text: str) -> str:
    """Lower-case ASCII words one space apart, as NORMALIZED_TEXT makes them in SQL."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.split(r"[^a-z0-9]+", plain)).strip()


def query_terms(query: str) -> list[str]:
    """Lower-case words of the query (letters and digits), as the index sees them."""
    return re.findall(r"[^\W_]+", query.lower())


def parse_query(query: str) -> ParsedQuery:
    """Split a query into its words and its "quoted phrases" (an unpaired quote is ignored)."""
    phrases = [normalize_words(p) for p in re.findall(r'"([^"]*)"', query)]
    return ParsedQuery(words=query_terms(query), phrases=[p for p in phrases if " " in p])


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS, phrases=()) -> str:
    """About `width` characters of `text` around the first phrase, else query term, in it.

    A stemmed match ("budgets" for "budget") is found by trying shorter prefixes of each term.
    """
    flat = " ".join(text.split())
    lower = flat.lower()
    position = -1
    for phrase in phrases:
        found = re.search(r"\W+".join(map(re.escape, phrase.split())), lower)
        if found:
            position = found.start()
            break
    for term in terms if position < 0 else ():
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


# --- the stored index -------------------------------------------------------------------------


def index_fingerprint(con: duckdb.DuckDBPyConnection, src: str = "") -> str:
    return con.execute(FINGERPRINT_SQL.format(src=src), [INDEX_VERSION]).fetchone()[0]


def stored_index_is_fresh(con: duckdb.DuckDBPyConnection, src: str = "") -> bool:
    """True when the database holds an index built from exactly its current rows."""
    catalog = src.rstrip(".") or None
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_index' "
        "AND schema_name = 'main' AND (? IS NULL OR database_name = ?)",
        [catalog, catalog],
    ).fetchone()[0]
    if not exists:
        return False
    stored = con.execute(f"SELECT fingerprint FROM {src}search_index").fetchone()
    return stored is not None and stored[0] == index_fingerprint(con, src)


def build_index(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)build the stored index in the connection's database; returns the texts indexed.

    Needs the fts extension loaded and a read-write connection.
    """
    con.execute("BEGIN")
    try:
        con.execute("CREATE OR REPLACE TABLE search_corpus AS " + CORPUS_SQL.format(src=""))
        con.execute(FTS_INDEX_SQL.format(table="search_corpus"))
        con.execute(
            "CREATE OR REPLACE TABLE search_index AS "
            "SELECT ? AS fingerprint, current_localtimestamp() AS built_at, "
            "(SELECT count(*) FROM search_corpus) AS texts",
            [index_fingerprint(con)],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT texts FROM search_index").fetchone()[0]


class IndexRefresh(BaseModel):
    rebuilt: bool
    texts: int | None = None
    seconds: float = 0.0
    notice: str | None = None  # why the index could not be checked or built


def refresh_index(db_path: Path) -> IndexRefresh:
    """Rebuild the stored index when it is missing or stale (after an ingest, before a search).

    Opens the database read-write only when a rebuild is needed. Never raises for a database
    it cannot write or a missing extension: the notice says why, and search builds in memory.
    """
    started = time.perf_counter()
    try:
        with _memory_connection(db_path) as (con, notice):
            if notice is not None:
                return IndexRefresh(rebuilt=False, notice=notice)
            if stored_index_is_fresh(con, "src."):
                return IndexRefresh(rebuilt=False)
        con = duckdb.connect(str(db_path), config=CONFIG)
    except duckdb.Error as exc:
        return IndexRefresh(rebuilt=False, notice=str(exc).splitlines()[0])
    try:
        notice = load_fts(con)
        if notice is not None:
            return IndexRefresh(rebuilt=False, notice=notice)
        texts = build_index(con)
    except duckdb.Error as exc:
        return IndexRefresh(rebuilt=False, notice=str(exc).splitlines()[0])
    finally:
        con.close()
    return IndexRefresh(rebuilt=True, texts=texts, seconds=time.perf_counter() - started)


@contextlib.contextmanager
def _memory_connection(
    db_path: Path,
) -> Iterator[tuple[duckdb.DuckDBPyConnection, str | None]]:
    """An in-memory connection with the fts extension (or why not) and the database attached
    read-only as `src`: reads never take the write lock, and work beside other connections."""
    con = duckdb.connect(config=CONFIG)
    try:
        notice = load_fts(con)
        con.execute(f"ATTACH '{_sql_string(str(db_path))}' AS src (READ_ONLY)")
        yield con, notice
    finally:
        con.close()


# --- searching --------------------------------------------------------------------------------


def _filter_sql(filters: SearchFilters) -> tuple[str, list[object]]:
    """SQL conditions on corpus rows `c` for the filters, with their parameters."""
    conditions: list[str] = []
    params: list[object] = []
    if filters.kinds:
        conditions.append(f"c.kind IN ({', '.join('?' for _ in filters.kinds)})")
        params.extend(filters.kinds)
    if filters.by_meeting:
        conditions.append(
            "EXISTS (SELECT 1 FROM src.meetings m WHERE "
            "(CASE WHEN c.meeting_id IS NULL THEN m.document_id = c.document_id "
            "ELSE m.meeting_id = c.meeting_id END) "
            "AND (?::VARCHAR IS NULL OR m.authority = ?) AND (?::VARCHAR IS NULL OR m.body = ?) "
            "AND (?::DATE IS NULL OR m.meeting_date >= ?) "
            "AND (?::DATE IS NULL OR m.meeting_date <= ?))"
        )
        for value in (filters.authority, filters.body, filters.date_from, filters.date_to):
            params.extend([value, value])
    return "".join(f" AND {c}" for c in conditions), params


def _phrase_sql(parsed: ParsedQuery) -> tuple[str, list[object]]:
    sql = "".join(f" AND contains({NORMALIZED_TEXT}, ?)" for _ in parsed.phrases)
    return sql, [f" {p} " for p in parsed.phrases]


def _bm25_rows(con, corpus: str, fts: str, parsed: ParsedQuery, filters, limit) -> list[tuple]:
    """Texts with every word first, then (for an unquoted query) those with only some."""
    where, params = _filter_sql(filters)
    phrase_where, phrase_params = _phrase_sql(parsed)
    need_all = "AND all_terms" if parsed.phrases else ""
    return con.execute(
        f"""
        SELECT * FROM (
            SELECT c.*, {fts}.match_bm25(c.key, ?) AS score,
                   {fts}.match_bm25(c.key, ?, conjunctive := 1) IS NOT NULL AS all_terms
            FROM {corpus} c
            WHERE TRUE {where} {phrase_where})
        WHERE score IS NOT NULL {need_all}
        ORDER BY all_terms DESC, score DESC, document_id, page, key
        LIMIT ?
        """,
        [parsed.bm25_query, parsed.bm25_query, *params, *phrase_params, limit],
    ).fetchall()


def _substring_rows(con, corpus: str, parsed: ParsedQuery, filters, limit) -> list[tuple]:
    """Texts containing every word (case-insensitive), most occurrences first."""
    terms = parsed.words
    if not terms:
        return []
    where, params = _filter_sql(filters)
    phrase_where, phrase_params = _phrase_sql(parsed)
    contains = " AND ".join("contains(lower(c.text), ?)" for _ in terms)
    occurrences = " + ".join(
        "(length(lower(c.text)) - length(replace(lower(c.text), ?, ''))) / length(?)" for _ in terms
    )
    return con.execute(
        f"""
        SELECT c.*, {occurrences} AS score, TRUE AS all_terms FROM {corpus} c
        WHERE {contains} {where} {phrase_where}
        ORDER BY score DESC, document_id, page, key
        LIMIT ?
        """,
        [*(t for t in terms for _ in range(2)), *terms, *params, *phrase_params, limit],
    ).fetchall()


def search_database(
    db_path: Path,
    query: str,
    limit: int = 10,
    filters: SearchFilters | None = None,
    build: bool = True,
) -> SearchResult:
    """Search pages and extracted rows: BM25 when the fts extension loads, else substrings.

    With `build`, a missing or stale stored index is rebuilt first (which writes to the
    database); without it, or when the database cannot be written, a stale index is
    replaced by one built in memory for this search only.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no database here yet (run `agendas ingest` first)")
    started = time.perf_counter()
    filters = filters or SearchFilters()
    parsed = parse_query(query)
    if build:
        refresh_index(db_path)
    with _memory_connection(db_path) as (con, notice):
        index: Literal["stored", "memory", "none"] = "none"
        if notice is None and stored_index_is_fresh(con, "src."):
            con.execute("USE src")  # the index's macros name its tables without a catalog
            corpus, fts, index = "src.search_corpus", "src.fts_main_search_corpus", "stored"
        else:
            con.execute("CREATE TABLE memory.search_corpus AS " + CORPUS_SQL.format(src="src."))
            corpus, fts = "memory.search_corpus", "memory.fts_main_search_corpus"
            if notice is None:
                con.execute(FTS_INDEX_SQL.format(table="search_corpus"))  # in memory
                index = "memory"
        kinds = SearchFilters(kinds=filters.kinds)
        kind_where, kind_params = _filter_sql(kinds)
        searched = con.execute(
            f"SELECT count(*) FROM {corpus} c WHERE TRUE {kind_where}", kind_params
        ).fetchone()[0]
        if notice is None:
            rows = _bm25_rows(con, corpus, fts, parsed, filters, limit)
        else:
            rows = _substring_rows(con, corpus, parsed, filters, limit)
        names = dict(
            con.execute(
                "SELECT document_id, [file_name, path] FROM src.documents WHERE document_id IN "
                "(SELECT unnest(?))",
                [sorted({row[3] for row in rows})],
            ).fetchall()
        )
    hits = [
        SearchHit(
            score=float(score),
            kind=kind,
            ref=ref,
            document_id=document_id,
            file_name=names.get(document_id, ["", ""])[0] or "",
            path=names.get(document_id, ["", ""])[1] or "",
            page=page,
            page_label=page_label,
            meeting_id=meeting_id,
            all_terms=bool(all_terms),
            snippet=snippet(text, parsed.words, phrases=parsed.phrases),
        )
        for _, kind, ref, document_id, meeting_id, page, page_label, text, score, all_terms in rows
    ]
    return SearchResult(
        method="bm25" if notice is None else "substring",
        notice=notice,
        index=index,
        searched=searched,
        seconds=time.perf_counter() - started,
        hits=hits,
    )
