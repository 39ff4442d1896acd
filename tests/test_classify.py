"""Classification and assembly on tiny inline inputs."""

from __future__ import annotations

from parser import parse_bytes
from parser.classify import lines_to_blocks
from parser.model import Cell, Line, Region, Source, SourceInfo, Span
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


def test_an_item_with_an_inline_list_of_its_own_is_not_split_into_its_lists_next_items() -> None:
    doc = _doc("I. Intro\n\n1. It found:\n\n(a) The summaries raised concern that: (a) in several cases; and (b) when "
               "discussed, rarely;\n\n(b) Indicators were added.\n", language="en")  # fmt: skip
    points = doc.get("para_1").children  # type: ignore[union-attr]
    assert [p.id for p in points] == ["para_1__list_1__point_a", "para_1__list_1__point_b"]
    assert (points[0].text or "").endswith("(b) when discussed, rarely;")


def test_a_list_lettered_again_after_text_between_is_a_list_of_its_own() -> None:
    doc = _doc("I. Intro\n\n1. It noted:\n\nOn Guam:\n\n(a) One;\n\n(b) Two;\n\nOn Montserrat:\n\n(a) Three;\n\n"
               "(b) Four.\n", language="en")  # fmt: skip
    children = doc.get("para_1").children  # type: ignore[union-attr]
    assert [c.type for c in children] == ["block", "subparagraph", "subparagraph"] * 2
    assert [c.id for c in children if c.type == "subparagraph"][2:] == ["para_1__list_2__point_a", "para_1__list_2__point_b"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_a_numbered_line_inside_a_wrapped_paragraph_does_not_open_a_paragraph() -> None:
    text = "I. Intro\n1. We note the report in\n2030 Agenda terms and more\n10. Then we decide.\n2. Second.\n"
    doc = parse_bytes(text.encode(), "t.txt", language="en", symbol="A/1/1")
    assert [p.ordinal for p in doc.paragraphs()] == [1, 2]
    assert (doc.get("para_1").text or "").endswith("more 10. Then we decide.")  # type: ignore[union-attr]


def test_an_initial_opening_a_line_of_running_text_is_not_a_section() -> None:
    doc = _doc("I. Intro\n\n1. The minister spoke. The statement by\n\nE. Rinkevich, then Minister of Foreign Affairs, was\n"
               "clear.\n\nA. Findings\n\n2. Next.\n", language="en")  # fmt: skip
    assert [n.id for n in doc.nodes() if n.type in ("chapter", "section")] == ["chp_1", "chp_1__sec_A"]
    assert doc.get("para_1").text == (  # type: ignore[union-attr]
        "The minister spoke. The statement by E. Rinkevich, then Minister of Foreign Affairs, was clear."
    )


def test_a_heading_whose_first_word_takes_a_comma_is_still_the_next_chapter() -> None:
    doc = _doc("I. Background\n\n1. Text.\n\nII. Information, provided by stakeholders\n\n2. More.\n", language="en")
    assert [(n.id, n.heading) for n in doc.nodes() if n.type == "chapter"] == [
        ("chp_1", "Background"), ("chp_2", "Information, provided by stakeholders")]  # fmt: skip


def test_a_letter_in_body_type_that_does_not_continue_the_sections_is_an_initial() -> None:
    from parser.classify import lines_to_blocks
    from parser.model import Line, Source, Span

    def line(text: str, *, bold: bool = False) -> Line:
        return Line((Span(text, bold=bold),), Source(line=1), blank_before=True, typeset=True, exact_breaks=True, bold=bold)

    lines = (line("I. Introduction", bold=True), line("A. General", bold=True), line("1. The memorial was designed by"),
             line("M. Varik and architect A. Murdmaa."), line("B. Findings", bold=True))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.marker.level, b.marker.num) for b in blocks if b.kind == "heading" and b.marker] == [
        ("chapter", "I"), ("section", "A"), ("section", "B")]  # fmt: skip


def test_bold_numbered_sub_headings_in_a_chapter_without_sections_are_headings() -> None:
    from parser.classify import lines_to_blocks
    from parser.model import Line, Source, Span

    def line(text: str, *, bold: bool = False, gap: bool = True) -> Line:
        return Line((Span(text, bold=bold),), Source(line=1), blank_before=gap, typeset=True, exact_breaks=True, bold=bold)

    lines = (line("I. Accelerated action", bold=True), *(line(f"{n}. Paragraph {n} of the report.") for n in range(1, 35)),
             line("1. Tailored support to least developed countries, landlocked developing countries,", bold=True),
             line("small island developing States", bold=True, gap=False), line("35. In 2024, the system grew."),
             line("2. Food systems", bold=True), line("36. Food systems matter."))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    headings = [(b.marker.level, b.marker.num) for b in blocks if b.kind == "heading" and b.marker]
    assert headings == [("chapter", "I"), ("subsection", "1"), ("subsection", "2")]
    assert [b.marker.num for b in blocks if b.kind == "paragraph" and b.marker][-2:] == ["35", "36"]


def test_a_chapter_printed_as_a_word_takes_its_title_from_the_next_line() -> None:
    doc = _doc("Chapter I\nMatters calling for action\n\nA. Draft decisions\n\n1. The Commission recommends.\n\n"
               "Chapter II\nGeneral debate\n\nA. Deliberations\n\n2. Statements were made.\n", language="en")  # fmt: skip
    assert [(n.id, n.heading) for n in doc.nodes() if n.type in ("chapter", "section")] == [
        ("chp_1", "Matters calling for action"), ("chp_1__sec_A", "Draft decisions"),
        ("chp_2", "General debate"), ("chp_2__sec_A", "Deliberations")]  # fmt: skip


def test_a_wrapped_summary_line_that_begins_like_a_masthead_line_stays_in_the_summary() -> None:
    def line(text: str, n: int, **extra: object) -> Line:
        return Line((Span(text),), Source(line=n), typeset=True, exact_breaks=True, size=10.0, **extra)  # type: ignore[arg-type]

    texts = ["United Nations", "A/1/1", "General Assembly", "Distr.: General", "16 July 2018", "Original: English",
             "Seventy-third session", "Item 29 of the provisional agenda", "Volunteering", "Report of the Secretary-General",
             "Summary", "In its resolution, the General Assembly asked the Secretary-General to report thereon"]  # fmt: skip
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


def test_a_lettered_line_in_italics_over_numbered_paragraphs_is_a_heading() -> None:
    def line(text: str, *, italic: bool = False) -> Line:
        return Line((Span(text, italic=italic),), Source(line=1), blank_before=True, typeset=True, exact_breaks=True)

    lines = (
        line("30. The Commission met."),
        line("(b) Consideration of a proposal", italic=True),
        line("31. The observer spoke."),
    )
    blocks = lines_to_blocks(lines, "en")
    assert [(b.kind, b.marker.num if b.marker else "") for b in blocks] == [
        ("paragraph", "30"),
        ("heading", ""),
        ("paragraph", "31"),
    ]
    assert blocks[1].plain_text == "(b) Consideration of a proposal"


def test_a_lettered_line_hanging_out_of_the_column_is_a_heading_though_in_body_type() -> None:
    def line(text: str, indent: float = 0.0, *, blank: bool = True) -> Line:
        return Line((Span(text),), Source(line=1), blank_before=blank, typeset=True, exact_breaks=True, indent=indent)

    lines = (
        line("10. The pool was constrained."),
        line("(b) Effective resident coordinator office capacities in support of paid and", -2.5),
        line("unpaid caregivers", blank=False),
        line("11. The core capacities."),
        line("(c) Item set in as a list's is no heading", 2.0),
    )
    blocks = lines_to_blocks(lines, "en")
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph", "subparagraph"]
    assert blocks[1].plain_text.endswith("paid and\nunpaid caregivers")


def test_a_numbered_sub_heading_continuing_the_sub_headings_is_one_though_paragraphs_ran_no_further() -> None:
    def line(text: str, *, bold: bool = False) -> Line:
        return Line((Span(text, bold=bold),), Source(line=1), blank_before=True, typeset=True, exact_breaks=True, bold=bold)

    lines = (line("I. Territories", bold=True), line("1. The Fund reported."), line("2. It worked in:"),
             line("3. Its projects ran."), line("4. It ended."), line("A. Fund", bold=True), line("1. Anguilla", bold=True),
             line("Projects in statistics."), line("2. Bermuda", bold=True), line("Projects."),
             line("3. Cayman Islands", bold=True), line("4. Montserrat", bold=True), line("5. It reports."))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    subsections = [b.plain_text for b in blocks if b.marker is not None and b.marker.level == "subsection"]
    assert subsections == ["Anguilla", "Bermuda", "Cayman Islands", "Montserrat"]
    assert blocks[-1].kind == "paragraph" and blocks[-1].marker is not None and blocks[-1].marker.ordinal == 5


def test_an_items_line_set_in_as_its_text_carries_it_on_over_a_page_break_and_i_under_a_colon_is_roman() -> None:
    def line(text: str, indent: float, **kw: bool) -> Line:
        return Line((Span(text),), Source(line=1), typeset=True, exact_breaks=True, indent=indent, **kw)

    lines = (line("1. The Committee noted:", 0.0, blank_before=True), line("(g) Lack of training, including the use of", 4.75),
             line("gender", 2.38), line("stereotypes;", 2.38, page_start=True), line("(h) Laws on:", 4.75),
             line("(i) Civil rights;", 4.75), line("(ii) Economic rights;", 4.75), line("(i). Failure.", 4.75))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.kind, b.marker.level if b.marker else "", b.continues) for b in blocks] == [
        ("paragraph", "paragraph", False), ("subparagraph", "subparagraph", False), ("text", "", True),
        ("subparagraph", "subparagraph", False), ("subparagraph", "subsubparagraph", False),
        ("subparagraph", "subsubparagraph", False), ("subparagraph", "subparagraph", False)]  # fmt: skip
    assert blocks[-1].marker is not None and (blocks[-1].marker.printed, blocks[-1].marker.ordinal) == ("(i).", 9)


def test_a_title_and_the_smaller_unit_line_set_under_it_are_two_blocks_not_one_sentence() -> None:
    def line(text: str, n: int, size: float, **extra: object) -> Line:
        bold = size == 10.0 and n == 2
        return Line((Span(text, bold=bold, size=size),), Source(line=n), typeset=True, exact_breaks=True, size=size,
                    bold=bold, zone="body", **extra)  # type: ignore[arg-type]  # fmt: skip

    lines = (
        line("1. Resources are set out below.", 1, 10.0, blank_before=True),
        line("Financial resources", 2, 10.0, blank_before=True),
        line("(Thousands of United States dollars)", 3, 7.0),
        Line((), Source(line=4), blank_before=True, region=Region("table", ((Cell((Span("P-4"),)), Cell((Span("12"),))),))),
        line("2. The Committee was informed of the", 4, 10.0, blank_before=True),
        line("posts, set smaller in a quotation.", 5, 9.0, runs_on=True),
    )
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    doc = parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))
    assert [(n.type, n.heading or n.text) for n in doc.nodes()] == [
        ("paragraph", "Resources are set out below."), ("heading", "Financial resources"),
        ("block", "(Thousands of United States dollars)"), ("table", None),
        ("paragraph", "The Committee was informed of the posts, set smaller in a quotation.")]  # fmt: skip


def _masthead_page(*texts: str, page_start_at: int) -> tuple[Line, ...]:
    return tuple(Line((Span(t),), Source(line=n), typeset=True, exact_breaks=True, size=10.0, blank_before=n > 0,
                      page_start=n == page_start_at) for n, t in enumerate(texts))  # fmt: skip


def test_the_masthead_is_page_ones_a_statement_on_page_two_is_body() -> None:
    texts = ("United Nations", "E/CN.6/2025/NGO/1", "Economic and Social Council", "Distr.: General", "15 December 2024",
             "Commission on the Status of Women", "Statement submitted by an organization",
             "The Secretary-General has received the following statement.", "Statement",
             "The Beijing Declaration for Action was groundbreaking in 1995.", "However, progress has slowed.")  # fmt: skip
    blocks = lines_to_blocks(_masthead_page(*texts, page_start_at=8), "en")
    assert [b.plain_text for b in blocks if b.kind == "masthead"] == list(texts[:8])
    assert [b.plain_text for b in blocks if b.kind != "masthead"] == list(texts[8:])


def test_a_summary_box_running_over_a_page_break_stays_in_the_masthead() -> None:
    texts = ("United Nations", "A/1/1", "General Assembly", "Distr.: General", "Report of the Secretary-General",
             "Summary", "The report describes the work of the year.", "It ends with recommendations.")  # fmt: skip
    blocks = lines_to_blocks(_masthead_page(*texts, page_start_at=7), "en")
    assert all(b.kind == "masthead" for b in blocks)


def test_a_lettered_row_under_a_table_caption_that_does_not_continue_the_sections_is_a_row() -> None:
    def line(text: str, *, bold: bool = False) -> Line:
        return Line((Span(text, bold=bold),), Source(line=1), blank_before=True, typeset=True, exact_breaks=True, bold=bold)

    table = (line("Table 26.2"), line("Subprogramme 1: deliverables for 2027", bold=True),
             line("C. Substantive deliverables", bold=True), line("Consultation, advice and advocacy: meetings."),
             line("D. Communication deliverables", bold=True), line("Outreach programmes."))  # fmt: skip
    lines = (line("A. Programme plan", bold=True), line("1. The plan."), *table, line("2. The next paragraph."),
             line("B. Resources", bold=True), line("3. Text."), line("Table 26.3"), line("C. Posts", bold=True))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.marker.level, b.marker.num) for b in blocks if b.kind == "heading" and b.marker] == [
        ("section", "A"), ("section", "B"), ("section", "C")]  # fmt: skip
    assert all(b.marker is None for b in blocks if "deliverables" in b.plain_text)


def test_an_annex_a_quoted_resolution_announces_is_its_own_though_it_opens_a_page() -> None:
    def line(text: str, **kw: bool) -> Line:
        return Line((Span(text),), Source(line=1), blank_before=True, typeset=True, exact_breaks=True, **kw)

    lines = (line("I. Matters calling for action"), line("1. The Commission adopted a draft resolution:"),
             line("Draft resolution I"), line("The Economic and Social Council,"),
             line("Endorses decision C (71), annexed to the present resolution."), line("Annex", page_start=True),
             line("Decision C (71)"), line("1. Requests the Secretary-General to act."))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    annex = next(b for b in blocks if b.plain_text == "Annex")
    assert annex.kind == "heading" and annex.marker is None and annex.quote
    without = (*lines[:4], line("Endorses decision C (71)."), *lines[5:])
    assert any(b.marker is not None and b.marker.level == "annex" for b in lines_to_blocks(without, "en"))


def test_a_summary_on_a_page_after_the_masthead_is_a_heading_of_the_body_over_its_text() -> None:
    lines = (*_masthead_page("United Nations", "A/80/188", "General Assembly", "Note by the Secretary-General",
                             "Report of the Special Rapporteur", "Summary", page_start_at=4),
             Line((Span("The present report contains a synthesis."),), Source(line=9), typeset=True, exact_breaks=True,
                  size=10.0))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.kind, b.plain_text) for b in blocks[-2:]] == [
        ("heading", "Summary"),
        ("text", "The present report contains a synthesis."),
    ]


def _typeset(text: str, n: int, size: float = 10.0, *, italic: bool = False, bold: bool = False, **extra: object) -> Line:
    return Line((Span(text, bold=bold, italic=italic, size=size),), Source(line=n), typeset=True, exact_breaks=True,
                size=size, bold=bold, zone="body", **extra)  # type: ignore[arg-type]  # fmt: skip


def _table(n: int) -> Line:
    row = (Cell((Span("46/232"),)), Cell((Span("Title"),)))
    return Line((), Source(line=n), blank_before=True, region=Region("table", (row,)))


def test_italic_headings_between_tables_stay_apart_and_are_headings() -> None:
    """A mandates list: an italic heading over each two-column table; no paragraph runs on from one heading over a
    table into the next (which no full stop ends)."""
    lines = (
        _typeset("1. The list below provides all mandates.", 1, blank_before=True),
        _typeset("General Assembly resolutions", 2, italic=True, blank_before=True),
        _table(3),
        _typeset("Security Council resolutions", 4, italic=True, blank_before=True),
        _table(5),
        _typeset("2. The next paragraph.", 6, blank_before=True),
    )
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    doc = parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))
    assert [(n.type, n.heading or n.text) for n in doc.nodes()] == [
        ("paragraph", "The list below provides all mandates."), ("heading", "General Assembly resolutions"), ("table", None),
        ("heading", "Security Council resolutions"), ("table", None), ("paragraph", "The next paragraph.")]  # fmt: skip


def test_a_paragraph_broken_by_a_table_in_body_type_still_runs_on_after_it() -> None:
    lines = (_typeset("1. The Committee was informed that the", 1, blank_before=True), _table(2),
             _typeset("posts would be abolished.", 3, blank_before=True))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.kind, b.continues) for b in blocks] == [("paragraph", False), ("table", False), ("text", True)]


def test_a_line_in_another_type_size_after_a_page_break_does_not_carry_on_the_text_above() -> None:
    """``Deliverables`` in 12-point bold on a new page, under a list in 8.5-point type that no full stop ends."""
    lines = (_typeset("1. Mandates are listed below.", 1, blank_before=True),
             _typeset("UNEP/EA.7/HLS/1 Ministerial declaration of the seventh session", 2, 8.5, blank_before=True),
             _typeset("Deliverables", 3, 12.0, bold=True, page_start=True))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [(b.kind, b.continues) for b in blocks] == [("paragraph", False), ("text", False), ("text", False)]


def test_a_three_line_heading_wholly_in_bold_is_a_heading_and_as_long_a_line_in_body_type_is_not() -> None:
    title = ("Result 1: reduced production and consumption of hydrofluorocarbons through the implementation of the "
             "Kigali Amendment to the Montreal Protocol on Substances that Deplete the Ozone Layer")  # fmt: skip
    lines = (_typeset("1. The first paragraph.", 1, blank_before=True), _typeset(title, 2, bold=True, blank_before=True),
             _typeset("2. The second paragraph.", 3, blank_before=True), _typeset(title, 4, blank_before=True),
             _typeset("3. The third paragraph.", 5, blank_before=True))  # fmt: skip
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    doc = parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))
    assert len(title) > 150
    assert [n.type for n in doc.nodes()] == ["paragraph", "heading", "paragraph", "block", "paragraph"]


def test_an_items_line_opening_with_a_year_or_an_inline_marker_carries_it_on_over_a_page_break() -> None:
    """A/81/6 (Sect. 22) and (Sect. 6): an item's text goes on at the top of the next page, flush with its wrapped
    lines, with ``2025 System of …`` (a year) or ``(ii) the registration …`` (the next marker of an enumeration run in
    the item's sentence); a dotted number there is an entry of its own, and a ``(ii)`` whose ``(i)`` opened an item
    is the next item."""

    def line(text: str, indent: float, **kw: bool) -> Line:
        return Line((Span(text),), Source(line=1), typeset=True, exact_breaks=True, indent=indent, **kw)

    def kinds(*lines: Line) -> list[tuple[str, bool]]:
        return [(b.kind, b.continues) for b in lines_to_blocks(lines, "en")]

    opening = (line("1. The subprogramme will:", 0.0, blank_before=True), line("(a) Develop and promote tools, including", 2.38),
               line("the implementation of the", 4.75))  # fmt: skip
    assert kinds(*opening, line("2025 System of National Accounts;", 4.75, page_start=True))[-1] == ("text", True)
    assert kinds(*opening, line("1.1.5 Free movement", 4.75, page_start=True))[-1] == ("text", False)
    inline = (line("1. The Office will:", 0.0, blank_before=True), line("(a) Work with States, including through: (i) the", 2.38),
              line("implementation of the framework;", 4.75))  # fmt: skip
    assert kinds(*inline, line("(ii) the registration of objects;", 4.75, page_start=True))[-1] == ("text", True)


def test_a_roman_item_the_layout_wrapped_to_a_line_start_under_an_inline_list_stays_in_its_sentence() -> None:
    """A/80/623 para. 85: ``… (b) lower rations costs due to`` fills its line and ``(i) a lower actual …`` opens the
    next, flush, no gap: the ``(i)`` runs in the sentence (as in the Word file), no item of its own; after a gap it
    is one."""

    def line(text: str, **kw: bool) -> Line:
        return Line((Span(text),), Source(line=1), typeset=True, exact_breaks=True, **kw)

    opening = (line("85. For the period, the reduced requirements were attributable", blank_before=True),
               line("(a) lower equipment costs; (b) lower rations costs due to", runs_on=True))  # fmt: skip
    wrapped = lines_to_blocks((*opening, line("(i) a lower rate; and (ii) lower transport costs.", runs_on=True)), "en")
    assert [b.marker.printed if b.marker else "" for b in wrapped if b.kind != "text"] == ["85."]
    apart = lines_to_blocks((*opening, line("(i) a lower rate; and (ii) lower transport costs.", blank_before=True)), "en")
    assert [b.marker.printed for b in apart if b.marker] == ["85.", "(i)"]


def test_an_italic_heading_ending_in_a_colon_between_two_tables_of_a_mandates_list_is_a_heading() -> None:
    """A/81/6 (Sect. 3): ``Security Council resolutions pertaining to … subsidiary organs …, including:`` in italics
    between one table of mandates and the next heads the next; the same line before a table after running text is
    its introduction."""
    title = "Security Council resolutions pertaining to the subsidiary organs of the Council, including:"
    lines = (
        _typeset("1. The list below provides all mandates.", 1, blank_before=True),
        _typeset("General Assembly resolutions", 2, italic=True, blank_before=True),
        _table(3),
        _typeset(title, 4, italic=True, blank_before=True),
        _table(5),
        _typeset("2. The next paragraph ends here.", 6, blank_before=True),
        _typeset(title, 7, italic=True, blank_before=True),
        _table(8),
    )
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    doc = parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))
    assert [n.type for n in doc.nodes() if (n.heading or n.text) == title] == ["heading", "block"]
