"""Text renderings of the project's PDFs by the common tools (fixtures/renderings, made by tools/render/render_text.py).

Each rendering must parse like its reference (the PDF's markdown source, or the PDF's reviewed parse) by
official id. ``FLOORS`` pins how many paragraphs, sub-paragraphs, headings and notes agree today: a floor
may only go up; a rule of the text path that breaks makes one of them fail.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest

from parser.diff.agreement import agreement
from parser.write.to_json import document_to_dict

from .conftest import FIXTURES, parsed

RENDERINGS = FIXTURES / "renderings"
MANIFEST: dict[str, dict[str, str]] = json.loads((RENDERINGS / "manifest.json").read_text(encoding="utf-8"))
RECOGNISED = {"pdftotext": "pdftotext", "pdftotext-layout": "pdftotext-layout", "pdfplumber": "text", "pymupdf4llm": "markdown"}

# (paragraphs, sub-paragraphs, headings, footnotes) agreeing with the reference; zh first, then en and ru
FLOORS: dict[str, tuple[int, int, int, int]] = {
    "zh/A_73_254.zh.pdfplumber.txt": (68, 3, 8, 23),
    "zh/A_73_254.zh.pdftotext-layout.txt": (68, 3, 8, 23),
    "zh/A_73_254.zh.pdftotext.txt": (68, 3, 8, 23),
    "zh/A_73_254.zh.pymupdf4llm.md": (68, 3, 8, 23),
    "zh/variant_footnote_continues.zh.pdfplumber.txt": (13, 3, 4, 7),
    "zh/variant_footnote_continues.zh.pdftotext-layout.txt": (13, 3, 4, 7),
    "zh/variant_footnote_continues.zh.pdftotext.txt": (13, 3, 4, 7),
    "zh/variant_footnote_continues.zh.pymupdf4llm.md": (13, 3, 4, 7),
    "zh/variant_three_pages.zh.pdfplumber.txt": (2, 0, 1, 5),
    "zh/variant_three_pages.zh.pdftotext-layout.txt": (2, 0, 1, 5),
    "zh/variant_three_pages.zh.pdftotext.txt": (2, 0, 1, 5),
    "zh/variant_three_pages.zh.pymupdf4llm.md": (2, 0, 1, 5),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdfplumber.txt": (68, 3, 8, 23),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdftotext-layout.txt": (68, 3, 8, 23),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdftotext.txt": (68, 3, 8, 23),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pymupdf4llm.md": (68, 3, 8, 23),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdfplumber.txt": (68, 3, 8, 23),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext-layout.txt": (68, 3, 8, 23),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext.txt": (68, 3, 8, 23),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pymupdf4llm.md": (68, 3, 8, 23),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdfplumber.txt": (68, 3, 8, 23),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdftotext-layout.txt": (68, 3, 8, 23),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdftotext.txt": (68, 3, 8, 23),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pymupdf4llm.md": (68, 3, 8, 23),
    "en/A_HRC_WG.6_34_ITA_3.en.pdfplumber.txt": (94, 0, 28, 170),
    "en/A_HRC_WG.6_34_ITA_3.en.pdftotext-layout.txt": (94, 0, 28, 170),
    "en/A_HRC_WG.6_34_ITA_3.en.pdftotext.txt": (94, 0, 28, 169),
    "en/A_HRC_WG.6_34_ITA_3.en.pymupdf4llm.md": (94, 0, 28, 170),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdfplumber.txt": (94, 0, 28, 170),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdftotext-layout.txt": (94, 0, 28, 170),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt": (94, 0, 28, 169),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pymupdf4llm.md": (94, 0, 28, 170),
}
CATEGORIES = ("paragraphs", "subparagraphs", "headings", "footnotes")
LOST = {
    "en/A_HRC_WG.6_34_ITA_3.en.pdftotext.txt": {"rendering-order"},
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt": {"rendering-order"},
}
"""The warnings a rendering deserves beyond its reference's: raw pdftotext writes note 1's two-column list of
stakeholders column by column from its second page on (``ICTUR`` / ``IHRC`` / … / ``JS5`` / their names)."""


@functools.cache
def reference(path: str) -> dict[str, Any]:
    file = FIXTURES / path
    if file.suffix == ".json":
        data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
        return data
    return document_to_dict(parsed(file))


def test_the_manifest_lists_every_committed_rendering_and_each_has_a_floor() -> None:
    on_disk = {str(p.relative_to(RENDERINGS)) for p in RENDERINGS.rglob("*") if p.is_file() and p.name != "manifest.json"}
    assert set(MANIFEST) == on_disk == set(FLOORS)
    for entry in MANIFEST.values():
        assert (FIXTURES / entry["pdf"]).is_file() and (FIXTURES / entry["reference"]).is_file()


@pytest.mark.parametrize("name", sorted(MANIFEST), ids=str)
def test_the_rendering_style_is_recognised_and_recorded(name: str) -> None:
    doc = parsed(RENDERINGS / name)
    assert doc.source.rendering == RECOGNISED[MANIFEST[name]["style"]]
    assert document_to_dict(doc)["source"]["rendering"] == doc.source.rendering


@pytest.mark.parametrize("name", list(FLOORS), ids=str)
def test_the_rendering_agrees_with_its_reference_by_official_id_at_least_as_far_as_the_floor(name: str) -> None:
    ref = reference(MANIFEST[name]["reference"])
    got = document_to_dict(parsed(RENDERINGS / name, symbol=ref["symbol"]))
    agreed = agreement(ref, got)
    counts = tuple(agreed.tally(c).agreed for c in CATEGORIES)
    below = [f"{c} {n} < {f}" for c, n, f in zip(CATEGORIES, counts, FLOORS[name], strict=True) if n < f]
    assert not below, f"{name}: {below}; disagreeing: {agreed.disagreements[:8]}"


@pytest.mark.parametrize("name", sorted(MANIFEST), ids=str)
def test_a_rendering_warns_of_what_it_lost_and_of_nothing_else(name: str) -> None:
    ref = reference(MANIFEST[name]["reference"])
    got = document_to_dict(parsed(RENDERINGS / name))
    extra = {w["code"] for w in got["warnings"]} - {w["code"] for w in ref["warnings"]}
    assert extra == LOST.get(name, set()), [w["message"] for w in got["warnings"]]


def test_a_plain_text_file_is_text_and_a_pdf_has_no_rendering() -> None:
    assert parsed(FIXTURES / "text" / "en" / "A_RES_80_5.txt").source.rendering == "text"
    assert parsed(FIXTURES / "text" / "zh" / "A_73_254.zh.md").source.rendering == "markdown"


def test_rendering_style_by_form_feeds_and_character_cell_layout() -> None:
    from parser.read.text_style import rendering_style

    raw = "A/73/254\n1.\n大会第 52/17 号决议宣布\n\f2.\n2015 年\n"
    laid_out = "             联合国                    A/73/254\n    1.    大会第 52/17 号决议\n          的宝贵贡献。\n\f"
    assert rendering_style(raw, markdown=False) == "pdftotext"
    assert rendering_style(laid_out, markdown=False) == "pdftotext-layout"
    assert rendering_style(raw.replace("\f", ""), markdown=False) == "text"
    assert rendering_style(raw, markdown=True) == "markdown"


def _parse_text(text: str) -> Any:
    from parser import parse_bytes

    return parse_bytes(text.encode("utf-8"), "rendering.txt", symbol="A/73/254")


def test_a_number_alone_on_its_line_is_joined_to_the_text_after_it() -> None:
    doc = _parse_text(
        "一.\n\n引言\n1.\n\n大会第 52/17 号决议宣布 2001 年为志愿人员国际年。\n\n2.\n\n2015 年，秘书长提出行动计划。\n"
    )
    assert [(p.id, p.text) for p in doc.paragraphs()] == [
        ("para_1", "大会第 52/17 号决议宣布 2001 年为志愿人员国际年。"),
        ("para_2", "2015 年，秘书长提出行动计划。"),
    ]
    assert doc.body[0].heading == "引言"


def test_notes_at_a_page_end_are_found_and_their_glued_calls_linked() -> None:
    page_1 = (
        "A/73/254\n大会\n1. 志愿人员方案在其《2018 年世界志愿服务状况报告》1中估计，有近 10 亿人。2在全球范围。\n"
        "1 联合国志愿人员方案。\n2 Lester M. Salamon, “Measuring the Economic Value\nof Volunteer Work Globally”.\n"
    )
    page_2 = "\fA/73/254\n2. 见 A/70/118/Corr.1 号文件的工作文件。3\n3 志愿人员方案，背景文件。\n2/12\n18-12290\n"
    doc = _parse_text(page_1 + "18-12290 (C) 200818 200818\n*1812290*\n" + page_2)
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [("fn_1", ("para_1",)), ("fn_2", ("para_1",)), ("fn_3", ("para_2",))]
    assert doc.get("fn_2").text == "Lester M. Salamon, “Measuring the Economic Value of Volunteer Work Globally”."
    assert doc.get("para_2").text == "见 A/70/118/Corr.1 号文件的工作文件。"
    assert {d.kind for d in doc.dropped} >= {"job_number", "barcode", "header", "page_number"}
    assert not doc.warnings


def test_footer_pieces_on_lines_of_their_own_are_furniture_only_beside_the_footer() -> None:
    from parser.furniture import furniture_kind

    assert furniture_kind("18-12345 (C) 3/16") == "job_number"
    assert furniture_kind("2/16 18-12345 (C)") == "job_number"
    assert furniture_kind("*1812345* 请回收") == "barcode"
    assert furniture_kind("请回收") == "recycling"
    assert furniture_kind("200818") is None  # alone it is a number; beside a job number it is the job number's date
    doc = _parse_text("1. 第一段。\n\n18-12290 (C)\n*1812290*\n\n200818\n\n200818\n\fA/73/254\n2. 第二段。\n")
    assert [d.text for d in doc.dropped if d.kind == "job_number"] == ["18-12290 (C)", "200818", "200818"]


def test_markdown_bracket_calls_and_underscore_emphasis_around_words() -> None:
    from parser.read.inline import markdown_spans

    assert [(s.text, s.sup) for s in markdown_spans("lacking one. [10] JS7")] == [
        ("lacking one. ", False),
        ("10", True),
        (" JS7", False),
    ]
    assert [(s.text, s.italic) for s in markdown_spans("_Annals of Public_, Vol. 82")] == [
        ("Annals of Public", True),
        (", Vol. 82", False),
    ]
    assert [s.text for s in markdown_spans("file_name_here ____ [text](http://x) [1](y)")] == ["file_name_here ____ text 1"]


def test_an_endnotes_section_after_a_notes_heading_holds_the_notes() -> None:
    body = "A/HRC/WG.6/34/ITA/3\n1. JS7 noted the ratification. 1 JS7 recommended it.2\n"
    notes = "Notes\n1 The stakeholders listed below have contributed.\nCivil society\n2 JS7, para. 2.\n"
    doc = _parse_text(body + "GE.19-13879(E)\n\fA/HRC/WG.6/34/ITA/3\n" + notes)
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [("fn_1", ("para_1",)), ("fn_2", ("para_1",))]
    assert doc.get("fn_1").text == "The stakeholders listed below have contributed. Civil society"


def test_notes_after_the_footer_and_a_note_repeated_on_every_page_are_notes_not_furniture() -> None:
    # LibreOffice's order in pdftotext: the page's footer line can come before the page's notes; only the form
    # feed ends the page, and "3" above page 2's footer is note 3, not a page number
    page = "\fA/73/254\n{n}. 正文{a}。 {c}后文。\n\n18-12345 (C)\n\n{c}\n\n同上，《报告》。\n\n{p}/3\n"
    text = "A/73/254\n大会\n" + "".join(page.format(n=k, a="甲乙丙" * k, c=k, p=k) for k in (1, 2, 3))
    doc = _parse_text(text)
    assert [(n.id, n.text, n.cited_by) for n in doc.footnotes] == [
        (f"fn_{k}", "同上，《报告》。", (f"para_{k}",)) for k in (1, 2, 3)
    ]
    assert [p.text for p in doc.paragraphs()] == [f"正文{'甲乙丙' * k}。后文。" for k in (1, 2, 3)]


def test_a_number_before_a_month_is_a_date_not_a_call() -> None:
    doc = _parse_text("A/73/254\n1. 提高接受度。 12 月5日是志愿人员日。 1后文。\n\n1 联合国志愿人员方案。\n\f2. 第二段。\n")
    assert doc.get("para_1").text == "提高接受度。 12 月5日是志愿人员日。后文。"
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [("fn_1", ("para_1",))]


def test_an_unnumbered_heading_between_a_finished_paragraph_and_the_next_number_is_a_heading() -> None:
    text = (
        "A/HRC/1/2\n1. The first paragraph ends here. 1\nDevelopment, the environment, and business\nand human rights\n"
        "2. The second paragraph ends without a\nfull stop on its line\n3. The third.\n"
    )
    doc = _parse_text(text)
    headings = [n for root in doc.body for n in root.walk() if n.type == "heading"]
    assert [h.heading for h in headings] == ["Development, the environment, and business and human rights"]
    assert [p.text for p in doc.paragraphs()] == [
        "The first paragraph ends here. 1",
        "The second paragraph ends without a full stop on its line",
        "The third.",
    ]


def test_masthead_fields_set_side_by_side_are_read_one_by_one() -> None:
    from parser.read.text import masthead_columns

    row = "大会" + " " * 38 + "16 July 2018"
    assert [p.strip() for p in masthead_columns(row)] == ["大会", "16 July 2018"]
    assert masthead_columns("Генеральная Ассамблея Distr.: General") == ["Генеральная Ассамблея", "Distr.: General"]
    assert masthead_columns("A/73/254 大会 Distr.: General") == ["A/73/254", "大会", "Distr.: General"]
    assert masthead_columns("The General Assembly decided to adopt it") == ["The General Assembly decided to adopt it"]
    assert masthead_columns("1.    大会第 52/17 号决议宣布") == ["1.    大会第 52/17 号决议宣布"]


def test_a_symbol_broken_at_its_slash_and_a_star_note_after_the_footer_or_as_a_list_item() -> None:
    page_1 = "联合国 A\n/73/254\n大会 Distr.: General\n16 July 2018\n第七十三届会议\n临时议程* 项目 29(b)\n\n1. 第一段。\n\n"
    doc = _parse_text(page_1 + "*\n\n18-12290 (C)\n*1812290*\n\nA/73/150。\n\fA/73/254\n2. 第二段。\n")
    assert "A/73/254" in doc.metadata.symbols
    assert doc.metadata.organ is not None and doc.metadata.organ.text == "大会"
    assert [(n.id, n.text) for n in doc.footnotes] == [("fn_star_1", "A/73/150。")]
    assert doc.metadata.agenda is not None and "*" not in doc.metadata.agenda.text
    from parser import parse_bytes

    md = "# A/73/254 大会 Distr.: General\n\n第七十三届会议\n\n临时议程 [*] 项目 29(b)\n\n1. 第一段。\n\n      - A/73/150。\n\n"
    doc = parse_bytes((md + "**18-12290 (C)  200818  200818**\n\n-----\n\n2. 第二段。\n").encode("utf-8"), "r.md")
    assert [(n.id, n.text) for n in doc.footnotes] == [("fn_star_1", "A/73/150。")]
    assert doc.metadata.distribution is not None and doc.metadata.agenda_item == "29(b)"


def test_an_excerpt_numbers_its_notes_on_from_the_whole_document() -> None:
    # an excerpt's first notes are 6 and 7 (a ``*`` note before them): called in that order above, they open the run
    page_1 = "A/73/254\n大会\n临时议程* 项目 29(b)\n12. 出版了《指南》。6 城市地区，7自 2015 年以来，\n"
    page_1 += "* A/73/150。\n6 志愿人员方案。\n7 联合国。\n"
    page_2 = "\fA/73/254\n表现。两倍多；8 但是，\n\n8 志愿人员方案，报告。\n\n2/3\n\n18-12290\n"
    doc = _parse_text(page_1 + "18-12290 (C) 200818 200818\n*1812290*\n" + page_2)
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [
        ("fn_star_1", ("metadata.agenda_item",)), ("fn_6", ("para_12",)), ("fn_7", ("para_12",)), ("fn_8", ("para_12",))
    ]  # fmt: skip
    assert doc.get("para_12").text == "出版了《指南》。 城市地区，自 2015 年以来，表现。两倍多； 但是，"
    # without a ``*`` note, one number that is not 1 is no run: a paragraph's last line may open with a number
    doc = _parse_text("A/73/254\n1. 有 12 个国家。\n12 000 名志愿人员。\n\f2. 第二段。\n")
    assert not doc.footnotes


def test_the_running_symbol_is_furniture_when_the_masthead_printed_it_beside_other_fields() -> None:
    # the masthead's symbol beside the organ (``联合国 A/73/254``) or broken at its slash: the next page's symbol
    # line is the running header; a markdown rendering keeps the barcode's digits, its stars taken for emphasis
    from parser import parse_bytes

    md = "# 联合国 A/73/254\n\n大会\n\n1. 第一段的\n\n**18-12290 (C)  200818**\n\n***1812290***\n\n**A/73/254**\n\n后半。\n"
    plain = "A\n/73/254\n联合国\n大会\n1. 第一段的\n18-12290 (C) 200818\n*1812290*\nA/73/254\n后半。\n"
    for name, text in (("r.md", md), ("r.txt", plain)):
        doc = parse_bytes(text.encode("utf-8"), name)
        assert doc.get("para_1").text == "第一段的后半。", name
        assert {d.kind for d in doc.dropped} >= {"job_number", "barcode", "header"}, name
        assert doc.metadata.symbols == ("A/73/254",), name


def test_a_page_whose_last_line_spans_the_column_runs_on_over_the_page_even_after_a_full_stop() -> None:
    full = "志愿人员举措越来越注重性别平等和增强妇女权能。在加纳全国和平委员会加强了妇女和青年"
    lines = "\n".join(f"{full}{k}" for k in range(6))
    for last, continues in ((full + "的能力。", True), ("的能力。", False)):
        text = f"A/73/254\n1. {lines}\n{last}\n\n18-12290\n\n7/12\n\fA/73/254\n\nIMPACT2030 倡议一道。\n2. 第二段。\n"
        doc = _parse_text(text)
        assert doc.get("para_1").text.endswith("的能力。IMPACT2030 倡议一道。") is continues, last


def test_a_note_carried_over_the_page_at_any_length_when_its_lines_are_wider_than_the_body() -> None:
    # a note's smaller type sets more characters to the line: a long block of such lines above the next page's
    # first note goes on with the note left unfinished at the foot of the page before; body-wide lines do not
    body = "\n".join(f"志愿人员举措越来越注重性别平等和增强妇女权能{k}" for k in "甲乙丙丁")
    for width, carried in ((2, True), (1, False)):
        rest = "\n".join(f"{'国家政策也有效地促进了全国志愿服务协调网络' * width}{k}" for k in "甲乙丙丁戊") + "\n结束。"
        page_1 = f"A/73/254\n1. {body}。1\n\n1 国家政策也有效地促进了\n\n18-12290\n"
        page_2 = f"\fA/73/254\n2. {body}。2\n\n{rest}\n2 志愿人员方案。\n\n2/3\n\n18-12290\n"
        doc = _parse_text(page_1 + page_2)
        assert doc.get("fn_1").text.endswith("结束。") is carried, width
        assert [n.id for n in doc.footnotes] == ["fn_1", "fn_2"] and doc.get("fn_2").text == "志愿人员方案。", width


def test_a_link_drawn_before_the_words_that_introduce_it_follows_them_again() -> None:
    # raw pdftotext writes a note's pieces in drawing order: the link before ``可查阅：`` at the note's end
    text = "A/73/254\n1. 第一段。1\n\n1\n\nPYXERA Global, “Empowering women”,\nwww.pyxeraglobal.org。\n\n可 查 阅 ：\n"
    doc = _parse_text(text + "\f2. 第二段。\n")
    assert "".join(doc.get("fn_1").text.split()) == "PYXERAGlobal,“Empoweringwomen”,可查阅：www.pyxeraglobal.org。"


def test_the_rest_of_a_note_set_right_under_a_paragraph_that_ends_above_the_next_notes() -> None:
    # raw pdftotext: the rest of note 1 follows paragraph 2's short last line with no blank line between
    body = "\n".join(f"志愿人员举措越来越注重性别平等和增强妇女权能{k}" for k in "甲乙丙丁")
    page_1 = f"A/73/254\n1. {body}。1\n\n1 2016 年，爱沙尼亚和法国提到志愿服务。2017 年，比利时、斯洛文尼亚\n\n18-12290\n"
    page_2 = f"\fA/73/254\n上一段的结尾。\n\n2. 见报告。2{body}\n依据。\n和泰国提到志愿服务。\n\n2\n\n志愿人员方案。\n"
    page_2 += "\n2/3\n\n18-12290\n"
    doc = _parse_text(page_1 + page_2)
    assert doc.get("fn_1").text.endswith("斯洛文尼亚和泰国提到志愿服务。")
    assert doc.get("para_2").text.endswith("依据。")


def test_a_call_set_on_a_line_of_its_own_is_the_call_of_the_sentence_above() -> None:
    from parser import parse_bytes

    md = "A/73/254\n\n1. 第一段，尤其是在年轻人中间。\n\n1\n\n2. 第二段。\n\n1 志愿人员方案。\n\n"
    md += "**18-12290 (C)**\n\n-----\n\n3. 第三段。\n"
    doc = parse_bytes(md.encode("utf-8"), "r.md")
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [("fn_1", ("para_1",))]
    assert not [n for root in doc.body for n in root.walk() if n.type == "heading"]
    assert not doc.warnings


def test_a_paragraph_broken_after_a_call_at_the_end_of_a_full_line_runs_on() -> None:
    from parser import parse_bytes

    full = "志愿人员举措越来越注重性别平等和增强妇女权能。在加纳全国和平委员会加强了妇女和青年"
    lines = "\n".join(f"{full}{k}" for k in "甲乙丙丁")
    after = "人口基金将志愿服务纳入其战略。"
    for last, below, continues in ((full, after, True), ("的能力", after, False), (full, f"_{after}_", False)):
        md = f"A/73/254\n\n1. {lines}\n{last}。 [1]\n\n{below}\n\n2. 第二段。\n\n[^1]: 志愿人员方案。\n"
        doc = parse_bytes(md.encode("utf-8"), "r.md")
        assert doc.get("para_1").text.endswith(after) is continues, (last, below)
