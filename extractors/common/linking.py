"""Which agenda item a fact belongs to, from where it sits in the pack.

After the front sheet, a page belongs to the item whose papers hold it ("Agenda Item N" stamps,
else the physical pages found from the printed "(Pages 9 - 72)" range). On the front sheet a
fact belongs to the item whose row it is printed in: from that item's line to the next item's.
"""

from __future__ import annotations

from extractors.common.base import ExtractionContext


class ItemLinker:
    def __init__(self, ctx: ExtractionContext):
        front = ctx.segmentation.front_sheet
        self.front_pages = range(front.first_page, front.last_page + 1) if front else range(0)
        self.papers = [
            (number, pages.first_page, pages.last_page)
            for number, pages in ctx.segmentation.item_papers.items()
        ]
        self.printed = [
            (item.number, item.first_page, item.last_page)
            for item in ctx.found.agenda_items
            if item.first_page is not None and item.last_page is not None
        ]
        self.rows = sorted(
            ((item.provenance.page, item.provenance.top or 0.0), item.number)
            for item in ctx.found.agenda_items
            if item.provenance.page in self.front_pages
        )

    def on_front_sheet(self, page: int) -> bool:
        return page in self.front_pages

    def papers_item(self, page: int, top: float) -> str | None:
        """The item whose papers hold this point; None on the front sheet, whose contact is
        the agenda's own, not an item's."""
        return None if self.on_front_sheet(page) else self.item_for(page, top)

    def item_for(self, page: int, top: float) -> str | None:
        """The item number whose papers (or front-sheet row) hold this point, else None."""
        if self.on_front_sheet(page):
            number = None
            for position, item_number in self.rows:
                if position <= (page, top + 0.5):
                    number = item_number
            return number
        for number, first, last in [*self.papers, *self.printed]:
            if first <= page <= last:
                return number
        return None
