"""Bulk ingest throughput and memory, measured against bare pdfplumber in one run.

    python benchmarks/throughput.py [--packs N] [--source corpus] [--workers K]

Builds N packs from the bundled corpus's text-layer PDFs that need no OCR (copies whose bytes,
and so SHA-256, differ: a comment is appended after the end of the file, which readers
ignore), then measures on the same files:

1. the baseline: pdfplumber `extract_text()` on every page, one process;
   and, for the practical ceiling, bare pypdfium2 text (`get_text_range()`) on every page;
2. `agendas ingest` with 1 worker (the default reader, PDFium);
3. `agendas ingest` with K workers (default: all cores);
4. a second ingest of the unchanged packs (everything skipped), against run 3;
5. `agendas ingest` with K workers on 4N packs, for peak memory against run 3;
6. `agendas ingest` with 1 worker on 4N packs: scaling (run 5 against run 6) is judged on the
   larger batch, where what each run pays once (starting workers, loading spaCy in each, the
   final checkpoint) no longer weighs on a few seconds of work; runs 3 against 2 are shown too.

Each ingest runs as its own `agendas ingest` process; its throughput is the pages and seconds
the command reports, and its memory is sampled every 0.2 s: the RSS of the whole process tree
(main process plus workers), which is what the memory check compares, and of the main process
alone (its peak is set by the largest document it writes, so it varies by ~10% between runs).
Absolute numbers depend on the machine; the ratios are the result, and the acceptance lines
say whether they meet the targets.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import psutil

from pipeline.errors import DocumentError
from pipeline.read.document import read_document
from pipeline.read.ocr import OcrSettings, is_stamped_scan
from pipeline.read.readers import get_backend, iter_pages
from pipeline.run.files import discover

AGENDAS = Path(sys.executable).with_name("agendas")


@dataclass
class Run:
    name: str
    pages: int
    seconds: float
    main_rss_mb: float = 0.0
    tree_rss_mb: float = 0.0

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")


def has_text_layer(path: Path) -> bool:
    """No page needs OCR: scanned and garbled packs, and packs with a stamped scan among
    their pages (OCR's business, measured by `benchmarks/ocr_accuracy.py`), are left out."""
    try:
        if read_document(path, "probe", ocr=OcrSettings(mode="never")).warnings:
            return False
    except DocumentError:
        return False
    return not any(is_stamped_scan(page) for page in iter_pages(get_backend(), path))


def build_packs(source: Path, count: int, folder: Path) -> list[Path]:
    """`count` PDFs cycling through the source corpus's text-layer files, each with distinct
    bytes."""
    originals = sorted(path for path in discover([source]) if has_text_layer(path))
    folder.mkdir(parents=True, exist_ok=True)
    packs = []
    for index in range(count):
        original = originals[index % len(originals)]
        pack = folder / f"{index:05d}-{original.name}"
        shutil.copyfile(original, pack)
        with pack.open("ab") as handle:
            handle.write(f"\n% benchmark copy {index}\n".encode())
        packs.append(pack)
    return packs


def baseline(files: list[Path]) -> Run:
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
    return Run("pdfplumber extract_text (baseline)", pages, time.perf_counter() - started)


def bare_pdfium(files: list[Path]) -> Run:
    """Text alone, one call per page: what no pipeline that reads boxes and fonts can beat."""
    import pypdfium2 as pdfium

    started = time.perf_counter()
    pages = 0
    for path in files:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except Exception:  # noqa: BLE001
            continue
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return Run("pypdfium2 get_text_range (ceiling)", pages, time.perf_counter() - started)


class _MemorySampler(threading.Thread):
    """Peak RSS of a process and of its process tree, sampled until it exits."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.main_peak = self.tree_peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                main = self.process.memory_info().rss
                tree = main
                for child in self.process.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                return
            self.main_peak, self.tree_peak = max(self.main_peak, main), max(self.tree_peak, tree)
            self.done.wait(0.2)


def timed_ingest(name: str, folder: Path, db: Path, workers: int) -> Run:
    command = [str(AGENDAS), "ingest", str(folder), "--db", str(db), "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--log-every", "3600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    sampler = _MemorySampler(process.pid)
    sampler.start()
    out, _ = process.communicate()
    sampler.done.set()
    sampler.join()
    match = re.search(r"(\d+) pages in ([\d.]+)s", out)
    if process.returncode not in (0, 1) or not match:
        raise SystemExit(f"{name}: ingest failed ({process.returncode}): {out}")
    mb = 1024 * 1024
    return Run(name, int(match[1]), float(match[2]), sampler.main_peak / mb, sampler.tree_peak / mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=100, help="N, packs in the corpus")
    parser.add_argument("--source", type=Path, default=Path("corpus"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    n, k = args.packs, args.workers
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        packs = work / "packs"
        files = build_packs(args.source, n, packs)
        base = baseline(files)
        ceiling = bare_pdfium(files)
        one = timed_ingest("agendas ingest, 1 worker", packs, work / "one.duckdb", 1)
        many = timed_ingest(f"agendas ingest, {k} workers", packs, work / "many.duckdb", k)
        again = timed_ingest("re-ingest unchanged (all skipped)", packs, work / "many.duckdb", k)
        again.pages = many.pages  # the same corpus, for a comparable rate
        shutil.rmtree(packs)
        build_packs(args.source, 4 * n, work / "packs4")
        four = timed_ingest(
            f"agendas ingest, {k} workers, 4N", work / "packs4", work / "4n.duckdb", k
        )
        one4 = timed_ingest("agendas ingest, 1 worker, 4N", work / "packs4", work / "4n1.duckdb", 1)
    report(n, k, [base, ceiling, one, many, again, four, one4])


def report(n: int, k: int, runs: list[Run]) -> None:
    base, _ceiling, one, many, again, four, one4 = runs
    print(
        f"N = {n} packs ({base.pages} pages), 4N = {4 * n} packs; "
        f"{k} workers on {os.cpu_count()} cores"
    )
    print(
        f"{'run':<40} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'x base':>7} "
        f"{'main MB':>8} {'all MB':>8}"
    )
    for run in runs:
        print(
            f"{run.name:<40} {run.pages:>6} {run.seconds:>8.2f} {run.rate:>8.1f} "
            f"{run.rate / base.rate:>7.2f} {run.main_rss_mb:>8.0f} {run.tree_rss_mb:>8.0f}"
        )
    checks = [
        ("1 worker / baseline", one.rate / base.rate, ">=", 5.0),
        (f"{k} workers / 1 worker, 4N", four.rate / one4.rate, ">=", 1.8),
        ("re-ingest time / first ingest time", again.seconds / many.seconds, "<", 0.05),
        ("peak RSS 4N / N (all processes)", four.tree_rss_mb / many.tree_rss_mb, "<=", 1.2),
    ]
    print()
    for name, value, op, target in checks:
        ok = value >= target if op == ">=" else value < target if op == "<" else value <= target
        print(f"{'PASS' if ok else 'FAIL'}  {name:<38} {value:6.3f}  (target {op} {target})")
    main_ratio = four.main_rss_mb / many.main_rss_mb
    print(f"info  {f'{k} workers / 1 worker, N':<38} {many.rate / one.rate:6.3f}")
    print(f"info  {'peak RSS 4N / N (main process alone)':<38} {main_ratio:6.3f}")


if __name__ == "__main__":
    main()
