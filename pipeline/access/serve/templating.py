"""How the viewer links and shows things: URL builders, word marking, the Jinja environment.

Templates come from the package (PackageLoader), so an installed wheel has them too. Jinja
escapes every value; `highlight` escapes the text before it marks words in it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from pipeline.models import BBox
from pipeline.store.schema import FACT_TABLES


def box_param(box: BBox | dict[str, Any] | None) -> str | None:
    if box is None:
        return None
    values = box.model_dump() if isinstance(box, BBox) else box
    if any(values.get(k) is None for k in ("x0", "top", "x1", "bottom")):
        return None
    return ",".join(f"{float(values[k]):g}" for k in ("x0", "top", "x1", "bottom"))


def page_url(document_id: str, page: int, box: Any = None, suffix: str = "") -> str:
    url = f"/documents/{document_id}/pages/{int(page)}{suffix}"
    param = box_param(box)
    return f"{url}?{urlencode({'box': param}, safe=',')}" if param else url


def row_url(table: str, row_id: str, suffix: str = "") -> str:
    return f"/tables/{table}/{quote(row_id, safe=':')}{suffix}"


def with_query(request: Request, path: str | None = None, **changes: Any) -> str:
    """This request's URL (or `path`) with some query parameters changed or dropped."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    base = path if path is not None else request.url.path
    return base + ("?" + urlencode(params) if params else "")


def highlight(text: str | None, words: list[str]) -> Markup:
    """Escape `text` and mark the query's words in it (prefix match, so stems are marked)."""
    safe = str(escape(text or ""))
    if not words:
        return Markup(safe)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w[: max(4, len(w) - 2)]) for w in words) + r")\w*",
        re.IGNORECASE,
    )
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", safe))


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.access.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(page_url=page_url, row_url=row_url, box_param=box_param, tables=FACT_TABLES)
    env.filters["highlight"] = highlight
    env.filters["blank"] = lambda v: "" if v is None else v
    return Jinja2Templates(env=env)
