"""Throughput of `agendas ingest` against bare pdfplumber text extraction, in one run.

    python benchmarks/throughput.py [FOLDER] [--workers N]

Measures, on the same files: (1) the baseline, pdfplumber `extract_text()` on every page;
(2) our ingest with one worker; (3) our ingest with N workers (default: all cores);
(4) a second ingest of the unchanged files (everything skipped). Prints pages per second and
the ratios to the baseline. Absolute numbers depend on the machine; the ratios are the result.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import pdfplumber

from pipeline.files import discover
from pipeline.run import ingest


def baseline(files: list[Path]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = 0
    for path in files:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()
                    pages += 1
        except Exception:  # noqa: BLE001  (the baseline skips what it cannot read)
            continue
    return pages, time.perf_counter() - started


def timed_ingest(files: list[Path], db: Path, workers: int) -> tuple[int, float]:
    summary = ingest(files, db, workers=workers)
    return summary.pages, summary.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="corpus", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    files = list(discover([args.folder]))
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("pdfplumber extract_text (baseline)", *baseline(files))]
        rows.append(("agendas ingest, 1 worker", *timed_ingest(files, Path(tmp) / "one.duckdb", 1)))
        many = Path(tmp) / "many.duckdb"
        rows.append(
            (f"agendas ingest, {args.workers} workers", *timed_ingest(files, many, args.workers))
        )
        _, again = timed_ingest(files, many, args.workers)
        rows.append(("re-ingest unchanged (skipped)", rows[-1][1], again))
    base_rate = rows[0][1] / rows[0][2]
    print(f"{len(files)} files")
    print(f"{'run':<40} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'x baseline':>10}")
    for name, pages, seconds in rows:
        rate = pages / seconds if seconds else float("inf")
        print(f"{name:<40} {pages:>6} {seconds:>8.2f} {rate:>8.1f} {rate / base_rate:>10.2f}")


if __name__ == "__main__":
    main()
