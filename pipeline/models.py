"""Typed records passed between the stages: read -> segment -> extract -> normalize -> load.

Every stage is a pure function from one of these records to the next, so each stage's output
can be inspected (and tested) on its own.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

DocumentStatus = Literal["ok", "partial", "failed"]
SegmentKind = Literal["front_sheet", "minutes", "report", "appendix", "other"]
MeetingKind = Literal["agenda", "minutes"]
AttendeeStatus = Literal["member", "present", "in_attendance", "apologies", "absent"]


class BBox(BaseModel):
    """A region on a page in pdfplumber coordinates (points, origin top-left)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @classmethod
    def union(cls, boxes: list[BBox]) -> BBox:
        return cls(
            x0=min(b.x0 for b in boxes),
            top=min(b.top for b in boxes),
            x1=max(b.x1 for b in boxes),
            bottom=max(b.bottom for b in boxes),
        )


class Span(BBox):
    """A run of words on one visual line with no wide gap inside it (one table cell or column)."""

    text: str
    word_starts: list[float] = Field(default_factory=list, description="x0 of each word")
    word_bold: list[bool] = Field(
        default_factory=list, description="each word set in bold (font weight or stroke width)"
    )


class Line(BBox):
    """One visual line of a page: its words joined, its gap-separated spans and font facts."""

    text: str
    size: float
    bold: bool
    spans: list[Span]


class Page(BaseModel):
    """One physical page after layout analysis: body lines with margins taken out."""

    number: int = Field(description="1-based physical page number")
    width: float
    height: float
    page_label: str | None = None
    label_number: int | None = None
    agenda_item_stamp: str | None = None
    lines: list[Line] = Field(default_factory=list)
    margin_lines: list[Line] = Field(default_factory=list)
    is_blank: bool = False
    has_text_layer: bool = True
    n_chars: int = 0
    unmapped_chars: int = Field(default=0, description="characters of fonts with no Unicode map")
    reader: str = ""
    text_quality: str = "good"
    problem: str | None = Field(default=None, description="why the text may be incomplete")
    ocr_confidence: float | None = Field(
        default=None, description="mean OCR confidence (0-1) over the characters of an OCRed page"
    )
    body_size: float | None = Field(
        default=None, description="type size holding most of the page's characters, in points"
    )
    line_pitch: float | None = Field(
        default=None,
        description="usual top-to-top distance of consecutive lines in body type, in points",
    )
    rotation: int = Field(
        default=0,
        description="clockwise turn from the frame the lines are in (where the text is upright)"
        " to the page as shown; provenance boxes are turned by it",
    )

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class ReadDocument(BaseModel):
    """Output of the read stage."""

    document_id: str
    path: str
    backend: str
    pages: list[Page]
    warnings: list[str] = Field(default_factory=list, description="why the document is 'partial'")
    notes: list[str] = Field(default_factory=list, description="what was recovered, and how")
    written_on: date | None = Field(
        None, description="when the file says it was last written: the year of a yearless date"
    )


class Segment(BaseModel):
    """A document inside a pack (front sheet, minutes, report, appendix) and its pages."""

    kind: SegmentKind
    first_page: int
    last_page: int
    title: str
    agenda_item: str | None = None


class PageRange(BaseModel):
    first_page: int
    last_page: int


class Segmentation(BaseModel):
    """Output of the segment stage."""

    segments: list[Segment]
    item_papers: dict[str, PageRange] = Field(
        default_factory=dict,
        description="item number -> physical pages of its papers, from 'Agenda Item N' stamps",
    )

    @property
    def front_sheet(self) -> Segment | None:
        return next((s for s in self.segments if s.kind == "front_sheet"), None)

    def segment_of_page(self, page_number: int) -> Segment | None:
        """The segment a physical page belongs to."""
        return next((s for s in self.segments if s.first_page <= page_number <= s.last_page), None)


class Provenance(BaseModel):
    """Where a row came from: enough to find and highlight it on the page."""

    page: int
    page_label: str | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    source_text: str


class MeetingRecord(BaseModel):
    key: str
    kind: MeetingKind
    authority: str | None = None
    body: str | None = None
    date_text: str | None = None
    time_text: str | None = None
    meeting_date: date | None = None
    start_time: time | None = None
    venue: str | None = None
    provenance: Provenance
    extractor: str


class AgendaItemRecord(BaseModel):
    meeting_key: str
    number: str | None = Field(description="as printed without brackets; None when unnumbered")
    title: str
    parent: str | None = Field(default=None, description="number of the item it sits under")
    description: str | None = None
    part: int = 1
    printed_first_page: int | None = None
    printed_last_page: int | None = None
    first_page: int | None = None
    last_page: int | None = None
    provenance: Provenance
    extractor: str


class AttendeeRecord(BaseModel):
    meeting_key: str
    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    status: AttendeeStatus
    note: str | None = None
    provenance: Provenance
    extractor: str


class ResolutionRecord(BaseModel):
    meeting_key: str | None = None
    item_number: str | None = None
    minute_number: str | None = None
    item_title: str | None = None
    text: str
    outcome: str | None = Field(
        default=None, description="resolved, agreed, carried or failed (motions put to a vote)"
    )
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    moved_by: str | None = Field(default=None, description="who moved the motion, as printed")
    seconded_by: str | None = Field(default=None, description="who seconded it, as printed")
    provenance: Provenance
    extractor: str


class MoneyRecord(BaseModel):
    item_number: str | None = None
    amount: Decimal
    currency: str
    raw: str
    context: str | None = None
    implicit: bool = False
    range_end: str | None = Field(
        default=None, description="'low' or 'high' for the two ends of a range such as £5-10m"
    )
    provenance: Provenance
    extractor: str


class ContactRecord(BaseModel):
    item_number: str | None = None
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    phone_e164: str | None = None
    email: str | None = None
    provenance: Provenance
    extractor: str
    extension: str | None = None  # "ext. 200" printed after the phone


class Extraction(BaseModel):
    """Output of the extract (and, normalized, of the normalize) stage."""

    meetings: list[MeetingRecord] = Field(default_factory=list)
    agenda_items: list[AgendaItemRecord] = Field(default_factory=list)
    attendees: list[AttendeeRecord] = Field(default_factory=list)
    resolutions: list[ResolutionRecord] = Field(default_factory=list)
    money: list[MoneyRecord] = Field(default_factory=list)
    contacts: list[ContactRecord] = Field(default_factory=list)


class PageRow(BaseModel):
    """What the loader stores per page."""

    page: int
    page_label: str | None
    agenda_item_stamp: str | None
    text: str
    is_blank: bool
    has_text_layer: bool
    segment_kind: str | None = None
    text_quality: str = "good"
    problem: str | None = None
    reader: str | None = None
    ocr_confidence: float | None = None


class DocumentResult(BaseModel):
    """Everything one worker returns for one input file; only the loader writes it."""

    document_id: str | None
    path: str
    file_name: str
    file_size: int | None = None
    status: DocumentStatus
    error: str | None = None
    notes: str | None = None
    n_pages: int = 0
    backend: str | None = None
    pipeline_version: str
    seconds: float = 0.0
    authority: str | None = Field(
        default=None, description="the authority the user said the file is from (--authority)"
    )
    pages: list[PageRow] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    extraction: Extraction = Field(default_factory=Extraction)
