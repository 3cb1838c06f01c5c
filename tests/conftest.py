"""Shared fixtures: corpus paths, gold files, and one ingest of the whole corpus per session."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import extract_document
from pipeline.load import connect
from pipeline.models import Extraction, ReadDocument, Segmentation
from pipeline.normalize import normalize
from pipeline.read import read_document
from pipeline.run import ingest
from pipeline.segment import segment_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
REAL = CORPUS / "real"
GOLD = CORPUS / "gold"


def corpus_pdf(stem: str) -> Path:
    for folder in (SEEDS, REAL):
        path = folder / f"{stem}.pdf"
        if path.exists():
            return path
    raise FileNotFoundError(stem)


@cache
def read_corpus(stem: str) -> ReadDocument:
    """Read a corpus PDF once per test session (reading is deterministic)."""
    return read_document(corpus_pdf(stem), stem)


@cache
def segment_corpus(stem: str) -> Segmentation:
    return segment_document(read_corpus(stem))


@cache
def extract_corpus(stem: str) -> Extraction:
    """Every extractor's records for a corpus PDF, normalized, once per session."""
    return normalize(extract_document(read_corpus(stem), segment_corpus(stem)))


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text())


def pagemap(stem: str) -> dict:
    return json.loads((SEEDS / f"{stem}.pagemap.json").read_text())


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The whole bundled corpus ingested once (the same job `make run` does)."""
    db = tmp_path_factory.mktemp("corpus") / "agendas.duckdb"
    summary = ingest([CORPUS], db, workers=2)
    assert summary.counts["failed"] == 0, summary.failures
    return db


@pytest.fixture()
def corpus_con(corpus_db):
    con = connect(corpus_db, read_only=True)
    yield con
    con.close()
