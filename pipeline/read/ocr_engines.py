"""OCR engines behind one small interface: an image in, words with pixel boxes out.

Two engines, chosen by measurement on the bundled scans (see `benchmarks/ocr_accuracy.py`):
- `rapidocr` (PP-OCR models run by onnxruntime; the models ship inside the wheel, so nothing
  is downloaded): the most accurate on council scans, installed by pip alone. Its line
  classifier is off: on English pages it turns correct lines upside down more often than it
  fixes them; orientation is found by `pipeline/read/ocr.py` instead.
- `tesseract` (the `tesseract` program, e.g. Debian's `tesseract-ocr`): several times faster
  and lighter, less accurate on these scans; used when asked for and installed.

An engine is loaded once per process (worker) and reused for every page.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

RAPIDOCR = "rapidocr"
TESSERACT = "tesseract"
OCR_ENGINES = (RAPIDOCR, TESSERACT)
DEFAULT_OCR_ENGINE = RAPIDOCR


class OcrUnavailable(RuntimeError):
    """The engine asked for is not installed here."""


@dataclass(slots=True)
class OcrWord:
    """A recognised word: its box in image pixels (origin top-left), the engine's confidence
    (0-1) and the index of the text line the engine read it in."""

    text: str
    confidence: float
    x0: float
    top: float
    x1: float
    bottom: float
    line: int
    line_height: float  # height of the word's text line, which sets its font size
    bold: bool = False  # set from the image by `pipeline/read/ocr.py`


class OcrEngine(Protocol):
    name: str

    def read(self, image: np.ndarray) -> list[OcrWord]:
        """Words of a colour image (height x width x 3, uint8, BGR as PDFium renders it and
        OpenCV expects)."""
        ...


class RapidOcrEngine:
    name = RAPIDOCR

    def __init__(self, threads: int = 1):
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:  # pragma: no cover - a dependency of the project
            raise OcrUnavailable("the rapidocr package is not installed") from exc
        self._ocr = RapidOCR(
            params={
                "Global.use_cls": False,
                "Global.log_level": "error",
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def read(self, image: np.ndarray) -> list[OcrWord]:
        result = self._ocr(image, return_word_box=True)
        if result.boxes is None or not result.word_results:
            return []
        words = []
        for line_index, (line_box, line_words) in enumerate(
            zip(result.boxes, result.word_results, strict=False)
        ):
            line_height = _quad_height(line_box)
            for text, confidence, quad in line_words:
                if not text.strip():
                    continue
                xs = [point[0] for point in quad]
                ys = [point[1] for point in quad]
                words.append(
                    OcrWord(
                        text=text.strip(),
                        confidence=float(confidence),
                        x0=float(min(xs)),
                        top=float(min(ys)),
                        x1=float(max(xs)),
                        bottom=float(max(ys)),
                        line=line_index,
                        line_height=line_height,
                    )
                )
        return words


def _quad_height(quad) -> float:
    """Height of a text line's quadrilateral (top-left, top-right, bottom-right, bottom-left),
    measured across the line, so a skewed line is not taller than a straight one."""
    left = float(np.hypot(*(np.asarray(quad[3]) - np.asarray(quad[0]))))
    right = float(np.hypot(*(np.asarray(quad[2]) - np.asarray(quad[1]))))
    return (left + right) / 2


class TesseractEngine:
    name = TESSERACT

    def __init__(self, threads: int = 1):
        self._program = shutil.which("tesseract")
        if self._program is None:
            raise OcrUnavailable(
                "the tesseract program is not installed (e.g. apt install tesseract-ocr)"
            )
        self._env = {"OMP_THREAD_LIMIT": str(threads), "PATH": "/usr/bin:/bin"}

    def read(self, image: np.ndarray) -> list[OcrWord]:
        import cv2

        ok, png = cv2.imencode(".png", image)
        if not ok:
            return []
        done = subprocess.run(
            [self._program, "stdin", "stdout", "-l", "eng", "--psm", "3", "tsv"],
            input=png.tobytes(),
            capture_output=True,
            env=self._env,
            check=True,
        )
        return _tesseract_words(done.stdout.decode("utf-8", "replace"))


def _tesseract_words(tsv: str) -> list[OcrWord]:
    """Words of Tesseract's TSV output (level 5 rows), lines numbered by block/paragraph/line."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_heights: dict[tuple[str, str, str], float] = {}
    for row in rows:
        if row.get("level") == "4":
            line_heights[(row["block_num"], row["par_num"], row["line_num"])] = float(row["height"])
    line_numbers: dict[tuple[str, str, str], int] = {}
    words = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        left, top = float(row["left"]), float(row["top"])
        words.append(
            OcrWord(
                text=text,
                confidence=max(float(row["conf"]), 0.0) / 100,
                x0=left,
                top=top,
                x1=left + float(row["width"]),
                bottom=top + float(row["height"]),
                line=line_numbers.setdefault(key, len(line_numbers)),
                line_height=line_heights.get(key, float(row["height"])),
            )
        )
    return words


@lru_cache(maxsize=2)
def get_engine(name: str = DEFAULT_OCR_ENGINE, threads: int = 1) -> OcrEngine:
    """The engine `name`, loaded once per process."""
    if name == RAPIDOCR:
        return RapidOcrEngine(threads)
    if name == TESSERACT:
        return TesseractEngine(threads)
    raise ValueError(f"unknown OCR engine {name!r}; choose from {', '.join(OCR_ENGINES)}")
