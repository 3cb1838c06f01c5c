"""The layout is the architecture: imports run one way, from user access down to the models.

Read from the source (every import, including those inside functions), so a new module that
reaches up a layer fails here rather than in a circular import at run time.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Top to bottom. A module may import its own unit and any unit of a lower layer; units of the
# same layer are independent of each other (no stage imports another stage).
LAYERS: list[tuple[str, ...]] = [
    ("pipeline.access",),
    ("pipeline.run", "pipeline.evaluate"),
    (
        "pipeline.read",
        "pipeline.segment",
        "pipeline.extract",
        "pipeline.normalize",
        "pipeline.store",
    ),
    ("extractors",),
    ("extractors.common",),
    ("pipeline.models", "pipeline.errors", "pipeline"),
]
LAYER_OF = {unit: depth for depth, units in enumerate(LAYERS) for unit in units}


def unit_of(module: str) -> str:
    """The longest unit name that is the module or a package holding it."""
    candidates = [u for u in LAYER_OF if module == u or module.startswith(u + ".")]
    return max(candidates, key=len)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> list[Path]:
    return sorted(p for top in ("pipeline", "extractors") for p in (ROOT / top).rglob("*.py"))


def imported_modules(source: str) -> set[str]:
    """Our modules a source imports: `import a.b`, `from a.b import c` (c may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.split(".")[0] in ("pipeline", "extractors") and _is_module(n)}


def _is_module(name: str) -> bool:
    path = ROOT / Path(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def violations_of(module: str, source: str) -> list[str]:
    """Imports of a module that reach up a layer, or sideways into another unit."""
    unit = unit_of(module)
    return [
        f"{module} imports {target} ({unit} -> {unit_of(target)})"
        for target in sorted(imported_modules(source))
        if unit_of(target) != unit and LAYER_OF[unit_of(target)] <= LAYER_OF[unit]
    ]


def test_imports_run_one_way():
    violations = [
        violation
        for path in source_files()
        for violation in violations_of(module_name(path), path.read_text())
    ]
    assert violations == []


def test_the_check_catches_upward_and_sideways_imports():
    segment = (ROOT / "pipeline" / "segment.py").read_text()
    assert violations_of("pipeline.segment", segment) == []
    assert violations_of(
        "pipeline.segment", segment + "\nfrom pipeline.access.cli import main\n"
    ) == ["pipeline.segment imports pipeline.access.cli (pipeline.segment -> pipeline.access)"]
    # a stage importing another stage, even inside a function
    inside = segment + "\ndef f():\n    from pipeline.read.quality import is_readable\n"
    assert violations_of("pipeline.segment", inside) == [
        "pipeline.segment imports pipeline.read.quality (pipeline.segment -> pipeline.read)"
    ]
    # a shared helper importing an extractor
    helper = "from extractors.meetings.agenda import AGENDA_MEETING_KEY\n"
    assert violations_of("extractors.common.text", helper) == [
        "extractors.common.text imports extractors.meetings.agenda"
        " (extractors.common -> extractors)"
    ]


@pytest.mark.parametrize(
    "package",
    sorted({module_name(p) for p in source_files() if p.name == "__init__.py"}),
)
def test_every_package_says_what_it_owns(package):
    init = ROOT / Path(*package.split(".")) / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text()))
    assert docstring and len(docstring.split()) >= 10, f"{package} has no docstring"


@pytest.mark.slow  # one fresh interpreter per module
def test_every_module_imports_on_its_own():
    """No circular imports: each module can be the first one a process imports."""
    modules = [module_name(p) for p in source_files()]
    script = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\n"
    for module in modules:
        result = subprocess.run(
            [sys.executable, "-W", "error::DeprecationWarning", "-c", script, module],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"import {module} fails:\n{result.stderr[-2000:]}"


def test_old_module_names_still_import():
    """Scripts written for the flat layout keep working, with a warning naming the new place."""
    with pytest.warns(DeprecationWarning, match="pipeline.store.load"):
        old = importlib.import_module("pipeline.load")
    assert old is importlib.import_module("pipeline.store.load")
    assert old.__spec__.name == "pipeline.store.load"
