"""The numbering table: markers in the six languages, and the explicit step for ambiguous markers."""

from __future__ import annotations

import pytest

from parser.ids import neutral_num
from parser.numbering import Expectation, choose, markers_at, roman_to_int, zh_to_int


@pytest.mark.parametrize(
    "text, language, level, num, ordinal",
    [
        ("三. 将志愿服务", "zh", "chapter", "三", 3),
        ("十二. 结论", "zh", "chapter", "十二", 12),
        ("A. 通过加强", "zh", "section", "A", 1),
        ("48. 迄今为止", "zh", "paragraph", "48", 48),
        ("１．全角数字", "zh", "paragraph", "１", 1),
        ("(b) 将志愿服务", "zh", "subparagraph", "b", 2),
        ("IV. Conclusions", "en", "chapter", "IV", 4),
        ("a) promouvoir", "fr", "subparagraph", "a", 1),
        ("ثالثا - الاستنتاجات", "ar", "chapter", "ثالثا", 3),
        ("بـــاء - الخلفية", "ar", "section", "بـــاء", 2),
        ("١٢ - تلاحظ", "ar", "paragraph", "١٢", 12),
        ("(ج) الفقرة", "ar", "subparagraph", "ج", 3),
    ],
)
def test_markers_are_read_in_each_language(text: str, language: str, level: str, num: str, ordinal: int) -> None:
    marker = choose(markers_at(text, language), Expectation())
    assert marker is not None and (marker.level, marker.num, marker.ordinal) == (level, num, ordinal)


def test_printed_marker_keeps_full_width_forms() -> None:
    marker = markers_at("１２．全角", "zh")[0]
    assert marker.printed == "１２．" and marker.ordinal == 12


def test_numbers_in_running_text_are_not_markers() -> None:
    assert markers_at("2030 年议程", "zh") == []
    assert markers_at("1.5 million people", "en") == []
    assert markers_at("In 2019. we", "en") == []


def test_letter_i_after_h_is_a_section_but_i_at_the_start_is_a_chapter() -> None:
    candidates = markers_at("I. Title", "en")
    assert choose(candidates, Expectation()).level == "chapter"  # type: ignore[union-attr]
    assert choose(candidates, Expectation(chapter=2, section=8)).level == "section"  # type: ignore[union-attr]


def test_c_and_d_are_section_letters_unless_chapters_run_that_far() -> None:
    assert choose(markers_at("C. Measuring", "en"), Expectation(chapter=3, section=2)).level == "section"  # type: ignore[union-attr]
    assert choose(markers_at("D. Next", "en"), Expectation(chapter=1)).level == "section"  # type: ignore[union-attr]


def test_roman_i_after_a_letter_is_a_nested_item_but_after_h_it_is_letter_i() -> None:
    candidates = markers_at("(i) item", "en")
    assert choose(candidates, Expectation(paragraph=3, subparagraph=1)).level == "subsubparagraph"  # type: ignore[union-attr]
    assert choose(candidates, Expectation(paragraph=3, subparagraph=8)).level == "subparagraph"  # type: ignore[union-attr]
    v = markers_at("(v) item", "en")
    assert choose(v, Expectation(subparagraph=1, subsubparagraph=4)).level == "subsubparagraph"  # type: ignore[union-attr]
    assert choose(v, Expectation(subparagraph=21)).level == "subparagraph"  # type: ignore[union-attr]


def test_a_list_starting_at_i_is_roman_and_letters_go_on_doubled_after_z() -> None:
    first = choose(markers_at("i) que refleje", "es"), Expectation(paragraph=3))
    assert first is not None and (first.level, first.ordinal) == ("subsubparagraph", 1)
    aa = choose(markers_at("(aa) Youth", "en"), Expectation(paragraph=100, subparagraph=26))
    assert aa is not None and (aa.level, aa.ordinal, neutral_num(aa)) == ("subparagraph", 27, "aa")
    ii = choose(markers_at("(ii) Youth", "en"), Expectation(paragraph=100, subparagraph=34))
    assert ii is not None and (ii.level, ii.ordinal, neutral_num(ii)) == ("subparagraph", 35, "ii")
    assert choose(markers_at("(ii) item", "en"), Expectation(subparagraph=2, subsubparagraph=1)).level == "subsubparagraph"  # type: ignore[union-attr]
    assert markers_at("(ab) x", "en") == []
    assert choose(markers_at("(ii) item", "en"), Expectation(subparagraph=3)).level == "subsubparagraph"  # type: ignore[union-attr]


def test_ids_are_language_neutral() -> None:
    zh = choose(markers_at("三. x", "zh"), Expectation())
    en = choose(markers_at("III. x", "en"), Expectation(chapter=2))
    ar = choose(markers_at("ثالثا - x", "ar"), Expectation())
    assert {neutral_num(m) for m in (zh, en, ar) if m} == {"3"}
    assert neutral_num(markers_at("باء - x", "ar")[0]) == "B"


def test_numeral_conversions() -> None:
    assert [zh_to_int(x) for x in ("一", "十", "十一", "二十", "九十九", "一百零五")] == [1, 10, 11, 20, 99, 105]
    assert [roman_to_int(x) for x in ("i", "iv", "ix", "xl", "MCM")] == [1, 4, 9, 40, 1900]
    assert roman_to_int("iiii") is None and roman_to_int("abc") is None


def test_paragraphs_numbered_1000_and_more_are_paragraphs_of_their_own() -> None:
    """A long compilation runs past paragraph 999: each paragraph stays its own (and the parse stays linear)."""
    from parser import parse_bytes

    count = 1203
    text = "A/80/998\n\n" + "\n\n".join(f"{n}. Paragraph number {n} of the report." for n in range(1, count + 1))
    doc = parse_bytes(text.encode(), "A_80_998.txt")
    paragraphs = list(doc.paragraphs())
    assert [p.ordinal for p in paragraphs] == list(range(1, count + 1))
    assert doc.get("para_1000").text == "Paragraph number 1000 of the report."  # type: ignore[union-attr]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_a_year_at_a_line_start_is_not_a_paragraph_number() -> None:
    from parser import parse_bytes

    text = "A/80/997\n\n1. The plan was first adopted in\n2015. It was revised in\n\n2024. Since then it has stood.\n\n2. Next."
    doc = parse_bytes(text.encode(), "A_80_997.txt")
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"]
