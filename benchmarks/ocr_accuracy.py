"""OCR accuracy and speed of each engine, against known text, in one run.

    python benchmarks/ocr_accuracy.py [--engine rapidocr --engine tesseract] [--dpi 200]

Truth: the seed rendition `corpus/seeds/004_d846ccc318364117.scanned.pdf` is an image of
`004_d846ccc318364117.pdf`, whose text layer is exact (read here in the same reading order);
`corpus/ocr/<stem>.p<N>.txt` are hand transcriptions of pages of the real scanned or
garbled packs in `corpus/real/`. Each page is OCRed the way `agendas ingest` does it (render,
orientation, engine, the project's layout for reading order) and compared after Unicode NFKC
and whitespace folding: character error rate = edit distance / length of the truth, summed
over the pages of each set. Every engine runs in its own process on one thread, so its speed
is pages/s per core and its memory the process's peak RSS. Engines that are not installed are
reported as such.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from pipeline.read.layout import reading_order_text
from pipeline.read.ocr import OcrSettings, ocr_page
from pipeline.read.ocr_engines import OCR_ENGINES, OcrUnavailable, get_engine
from pipeline.read.readers import get_backend, iter_pages

ROOT = Path(__file__).resolve().parent.parent
SEED_SCAN = ROOT / "corpus/seeds/004_d846ccc318364117.scanned.pdf"
SEED_TEXT = ROOT / "corpus/seeds/004_d846ccc318364117.pdf"
TRANSCRIPTIONS = ROOT / "corpus/ocr"
TRANSCRIPTION_RE = re.compile(r"^(?P<stem>.+)\.p(?P<page>\d+)\.txt$")
TARGETS = {"004 rendition": 0.02, "hand-transcribed pages": 0.05}


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def truth_pages() -> list[tuple[str, Path, int, str]]:
    """(set, pdf, page, truth text) for every page with known text."""
    pages = []
    for raw in iter_pages(get_backend("pypdfium2"), SEED_TEXT):
        pages.append(("004 rendition", SEED_SCAN, raw.number, reading_order_text(raw)))
    for path in sorted(TRANSCRIPTIONS.glob("*.txt")):
        match = TRANSCRIPTION_RE.match(path.name)
        if match:
            pdf = ROOT / "corpus/real" / f"{match['stem']}.pdf"
            pages.append(("hand-transcribed pages", pdf, int(match["page"]), path.read_text()))
    return pages


def measure(engine: str, dpi: int, pages: list[tuple[str, Path, int, str]]) -> dict:
    """Run in a fresh process: OCR every page with one engine on one thread."""
    try:
        get_engine(engine)
    except OcrUnavailable as exc:
        return {"engine": engine, "unavailable": str(exc)}
    settings = OcrSettings(mode="always", engine=engine, dpi=dpi)
    raw_pages = {}
    for _, pdf, number, _ in pages:
        if (pdf, number) not in raw_pages:
            raw_pages[pdf, number] = next(
                r for r in iter_pages(get_backend("pypdfium2"), pdf) if r.number == number
            )
    results, seconds = [], 0.0
    for group, pdf, number, truth in pages:
        started = time.perf_counter()
        read = ocr_page(pdf, raw_pages[pdf, number], settings)
        seconds += time.perf_counter() - started
        text = fold(reading_order_text(read))
        results.append(
            {
                "set": group,
                "page": f"{pdf.stem} p{number}",
                "errors": Levenshtein.distance(text, fold(truth)),
                "length": len(fold(truth)),
                "confidence": read.ocr_confidence,
                "turn": (-read.rotation) % 360,
            }
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"engine": engine, "pages": results, "seconds": seconds, "peak_mb": peak_mb}


def report(measured: dict, verbose: bool) -> bool:
    engine = measured["engine"]
    if "unavailable" in measured:
        print(f"\n{engine}: not measured ({measured['unavailable']})")
        return True
    pages = measured["pages"]
    rate = len(pages) / measured["seconds"]
    print(
        f"\n{engine}: {len(pages)} pages in {measured['seconds']:.1f} s on one core "
        f"({rate:.2f} pages/s, {measured['seconds'] / len(pages):.1f} s/page), "
        f"peak RSS {measured['peak_mb']:.0f} MB"
    )
    met = True
    for group, target in TARGETS.items():
        chosen = [p for p in pages if p["set"] == group]
        errors = sum(p["errors"] for p in chosen)
        length = sum(p["length"] for p in chosen)
        cer = errors / length if length else 0.0
        ok = cer <= target
        met &= ok
        print(
            f"  {group:<24} CER {cer:.4f} over {len(chosen)} pages "
            f"(target <= {target:.2f}: {'met' if ok else 'NOT met'})"
        )
        if verbose:
            for p in chosen:
                print(
                    f"    {p['page']:<60} CER {p['errors'] / max(p['length'], 1):.4f} "
                    f"confidence {p['confidence'] or 0:.3f} turn {p['turn']}"
                )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", action="append", choices=OCR_ENGINES)
    parser.add_argument("--dpi", type=int, default=OcrSettings().dpi)
    parser.add_argument("--verbose", action="store_true", help="CER of every page")
    args = parser.parse_args()
    pages = truth_pages()
    print(f"{len(pages)} pages with known text; render at {args.dpi} dpi")
    default_met = True
    for engine in args.engine or list(OCR_ENGINES):
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            measured = pool.submit(measure, engine, args.dpi, pages).result()
        met = report(measured, args.verbose)
        if engine == OcrSettings().engine:
            default_met = met
    return 0 if default_met else 1


if __name__ == "__main__":
    sys.exit(main())
