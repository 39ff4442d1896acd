"""Figures in PDFs: found from what is drawn, their own text kept apart from the running text (issue 9)."""

from __future__ import annotations

from pathlib import Path

from parser import parse
from parser.model import Line, Region
from parser.read.pdf import read_pdf

from .conftest import FIXTURES, parsed
from .pdfbuild import HELVETICA, build_pdf, write

A_80_82 = FIXTURES / "pdf" / "en" / "A_80_82_p4_p5_p11.en.pdf"
"""Pages 4, 5 and 11 of A/80/82: on 5 a two-panel line chart (Figure III), on 11 a bar chart with turned axis titles
(Figure VI), each with its caption above and its ``Source:`` line under it."""

FONTS = {"F1": HELVETICA, "F2": b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"}
PROSE = b"BT /F1 10 Tf 72 %d Td (%s) Tj ET"


def _text(y: int, text: bytes, size: int = 10, font: bytes = b"F1", x: int = 72) -> bytes:
    return b"BT /%s %d Tf %d %d Td (%s) Tj ET " % (font, size, x, y, text)


def _page(drawing: bytes, labels: bytes = b"", below: bytes = b"") -> bytes:
    """A paragraph, a captioned figure (``drawing`` and its ``labels``), its source line, another paragraph."""
    return (
        _text(760, b"1. The first paragraph runs in body type across the text column of the page and goes on.")
        + _text(746, b"It ends here.")
        + _text(720, b"Figure I")
        + _text(708, b"Growth of everything, 2010-2026", font=b"F2")
        + drawing
        + labels
        + _text(520, b"Source: Everybody, 2025.", size=8)
        + _text(496, b"2. The second paragraph follows the figure in body type across the text column and goes on.")
        + _text(482, b"It ends there.")
        + below
    )


LINE_CHART = b"0.5 w 100 550 m 100 690 l 400 550 m 100 550 l S 110 560 m 200 620 l 300 600 l 390 680 l S "
LINE_LABELS = _text(680, b"80", 7, x=85) + _text(555, b"0", 7, x=90) + _text(540, b"2010   2015   2020   2025", 7, x=110)


def _lines(tmp_path: Path, content: bytes) -> list[Line]:
    return list(read_pdf(write(tmp_path, "figure.pdf", build_pdf(content, FONTS))).lines)


def _regions(lines: list[Line]) -> list[Region]:
    return [line.region for line in lines if line.region is not None]


def _label_texts(region: Region) -> list[str]:
    return ["".join(span.text for span in spans) for spans in region.labels]


def test_a_line_chart_is_a_figure_whose_labels_leave_the_running_text(tmp_path: Path) -> None:
    lines = _lines(tmp_path, _page(LINE_CHART, LINE_LABELS))
    (figure,) = _regions(lines)
    assert figure.kind == "figure"
    assert _label_texts(figure) == ["80", "0", "2010 2015 2020 2025"]
    texts = [line.text for line in lines]
    at = next(k for k, line in enumerate(lines) if line.region is not None)
    assert texts[at - 2 : at] == ["Figure I", "Growth of everything, 2010-2026"]  # the caption stays before it
    assert texts[at + 1] == "Source: Everybody, 2025."
    assert not any(text in ("80", "0") or text.startswith("2010") for text in texts)


def test_the_figure_node_has_its_caption_labels_and_source(tmp_path: Path) -> None:
    doc = parse(write(tmp_path, "figure.pdf", build_pdf(_page(LINE_CHART, LINE_LABELS), FONTS)))
    (figure,) = [n for n in doc.nodes() if n.type == "figure"]
    assert (figure.id, figure.marker, figure.heading) == ("fig_1", "Figure I", "Growth of everything, 2010-2026")
    assert figure.labels == ("80", "0", "2010 2015 2020 2025")
    assert [c.text for c in figure.children] == ["Source: Everybody, 2025."]
    assert [n.id for n in doc.paragraphs()] == ["para_1", "para_2"]


def test_source_and_abbreviations_inside_the_frame_are_the_figures_notes(tmp_path: Path) -> None:
    """A frame drawn round the chart and its ``Source:`` line: the source (and an ``Abbreviations:`` line under it,
    running on) are the figure's notes, not its labels."""
    frame = b"1 w 66 504 420 199 re S "
    notes = _text(508, b"Abbreviations: A, a thing; B, another thing.", 8)
    doc = parse(write(tmp_path, "figure.pdf", build_pdf(_page(LINE_CHART + frame, LINE_LABELS + notes), FONTS)))
    (figure,) = [n for n in doc.nodes() if n.type == "figure"]
    assert figure.labels == ("80", "0", "2010 2015 2020 2025")
    assert [c.text for c in figure.children] == ["Source: Everybody, 2025.", "Abbreviations: A, a thing; B, another thing."]


def test_bars_without_any_curve_make_a_chart(tmp_path: Path) -> None:
    bars = b"0.5 w 110 550 m 290 550 l S " + b"".join(b"%d 550 20 %d re f " % (120 + 40 * k, 30 + 25 * k) for k in range(4))
    (figure,) = _regions(_lines(tmp_path, _page(bars, _text(540, b"A   B   C   D", 7, x=125))))
    assert _label_texts(figure) == ["A B C D"]


def test_a_framed_box_of_prose_is_not_a_figure(tmp_path: Path) -> None:
    frame = b"1 w 66 530 470 170 re S 70 560 m 72 556 74 556 76 560 c S "
    prose = b"".join(
        _text(680 - 14 * k, b"Inside the box the report sets out a long sentence of prose in body type number %d." % k)
        for k in range(4)
    )
    lines = _lines(tmp_path, _page(frame, prose))
    assert not _regions(lines)
    assert sum("Inside the box" in line.text for line in lines) == 4


def test_a_coloured_panel_behind_small_prose_keeps_its_text_running(tmp_path: Path) -> None:
    """A brochure's panel: a filled shape and an ornament under three lines of a paragraph set smaller than the body
    and narrower than the panel (no prose by the body's measure): the lines stay running text, no figure."""
    panel = b"0.9 g 60 420 480 300 re f 0 g 70 700 m 90 715 110 715 130 700 c S "
    prose = b"".join(_text(660 - 11 * k, b"A panel sets out policy advice in a few words more, line %d" % k, 8) for k in range(3))
    lines = _lines(tmp_path, _page(panel, prose + _text(627, b"and ends here.", 8)))
    assert not _regions(lines)
    assert sum("policy advice" in line.text for line in lines) == 3 and any("ends here" in line.text for line in lines)


def test_a_chart_on_a_panel_beside_prose_is_still_a_figure(tmp_path: Path) -> None:
    """The panel under the prose is background; the chart drawn on it is a figure of its own, labels and all."""
    panel = b"0.9 g 60 530 490 170 re f 0 g "
    prose = b"".join(_text(670 - 11 * k, b"Policy advice in a few words, line %d" % k, 8, x=410) for k in range(3))
    lines = _lines(tmp_path, _page(panel + LINE_CHART, prose + LINE_LABELS))
    (figure,) = _regions(lines)
    assert _label_texts(figure) == ["80", "0", "2010 2015 2020 2025"]
    assert sum("Policy advice" in line.text for line in lines) == 3


def test_a_figure_box_stays_on_its_page(tmp_path: Path) -> None:
    """A chart's path may reach past the page where a clip hides it: the figure's box is the part on the page."""
    stray = b"0.8 g -60 600 165 20 re f 0 g "
    (figure,) = _regions(_lines(tmp_path, _page(LINE_CHART + stray, LINE_LABELS)))
    assert figure.source.bbox is not None and figure.source.bbox.x0 == 0.0


def test_a_drawing_around_a_numbered_paragraph_is_no_figure(tmp_path: Path) -> None:
    inside = _text(620, b"5. Great significance.", x=110)
    lines = _lines(tmp_path, _page(LINE_CHART, LINE_LABELS + inside))
    assert not _regions(lines)
    assert any(line.text.startswith("5. Great significance.") for line in lines)


def test_a_rule_under_a_figure_stays_the_footnote_separator(tmp_path: Path) -> None:
    notes = b"0.5 w 72 130 m 216 130 l S " + _text(118, b"1 A note at the foot of the page.", 8)
    lines = _lines(tmp_path, _page(LINE_CHART, LINE_LABELS, notes))
    assert [line.text for line in lines if line.zone == "footnote"] == ["1 A note at the foot of the page."]


def test_small_images_in_the_margins_are_no_figures(tmp_path: Path) -> None:
    logo = b"q 50 0 0 45 72 780 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q "
    code = b"q 55 0 0 55 480 40 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q "
    assert not _regions(_lines(tmp_path, _page(b"", below=logo + code)))


def test_a_80_82_charts_are_figures_with_their_labels_apart() -> None:
    doc = parsed(A_80_82)
    figures = [n for n in doc.nodes() if n.type == "figure"]
    assert [(f.marker, f.heading) for f in figures] == [
        ("Figure III", "Prevalence of food insecurity in the population, 2014–2023"),
        ("Figure VI", "Proportion of least developed countries with access to electricity and primary reliance on "
                      "clean fuels and technology (Percentage)"),
    ]  # fmt: skip
    food, power = figures
    assert food.labels[0] == "Moderate to severe food insecurity Severe food insecurity"
    assert "Least developed countries (LDCs) World Least developed countries (LDCs) World" in food.labels
    assert "0 20 40 60 80 100" in power.labels
    assert [c.text for c in food.children] == ["Source: Global Sustainable Development Goal Indicators Database."]
    texts = [n.text or "" for n in doc.nodes() if n.type != "figure"] + [note.text for note in doc.footnotes]
    assert not any("Urban" in text or "2014 2015" in text for text in texts)


BARS = b"".join(b"%d 550 20 %d re f " % (120 + 40 * k, 30 + 25 * k) for k in range(4))
"""Four bars, 550 to 580 ... 655 high, at x 120, 160, 200 and 240."""


def test_bars_are_bars_though_a_row_of_labels_runs_across_them(tmp_path: Path) -> None:
    """An axis tick and a bar's value on one baseline are one row whose box spans the bars between: the row's
    words, not its box, say which boxes have text in them."""
    labels = _text(600, b"150", 7, x=95) + _text(600, b"136", 7, x=205) + _text(540, b"A   B   C   D", 7, x=125)
    (figure,) = _regions(_lines(tmp_path, _page(b"0.5 w 110 550 m 290 550 l S " + BARS, labels)))
    assert "A B C D" in _label_texts(figure)


def test_the_footnote_separator_set_as_underscores_under_a_chart_is_not_one_of_its_labels(tmp_path: Path) -> None:
    content = (
        _text(760, b"1. The first paragraph runs in body type across the text column of the page and goes on.")
        + _text(746, b"It ends here.")
        + _text(720, b"Figure I")
        + _text(708, b"Growth of everything, 2010-2026", font=b"F2")
        + b"0.5 w 110 550 m 290 550 l S "
        + BARS
        + _text(540, b"A   B   C   D", 7, x=125)
        + _text(528, b"__________________", 8)
        + _text(518, b"1 All figures exclude one region.", 6)
    )
    lines = _lines(tmp_path, content)
    (figure,) = _regions(lines)
    assert _label_texts(figure) == ["A B C D"]
    assert [line.text for line in lines if line.zone == "footnote"] == ["1 All figures exclude one region."]


def test_a_frame_reaching_up_over_a_section_heading_leaves_the_heading_in_the_running_text(tmp_path: Path) -> None:
    """A frame drawn from above a section's bold heading down round the chart under it: the heading is the section's,
    not a label of the figure."""
    content = (
        _text(760, b"1. The first paragraph runs in body type across the text column of the page and goes on.")
        + _text(746, b"It ends here.")
        + _text(726, b"E.   Outcome 1: Global normative frameworks", font=b"F2")
        + b"0.2 w 66 530 354 212 re S "
        + LINE_CHART
        + LINE_LABELS
    )
    lines = _lines(tmp_path, content)
    (figure,) = _regions(lines)
    assert _label_texts(figure) == ["80", "0", "2010 2015 2020 2025"]
    assert "E. Outcome 1: Global normative frameworks" in [" ".join(line.text.split()) for line in lines]


def test_a_bold_caption_title_wrapped_onto_a_line_ending_in_a_call_keeps_that_line() -> None:
    """A/81/6 (Sect. 3) figure 3.I.XII: the title's second line ends in a call set in regular type; it is the title's
    (with the call to note 1), not the chart's first label."""
    from parser.read.pdf_figures import caption_rows
    from parser.read.pdf_furniture import Item

    from .test_pdf_zones import _item

    def bold(item: Item, keep: int | None = None) -> Item:
        glyphs = [g._replace(bold=True) if keep is None or k < keep else g for k, g in enumerate(item.glyphs)]
        return Item(glyphs, item.base, item.size)

    caption = _item("Figure 3.I.XII", 190.0, x0=60.0)
    first = bold(_item("Performance measure: percentage of Committee members and observers expressing", 202.0, x0=60.0))
    wrapped = _item("satisfaction with the support for outreach to Member States", 214.5, x0=60.0, calls={58: "1"})
    second = bold(wrapped, keep=len(wrapped.glyphs) - 1)
    label = _item("100", 240.0, size=8.0, x0=70.0)
    assert [row.text for row in caption_rows([caption, first, second, label])] == [caption.text, first.text, second.text]


def _framed_chart(bars: bytes) -> bytes:
    """A budget fascicle's performance-measure chart drawn with filled boxes only: a frame round the chart, a plot
    area in it, and in that the given bars and data-label boxes; the ticks, years and ``(actual)`` rows in the frame;
    then the subprogramme's next heading in bold 12 pt and a numbered paragraph under the chart."""
    return (
        _text(760, b"1. The first paragraph runs in body type across the text column of the page and goes on.")
        + _text(746, b"It ends here.")
        + _text(720, b"Figure I")
        + _text(708, b"Performance measure: number of things done (cumulative)", font=b"F2")
        + b"0.95 g 66 520 470 175 re f 0.9 g 90 550 436 140 re f 0.3 g "
        + bars
        + b"0 g "
        + _text(680, b"4", 8, x=76)
        + _text(552, b"0", 8, x=76)
        + _text(538, b"2023        2024        2025", 8, x=150)
        + _text(527, b"(actual)    (actual)    (actual)", 8, x=146)
        + _text(490, b"Planned results for 2027", 12, font=b"F2", x=110)
        + _text(466, b"2. The second paragraph follows the heading in body type across the text column and goes on.")
    )


def test_a_chart_drawn_as_boxes_in_boxes_is_a_figure_though_it_has_one_bar(tmp_path: Path) -> None:
    """Frame, plot area and one bar with its value's box (the other years nil): three boxes nested one in another
    make a chart, though one empty box is no row of bars; the heading under it stays running text."""
    one_bar = b"400 550 40 100 re f 1 g 398 655 44 14 re f 0 g " + _text(659, b"3", 8, x=417)
    lines = _lines(tmp_path, _framed_chart(one_bar))
    (figure,) = _regions(lines)
    assert _label_texts(figure)[:2] == ["4", "3"] and "2023 2024 2025" in _label_texts(figure)
    texts = [" ".join(line.text.split()) for line in lines]
    assert "Planned results for 2027" in texts and not any(text.startswith("2023") for text in texts)


def test_a_frame_round_a_box_of_short_words_is_no_chart(tmp_path: Path) -> None:
    """Two boxes one in another (a panel and its title strip) are a frame, not a chart: its words stay running
    text."""
    panel = b"0.95 g 66 560 470 130 re f 0.8 g 66 670 470 20 re f 0 g " + _text(676, b"Key messages", 10, font=b"F2", x=76)
    lines = _lines(tmp_path, _page(panel, _text(640, b"Short words", x=76)))
    assert not _regions(lines)


def test_a_bold_heading_in_body_type_right_under_a_chart_is_not_its_label(tmp_path: Path) -> None:
    """A/81/6 (Sect. 2) figure 2.VI: ``Result 3: …`` in bold body type a line under the chart's frame heads what
    follows; the legend over it, in the chart's smaller type, is the figure's."""
    bars = b"".join(b"%d 550 20 %d re f " % (150 + 60 * k, 40 + 20 * k) for k in range(3))
    content = _framed_chart(bars).replace(b"Planned results for 2027", b"Proposed programme plan")
    content += _text(507, b"Result 3: equal treatment upheld", font=b"F2", x=110)
    lines = _lines(tmp_path, content)
    (figure,) = _regions(lines)
    assert _label_texts(figure)[-1] == "(actual) (actual) (actual)"
    assert "Result 3: equal treatment upheld" in [" ".join(line.text.split()) for line in lines]
