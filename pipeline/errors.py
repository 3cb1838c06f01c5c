"""Plain-language reasons for why a file could not be read.

Library exceptions are mapped by type (and, for PDFium, by its error text) to a reason a
user can act on; an exception with an empty message is never the whole reason.
"""

from __future__ import annotations

import errno
import traceback


class DocumentError(Exception):
    """A file that cannot be ingested, with a reason a user can act on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_REASONS_BY_TYPE = {
    "PDFPasswordIncorrect": "encrypted: password required",
    "PDFEncryptionError": "encrypted: unsupported encryption",
    "PDFEncryptionWarning": "encrypted: unsupported encryption",
    "PDFSyntaxError": "corrupt PDF: syntax error",
    "PSEOF": "corrupt PDF: unexpected end of file (truncated?)",
    "PSSyntaxError": "corrupt PDF: syntax error",
    "PSTypeError": "corrupt PDF: an object has the wrong type",
    "PDFTypeError": "corrupt PDF: an object has the wrong type",
    "PDFNoValidXRef": "corrupt PDF: no valid cross-reference table",
    "PDFNoPageTree": "corrupt PDF: no page tree",
    "PDFNotImplementedError": "unsupported PDF feature",
    "RecursionError": "corrupt PDF: object structure too deeply nested or looping",
    "MemoryError": "out of memory while reading the PDF",
    "FileNotFoundError": "file not found",
    "IsADirectoryError": "is a directory, not a file",
    "PermissionError": "permission denied",
}

# PDFium reports load errors as text: "Failed to load document (PDFium: Data format error)."
_PDFIUM_REASONS = {
    "password": "encrypted: password required",
    "security": "encrypted: unsupported security handler",
    "data format": "corrupt PDF: not readable as a PDF (damaged or truncated)",
    "file access": "cannot open the file",
    "page": "corrupt PDF: damaged page tree",
    "success": "no pages (empty or damaged page tree)",
}

_PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes and contexts, and exceptions carried in its args."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        item = todo.pop(0)
        if item in seen:
            continue
        seen.append(item)
        todo.extend(e for e in (item.__cause__, item.__context__) if e is not None)
        todo.extend(a for a in getattr(item, "args", ()) if isinstance(a, BaseException))
    return seen


def _by_type(item: BaseException) -> str | None:
    if isinstance(item, DocumentError):
        return item.reason
    for cls in type(item).__mro__:
        if cls.__name__ in _REASONS_BY_TYPE:
            return _REASONS_BY_TYPE[cls.__name__]
    if type(item).__name__ == "PdfiumError":
        detail = str(item).lower().partition("pdfium:")[2]
        for key, reason in _PDFIUM_REASONS.items():
            if key in detail:
                return reason
    if isinstance(item, OSError) and item.errno is not None:
        return f"cannot read the file: {item.strerror or errno.errorcode.get(item.errno, '')}"
    return None


def _raised_in_pdf_library(exc: BaseException) -> bool:
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    return any(part in frame.filename for frame in frames for part in _PDF_LIBRARIES)


def describe_exception(exc: BaseException) -> str:
    """Map a library exception to a reason; never return an empty message."""
    chain = _chain(exc)
    for item in chain:
        reason = _by_type(item)
        if reason:
            return reason
    name = type(exc).__name__
    message = str(exc).strip()
    detail = f"{name}: {message}" if message else name
    if _raised_in_pdf_library(exc):
        return f"corrupt PDF: the reader could not make sense of it ({detail})"
    return f"unexpected error: {detail}"
