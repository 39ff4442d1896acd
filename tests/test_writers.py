"""JSON that validates against the published schema, and Akoma Ntoso XML that validates against the OASIS XSD."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parser import parse
from parser.errors import UsageError
from parser.model import Node
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, UNDOC_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

from .conftest import FIXTURES, PDF_FIXTURES, ROOT, SEED, TEXT_FIXTURES, parsed

NS = {"a": AKN_NS}


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_json_output_validates_against_the_schema(path: Path, json_validator: Any) -> None:
    data = json.loads(document_to_json(parsed(path, tokens=True), tokens=True))
    errors = [e.message for e in json_validator.iter_errors(data)]
    assert not errors, errors[:3]


@pytest.mark.parametrize("path", TEXT_FIXTURES + PDF_FIXTURES, ids=lambda p: p.name)
def test_xml_output_validates_against_akoma_ntoso(path: Path, akn_schema: Any) -> None:
    tree = parse_xml_bytes(document_to_xml(parsed(path)))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]


def _heading(node_id: str, text: str) -> Node:
    return Node("heading", node_id, None, None, None, heading=text)


def test_an_unnumbered_heading_validates_wherever_it_lands(akn_schema: Any) -> None:
    """Directly in mainBody (a signature line after the last paragraph) the schema takes no crossHeading."""
    doc = parsed(SEED, symbol="A/73/254")
    first = doc.body[0]
    para = next(p for p in first.children if p.children)
    in_list = replace(para, children=(*para.children, _heading(f"{para.id}__hdg_1", "Inside a list")))
    children = tuple(in_list if c is para else c for c in first.children)
    chapter = replace(first, children=(_heading("chp_1__hdg_1", "Inside a chapter"), *children))
    body = (_heading("body__hdg_0", "First"), chapter, *doc.body[1:], _heading("body__hdg_1", "Women Council"))
    tree = parse_xml_bytes(document_to_xml(replace(doc, body=body)))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    top = tree.xpath("//a:mainBody/a:hcontainer[@name='crossHeading']", namespaces=NS)
    assert [(h.get("eId"), h.findtext("a:heading", namespaces=NS)) for h in top] == [
        ("body__hdg_0", "First"), ("body__hdg_1", "Women Council")]  # fmt: skip
    inner = tree.xpath("//a:chapter/a:crossHeading/@eId | //a:list/a:crossHeading/@eId", namespaces=NS)
    assert sorted(inner) == sorted(["chp_1__hdg_1", f"{para.id}__hdg_1"])


def test_xml_is_the_same_on_every_run_and_carries_no_clock_time(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parsed(FIXTURES / "pdf" / "en" / "A_RES_48_246.en.pdf")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    xml = document_to_xml(doc)
    assert date.today().isoformat().encode() not in xml or doc.metadata.date_iso == date.today().isoformat()
    manifestation = parse_xml_bytes(xml).xpath("//a:FRBRManifestation/a:FRBRdate", namespaces=NS)[0]
    assert (manifestation.get("date"), manifestation.get("name")) == (doc.metadata.date_iso, "document")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = parse_xml_bytes(document_to_xml(doc)).xpath("//a:FRBRManifestation/a:FRBRdate/@date", namespaces=NS)
    assert dated == ["2023-11-14"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        document_to_xml(doc)


def test_the_xml_names_the_input_it_was_made_from() -> None:
    doc = parsed(SEED, symbol="A/73/254")
    source = parse_xml_bytes(document_to_xml(doc)).find(f".//{{{UNDOC_NS}}}source")
    assert source is not None and (source.get("name"), source.get("sha256")) == ("A_73_254.zh.md", doc.source.sha256)


def test_validate_xml_script_names_the_invalid_files(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(document_to_xml(parsed(SEED, symbol="A/73/254")))
    script = [sys.executable, str(ROOT / "bench" / "validate_xml.py")]
    ok = subprocess.run([*script, str(tmp_path)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "1 of 1 XML files validate" in ok.stdout
    (tmp_path / "sub").mkdir()
    bad = tmp_path / "sub" / "bad.xml"
    bad.write_bytes(good.read_bytes().replace(b"<mainBody>", b"<mainBody><crossHeading>x</crossHeading>", 1))
    failed = subprocess.run([*script, str(tmp_path)], capture_output=True, text=True, check=False)
    assert failed.returncode == 1 and f"{bad}: line" in failed.stdout and "1 of 2 XML files validate" in failed.stdout


def test_json_keeps_real_characters_and_a_stable_key_order() -> None:
    text = document_to_json(parsed(SEED, symbol="A/73/254"))
    assert "\\u" not in text and "将志愿服务纳入" in text
    assert list(json.loads(text)) == ["format", "generator", "source", "symbol", "language", "language_detected",
                                      "metadata", "body", "footnotes", "warnings", "dropped"]  # fmt: skip
    assert text == document_to_json(parse(SEED, symbol="A/73/254"))


def test_xml_eids_are_the_json_ids_and_notes_sit_at_their_call_sites() -> None:
    doc = parsed(SEED, symbol="A/73/254")
    tree = parse_xml_bytes(document_to_xml(doc))
    eids = set(tree.xpath("//@eId"))
    assert {n.id for n in doc.nodes() if n.type != "block"} <= eids
    note = tree.xpath("//a:paragraph[@eId='para_49']//a:authorialNote", namespaces=NS)
    assert [(n.get("marker"), n.get("eId"), n.get("placement")) for n in note] == [("14", "fn_14", "bottom")]
    assert tree.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS) == "/akn/un/doc/paper/un/0000-00-00/A-73-254"
    assert tree.xpath("string(//a:FRBRExpression/a:FRBRuri/@value)", namespaces=NS).endswith("/A-73-254/zho")
    assert tree.xpath("string(//a:preface//a:session/@value)", namespaces=NS) == "73"


def test_every_footnote_appears_once_in_the_xml() -> None:
    doc = parsed(SEED, symbol="A/73/254")
    tree = parse_xml_bytes(document_to_xml(doc))
    notes = tree.xpath("//a:authorialNote/@eId | //a:note/@eId", namespaces=NS)
    assert sorted(notes) == sorted(n.id for n in doc.footnotes)


def test_xml_drops_characters_xml_cannot_carry_but_stays_well_formed(tmp_path: Path, akn_schema: Any) -> None:
    path = tmp_path / "ctl.zh.md"
    path.write_text(SEED.read_text(encoding="utf-8").replace("1. 大会第", "1. 大会\x0c\ufffe第", 1), encoding="utf-8")
    tree = parse_xml_bytes(document_to_xml(parse(path, symbol="A/73/254")))
    assert akn_schema.validate(tree)
