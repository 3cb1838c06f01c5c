"""Page frames: turning boxes between the frame a page is laid out in and the page as shown.

Boxes are (x0, top, x1, bottom) with the origin at the top-left, as pdfplumber gives them.
A page is laid out in the frame where its text is upright; a viewer (and a rendered PNG)
shows the page turned by its /Rotate. Both are right-angle turns of the same rectangle.
"""

from __future__ import annotations

import math
from collections import Counter

from pipeline.models import Extraction, Page

Box = tuple[float, float, float, float]


def rotate_box(box: Box, degrees: int, width: float, height: float) -> Box:
    """`box` on a width x height frame, in the frame turned `degrees` clockwise (0/90/180/270)."""
    x0, top, x1, bottom = box
    degrees %= 360
    if degrees == 90:
        return height - bottom, x0, height - top, x1
    if degrees == 180:
        return width - x1, height - bottom, width - x0, height - top
    if degrees == 270:
        return top, width - x1, bottom, width - x0
    return box


def text_angle(a: float, b: float) -> int:
    """Direction of text drawn with matrix (a, b, c, d, ...), to the nearest right angle,
    counter-clockwise: 0, 90, 180 or 270."""
    return round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90


def upright_frame(chars_by_angle: Counter[int], default: int) -> int:
    """The direction that holds most characters: the clockwise turn that makes most of a
    page's text upright, where its lines are laid out (`default` for a page without text)."""
    if not chars_by_angle:
        return default
    return max(chars_by_angle, key=lambda angle: (chars_by_angle[angle], angle == default))


def turned_size(degrees: int, width: float, height: float) -> tuple[float, float]:
    """The size of a width x height frame after turning it `degrees` clockwise."""
    return (height, width) if degrees % 180 == 90 else (width, height)


def provenance_as_shown(extraction: Extraction, pages: list[Page]) -> None:
    """Turn the boxes of rows found on pages laid out in a turned frame into the page as
    shown, where a rendered PNG (and a viewer) puts them."""
    turned = {p.number: p for p in pages if p.rotation % 360}
    if not turned:
        return
    for table in type(extraction).model_fields:
        for record in getattr(extraction, table):
            where = record.provenance
            page = turned.get(where.page)
            if page is None or where.x0 is None:
                continue
            box = (where.x0, where.top, where.x1, where.bottom)
            x0, top, x1, bottom = rotate_box(box, page.rotation, page.width, page.height)
            where.x0, where.top, where.x1, where.bottom = x0, top, x1, bottom
