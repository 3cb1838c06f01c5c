"""Accuracy per authority: a tool used across hundreds of councils is only as good as it is
on the council in front of you, so scores are also given per authority and averaged over
authorities (macro), beside the total over all rows (micro).

A document's authority is the one given at ingest (`agendas ingest --authority`), else the
`authority` column of a `MANIFEST.tsv` in the corpus (file name -> authority), else
"unknown". Documents whose text was read by OCR, and those left with no usable text, are
scored apart, so they neither hide nor flatter how the extractors do on text layers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

UNKNOWN = "unknown"


def read_manifests(root: Path) -> dict[str, str]:
    """File stem -> authority, from every MANIFEST.tsv under `root` with those columns."""
    authorities: dict[str, str] = {}
    for manifest in sorted(root.rglob("MANIFEST.tsv")):
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                name, authority = row.get("file"), row.get("authority")
                if name and authority:
                    authorities[Path(name).stem] = authority
    return authorities


def by_group(
    documents: dict[str, dict],
    group_of: Callable[[str, dict], str],
    totals: Callable[[dict[str, dict]], dict[str, dict]],
) -> dict[str, dict[str, dict]]:
    """Totals of each group of documents, groups in name order."""
    groups: dict[str, dict[str, dict]] = {}
    for stem, document in documents.items():
        groups.setdefault(group_of(stem, document), {})[stem] = document
    return {name: totals(groups[name]) for name in sorted(groups)}


def macro(groups: dict[str, dict[str, dict]], tables: list[str]) -> dict[str, dict]:
    """Per table, the mean F1 over the groups that have gold rows for it (a group with no gold
    for a table says nothing about it; its extra rows count in the micro total)."""
    out = {}
    for table in tables:
        scores = [
            result[table]["f1"] or 0.0
            for result in groups.values()
            if table in result and result[table]["gold"]
        ]
        out[table] = {
            "f1": sum(scores) / len(scores) if scores else None,
            "groups": len(scores),
        }
    return out


def format_by_group(
    groups: dict[str, dict[str, dict]],
    macro_scores: dict[str, dict],
    micro: dict[str, dict],
    tables: list[str],
    min_gold: int,
) -> str:
    """F1 per group and table ('-' without gold; '*' marks a score under 0.70 on a table
    with at least `min_gold` gold rows), then the macro and micro rows."""
    width = max([len(name) for name in groups] + [12])
    header = f"{'authority':<{width}} " + " ".join(f"{_short(t):>9}" for t in tables)
    lines = [header, "-" * len(header)]
    for name, result in groups.items():
        cells = []
        for table in tables:
            scores = result.get(table)
            if not scores or not scores["gold"]:
                cells.append(f"{'-':>9}")
                continue
            flag = "*" if scores["gold"] >= min_gold and (scores["f1"] or 0) < 0.7 else " "
            cells.append(f"{scores['f1'] or 0:>8.3f}{flag}")
        lines.append(f"{name:<{width}} " + " ".join(cells))
    lines.append("-" * len(header))
    lines.append(
        f"{'macro':<{width}} "
        + " ".join(_cell(macro_scores.get(table, {}).get("f1")) for table in tables)
    )
    lines.append(
        f"{'micro':<{width}} " + " ".join(_cell(micro.get(table, {}).get("f1")) for table in tables)
    )
    return "\n".join(lines)


def _short(table: str) -> str:
    return {
        "agenda_items": "items",
        "attendees+status": "att+stat",
        "resolutions": "resolved",
        "money (explicit)": "money(ex)",
    }.get(table, table)[:9]


def _cell(value: float | None) -> str:
    return f"{'-':>9}" if value is None else f"{value:>8.3f} "
