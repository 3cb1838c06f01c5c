"""Stage 1, read: a PDF -> pages of lines and words with boxes, in reading order.

Owns the two PDF readers (PDFium by default, pdfplumber for comparison), page frames and
form-field values, the layout of words into lines and two-column reading order, the test of
whether a text layer is real text, and OCR (engines, the page cache) for pages without one.

May import: `pipeline.models`, `pipeline.errors` and `extractors.common`; never another stage,
the store, run or access.
"""

from pipeline.read.document import read_document

__all__ = ["read_document"]
