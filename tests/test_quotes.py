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


def test_a_list_that_numbers_from_1_again_is_quoted_and_the_document_numbering_runs_on() -> None:
    text = ("A/80/994\n\nI. Organization\n\n1. The session opened.\n\n2. The Commission adopted the following agenda:\n\n"
            "1. Opening of the session.\n\n2. General debate.\n\n3. Other matters.\n\n3. The report was adopted.\n\n"
            "Decision A (71)\n\n1. Emphasizes the work.\n\n2. Requests a report.\n\n### Decision B (71)\n\n"
            "The Commission,\n\nRecalling its decision,\n\n1. Welcomes the plan.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "A_80_994.md")
    own = [n.id for root in doc.body for n in root.walk() if n.type == "paragraph" and "__qs_" not in n.id]
    assert own == ["para_1", "para_2", "para_3"]
    quotes = [(n.id, [c.id for c in n.children if c.type == "paragraph"]) for n in doc.nodes() if n.type == "quote"]
    assert quotes[0] == ("para_2__qs_1", ["para_2__qs_1__para_1", "para_2__qs_1__para_2", "para_2__qs_1__para_3"])
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]
    assert [(n.id, n.heading) for n in doc.nodes() if n.type == "quote"][1:] == [
        ("para_3__qs_1", "Decision A (71)"), ("para_3__qs_2", "Decision B (71)")]  # fmt: skip
    second = doc.get("para_3__qs_2")
    assert [c.type for c in second.children] == ["block", "paragraph"]  # type: ignore[union-attr]
    assert second.children[0].text.startswith("The Commission,")  # type: ignore[union-attr]


def test_agreed_conclusions_numbered_in_a_boards_session_are_quoted_and_an_agenda_after_paragraph_1_too() -> None:
    text = ("TD/B/EX(77)/1\n\nI. Action by the Board\n\nA. The report\n\nAgreed conclusions 586 (EX-LXXVII)\n\n"
            "1. Welcomes the report;\n\n2. Notes the flows.\n\nB. Other action\n\n1. The Board endorsed the conclusions.\n\n"
            "Provisional agenda of the next session\n\n1. Opening of the session.\n\n2. Other business.\n\n"
            "II. Summary\n\n2. The Secretary-General spoke.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "x.md")
    own = [n.id for root in doc.body for n in root.walk() if n.type == "paragraph" and "__qs_" not in n.id]
    assert own == ["para_1", "para_2"]
    assert [(n.id, n.heading) for n in doc.nodes() if n.type == "quote"] == [
        ("chp_1__sec_A__qs_1", "Agreed conclusions 586 (EX-LXXVII)"),
        ("para_1__qs_1", "Provisional agenda of the next session"),
    ]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_a_corrigendum_quotes_the_paragraph_it_substitutes_with_its_own_number() -> None:
    text = ("E/2025/68/Corr.2\n\n1. Paragraph 49\n\nFor the existing text substitute\n\n49. Migration has grown.\n\n"
            "2. Paragraph 52\n\nFor the existing text substitute\n\n52. Conflicts drive displacement.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "x.md")
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_1__qs_1__para_49", "para_2", "para_2__qs_1__para_52"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_chapters_numbered_from_i_again_after_the_documents_own_are_a_quoted_text() -> None:
    text = ("A/80/993\n\nI. Programme questions\n\nA. Programme 27\n\n1. The Committee recommended changes:\n\n"
            "I. International Civil Service Commission\n\nReplace “a proposal” with “proposals”.\n\n"
            "II. Joint Inspection Unit\n\nAdd “79/281”.\n\n2. The Committee considered programme 28.\n\n"
            "II. Coordination questions\n\n3. The Committee met.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "x.md")
    assert [n.id for n in doc.nodes() if n.type == "chapter"] == ["chp_1", "para_1__qs_1__chp_1", "para_1__qs_1__chp_2", "chp_2"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_a_quoted_agendas_documentation_stays_with_its_item_and_each_draft_numbers_its_notes() -> None:
    text = ("E/2025/992\n\nI. Matters\n\n1. The Commission recommends:\n\nDraft decision I\n\n"
            "The Council approves the agenda:\n\n1. Science and technology:\n\n(a) National innovation;\n\n### Documentation\n\n"
            "Report of the Secretary-General\n\n(b) Artificial intelligence.\n\n### Documentation\n\n"
            "Report of the Secretary-General\n\n2. Other matters.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "x.md")
    item = doc.get("para_1__qs_1__para_1")
    assert [c.id for c in item.children] == ["para_1__qs_1__para_1__list_1__point_a", "para_1__qs_1__para_1__list_1__point_b"]  # type: ignore[union-attr]
    assert [c.type for c in item.children[0].children] == ["heading", "block"]  # type: ignore[union-attr]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_headings_under_a_quoted_list_that_letters_again_head_its_new_list() -> None:
    text = ("S/2025/991\n\n1. The report lists the parties:\n\nDraft decision\n\n1. Lists the parties as follows:\n\n"
            "### Parties in Libya\n\n(a) Agency A;\n\n(b) Agency B.\n\n### Parties in Mali\n\n### Non-State actors\n\n"
            "(a) Group C;\n\n(b) Group D.\n")  # fmt: skip
    doc = parse_bytes(text.encode(), "x.md")
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]
    points = [n.id for n in doc.nodes() if n.type == "subparagraph"]
    assert [p.rpartition("__qs_1__")[2] for p in points] == ["list_1__point_a", "list_1__point_b", "list_2__point_a",
                                                             "list_2__point_b"]  # fmt: skip
