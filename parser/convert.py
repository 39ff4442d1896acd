"""One input file to its output files: the job behind ``undoc parse`` and each task of ``undoc batch``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import StrictModeFailure
from .model import Document
from .pipeline import parse
from .write.files import safe_stem, write_atomically
from .write.to_json import document_to_json
from .write.to_xml import document_to_xml

FORMATS = ("json", "xml")
STRICT_CODES = ("numbering-", "footnote-")


@dataclass(frozen=True, slots=True)
class Converted:
    document: Document
    outputs: tuple[Path, ...]


def output_stem(doc: Document) -> str:
    return f"{safe_stem(doc.symbol)}.{doc.language}"


def strict_problems(doc: Document) -> list[str]:
    return [f"{w.code} at {w.location or w.line or '?'}: {w.message}" for w in doc.warnings if w.code.startswith(STRICT_CODES)]


def convert(
    path: str | Path,
    out_dir: Path | None,
    *,
    formats: tuple[str, ...] = FORMATS,
    language: str | None = None,
    symbol: str | None = None,
    tokens: bool = False,
    strict: bool = False,
    stem: str | None = None,
) -> Converted:
    """Parse ``path`` and write ``<stem>.json`` / ``.xml`` into ``out_dir`` (nothing is written if anything fails)."""
    doc = parse(path, language=language, symbol=symbol, tokens=tokens)
    if strict:
        problems = strict_problems(doc)
        if problems:
            raise StrictModeFailure(str(path), f"{len(problems)} numbering problem(s), first: {problems[0]}")
    if out_dir is None:
        return Converted(doc, ())
    name = stem or output_stem(doc)
    files: dict[Path, bytes] = {}
    if "json" in formats:
        files[out_dir / f"{name}.json"] = document_to_json(doc, tokens=tokens).encode("utf-8")
    if "xml" in formats:
        files[out_dir / f"{name}.xml"] = document_to_xml(doc)
    write_atomically(files)
    return Converted(doc, tuple(files))
