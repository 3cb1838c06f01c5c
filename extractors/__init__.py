"""Extractors: one module (or package) per kind of fact, registered in the order they run.

Owns: the extractors that turn a segmented document into records: `meetings` (agenda,
minutes and report headers), `agenda_items`, `attendees`, `resolutions`, `money` and
`contacts` (contact blocks and contacts given in prose). Shared parsing helpers and the
page structure layer live in `extractors.common`.

May import: `extractors.common`, `pipeline.models` and `pipeline.errors`; never the pipeline's
stages, store, run or access packages.
"""

# Registration order is run order: later extractors read what earlier ones found (agenda
# items need the agenda meeting; prose contacts skip numbers already in a contact block).
from extractors import agenda_items, attendees, money, resolutions  # noqa: F401
from extractors.common.base import REGISTRY, ExtractionContext, Extractor
from extractors.contacts import blocks, prose  # noqa: F401
from extractors.meetings import addressed, agenda, minutes  # noqa: F401

RUN_ORDER = (
    "agenda_meeting",
    "minutes_meeting",
    "addressed_meeting",
    "agenda_items",
    "attendees",
    "contacts",
    "money",
    "prose_contacts",
    "resolutions",
)


def registered_extractors() -> list[Extractor]:
    """One instance of every extractor, in run order."""
    by_kind = {name.split(".v")[0]: cls for name, cls in REGISTRY.items()}
    if set(by_kind) != set(RUN_ORDER):
        raise RuntimeError(
            f"extractors without a place in RUN_ORDER: {set(by_kind) ^ set(RUN_ORDER)}"
        )
    return [by_kind[kind]() for kind in RUN_ORDER]


__all__ = ["REGISTRY", "RUN_ORDER", "ExtractionContext", "Extractor", "registered_extractors"]
