"""Output names in a batch: safe, inside the output directory, and never shared by two different inputs.

The first input whose document yields ``<symbol>.<lang>`` claims that stem; another input with
different bytes but the same symbol and language gets ``<symbol>.<lang>.<first 8 hex of its sha256>``.
A claim is a small file under ``DIR/.undoc/claims`` holding the sha256 of its owner, created with
``os.link`` so that two workers (or two machines on a shared file system) cannot both win it, and
so that a re-run of the same input finds its own name again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import OutputError
from ..write.files import safe_stem

STATE_DIR = ".undoc"
CLAIMS = "claims"


def base_stem(symbol: str, language: str) -> str:
    return f"{safe_stem(symbol)}.{safe_stem(language or 'und')}"


def claim_stem(out_dir: Path, stem: str, sha256: str) -> str:
    """``stem`` when it is free or already ours, else ``stem.<sha prefix>`` (longer prefixes if even that is taken)."""
    claims = out_dir / STATE_DIR / CLAIMS
    claims.mkdir(parents=True, exist_ok=True)
    owner = sha256 or "unknown"
    for candidate in (stem, f"{stem}.{owner[:8]}", f"{stem}.{owner[:16]}", f"{stem}.{owner}"):
        if _claim(claims / candidate.lower(), owner):
            return candidate
    raise OutputError(str(out_dir), f"no free output name for {stem!r}")


def inside(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, after checking that it is a plain name that resolves inside ``out_dir``."""
    target = out_dir / name
    root = out_dir.resolve()
    if os.sep in name or "\x00" in name or name in (".", "..") or target.resolve().parent != root:
        raise OutputError(str(target), "output name would leave the output directory")
    return target


def _claim(path: Path, owner: str) -> bool:
    """Create ``path`` holding ``owner`` unless it exists; true when the claim is (now or already) ``owner``'s."""
    handle, temp = tempfile.mkstemp(prefix=".claim.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(owner)
        try:
            os.link(temp, path)
            return True
        except FileExistsError:
            return path.read_text(encoding="ascii", errors="replace").strip() == owner
        except OSError:  # a file system without hard links: exclusive create instead
            return _claim_exclusive(path, owner)
    finally:
        os.unlink(temp)


def _claim_exclusive(path: Path, owner: str) -> bool:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return path.read_text(encoding="ascii", errors="replace").strip() == owner
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(owner)
    return True
