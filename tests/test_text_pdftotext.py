"""Raw ``pdftotext`` and ``-layout`` renderings of A/HRC/WG.6/34/ITA/3 (endnotes, numbered sub-headings): what the
tool moved or ran together is put back by rules of the text path, checked on the committed renderings."""

from __future__ import annotations

from parser import Document
from parser.model import Footnote, Node

from .conftest import FIXTURES, parsed

RENDERINGS = FIXTURES / "renderings"
RAW = RENDERINGS / "en" / "A_HRC_WG.6_34_ITA_3.en.pdftotext.txt"
LAYOUT = RENDERINGS / "en" / "A_HRC_WG.6_34_ITA_3.en.pdftotext-layout.txt"
RU_RAW = RENDERINGS / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt"


def _note(doc: Document, note_id: str) -> Footnote:
    note = doc.get(note_id)
    assert isinstance(note, Footnote), note_id
    return note


def _node(doc: Document, node_id: str) -> Node:
    node = doc.get(node_id)
    assert isinstance(node, Node), node_id
    return node


def test_a_note_number_written_apart_at_the_page_end_numbers_the_line_after_the_short_note_before() -> None:
    doc = parsed(RAW, language="en")
    assert _note(doc, "fn_3").text == "For relevant recommendations see A/HRC/28/4, paras. 145.1–145.23; 145.55."
    assert _note(doc, "fn_4").text == "JS7, p.8."
    assert _note(doc, "fn_62").text == "AccessNow, p.2 and JS2, p.8."  # the lone ``4`` at its page's end is gone
    assert (_note(doc, "fn_63").text, _note(doc, "fn_64").text) == ("ICTUR, pp.1-6.", "JS2, p.8.")
    assert (_note(doc, "fn_124").text, _note(doc, "fn_125").text) == ("JS2, p.4.", "JS2, p.4.")
    assert not [w for w in doc.warnings if w.code == "numbering-gap"]
    ru = parsed(RU_RAW, language="ru")
    assert not [w for w in ru.warnings if w.code == "numbering-gap"]


def test_the_call_of_the_note_found_again_is_taken_out_of_the_paragraph() -> None:
    doc = parsed(RAW, language="en")
    para = _node(doc, "para_2")
    assert "regard. JS7 and" in (para.text or "")
    assert "4" in [r.marker for r in para.footnote_refs]


def test_a_numbered_sub_heading_after_a_call_that_ends_the_paragraph_above_is_a_sub_heading() -> None:
    doc = parsed(RAW, language="en")
    assert _node(doc, "chp_2__sec_C__subsec_2").heading == "Civil and political rights"
    assert (_node(doc, "para_15").text or "").endswith("is a violation of human rights.")


def test_the_notes_heading_over_endnotes_is_a_heading_and_the_last_page_number_furniture() -> None:
    doc = parsed(LAYOUT, language="en")
    assert _node(doc, "para_94__hdg_1").heading == "Notes"
    assert (_node(doc, "para_94").text or "").endswith("Reduction of Statelessness.")
    assert _note(doc, "fn_169").text == "JS6, p.14."
    assert "16" in [d.text for d in doc.dropped if d.kind == "page_number"]


MARKDOWN = RENDERINGS / "en" / "A_HRC_WG.6_34_ITA_3.en.pymupdf4llm.md"
RU_LAYOUT = RENDERINGS / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdftotext-layout.txt"
RU_TEXT = RENDERINGS / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdfplumber.txt"


def test_a_call_after_a_space_at_the_end_of_a_heading_is_the_call_of_the_next_note() -> None:
    doc = parsed(RAW, language="en")
    heading = _node(doc, "para_13__hdg_1")
    assert heading.heading == "Development, the environment, and business and human rights"
    assert [r.marker for r in heading.footnote_refs] == ["34"]
    assert not [w for w in doc.warnings if w.code == "footnote-uncited"]


def test_a_numbered_sub_heading_after_a_call_set_apart_from_the_full_stop_is_a_sub_heading() -> None:
    doc = parsed(RAW, language="en")
    assert _node(doc, "chp_2__sec_C__subsec_4").heading == "Rights of specific persons or groups"


def test_the_last_page_number_of_a_markdown_rendering_is_furniture() -> None:
    doc = parsed(MARKDOWN, language="en")
    assert _note(doc, "fn_169").text == "JS6, p.14."


def test_calls_glued_to_a_percent_sign_or_to_an_acronym_the_text_also_uses_alone() -> None:
    para_22 = _node(parsed(RU_LAYOUT, language="ru"), "para_22")
    assert "130,4%." in (para_22.text or "") and "50" in [r.marker for r in para_22.footnote_refs]
    para_6 = _node(parsed(RU_TEXT, language="ru"), "para_6")
    assert [r.marker for r in para_6.footnote_refs][:2] == ["11", "12"]
    assert "создания НПЗУ." in (para_6.text or "")
    assert "(СП3)" in (para_6.text or "")  # a joint submission's number stays


def test_a_masthead_title_wider_than_the_wrapped_agenda_title_above_it_is_the_title() -> None:
    doc = parsed(RENDERINGS / "zh" / "A_73_254.zh.pdfplumber.txt")
    assert doc.metadata.agenda_title is not None and doc.metadata.title is not None
    assert doc.metadata.agenda_title.text == "社会发展：社会发展，包括与世界社会状况以及与青年、老龄、残疾人和家庭有关的问题"
    assert doc.metadata.title.text == "将志愿服务纳入《2030 年可持续发展议程》行动计划"


def test_a_paragraphs_first_line_written_before_its_hanging_number_under_a_heading_is_its_first_line() -> None:
    doc = parsed(RENDERINGS / "zh" / "wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext.txt")
    para = _node(doc, "para_6")
    assert (para.text or "").startswith("志愿人员方案在其《2018 年世界志愿服务状况报告》中估计，全球正规和非正规志愿人员")
    assert [n.heading for n in doc.nodes() if n.type == "heading"] == [
        n.heading
        for n in parsed(RENDERINGS / "zh" / "wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext-layout.txt").nodes()
        if n.type == "heading"
    ]


def test_a_loose_markdown_agenda_title_over_a_heading_marked_title_is_one_agenda_title() -> None:
    doc = parsed(RENDERINGS / "zh" / "wordproc_report_zenhei_11pt_1.15_a4_just.zh.pymupdf4llm.md")
    assert doc.metadata.agenda_title is not None and doc.metadata.title is not None
    assert doc.metadata.agenda_title.text == "社会发展：社会发展，包括与世界社会状况以及与青年、老龄、残疾人和家庭有关的问题"
    assert doc.metadata.title.text.replace(" ", "") == "将志愿服务纳入《2030年可持续发展议程》行动计划"


def test_a_note_carried_over_runs_on_above_the_next_pages_notes_after_a_paragraph_ending_with_its_call() -> None:
    doc = parsed(RENDERINGS / "zh" / "wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdfplumber.txt")
    assert _note(doc, "fn_2").text.endswith("Vol. 82, Issue.3 (September 2011).")
    assert (_node(doc, "para_10").text or "").endswith("苦苦挣扎的年轻人中间。")


def test_the_page_number_raw_pdftotext_writes_between_a_lone_note_number_and_its_text_is_furniture() -> None:
    doc = parsed(RAW, language="en")
    assert _note(doc, "fn_1").text.startswith("The stakeholders listed below")
    assert "10" in [d.text for d in doc.dropped if d.kind == "page_number"]
