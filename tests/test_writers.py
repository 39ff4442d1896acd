"""JSON that validates against the published schema, and Akoma Ntoso XML that validates against the OASIS XSD."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parser import parse
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

from .conftest import SEED, TEXT_FIXTURES

NS = {"a": AKN_NS}


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_json_output_validates_against_the_schema(path: Path, json_validator: Any) -> None:
    data = json.loads(document_to_json(parse(path, tokens=True), tokens=True))
    errors = [e.message for e in json_validator.iter_errors(data)]
    assert not errors, errors[:3]


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_xml_output_validates_against_akoma_ntoso(path: Path, akn_schema: Any) -> None:
    tree = parse_xml_bytes(document_to_xml(parse(path)))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]


def test_json_keeps_real_characters_and_a_stable_key_order() -> None:
    text = document_to_json(parse(SEED, symbol="A/73/254"))
    assert "\\u" not in text and "将志愿服务纳入" in text
    assert list(json.loads(text)) == ["format", "generator", "source", "symbol", "language", "language_detected",
                                      "metadata", "body", "footnotes", "warnings", "dropped"]  # fmt: skip
    assert text == document_to_json(parse(SEED, symbol="A/73/254"))


def test_xml_eids_are_the_json_ids_and_notes_sit_at_their_call_sites() -> None:
    doc = parse(SEED, symbol="A/73/254")
    tree = parse_xml_bytes(document_to_xml(doc))
    eids = set(tree.xpath("//@eId"))
    assert {n.id for n in doc.nodes() if n.type != "block"} <= eids
    note = tree.xpath("//a:paragraph[@eId='para_49']//a:authorialNote", namespaces=NS)
    assert [(n.get("marker"), n.get("eId"), n.get("placement")) for n in note] == [("14", "fn_14", "bottom")]
    assert tree.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS) == "/akn/un/doc/paper/un/0000-00-00/A-73-254"
    assert tree.xpath("string(//a:FRBRExpression/a:FRBRuri/@value)", namespaces=NS).endswith("/A-73-254/zho")
    assert tree.xpath("string(//a:preface//a:session/@value)", namespaces=NS) == "73"


def test_every_footnote_appears_once_in_the_xml() -> None:
    doc = parse(SEED, symbol="A/73/254")
    tree = parse_xml_bytes(document_to_xml(doc))
    notes = tree.xpath("//a:authorialNote/@eId | //a:note/@eId", namespaces=NS)
    assert sorted(notes) == sorted(n.id for n in doc.footnotes)


def test_xml_drops_characters_xml_cannot_carry_but_stays_well_formed(tmp_path: Path, akn_schema: Any) -> None:
    path = tmp_path / "ctl.zh.md"
    path.write_text(SEED.read_text(encoding="utf-8").replace("1. 大会第", "1. 大会\x0c\ufffe第", 1), encoding="utf-8")
    tree = parse_xml_bytes(document_to_xml(parse(path, symbol="A/73/254")))
    assert akn_schema.validate(tree)
