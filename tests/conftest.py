"""Shared test helpers: fixture paths, schema validators, the conservation oracle."""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from parser.model import Line

# The same examples on every run, whoever starts the suite, and no example database left behind.
settings.register_profile("undoc", derandomize=True, database=None, print_blob=True)
settings.load_profile("undoc")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "text" / "zh" / "A_73_254.zh.md"
EXPECTED = FIXTURES / "expected"
SCHEMA_PATH = ROOT / "parser" / "schema" / "undoc-1.schema.json"
AKN_XSD = ROOT / "schemas" / "akn" / "akomantoso30.xsd"
UPDATE_GOLDEN = os.environ.get("UNDOC_UPDATE_GOLDEN") == "1"

TEXT_FIXTURES = sorted(p for p in (FIXTURES / "text").rglob("*") if p.is_file())
PDF_FIXTURES = sorted(p for p in (FIXTURES / "pdf").rglob("*.pdf") if "negative" not in p.parts)


@functools.cache
def parsed(path: Path, **options: Any) -> Any:
    """Each fixture parsed once per test session (PDFs take seconds), from the one shared read; documents are immutable."""
    from parser.pipeline import Options, parse_raw

    return parse_raw(read(path), Options(**options))


@functools.cache
def read(path: Path) -> Any:
    """Each fixture read once per test session (the reader's ``RawInput``)."""
    from parser.read.source import read_input

    return read_input(path)


def pdf_read(path: Path) -> Any:
    """The PDF reader's result for a fixture, from the shared read (what ``read_pdf(path)`` returns)."""
    from parser.read.pdf import PdfRead

    raw = read(path)
    return PdfRead(raw.lines, raw.dropped, raw.info.pages)


@pytest.fixture(scope="session")
def json_validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def akn_schema() -> Any:
    from lxml import etree

    from parser.xmlsafe import parse_xml_file

    return etree.XMLSchema(parse_xml_file(AKN_XSD).getroottree())


def line_characters(line: Line) -> str:
    """A reader's line's text, or the text of every cell and label of the region it holds."""
    region = line.region
    if region is None:
        return line.text
    cells = "".join(cell.text for row in region.rows for cell in row)
    return line.text + "".join(s.text for s in region.title) + cells + "".join(s.text for label in region.labels for s in label)


def content_characters(doc: Any) -> Counter[str]:
    """Non-whitespace characters of every content field of a parsed document (derived fields aside)."""
    counts: Counter[str] = Counter()
    for text in content_strings(doc):
        counts.update(c for c in text if not c.isspace())
    return counts


def content_strings(doc: Any) -> Iterator[str]:
    meta = doc.metadata
    named = (meta.organ, meta.distribution, meta.date, meta.original_language, meta.session, meta.session_dates, meta.agenda,
             meta.agenda_title, meta.title, meta.subtitle, meta.summary_heading, *meta.other)  # fmt: skip
    for item in named:
        if item is not None:
            yield item.text
            yield from (r.marker for r in item.footnote_refs)
    for root in (*meta.summary, *doc.body):
        for node in root.walk():
            yield from (x for x in (node.marker, node.heading, node.text) if x)
            yield from (r.marker for r in node.footnote_refs)
            yield from node.labels
            for row in node.table.rows if node.table else ():
                for cell in row:
                    yield cell.text
                    yield from (r.marker for r in cell.footnote_refs)
    for note in doc.footnotes:
        yield note.marker
        yield note.text
    for dropped in doc.dropped:
        yield dropped.text


def without_provenance(value: Any) -> Any:
    """A JSON value with every ``provenance`` left out: PDF and text parses compare equal on the rest."""
    if isinstance(value, dict):
        return {k: without_provenance(v) for k, v in value.items() if k != "provenance"}
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value
