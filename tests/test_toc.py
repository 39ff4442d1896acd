"""Tables of contents: one ``toc`` node with the printed entries, never chapters or sections of the body."""

from __future__ import annotations

import json
from typing import Any

from parser import parse_bytes
from parser.model import Line, Source, Span
from parser.toc import lines_to_toc
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, document_to_xml, toc_levels
from parser.xmlsafe import parse_xml_bytes

NS = {"a": AKN_NS}

REPORT = """A/80/999
General Assembly
Distr.: General
1 July 2025

Report of the Secretary-General

Contents
Page
I. Introduction . . . . . . . . . . . . . . . . . . 2
II. Recent developments in the Trade and
Development Board . . . . . . . . . . . . . . . . . 3
A. Political developments . . . . . . . . . . . . . 3
B. Economic developments . . . . . . . . . . . . . 4
III. Conclusions .................................. 5

I. Introduction

1. The present report is submitted pursuant to resolution 79/1.

II. Recent developments in the Trade and Development Board

A. Political developments

2. Political developments were many.

B. Economic developments

3. Economic developments were few.

III. Conclusions

4. The Assembly may wish to take note of the present report.
"""


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line((Span(t),), Source(line=i)) for i, t in enumerate(texts, 1))


def test_a_table_of_contents_is_one_toc_node_and_the_chapters_after_it_keep_their_ids() -> None:
    doc = parse_bytes(REPORT.encode(), "A_80_999.txt")
    toc = doc.body[0]
    assert toc.type == "toc" and toc.heading == "Contents" and toc.table is not None
    rows = [[c.text for c in row] for row in toc.table.rows[toc.table.header_rows :]]
    assert rows == [
        ["I.", "Introduction", "2"],
        ["II.", "Recent developments in the Trade and Development Board", "3"],
        ["A.", "Political developments", "3"],
        ["B.", "Economic developments", "4"],
        ["III.", "Conclusions", "5"],
    ]
    ids = [n.id for n in doc.nodes() if n.type in ("chapter", "section")]
    assert ids == ["chp_1", "chp_2", "chp_2__sec_A", "chp_2__sec_B", "chp_3"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]
    assert [d.kind for d in doc.dropped].count("leader") == 5


def test_the_toc_validates_as_akn_toc_items_linked_to_the_chapters(akn_schema: Any, json_validator: Any) -> None:
    doc = parse_bytes(REPORT.encode(), "A_80_999.txt")
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    items = tree.xpath("//a:hcontainer[@name='toc']//a:tocItem", namespaces=NS)
    assert [(i.get("level"), i.get("href")) for i in items] == [
        ("1", "#chp_1"), ("1", "#chp_2"), ("2", "#chp_2__sec_A"), ("2", "#chp_2__sec_B"), ("1", "#chp_3")]  # fmt: skip
    assert not [e.message for e in json_validator.iter_errors(json.loads(document_to_json(doc)))]


def test_a_toc_without_heading_is_found_from_its_leaders_and_page_numbers_on_lines_of_their_own() -> None:
    lines = _lines("Introduction . . . . . . . . . .", "3", "Bulgaria . . . . . . . . . . . .", "6", "Latvia .........", "11",
                   "1. The report covers three States.")  # fmt: skip
    out, dropped = lines_to_toc(lines, "en")
    assert len(out) == 2 and out[0].region is not None and out[0].region.kind == "toc"
    assert [[c.text for c in row] for row in out[0].region.rows] == [["", "Introduction", "3"], ["", "Bulgaria", "6"],
                                                                     ["", "Latvia", "11"]]  # fmt: skip
    assert out[1].text == "1. The report covers three States."
    assert len(dropped) == 3


def test_one_leader_line_or_an_ellipsis_is_not_a_table_of_contents() -> None:
    lines = _lines("President: Mr. Yang . . . . . . . . . . . . (Cameroon)", "The meeting was called to order ....",
                   "1. Everything went well. . . . .")  # fmt: skip
    out, dropped = lines_to_toc(lines, "en")
    assert out == lines and not dropped


def test_toc_levels_tell_a_section_letter_from_a_roman_chapter() -> None:
    assert toc_levels(["I.", "A.", "B.", "C.", "II.", "", "1."]) == [1, 2, 2, 2, 1, 1, 3]
    assert toc_levels(["I.", "II.", "III.", "IV.", "V.", "C."]) == [1, 1, 1, 1, 1, 1]


def test_a_short_spaced_leader_before_a_page_number_ends_an_entry() -> None:
    lines = _lines("Contents", "Chapter Page", "I. Matters calling for action or brought to its attention . . . 5",
                   "II. Action taken by the Commission . . . . . . . . . . . . . . . . 9", "Chapter I")  # fmt: skip
    out, _ = lines_to_toc(lines, "en")
    assert out[0].region is not None and out[1].text == "Chapter I"
    rows = [[c.text for c in row] for row in out[0].region.rows[out[0].region.header_rows :]]
    assert rows == [["I.", "Matters calling for action or brought to its attention", "5"],
                    ["II.", "Action taken by the Commission", "9"]]  # fmt: skip


def test_a_list_of_annexes_ending_the_contents_page_is_part_of_the_contents() -> None:
    def line(text: str, page: int) -> Line:
        return Line((Span(text),), Source(line=1, page=page))

    texts = ("Contents", "I. Introduction . . . . . . . . . . 5", "II. Mandate . . . . . . . . . . . 5", "Annexes",
             "1. The charter", "2. Audit reports issued in 2024.", "(Annexes are available on the website)")  # fmt: skip
    lines = (*(line(t, 4) for t in texts), line("I. Introduction", 5), line("1. This report …", 5))
    out, _ = lines_to_toc(lines, "en")
    assert [o.text for o in out[1:]] == ["I. Introduction", "1. This report …"]
    region = out[0].region
    assert region is not None
    assert [row[1].text for row in region.rows] == ["Introduction", "Mandate", *(t.lstrip("12. ") for t in texts[3:])]
    assert lines_to_toc(lines[1:3] + lines[4:], "en")[0][1:3] == lines[4:6]  # no list heading: body text


def test_five_spaced_dots_before_a_page_number_set_on_a_line_of_its_own_end_an_entry() -> None:
    lines = _lines("Contents", "Page", "I. Department of Political and Peacebuilding Affairs . . . . . . . . . . . .", "3",
                   "A. Proposed programme plan for 2027 and programme performance in 2025*** . . . . .", "3",
                   "Overall orientation . . . . . . . . . . . . . . . . . 3", "I. Department of Political Affairs")  # fmt: skip
    out, _ = lines_to_toc(lines, "en")
    assert out[0].region is not None and [line.text for line in out[1:]] == ["I. Department of Political Affairs"]
    titles = [cells[1].text for cells in out[0].region.rows[1:]]
    assert titles == ["Department of Political and Peacebuilding Affairs",
                      "Proposed programme plan for 2027 and programme performance in 2025***", "Overall orientation"]  # fmt: skip
    assert [cells[2].text for cells in out[0].region.rows[1:]] == ["3", "3", "3"]


def test_a_contents_carried_over_a_page_break_is_one_toc_past_the_notes_between() -> None:
    page_one = _lines(
        "Contents", "Page", "I. Introduction . . . . . . . . . . . . . . 2", "II. Mandates . . . . . . . . . . . . 3"
    )
    note = Line((Span("*", sup=True), Span(" Reissued.")), Source(line=5), zone="footnote", footnote_block=True)

    def line(text: str, n: int, **flags: bool) -> Line:
        return Line((Span(text),), Source(line=n), **flags)

    wrapped = (line("III. Regional coordination of United Nations support for the", 6, page_start=True),
               line("African Union . . . . . . . . . . . 4", 7), line("IV. Conclusions . . . . . . . . . . . . . 5", 8),
               line("I. Introduction", 9, blank_before=True))  # fmt: skip
    out, _ = lines_to_toc((*page_one, note, *wrapped), "en")
    assert [line.region is not None for line in out] == [True, False, False]
    region = out[0].region
    titles = [row[1].text for row in region.rows[1:]] if region is not None else []
    assert titles == [
        "Introduction",
        "Mandates",
        "Regional coordination of United Nations support for the African Union",
        "Conclusions",
    ]
    repeated = (line("Page", 6, page_start=True), line("III. Resources . . . . . . . . . . 4", 7), line("I. Introduction", 8))
    out, _ = lines_to_toc((*page_one, note, *repeated), "en")
    region = out[0].region
    assert region is not None and [row[1].text for row in region.rows[1:]] == ["Introduction", "Mandates", "Resources"]
