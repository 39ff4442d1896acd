"""The job behind ``undoc align``: parse each version, align, write JSONL and TMX."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..pipeline import parse
from ..write.files import safe_stem, write_atomically
from .units import Aligned, align_documents
from .write import aligned_to_jsonl, aligned_to_tmx


@dataclass(frozen=True, slots=True)
class AlignResult:
    aligned: Aligned
    outputs: tuple[Path, ...]


def align_files(
    paths: list[str], out_dir: Path, *, force: bool = False, sentences: bool = False, symbol: str | None = None
) -> AlignResult:
    docs = [parse(path, symbol=symbol) for path in paths]
    aligned = align_documents(docs, force=force, sentences=sentences)
    stem = f"{safe_stem(aligned.symbol)}.{'-'.join(aligned.languages)}"
    files = {
        out_dir / f"{stem}.jsonl": aligned_to_jsonl(aligned).encode("utf-8"),
        out_dir / f"{stem}.tmx": aligned_to_tmx(aligned),
    }
    if sentences:
        files[out_dir / f"{stem}.sentences.tmx"] = aligned_to_tmx(aligned, sentences=True)
    write_atomically(files)
    return AlignResult(aligned, tuple(files))
