"""Values typed into PDF form fields, read as words on their page.

A council's agenda template may carry the meeting's date and venue in form fields. Their
values live in the field dictionaries (/V), not in the page's content, so a text extractor
that reads only content loses them while every viewer shows them. Each reader collects the
values of visible text and choice fields with their widget rectangles; this module places
the words inside the rectangle, line by line, as a viewer draws them, so layout, extractors
and provenance treat them like any other text.
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.read.readers import RawWord

FIELD_FONT = "FormField"
AVERAGE_ADVANCE = 0.5  # a character's width in font sizes, for placing words in the box
PADDING = 2.0  # points between the widget border and its text
LEADING = 1.15  # line distance of multi-line fields, in font sizes
MAX_AUTO_SIZE = 12.0  # font size of fields set to auto size (0 in /DA)


class FieldValue(BaseModel):
    """One field's value and its widget rectangle."""

    value: str
    user_box: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, bottom, right, top
    box: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom on the page
    font_size: float = 0.0

    def box_in(self, left: float, top: float) -> tuple[float, float, float, float]:
        """The rectangle in top-left page coordinates, for a page box with this corner."""
        x0, y0, x1, y1 = self.user_box
        return (x0 - left, top - y1, x1 - left, top - y0)


def field_words(field: FieldValue) -> list[RawWord]:
    """The value's words, laid out inside the field's box from its top-left corner."""
    x0, top, x1, bottom = field.box or field.box_in(0, 0)
    lines = [line.split() for line in field.value.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return []
    size = field.font_size or min(MAX_AUTO_SIZE, max((bottom - top) - 2 * PADDING, 4.0))
    # single-line fields centre their text vertically; multi-line ones start at the top
    centred = top + max(((bottom - top) - size) / 2, 0.0)
    line_top = centred if len(lines) == 1 else top + PADDING
    words: list[RawWord] = []
    for line in lines:
        x = x0 + PADDING
        for token in line:
            width = len(token) * AVERAGE_ADVANCE * size
            words.append(
                RawWord(
                    text=token,
                    x0=x,
                    top=line_top,
                    x1=min(x + width, max(x1, x + 1)),
                    bottom=line_top + size,
                    fontname=FIELD_FONT,
                    size=size,
                )
            )
            x += width + AVERAGE_ADVANCE * size
        line_top += LEADING * size
    return words
