"""Stage 1, read: PDF -> pages of lines with labels, stamps and margins separated.

No silent loss: the first reader (PDFium by default) reads every page; the other reader
(pdfplumber) reads again a document the first cannot open or finds no pages in, and every
page where the first may have missed text: it failed, it found nothing at all to draw (its
content may be damaged), or a text object was longer than PDFium keeps. Pages that hold
images or drawings but no text are scans or graphics: reading them again would find nothing
and cost seconds. Whatever is still missing or unreadable is said in `warnings`, which make
the document 'partial'; recoveries are said in `notes`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection, Iterator
from contextlib import ExitStack
from pathlib import Path

from extractors.common.spacing import measure
from pipeline.errors import DocumentError, describe_exception
from pipeline.models import Page, ReadDocument
from pipeline.read.layout import layout_page, separate_running_margins
from pipeline.read.metadata import written_on
from pipeline.read.ocr import (
    LOW_CONFIDENCE,
    OCR_READER_PREFIX,
    OcrSettings,
    is_ocr_reader,
    is_stamped_scan,
    needs_ocr,
    ocr_page,
    with_text_layer,
)
from pipeline.read.ocr_engines import OcrUnavailable
from pipeline.read.pdfium_reader import TRUNCATED
from pipeline.read.quality import BAD_SHARE, CID_CODES, EMPTY, GOOD, PROBLEMS, text_quality
from pipeline.read.readers import (
    DEFAULT_READER,
    READERS,
    PdfBackend,
    PdfReader,
    RawPage,
    check_pdf_header,
    get_backend,
)

NO_PAGES = "no pages (empty or damaged page tree)"
NOT_OCRED_TIME = "not OCRed (the document's time limit was near; raise --timeout)"
# reasons that say less than the other reader's (PDFium says "data format error" for most)
_VAGUE_REASONS = ("unexpected", "corrupt PDF: the reader", "corrupt PDF: not readable as a PDF")


def read_document(
    path: Path,
    document_id: str,
    backend: PdfBackend | None = None,
    second: PdfBackend | None = None,
    ocr: OcrSettings | None = None,
    deadline: float | None = None,
    ocr_pages: Collection[int] | None = None,
) -> ReadDocument:
    """Read every page; pages are laid out and released one at a time. Pages without usable
    text are OCRed (see `pipeline/read/ocr.py`) until `deadline` (a `time.monotonic()` value);
    `ocr_pages` limits OCR to those page numbers (one page looked at, not a whole pack)."""
    primary = backend or get_backend(DEFAULT_READER)
    if second is None:
        second = get_backend(next(name for name in READERS if name != primary.name))
    ocr = ocr or OcrSettings()
    check_pdf_header(path)
    notes: list[str] = []
    pages = []
    for raw in _raw_pages(path, primary, second, notes):
        page = layout_page(raw)
        wanted = ocr_pages is None or raw.number in ocr_pages
        stamped = is_stamped_scan(raw)
        if wanted and needs_ocr(page.has_text_layer, _quality(page), ocr.mode, stamped):
            page = _ocr_or_report(path, document_id, raw, page, ocr, deadline, stamped)
        pages.append(page)
    separate_running_margins(pages)
    for page in pages:
        _assess_text(page)
        measured = measure(page.lines)
        page.body_size, page.line_pitch = measured.size, measured.pitch
    summary = ocr_summary(pages)
    if summary:
        notes.append(summary)
    readers = sorted({p.reader for p in pages}, key=lambda name: name != primary.name)
    return ReadDocument(
        document_id=document_id,
        path=str(path),
        backend="+".join(readers) or primary.name,
        pages=pages,
        warnings=document_warnings(pages),
        notes=notes,
        written_on=written_on(path),
    )


def _ocr_or_report(
    path: Path,
    document_id: str,
    raw: RawPage,
    page: Page,
    settings: OcrSettings,
    deadline: float | None,
    stamped: bool = False,
) -> Page:
    """The page as OCR reads it (keeping a stamped scan's own text words); or the page as it
    was, saying why it was not OCRed."""
    if deadline is not None and time.monotonic() > deadline:
        page.problem = page.problem or NOT_OCRED_TIME
        return page
    try:
        read_raw = ocr_page(path, raw, settings, document_id)
        read = layout_page(with_text_layer(read_raw, raw) if stamped else read_raw)
    except OcrUnavailable as exc:
        page.problem = f"not OCRed ({exc})"
        return page
    except Exception as exc:  # noqa: BLE001  (MemoryError included: the page stays unread)
        page.problem = f"not OCRed ({describe_exception(exc)})"
        return page
    if page.has_text_layer and not read.lines:
        return page  # nothing visible to read: the unreadable text layer is what there is
    return read


def _raw_pages(
    path: Path, primary: PdfBackend, second: PdfBackend | None, notes: list[str]
) -> Iterator[RawPage]:
    with ExitStack() as stack:
        try:
            reader = stack.enter_context(primary.open(path))
            failure = None
        except Exception as exc:  # noqa: BLE001  (the second reader gets its chance)
            reader, failure = None, exc
        if reader is None or reader.page_count == 0:
            why = describe_exception(failure) if failure else "no pages"
            yield from _whole_document(path, second, why, failure, notes)
            return
        cross = _LazyReader(path, second, stack)
        for number in range(1, reader.page_count + 1):
            page = _page_with_cross_check(reader, cross, number, notes)
            if page is not None:
                yield page


def _whole_document(
    path: Path,
    second: PdfBackend | None,
    why: str,
    failure: Exception | None,
    notes: list[str],
) -> Iterator[RawPage]:
    """The first reader failed or saw no pages: read all through the second, or fail."""
    if second is None:
        raise _failure(failure, None, why)
    try:
        with second.open(path) as reader:
            if reader.page_count == 0:
                raise DocumentError(NO_PAGES)
            notes.append(f"read with {second.name}: the first reader failed ({why})")
            for number in range(1, reader.page_count + 1):
                yield _read_or_report(reader, number)
    except Exception as exc:  # noqa: BLE001
        raise _failure(failure, exc, why) from exc


def _failure(first: Exception | None, second: Exception | None, why: str) -> DocumentError:
    """The most useful reason when no reader could read the file: the first reader's, unless
    the second names the cause (a password)."""
    reasons = [describe_exception(e) for e in (first, second) if e is not None]
    for reason in reasons:
        if reason.startswith("encrypted"):
            return DocumentError(reason)
    if first is None:
        return DocumentError(NO_PAGES)
    specific = [r for r in reasons if not r.startswith(_VAGUE_REASONS)]
    return DocumentError((specific or reasons)[0])


class _LazyReader:
    """The second reader, opened only when a page needs a cross-check."""

    def __init__(self, path: Path, backend: PdfBackend | None, stack: ExitStack):
        self._path, self._backend, self._stack = path, backend, stack
        self._reader: PdfReader | None = None
        self._tried = False
        self.name = backend.name if backend else ""

    def has_no_page(self, number: int) -> bool:
        """The other reader opened the file and its page tree ends before `number`."""
        self._open()
        return self._reader is not None and number > self._reader.page_count

    def read_page(self, number: int) -> RawPage | None:
        self._open()
        if self._reader is None or number > self._reader.page_count:
            return None
        try:
            return self._reader.read_page(number)
        except Exception:  # noqa: BLE001
            return None

    def _open(self) -> None:
        if not self._tried:
            self._tried = True
            if self._backend is not None:
                try:
                    self._reader = self._stack.enter_context(self._backend.open(self._path))
                except Exception:  # noqa: BLE001  (no cross-check possible; the first reader stands)
                    self._reader = None


def _page_with_cross_check(
    reader: PdfReader, cross: _LazyReader, number: int, notes: list[str]
) -> RawPage | None:
    """The page as the first reader reads it, checked by the other where it may miss text;
    None for a page that only a looping page tree lists (neither reader can load it)."""
    try:
        raw: RawPage | None = reader.read_page(number)
        failure = None
    except Exception as exc:  # noqa: BLE001  (MemoryError and RecursionError included)
        raw, failure = None, exc
        if cross.has_no_page(number):
            notes.append(f"page {number}: counted in the page tree but not there (skipped)")
            return None
    if raw is not None and not _worth_a_second_reading(raw):
        return raw
    other = cross.read_page(number)
    if other is not None and other.n_chars > 0:
        if raw is not None and raw.problem == TRUNCATED:
            notes.append(f"page {number}: read with {cross.name} ({TRUNCATED})")
        elif isinstance(failure, MemoryError):
            other.problem = (
                f"too large for the first reader; read with {cross.name}, "
                "which keeps at most 32,767 characters of one text run"
            )
        else:
            why = describe_exception(failure) if failure else "it found no text"
            notes.append(f"page {number}: read with {cross.name} ({why})")
        return other
    if raw is not None:
        if raw.problem == TRUNCATED:
            raw.problem = f"text may be incomplete ({TRUNCATED})"
        elif other is not None and other.problem and not raw.problem:
            raw.problem = other.problem  # the reference reader names what is wrong
        return raw
    if other is not None:
        return other
    return _unread_page(number, failure)


def _worth_a_second_reading(raw: RawPage) -> bool:
    """Could the other reader find text this one missed on the page?"""
    if raw.problem == TRUNCATED:
        return True
    if raw.n_chars > 0:
        return False
    return raw.n_objects <= 0  # nothing drawn at all (or not counted): the content may be bad


def _read_or_report(reader: PdfReader, number: int) -> RawPage:
    try:
        return reader.read_page(number)
    except Exception as exc:  # noqa: BLE001
        return _unread_page(number, exc)


def _unread_page(number: int, failure: BaseException | None) -> RawPage:
    """An empty page that says why no reader could read it."""
    return RawPage(
        number=number,
        width=0.0,
        height=0.0,
        problem=f"page could not be read ({describe_exception(failure)})",
    )


def _quality(page: Page) -> str:
    if page.unmapped_chars > BAD_SHARE * max(page.n_chars, 1):
        return CID_CODES  # PDFium shows glyph codes where pdfminer says (cid:N)
    return text_quality(page.text)


def _assess_text(page: Page) -> None:
    page.text_quality = _quality(page)
    if page.text_quality not in (GOOD, EMPTY) and page.problem is None:
        page.problem = f"unreadable text ({PROBLEMS[page.text_quality]})"


def page_list(numbers: list[int]) -> str:
    """[2, 3, 4, 7] -> 'pages 2-4, 7'."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return ("page " if len(numbers) == 1 else "pages ") + text


def document_warnings(pages: list[Page]) -> list[str]:
    """Why a document is 'partial', one plain sentence per kind of problem."""
    warnings = []
    total = len(pages)
    scanned = [p.number for p in pages if not p.has_text_layer and not is_ocr_reader(p.reader)]
    if scanned:
        warnings.append(
            f"{len(scanned)} of {total} pages have no text layer (scanned images; not OCRed)"
        )
    doubtful = [
        p.number
        for p in pages
        if p.ocr_confidence is not None and p.ocr_confidence < LOW_CONFIDENCE
    ]
    if doubtful:
        warnings.append(
            f"{page_list(doubtful)} of {total}: OCR confidence below {LOW_CONFIDENCE:.2f} "
            "(text may be misread)"
        )
    by_problem: dict[str, list[int]] = defaultdict(list)
    for page in pages:
        if page.problem:
            by_problem[page.problem].append(page.number)
    for problem, numbers in by_problem.items():
        warnings.append(f"{page_list(numbers)} of {total}: {problem}")
    if total and not scanned and not by_problem and all(not p.text.strip() for p in pages):
        warnings.append(f"no text on any of its {total} pages")
    return warnings


def ocr_summary(pages: list[Page]) -> str | None:
    """'pages 1-6 of 6 read by OCR (rapidocr), mean confidence 0.97' or None."""
    read = [p for p in pages if is_ocr_reader(p.reader)]
    if not read:
        return None
    engines = sorted({p.reader.removeprefix(OCR_READER_PREFIX) for p in read})
    confidences = [p.ocr_confidence for p in read if p.ocr_confidence is not None]
    mean = f", mean confidence {sum(confidences) / len(confidences):.2f}" if confidences else ""
    return (
        f"{page_list([p.number for p in read])} of {len(pages)} read by OCR "
        f"({', '.join(engines)}){mean}"
    )
