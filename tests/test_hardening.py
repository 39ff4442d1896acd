"""Property-based hardening: hostile text never gets past undoc's documented errors, and what parses writes valid output.

Arbitrary Unicode and bytes through the text reader and the whole pipeline; the numbering rules on
arbitrary text; the writers on real documents whose every text field has been made hostile (C0
controls, lone surrogates, ``]]>``, bidi controls, U+FFFE). Whatever parses gives JSON that
validates against undoc-1.schema.json and XML that is well-formed and valid Akoma Ntoso.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser import Document, parse_bytes
from parser.errors import UndecodableText, UndocError
from parser.model import MastheadText, Node
from parser.numbering import LANGUAGES, Expectation, choose, markers_at
from parser.read.text import text_to_lines
from parser.write.to_json import document_to_json
from parser.write.to_xml import document_to_xml
from parser.xmlsafe import parse_xml_bytes, parse_xml_file

from .conftest import AKN_XSD, FIXTURES, SCHEMA_PATH, parsed

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
NASTY = [*BIDI, "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\ufeff", "\ufffe", "\uffff", "]]>",
         "<![CDATA[", "<", ">", "&", "&amp;", "\"'", "\u2028", "\u2029", "\r", "\r\n", "\t", "\u3000", "\u00a0", "\u0301",
         "\U0001f600", "\U0010ffff", "*", "**", "#", "---", "[^1]:", "<sup>1</sup>", "(a)", "一、", "I.", "A.", "ألف -",
         "A/73/254", "Distr.: General"]  # fmt: skip
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

nasty = st.sampled_from(NASTY)
fragment = st.lists(st.one_of(st.text(max_size=12), nasty), max_size=6).map("".join)
hostile = st.lists(st.one_of(st.text(max_size=12), nasty, st.sampled_from(SURROGATES)), min_size=1, max_size=6).map("".join)
any_text = st.one_of(st.text(max_size=400), st.lists(st.one_of(fragment, nasty), max_size=25).map("\n".join))
in_text = st.tuples(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=10),
    st.sampled_from([n for n in NASTY if n != "\x00"]),
)
un_like = st.lists(in_text, min_size=1, max_size=8).map(
    lambda xs: "\n".join(f"{i}. Text {a}{b} ends." for i, (a, b) in enumerate(xs, 1)))  # fmt: skip


@cache
def _validators() -> tuple[Any, Any]:
    import jsonschema
    from lxml import etree

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema), etree.XMLSchema(parse_xml_file(AKN_XSD).getroottree())


def check_outputs(doc: Document) -> None:
    json_validator, akn_schema = _validators()
    text = document_to_json(doc, tokens=True)
    data = json.loads(text.encode("utf-8"))
    errors = [e.message for e in json_validator.iter_errors(data)]
    assert not errors, errors[:3]
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log.last_error)


def parse_or_documented_error(data: bytes, name: str, **options: Any) -> Document | None:
    try:
        return parse_bytes(data, name, **options)
    except UndocError:
        return None


@PROPERTY
@given(any_text, st.booleans())
def test_the_text_reader_takes_any_unicode(text: str, markdown: bool) -> None:
    read = text_to_lines(text, markdown=markdown)
    assert all(line.text.strip() for line in read.lines)


@PROPERTY
@given(any_text, st.sampled_from(LANGUAGES))
def test_the_numbering_rules_take_any_text(text: str, language: str) -> None:
    candidates = markers_at(text, language)
    chosen = choose(candidates, Expectation())
    assert chosen is None or chosen in candidates


@PROPERTY
@given(text=any_text, name=st.sampled_from(["in.txt", "in.md"]), language=st.sampled_from([None, "zh", "en", "ar", "ru"]),
       tokens=st.booleans())  # fmt: skip
def test_any_text_parses_or_fails_with_a_documented_error(text: str, name: str, language: str | None, tokens: bool) -> None:
    doc = parse_or_documented_error(text.encode("utf-8", "surrogatepass"), name, language=language, tokens=tokens)
    if doc is not None:
        check_outputs(doc)


@PROPERTY
@given(st.binary(max_size=600), st.sampled_from(["in.txt", "in.md", "in.pdf"]))
def test_any_bytes_parse_or_fail_with_a_documented_error(data: bytes, name: str) -> None:
    parse_or_documented_error(data, name)


@PROPERTY
@given(text=un_like, name=st.sampled_from(["in.txt", "in.md"]))
def test_numbered_text_with_controls_bidi_and_cdata_ends_still_parses_to_valid_output(text: str, name: str) -> None:
    doc = parse_bytes(text.encode("utf-8"), name, symbol="A/1/2")
    assert any(n.type == "paragraph" for n in doc.nodes())
    check_outputs(doc)


@pytest.mark.parametrize("surrogate", SURROGATES)
def test_lone_surrogates_in_the_bytes_are_undecodable_text(surrogate: str) -> None:
    data = f"1. Text {surrogate} here.\n2. More text.".encode("utf-8", "surrogatepass")
    with pytest.raises(UndecodableText):
        parse_bytes(data, "in.txt")


@cache
def _real_documents() -> tuple[Document, ...]:
    return (parsed(FIXTURES / "text" / "zh" / "LDC_PoA_resolution_excerpt.zh.txt", tokens=True),
            parsed(FIXTURES / "text" / "en" / "LDC_PoA_resolution_excerpt.en.txt"),
            parsed(FIXTURES / "text" / "zh" / "A_73_254.zh.md", symbol="A/73/254"))  # with footnotes and a masthead  # fmt: skip


def _spoil_node(node: Node, extra: str) -> Node:
    """``extra`` after the text (so that call offsets stay right) and before the heading and marker."""
    return replace(node, text=None if node.text is None else node.text + extra,
                   heading=None if node.heading is None else extra + node.heading,
                   marker=None if node.marker is None else node.marker + extra,
                   children=tuple(_spoil_node(c, extra) for c in node.children))  # fmt: skip


def _spoil(doc: Document, extra: str) -> Document:
    meta = doc.metadata
    title = MastheadText(extra + (meta.title.text if meta.title else ""))
    notes = tuple(replace(n, text=extra + n.text, marker=n.marker) for n in doc.footnotes)
    return replace(doc, body=tuple(_spoil_node(n, extra) for n in doc.body), footnotes=notes,
                   metadata=replace(meta, title=title, symbols=(extra, *meta.symbols), other=(MastheadText(extra),)))  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(extra=hostile, which=st.integers(min_value=0, max_value=2))
def test_writers_take_documents_whose_every_text_is_hostile(extra: str, which: int) -> None:
    check_outputs(_spoil(_real_documents()[which], extra))
