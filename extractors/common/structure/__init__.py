"""The structure of a run of pages: numbered entries, their nesting, and their titles.

Agendas across councils number their business in many ways ("1.", "1)", "(a)", "A.", "VII.",
"5.1", "1.01", "ITEM 3:", minute numbers such as "2659."). The rules are about layout and
numbering only, never about a council's phrases, one job a module, each importing only those
above it in this list:

- `labels.py`: the numbering label opening a line, with every reading of it;
- `outline.py`: which labels are entries, how they nest, and how far their titles run;
- `headings.py`: headings without a label that are entries too (unnumbered headings, stage
  headings, section labels, capitals sub-headings indented under an item);
- `sublists.py`: topics listed under an item without labels, as sub-items.

Thresholds are in units of the page's own body type: its most common type size and the pitch
between its consecutive lines.
"""

from __future__ import annotations

from extractors.common.structure.headings import (
    MIN_SECTION_LABELS,
    SECTION_LABEL_RE,
    SENTENCE_END_RE,
    STAGE_LOOKBACK,
    UNIFORM_SHARE,
    indented_subheadings,
    unnumbered_headings,
)
from extractors.common.structure.labels import (
    CELL_LABEL_RE,
    LABEL_RE,
    ROMAN_VALUES,
    Label,
    cell_labels,
    is_banner,
    parse_labels,
)
from extractors.common.structure.outline import (
    BOLD_WEIGHT,
    FULL_LINE,
    HEADING_MAX_CHARS,
    OPEN_END_RE,
    WRAP_GAP,
    X_TOLERANCE,
    Entry,
    OutlineBuilder,
    build_outline,
    continues_title,
    drop_body_type_lists,
)
from extractors.common.structure.sublists import MIN_SUBLIST, unnumbered_sublists

__all__ = [
    "BOLD_WEIGHT",
    "CELL_LABEL_RE",
    "FULL_LINE",
    "HEADING_MAX_CHARS",
    "LABEL_RE",
    "MIN_SECTION_LABELS",
    "MIN_SUBLIST",
    "OPEN_END_RE",
    "ROMAN_VALUES",
    "SECTION_LABEL_RE",
    "SENTENCE_END_RE",
    "STAGE_LOOKBACK",
    "UNIFORM_SHARE",
    "WRAP_GAP",
    "X_TOLERANCE",
    "Entry",
    "Label",
    "OutlineBuilder",
    "build_outline",
    "cell_labels",
    "continues_title",
    "drop_body_type_lists",
    "indented_subheadings",
    "is_banner",
    "parse_labels",
    "unnumbered_headings",
    "unnumbered_sublists",
]
