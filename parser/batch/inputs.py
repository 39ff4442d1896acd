"""Command-line inputs (files, directories, globs) to one sorted list of files, each once.

Directories are walked recursively for document files (``.pdf``, ``.txt``, ``.md``, ...), hidden
files and folders skipped; a glob (``docs/**/*.pdf``) is expanded recursively; a plain name that
does not exist is kept, so that the batch records it as "not found" instead of losing it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".text", ".md", ".markdown")
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(items: Iterable[str], *, exclude: Path | None = None) -> tuple[Path, ...]:
    """Expand ``items`` in order; each group sorted by name; duplicates (same resolved path) dropped.

    Files under ``exclude`` (the output directory) are left out of directory and glob expansion.
    """
    seen: set[str] = set()
    found: list[Path] = []
    skip = _resolved(exclude) if exclude is not None else None
    for item in items:
        for path in _expand_one(item):
            key = _resolved(path)
            if key in seen or (skip is not None and _under(key, skip) and not _named(item, path)):
                continue
            seen.add(key)
            found.append(path)
    return tuple(found)


def _expand_one(item: str) -> Iterator[Path]:
    path = Path(item)
    if path.is_dir():
        yield from sorted(_walk(path), key=_sort_key)
    elif not path.exists() and _GLOB_CHARS & set(item):
        matches = [Path(m) for m in glob.glob(item, recursive=True)]
        files = [m for m in matches if m.is_file()]
        for directory in (m for m in matches if m.is_dir()):
            files.extend(_walk(directory))
        yield from sorted(files, key=_sort_key)
        if not matches:
            yield path  # recorded as not found
    else:
        yield path


def _walk(root: Path) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES):
                yield Path(directory) / name


def _sort_key(path: Path) -> tuple[str, ...]:
    return path.parts


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _named(item: str, path: Path) -> bool:
    """A file named on the command line itself is never excluded."""
    return Path(item) == path
