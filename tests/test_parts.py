"""A resolution's preamble, operative paragraphs and conclusions (``parser.parts``), in JSON and AKN."""

from __future__ import annotations

import json
from typing import Any

from parser import parse_bytes
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

NS = {"a": AKN_NS}

GA = (
    "United Nations\nA/RES/80/9\nGeneral Assembly\nDistr.: General\n5 June 2025\n\nEightieth session\nAgenda item 12\n\n"
    "Resolution adopted by the General Assembly on 3 June 2025\n\n80/9. Road safety\n\n"
    "The General Assembly,\n\nRecalling its resolution 78/1,\n\nNoting with concern the number of deaths,\n\n"
    "## Road safety partnerships\n\nWelcoming the work of the partnerships,\n\n"
    "1. Invites Member States to act;\n\n2. Decides to remain seized of the matter.\n\n"
    "64th plenary meeting\n3 June 2025\n"
)


def _doc(text: str) -> Any:
    return parse_bytes(text.encode("utf-8"), "t.md", language="en")


def test_a_resolution_has_its_preamble_its_operative_paragraphs_and_its_adoption_lines() -> None:
    doc = _doc(GA)
    assert [(n.type, n.id) for n in doc.body] == [
        ("preamble", "preamble"), ("paragraph", "para_1"), ("paragraph", "para_2"), ("conclusions", "conclusions")
    ]  # fmt: skip
    preamble, conclusions = doc.body[0], doc.body[-1]
    assert [(n.type, n.id) for n in preamble.children] == [
        ("block", "preamble__p_1"), ("block", "preamble__p_2"), ("block", "preamble__p_3"),
        ("heading", "preamble__hdg_1"), ("block", "preamble__p_4"),
    ]  # fmt: skip
    assert preamble.children[0].text == "The General Assembly,"
    assert [n.text for n in conclusions.children] == ["64th plenary meeting 3 June 2025"]
    assert preamble.sources and conclusions.sources  # a part stands where its units do


def test_a_resolution_is_an_akn_statement_with_recitals_and_conclusions(akn_schema: Any, json_validator: Any) -> None:
    doc = _doc(GA)
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    assert tree.xpath("/a:akomaNtoso/a:statement/@name", namespaces=NS) == ["resolution"]
    assert tree.xpath("//a:FRBRWork/a:FRBRsubtype/@value", namespaces=NS) == ["deliberation"]
    assert tree.xpath("//a:preamble/a:formula/a:p/text()", namespaces=NS) == ["The General Assembly,"]
    assert tree.xpath("//a:preamble/a:recitals/a:recital/@eId", namespaces=NS) == [
        "preamble__p_2", "preamble__p_3", "preamble__p_4"
    ]  # fmt: skip
    assert tree.xpath("//a:preamble/a:container[@name='crossHeading']/a:p/text()", namespaces=NS) == ["Road safety partnerships"]
    assert tree.xpath("//a:mainBody/a:paragraph/@eId", namespaces=NS) == ["para_1", "para_2"]
    assert tree.xpath("//a:conclusions/a:container/a:p/text()", namespaces=NS) == ["64th plenary meeting 3 June 2025"]
    assert not [e.message for e in json_validator.iter_errors(json.loads(document_to_json(doc)))]


def test_a_heading_right_above_the_first_operative_paragraph_heads_the_operative_part() -> None:
    text = GA.replace("1. Invites", "## Action by Member States\n\n1. Invites")
    doc = _doc(text)
    assert [(n.type, n.id) for n in doc.body[:3]] == [("preamble", "preamble"), ("heading", "body__hdg_1"),
                                                      ("paragraph", "para_1")]  # fmt: skip


def test_running_text_after_the_last_paragraph_is_no_conclusion() -> None:
    text = GA.replace("64th plenary meeting\n3 June 2025\n", "and requests the Secretary-General to report on it.\n")
    doc = _doc(text)
    assert "conclusions" not in [n.type for n in doc.body]


def test_a_report_that_starts_with_chapters_has_no_preamble(akn_schema: Any) -> None:
    text = (
        "United Nations\nA/80/100\nGeneral Assembly\nDistr.: General\n5 June 2025\n\nEightieth session\n\n"
        "Report of the Secretary-General\n\nI. Introduction\n\n1. The present report is submitted.\n\n"
        "The General Assembly,\n\n2. It is quoted here.\n"
    )
    doc = _doc(text)
    assert not [n for n in doc.nodes() if n.type in ("preamble", "conclusions")]
    tree = parse_xml_bytes(document_to_xml(doc))
    assert tree.xpath("/a:akomaNtoso/a:doc/@name", namespaces=NS) == ["report"]


def test_the_formula_ends_a_masthead_whose_title_the_kinds_do_not_know() -> None:
    text = (
        "United Nations\nA/AC.109/2025/L.25\nGeneral Assembly\nDistr.: Limited\n13 June 2025\n\n"
        "Special Committee on Decolonization\nDraft resolution submitted by the Chair\n"
        "Implementation of the Declaration\nThe General Assembly,\n\nHaving examined the report,\n\n"
        "1. Reaffirms the Declaration;\n\n2. Requests a report.\n"
    )
    doc = _doc(text)
    assert not [o.text for o in doc.metadata.other if "General Assembly," in o.text or "Having" in o.text]
    assert [n.text for n in doc.body[0].children] == ["The General Assembly,", "Having examined the report,"]


def test_a_draft_submitted_by_an_officer_is_a_resolution_titled_by_its_own_title_with_its_text_in_the_body() -> None:
    text = (
        "United Nations\nE/2025/L.19\nEconomic and Social Council\nDistr.: Limited\n10 July 2025\n\n"
        "2025 session\nAgenda item 12 (c)\nCoordination questions: support for Haiti\n\n"
        "Draft decision submitted by the Vice-President of the Council, Lok\nBahadur Thapa (Nepal)\n\n"
        "## Appointment of an additional member of the Group\n\n"
        "The Economic and Social Council, recalling its resolution 2024/20, decides to appoint a member.\n"
    )
    doc = _doc(text)
    assert doc.metadata.kind == "resolution"
    assert doc.metadata.title is not None and doc.metadata.title.text == "Appointment of an additional member of the Group"
    assert doc.metadata.subtitle is not None and doc.metadata.subtitle.text.startswith("Draft decision submitted by")
    assert not [n for n in doc.body if n.type == "heading"]  # the draft's own title is its title, not a heading
    assert [n.text or n.heading for n in doc.body][-1].startswith("The Economic and Social Council, recalling")
