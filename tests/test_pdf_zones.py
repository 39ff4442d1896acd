"""The footnote zone is decided by what is under a rule: notes open it, a chart's or a table's rule does not."""

from __future__ import annotations

from pathlib import Path

from parser.model import Box
from parser.read.pdf_chars import Glyph
from parser.read.pdf_furniture import Item
from parser.read.pdf_zones import find_separator, note_mark, page_calls

from .conftest import parsed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
A_80_82 = FIXTURES / "en" / "A_80_82_p4_p5_p11.en.pdf"
"""Pages 4, 5 and 11 of A/80/82: on 5 and 11 a chart whose axis is a drawn rule, its ``Source:`` line, then numbered
paragraphs, and the real separator (an underscore row) with notes 9, 10 and 23 at the foot."""

BODY = 10.0
NOTE = 8.0


def _glyph(ch: str, x0: float, x1: float, top: float, size: float, base: float) -> Glyph:
    """An upright regular glyph of this size, ``size`` tall from ``top``."""
    return Glyph(ch, x0, x1, top, top + size, base, size, round(size, 1), "F", False, False, True, False)


def _item(text: str, top: float, size: float = BODY, x0: float = 72.0, calls: dict[int, str] | None = None) -> Item:
    """A row of glyphs; ``calls`` puts raised small glyphs (a note call) after the character at that index."""
    glyphs: list[Glyph] = []
    x = x0
    base = top + 0.8 * size
    for index, ch in enumerate(text):
        width = 0.5 * size
        glyphs.append(_glyph(ch, x, x + width, top, size, base))
        x += width
        for mark in (calls or {}).get(index, ""):
            small = 0.65 * size
            glyphs.append(_glyph(mark, x, x + 0.5 * small, top - 2, small, base - 3))
            x += 0.5 * small
    return Item(glyphs, base, size)


def _rule(top: float) -> Box:
    return Box(72.0, top, 250.0, top + 0.5)


def _note(text: str, top: float, mark: str) -> Item:
    """A note line whose mark is raised, as the notes of ODS documents are set."""
    item = _item(" " + text, top, NOTE, x0=80.0)
    small = 0.65 * NOTE
    raised = [_glyph(c, 72.0 + 3 * i, 75.0 + 3 * i, top - 1, small, item.base - 2) for i, c in enumerate(mark)]
    return Item(raised + item.glyphs, item.base, NOTE)


def test_a_rule_over_notes_that_are_called_opens_the_zone() -> None:
    items = [_item("than double the global rate.", 100, calls={27: "9"}), _note("See the statistical annex.", 700, "9")]
    sep = find_separator(items, [_rule(690)], BODY)
    assert sep is not None and sep.top == 690


def test_a_note_whose_mark_is_not_called_on_the_page_does_not_open_the_zone() -> None:
    items = [_item("than double the global rate.", 100, calls={27: "4"}), _note("See the statistical annex.", 700, "9")]
    assert find_separator(items, [_rule(690)], BODY) is None


def test_a_chart_rule_with_the_next_paragraphs_under_it_is_not_a_separator() -> None:
    items = [
        _item("the global rate of 9.2 per cent.", 100, calls={31: "9"}),
        _item("2014 2015 2016 2017 2018 2019", 310, NOTE),
        _item("Source: Global Sustainable Development Goal Indicators Database.", 350, NOTE),
        _item("17. To help address these challenges, the Office of the High Representative", 380),
        _item("Least Developed Countries, Landlocked Developing Countries and Small Island", 392),
        _item("__________________", 690, NOTE),
        _note("See https://unstats.un.org/sdgs/report/2024.", 702, "9"),
    ]
    sep = find_separator(items, [_rule(300)], BODY)
    assert sep is not None and sep.item is items[5], "the underscore row at the foot is the separator, not the axis"


def test_chart_ticks_under_a_rule_are_not_notes() -> None:
    items = [_item("the rate rose.", 100, calls={13: "10"}), _item("10 20 30 40 50", 700, NOTE)]
    assert note_mark(items[1]) is None
    assert find_separator(items, [_rule(690)], BODY) is None


def test_a_note_carried_over_from_the_previous_page_opens_the_zone_only_after_a_page_with_notes() -> None:
    items = [_item("the last line of a paragraph.", 100), _item("(Washington, D.C., World Bank, 2024), chap. 3.", 700, NOTE)]
    assert find_separator(items, [_rule(690)], BODY, continues=False) is None
    sep = find_separator(items, [_rule(690)], BODY, continues=True)
    assert sep is not None


def test_a_piece_of_a_table_rule_drawn_cell_by_cell_is_not_a_separator() -> None:
    """A table's bottom rule in pieces, each as short as a separator, over the table's notes, after a page with notes."""
    items = [_item("1.2.2 Effective joint advocacy", 100), _item("a See https://unsdg.un.org/resources.", 700, NOTE)]
    pieces = [Box(58.0, 690.0, 170.0, 690.5), Box(171.0, 690.0, 422.0, 690.5), Box(423.0, 690.0, 476.0, 690.5)]
    assert find_separator(items, pieces, BODY, continues=True) is None
    assert find_separator(items, [pieces[0]], BODY, continues=True) is not None


def test_calls_are_read_from_raised_glyphs() -> None:
    item = _item("as reported. More", 100, calls={11: "9,10", 16: "*"})
    assert page_calls([item]) == {"9", "10", "*"}
    assert note_mark(_note("See the annex.", 700, "12")) == "12"
    assert note_mark(_item("9 See the annex.", 700, NOTE)) == "9"


def test_a_80_82_chart_pages_keep_their_paragraphs_out_of_the_notes() -> None:
    doc = parsed(A_80_82)
    notes = {note.id: note.text for note in doc.footnotes}
    assert list(notes) == ["fn_5", "fn_6", "fn_7", "fn_8", "fn_9", "fn_10", "fn_23"]
    assert notes["fn_10"] == "See the statistical annex to A/78/80-E/2023/64."
    assert notes["fn_23"].endswith("(Washington, D.C., World Bank, 2024), chap. 3.")
    body = {node.id: node.text for node in doc.nodes()}
    for number in (17, 18, 19, 20, 49, 50, 51, 52):
        assert f"para_{number}" in body
    assert body["para_18"].endswith("this remains below the global average of 86 per cent.")


def test_a_note_carried_whole_to_the_next_page_comes_just_below_that_pages_calls() -> None:
    from parser.read.pdf_zones import _carried, _consecutive

    assert _consecutive("1920") == ["19", "20"] and _consecutive("21") == ["21"] and _consecutive("*") == []
    assert _carried("18", frozenset({"1920", "21", "22"}))
    assert not _carried("12", frozenset({"19", "20"})) and not _carried("23", frozenset({"19", "20"}))
    assert not _carried("*", frozenset({"19"})) and not _carried("18", frozenset())


def test_notes_smaller_than_the_prose_open_the_zone_where_tables_in_their_size_fill_the_page(tmp_path: Path) -> None:
    """A/81/6 (Sect. 14): the first pages are mostly tables set in the notes' size, so the commonest type is
    the notes'; the masthead notes under page 1's rule are still notes (they were cut after their first line)."""
    from parser.read.pdf import read_pdf

    from .pdfbuild import HELVETICA, build_pdf, write

    def text(y: int, words: bytes, size: int = 10, x: int = 72) -> bytes:
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET " % (size, x, y, words)

    prose = b"The Commission will continue to support member States in the region with analysis and advice."
    content = text(780, prose) + text(766, prose) + text(752, b"It ends here.")
    for row in range(30):  # a table in 8 pt: label, then figures far to the right
        content += text(720 - 14 * row, b"Subprogramme %d, posts and other requirements" % row, 8)
        content += text(720 - 14 * row, b"1 234.5    2 345.6    3 456.7", 8, x=400)
    content += b"0.5 w 72 250 m 144 250 l S "
    content += text(238, b"* The present document, consisting of the programme plan and programme performance", 8)
    content += text(228, b"information, will be replaced by a document containing parts A and B once issued.", 8, x=82)
    lines = read_pdf(write(tmp_path, "small.pdf", build_pdf(content, {"F1": HELVETICA}))).lines
    notes = [line.text for line in lines if line.zone == "footnote"]
    assert notes == [
        "* The present document, consisting of the programme plan and programme performance",
        "information, will be replaced by a document containing parts A and B once issued.",
    ]
