"""Plain-language reasons for why a file could not be read."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be ingested, with a reason a user can act on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


_REASONS_BY_TYPE = {
    "PDFPasswordIncorrect": "encrypted: password required",
    "PDFEncryptionError": "encrypted: unsupported encryption",
    "PDFSyntaxError": "corrupt PDF: syntax error",
    "PSEOF": "corrupt PDF: unexpected end of file (truncated?)",
    "PSSyntaxError": "corrupt PDF: syntax error",
    "PDFNoValidXRef": "corrupt PDF: no valid cross-reference table",
    "RecursionError": "corrupt PDF: object structure too deeply nested",
    "MemoryError": "out of memory while reading the PDF",
}


def describe_exception(exc: BaseException) -> str:
    """Map a library exception to a reason; never return an empty message."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in chain:
        if isinstance(item, DocumentError):
            return item.reason
        for cls in type(item).__mro__:
            if cls.__name__ in _REASONS_BY_TYPE:
                return _REASONS_BY_TYPE[cls.__name__]
    for item in chain:
        for arg in getattr(item, "args", ()):
            if isinstance(arg, BaseException):
                nested = describe_exception(arg)
                if not nested.startswith("unexpected error"):
                    return nested
    message = str(exc).strip()
    name = type(exc).__name__
    return f"unexpected error: {name}: {message}" if message else f"unexpected error: {name}"
