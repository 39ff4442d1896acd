"""Writing outputs safely: names derived from symbols that cannot leave the output directory,
and files that appear whole or not at all (write to a temporary name, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import regex

from ..errors import OutputError

_UNSAFE = regex.compile(r"[^A-Za-z0-9._\-]+")
MAX_STEM = 120
"""Bytes (ASCII characters) at most in a stem, leaving room for suffixes under the usual 255-byte name limit."""
_WINDOWS_RESERVED = regex.compile(r"^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$", regex.IGNORECASE)


def safe_stem(symbol: str) -> str:
    """``A/73/254`` → ``A_73_254``; anything that could escape the directory or the file system's limits is cut.

    The result is plain ASCII (letters, digits, ``.``, ``_``, ``-``), never starts or ends with a dot,
    never holds ``..``, is at most ``MAX_STEM`` bytes and is never a Windows device name (``CON``, ``NUL``, ...).
    """
    stem = _UNSAFE.sub("_", symbol.replace("/", "_").replace("\\", "_")).strip("._-")
    stem = regex.sub(r"\.{2,}", ".", regex.sub(r"_{2,}", "_", stem))[:MAX_STEM].rstrip("._-")
    head, dot, tail = stem.partition(".")
    if _WINDOWS_RESERVED.match(head):
        stem = f"{head}_{dot}{tail}"
    return stem or "document"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name first; rename them all only when all are written."""
    temps: list[tuple[str, Path]] = []
    target = next(iter(files), Path())
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            temps.append((temp, target))
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temp, 0o666 & ~_umask())
        for temp, target in temps:
            os.replace(temp, target)
    except OSError as exc:
        for temp, _ in temps:
            if os.path.exists(temp):
                os.unlink(temp)
        raise OutputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
