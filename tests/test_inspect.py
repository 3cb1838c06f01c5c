"""`agendas inspect`: what the read stage made of a page, and a picture of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.access.cli import main
from tests.conftest import CORPUS, corpus_pdf
from tests.crafted import fidelity


def _inspect(*args: str) -> dict:
    result = CliRunner().invoke(main, ["inspect", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_lines_with_roles_boxes_and_fonts():
    page = _inspect(str(corpus_pdf("kent-cc-cabinet-2025-01-30-agenda-frontsheet")))
    cabinet = next(line for line in page["lines"] if line["text"] == "CABINET")
    assert cabinet["role"] == "body" and cabinet["bold"] and cabinet["size"] == 15.0
    assert 260 < cabinet["x0"] < cabinet["x1"] < 340  # centred on a 595 pt page


def test_printed_labels_and_stamps_are_told_apart():
    # seed 000, page 4: stamped "Agenda Item 3", labelled "Page 1" in the footer
    page = _inspect(str(corpus_pdf("000_de16defd1125f27f")), "--page", "4")
    roles = {line["role"]: line["text"] for line in page["lines"] if line["role"] != "body"}
    assert roles["stamp"].startswith("Agenda Item 3")
    assert roles["label"] == page["page_label"] == "Page 1"


def test_boxes_are_on_the_page_as_shown_and_drawn(tmp_path: Path):
    pdf = tmp_path / "rotated.pdf"
    pdf.write_bytes(fidelity.rotated_page())
    png = tmp_path / "page.png"
    result = CliRunner().invoke(main, ["inspect", str(pdf), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert "Date of meeting: 5 March 2025" in result.output
    assert png.read_bytes()[:4] == b"\x89PNG"
    page = _inspect(str(pdf))
    assert page["rotation"] == 90
    # shown 842 x 595: the lines run down the page, the first one furthest right
    assert all(line["x1"] <= 842 and line["bottom"] <= 595 for line in page["lines"])
    lefts = [line["x0"] for line in page["lines"]]
    assert lefts == sorted(lefts, reverse=True)


def test_a_page_that_is_not_there_is_a_plain_error():
    result = CliRunner().invoke(
        main, ["inspect", str(corpus_pdf("milburn-pc-2019-09-03-agenda")), "--page", "9"]
    )
    assert result.exit_code != 0
    assert "no page 9 (it has 1)" in result.output


@pytest.mark.slow
@pytest.mark.parametrize(
    "pdf", sorted(p.name for p in (CORPUS / "real").glob("*.pdf")) + ["000_de16defd1125f27f.pdf"]
)
def test_every_corpus_pdf_can_be_inspected(pdf: str):
    folder = CORPUS / ("seeds" if pdf[:1].isdigit() else "real")
    page = _inspect(str(folder / pdf))
    assert page["lines"] or page.get("problem"), pdf  # lines, or the reason there are none
