"""A meeting date printed without its year takes the year from when the file was written.

The Chicago District Council 001 notice is a fillable form: "Date/Time: June 6, 530pm", no
year anywhere in the header. Its metadata says it was last written on 1 June 2023 (ModDate
D:20230601165512), so the meeting is 6 June 2023 (the gold, and item 3 approves the minutes
of "May 9, 2023").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractors.common.dates import find_yearless_date
from pipeline.read.metadata import pdf_date, written_on
from tests.conftest import CORPUS, extract_corpus

CHICAGO = "chicago-police-district-council-001-2023-06-06-agenda"


def test_metadata_gives_when_the_file_was_last_written():
    assert written_on(CORPUS / "real" / f"{CHICAGO}.pdf") == date(2023, 6, 1)
    # Sunnyvale's CreationDate is empty; its ModDate is D:20160407151906-07'00'
    assert written_on(CORPUS / "real" / "sunnyvale-city-council-2016-04-12-agenda.pdf") == date(
        2016, 4, 7
    )


def test_damaged_or_missing_metadata_gives_no_date(tmp_path: Path):
    assert pdf_date("") is None and pdf_date("D:20231345") is None
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_bytes(b"not a pdf")
    assert written_on(not_pdf) is None


def test_yearless_date_takes_the_nearest_year():
    assert find_yearless_date("June 6, 530pm", date(2023, 6, 1)) == ("June 6", date(2023, 6, 6))
    # minutes written in January for a December meeting
    assert find_yearless_date("Monday 14th December", date(2021, 1, 20)) == (
        "Monday 14th December",
        date(2020, 12, 14),
    )
    assert find_yearless_date("June 6, 2023", date(2023, 6, 1)) is None  # has its year
    assert find_yearless_date("31 February", date(2023, 6, 1)) is None


def test_form_date_field_without_a_year():
    meetings = extract_corpus(CHICAGO).meetings
    assert [(m.kind, m.meeting_date) for m in meetings] == [("agenda", date(2023, 6, 6))]
