"""Render a PDF page as an image with one region highlighted (pdfplumber's visual debugging)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from pipeline.models import BBox

DEFAULT_RESOLUTION = 150  # pixels per inch; PDF coordinates are points (1/72 inch)
HIGHLIGHT_FILL = (255, 230, 0, 90)  # translucent yellow over the region
HIGHLIGHT_STROKE = (220, 0, 0, 255)  # opaque red frame, drawn just outside the region
STROKE_WIDTH = 3  # pixels
PADDING = 2.0  # points between the region and its frame, so the frame does not hide text


def render_highlight(
    pdf_path: Path,
    page_number: int,
    bbox: BBox | None,
    out: Path,
    resolution: int = DEFAULT_RESOLUTION,
) -> Path:
    """Write page `page_number` (1-based) of the PDF as a PNG with `bbox` highlighted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_number - 1]
        image = page.to_image(resolution=resolution)
        if bbox is not None:
            image.draw_rect(
                (
                    bbox.x0 - PADDING,
                    bbox.top - PADDING,
                    bbox.x1 + PADDING,
                    bbox.bottom + PADDING,
                ),
                fill=HIGHLIGHT_FILL,
                stroke=HIGHLIGHT_STROKE,
                stroke_width=STROKE_WIDTH,
            )
        # No palette quantizing: it would shift the highlight's colours.
        image.save(out, format="PNG", quantize=False)
    return out
