"""The `agendas` command line: exit codes, output formats, and that every command is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.access.cli import main
from tests.conftest import ROOT, corpus_pdf


def test_ingest_query_stats(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    runner = CliRunner()
    result = runner.invoke(
        main, ["ingest", str(corpus_pdf("milburn-pc-2019-09-03-agenda")), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "1 ok, 0 partial, 0 failed, 0 skipped" in result.output

    result = runner.invoke(
        main,
        [
            "query",
            "SELECT number, title FROM agenda_items ORDER BY item_id LIMIT 2",
            "--db",
            str(db),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {"number": "1", "title": "To receive apologies for meeting"},
        {"number": "2", "title": "To register an interest in any item on the Agenda"},
    ]

    result = runner.invoke(
        main, ["query", "SELECT count(*) AS n FROM meetings", "--db", str(db), "--format", "csv"]
    )
    assert result.output.splitlines() == ["n", "1"]

    result = runner.invoke(main, ["stats", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0
    header, row = result.output.splitlines()
    assert header.startswith("file_name,pages,meetings,agenda_items")
    assert row.startswith("milburn-pc-2019-09-03-agenda.pdf,1,1,12,")


def test_exit_code_says_something_failed(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    result = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == 1
    assert "bad.pdf: failed: not a PDF" in result.output


def test_query_is_read_only_by_default(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    runner = CliRunner()
    runner.invoke(
        main, ["ingest", str(corpus_pdf("milburn-pc-2019-09-03-agenda")), "--db", str(db)]
    )
    result = runner.invoke(main, ["query", "DELETE FROM documents", "--db", str(db)])
    assert result.exit_code != 0
    assert "read-only" in result.output.lower()
    result = runner.invoke(
        main, ["query", "SELECT count(*) FROM documents", "--db", str(db), "--format", "csv"]
    )
    assert result.output.splitlines()[1] == "1"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in main.commands:
        assert re.search(rf"agendas {re.escape(name)}\b", readme), (
            f"`agendas {name}` missing from README"
        )


def test_ingest_records_the_authority_the_user_names(tmp_path: Path):
    db = tmp_path / "a.duckdb"
    runner = CliRunner()
    pack = str(corpus_pdf("milburn-pc-2019-09-03-agenda"))
    result = runner.invoke(main, ["ingest", pack, "--db", str(db), "--authority", "Milburn PC"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["query", "SELECT authority FROM documents", "--db", str(db), "--format", "json"]
    )
    assert json.loads(result.output) == [{"authority": "Milburn PC"}]
