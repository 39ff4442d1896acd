"""One input file to its output files: the job behind ``undoc parse`` and each task of ``undoc batch``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import regex
from lxml import etree

from .errors import OutputExists, StrictModeFailure
from .model import Document
from .pipeline import parse
from .read.pdf_source import DEFAULT_READER
from .write.files import safe_stem, write_atomically
from .write.to_json import document_to_json
from .write.to_xml import UNDOC_NS, document_to_xml
from .xmlsafe import parse_xml_file

FORMATS = ("json", "xml")
STRICT_CODES = ("numbering-", "footnote-", "rendering-")
JSON_HEAD = 8192
"""Bytes of a JSON output read to find its ``source`` (it comes first in the file)."""
_JSON_SOURCE = regex.compile(r'"source": \{\s*"name": ("(?:[^"\\]|\\.)*"),.*?"sha256": "([0-9a-f]{64})"', regex.DOTALL)


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
    force: bool = False,
    reader: str = DEFAULT_READER,
) -> Converted:
    """Parse ``path`` and write ``<stem>.json`` / ``.xml`` into ``out_dir`` (nothing is written if anything fails).

    An existing output is replaced only when it was made from this input (the same bytes, or a file of
    the same name: an edited input), or with ``force``; otherwise ``OutputExists`` is raised (two
    renderings of one document, ``X.md`` and ``X.txt``, would share a name).
    """
    doc = parse(path, language=language, symbol=symbol, tokens=tokens, reader=reader)
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
    if not force:
        for target in files:
            _refuse_foreign(target, doc)
    write_atomically(files)
    return Converted(doc, tuple(files))


def recorded_source(path: Path) -> tuple[str, str] | None:
    """The input (name, sha256) an existing undoc output was made from; ``None`` when it does not say."""
    try:
        if path.suffix == ".json":
            with path.open("rb") as handle:
                head = handle.read(JSON_HEAD).decode("utf-8", "replace")
            match = _JSON_SOURCE.search(head)
            return (str(json.loads(match.group(1))), match.group(2)) if match else None
        source = parse_xml_file(path).find(f".//{{{UNDOC_NS}}}source")
    except (OSError, ValueError, etree.XMLSyntaxError):
        return None
    if source is None or not source.get("sha256"):
        return None
    return source.get("name") or "?", source.get("sha256") or ""


def _refuse_foreign(target: Path, doc: Document) -> None:
    if not target.exists():
        return
    recorded = recorded_source(target)
    if recorded is not None and (recorded[1] == doc.source.sha256 or recorded[0] == doc.source.name):
        return
    owner = f"the output of {recorded[0]} (another input)" if recorded else "a file undoc did not write from this input"
    raise OutputExists(str(target), f"already exists and holds {owner}; use --force to replace it, or -o another folder")
