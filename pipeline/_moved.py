"""Old module names of the flat layout (version 0.4 and earlier), kept importable.

Scripts written against earlier versions import e.g. `pipeline.load` or `extractors.text`;
those names now live in the stage packages. An import of an old name returns the module under
its new name (the same module object, so patching it patches the real one), with a
DeprecationWarning naming the new place.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings
from importlib.machinery import ModuleSpec
from types import ModuleType

MOVED = {
    "pipeline.readers": "pipeline.read.readers",
    "pipeline.pdfium_reader": "pipeline.read.pdfium_reader",
    "pipeline.layout": "pipeline.read.layout",
    "pipeline.columns": "pipeline.read.columns",
    "pipeline.quality": "pipeline.read.quality",
    "pipeline.form_fields": "pipeline.read.form_fields",
    "pipeline.frames": "pipeline.read.frames",
    "pipeline.ocr": "pipeline.read.ocr",
    "pipeline.ocr_cache": "pipeline.read.ocr_cache",
    "pipeline.ocr_engines": "pipeline.read.ocr_engines",
    "pipeline.schema": "pipeline.store.schema",
    "pipeline.load": "pipeline.store.load",
    "pipeline.views": "pipeline.store.views",
    "pipeline.people": "pipeline.store.people",
    "pipeline.process": "pipeline.run.process",
    "pipeline.workers": "pipeline.run.workers",
    "pipeline.dask_executor": "pipeline.run.dask_executor",
    "pipeline.progress": "pipeline.run.progress",
    "pipeline.interrupts": "pipeline.run.interrupts",
    "pipeline.files": "pipeline.run.files",
    "pipeline.writer": "pipeline.run.writer",
    "pipeline.cli": "pipeline.access.cli",
    "pipeline.trace": "pipeline.access.trace",
    "pipeline.highlight": "pipeline.access.highlight",
    "pipeline.search": "pipeline.access.search",
    "pipeline.export": "pipeline.access.export",
    "pipeline.stats": "pipeline.access.stats",
    "pipeline.page_inspect": "pipeline.access.page_inspect",
    "pipeline.serve": "pipeline.access.serve",
    "pipeline.evaluate_groups": "pipeline.evaluate.groups",
    "pipeline.structure": "extractors.common.structure",
    "pipeline.plausible": "extractors.common.plausible",
    "extractors.text": "extractors.common.text",
    "extractors.phones": "extractors.common.phones",
    "extractors.amounts": "extractors.common.amounts",
    "extractors.geometry": "extractors.common.geometry",
    "extractors.tables": "extractors.common.tables",
    "extractors.persons": "extractors.common.persons",
    "extractors.nlp": "extractors.common.nlp",
    "extractors.linking": "extractors.common.linking",
    "extractors.members": "extractors.common.members",
    "extractors.minutes_layout": "extractors.common.minutes_layout",
    "extractors.motion_people": "extractors.common.motion_people",
    "extractors.base": "extractors.common.base",
    "extractors.agenda_meeting": "extractors.meetings.agenda",
    "extractors.minutes_meeting": "extractors.meetings.minutes",
    "extractors.addressed_meeting": "extractors.meetings.addressed",
    "extractors.prose_contacts": "extractors.contacts.prose",
}


class _MovedModuleLoader(importlib.abc.Loader):
    def __init__(self, new_name: str) -> None:
        self.new_name = new_name

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.new_name)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        """The module already ran under its new name: give it back its own spec, which the
        import system replaced with the old name's."""
        module.__spec__ = self.own_spec


class _MovedModuleFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object, target: object = None) -> ModuleSpec | None:
        new_name = MOVED.get(fullname)
        if new_name is None:
            return None
        warnings.warn(
            f"{fullname} moved to {new_name}; import it from there",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.util.spec_from_loader(fullname, _MovedModuleLoader(new_name))


def install() -> None:
    """Answer imports of the old names (once per process)."""
    if not any(isinstance(finder, _MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedModuleFinder())
