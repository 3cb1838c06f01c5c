"""Reading a request's parameters: dates, numbers, boxes, document hashes, meeting filters.

Anything malformed is an HTTP 400 (or 404 for a document that cannot exist), never an error
deeper down.
"""

from __future__ import annotations

import math
import re
from datetime import date

from starlette.exceptions import HTTPException
from starlette.requests import Request

from pipeline.access.serve.queries import MeetingFilters
from pipeline.models import BBox

SHA256 = re.compile(r"[0-9a-f]{64}")


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(400, f"not a date (YYYY-MM-DD): {value!r}") from exc


def parse_int(value: str | None, default: int, low: int = 1, high: int = 100_000) -> int:
    if not value:
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise HTTPException(400, f"not a whole number: {value!r}") from exc
    return max(low, min(high, number))


def meeting_filters(request: Request) -> MeetingFilters:
    q = request.query_params
    return MeetingFilters(
        authority=q.get("authority") or None,
        body=q.get("body") or None,
        date_from=parse_date(q.get("from")),
        date_to=parse_date(q.get("to")),
    )


def parse_box(value: str | None) -> BBox | None:
    """'x0,top,x1,bottom' in PDF points, or None; anything else is a 400."""
    if not value:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise HTTPException(400, "box must be x0,top,x1,bottom in points") from exc
    if not all(map(math.isfinite, (x0, top, x1, bottom))) or x0 >= x1 or top >= bottom:
        raise HTTPException(400, "box must be x0,top,x1,bottom with x0 < x1 and top < bottom")
    return BBox(x0=x0, top=top, x1=x1, bottom=bottom)


def check_sha(value: str) -> str:
    if not SHA256.fullmatch(value):
        raise HTTPException(404, f"no document {value!r}")
    return value
