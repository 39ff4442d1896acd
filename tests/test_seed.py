"""The Chinese seed report A/73/254: everything the core pipeline issue asks of it."""

from __future__ import annotations

import pytest

from parser import Document
from parser.write.to_json import document_to_json

from .conftest import EXPECTED, SEED, parsed
from .golden import check_golden

SPLIT_PARAGRAPHS = (6, 10, 14, 19, 23, 33, 36, 40, 48, 52, 56)
CHAPTER_PARAGRAPHS = {"chp_1": range(1, 6), "chp_2": range(6, 11), "chp_4": range(56, 64), "chp_5": range(64, 69)}
SECTION_PARAGRAPHS = {"chp_3__sec_A": range(12, 30), "chp_3__sec_B": range(30, 45), "chp_3__sec_C": range(45, 56)}


@pytest.fixture(scope="module")
def seed() -> Document:
    return parsed(SEED, symbol="A/73/254")  # type: ignore[no-any-return]


def test_metadata_has_session_agenda_item_title_subtitle_and_masthead_note(seed: Document) -> None:
    meta = seed.metadata
    assert meta.session is not None and meta.session.text == "第七十三届会议" and meta.session_number == 73
    assert meta.agenda is not None and meta.agenda_item == "29(b)"
    assert meta.agenda_title is not None
    assert meta.agenda_title.text == "社会发展：社会发展，包括与世界社会状况以及与青年、老龄、残疾人和家庭有关的问题"
    assert meta.title is not None and meta.title.text == "将志愿服务纳入《2030 年可持续发展议程》行动计划"
    assert meta.subtitle is not None and meta.subtitle.text == "秘书长的报告"
    star = next(n for n in seed.footnotes if n.marker == "*")
    assert star.text == "A/73/150。"
    assert [r.note for r in meta.agenda.footnote_refs] == [star.id]
    assert meta.agenda.text[: meta.agenda.footnote_refs[0].offset] == "临时议程"


def test_summary_has_its_heading_and_four_unnumbered_paragraphs(seed: Document) -> None:
    assert seed.metadata.summary_heading is not None and seed.metadata.summary_heading.text == "摘要"
    summary = seed.metadata.summary
    assert len(summary) == 4
    assert summary[0].text is not None and summary[0].text.startswith("本报告是应大会第 70/129 号决议")
    assert all(p.num is None for p in summary)


def test_five_chapters_in_order_and_chapter_three_holds_sections_a_b_c(seed: Document) -> None:
    assert [(n.id, n.num) for n in seed.body] == [
        ("chp_1", "一"),
        ("chp_2", "二"),
        ("chp_3", "三"),
        ("chp_4", "四"),
        ("chp_5", "五"),
    ]
    assert seed.body[0].heading == "引言"
    sections = [c for c in seed.body[2].children if c.type == "section"]
    assert [(s.id, s.num) for s in sections] == [("chp_3__sec_A", "A"), ("chp_3__sec_B", "B"), ("chp_3__sec_C", "C")]


def test_paragraphs_1_to_68_in_order_each_under_its_chapter_and_section(seed: Document) -> None:
    assert [p.ordinal for p in seed.paragraphs()] == list(range(1, 69))
    chapters = {n.id: n for n in seed.body}
    for chapter_id, numbers in CHAPTER_PARAGRAPHS.items():
        assert [c.ordinal for c in chapters[chapter_id].children if c.type == "paragraph"] == list(numbers)
    chapter_3 = chapters["chp_3"]
    assert [c.ordinal for c in chapter_3.children if c.type == "paragraph"] == [11]
    for section in (c for c in chapter_3.children if c.type == "section"):
        assert [c.ordinal for c in section.children] == list(SECTION_PARAGRAPHS[section.id])


def test_paragraph_2_has_inline_subparagraphs_a_b_c(seed: Document) -> None:
    para = seed.get("para_2")
    assert [c.num for c in para.children] == ["a", "b", "c"]  # type: ignore[union-attr]
    assert para.text is not None and para.text.endswith("三个战略目标：")  # type: ignore[union-attr]
    assert para.children[0].id == "para_2__list_1__point_a"  # type: ignore[union-attr]


@pytest.mark.parametrize("number", SPLIT_PARAGRAPHS)
def test_paragraph_split_by_a_page_break_comes_out_whole_without_note_text(seed: Document, number: int) -> None:
    para = seed.get(f"para_{number}")
    text = para.text or ""  # type: ignore[union-attr]
    assert "\n" not in text
    for note in seed.footnotes:
        assert note.text not in text
    assert sum(1 for n in seed.nodes() if n.type == "block") == 0


def test_split_halves_join_without_a_space_between_cjk_characters(seed: Document) -> None:
    texts = {p.ordinal: p.text or "" for p in seed.paragraphs()}
    assert "但根据以前的估算，有近 10 亿人。" in texts[6]
    assert "但是，在某些情况下，志愿服务仅被公共行为体用作廉价资源" in texts[10]
    assert "2017年，志愿人员方案与 30 多个联合国机构结为伙伴" in texts[33]
    assert "开展了循证研究。" in texts[52]
    assert "可以支持和利用志愿服务的潜力" in texts[56]


def test_22_numbered_notes_each_linked_to_the_paragraph_that_calls_it(seed: Document) -> None:
    numbered = [n for n in seed.footnotes if n.marker.isdigit()]
    assert [n.id for n in numbered] == [f"fn_{i}" for i in range(1, 23)]
    cited = {n.id: n.cited_by for n in numbered}
    assert cited["fn_1"] == cited["fn_2"] == cited["fn_3"] == ("para_6",)
    assert cited["fn_14"] == ("para_49",)
    assert cited["fn_16"] == cited["fn_17"] == ("para_52",)
    assert all(cited[f"fn_{i}"] == ("para_53",) for i in range(18, 22))
    assert cited["fn_22"] == ("para_55",)
    assert all(n.cited_by for n in numbered)


def test_reference_offset_points_just_after_the_called_text(seed: Document) -> None:
    para = seed.get("para_6")
    text = para.text or ""  # type: ignore[union-attr]
    offsets = {r.note: r.offset for r in para.footnote_refs}  # type: ignore[union-attr]
    assert text[: offsets["fn_1"]].endswith("《2018 年世界志愿服务状况报告》")
    assert text[: offsets["fn_2"]].endswith("有近 10 亿人。")
    assert offsets["fn_3"] == len(text)


def test_every_paragraph_has_sentences_that_cover_its_text(seed: Document) -> None:
    for para in seed.paragraphs():
        text = para.text or ""
        assert para.sentences, para.id
        assert all(text[s.start : s.end] == s.text for s in para.sentences)
        assert "".join(s.text for s in para.sentences).replace(" ", "") == text.replace(" ", "")
        for sentence in para.sentences[:-1]:
            assert sentence.text.endswith(("。", "！", "？", "”", "」", "）", "》")), sentence.text


def test_a_clean_seed_has_no_warnings(seed: Document) -> None:
    assert seed.warnings == ()


def test_seed_json_matches_the_reviewed_golden_file(seed: Document) -> None:
    check_golden(EXPECTED / "A_73_254.zh.json", document_to_json(seed))
