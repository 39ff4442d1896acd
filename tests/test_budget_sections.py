"""Programme budget sections: paragraph numbers prefixed with the section's (``34.1``, ``29A.3``, ``3.I.1``), their
ids after the AKN naming convention (``para_34-1``), and the section symbol with its part and reissue star."""

from __future__ import annotations

from parser import parse_bytes
from parser.classify import lines_to_blocks
from parser.furniture import SYMBOL
from parser.numbering import markers_at
from parser.read.text import text_to_lines

MASTHEAD = "United Nations\nA/81/6 (Sect. 34)/Part A*\nGeneral Assembly\nDistr.: General\n\n"


def _blocks(text: str) -> list[tuple[str, str]]:
    lines = text_to_lines(text, markdown=False).lines
    return [(b.kind, b.marker.num if b.marker else "") for b in lines_to_blocks(lines, "en")]


def test_a_section_prefixed_number_is_a_paragraph_marker_and_running_decimals_are_not() -> None:
    (marker,) = markers_at("34.12 The Department will continue", "en")
    assert (marker.level, marker.num, marker.ordinal) == ("paragraph", "34.12", 12)
    assert markers_at("29A.3 The Office", "en")[0].num == "29A.3"
    assert markers_at("3.II.1 The Office", "en")[0].num == "3.II.1"
    assert markers_at("2.5 per cent of the posts", "en") == []


def test_a_prefixed_number_continues_its_prefix_and_a_new_part_starts_at_one() -> None:
    text = "A. Plan\n\n3.I.1 The Department.\n\n3.I.2 It works.\n\nB. Plan\n\n3.II.1 The Office.\n\n3.II.2 It helps.\n"
    assert [b for b in _blocks(text) if b[0] == "paragraph"] == [
        ("paragraph", "3.I.1"), ("paragraph", "3.I.2"), ("paragraph", "3.II.1"), ("paragraph", "3.II.2"),
    ]  # fmt: skip
    # a second number of another prefix that does not start at 1 is text, not a paragraph
    assert _blocks("34.1 The Department.\n\n12.4 Something else.\n")[1] == ("text", "")


def test_a_budget_section_parses_with_its_symbol_and_prefixed_ids_and_complete_numbering() -> None:
    text = MASTHEAD + "A. Proposed programme plan\n\n34.1 The Department leads.\n\n34.2 It works:\n\n(a) here;\n\n(b) there.\n"
    doc = parse_bytes(text.encode(), "t.txt", language="en")
    assert doc.symbol == "A/81/6 (Sect. 34)/Part A" and doc.metadata.reissued
    ids = [n.id for root in doc.body for n in root.walk()]
    assert ids == ["sec_A", "para_34-1", "para_34-2", "para_34-2__list_1__point_a", "para_34-2__list_1__point_b"]
    assert not [i for i in doc.warnings if i.code.startswith("numbering")]


def test_the_budget_section_symbol_forms() -> None:
    found = [(m.group("symbol"), m.group("reissued")) for m in SYMBOL.finditer("A/81/6 (Sect. 29A)/Part A* and A/81/6 (Sect. 2)")]
    assert found == [("A/81/6 (Sect. 29A)/Part A", "*"), ("A/81/6 (Sect. 2)", "")]


def test_autocorrected_copyright_sign_is_the_third_item_only() -> None:
    text = "1. It works:\n\n(a) here;\n\n(b) there;\n\n© elsewhere.\n"
    assert _blocks(text)[-1] == ("subparagraph", "©")
    assert _blocks("1. It works.\n\n© United Nations 2025\n")[-1] == ("text", "")


def test_an_item_wrapped_from_an_inline_list_is_part_of_it_and_the_list_is_split() -> None:
    text = MASTHEAD + "1. The options were: (a) statehood;\n(b) independence; and (c) the status quo.\n\n2. Next.\n"
    doc = parse_bytes(text.encode(), "t.txt", language="en")
    ids = [n.id for root in doc.body for n in root.walk()]
    assert ids == ["para_1", "para_1__list_1__point_a", "para_1__list_1__point_b", "para_1__list_1__point_c", "para_2"]


def test_an_annex_numbering_its_notes_from_one_again_is_no_duplicate() -> None:
    text = MASTHEAD + "1. Text.[^1]\n\n2. More.[^2]\n\nAnnex\n\n1. Annexed.[^3]\n\n[^1]: One.\n[^2]: Two.\n[^3]: Three.\n"
    doc = parse_bytes(text.encode(), "t.md", language="en")
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]
