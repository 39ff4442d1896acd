"""Glyph-level rules of the PDF reader on tiny inline inputs: text-layer repairs, zero-width glyphs, line ends, spaces."""

from __future__ import annotations

from parser.model import Line, Source, Span
from parser.read.pdf_breaks import layout_breaks
from parser.read.pdf_chars import Glyph, Row, glyphs_to_rows, glyphs_to_spans
from parser.read.pdf_furniture import Item
from parser.read.pdf_lineends import (
    column_edges,
    hang_wrapped_calls,
    restore_break_spaces,
    runs_on,
    usual_leading,
    without_loose,
)
from parser.read.pdf_textlayer import TEXT_LAYER, clean_page, swapped_fonts, text_layer_issues
from parser.text_utils import cjk_latin_boundary, joiner


def g(text: str, x0: float, width: float = 6.0, *, base: float = 100.0, size: float = 12.0, font: str = "F",
      spaced: bool = True) -> Glyph:  # fmt: skip
    return Glyph(text, x0, x0 + width, base - size, base, base, size, round(size, 1), font, False, False, True, False, spaced)


def run(text: str, x0: float = 100.0, width: float = 6.0, **kw: object) -> list[Glyph]:
    return [g(c, x0 + k * width, width, **kw) for k, c in enumerate(text)]  # type: ignore[arg-type]


def spans_text(glyphs: list[Glyph], rtl: bool | None = None) -> str:
    return "".join(s.text for s in glyphs_to_spans(glyphs, rtl=rtl)[0])


# --- brackets ---------------------------------------------------------------------


def test_a_font_whose_bracket_pairs_read_inverted_is_swapped_and_another_font_is_not() -> None:
    arabic = run(")ب(", font="Arabic") + run("(UNV)", x0=200, font="Latin")
    assert swapped_fonts(arabic) == frozenset({"Arabic"})
    cleaned = clean_page(arabic, 1).glyphs
    assert "".join(x.text for x in cleaned if x.font == "Arabic") == "(ب)"
    assert "".join(x.text for x in cleaned if x.font == "Latin") == "(UNV)"


def test_furniture_in_a_swapped_font_reads_its_brackets_as_drawn() -> None:
    footer = run("18-12345 )A(", font="Amiri")
    assert spans_text(clean_page(footer, 2).glyphs) == "18-12345 (A)"


def test_unmapped_glyphs_do_not_count_in_the_bracket_decision() -> None:
    glyphs = [g("(cid:31)", 100 + 7 * k, 7) for k in range(5)] + run("(A)", x0=200)
    assert swapped_fonts(glyphs) == frozenset()


# --- stretching glyphs ------------------------------------------------------------


def test_an_unmapped_glyph_between_joined_arabic_letters_is_dropped_as_kashida_and_leaves_no_gap() -> None:
    glyphs = [g("ك", 100, 5), g("(cid:31)", 105, 4), g("ل", 109, 3)]
    page = clean_page(glyphs, 3)
    assert [d.kind for d in page.dropped] == ["kashida"] and page.dropped[0].source.page == 3
    assert spans_text(page.glyphs, rtl=True) == "لك"
    assert text_layer_issues(page.dropped) == ()


def test_a_dash_touching_joined_letters_is_a_wrongly_mapped_kashida_and_is_warned_of() -> None:
    page = clean_page([g("ك", 100, 5), g("–", 105, 2), g("ل", 107, 3)], 4)
    assert [(d.kind, d.text) for d in page.dropped] == [("text_layer", "–")]
    (issue,) = text_layer_issues(page.dropped)
    assert issue.code == TEXT_LAYER and issue.page == 4 and issue.message.startswith("page 4: ") and "U+2013" in issue.message


def test_a_slash_or_a_spaced_dash_between_arabic_words_is_text() -> None:
    slash = [g("ل", 100, 3), g("/", 103, 3), g("س", 106, 5)]
    spaced = [g("ل", 100, 3), g(" ", 103, 3), g("–", 106, 5), g(" ", 111, 3), g("س", 114, 5)]
    assert clean_page(slash, 1).dropped == [] and clean_page(spaced, 1).dropped == []


# --- zero-width glyphs ------------------------------------------------------------


def test_a_zero_width_alef_at_the_lams_left_edge_follows_the_lam_and_makes_no_space() -> None:
    # "الأمم" drawn right to left: ا | ل with a zero-width أ at its left edge (0.1 pt inside) | م م
    glyphs = [g("م", 80, 5), g("م", 85, 5), g("ل", 90, 6), g("أ", 90.1, 0), g("ا", 96, 3)]
    assert spans_text(glyphs, rtl=True) == "الأمم"


# --- spaces -----------------------------------------------------------------------


def test_automatic_cjk_latin_spacing_is_not_a_typed_space_on_a_page_that_writes_its_spaces() -> None:
    line = run("于", 100, 10, size=10) + run("2015", 112.1, 5.6, size=10) + run("年", 136.6, 10, size=10)
    assert spans_text(line) == "于2015年"
    typed = run("于", 100, 10, size=10) + [g(" ", 110, 2.6, size=10)] + run("2015", 114.7, 5.6, size=10)
    assert spans_text(typed) == "于 2015"


def test_without_space_glyphs_on_the_page_a_cjk_latin_gap_is_still_a_space() -> None:
    line = run("于", 100, 10, size=10, spaced=False) + run("2015", 112.5, 5.6, size=10, spaced=False)
    assert spans_text(line) == "于 2015"


def test_the_tab_after_a_paragraph_number_stays_a_space_next_to_cjk() -> None:
    line = run("２．", 96, 10, size=10) + run("2015", 121.9, 5.6, size=10) + run("年", 144.3, 10, size=10)
    assert spans_text(line) == "２． 2015年"


def test_a_typed_space_at_a_cjk_latin_line_break_is_restored_where_the_page_types_such_spaces() -> None:
    first = run("有", 100, 10, size=10) + [g(" ", 110, 2.5, size=10)] + run("30", 112.5, 5, size=10)
    first += [g(" ", 122.5, 2.5, size=10)] + run("名和", 125, 10, size=10) + [g(" ", 145, 2.5, size=10)]
    first += run("A", 147.5, 7, size=10) + run("和", 157, 10, size=10)
    second = run("A/70", 100, 6, base=114.0, size=10)
    rows = [Row(first).finish(), Row(second).finish()]
    restore_break_spaces(rows)
    assert spans_text(rows[0].glyphs).endswith("和 ")


def test_the_assembler_keeps_a_typed_space_only_between_a_cjk_letter_and_latin() -> None:
    assert cjk_latin_boundary("至少有 30", "名") and cjk_latin_boundary("目标：(a)", "通过")
    assert not cjk_latin_boundary("实例。", "人口") and not cjk_latin_boundary("发展", "活动")


def test_no_space_after_an_opening_bracket_or_before_a_closing_one_at_a_line_join() -> None:
    assert joiner("البرنامج (", "www.unv.org)") == ""
    assert joiner("see the report", ") of 2018") == ""
    assert joiner("the report", "of 2018") == " "


# --- line ends --------------------------------------------------------------------


def test_a_call_wrapped_alone_to_the_next_line_ends_the_line_above_as_a_call() -> None:
    above = Row(run("尤其是在苦苦挣扎的年轻人中间。", 116.8, 10, size=10)).finish()
    call = Row([g("5", 116.8, 3.2, base=111.7, size=5.8)]).finish()
    (row,) = hang_wrapped_calls([above, call])
    spans = glyphs_to_spans(row.glyphs)[0]
    assert [(s.text, s.sup) for s in spans] == [("尤其是在苦苦挣扎的年轻人中间。", False), ("5", True)]


def test_a_small_number_under_a_short_line_of_a_chart_is_not_a_call() -> None:
    long_line = Row(run("尤其是在苦苦挣扎的年轻人中间。", 116.8, 10, size=10, base=60.0)).finish()
    label = Row(run("2018 2019", 116.8, 2, size=4.2)).finish()
    number = Row([g("5", 116.8, 2, base=104.0, size=3.5)]).finish()
    assert len(hang_wrapped_calls([long_line, label, number])) == 3


def test_a_small_number_far_below_a_line_is_not_a_call() -> None:
    above = Row(run("尤其是在苦苦挣扎的年轻人中间。", 116.8, 10, size=10)).finish()
    page_number = Row([g("5", 116.8, 3.2, base=140.0, size=5.8)]).finish()
    assert len(hang_wrapped_calls([above, page_number])) == 2


def test_a_line_runs_on_when_its_first_word_would_not_have_fitted_on_the_full_line_above() -> None:
    edges = (100.0, 400.0)
    ragged = run("吁在年举行一次全球技术", 100, 26.8, size=10)  # ends at 394.8: the next character (10 pt) needs 404.8
    assert runs_on(ragged, run("会议，并在此前举行", 100, 10, size=10), edges, 10, rtl=False)
    kinsoku = run("吁在年举行一次全球技", 100, 28.2, size=10)  # 382: "术" fits, not "术，" (no line starts with "，")
    assert runs_on(kinsoku, run("术，并在此前举行", 100, 10, size=10), edges, 10, rtl=False)
    assert runs_on(run("to report to the General Assembly at its", 100, 7.3), run("Committee on", 100, 7), edges, 12, False)
    short = run("to report.", 100, 7)
    assert not runs_on(short, run("Committee on", 100, 7), edges, 12, rtl=False)
    room = run("to report to the Assembly at", 100, 7.3)  # ends at 304.4: "Committee" (63) fits
    assert not runs_on(room, run("Committee on", 100, 7), edges, 12, rtl=False)
    assert not runs_on(run("A/73/254", 340, 7.5), run("大会", 100, 12), edges, 12, rtl=False)  # another column above
    full = run("to report to the General Assembly at its", 100, 7.3)
    assert not runs_on(full, run("Recalling its", 118, 7), edges, 12, rtl=False)  # indented: a new paragraph
    numbered = run("12.", 100, 5) + run("to report to the General Assembly at", 130, 7.3)
    assert runs_on(numbered, run("Committee on", 130, 7), edges, 12, rtl=False)  # under the text of a hanging number
    table = run("Benin 4", 100, 7) + run("2 – 6 – – 7", 300, 9.1)
    assert not runs_on(table, run("Bhutan 2", 100, 7), edges, 12, rtl=False)  # a table's columns
    contents = run("Resolution 68/1 . . . . . . . . . . . . 2", 100, 7.3)
    assert not runs_on(contents, run("Resolution", 100, 7), edges, 12, rtl=False)  # dot leaders to a page number


def test_a_right_to_left_line_runs_on_when_its_first_word_would_not_have_fitted_at_the_left_end_above() -> None:
    edges = (100.0, 400.0)
    full = run("ب" * 40, 104, 7.4)  # 104 … 400: the next word (4 glyphs, 24 pt) needs room down to 80
    assert runs_on(full, run("اللجنة", 364, 6), edges, 12, rtl=True)
    assert not runs_on(run("ب" * 20, 252, 7.4), run("اللجنة", 364, 6), edges, 12, rtl=True)


def test_the_column_edges_are_those_of_its_lines_of_running_text() -> None:
    lines = [run("联合国", 90, 12), run("吁在年举行一次全球技术会议。", 100, 20), run("一次全球技术会议", 120, 20)]
    assert column_edges(lines) == (100.0, 360.0)  # the hung full stop not counted


def test_the_leading_of_an_unseen_size_is_the_documents_leading_scaled() -> None:
    assert usual_leading({11.0: 21.5, 9.0: 19.6}, 14.0) > 1.3 * 1.2 * 14.0
    assert usual_leading({}, 10.0) == 12.0


def test_of_two_learnt_leadings_the_tighter_ratio_is_the_usual_one() -> None:
    # a page of one-line list items with gaps between (10 pt, 1.94) beside running text (11 pt, 1.2): the usual
    # step is the text's, or a title over the first paragraph runs into it (A/AC.172/2025/2's annex)
    assert usual_leading({10.0: 19.4, 11.0: 13.2}, 13.9) == 1.2 * 13.9


def test_a_size_learnt_from_gaps_steps_as_the_usual_ratio_says_but_the_bodys_own_step_stays() -> None:
    # A/81/6 (Sect. 3): five pairs of 8.5 pt contents entries 18 pt apart (2.1 em) taught the 8.5 pt step; kept, an
    # 8.5 pt line right under a 10 pt heading (18.5 pt down) ran into it ('Charter of the United Nations Articles 1…')
    learnt = {10.0: 12.0, 12.0: 13.6, 14.0: 15.0, 8.5: 18.0}
    assert without_loose(learnt, {10.0: 400, 12.0: 30, 14.0: 6, 8.5: 5}) == {10.0: 12.0, 12.0: 13.6, 14.0: 15.0}
    assert without_loose({10.0: 24.0, 8.0: 9.6}, {10.0: 300, 8.0: 40}) == {10.0: 24.0, 8.0: 9.6}  # double-spaced body
    assert without_loose({10.0: 12.0, 14.0: 28.3}, {10.0: 300, 14.0: 1}) == {10.0: 12.0, 14.0: 28.3}  # a title's lines


def test_a_bare_alef_under_a_zero_width_hamza_mapped_to_the_whole_letter_is_one_letter_and_warned_of() -> None:
    # "الأمين" drawn right to left, the أ as a bare alef (mapped ا) plus a zero-width mark mapped أ
    glyphs = [g("ن", 70, 7), g("ي", 77, 3), g("م", 80, 4), g("أ", 84.0, 0), g("ا", 84.3, 4), g("ل", 88.3, 3), g("ا", 91.3, 2.5)]
    page = clean_page(glyphs, 5)
    assert spans_text(page.glyphs, rtl=True) == "الأمين"
    assert [(d.kind, d.text) for d in page.dropped] == [("text_layer_part", "ا")]
    (issue,) = text_layer_issues(page.dropped)
    assert issue.page == 5 and "U+0627" in issue.message


def test_the_recycling_line_is_furniture_in_its_variant_wordings() -> None:
    from parser.read.pdf_furniture import RECYCLING

    for text in ("يرجى إعادة الاستعمال", "الرجاء إعادة الاستعمال", "نرجو إعادة التدوير", "请回收", "Please recycle"):
        assert RECYCLING.match(text), text
    assert not RECYCLING.match("الرجاء إعادة النظر في القرار")
    for text in ("Accessible document", "Accessible document Please recycle", "Document accessible"):
        assert RECYCLING.match(text), text  # the mark printed beside it, apart or in the same row
    assert not RECYCLING.match("Accessible documents are posted on the website.")


# --- paragraph breaks from the layout's line breaks ------------------------------


def _page(rows: list[tuple[str, float, float, bool]]) -> list[Line]:
    """Lines of one zone from (text, x0, band above in ems, the reader's paragraph break), 10 pt, 10 pt per glyph."""
    items, lines, base = [], [], 100.0
    for text, x0, band, blank in rows:
        base += 10 + 10 * band
        items.append(Item(run(text, x0, 10, base=base, size=10), base, 10))
        lines.append(Line((Span(text),), Source(page=1), blank_before=blank, size=10, gap_before=band))
    return layout_breaks(lines, items, [False] * len(items))


def test_a_full_line_of_an_unfinished_sentence_runs_on_and_a_band_wider_than_the_pages_wraps_parts_paragraphs() -> None:
    full = "甲" * 30  # 100 … 400: the column
    lines = _page([
        (full, 100, 0.0, False), (full, 100, 0.55, False), (full, 100, 0.55, True),  # Latin in the line: a taller band
        (full[:-1] + "。", 100, 0.2, False), ("乙" * 12 + "。", 100, 0.55, True),  # a full line ends a sentence
        ("丙" * 30, 100, 0.9, False), ("丁" * 8 + "。", 100, 0.2, False),  # the last line of a paragraph, short
        ("戊" * 30, 100, 0.9, False), ("己" * 30, 100, 0.2, True),  # wider than every band of a wrap: 0.55 + 0.15
    ])  # fmt: skip
    assert [ln.runs_on for ln in lines] == [False, True, True, True, True, False, True, False, True]
    assert [ln.blank_before for ln in lines] == [False, False, False, False, False, True, False, True, False]


def test_a_zero_width_hamza_on_an_unmapped_alef_half_takes_its_place_and_an_unmapped_half_after_a_lam_reads_alef() -> None:
    # الأمم الاجتماعي drawn right to left: ا ل [alef half + zero-width أ] م م ، ا ل [alef half] ج
    word = [g("ا", 133.4, 2), g("ل", 130.8, 2.5), g("(cid:11)", 127.1, 3.6), g("أ", 126.8, 0), g("م", 123.2, 3.9),
            g("م", 118, 5.2)]  # fmt: skip
    other = [g("ا", 83.4, 2), g("ل", 80.8, 2.5), g("(cid:11)", 77.1, 3.6), g("ج", 70.5, 6.6)]
    page = clean_page(word + other, 2)
    assert spans_text(sorted(page.glyphs, key=lambda x: x.x0), rtl=True) == "الأمم الاج"
    assert sorted(d.kind for d in page.dropped) == ["text_layer_part", "text_layer_unmapped"]
    assert all("(cid:11)" in i.message and i.message.startswith("page 2: ") for i in text_layer_issues(page.dropped))


def test_an_unmapped_glyph_that_is_no_kashida_is_dropped_and_warned_of_with_its_page() -> None:
    page = clean_page(run("Salamon", 100) + [g("(cid:157)", 142, 2, base=102)] + run("Wojciech", 150), 3)
    assert spans_text(page.glyphs) == "Salamon Wojciech"
    (issue,) = text_layer_issues(page.dropped)
    assert issue.page == 3 and "(cid:157)" in issue.message


def test_a_page_without_evidence_of_its_own_takes_its_fonts_bracket_map_from_the_pages_before() -> None:
    seen: dict[str, int] = {}
    clean_page(run(")ب(", font="Arabic"), 1, seen)
    broken = run("(" + "ب", font="Arabic")  # a pair broken across lines: no same-line evidence on page 2
    assert "".join(x.text for x in clean_page(broken, 2, seen).glyphs) == ")ب"
    assert "".join(x.text for x in clean_page(broken, 2).glyphs) == "(ب"


# --- raised punctuation -----------------------------------------------------------


def test_punctuation_drawn_raised_at_the_lines_size_is_seated_on_the_line_and_read_before_its_space() -> None:
    """Scheherazade draws a Latin comma as a raised turned comma over the space after the word."""
    line = run("concepts", 100) + [g(" ", 148, 3)] + run("estimates", 151)
    comma = g(",", 148.3, 2, base=95.4)
    rows = glyphs_to_rows([*line, comma])
    assert len(rows) == 1 and rows[0].glyphs[8].base == 100.0
    assert "".join(s.text for s in glyphs_to_spans(rows[0].glyphs)[0]) == "concepts, estimates"
    call = g("2", 148.3, 3, base=96.0, size=7.0)  # a small raised digit is still a call
    assert [s.sup for s in glyphs_to_spans(glyphs_to_rows([*line, call])[0].glyphs)[0]] == [False, True, False]


def test_copies_of_one_short_line_do_not_make_the_column_edge() -> None:
    """A/80/590 page 20: three tables' ``(Thousands of United States dollars)`` end together far inside the column, and
    the page's two full lines end a point apart; the column ends with the full lines, not the unit lines."""
    unit = "(Thousands of United States dollars)"
    lines = [run("The unencumbered balance for the periods was", 100, 8.8), run("Note: The amounts represent totals", 100, 8.78),
             run(unit, 100, 3.6), run(unit, 100, 3.6), run(unit, 100, 3.6)]  # fmt: skip
    assert column_edges(lines)[1] > 480
