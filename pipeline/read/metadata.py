"""When the PDF file says it was written: the only hint of the year of a date printed without
one ("Date/Time: June 6, 530pm"). Taken from the document information dictionary (ModDate,
else CreationDate); a file whose dictionary is missing or damaged has no such date.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

PDF_DATE_RE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
KEYS = ("ModDate", "CreationDate")  # last written first: a template's creation can be years old


def pdf_date(value: str | None) -> date | None:
    """A PDF date string ("D:20230601165512Z00'00'") as a date, or None."""
    match = PDF_DATE_RE.match((value or "").strip())
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def written_on(path: Path) -> date | None:
    """The date the file was last written, by its own metadata."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001  (unreadable files are reported by the page readers)
        return None
    try:
        metadata = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001
        return None
    finally:
        pdf.close()
    return next((d for key in KEYS if (d := pdf_date(metadata.get(key)))), None)
