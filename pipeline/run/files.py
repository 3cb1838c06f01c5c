"""Finding input PDFs and identifying them by content."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipeline.errors import DocumentError, describe_exception

ProblemHandler = Callable[[Path, str], None]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_readable_file(path: Path) -> None:
    """Raise with a plain reason unless `path` is a regular file (pipes would block a reader)."""
    if path.is_symlink() and not path.exists():
        raise DocumentError(f"broken symbolic link (points to {os.readlink(path)})")
    mode = path.stat().st_mode  # FileNotFoundError / PermissionError say themselves
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        raise DocumentError("not a regular file (a pipe, socket or device)")


def is_pdf_name(name: str) -> bool:
    """`.pdf` in any letter case: .PDF, .Pdf."""
    return name.lower().endswith(".pdf")


def discover(paths: Iterable[Path], on_problem: ProblemHandler | None = None) -> Iterator[Path]:
    """Files named directly, and PDFs (any letter case) found recursively under folders.

    A named path that does not exist is still yielded, so the batch records it as failed, and
    so is a PDF name whose symbolic link is broken. Symlinked folders are followed once: a
    folder already seen (by device and inode) is skipped, so symlink loops end. A folder that
    cannot be listed is passed to `on_problem` with the reason, never skipped silently.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[Path] = set()
    report = on_problem or (lambda path, reason: None)
    for root in paths:
        if root.is_dir():
            for found in _walk(root, seen_dirs, report):
                if found not in seen_files:
                    seen_files.add(found)
                    yield found
        elif root not in seen_files:
            seen_files.add(root)
            yield root


def _walk(folder: Path, seen_dirs: set[tuple[int, int]], report: ProblemHandler) -> Iterator[Path]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen_dirs:
            return
        seen_dirs.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        report(folder, f"folder cannot be read: {describe_exception(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from _walk(path, seen_dirs, report)
            elif is_pdf_name(entry.name):
                yield path  # a broken link, pipe or unreadable file fails with its reason
        except OSError as exc:
            report(path, describe_exception(exc))
