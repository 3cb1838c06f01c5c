"""The `agendas` command: a thin click layer over the library functions."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.table import Table

from pipeline import PIPELINE_VERSION
from pipeline.access.export import export_database
from pipeline.access.highlight import render_highlight
from pipeline.access.search import KIND_TABLES, SearchFilters, refresh_index, search_database
from pipeline.access.stats import document_stats
from pipeline.access.trace import TRACEABLE, format_trace, trace_row
from pipeline.read.ocr import OCR_MODES, OcrSettings
from pipeline.read.ocr_cache import DEFAULT_FOLDER as OCR_CACHE_FOLDER
from pipeline.read.ocr_engines import DEFAULT_OCR_ENGINE, OCR_ENGINES
from pipeline.read.readers import DEFAULT_READER, READERS
from pipeline.run.ingest import IngestInterrupted, IngestSummary, local_executor
from pipeline.run.ingest import ingest as run_ingest
from pipeline.run.progress import ProgressBar, ProgressLog
from pipeline.run.workers import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from pipeline.store.load import DEFAULT_DB, connect

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB database file.",
)

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, width=200 if not sys.stdout.isatty() else None)


@click.group()
@click.version_option(PIPELINE_VERSION, prog_name="agendas")
def main() -> None:
    """Turn council agenda packs (PDF) into structured, traceable data in DuckDB."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--workers", type=int, default=None, help="Worker processes [default: all cores].")
@click.option("--force", is_flag=True, help="Re-parse files even if already loaded.")
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Re-parse files that failed before (by default, skipped like loaded ones).",
)
@click.option(
    "--log-every",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Seconds between progress lines when stderr is not a terminal.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one document may take before it fails (0: no limit).",
)
@click.option(
    "--memory-limit",
    "memory_mb",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    help="Megabytes of memory one worker may use for a document (0: no limit).",
)
@click.option(
    "--authority",
    metavar="NAME",
    default=None,
    help="The council (or board) the files are from, recorded on each document.",
)
@click.option(
    "--reader",
    type=click.Choice(READERS),
    default=DEFAULT_READER,
    show_default=True,
    help="PDF reader: PDFium (fast) or pdfplumber (the slower reference).",
)
@click.option(
    "--ocr",
    "ocr_mode",
    type=click.Choice(OCR_MODES),
    default="auto",
    show_default=True,
    help="OCR pages: only those without usable text (auto), every page, or none.",
)
@click.option(
    "--ocr-engine",
    type=click.Choice(OCR_ENGINES),
    default=DEFAULT_OCR_ENGINE,
    show_default=True,
    help="OCR engine: rapidocr (most accurate, installed with the tool) or tesseract "
    "(faster; needs the tesseract program).",
)
@click.option(
    "--ocr-cache",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder keeping OCRed pages for the next parse [default: ocr-cache beside the database].",
)
@click.option("--no-ocr-cache", is_flag=True, help="OCR pages again on every parse.")
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where documents are parsed: local worker processes, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address (tcp://host:8786) for --executor dask.",
)
def ingest(
    paths: tuple[Path, ...],
    db_path: Path,
    workers: int | None,
    force: bool,
    retry_failed: bool,
    log_every: float,
    timeout: float,
    memory_mb: int,
    authority: str | None,
    reader: str,
    ocr_mode: str,
    ocr_engine: str,
    ocr_cache: Path | None,
    no_ocr_cache: bool,
    executor: str,
    scheduler: str | None,
) -> None:
    """Ingest PDF files and folders (searched recursively) into the database.

    Files already loaded by this version (same SHA-256) are skipped, so re-running after new
    packs arrive, or after an interruption, only parses what is new. Exit code 0 when every
    file loaded (status ok or partial), 1 when any file failed, 130 when interrupted.
    """
    limits = Limits(
        seconds=timeout or None,
        memory_mb=memory_mb or None,
        reader=reader,
        ocr=OcrSettings(
            mode=ocr_mode,
            engine=ocr_engine,
            cache=None if no_ocr_cache else (ocr_cache or db_path.parent / OCR_CACHE_FOLDER),
        ),
    )
    if executor == "dask":
        if not scheduler:
            raise click.UsageError("--executor dask needs --scheduler ADDRESS")
        from pipeline.run.dask_executor import dask_executor

        try:
            parse = dask_executor(scheduler, limits)
        except (ImportError, ConnectionError) as exc:  # no extra, or no scheduler: say so
            raise click.ClickException(str(exc)) from exc
    else:
        parse = local_executor(workers, limits)
    console = _console(stderr=True)
    progress = (
        ProgressBar(console) if console.is_terminal else ProgressLog(sys.stderr, every=log_every)
    )
    try:
        with progress:
            summary = run_ingest(
                list(paths),
                db_path,
                force=force,
                retry_failed=retry_failed,
                on_start=progress.start,
                on_result=progress.advance,
                executor=parse,
                authority=authority,
            )
    except ConnectionError as exc:  # the Dask scheduler went away mid-batch
        if executor != "dask":
            raise
        raise click.ClickException(str(exc)) from exc
    except IngestInterrupted as stop:
        click.echo(_summary_line(db_path, stop.summary))
        click.echo(
            "interrupted: every document loaded so far is complete; "
            "run the same command again to continue where it stopped",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    click.echo(_summary_line(db_path, summary))
    _refresh_search_index(db_path)
    if summary.skipped_failed:
        click.echo(
            f"{summary.skipped_failed} skipped file(s) failed before with this version; "
            "--retry-failed tries them again",
            err=True,
        )
    sys.exit(EXIT_SOME_FAILED if summary.any_failed else EXIT_OK)


def _refresh_search_index(db_path: Path) -> None:
    """Rebuild the stored search index if this ingest changed the database (one stderr line)."""
    if not db_path.exists():
        return
    refreshed = refresh_index(db_path)
    if refreshed.rebuilt:
        click.echo(
            f"search index rebuilt: {refreshed.texts} texts in {refreshed.seconds:.1f}s", err=True
        )
    elif refreshed.notice:
        click.echo(f"search index not rebuilt ({refreshed.notice})", err=True)


def _summary_line(db_path: Path, summary: IngestSummary) -> str:
    counts = summary.counts
    return (
        f"ingested into {db_path}: {counts['ok']} ok, {counts['partial']} partial, "
        f"{counts['failed']} failed, {counts['skipped']} skipped; {summary.pages} pages in "
        f"{summary.seconds:.1f}s ({summary.pages_per_second:.1f} pages/s)"
    )


def _jsonable(value):
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def print_rows(columns: list[str], rows: list[tuple], fmt: str, title: str | None = None) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        click.echo(
            json.dumps([dict(zip(columns, map(_jsonable, r), strict=True)) for r in rows], indent=2)
        )
    else:
        table = Table(title=title)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        _console().print(table)


@main.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--page", "page_number", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--reader", type=click.Choice(READERS), default=DEFAULT_READER, show_default=True)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the lines' boxes on the page, coloured by role, into this PNG.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the lines as JSON.")
def inspect(pdf: Path, page_number: int, reader: str, png: Path | None, as_json: bool) -> None:
    """Show what the read stage made of one page: lines with role, box and font facts."""
    from pipeline.access.page_inspect import draw_page, format_page, inspect_page
    from pipeline.errors import DocumentError

    try:
        inspected = inspect_page(pdf, page_number, reader)
    except (DocumentError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(inspected.model_dump_json(indent=2))
    else:
        click.echo(format_page(inspected))
    if png:
        click.echo(f"drawn: {draw_page(pdf, inspected, png)}", err=as_json)


@main.command()
@click.argument("sql")
@db_option
@format_option
@click.option("--write", is_flag=True, help="Open the database read-write (default: read-only).")
def query(sql: str, db_path: Path, fmt: str, write: bool) -> None:
    """Run SQL against the database and print the result."""
    try:
        con = connect(db_path, read_only=not write)
        cursor = con.execute(sql)
        columns = [c[0] for c in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    except Exception as exc:  # noqa: BLE001  (SQL errors are user errors: say them plainly)
        raise click.ClickException(str(exc)) from exc
    print_rows(columns, rows, fmt)


@main.command()
@db_option
@format_option
def stats(db_path: Path, fmt: str) -> None:
    """Rows per document and table, with each document's status."""
    try:
        con = connect(db_path, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    columns, rows = document_stats(con)
    if fmt != "table":
        print_rows(columns, rows, fmt)
        return
    print_rows(
        columns[:-1], [row[:-1] for row in rows], fmt, title=f"{db_path}: {len(rows)} documents"
    )
    for row in rows:
        if row[-1]:
            click.echo(f"{row[0]}: {row[-2]}: {row[-1]}")
    if fmt == "table":
        totals = con.execute(
            "SELECT status, count(*), sum(n_pages) FROM documents GROUP BY status ORDER BY status"
        ).fetchall()
        click.echo("  ".join(f"{s}: {n} documents, {p or 0} pages" for s, n, p in totals))


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the full report (per document, with misses and extras) as JSON.",
)
@click.option("--per-document", is_flag=True, help="Also print a table for each document.")
@click.option(
    "--by",
    "group_by",
    type=click.Choice(["authority"]),
    default=None,
    help="Also print F1 per table for each authority.",
)
@click.option(
    "--floor",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON {"micro": {"table": minimum F1}, "macro": {...}}: exit 1 when a score is below.',
)
def eval_command(
    gold_dir: Path,
    db_path: Path,
    json_out: Path | None,
    per_document: bool,
    group_by: str | None,
    floor: Path | None,
) -> None:
    """Score the database against gold annotations: precision, recall, F1, page accuracy."""
    from pipeline.evaluate.scorer import check_floor, evaluate, format_report

    try:
        report = evaluate(gold_dir, db_path)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        format_report(report, per_document=per_document, by_authority=group_by == "authority")
    )
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        click.echo(f"full report: {json_out}")
    if floor:
        problems = check_floor(report, json.loads(floor.read_text()))
        for message in problems:
            click.echo(f"below floor: {message}", err=True)
        if problems:
            sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.argument("table", type=click.Choice(list(TRACEABLE)))
@click.argument("row_id")
@db_option
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the source page as a PNG with the row's box highlighted.",
)
@click.option(
    "--context",
    "lines_around",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Lines of page text shown before and after the source text.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
def trace(
    table: str, row_id: str, db_path: Path, png: Path | None, lines_around: int, as_json: bool
) -> None:
    """Show where a row comes from: file and SHA-256, page, box, meeting, item, source text.

    Exit code 1 when the row is unknown, or when the PDF is missing or has changed since
    ingest (the stored provenance is still printed, the page is not rendered).
    """
    try:
        con = connect(db_path, read_only=True)
        found = trace_row(con, table, row_id, lines_around)
    except (FileNotFoundError, KeyError, duckdb.Error) as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    click.echo(found.model_dump_json(indent=2) if as_json else format_trace(found))
    if not found.file.usable:
        if png:
            click.echo(f"{png} not written: the source PDF is {found.file.status}", err=True)
        sys.exit(EXIT_SOME_FAILED)
    if png and found.page:
        render_highlight(Path(found.file.path), found.page, found.bbox, png)
        what = "the box highlighted" if found.bbox else "no box recorded for this row"
        click.echo(f"page {found.page} written to {png} with {what}", err=as_json)


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv"]),
    default="parquet",
    show_default=True,
    help="File format.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs/export"),
    show_default=True,
    help="Folder for the files (created if missing; files of the same name are replaced).",
)
def export(db_path: Path, fmt: str, out_dir: Path) -> None:
    """Write every table and view to its own Parquet or CSV file, with the same column names."""
    try:
        con = connect(db_path, read_only=True)
        exported = export_database(con, out_dir, fmt)
    except (OSError, duckdb.Error) as exc:
        raise click.ClickException(str(exc)) from exc
    for written in exported:
        click.echo(f"{written.rows:8d} rows  {written.path}")


TABLE_KINDS = {table: kind for kind, table in KIND_TABLES.items()}
SEARCH_TABLES = ["pages", "meetings", "agenda_items", "attendees", "resolutions", "money"]
SEARCH_TABLES += ["contacts", "all"]


@main.command()
@click.argument("terms")
@db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Most hits to show."
)
@click.option(
    "--table",
    "tables",
    type=click.Choice(SEARCH_TABLES),
    multiple=True,
    default=("pages", "resolutions"),
    show_default=True,
    help="What to search (repeat for several): page text, or a table's rows; all: everything.",
)
@format_option
def search(terms: str, db_path: Path, limit: int, tables: tuple[str, ...], fmt: str) -> None:
    """Full-text search of pages and extracted rows (by default pages and resolutions), best
    matches first (BM25).

    Texts holding every word come first (after stemming: "budgets" finds "budget"), then
    texts holding some; a "quoted phrase" must occur as a phrase. The stored index is
    rebuilt first when the database changed since it was built. Without the fts extension,
    falls back to a case-insensitive substring search and says so.
    """
    kinds = () if "all" in tables else tuple(TABLE_KINDS[t] for t in tables)
    try:
        result = search_database(db_path, terms, limit, SearchFilters(kinds=kinds))
    except (FileNotFoundError, duckdb.Error) as exc:
        raise click.ClickException(str(exc)) from exc
    if result.notice:
        click.echo(
            f"full-text index unavailable ({result.notice}); using substring search", err=True
        )
    columns = ["score", "file_name", "page", "page_label", "kind", "ref", "snippet"]
    rows = [
        (round(h.score, 3), h.file_name, h.page, h.page_label, h.kind, h.ref, h.snippet)
        for h in result.hits
    ]
    print_rows(columns, rows, fmt)
    method = "BM25" if result.method == "bm25" else "substring match"
    complete = sum(h.all_terms for h in result.hits)
    some = f"; {len(rows) - complete} with only some words" if complete < len(rows) else ""
    click.echo(
        f"{len(rows)} hits{some} ({method} over {result.searched} texts, {result.seconds:.2f}s)",
        err=True,
    )


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but this machine's loopback lets others read the data.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for rendered page images [default: agendas-serve-cache in the temp folder].",
)
def serve(db_path: Path, host: str, port: int, cache_dir: Path | None) -> None:
    """Browse the database in a web browser: search, meetings, documents, every row on its
    highlighted page; every list also as CSV and JSON. Reads the database read-only, opening
    it per request, so an ingest can run beside it."""
    import uvicorn

    from pipeline.access.search import stored_index_is_fresh
    from pipeline.access.serve import create_app
    from pipeline.access.serve.db import DatabaseBusy, read_only

    try:
        with read_only(db_path) as con:
            documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            fresh = stored_index_is_fresh(con)
    except (FileNotFoundError, DatabaseBusy) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"serving {db_path} ({documents} documents) read-only", err=True)
    if not fresh:
        click.echo(
            "the stored search index is missing or stale: each search builds one in memory "
            "(`agendas search` or the next ingest stores it)",
            err=True,
        )
    if host not in LOCAL_HOSTS:
        click.echo(
            f"warning: listening on {host}: anyone who can reach this address can read the "
            "database and its PDFs",
            err=True,
        )
    # On loopback, answer only requests addressed to this machine by name (DNS rebinding).
    allowed = ["127.0.0.1", "localhost", "[::1]", "::1"] if host in LOCAL_HOSTS else None
    app = create_app(db_path, cache_dir, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="info")


if __name__ == "__main__":
    main()
