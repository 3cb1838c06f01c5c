"""`agendas export`: one Parquet or CSV file per table and view, same columns, same rows."""

from __future__ import annotations

import csv

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.access.cli import main
from pipeline.run.files import file_sha256
from pipeline.store.load import connect
from pipeline.store.schema import TABLES
from pipeline.store.views import VIEWS
from tests.conftest import HAND_MONEY

EVERY_NAME = [*TABLES, *VIEWS]


def columns_of(con, name: str) -> list[str]:
    return [c[0] for c in con.execute(f"SELECT * FROM {name} LIMIT 0").description]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_and_view(hand_checked_db, tmp_path, fmt):
    out = tmp_path / "export"
    before = file_sha256(hand_checked_db)
    result = CliRunner().invoke(
        main, ["export", "--db", str(hand_checked_db), "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in EVERY_NAME)
    assert file_sha256(hand_checked_db) == before  # read-only

    source = connect(hand_checked_db, read_only=True)
    reader = duckdb.connect()
    for name in EVERY_NAME:
        path = out / f"{name}.{fmt}"
        assert f"{path}" in result.output
        expected_rows = source.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        if fmt == "csv":
            with path.open(newline="") as handle:
                header, *rows = list(csv.reader(handle))
            assert header == columns_of(source, name)
            assert len(rows) == expected_rows
        else:
            assert columns_of(reader, f"'{path}'") == columns_of(source, name)
            assert reader.execute(f"SELECT count(*) FROM '{path}'").fetchone()[0] == expected_rows
    source.close()


def test_exported_values_round_trip(hand_checked_db, tmp_path):
    out = tmp_path / "export"
    CliRunner().invoke(main, ["export", "--db", str(hand_checked_db), "--out", str(out)])
    reader = duckdb.connect()
    amount, raw, label = reader.execute(
        f"SELECT amount, raw, page_label FROM '{out / 'v_money.parquet'}' WHERE money_id = ?",
        [HAND_MONEY["money_id"]],
    ).fetchone()
    assert (str(amount), raw, label) == ("325000.00", "£325k", "Page 9")
    CliRunner().invoke(
        main, ["export", "--db", str(hand_checked_db), "--out", str(out), "--format", "csv"]
    )
    with (out / "meetings.csv").open(newline="") as handle:
        dates = {row["meeting_date"] for row in csv.DictReader(handle)}
    assert "2015-01-27" in dates  # ISO dates


def test_export_without_a_database_says_so(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no database here yet" in result.output
