"""Quoted structures: a draft a report quotes numbers its own paragraphs in its own scope."""

from __future__ import annotations

import json
from typing import Any

import regex

from parser import parse_bytes
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

NS = {"a": AKN_NS}

REPORT = """A/80/996
General Assembly
Distr.: General

Report of the Third Committee

I. Introduction

1. At its 5th meeting, the Committee recommended the adoption of the following draft resolutions:

Draft resolution I

Rights of the child

The General Assembly,

Recalling its resolution 79/1,

1. Decides to continue its work;

2. Requests a report.

Draft resolution II

Literacy

The General Assembly,

1. Welcomes the report;

2. Decides to remain seized of the matter;

3. Requests the Secretary-General to report.

2. At the same meeting, the Committee adopted its report.

II. Recommendation

3. The Committee recommends the adoption of the following draft decision:

Draft decision

The General Assembly takes note of the report.

A. Other matters

4. No other matters were raised.
"""


def _doc() -> Any:
    return parse_bytes(REPORT.encode(), "A_80_996.txt")


def test_a_quoted_draft_numbers_its_paragraphs_in_its_own_scope_under_the_quoting_paragraph() -> None:
    doc = _doc()
    quotes = [n for n in doc.nodes() if n.type == "quote"]
    assert [(q.id, q.heading) for q in quotes] == [
        ("para_1__qs_1", "Draft resolution I"),
        ("para_1__qs_2", "Draft resolution II"),
        ("para_3__qs_1", "Draft decision"),
    ]
    assert [p.id for p in quotes[1].walk() if p.type == "paragraph"] == [
        "para_1__qs_2__para_1", "para_1__qs_2__para_2", "para_1__qs_2__para_3"]  # fmt: skip


def test_the_document_numbering_runs_on_unbroken_across_quotes() -> None:
    doc = _doc()
    own = [n.id for root in doc.body for n in root.walk() if n.type == "paragraph" and "__qs_" not in n.id]
    assert own == ["para_1", "para_2", "para_3", "para_4"]
    assert [n.id for n in doc.nodes() if n.type in ("chapter", "section")] == ["chp_1", "chp_2", "chp_2__sec_A"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]
    assert not [n.id for n in doc.nodes() if regex.search(r"_\d+_\d+$", n.id)]  # no id suffixed for a duplicate


def test_quotes_validate_as_embedded_structures(akn_schema: Any, json_validator: Any) -> None:
    doc = _doc()
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    held = tree.xpath("//a:hcontainer[@name='quote']/a:content/a:p/a:embeddedStructure/a:paragraph/@eId", namespaces=NS)
    assert "para_1__qs_1__para_1" in held
    assert not [e.message for e in json_validator.iter_errors(json.loads(document_to_json(doc)))]


def test_a_bare_decision_heading_is_not_a_quote() -> None:
    doc = parse_bytes(b"A/80/995\n\nI. Decision\n\n1. The Board took a decision.\n\nDecision\n\n2. It was final.\n", "x.txt")
    assert not [n for n in doc.nodes() if n.type == "quote"]
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"]
