"""Stage 2, segment: pages -> front sheet, documents (minutes, report, appendix) and item papers.

A pack's front sheet runs until the first page that carries an "Agenda Item N" stamp or a
printed "Page N" label (the clerk numbers the papers, not the front sheet). After it, a new
document starts on a stamped page, on the first page after a blank page, or where a page
opens with a document heading (minutes, report, appendix).
"""

from __future__ import annotations

import re

from extractors.common.text import AGENDA_HEADING_RE
from extractors.meetings.minutes import OPENED_RE, page_minutes_header
from pipeline.models import Page, PageRange, ReadDocument, Segment, Segmentation, SegmentKind

HEAD_LINES = 8  # how many body lines at the top of a page can carry a document heading

MINUTES_RE = re.compile(
    r"^\s*(minutes\b|minutes of|.*\bminutes of (a|the)\b.*meeting"
    r"|(?!.*\b(approv|confirm|adopt|previous)\w*)[a-z ,&'-]{0,60}\bmeeting minutes\s*$)",
    re.I,
)
# A numbered line is an agenda item ("4. Approval of the Minutes of the Regular Meeting"), not
# the heading of a document, whatever it mentions.
NUMBERED_ITEM_RE = re.compile(r"^\s*(\d{1,3}|[a-z])[.)]?\s+\S", re.I)

ATTENDANCE_RE = re.compile(r"^\s*(present|members present|attendees|in attendance)\b\s*:?", re.I)
REPORT_RE = re.compile(
    r"^\s*(report to\b|report of\b|report title\b|date of meeting\b|subject\s*/\s*title\b"
    r"|report author\b|(\w+\s+){0,4}report\s*$|subject\s*:|classification\s*:"
    r"|purpose of (the )?report\b|executive summary\b)",
    re.I,
)
APPENDIX_RE = re.compile(r"^\s*(appendix|annex|schedule)\s*[\w.-]{0,6}\b", re.I)
ITEM_WITH_PAGES_RE = re.compile(r"\(pages?\s+\d+", re.I)
PRINTED_PAGE_LABEL_RE = re.compile(r"^page\s+\d+", re.I)
LATER_PAGE_RE = re.compile(r"\bpage\s+(?:[2-9]|[1-9]\d+)\s*$", re.I)  # "... – Page 2"


def head_text(page: Page, n: int = HEAD_LINES) -> list[str]:
    return [line.text for line in page.lines[:n]]


def classify(page: Page) -> SegmentKind:
    head = head_text(page)
    if any(_is_minutes_heading(text) for text in head):
        return "minutes"
    if any(OPENED_RE.search(text) for text in head):
        return "minutes"  # the meeting's opening told: "was called to order at 7 PM"
    if any(ATTENDANCE_RE.match(text) for text in head[:4]):
        return "minutes"  # minutes that open with who was present, under a one-line title
    if page_minutes_header(page) is not None:
        return "minutes"  # a minutes title over the date, under a letterhead of many lines
    if any(APPENDIX_RE.match(text) for text in head[:3]):
        return "appendix"
    if any(REPORT_RE.match(text) for text in head):
        return "report"
    return "other"


def _is_minutes_heading(text: str) -> bool:
    return bool(MINUTES_RE.match(text)) and not NUMBERED_ITEM_RE.match(text)


def looks_like_front_sheet(page: Page) -> bool:
    """An agenda front sheet: says 'Agenda' near the top or lists items with page ranges."""
    if classify(page) == "minutes":
        return False
    head = [line.text for line in page.lines[:15]]
    if any(AGENDA_HEADING_RE.match(text) for text in head):
        return True
    if any(line.text.strip().lower() == "agenda" for line in page.lines):
        return True
    return sum(bool(ITEM_WITH_PAGES_RE.search(line.text)) for line in page.lines) >= 2


def _is_papers_page(page: Page) -> bool:
    return page.agenda_item_stamp is not None or bool(
        page.page_label and PRINTED_PAGE_LABEL_RE.match(page.page_label)
    )


def front_sheet_end(pages: list[Page]) -> int:
    """Last physical page of the front sheet (0 when the document has none)."""
    if not pages or not looks_like_front_sheet(pages[0]):
        return 0
    for page in pages[1:]:
        if _is_papers_page(page) or _opens_document(page, ("minutes", "appendix")):
            return page.number - 1
    return pages[-1].number


def _title(page: Page) -> str:
    return " | ".join(text for text in head_text(page, 3))[:200]


def _starts_document(page: Page, previous: Page | None) -> bool:
    if previous is None:
        return True
    if page.is_blank:
        return False
    if page.agenda_item_stamp is not None and page.agenda_item_stamp != previous.agenda_item_stamp:
        return True
    if previous.is_blank:
        return True
    return _opens_document(page)


def _opens_document(page: Page, kinds: tuple[str, ...] = ("minutes", "report", "appendix")) -> bool:
    return classify(page) in kinds and _heading_at_top(page)


def _heading_at_top(page: Page) -> bool:
    """A document heading opens the page (not a mention of 'report' halfway down). A heading
    numbering its page past the first ("Minutes – February 18, 2025 – Page 2") is the running
    head of a document that goes on, not the start of another."""
    first = [t for t in head_text(page, 3) if not LATER_PAGE_RE.search(t)]
    return any(_is_minutes_heading(t) or REPORT_RE.match(t) or APPENDIX_RE.match(t) for t in first)


def item_papers(pages: list[Page]) -> dict[str, PageRange]:
    """Each stamped item's papers run from its stamp to the page before the next item's stamp."""
    starts: list[tuple[str, int]] = []
    for page in pages:
        stamp = page.agenda_item_stamp
        if stamp is not None and (not starts or starts[-1][0] != stamp):
            starts.append((stamp, page.number))
    papers: dict[str, PageRange] = {}
    for index, (number, first) in enumerate(starts):
        last = starts[index + 1][1] - 1 if index + 1 < len(starts) else pages[-1].number
        if number in papers:  # the same item stamped again later: widen its range
            papers[number] = PageRange(first_page=papers[number].first_page, last_page=last)
        else:
            papers[number] = PageRange(first_page=first, last_page=last)
    return papers


def segment_document(doc: ReadDocument) -> Segmentation:
    pages = doc.pages
    segments: list[Segment] = []
    front_end = front_sheet_end(pages)
    if front_end:
        segments.append(
            Segment(kind="front_sheet", first_page=1, last_page=front_end, title=_title(pages[0]))
        )
    current_item: str | None = None
    previous: Page | None = None
    for page in pages[front_end:]:
        if page.agenda_item_stamp is not None:
            current_item = page.agenda_item_stamp
        if _starts_document(page, previous):
            segments.append(
                Segment(
                    kind=classify(page),
                    first_page=page.number,
                    last_page=page.number,
                    title=_title(page),
                    agenda_item=current_item,
                )
            )
        else:
            segments[-1].last_page = page.number
        previous = page
    return Segmentation(segments=segments, item_papers=item_papers(pages))
