"""Accuracy on the bundled gold must not fall below tests/accuracy_floor.json, both the
total over all rows (micro) and the mean over authorities (macro).

Raise a floor when an extractor improves: that locks the gain in.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.access.cli import main
from pipeline.evaluate.scorer import TABLE_NAMES
from tests.conftest import GOLD, ROOT

FLOOR = ROOT / "tests" / "accuracy_floor.json"


def test_floor_covers_every_table_micro_and_macro():
    floor = json.loads(FLOOR.read_text())
    assert set(floor) == {"micro", "macro", "ocr"}
    assert all(set(scores) == set(TABLE_NAMES) for scores in floor.values())


def test_corpus_accuracy_meets_the_floor(corpus_db, tmp_path):
    report_path = tmp_path / "eval.json"
    result = CliRunner().invoke(
        main,
        [
            "eval",
            str(GOLD),
            "--db",
            str(corpus_db),
            "--floor",
            str(FLOOR),
            "--json",
            str(report_path),
        ],
    )
    print(result.output)  # the table shows in the CI log with -rA / on failure
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text())
    assert report["missing_documents"] == []
    gold_stems = {p.stem for p in GOLD.glob("*.json")}
    assert set(report["documents"]) == gold_stems
