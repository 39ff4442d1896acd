"""Official numbering in layouts that bend it: a number without its full stop, a list that runs on across paragraphs,
an inline roman list, a note's call or mark that looks like a paragraph number."""

from __future__ import annotations

from parser.model import Box, Document, Line, Source, SourceInfo, Span
from parser.pipeline import Options, parse_raw
from parser.read.pdf_chars import Glyph, glyphs_to_rows
from parser.read.pdf_furniture import Item
from parser.read.pdf_tables import find_tables
from parser.read.pdf_zones import find_separator
from parser.read.source import RawInput

from .test_pdf_zones import BODY, _item, _note


def _line(text: str, n: int, *, bold: bool = False, gap: bool = True, zone: str = "body", sup: str = "") -> Line:
    """A typeset line; ``sup`` opens it with a superscript (a note's call or mark)."""
    spans = ((Span(sup, sup=True),) if sup else ()) + (Span(text, bold=bold),)
    return Line(spans, Source(line=n), blank_before=gap, typeset=True, exact_breaks=True, size=10.0, bold=bold, zone=zone)


def _parse(*lines: Line) -> Document:
    info = SourceInfo("t.pdf", "t.pdf", "pdf", None, "0" * 64)
    return parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))


def _numbering(doc: Document) -> list[str]:
    return [f"{w.code}@{w.location}" for w in doc.warnings if w.code.startswith("numbering")]


def test_a_bold_roman_number_without_its_full_stop_is_the_next_chapter() -> None:
    doc = _parse(_line("I. Resolutions adopted", 1, bold=True), _line("1. The Conference adopted.", 2),
                 _line("II Organization of work", 3, bold=True), _line("2. The Conference met.", 4),
                 _line("III. General debate", 5, bold=True))  # fmt: skip
    assert [(n.id, n.heading) for n in doc.body] == [
        ("chp_1", "Resolutions adopted"), ("chp_2", "Organization of work"), ("chp_3", "General debate")]  # fmt: skip
    assert not _numbering(doc)


def test_a_bare_roman_number_that_does_not_continue_the_chapters_is_text() -> None:
    doc = _parse(_line("I. Resolutions adopted", 1, bold=True), _line("1. The Conference adopted.", 2),
                 _line("IV Organization of work", 3, bold=True))  # fmt: skip
    assert [n.id for n in doc.body] == ["chp_1"]


def test_a_raised_call_carried_to_the_next_line_with_a_full_stop_is_a_call_not_a_paragraph() -> None:
    doc = _parse(_line("1. Of the 30 posts, four were vacant.", 1),
                 _line(" The four vacancies were filled.", 2, gap=False, sup="2."), _line("2. The next paragraph.", 3),
                 _line(" As of 12 March 2025.", 4, zone="footnote", sup="2"))  # fmt: skip
    para = doc.get("para_1")
    assert para is not None and para.text == "Of the 30 posts, four were vacant. The four vacancies were filled."
    assert [r.note for r in para.footnote_refs] == ["fn_2"]
    assert doc.get("para_2") is not None and not [w for w in _numbering(doc) if "para" in w]


def test_a_note_numbered_with_a_full_stop_is_a_note_where_the_other_notes_are_raised() -> None:
    doc = _parse(_line("1. The cases were closed.", 1, sup=""), _line(" See the annex.", 2, zone="footnote", sup="1"),
                 _line("2. In 2024, OAIS sent nine referrals.", 3, zone="footnote"))  # fmt: skip
    assert [(n.id, n.marker, n.text) for n in doc.footnotes] == [("fn_1", "1", "See the annex."),
                                                                 ("fn_2", "2", "In 2024, OAIS sent nine referrals.")]  # fmt: skip


def test_a_roman_item_that_wraps_to_a_line_start_in_an_inline_list_stays_inline() -> None:
    doc = _parse(_line("1. OAIS worked as follows:", 1),
                 _line("(a) Training. OAIS: (i) provided advice; (ii) conducted reviews;", 2),
                 _line("(iii) collaborated with the Office.", 3, gap=False))  # fmt: skip
    point = doc.get("para_1__list_1__point_a")
    assert point is not None and (point.text or "").endswith("(ii) conducted reviews; (iii) collaborated with the Office.")
    assert not _numbering(doc)


def test_a_list_whose_items_head_the_paragraphs_that_discuss_them_runs_on_across_them() -> None:
    doc = _parse(_line("1. The suggested reforms focus on:", 1), _line("(i) Tax incentives.", 2),
                 _line("2. In the absence of tax benefits, few would lease.", 3), _line("(ii) Registration.", 4),
                 _line("3. The lessor remains the owner.", 5), _line("(iii) Publicity.", 6),
                 _line("4. The lessee is responsible.", 7), _line("(iv) Insolvency.", 8),
                 _line("5. The lessor is affected.", 9), _line("(v) Latent defects.", 10))  # fmt: skip
    assert doc.get("para_5__list_1__point_v") is not None
    assert not _numbering(doc)


def test_notes_in_the_body_size_under_a_drawn_rule_open_the_zone_when_the_first_opens_with_a_called_mark() -> None:
    body_note = _note("Based on data downloaded on 3 February 2025.", 700, "2")
    body_note.size = BODY
    items = [_item("the budget rose.", 100, calls={15: "2"}), body_note,
             _item("results-oriented annual reports. Staff costs were calculated by UNDP.", 712),
             _item("self-reported figures and more words here.", 724)]  # fmt: skip
    assert find_separator(items, [Box(72.0, 690.0, 216.0, 690.5)], BODY) is not None


def _row(left: str, right: str, top: float) -> Item:
    """A table row of two cells far apart."""
    a, b = _item(left, top, x0=130.0), _item(right, top, x0=420.0)
    return Item(a.glyphs + b.glyphs, a.base, BODY)


def test_a_footnote_separator_under_a_ruled_table_is_no_rule_of_the_table() -> None:
    rules = [Box(122.0, top, 490.0, top + 0.5) for top in (500.0, 520.0, 540.0)]
    separator = Box(58.0, 600.0, 202.0, 600.5)
    items = [_row("Posts", "12", 506), _row("Total", "14", 526)]
    tables = find_tables(items, [*rules, separator], [separator], 1, 612.0, BODY)
    assert tables.regions and separator in tables.rules


def test_sections_lettered_on_through_the_chapters_are_complete() -> None:
    doc = _parse(_line("I. Impact", 1, bold=True), _line("A. Governance", 2, bold=True), _line("1. Text.", 3),
                 _line("B. Economy", 4, bold=True), _line("2. Text.", 5), _line("II. Outcomes", 6, bold=True),
                 _line("C. Norms", 7, bold=True), _line("3. Text.", 8), _line("III. Outputs", 9, bold=True),
                 _line("B. Again", 10, bold=True), _line("4. Text.", 11))  # fmt: skip
    assert [n.id for n in doc.nodes() if n.type == "section"] == ["chp_1__sec_A", "chp_1__sec_B", "chp_2__sec_C", "chp_3__sec_B"]
    assert _numbering(doc) == ["numbering-gap@chp_3__sec_B"], "a letter that does not go on from the chapter before is a gap"


def test_the_footnote_separator_under_a_table_that_goes_on_over_the_page_is_no_closing_rule() -> None:
    rules = [Box(60.0, top, 500.0, top + 0.5) for top in (500.0, 520.0)]
    separator = Box(72.0, 700.0, 200.0, 700.5)
    rows = [_row("State party", "Total", 506)] + [_row("Argentina", "4", 526 + 14 * k) for k in range(8)]
    called = _item("Total of the year", 640, x0=130.0, calls={16: "7"})
    note = _note("See CED/C/28/3, para. 6.", 708, "7")
    tables = find_tables([*rows, called, note], [*rules, separator], [separator], 1, 612.0, BODY)
    assert tables.regions and separator in tables.rules
    box = tables.regions[0].source.bbox
    assert box is not None and box.bottom < 700.0


def test_an_ambiguous_marker_at_a_line_start_takes_up_the_inline_list_of_the_open_text() -> None:
    doc = _parse(_line("1. The functions are:", 1), _line("(a) Maintaining the Register;", 2),
                 _line("(b) Promoting use through: (ii) registration; (iii) debris; (iv) transparency;", 3),
                 _line("(v) civil positioning; and", 4, gap=False), _line("(c) Deliver training.", 5))  # fmt: skip
    item = doc.get("para_1__list_1__point_b")
    assert item is not None and (item.text or "").endswith("(iv) transparency; (v) civil positioning; and")
    assert doc.get("para_1__list_1__point_c") is not None and not _numbering(doc)


def test_a_space_drawn_over_a_letter_of_a_row_is_not_the_rows() -> None:
    """A space of the line above reaching down over ``A`` of ``A. The Commission``: no ``A .``."""
    row = _item("A. The Commission", 200)
    stray = Glyph(" ", row.glyphs[0].x0, row.glyphs[0].x0 + 2.25, 197.0, 206.0, 205.0, 9.0, 9.0, "F", False, True, True, False)
    rows = glyphs_to_rows([*row.glyphs, stray])
    assert [r.glyphs[1].text for r in rows] == ["."]


def test_a_bold_lettered_row_last_under_a_tables_headings_heads_the_text_below() -> None:
    """``A. The Commission`` under the column headings of a list set as text: the section's heading, not a table row."""
    rules = [Box(x0, top, x1, top + 0.5) for top in (500.0, 520.0) for x0, x1 in ((60.0, 250.0), (250.0, 500.0))]
    heading = _item("A. The Commission", 526)
    heading = Item([g._replace(bold=True) for g in heading.glyphs], heading.base, BODY)
    items = [_row("Body and officers", "Session", 506), heading, _item("Chair: Mr. B. Richard", 580, size=9.0)]
    tables = find_tables(items, rules, [], 1, 612.0, BODY)
    assert tables.regions and heading in tables.items


def test_a_first_item_wrapped_to_a_line_start_runs_on_and_an_item_set_in_after_a_gap_opens_a_list() -> None:
    def line(text: str, n: int, indent: float, *, gap: bool = False, wraps: bool = True) -> Line:
        return Line((Span(text),), Source(line=n), blank_before=gap, typeset=True, exact_breaks=True, size=10.0,
                    indent=indent, runs_on=wraps)  # fmt: skip

    doc = _parse(line("1. The reduced requirements for national staff were attributable to", 1, 2.4, gap=True, wraps=False),
                 line("(a) the removal of the provision for 37 posts, and (b) a higher actual", 2, 0.0),
                 line("average vacancy rate.", 3, 0.0),
                 line("2. The reduced requirements were offset by increased requirements for:", 4, 2.4, gap=True, wraps=False),
                 line("(a) military personnel; and", 5, 2.4, gap=True),
                 line("(b) police personnel.", 6, 2.4, gap=True, wraps=False))  # fmt: skip
    para = doc.get("para_1")
    assert para is not None and para.text == (
        "The reduced requirements for national staff were attributable to (a) the removal of the provision for "
        "37 posts, and (b) a higher actual average vacancy rate."
    )
    subparagraphs = [n.id for root in doc.body for n in root.walk() if n.type == "subparagraph"]
    assert subparagraphs == ["para_2__list_1__point_a", "para_2__list_1__point_b"]


def test_an_inline_list_carried_over_a_page_break_is_split_whole_and_a_flush_list_keeps_its_items() -> None:
    def line(text: str, n: int, *, gap: bool = False, wraps: bool = True, top: bool = False) -> Line:
        return Line((Span(text),), Source(line=n), blank_before=gap, typeset=True, exact_breaks=True, size=10.0,
                    runs_on=wraps, page_start=top)  # fmt: skip

    doc = _parse(line("1. For the period, the increased requirements were attributable primarily to:", 1, gap=True, wraps=False),
                 line("(a) higher actual costs for freight, due to the unplanned transportation; and", 2),
                 line("(b) management fees payable under the agreement.", 3, wraps=False, top=True),
                 line("2. The Committee recalled the following:", 4, gap=True, wraps=False),
                 line("(a) The first item of a list set flush with the text, without gaps, runs to the end of", 5, gap=True),
                 line("the line;", 6), line("(b) The second item;", 7, wraps=False), line("(c) The third item.", 8))  # fmt: skip
    subparagraphs = [n.id for root in doc.body for n in root.walk() if n.type == "subparagraph"]
    assert subparagraphs == ["para_1__list_1__point_a", "para_1__list_1__point_b", "para_2__list_1__point_a",
                             "para_2__list_1__point_b", "para_2__list_1__point_c"]  # fmt: skip
    assert not _numbering(doc)
