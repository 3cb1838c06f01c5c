"""One interface and one registry for every extractor.

Each extractor has a versioned name (e.g. "agenda_items.v1") that is stored on every row it
produces, so results say which rules made them. Extractors run in the order
`extractors.RUN_ORDER` gives and see what earlier ones found (agenda items need the agenda
meeting, for instance).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pipeline.models import Extraction, Line, Page, ReadDocument, Segment, Segmentation


@dataclass
class ExtractionContext:
    doc: ReadDocument
    segmentation: Segmentation
    found: Extraction
    cache: dict[Any, Any] = field(default_factory=dict)  # parses shared between extractors

    def page(self, number: int) -> Page:
        return self.doc.pages[number - 1]

    def pages_of(self, segment: Segment) -> list[Page]:
        return self.doc.pages[segment.first_page - 1 : segment.last_page]

    def segments(self, *kinds: str) -> list[Segment]:
        return [s for s in self.segmentation.segments if not kinds or s.kind in kinds]

    def lines_of(self, segment: Segment) -> Iterator[tuple[Page, Line]]:
        for page in self.pages_of(segment):
            for line in page.lines:
                yield page, line


class Extractor(ABC):
    name: ClassVar[str]

    @abstractmethod
    def extract(self, ctx: ExtractionContext) -> None:
        """Append records to ctx.found."""


REGISTRY: dict[str, type[Extractor]] = {}


def register(cls: type[Extractor]) -> type[Extractor]:
    if cls.name in REGISTRY:
        raise ValueError(f"extractor {cls.name!r} registered twice")
    REGISTRY[cls.name] = cls
    return cls
