"""The symbol grammar and the masthead lines of every kind of document: year suffixes, parts, reissues,
emergency sessions, joint symbols, plural agenda items, Executive Board sessions."""

from __future__ import annotations

import json

import pytest

from parser import parse_bytes, to_json, to_xml
from parser.furniture import SYMBOL, SYMBOL_LINE
from parser.masthead import masthead_role


@pytest.mark.parametrize(
    ("line", "symbols"),
    [
        ("S/RES/2776 (2025)", ["S/RES/2776 (2025)"]),
        ("A/80/15 (Part II)", ["A/80/15 (Part II)"]),
        ("DP/FPA/2025/4 (Part I)", ["DP/FPA/2025/4 (Part I)"]),
        ("A/ES-10/1027", ["A/ES-10/1027"]),
        ("A/ES-10/1043-S/2025/529", ["A/ES-10/1043", "S/2025/529"]),
        ("ICCD/COP(8)/16", ["ICCD/COP(8)/16"]),
        ("A/80/82–E/2025/63", ["A/80/82", "E/2025/63"]),
        ("A/80/82−E/2025/63", ["A/80/82", "E/2025/63"]),
        ("S/2025/383*", ["S/2025/383"]),
        ("A/HRC/WG.6/34/ITA/3", ["A/HRC/WG.6/34/ITA/3"]),
        ("E/ICEF/672(Première partie)", ["E/ICEF/672(Première partie)"]),
        ("A/AC.105/1300 (Primera parte)", ["A/AC.105/1300 (Primera parte)"]),
        ("JIU/REP/2025/1 [Expanded report]", ["JIU/REP/2025/1"]),
        ("JIU/REP/2025/1 [Expanded report] [English only]", ["JIU/REP/2025/1"]),
    ],
)
def test_symbols_as_printed(line: str, symbols: list[str]) -> None:
    assert SYMBOL_LINE.match(line)
    assert [m.group("symbol") for m in SYMBOL.finditer(line)] == symbols


def test_no_symbol_from_a_title() -> None:
    assert not SYMBOL_LINE.match("HIV/AIDS")
    assert [m.group(0) for m in SYMBOL.finditer("Joint United Nations Programme on HIV/AIDS")] == []
    assert masthead_role("United Nations conferences and summits:") == ""
    assert masthead_role("United Nations") == "authority"
    assert masthead_role("United Nations S/2025/141") == "authority"


def test_a_bracketed_qualifier_is_no_symbol_line_of_its_own() -> None:
    assert not SYMBOL_LINE.match("[English only]")
    assert not SYMBOL_LINE.match("Prepared by Conrod Hunte JIU/REP/2025/1 [Expanded report]")


def _doc(text: str):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "t.txt", language="en")


def test_reissue_asterisk_is_kept_apart_from_the_symbol() -> None:
    doc = _doc("United Nations\nS/2025/383*\nSecurity Council\nDistr.: General\n\n1. Text.\n\n2. More.\n")
    assert doc.symbol == "S/2025/383" and doc.metadata.reissued
    data = json.loads(to_json(doc))
    assert data["metadata"]["reissued"] is True and data["metadata"]["symbols"] == ["S/2025/383"]


def test_plural_agenda_items_and_executive_board_sessions() -> None:
    doc = _doc(
        "United Nations\nDP/2025/12\nExecutive Board of the United Nations\nAnnual session 2025\n"
        "Agenda items 18 and 19\nFinancial matters\n\n1. Text.\n"
    )
    assert doc.metadata.session is not None and doc.metadata.session.text == "Annual session 2025"
    assert doc.metadata.agenda_item == "18, 19"
    assert doc.metadata.agenda_title is not None and doc.metadata.agenda_title.text == "Financial matters"


def test_a_two_organ_masthead_takes_its_title_from_above_the_document_type() -> None:
    doc = _doc(
        "United Nations\nA/80/82–E/2025/63\nGeneral Assembly\nEconomic and Social Council\nDistr.: General\n1 May 2025\n\n"
        "General Assembly\nEightieth session\nItem 21 (a) of the preliminary list\n\n"
        "Groups of countries in special situations\n\n"
        "Economic and Social Council\n2025 session\nAgenda item 12 (b)\n\nImplementation of and follow-up to major\n"
        "United Nations conferences and summits\n\nFollow-up to the Fifth United Nations Conference\n\n"
        "Report of the Secretary-General\n\n1. Text.\n"
    )
    assert doc.metadata.symbols == ("A/80/82", "E/2025/63")
    assert doc.metadata.title is not None and doc.metadata.title.text == "Follow-up to the Fifth United Nations Conference"


def test_the_kind_is_recorded_in_json_and_as_the_akn_document_name() -> None:
    doc = _doc("United Nations\nS/2025/1\n\nLetter dated 2 January 2025 from the Secretary-General\n\nI have the honour.\n")
    assert doc.metadata.kind == "letter"
    assert json.loads(to_json(doc))["metadata"]["kind"] == "letter"
    assert b'<doc name="letter">' in to_xml(doc)


def test_a_brochure_with_no_symbol_line_gives_the_symbol_printed_after_a_label() -> None:
    doc = _doc("Review Highlights JIU/NOTE/2022/1/Rev.1\n\nMarch 2023\n\n1. Text of the review.\n\n2. More text.\n")
    assert doc.symbol == "JIU/NOTE/2022/1/Rev.1" and doc.metadata.symbol_origin == "document"


def test_a_symbol_cited_in_running_text_is_no_labelled_symbol() -> None:
    doc = _doc("Some introduction\n\n1. The Assembly considered the report contained in document A/80/1.\n\n2. More.\n")
    assert doc.metadata.symbol_origin == "filename"


def test_a_symbol_page_one_prints_at_its_foot_is_the_symbol_of_a_masthead_without_one() -> None:
    from parser.masthead_symbols import footer_symbol
    from parser.model import Dropped, Source

    foot = Dropped("header", "FCCC/SBSTA/2011/MISC.14", Source(page=1))
    assert footer_symbol((Dropped("job_number", "GE.11-64419", Source(page=1)), foot)) == ("FCCC/SBSTA/2011/MISC.14", False)
    assert footer_symbol((Dropped("header", "FCCC/SBSTA/2011/MISC.14", Source(page=2)),)) is None  # a later page's header
