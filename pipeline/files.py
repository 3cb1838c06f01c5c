"""Finding input PDFs and identifying them by content."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and PDFs (any letter case) found recursively under folders.

    A named path that does not exist is still yielded, so the batch records it as failed.
    Symlinked folders are followed once: a folder already seen (by device and inode) is
    skipped, so symlink loops end.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[Path] = set()
    for root in paths:
        if root.is_dir():
            for found in _walk(root, seen_dirs):
                if found not in seen_files:
                    seen_files.add(found)
                    yield found
        elif root not in seen_files:
            seen_files.add(root)
            yield root


def _walk(folder: Path, seen_dirs: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        stat = folder.stat()
    except OSError:
        return
    if (stat.st_dev, stat.st_ino) in seen_dirs:
        return
    seen_dirs.add((stat.st_dev, stat.st_ino))
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from _walk(path, seen_dirs)
            elif entry.is_file() and entry.name.lower().endswith(".pdf"):
                yield path
        except OSError:
            continue
