"""Lists as HTML, CSV or JSON: Datasette's convention of `.csv` / `.json` on the same URL."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal

from starlette.responses import Response

Format = Literal["html", "csv", "json"]
SUFFIXES: dict[str, Format] = {".csv": "csv", ".json": "json"}


def split_format(name: str) -> tuple[str, Format]:
    """'resolutions.csv' -> ('resolutions', 'csv'); a name without a known suffix is HTML."""
    for suffix, fmt in SUFFIXES.items():
        if name.endswith(suffix):
            return name[: -len(suffix)], fmt
    return name, "html"


def jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def json_response(data: Any, status_code: int = 200) -> Response:
    body = json.dumps(jsonable(data), ensure_ascii=False, indent=2)
    return Response(body, status_code=status_code, media_type="application/json")


def csv_response(columns: list[str], rows: list[tuple], filename: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([["" if v is None else jsonable(v) for v in row] for row in rows])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'inline; filename="{filename}.csv"'},
    )


def rows_response(fmt: Format, columns: list[str], rows: list[tuple], filename: str) -> Response:
    """A list as CSV (header row, empty field for NULL) or JSON (an array of objects)."""
    if fmt == "csv":
        return csv_response(columns, rows, filename)
    return json_response([dict(zip(columns, row, strict=True)) for row in rows])
