"""OCR inside the read stage: pages without usable text become words with boxes.

A page is OCRed when it has no text layer (a scan) or its text layer is unreadable (fonts
without a Unicode map, letter-substitution codes), or always when the user asks. The page is
rendered as shown (size-capped), turned upright when its text is sideways or upside down,
read by an engine (`pipeline/read/ocr_engines.py`), and the words come back as a `RawPage` in PDF
points, so layout, segmenting, extraction, provenance boxes and highlights work unchanged.
Reading order is the project's own layout code's, not the engine's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median

import numpy as np

from pipeline.read.frames import turned_size
from pipeline.read.ocr_cache import cache_file, load_page, store_page
from pipeline.read.ocr_engines import DEFAULT_OCR_ENGINE, OcrEngine, OcrWord, get_engine
from pipeline.read.quality import EMPTY, GOOD
from pipeline.read.readers import SPARSE_TEXT_CHARS, RawPage, RawWord

OCR_MODES = ("auto", "always", "never")
OCR_READER_PREFIX = "ocr:"

DPI = 200  # measured: more costs time and reads tables worse; less loses small print
MAX_SIDE_PX = 4000  # a 14,400 pt page (the PDF maximum) still renders in about 50 MB
MAX_PIXELS = 16_000_000
# a line box is taller than the type size: ascenders, descenders and the engine's padding
TYPE_SIZE_PER_LINE_HEIGHT = 0.75
MIN_SKEW_DEGREES = 0.4  # below this, lines already group into rows
MAX_SKEW_DEGREES = 10.0

# a page with fewer than SPARSE_TEXT_CHARS characters, this share of it covered by images, is
# a scan with a stamp on it
SCAN_IMAGE_SHARE = 0.5
# orientation: a page read with this confidence, in mostly wide word boxes, is upright
UPRIGHT_CONFIDENCE = 0.8
MIN_WORDS_TO_ORIENT = 5
# type weight: strokes this much thicker than the page's regular text (a low quantile of the
# words' stroke widths, so a page of mostly bold text still has a regular weight) are bold;
# measured on the bundled scans, regular strokes are ~0.09 of the line height, bold ~0.17
REGULAR_WEIGHT_QUANTILE = 0.25
BOLD_STROKE_RATIO = 1.4
# page confidence (mean over characters) below which the document is 'partial': set from the
# bundled scans, where clean pages read at 0.93-0.99 and faint or handwritten ones below 0.8
LOW_CONFIDENCE = 0.8


@dataclass(frozen=True)
class OcrSettings:
    """When pages are OCRed (`auto`: only pages that need it), by which engine, and where
    OCRed pages are kept for the next parse (`pipeline/read/ocr_cache.py`; None: nowhere)."""

    mode: str = "auto"
    engine: str = DEFAULT_OCR_ENGINE
    dpi: int = DPI
    cache: Path | None = None

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ValueError(f"unknown OCR mode {self.mode!r}; choose from {', '.join(OCR_MODES)}")


def needs_ocr(has_text_layer: bool, quality: str, mode: str, stamped_scan: bool = False) -> bool:
    """Is the page's text to be read from its image? (`quality`: see `pipeline/read/quality.py`)"""
    if mode == "never":
        return False
    if mode == "always" or not has_text_layer or stamped_scan:
        return True
    return quality not in (GOOD, EMPTY)


def is_stamped_scan(raw: RawPage) -> bool:
    """A scanned page that a publisher stamped with a little text (a page number, "Agenda
    Item 5"): an image covers most of it and its text layer holds only a few words."""
    return 0 < raw.n_chars < SPARSE_TEXT_CHARS and raw.image_share >= SCAN_IMAGE_SHARE


def with_text_layer(read: RawPage, original: RawPage) -> RawPage:
    """The OCRed page with the words of the page's own text layer (exact, with their fonts)
    in place of the OCR words they cover; when OCR turned the page, the frames differ and
    the OCR words alone are kept (the stamp is read by OCR too)."""
    if read.rotation != original.rotation or abs(read.width - original.width) > 1:
        return read
    kept = [w for w in read.words if not any(_overlap(w, t) for t in original.words)]
    read.words = sorted(kept + list(original.words), key=lambda w: (w.top, w.x0))
    return read


def _overlap(a: RawWord, b: RawWord) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


def is_ocr_reader(reader: str | None) -> bool:
    return bool(reader) and reader.startswith(OCR_READER_PREFIX)


def ocr_page(
    path: Path, original: RawPage, settings: OcrSettings, document_id: str | None = None
) -> RawPage:
    """The page read from its rendered image, in the frame where its text is upright; kept
    in the settings' cache under the document's SHA-256, and read from there when it is."""
    if settings.cache is None or not document_id:
        return _read_image(path, original, settings)
    stored = cache_file(settings.cache, document_id, original.number, settings.engine, settings.dpi)
    page = load_page(stored)
    if page is None:
        page = _read_image(path, original, settings)
        store_page(stored, page)
    return page


def _read_image(path: Path, original: RawPage, settings: OcrSettings) -> RawPage:
    import pypdfium2 as pdfium

    engine = get_engine(settings.engine)
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[original.number - 1]
        try:
            scale = render_scale(*page.get_size(), settings.dpi)
            image = page.render(scale=scale).to_numpy()
        finally:
            page.close()
    finally:
        document.close()
    image = np.ascontiguousarray(image[:, :, :3])  # BGR, as PDFium renders and OpenCV reads
    # the bitmap is the page as shown; its size gives the shown frame exactly
    shown_width, shown_height = image.shape[1] / scale, image.shape[0] / scale
    turn, words = read_upright(image, engine)
    mark_bold(words, np.rot90(image, k=-turn // 90))
    words = deskewed(words, image.shape[1], image.shape[0], turn)
    width, height = turned_size(turn, shown_width, shown_height)
    return RawPage(
        number=original.number,
        width=width,
        height=height,
        words=[_raw_word(word, scale) for word in words],
        n_chars=original.n_chars,
        n_images=original.n_images,
        reader=OCR_READER_PREFIX + engine.name,
        rotation=(-turn) % 360,
        n_objects=original.n_objects,
        ocr_confidence=page_confidence(words),
    )


def render_scale(width: float, height: float, dpi: int) -> float:
    """Pixels per point: `dpi`, unless the page is so large that the image would be huge."""
    scale = dpi / 72
    scale = min(scale, MAX_SIDE_PX / max(width, height, 1.0))
    return min(scale, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))


def read_upright(image: np.ndarray, engine: OcrEngine) -> tuple[int, list[OcrWord]]:
    """(clockwise turn that makes the text upright, the words read in that frame). A page
    that reads confidently in wide word boxes is taken as it is; otherwise the other three
    turns are read too and the one that reads the most text confidently across the page wins
    (an engine also reads lines running down the page, turning them itself, so words in tall
    boxes do not count)."""
    words = engine.read(image)
    if len(words) < MIN_WORDS_TO_ORIENT or looks_upright(words):
        return 0, words
    best = (text_read_across(words), 0, words)
    for turn in (90, 270, 180):
        turned_words = engine.read(np.ascontiguousarray(np.rot90(image, k=-turn // 90)))
        score = text_read_across(turned_words)
        best = max(best, (score, turn, turned_words), key=lambda c: c[0])
    return best[1], best[2]


def looks_upright(words: list[OcrWord]) -> bool:
    long_words = [w for w in words if len(w.text) >= 4]
    wide = sum(1 for w in long_words if w.x1 - w.x0 > w.bottom - w.top)
    return page_confidence(words) >= UPRIGHT_CONFIDENCE and wide * 2 >= len(long_words)


def text_read(words: list[OcrWord]) -> float:
    """Characters read, weighted by confidence."""
    return sum(w.confidence * len(w.text) for w in words)


def text_read_across(words: list[OcrWord]) -> float:
    """Characters read in words that run across the page (wider than tall), by confidence."""
    return text_read([w for w in words if w.x1 - w.x0 >= w.bottom - w.top or len(w.text) < 3])


def page_confidence(words: list[OcrWord]) -> float | None:
    """Mean word confidence over the page's characters (None: no words)."""
    chars = sum(len(w.text) for w in words)
    return round(text_read(words) / chars, 4) if chars else None


def mark_bold(words: list[OcrWord], image: np.ndarray) -> None:
    """Mark words set in a heavier weight than the page's body text. An engine reads letters,
    not weights; the stroke width does: dark pixels over dark runs along each pixel row is the
    mean stroke thickness, which bold type roughly doubles. Taken relative to the line height
    (a larger type has thicker strokes in any weight) and to the page's own regular text."""
    import cv2

    gray = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGR2GRAY)
    _, ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    weights: list[float | None] = []
    for word in words:
        crop = ink[int(word.top) : int(word.bottom) + 1, int(word.x0) : int(word.x1) + 1]
        runs = int(np.count_nonzero(crop[:, 1:] > crop[:, :-1])) if crop.size else 0
        alphabetic = sum(c.isalpha() for c in word.text) >= 2
        if runs and alphabetic and word.line_height > 0:
            weights.append(int(crop.sum()) / runs / word.line_height)
        else:
            weights.append(None)
    measured = sorted(w for w in weights if w is not None)
    if len(measured) < MIN_WORDS_TO_ORIENT:
        return
    regular = measured[int(len(measured) * REGULAR_WEIGHT_QUANTILE)]
    for word, weight in zip(words, weights, strict=True):
        word.bold = weight is not None and weight >= BOLD_STROKE_RATIO * regular


def deskewed(words: list[OcrWord], width: int, height: int, turn: int) -> list[OcrWord]:
    """Words of a scan fed in a few degrees askew, moved onto level lines (rotated about the
    image centre) so that layout groups them into rows; each word keeps its size."""
    if turn % 180 == 90:
        width, height = height, width
    angle = skew_angle(words)
    if angle is None or abs(angle) < MIN_SKEW_DEGREES:
        return words
    cos, sin = math.cos(math.radians(-angle)), math.sin(math.radians(-angle))
    cx, cy = width / 2, height / 2
    level = []
    for w in words:
        x, y = (w.x0 + w.x1) / 2 - cx, (w.top + w.bottom) / 2 - cy
        nx, ny = cx + x * cos - y * sin, cy + x * sin + y * cos
        half_w, half_h = (w.x1 - w.x0) / 2, (w.bottom - w.top) / 2
        level.append(
            replace(w, x0=nx - half_w, top=ny - half_h, x1=nx + half_w, bottom=ny + half_h)
        )
    return level


def skew_angle(words: list[OcrWord]) -> float | None:
    """The page's skew in degrees (positive: lines fall to the right), from the slope of
    word centres along each text line of three or more words; None when no line tells."""
    by_line: dict[int, list[OcrWord]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    slopes = []
    for line in by_line.values():
        if len(line) < 3:
            continue
        xs = np.array([(w.x0 + w.x1) / 2 for w in line])
        ys = np.array([(w.top + w.bottom) / 2 for w in line])
        if xs.max() - xs.min() < 5 * median(w.line_height for w in line):
            continue
        slopes.append(float(np.polyfit(xs, ys, 1)[0]))
    if not slopes:
        return None
    angle = math.degrees(math.atan(median(slopes)))
    return angle if abs(angle) <= MAX_SKEW_DEGREES else None


def _raw_word(word: OcrWord, scale: float) -> RawWord:
    return RawWord(
        text=word.text,
        x0=word.x0 / scale,
        top=word.top / scale,
        x1=word.x1 / scale,
        bottom=word.bottom / scale,
        fontname="ocr",
        size=round(word.line_height / scale * TYPE_SIZE_PER_LINE_HEIGHT, 1),
        bold=word.bold,
    )
