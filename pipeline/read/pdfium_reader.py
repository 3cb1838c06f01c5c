"""The default reader: PDFium (pypdfium2) words with boxes and font facts, at C speed.

PDFium is the engine of Chrome's PDF viewer; it reads a page's text about 50x faster than
pdfminer and is not slowed by vector graphics it does not need. Words are built with as few
calls into PDFium as possible: the page's whole text in one call, then per word the boxes of
its first and last character and, once per text object, the font. Per-character calls are
made only where a word needs them: a hyphen PDFium marked at a line end, or a seam where it
may have joined two words without a space ("2272F:", "1.1On").

Traps handled here (each has a crafted-PDF test):
- PDFium keeps at most 32,767 bytes of one string in a content stream, so a text object that
  long may have lost its end: such a page is flagged (`TRUNCATED`) and read again by the
  reference reader (pdfplumber), see `pipeline/read/document.py`.
- Text drawn one character per text object, letter-spaced, may come back with a line break
  PDFium inserted between the letters ("R e g ula r"): words are rebuilt from their boxes (a
  generated break between letters on one baseline, less than a fifth of the font size
  apart, is not a break).
- Pages with /Rotate, or text drawn sideways: words are laid out in the frame in which most
  of the page's text is upright, and `RawPage.rotation` says how to turn that frame into the
  page as displayed (where provenance boxes live, as in a rendered PNG).
- A hyphen at a line end: PDFium marks it (U+FFFE) without saying whether it was a soft
  hyphen or a hard one; the word is kept whole on its first line (see `_LINE_END_HYPHEN`).
- Filled-in form fields: their values are not page content; they are read from the widgets
  and placed in their boxes (`pipeline/read/form_fields.py`).
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from pipeline.read.form_fields import FieldValue, field_words
from pipeline.read.frames import Box, rotate_box, text_angle, upright_frame
from pipeline.read.readers import SPARSE_TEXT_CHARS, RawPage, RawWord

WORD_RE = re.compile(r"[^\s\x00\u00a0\uffff]+")
# PDFium joins characters that one text object places apart without a space ("2272F:",
# "1.1On", "ATTENDANCE.....1"); words with such a seam are checked character by character
MAYBE_TWO_WORDS = re.compile(r"\d[^\W\d]|[^\W\d]\d|[a-z][A-Z]|[.:;,)\]][^\W_]|\.\.")
_LINE_END_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen at a line end
MAX_STRING = 16_383  # characters of one text object at which PDFium may have cut it off
GLUED_GAP = 0.2  # a line break PDFium generated over a gap below this many font sizes is none
SPLIT_GAP = 0.25  # inside a word, a gap wider than this many font sizes starts a new word
SAME_LINE = 0.5  # characters whose boxes overlap vertically by half are on one line


def _fast_text_object():
    """FPDFText_GetTextObject returning the object's address as an int: a cache key without a
    pointer object per call (called once per word)."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


_text_object = _fast_text_object()


@dataclass(slots=True)
class _Font:
    name: str
    size: float
    angle: int  # direction of the text in the page's own frame: 0, 90, 180 or 270 (ccw)
    bold: bool
    unmapped: bool  # the font has no usable Unicode map: its "letters" are glyph codes


@dataclass(slots=True)
class _Word:
    """A word in the page's own frame: PDF user space, y up."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    font: _Font
    first: int  # character index of its first and last character
    last: int
    start: int = -1  # text positions of its first and last character
    end: int = -1
    broken: bool = False  # ends with a hyphen PDFium marked at a line end; the next word goes on


class _PdfiumReader:
    def __init__(self, pdf):
        self._pdf = pdf
        self.page_count = len(pdf)

    def read_page(self, number: int) -> RawPage:
        page = self._pdf[number - 1]
        try:
            textpage = page.get_textpage()
            try:
                return _read_page(self._pdf, number, page, textpage)
            finally:
                textpage.close()
        finally:
            page.close()


def _read_page(pdf, number: int, page, textpage) -> RawPage:
    import pypdfium2.raw as pdfium_c

    rotation = pdfium_c.FPDFPage_GetRotation(page) * 90
    left, bottom, right, top = page.get_bbox()
    words, truncated = _page_words(textpage)
    unmapped = sum(len(w.text) for w in words if w.font.unmapped)
    if unmapped > UNREADABLE_SHARE * sum(len(w.text) for w in words):
        _show_glyph_codes(words)
    fields = _form_fields(pdf, page) if pdf.formenv else []
    chars_by_angle: Counter[int] = Counter()
    for word in words:
        chars_by_angle[word.font.angle] += len(word.text)
    frame = upright_frame(chars_by_angle, default=rotation)  # no text: as shown
    own_width, own_height = right - left, top - bottom
    raw_words: list[RawWord] = []
    for word in words:
        # user space (y up) -> the page's own frame (origin top-left) -> the layout frame
        box = (word.left - left, top - word.top, word.right - left, top - word.bottom)
        if frame:
            box = rotate_box(box, frame, own_width, own_height)
        raw_words.append(_raw_word(word, box, upright=word.font.angle == frame))
    for value in fields:
        box = rotate_box(value.box_in(left, top), frame, own_width, own_height)
        raw_words.extend(field_words(value.model_copy(update={"box": box})))
    width, height = (own_height, own_width) if frame in (90, 270) else (own_width, own_height)
    raw = RawPage(
        number=number,
        width=float(width),
        height=float(height),
        words=raw_words,
        n_chars=sum(len(w.text) for w in raw_words),
        reader=PdfiumBackend.name,
        rotation=(rotation - frame) % 360,
        unmapped_chars=unmapped,
    )
    if truncated:
        raw.problem = TRUNCATED
    if raw.n_chars < SPARSE_TEXT_CHARS:  # a scan, perhaps with a page number stamped on it
        raw.n_images, raw.n_objects, raw.image_share = _count_objects(page, own_width * own_height)
    return raw


TRUNCATED = "a text object longer than PDFium reads in full"
UNREADABLE_SHARE = 0.3  # share of characters without a Unicode map that makes a page unreadable


def _show_glyph_codes(words: list[_Word]) -> None:
    """On a page mostly set in fonts without a Unicode map, PDFium gives each glyph code as
    if it were a character, so the page reads as noise in which '$7' or a date may appear by
    chance. Write such words as pdfminer does, '(cid:N)', so no extractor reads facts into
    them and the page is reported unreadable whichever reader read it."""
    for word in words:
        if word.font.unmapped:
            word.text = "".join(f"(cid:{ord(char)})" for char in word.text)


def _raw_word(word: _Word, box: Box, upright: bool) -> RawWord:
    x0, top, x1, bottom = box
    size = word.font.size
    if upright and 0 < size < bottom - top:
        top = bottom - size  # the em box, as pdfplumber gives it, not the font's full bbox
    return RawWord(
        text=word.text,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        fontname=word.font.name,
        size=size,
        bold=word.font.bold,
    )


def _page_words(textpage) -> tuple[list[_Word], bool]:
    """The words of a page in PDFium's text order, and whether some text may be cut off."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], False
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(memoryview(buffer)[: max(written - 1, 0)]).decode("utf-16-le", "replace")
    reader = _WordReader(textpage, aligned=len(text) == count)
    words: list[_Word] = []
    for match in WORD_RE.finditer(text):
        token, start, end = match.group(), match.start(), match.end() - 1
        if end == start or (_LINE_END_HYPHEN not in token and not MAYBE_TWO_WORDS.search(token)):
            words.append(reader.whole(token, start, end))
            continue
        for word in reader.by_character(token, start):
            word.start, word.end = start, end
            words.append(word)
    words = _join_broken_words(_join_glued(words, text, reader))
    return words, reader.longest_object >= MAX_STRING


class _WordReader:
    """Boxes and fonts of words, asked of PDFium as few times as possible."""

    def __init__(self, textpage, aligned: bool):
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._textpage = textpage
        self._raw = textpage.raw
        self._address = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        self._aligned = aligned
        self._rect = pdfium_c.FS_RECTF()
        self._matrix = pdfium_c.FS_MATRIX()
        self._name = ctypes.create_string_buffer(128)
        self._fonts: dict[int, _Font] = {}  # by text object
        self._chars_per_object: dict[int, int] = {}
        self.longest_object = 0

    def char_index(self, text_index: int) -> int:
        if self._aligned:
            return text_index
        return self._c.FPDFText_GetCharIndexFromTextIndex(self._textpage, text_index)

    def box(self, index: int) -> tuple[float, float, float, float]:
        self._c.FPDFText_GetLooseCharBox(self._raw, index, self._rect)
        rect = self._rect
        return rect.left, rect.bottom, rect.right, rect.top

    def generated(self, text_index: int) -> bool:
        """Did PDFium make this character up (a space or line break it inserted)?"""
        return self._c.FPDFText_IsGenerated(self._textpage, self.char_index(text_index)) == 1

    def font(self, index: int) -> _Font:
        """The font of a character's text object, asked of PDFium once per object."""
        handle = _text_object(self._address, index) or 0
        font = self._fonts.get(handle)
        if font is None:
            font = self._fonts[handle] = self._read_font(index)
        return font

    def _read_font(self, index: int) -> _Font:
        c, textpage = self._c, self._textpage
        size = c.FPDFText_GetFontSize(textpage, index)
        c.FPDFText_GetMatrix(textpage, index, self._matrix)
        m = self._matrix
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        angle = text_angle(m.a, m.b)
        c.FPDFText_GetFontInfo(textpage, index, self._name, 128, None)
        name = self._name.value.decode("latin-1", "replace")
        bold = c.FPDFText_GetFontWeight(textpage, index) >= 600
        unmapped = c.FPDFText_HasUnicodeMapError(textpage, index) == 1
        return _Font(name, round(size * scale, 2), angle, bold, unmapped)

    def whole(self, text: str, start: int, end: int) -> _Word:
        """A word drawn in one piece: boxes of its first and last character only."""
        first, last = self.char_index(start), self.char_index(end)
        font = self.font(first)
        self._count(font, len(text))
        left, bottom, right, top = self.box(first)
        if last != first:
            l2, b2, r2, t2 = self.box(last)
            left, bottom = min(left, l2), min(bottom, b2)
            right, top = max(right, r2), max(top, t2)
        return _Word(text, left, bottom, right, top, font, first, last, start, end)

    def _count(self, font: _Font, chars: int) -> None:
        """Characters per text object (fonts are cached per object), for the length trap."""
        key = id(font)
        total = self._chars_per_object.get(key, 0) + chars
        self._chars_per_object[key] = total
        if total > self.longest_object:
            self.longest_object = total

    def by_character(self, text: str, start: int) -> Iterator[_Word]:
        """Split a word at line ends, wide gaps and font changes, one character at a time."""
        pieces: list[list[tuple[str, int, tuple[float, float, float, float], _Font]]] = [[]]
        for offset, char in enumerate(text):
            index = self.char_index(start + offset)
            char_font = self.font(index)
            self._count(char_font, 1)
            box = self.box(index)
            if char == _LINE_END_HYPHEN:
                char = "-"
                pieces[-1].append((char, index, box, char_font))
                pieces.append([])
                continue
            current = pieces[-1]
            if current and _breaks(current[-1][2], box, current[-1][3]):
                pieces.append([])
            pieces[-1].append((char, index, box, char_font))
        for piece in pieces:
            if piece:
                word = _piece_word(piece)
                word.broken = piece[-1][0] == "-" and piece is not pieces[-1]
                yield word


def _breaks(before: tuple, after: tuple, font: _Font) -> bool:
    """Does a new word start between two characters (a wide gap, or a new line)?"""
    l1, b1, r1, t1 = before
    l2, b2, r2, t2 = after
    overlap = min(t1, t2) - max(b1, b2)
    if overlap < SAME_LINE * max(min(t1 - b1, t2 - b2), 0.1):
        return True
    size = font.size or (t1 - b1)
    if font.angle in (0, 180):
        gap = l2 - r1 if font.angle == 0 else l1 - r2
    else:
        gap = abs(b2 - t1) if font.angle == 90 else abs(b1 - t2)
    return gap > SPLIT_GAP * size


def _piece_word(piece: list) -> _Word:
    text = "".join(char for char, *_ in piece)
    boxes = [box for _, _, box, _ in piece]
    return _Word(
        text=text,
        left=min(b[0] for b in boxes),
        bottom=min(b[1] for b in boxes),
        right=max(b[2] for b in boxes),
        top=max(b[3] for b in boxes),
        font=piece[0][3],
        first=piece[0][1],
        last=piece[-1][1],
    )


def _join_broken_words(words: list[_Word]) -> list[_Word]:
    """'Llan-' at a line end + 'fair' -> 'Llanfair' on the first line, when the rest of the
    word starts the next line (nothing printed left of it: in a table the next line may begin
    in another cell, and the hyphen stays). PDFium cannot tell a soft hyphen from a hard one
    there: a rest that starts in lower case is read as a word broken by hyphenation and loses
    the hyphen, as Chrome's viewer copies it; any other keeps it ('Anglo-Saxon')."""
    out: list[_Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        rest = words[index + 1] if word.broken and index + 1 < len(words) else None
        if rest is not None and _starts_its_line(rest, words):
            text = word.text[:-1] + rest.text if rest.text[:1].islower() else word.text + rest.text
            out.append(replace(word, text=text, last=rest.last, end=rest.end, broken=False))
            index += 2
            continue
        out.append(word)
        index += 1
    return out


def _starts_its_line(word: _Word, words: list[_Word]) -> bool:
    height = word.top - word.bottom
    for other in words:
        if other is word or other.right > word.left:
            continue
        overlap = min(other.top, word.top) - max(other.bottom, word.bottom)
        if overlap > SAME_LINE * min(height, other.top - other.bottom):
            return False
    return True


def _join_glued(words: list[_Word], text: str, reader: _WordReader) -> list[_Word]:
    """Undo spaces PDFium generated between letters drawn one text object each."""
    out: list[_Word] = []
    for word in words:
        previous = out[-1] if out else None
        if previous is not None and _glued(previous, word, text, reader):
            out[-1] = _Word(
                previous.text + word.text,
                previous.left,
                min(previous.bottom, word.bottom),
                word.right,
                max(previous.top, word.top),
                previous.font,
                previous.first,
                word.last,
                previous.start,
                word.end,
            )
        else:
            out.append(word)
    return out


def _glued(before: _Word, after: _Word, text: str, reader: _WordReader) -> bool:
    """Two pieces of one word that PDFium split with a break it made up: same font, one
    baseline, almost touching, and between them a generated line break, or a generated space
    next to a single letter (a generated space between longer pieces is a real, narrow word
    space: '2272 F:')."""
    separator = text[before.end + 1 : after.start]
    if before.font.angle != 0 or after.font.angle != 0:
        return False
    if separator != "\r\n" and not (
        separator == " " and min(len(before.text), len(after.text)) == 1
    ):
        return False
    if abs(before.font.size - after.font.size) > 0.1:
        return False
    size = max(before.font.size, after.font.size, 1.0)
    gap = after.left - before.right
    height = min(before.top - before.bottom, after.top - after.bottom)
    overlap = min(before.top, after.top) - max(before.bottom, after.bottom)
    if not (overlap > SAME_LINE * height and -0.05 * size <= gap < GLUED_GAP * size):
        return False
    return all(reader.generated(position) for position in range(before.end + 1, after.start))


def _form_fields(pdf, page) -> list[FieldValue]:
    """Values typed into the page's text and choice fields, with their boxes (user space)."""
    import pypdfium2.raw as pdfium_c

    form = pdf.formenv
    values: list[FieldValue] = []
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, index)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            kind = pdfium_c.FPDFAnnot_GetFormFieldType(form, annot)
            if kind not in (pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX):
                continue
            flags = pdfium_c.FPDFAnnot_GetFlags(annot)
            if flags & (pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW):
                continue
            value = _utf16(partial(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot))
            if not value.strip():
                continue
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            size = ctypes.c_float(0.0)
            pdfium_c.FPDFAnnot_GetFontSize(form, annot, size)
            values.append(
                FieldValue(
                    value=value,
                    user_box=(rect.left, rect.bottom, rect.right, rect.top),
                    font_size=float(size.value),
                )
            )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return values


def _utf16(call) -> str:
    """A string PDFium writes as UTF-16 with a terminating NUL, asked for its length first."""
    needed = call(None, 0)
    if needed <= 2:
        return ""
    buffer = (ctypes.c_ushort * (needed // 2))()
    call(buffer, needed)
    return bytes(memoryview(buffer)).decode("utf-16-le", "replace").rstrip("\x00")


def _count_objects(page, area: float) -> tuple[int, int, float]:
    """Images, objects of all kinds, and the share of the page the images cover, on a page
    with little or no text (scanned, blank or broken)."""
    import pypdfium2.raw as pdfium_c

    total = pdfium_c.FPDFPage_CountObjects(page)
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    covered = 0.0
    for image in images:
        left, bottom, right, top = image.get_bounds()
        covered += max(right - left, 0.0) * max(top - bottom, 0.0)
    return len(images), total, min(covered / area, 1.0) if area > 0 else 0.0


class PdfiumBackend:
    """PDFium through pypdfium2. JavaScript and form actions are never run (this build of
    PDFium has no JavaScript engine); form fields are read as data only."""

    name = "pypdfium2"

    @contextmanager
    def open(self, path: Path) -> Iterator[_PdfiumReader]:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            pdf.init_forms()
            yield _PdfiumReader(pdf)
        finally:
            pdf.close()
