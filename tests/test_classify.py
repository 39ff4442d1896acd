"""Classification and assembly on tiny inline inputs."""

from __future__ import annotations

from parser import parse_bytes
from parser.model import Line, Source, SourceInfo, Span
from parser.pipeline import Options, parse_raw
from parser.read.source import RawInput


def _doc(text: str, **options: object):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "t.md", symbol="A/1/1", **options)


def test_markdown_heading_depth_does_not_decide_the_level() -> None:
    doc = _doc("#### 一. 甲\n\n1. 第一段。\n\n## A. 乙\n\n2. 第二段。\n\n### 二. 丙\n\n3. 第三段。\n")
    assert [(n.type, n.id) for n in doc.body] == [("chapter", "chp_1"), ("chapter", "chp_2")]
    assert [c.id for c in doc.body[0].children] == ["para_1", "chp_1__sec_A"]


def test_paragraph_split_by_notes_is_rejoined_without_a_space_between_han_characters() -> None:
    doc = _doc("## 一. 甲\n\n1. 这是一个被分页<sup>1</sup>打断的\n\n<sup>1</sup> 脚注文本。\n\n段落。\n\n2. 下一段。\n")
    para = doc.get("para_1")
    assert para.text == "这是一个被分页打断的段落。"  # type: ignore[union-attr]
    assert [(r.note, r.offset) for r in para.footnote_refs] == [("fn_1", 7)]  # type: ignore[union-attr]
    assert doc.get("fn_1").text == "脚注文本。"  # type: ignore[union-attr]


def test_latin_halves_join_with_one_space_and_a_sentence_end_starts_new_text() -> None:
    doc = _doc(
        "I. Intro\n\n1. The report was cut by a\n\n<sup>1</sup> A note.\n\npage break.<sup>1</sup>\n\nNew text.\n", language="en"
    )
    children = doc.body[0].children
    assert children[0].text == "The report was cut by a page break."
    assert children[1].type == "block" and children[1].text == "New text."


def test_unnumbered_items_after_a_colon_belong_to_the_paragraph() -> None:
    doc = _doc("I. Intro\n\n1. We decide to:\n\nAct now;\n\nAct later.\n\n2. Next.\n", language="en")
    para = doc.get("para_1")
    assert [c.type for c in para.children] == ["block", "block"]  # type: ignore[union-attr]


def test_inline_subparagraphs_are_split_in_order() -> None:
    doc = _doc("## 一. 甲\n\n1. 目标如下：(a) 第一；(b) 第二；(c) 第三。\n")
    para = doc.get("para_1")
    assert para.text == "目标如下："  # type: ignore[union-attr]
    assert [(c.marker, c.text) for c in para.children] == [("(a)", "第一；"), ("(b)", "第二；"), ("(c)", "第三。")]  # type: ignore[union-attr]


def test_a_numbered_line_inside_a_wrapped_paragraph_does_not_open_a_paragraph() -> None:
    text = "I. Intro\n1. We note the report in\n2030 Agenda terms and more\n10. Then we decide.\n2. Second.\n"
    doc = parse_bytes(text.encode(), "t.txt", language="en", symbol="A/1/1")
    assert [p.ordinal for p in doc.paragraphs()] == [1, 2]
    assert (doc.get("para_1").text or "").endswith("more 10. Then we decide.")  # type: ignore[union-attr]


def test_a_wrapped_summary_line_that_begins_like_a_masthead_line_stays_in_the_summary() -> None:
    def line(text: str, n: int, **extra: object) -> Line:
        return Line((Span(text),), Source(line=n), typeset=True, exact_breaks=True, size=10.0, **extra)  # type: ignore[arg-type]

    texts = ["United Nations", "A/1/1", "General Assembly", "Distr.: General", "16 July 2018", "Original: English",
             "Seventy-third session", "Item 29 of the provisional agenda", "Volunteering", "Report of the Secretary-General",
             "Summary", "In its resolution, the General Assembly asked the Secretary-General to report to the"]  # fmt: skip
    lines = [line(t, n, blank_before=n > 0) for n, t in enumerate(texts)]
    lines.append(line("Committee on Volunteering at its seventy-third session.", len(lines), runs_on=True))
    lines.append(line("I. Introduction", len(lines), blank_before=True))
    lines.append(line("1. The text.", len(lines), blank_before=True))
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    doc = parse_raw(RawInput(info, tuple(lines), ()), Options(language="en", symbol="A/1/1"))
    assert [s.text for s in doc.metadata.summary] == [texts[-1] + " Committee on Volunteering at its seventy-third session."]
    assert not [o.text for o in doc.metadata.other if "Committee" in o.text]
    unwrapped = [*lines[:-3], line(lines[-3].text, len(lines)), *lines[-2:]]
    doc = parse_raw(RawInput(info, tuple(unwrapped), ()), Options(language="en", symbol="A/1/1"))
    assert [o.text for o in doc.metadata.other if "Committee" in o.text]  # without the reader's word, a masthead line
