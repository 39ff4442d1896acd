"""Text renderings: blank lines after every wrapped line, inline lists whose marker ends a CJK line, note numbers
glued to their text, numbers that are no calls, Geneva footers, calls after a closing guillemet."""

from __future__ import annotations

from typing import Any

from parser import parse_bytes
from parser.model import Line, Source, Span
from parser.read.text_pages import spaced_lines

ZH_LINE = "志愿服务正在提高人民对于支持成功实现可持续发展目标的自主意识和参与性各国政府"  # 38 wide characters
EN_LINE = "Volunteering is raising the ownership and participation of people in the goals of the"  # 86 cells


def _lines(texts: list[str], blank: bool = True) -> tuple[Line, ...]:
    return tuple(Line((Span(t),), Source(line=k + 1), blank_before=blank) for k, t in enumerate(texts))


def test_blank_lines_after_every_wrapped_line_say_nothing_a_short_line_still_ends_its_paragraph() -> None:
    texts = ([ZH_LINE] * 5 + ["志愿服务。"]) * 5
    out = spaced_lines(_lines(texts))
    assert [line.blank_before for line in out] == [True] + ([False] * 5 + [True]) * 4 + [False] * 5
    assert all(line.runs_on for line in out[1:6])


def test_a_first_word_too_long_for_the_line_above_wraps_it() -> None:
    short = EN_LINE[:-12]  # 74 cells: 'goals of the' did not fit there, 'Governments' would not either
    texts = ([EN_LINE] * 3 + [short, "Governments and partners are creating an environment."]) * 5
    out = spaced_lines(_lines(texts))
    assert not out[4].blank_before and out[5].blank_before


def test_one_paragraph_per_line_keeps_its_blank_lines() -> None:
    texts = [ZH_LINE * n for n in (3, 7, 2, 9, 4, 5, 11, 3, 6, 8)] * 3  # a markdown source: no column width
    assert spaced_lines(_lines(texts)) == _lines(texts)
    few_blanks = _lines([ZH_LINE] * 30, blank=False)  # blank lines only between paragraphs: nothing to do
    assert spaced_lines(few_blanks) == few_blanks


def test_spaced_rendering_parses_like_one_without_blank_lines() -> None:
    body = [
        "1. " + ZH_LINE[:35],
        ZH_LINE,
        "发展目标。",
        "2. 本报告通过向会员国发出的普通照会以及向联合国实体、民间社会、私营部门分发",
        "的调查表征询意见。共收到 180 份答复，其中 31 份来自国家政府。截至 2018 年",
        "5 月从会员国收到的四份国家情况分析，也为本报告提供了编写依据。",
    ] * 4
    numbered = [line.replace("1. ", f"{k // 3 + 1}. ", 1).replace("2. ", f"{k // 3 + 1}. ", 1) for k, line in enumerate(body)]
    plain = parse_bytes("\n".join(numbered).encode(), "r.txt", language="zh")
    spaced = parse_bytes("\n\n".join(numbered).encode(), "r.txt", language="zh")
    assert [p.id for p in plain.paragraphs()] == [f"para_{k}" for k in range(1, 9)]
    assert [(p.id, p.text) for p in spaced.paragraphs()] == [(p.id, p.text) for p in plain.paragraphs()]


def test_an_inline_list_whose_first_marker_ends_a_chinese_line() -> None:
    text = "1. 秘书长确定了三个战略目标：(a)\n通过加强公民参与，鼓励自主权；(b)\n将志愿服务纳入国家战略；(c) 计量志愿服务。\n"
    doc = parse_bytes(text.encode(), "r.txt", language="zh")
    subs = [(n.id, n.text) for n in doc.body[0].children if n.type == "subparagraph"]
    assert [i for i, _ in subs] == ["para_1__list_1__point_a", "para_1__list_1__point_b", "para_1__list_1__point_c"]
    assert subs[0][1] == "通过加强公民参与，鼓励自主权；"


def test_a_note_number_glued_to_a_year_or_a_capitalised_word_opens_the_note() -> None:
    page = "一些国家提到志愿服务。1 另有研究。2 PYXERA 公布了报告。3\n"
    notes = "12016 年，爱沙尼亚和法国提到志愿服务。\n2PYXERA Global, “Empowering women”.\n3Nancy Morrow-Howell and others.\n"
    footer = "18-12290 2/3\nA/73/254\n"
    text = "1. " + page + notes + footer + "2. 研究工作继续。\n3. 行动计划。\n" + "3/3 18-12290\n"
    doc = parse_bytes(text.encode(), "r.txt", language="zh")
    assert [(n.id, n.text[:6]) for n in doc.footnotes] == [("fn_1", "2016 年"), ("fn_2", "PYXERA"), ("fn_3", "Nancy ")]
    assert all(n.cited_by for n in doc.footnotes)


def test_numbers_that_count_or_date_are_no_calls_the_call_after_a_full_stop_is() -> None:
    text = (
        "1. 自2016年9\n月以来，有12项决议提到志愿服务，拥有6 000多名成员。网络扩大。1 人数从2015年的11 000人增至2017年的近18\n"
        "000人。2\n1 见 www.unv.org。\n2 见 www.un.org。\n18-12290 2/3\nA/73/254\n2. 研究工作继续。\n3/3 18-12290\n"
    )
    doc = parse_bytes(text.encode(), "r.txt", language="zh")
    para = doc.body[0]
    assert "自2016年9月以来，有12项" in (para.text or "") and "拥有6 000多名" in (para.text or "")
    assert [r.marker for r in para.footnote_refs] == ["1", "2"]
    assert (para.text or "")[: para.footnote_refs[0].offset].endswith("网络扩大。")


def test_a_geneva_footer_job_number_beside_a_bare_page_number_is_furniture() -> None:
    from parser.furniture import furniture_kind

    assert furniture_kind("2 GE.19-13879") == furniture_kind("GE.19-13879 3") == "job_number"
    assert furniture_kind("2 Генеральная Ассамблея") is None


def test_a_call_glued_after_a_closing_guillemet() -> None:
    text = (
        "A/HRC/WG.6/34/ITA/3\n1. Это может побудить людей «взять правосудие в свои руки»1. Далее текст.\n1 См. СП16.\n"
        "2 GE.19-13879\nA/HRC/WG.6/34/ITA/3\n2. Текст.\nGE.19-13879 3\n"
    )
    doc = parse_bytes(text.encode(), "r.txt", language="ru")
    para = doc.body[0]
    assert [r.marker for r in para.footnote_refs] == ["1"] and (para.text or "").endswith("свои руки». Далее текст.")
    assert "GE.19" not in " ".join(p.text or "" for p in doc.paragraphs())


def test_an_unnumbered_heading_under_a_numbered_one_and_a_wrapped_heading() -> None:
    body = "The Committee noted the progress made in the implementation of the recommendations of the review."
    lines = [
        "I. Background", "7. " + body, "8. " + body,
        "II. Implementation of international human rights obligations, taking into account applicable",
        "humanitarian law", "1. Cross-cutting issues", "Equality and non-discrimination", "9. " + body,
    ]  # fmt: skip
    doc = parse_bytes(("\n".join(lines) + "\n").encode(), "r.txt", language="en")
    found: list[tuple[str, str | None]] = []

    def walk(nodes: Any) -> None:
        for n in nodes:
            found.append((n.id, n.heading))
            walk(n.children)

    walk(doc.body)
    headings = [h for _, h in found if h]
    assert "Implementation of international human rights obligations, taking into account applicable humanitarian law" in headings
    assert "Cross-cutting issues" in headings and "Equality and non-discrimination" in headings
