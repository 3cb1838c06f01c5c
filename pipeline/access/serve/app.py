"""The viewer's routes: a Starlette app over a read-only database.

Routes (every list also answers at the same path + `.csv` or `.json`):
  /                                  search form (and results, as /search)
  /search?q=&authority=&body=&from=&to=&table=
  /meetings, /meetings/{meeting_id}
  /documents, /documents/{sha256}, /documents/{sha256}/file (the PDF, if still the same bytes)
  /documents/{sha256}/pages/{n}[?box=x0,top,x1,bottom]   page view; with a box, a permalink
  /documents/{sha256}/pages/{n}.png[?box=...]             the page image, box highlighted
  /tables/{table}?column=value&authority=...             a fact table's rows
  /tables/{table}/{row_id}                               one row on its highlighted page
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import duckdb
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.access.search import KIND_TABLES, SearchFilters, query_terms, search_database
from pipeline.access.serve import queries
from pipeline.access.serve.db import DatabaseBusy, is_lock_error, read_only
from pipeline.access.serve.formats import Format, json_response, rows_response, split_format
from pipeline.access.serve.params import check_sha, meeting_filters, parse_box, parse_int
from pipeline.access.serve.render import PageRenderer
from pipeline.access.serve.templating import make_templates, with_query
from pipeline.access.trace import TRACEABLE, trace_row, verify_source
from pipeline.store.schema import FACT_TABLES

PAGE_SIZE = 100
SEARCH_SIZE = 30
TABLE_KINDS = {table: kind for kind, table in KIND_TABLES.items()}

# Columns shown in the HTML table of each fact table (CSV and JSON have every column).
SHOWN: dict[str, list[str]] = {
    "meetings": ["meeting_id", "meeting_date", "kind", "authority", "body", "venue", "page"],
    "agenda_items": ["item_id", "number", "title", "part", "meeting_date", "body", "page"],
    "attendees": ["attendee_id", "name", "honorific", "role", "status", "meeting_date", "body"],
    "resolutions": [
        "resolution_id",
        "minute_number",
        "text",
        "outcome",
        "votes_for",
        "votes_against",
        "meeting_date",
        "body",
    ],
    "money": ["money_id", "raw", "amount", "currency", "context", "meeting_date", "page"],
    "contacts": ["contact_id", "name", "role", "phone", "email", "file_name", "page"],
}


# --- the app ------------------------------------------------------------------------------


def create_app(
    db_path: Path, cache_dir: Path | None = None, allowed_hosts: list[str] | None = None
) -> Starlette:
    """The viewer over `db_path`; page images are cached under `cache_dir`.

    `allowed_hosts` limits the Host header the app answers (a page on another site that
    re-points its own name at 127.0.0.1 must not read the data through the visitor's browser).
    """
    db_path = Path(db_path)
    templates = make_templates()
    renderer = PageRenderer(cache_dir or Path(tempfile.gettempdir()) / "agendas-serve-cache")

    def page(request: Request, template: str, status_code: int = 200, **context: Any):
        context.setdefault("title", "")
        return templates.TemplateResponse(
            request,
            template,
            {"db_path": str(db_path), "with_query": with_query, **context},
            status_code=status_code,
        )

    def search_view(request: Request, fmt: Format) -> Response:
        q = request.query_params
        text = (q.get("q") or "").strip()
        table = q.get("table") or ""
        if table and table not in TABLE_KINDS:
            raise HTTPException(400, f"unknown table {table!r}")
        meeting = meeting_filters(request)
        with read_only(db_path) as con:
            facets = queries.facet_values(con)
        result = None
        if text:
            filters = SearchFilters(
                authority=meeting.authority,
                body=meeting.body,
                date_from=meeting.date_from,
                date_to=meeting.date_to,
                kinds=(TABLE_KINDS[table],) if table else (),
            )
            limit = parse_int(q.get("_size"), SEARCH_SIZE if fmt == "html" else 1000, high=10_000)
            try:
                result = search_database(db_path, text, limit, filters, build=False)
            except duckdb.Error as exc:
                if is_lock_error(exc):
                    raise DatabaseBusy(str(exc)) from exc
                raise
        if fmt != "html":
            hits = result.hits if result else []
            columns = [
                "score",
                "all_terms",
                "table",
                "row_id",
                "document_id",
                "file_name",
                "page",
                "page_label",
                "meeting_id",
                "snippet",
            ]
            rows = [
                (
                    round(h.score, 4),
                    h.all_terms,
                    h.table,
                    h.ref,
                    h.document_id,
                    h.file_name,
                    h.page,
                    h.page_label,
                    h.meeting_id,
                    h.snippet,
                )
                for h in hits
            ]
            return rows_response(fmt, columns, rows, "search")
        return page(
            request,
            "search.html",
            title=f"Search: {text}" if text else "Search",
            q=text,
            table=table,
            meeting=meeting,
            facets=facets,
            result=result,
            words=query_terms(text) if result else [],
            kinds=TABLE_KINDS,
        )

    def home(request: Request) -> Response:
        return search_view(request, "html")

    def search_route(fmt: Format):
        def endpoint(request: Request) -> Response:
            return search_view(request, fmt)

        return endpoint

    def meetings_route(fmt: Format):
        def endpoint(request: Request) -> Response:
            meeting = meeting_filters(request)
            size = parse_int(request.query_params.get("_size"), PAGE_SIZE)
            number = parse_int(request.query_params.get("_page"), 1)
            with read_only(db_path) as con:
                if fmt != "html":
                    listing = queries.meeting_listing(con, meeting, None)
                    return rows_response(fmt, listing.columns, listing.rows, "meetings")
                listing = queries.meeting_listing(con, meeting, size, (number - 1) * size)
                facets = queries.facet_values(con)
            return page(
                request,
                "meetings.html",
                title="Meetings",
                listing=listing,
                meeting=meeting,
                facets=facets,
                page_number=number,
                size=size,
            )

        return endpoint

    def meeting_page(request: Request) -> Response:
        meeting_id, fmt = split_format(request.path_params["meeting_id"])
        with read_only(db_path) as con:
            detail = queries.meeting_detail(con, meeting_id)
        if detail is None:
            raise HTTPException(404, f"no meeting {meeting_id!r}")
        if fmt == "json":
            return json_response(detail)
        if fmt == "csv":
            raise HTTPException(404, "a meeting is one record: ask for .json")
        m = detail["meeting"]
        title = " ".join(str(v) for v in (m["body"] or m["authority"], m["meeting_date"]) if v)
        return page(request, "meeting.html", title=title or meeting_id, **detail)

    def documents_route(fmt: Format):
        def endpoint(request: Request) -> Response:
            status = request.query_params.get("status") or None
            with read_only(db_path) as con:
                listing = queries.document_listing(con, status)
            if fmt != "html":
                return rows_response(fmt, listing.columns, listing.rows, "documents")
            counts: dict[str, int] = {}
            for row in listing.dicts():
                counts[row["status"]] = counts.get(row["status"], 0) + 1
            return page(
                request,
                "documents.html",
                title="Documents",
                listing=listing,
                status=status,
                counts=counts,
            )

        return endpoint

    def document_page(request: Request) -> Response:
        sha, fmt = split_format(request.path_params["sha"])
        with read_only(db_path) as con:
            found = queries.document(con, sha)
            if found is None:
                raise HTTPException(404, f"no document {sha!r}")
            pages = queries.document_pages(con, sha)
            meetings = queries.table_listing(
                con, "meetings", {"document_id": sha}, queries.MeetingFilters(), None
            )
        if fmt == "json":
            return json_response({"document": found, "pages": pages.dicts()})
        if fmt == "csv":
            return rows_response(fmt, pages.columns, pages.rows, f"{sha[:16]}-pages")
        return page(
            request,
            "document.html",
            title=found["file_name"],
            document=found,
            pages=pages,
            meetings=meetings,
        )

    def _recorded_file(sha: str) -> Path:
        """The PDF with these bytes, from the paths the database records for them, or 404."""
        with read_only(db_path) as con:
            if queries.document(con, check_sha(sha)) is None:
                raise HTTPException(404, f"no document {sha!r}")
            source = verify_source(con, sha)
        if not source.usable:
            raise HTTPException(404, source.describe())
        return Path(source.path)

    def document_file(request: Request) -> Response:
        sha = request.path_params["sha"]
        path = _recorded_file(sha)
        return FileResponse(
            path,
            media_type="application/pdf",
            headers={"content-disposition": f'inline; filename="{sha[:16]}.pdf"'},
        )

    def page_view(request: Request) -> Response:
        sha = check_sha(request.path_params["sha"])
        raw = request.path_params["page"]
        number_text, is_png = (raw[:-4], True) if raw.endswith(".png") else (raw, False)
        if not number_text.isdigit():
            raise HTTPException(404, f"no page {raw!r}")
        number = int(number_text)
        box = parse_box(request.query_params.get("box"))
        with read_only(db_path) as con:
            found = queries.document(con, sha)
            if found is None:
                raise HTTPException(404, f"no document {sha!r}")
            if not 1 <= number <= (found["n_pages"] or 0):
                raise HTTPException(404, f"{found['file_name']} has no page {number}")
            if is_png:
                source = verify_source(con, sha)
            else:
                page_row = queries.page(con, sha, number)
                on_page = queries.rows_on_page(con, sha, number)
        if is_png:
            if not source.usable:
                raise HTTPException(404, source.describe())
            image = renderer.render(Path(source.path), sha, number, box)
            return FileResponse(image, media_type="image/png")
        at_box = queries.rows_at_box(on_page, box) if box else []
        return page(
            request,
            "page.html",
            title=f"{found['file_name']} page {number}",
            document=found,
            number=number,
            page_row=page_row or {},
            box=box,
            rows=on_page,
            at_box=at_box,
        )

    def tables_route(request: Request) -> Response:
        table, fmt = split_format(request.path_params["table"])
        if table not in FACT_TABLES:
            raise HTTPException(404, f"no table {table!r} (one of {', '.join(FACT_TABLES)})")
        reserved = {"authority", "body", "from", "to", "_size", "_page"}
        equals = {k: v for k, v in request.query_params.items() if k not in reserved}
        meeting = meeting_filters(request)
        size = parse_int(request.query_params.get("_size"), PAGE_SIZE)
        number = parse_int(request.query_params.get("_page"), 1)
        with read_only(db_path) as con:
            try:
                if fmt != "html":
                    listing = queries.table_listing(con, table, equals, meeting, None)
                    return rows_response(fmt, listing.columns, listing.rows, table)
                listing = queries.table_listing(
                    con, table, equals, meeting, size, (number - 1) * size
                )
            except KeyError as exc:
                raise HTTPException(400, f"{table} has no column {exc.args[0]}") from exc
            facets = queries.facet_values(con)
        return page(
            request,
            "table.html",
            title=table,
            table=table,
            listing=listing,
            shown=[c for c in SHOWN[table] if c in listing.columns],
            id_column=TRACEABLE[table],
            equals=equals,
            meeting=meeting,
            facets=facets,
            page_number=number,
            size=size,
        )

    def table_list(request: Request) -> Response:
        return tables_route(request)

    def row_page(request: Request) -> Response:
        table = request.path_params["table"]
        row_id, fmt = split_format(request.path_params["row_id"])
        if table not in TRACEABLE:
            raise HTTPException(404, f"no table {table!r}")
        with read_only(db_path) as con:
            try:
                trace = trace_row(con, table, row_id)
            except KeyError as exc:
                raise HTTPException(404, str(exc.args[0])) from exc
            found = queries.document(con, trace.document_id)
        if fmt == "json":
            return json_response(trace.model_dump())
        if fmt == "csv":
            return rows_response("csv", list(trace.row), [tuple(trace.row.values())], row_id)
        return page(
            request,
            "row.html",
            title=f"{table} {row_id}",
            table=table,
            trace=trace,
            document=found,
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        detail = getattr(exc, "detail", "not found")
        return page(
            request, "error.html", status, title="Not found", heading=status, message=detail
        )

    async def busy(request: Request, exc: Exception) -> Response:
        response = page(
            request,
            "busy.html",
            503,
            title="Database busy",
            message=str(exc).splitlines()[0] if str(exc) else "",
        )
        response.headers["retry-after"] = "10"
        return response

    async def missing_database(request: Request, exc: Exception) -> Response:
        return page(
            request,
            "error.html",
            503,
            title="No database",
            heading="No database yet",
            message=str(exc),
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        if is_lock_error(exc):
            return await busy(request, exc)
        return page(
            request,
            "error.html",
            500,
            title="Error",
            heading="Something went wrong",
            message=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
        )

    routes = [
        Route("/", home),
        Route("/search", search_route("html")),
        Route("/search.csv", search_route("csv")),
        Route("/search.json", search_route("json")),
        Route("/meetings", meetings_route("html")),
        Route("/meetings.csv", meetings_route("csv")),
        Route("/meetings.json", meetings_route("json")),
        Route("/meetings/{meeting_id}", meeting_page),
        Route("/documents", documents_route("html")),
        Route("/documents.csv", documents_route("csv")),
        Route("/documents.json", documents_route("json")),
        Route("/documents/{sha}", document_page),
        Route("/documents/{sha}/file", document_file),
        Route("/documents/{sha}/pages/{page}", page_view),
        Route("/tables", lambda request: RedirectResponse("/tables/resolutions")),
        Route("/tables/{table}", table_list),
        Route("/tables/{table}/{row_id}", row_page),
        Mount(
            "/static", StaticFiles(packages=[("pipeline.access.serve", "static")]), name="static"
        ),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)]
        if allowed_hosts
        else [],
        exception_handlers={
            HTTPException: not_found,
            DatabaseBusy: busy,
            FileNotFoundError: missing_database,
            Exception: server_error,
        },
    )
    app.state.renderer = renderer
    return app
