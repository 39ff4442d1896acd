"""Tables in PDFs: found from their rules, read as rows of cells, out of the running text (issue 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from parser.model import Cell, Line, Region, Source, Span
from parser.pipeline import parse
from parser.read.pdf import read_pdf
from parser.read.pdf_tables_merge import join_continued
from parser.write.to_json import document_to_dict
from parser.write.to_xml import document_to_xml

from .conftest import FIXTURES, pdf_read
from .pdfbuild import HELVETICA, build_pages, build_pdf, write

ADD1 = FIXTURES / "pairs" / "A_80_604_Add.1.en.pdf"


def _tables(page: int) -> list[Region]:
    return [line.region for line in pdf_read(ADD1).lines if line.region is not None and line.source.page == page]


def _texts(region: Region) -> list[list[str]]:
    return [[cell.text for cell in row] for row in region.rows]


def test_ruled_budget_table_has_its_heading_rows_spans_and_body_rows() -> None:
    first = _tables(6)[0]
    rows = _texts(first)
    assert first.header_rows == 3  # two heading rows cut by the partial rule under "Variance", then the spacer
    assert [(c.row_span, c.col_span) for c in first.rows[0]] == [(2, 1)] * 6 + [(1, 2)]
    assert rows[0][-1] == "Variance" and rows[1] == ["Amount", "Percentage"]
    assert rows[2] == [""] * 8
    assert rows[3] == ["Military and police personnel", "41 945.0", "41 386.3", "43 122.3", "21 543.0", "36 680.1",
                       "(6 442.2)", "(14.9)"]  # fmt: skip
    assert len(rows) == 7


def test_calls_in_cells_stay_superscripts_and_table_rows_leave_the_running_text() -> None:
    second = _tables(6)[1]
    authorized = second.rows[0][1]
    assert authorized.text == "Authorized 2024/25a" and authorized.spans[-1].sup
    body = [line.text for line in pdf_read(ADD1).lines if line.source.page == 6 and line.region is None]
    assert not any("41 945.0" in text or text.startswith("Category") for text in body)
    assert "a Representing the highest level of authorized strength." in body


def _ruled_table_pdf(tmp_path: Path, extra: bytes = b"") -> Path:
    """A paragraph, a table ruled cell by cell (thin rule, headings, thick rule, three rows, thick rule), a paragraph."""

    def rule(y: float, height: float) -> bytes:  # one piece per cell, a hair apart where two cells meet
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in CELLS)

    def row(y: float, *cells: bytes) -> bytes:
        at = (74, 270, 370)
        return b"".join(b"BT /F1 8 Tf %d %.1f Td (%s) Tj ET " % (x, y, text) for x, text in zip(at, cells, strict=True))

    content = (
        b"BT /F1 10 Tf 72 760 Td (1. The table below shows the posts.) Tj ET "
        + rule(740, 0.5) + row(728, b"Category", b"2024", b"2025") + rule(720, 1.5)
        + row(700, b"Posts", b"12", b"14") + row(686, b"Travel", b"3", b"5") + row(672, b"Total", b"15", b"19")
        + rule(666, 1.5)
        + b"BT /F1 10 Tf 72 640 Td (2. The next paragraph goes on.) Tj ET " + extra
    )  # fmt: skip
    return write(tmp_path, "table.pdf", build_pdf(content, {"F1": HELVETICA}))


CELLS = ((72.0, 199.8), (200.2, 299.8), (300.2, 400.0))


def test_hand_made_ruled_table_is_one_region_with_heading_spacer_and_rows(tmp_path: Path) -> None:
    lines = read_pdf(_ruled_table_pdf(tmp_path)).lines
    assert [line.text for line in lines if line.region is None] == [
        "1. The table below shows the posts.",
        "2. The next paragraph goes on.",
    ]
    region = next(line.region for line in lines if line.region is not None)
    assert region.header_rows == 2  # the headings and the white band of the spacer row under the thick rule
    assert _texts(region) == [["Category", "2024", "2025"], ["", "", ""], ["Posts", "12", "14"], ["Travel", "3", "5"],
                              ["Total", "15", "19"]]  # fmt: skip
    assert lines[1].region is region  # in reading order, between the two paragraphs


def test_hand_made_table_is_a_table_node_in_json_and_akn(tmp_path: Path, json_validator: Any, akn_schema: Any) -> None:
    doc = parse(_ruled_table_pdf(tmp_path))
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"]  # the rows' numbers are no paragraphs
    table = doc.get("para_1__table_1")
    assert table.type == "table" and table.table.columns == 3 and len(table.table.rows) == 5
    json_validator.validate(document_to_dict(doc))
    root = etree.fromstring(document_to_xml(doc))
    assert akn_schema.validate(root), akn_schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.xpath("//a:table/a:tr[1]/a:th/a:p/text()", namespaces=ns)[:1] == ["Category"]
    assert root.xpath("string(//a:table/a:tr[last()]/a:td[1])", namespaces=ns).strip() == "Total"


def _page_table(page: int, rows: list[list[str]], header_rows: int) -> Line:
    region = Region("table", tuple(tuple(Cell((Span(t),) if t else ()) for t in row) for row in rows), header_rows)
    return Line((), Source(page=page), region=region)


def test_a_table_carried_over_the_page_is_one_table_without_its_repeated_headings() -> None:
    lines = [
        Line((Span("1. Text."),), Source(page=1)),
        _page_table(1, [["Category", "2025"], ["Posts", "12"]], 1),
        Line((Span("1 A note."),), Source(page=1), zone="footnote"),
        _page_table(2, [["Category", "2025"], ["Travel", "3"]], 1),
        Line((Span("2. More text."),), Source(page=2)),
    ]
    joined, dropped = join_continued(lines)
    assert [line.text or "table" for line in joined] == ["1. Text.", "table", "1 A note.", "2. More text."]
    region = joined[1].region
    assert region is not None and _texts(region) == [["Category", "2025"], ["Posts", "12"], ["Travel", "3"]]
    assert [(d.kind, d.text) for d in dropped] == [("table_heading", "Category"), ("table_heading", "2025")]
    apart = [lines[1], Line((Span("2. Text between."),), Source(page=2)), lines[3]]
    assert len([line for line in join_continued(apart)[0] if line.region]) == 2  # text between: two tables


SECT14 = FIXTURES / "pdf" / "en" / "A_81_6_Sect.14_p8_p20-22.en.pdf"
SECT2 = FIXTURES / "pdf" / "en" / "A_81_6_Sect.2_p1_p13.en.pdf"


def _regions(path: Path) -> list[Region]:
    return [line.region for line in read_pdf(path).lines if line.region is not None and line.region.kind == "table"]


def test_rows_under_the_headings_rule_are_the_body_whatever_type_the_document_uses_most() -> None:
    # pages of deliverables tables in 8.5 pt, the commonest type of the document: their wrapped cells run across the
    # table like prose, the rule under the headings opens the body, and "2025 2026 2027" over a table at the top of
    # a page heads its columns (no page number)
    first, carried = _regions(SECT14)
    assert len(first.rows) == 18 and first.header_rows == 2
    assert _texts(first)[0] == ["Category and subcategory", "2025 planned", "2025 actual", "2026 planned", "2027 planned"]
    assert _texts(first)[5] == ["1. United Nations Environment Assembly", "1", "1", "–", "1"]
    assert len(carried.rows) == 22  # pages 21 and 22, the heading repeated on page 22 dropped
    assert _texts(carried)[-2] == ["D. Communication deliverables", "", "", "", ""]
    body = [line.text for line in read_pdf(SECT14).lines if line.region is None]
    assert not any(text.startswith(("4. Fifth Committee", "Outreach programmes")) for text in body)


def test_rows_of_cells_set_off_by_half_a_line_and_a_double_rule_between_two_columns() -> None:
    (table,) = _regions(SECT2)
    assert [len(row) for row in table.rows] == [5, 5, 5]  # headings, spacer, one row of five cells
    first = table.rows[2][0].text
    assert first.startswith("All clients can request meeting services in Nairobi through One-Stop Shop A subset")
    assert "A subset of clients can request meeting services in Vienna" in first


def test_a_lettered_note_under_a_table_is_the_tables_note() -> None:
    doc = document_to_dict(parse(SECT14))
    table = next(n for n in doc["body"] if n.get("id") == "table_14-8")
    assert [child["text"][:30] for child in table["children"]] == ["a Reflects updated planned del"]
    before = next(n for n in doc["body"] if "Table 14.8 lists all" in (n.get("text") or ""))
    assert before["text"].endswith("deliverables of the subprogramme.")  # the note is not run on to the paragraph


def _variance_table_pdf(tmp_path: Path) -> Path:
    """Two headings each over a partial rule under its two columns, a narrow gap between the rules, one row of
    figures and the bottom rule drawn cell by cell with no joint at the gap (the UN variance tables)."""

    def pieces(y: float, height: float, cells: tuple[tuple[float, float], ...]) -> bytes:
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in cells)

    def text(x: float, y: float, size: int, s: bytes) -> bytes:
        return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, s)

    content = (
        text(72, 760, 10, b"1. The variances are shown below.")
        + text(221, 700, 8, b"2024/25 variance") + text(318, 700, 8, b"2026/27 variance")
        + pieces(694, 0.5, ((200, 250), (250.2, 300))) + pieces(694, 0.5, ((305, 355), (355.2, 405)))
        + text(74, 680, 8, b"Travel") + text(210, 680, 8, b"(12.5)") + text(260, 680, 8, b"(3.1%)")
        + text(320, 680, 8, b"(4.0)") + text(365, 680, 8, b"(1.2%)")
        + pieces(674, 1.5, ((72, 200), (200.2, 250), (250.2, 300), (300.2, 355), (355.2, 405)))
        + text(72, 650, 10, b"2. The next paragraph goes on.")
    )  # fmt: skip
    return write(tmp_path, "variance.pdf", build_pdf(content, {"F1": HELVETICA}))


def test_headings_over_side_by_side_partial_rules_span_their_columns_and_the_gap_is_a_column(tmp_path: Path) -> None:
    (table,) = _regions(_variance_table_pdf(tmp_path))
    assert table.header_rows == 1  # the partial rules close the headings; no spacer row under them
    assert _texts(table) == [["", "2024/25 variance", "", "2026/27 variance"], ["Travel", "(12.5)", "(3.1%)", "(4.0)", "(1.2%)"]]
    assert [c.col_span for c in table.rows[0]] == [1, 2, 1, 2]
    assert [c.col_span for c in table.rows[1]] == [1, 1, 1, 2, 1]  # the bottom rule draws no joint at the gap


def _table_to_page_end_pdf(tmp_path: Path) -> Path:
    """Prose, then a table ruled cell by cell whose cells of wrapped text in the body type sit so close that each
    line runs across the table in one piece; it goes on to the page's end (its bottom rule is on the next page)."""
    cells = ((72.0, 172.0), (172.2, 272.0), (272.2, 372.0), (372.2, 472.0))

    def rule(y: float, height: float) -> bytes:
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in cells)

    said = (b"1. The measure is shown below.", *[b"The work of the programme goes on as planned in all regions this year."] * 3)
    prose = b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET " % (780 - 12 * k, line) for k, line in enumerate(said))
    rows = b"".join(
        b"BT /F1 10 Tf %d %d Td (line %d of cell %d here) Tj ET " % (x0 + 2, 660 - 12 * k, k, c)
        for k in range(8)
        for c, (x0, _) in enumerate(cells)
    )
    heads = b"".join(b"BT /F1 7 Tf %d 690 Td (%d) Tj ET " % (x0 + 2, 2023 + c) for c, (x0, _) in enumerate(cells))
    notes = b"BT /F1 8 Tf 72 548 Td (__________________) Tj ET BT /F1 8 Tf 72 536 Td (1 A note on the measure.) Tj ET"
    body = prose + rule(700, 0.5) + heads + rule(684, 1.5) + rows + notes
    return write(tmp_path, "over.pdf", build_pdf(body, {"F1": HELVETICA}))


def test_rows_in_the_body_type_running_across_a_table_to_the_page_end_are_its_cells(tmp_path: Path) -> None:
    lines = read_pdf(_table_to_page_end_pdf(tmp_path)).lines
    assert not any(line.text.startswith("line ") for line in lines if line.region is None)
    (table,) = [line.region for line in lines if line.region is not None]
    assert _texts(table)[0] == ["2023", "2024", "2025", "2026"]
    assert _texts(table)[-1][3] == " ".join(f"line {k} of cell 3 here" for k in range(8))
    assert [line.text for line in lines if line.zone == "footnote"] == ["1 A note on the measure."]  # not rows


def _staffing_pdf(tmp_path: Path, tail: bytes) -> Path:
    """A table ruled cell by cell, a rule over and under its "Net change" row, more rows under the last rule,
    then ``tail``."""

    def rule(y: float, height: float) -> bytes:
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in CELLS)

    def row(y: float, *cells: bytes) -> bytes:
        at = (74, 270, 370)
        return b"".join(b"BT /F1 8 Tf %d %.1f Td (%s) Tj ET " % (x, y, t) for x, t in zip(at, cells, strict=True) if t)

    said = b"The posts of the Office are shown in the table below."
    prose = b"".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET " % (800 - 12 * k, said) for k in range(4))
    content = (
        prose + rule(740, 0.5) + row(728, b"Office", b"Type", b"Number") + rule(720, 1.5)
        + row(706, b"Posts", b"International", b"1") + rule(698, 0.5) + row(688, b"Net change", b"", b"1") + rule(682, 0.5)
        + row(668, b"Aviation", b"National", b"2") + row(654, b"", b"National", b"3") + tail
    )  # fmt: skip
    return write(tmp_path, "staffing.pdf", build_pdf(content, {"F1": HELVETICA}))


def test_rows_under_a_rule_that_closes_a_row_between_others_carry_the_table_on_but_a_note_does_not(tmp_path: Path) -> None:
    (table,) = _regions(_staffing_pdf(tmp_path, b""))
    assert _texts(table)[-2:] == [["Aviation", "National", "2"], ["", "National", "3"]]
    note = b"BT /F1 8 Tf 72 640 Td (a Including the posts of the liaison office in Addis Ababa and in Nairobi.) Tj ET"
    lines = read_pdf(_staffing_pdf(tmp_path, note)).lines
    assert [line.text for line in lines if line.region is None][-1].startswith("a Including the posts")


def test_an_underlined_word_in_a_row_draws_no_column_edge(tmp_path: Path) -> None:
    underline = b"74 685 18 0.5 re f"  # under "Travel", 1 pt below its baseline: a hyperlink's underline
    region = next(line.region for line in read_pdf(_ruled_table_pdf(tmp_path, underline)).lines if line.region is not None)
    assert _texts(region)[3] == ["Travel", "3", "5"] and [c.col_span for c in region.rows[3]] == [1, 1, 1]


def _calendar_pdf(tmp_path: Path, margin: bytes) -> Path:
    """A landscape page: a title in the body type, then a calendar ruled cell by cell over and under its column
    headings, its rows in small type going on to the page's end (no bottom rule on this page), ``margin`` drawn
    left of the table, beside its first row and a little higher."""
    cells = ((72.0, 100.0), (100.4, 300.0), (300.4, 500.0), (500.4, 700.0))

    def rule(y: float, height: float) -> bytes:
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in cells)

    def row(y: float, *texts: bytes) -> bytes:
        return b"".join(b"BT /F1 8 Tf %.1f %.1f Td (%s) Tj ET " % (x0 + 2, y, t) for (x0, _), t in zip(cells, texts, strict=True))

    title = b"BT /F1 10 Tf 72 540 Td (A. Draft calendar of conferences and meetings, 2025) Tj ET "
    heads = row(510, b"", b"Organ", b"Dates", b"Location")
    body = b"".join(
        row(488 - 24 * k, b"%d." % (k + 1), b"Committee number %d" % (k + 1), b"%d-%d January" % (k + 2, k + 6), b"Geneva")
        + b"BT /F1 8 Tf 102 %.1f Td (of the Council) Tj ET " % (478 - 24 * k)
        for k in range(8)
    )
    content = title + rule(522, 0.5) + heads + rule(502, 1.5) + margin + body
    return write(tmp_path, "calendar.pdf", build_pages([(content, (842, 595))], {"F1": HELVETICA}))


def test_a_table_to_the_page_end_takes_its_rows_past_a_mark_in_the_margin_beside_it(tmp_path: Path) -> None:
    """A list number a word processor draws left of a table (and clips: ``1.`` at every page's first row) ends
    neither the rows nor becomes a paragraph: the rows are the table's, the mark is recorded as dropped."""
    for margin in (b"", b"BT /F1 8 Tf 40 492 Td (1.) Tj ET "):  # set a little higher than the row, as drawn
        read = read_pdf(_calendar_pdf(tmp_path, margin))
        (table,) = [line.region for line in read.lines if line.region is not None]
        assert _texts(table)[0] == ["", "Organ", "Dates", "Location"]
        assert _texts(table)[-1] == ["8.", "Committee number 8 of the Council", "9-13 January", "Geneva"]
        text = [line.text for line in read.lines if line.region is None]
        assert text == ["A. Draft calendar of conferences and meetings, 2025"]
        marks = [(d.kind, d.text) for d in read.dropped if d.kind == "table_margin"]
        assert marks == ([("table_margin", "1.")] if margin else [])


def test_a_short_rule_right_under_a_tables_bottom_rule_is_no_rule_of_the_table(tmp_path: Path) -> None:
    """The short line a document ends with, centred under a table that closes it: no empty row under ``Total``."""
    end_mark = b"200 650 72 0.5 re f "
    region = next(line.region for line in read_pdf(_ruled_table_pdf(tmp_path, end_mark)).lines if line.region is not None)
    assert _texts(region)[-1] == ["Total", "15", "19"] and len(region.rows) == 5
    assert region.source.bbox is not None and region.source.bbox.bottom < 842 - 660


def _narrow_column_pdf(tmp_path: Path, apart: float, cell: bool = True, verticals: bool = True) -> Path:
    """A performance-measure table ruled cell by cell: four columns, and between the second and the third two
    vertical rules ``apart`` points apart (middle to middle), drawn down the table (``verticals``) or only as
    joints in the rules; the rules draw a piece between the two (the border of a narrow ``cell``) or leave a
    hairline there (a double rule); the rule under the headings ends on the two vertical rules."""
    left, right = 250.0, 250.0 + apart  # the middles of the two vertical rules

    def rule(y: float, height: float, parted: bool = False) -> bytes:
        w = 1.44 if height > 1 else 0.48  # a joint: the vertical rule's piece across the rule
        if parted:
            xs = [(72.0, 160.0), (160.0, 160.0 + w), (160.0 + w, left + 0.72), (right - 0.72, 400.0), (400.0, 400.0 + w)]
            xs.append((400.0 + w, 500.0))
        else:
            xs = [(72.0, 160.0), (160.0, 160.0 + w), (160.0 + w, left - w / 2), (left - w / 2, left + w / 2)]
            xs += [(left + w / 2, right - w / 2)] if cell else []
            xs += [(right - w / 2, right + w / 2), (right + w / 2, 400.0)]
            xs += [(400.0, 400.0 + w), (400.0 + w, 500.0)]
        return b"".join(b"%.2f %.1f %.2f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in xs)

    def text(x: float, y: float, s: bytes) -> bytes:
        return b"BT /F1 8 Tf %.1f %.1f Td (%s) Tj ET " % (x, y, s)

    down = b"".join(b"%.2f 663.5 1.44 40.5 re f %.2f 705.5 1.44 14.5 re f " % (x - 0.72, x - 0.72) for x in (left, right))
    heads = text(74, 712, b"2023 (actual)") + text(162, 712, b"2024 (actual)") + text(right + 2, 712, b"2025 (planned)")
    heads += text(402, 712, b"2026 (planned)")
    row = text(74, 680, b"Ten delegates") + text(162, 680, b"Six duty stations") + text(right + 2, 680, b"Two stations")
    row += text(402, 680, b"All stations") + text(74, 670, b"trained") + text(162, 670, b"upgraded")
    content = (
        b"BT /F1 10 Tf 72 760 Td (Table 34.3 Performance measure) Tj ET "
        + rule(720, 0.5) + heads + rule(704, 1.5, parted=True) + row + rule(662, 1.5) + (down if verticals else b"")
        + b"BT /F1 10 Tf 72 580 Td (1. The next paragraph goes on.) Tj ET "
    )  # fmt: skip
    return write(tmp_path, "narrow.pdf", build_pdf(content, {"F1": HELVETICA}))


def test_two_vertical_rules_apart_are_a_narrow_column_and_close_together_one_edge_drawn_double(tmp_path: Path) -> None:
    """A word processor's narrow empty column between two others (vertical rules 3.6 pt apart) is a column of
    its own; a double rule (2.9 pt, a hairline between its lines) is one edge. Either way, the rule under the
    headings closes them though it is drawn in two pieces."""
    (narrow,) = _regions(_narrow_column_pdf(tmp_path, 3.6))
    assert narrow.header_rows == 2
    assert _texts(narrow)[0] == ["2023 (actual)", "2024 (actual)", "", "2025 (planned)", "2026 (planned)"]
    assert _texts(narrow)[2] == ["Ten delegates trained", "Six duty stations upgraded", "", "Two stations", "All stations"]
    (double,) = _regions(_narrow_column_pdf(tmp_path, 2.9, cell=False))
    assert double.header_rows == 2
    assert _texts(double)[0] == ["2023 (actual)", "2024 (actual)", "2025 (planned)", "2026 (planned)"]


def test_a_narrow_cell_the_rules_draw_between_two_joints_is_a_column_without_vertical_rules(tmp_path: Path) -> None:
    """Joints 2.2 pt apart with a piece of the rule between them (the top border of a narrow cell) part two
    columns where no vertical rule is drawn down the table."""
    (narrow,) = _regions(_narrow_column_pdf(tmp_path, 2.2, verticals=False))
    assert _texts(narrow)[0] == ["2023 (actual)", "2024 (actual)", "", "2025 (planned)", "2026 (planned)"]


def test_a_row_heading_across_two_columns_under_the_last_rule_carries_the_table_on_with_the_rows_under_it(
    tmp_path: Path,
) -> None:
    """Under a rule that closes a row between others, a unit's name set across the first two columns (a merged
    cell) and rows in the columns under it go on with the table; only what crosses the columns after the last
    such row (a note) is left."""
    rows = b"BT /F1 8 Tf 74 640 Td (Facilities Management Unit Section, Nairobi) Tj ET BT /F1 8 Tf 74 626 Td (Posts) Tj ET "
    rows += b"BT /F1 8 Tf 270 626 Td (National) Tj ET BT /F1 8 Tf 370 626 Td (4) Tj ET "
    (table,) = _regions(_staffing_pdf(tmp_path, rows))
    assert [" ".join(c for c in row if c) for row in _texts(table)[-2:]] == [
        "Facilities Management Unit Section, Nairobi",
        "Posts National 4",
    ]


def _one_column_pdf(tmp_path: Path, top: float, heading: float, bottom: float, cells: bool = False) -> Path:
    """A caption, a table of one column (``Category and subcategory`` over two rows of deliverables) between rules
    of these weights, whole across the column (or drawn cell by cell over three columns whose other headings are
    empty, the rows across them all: ``cells``), and a paragraph."""

    def text(x: float, y: float, s: bytes, size: int = 8) -> bytes:
        return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, s)

    def rule(y: float, height: float) -> bytes:
        if cells:
            return b"".join(
                b"%.1f %.1f %.1f %.2f re f " % (a, y, b - a, height) for a, b in ((72, 379.8), (380.2, 439.8), (440.2, 500))
            )
        return b"72 %.1f 428 %.2f re f " % (y, height)

    content = (
        text(72, 760, b"Table 26.2", 10) + text(72, 746, b"Subprogramme 1: deliverables for 2027", 10)
        + rule(730, top) + text(72, 720, b"Category and subcategory") + rule(712, heading)
        + text(72, 694, b"C. Substantive deliverables") + text(86, 680, b"Direct service delivery: legal advice.")
        + rule(674, bottom) + text(72, 640, b"26.31 The next paragraph goes on.", 10)
    )  # fmt: skip
    return write(tmp_path, "one.pdf", build_pdf(content, {"F1": HELVETICA}))


def test_a_table_of_one_column_under_a_thin_top_rule_and_heavier_rules_is_a_table_but_a_box_is_text(tmp_path: Path) -> None:
    lines = read_pdf(_one_column_pdf(tmp_path, 0.48, 1.44, 1.44)).lines
    region = next(line.region for line in lines if line.region is not None)
    assert _texts(region) == [["Category and subcategory"], [""], ["C. Substantive deliverables"],
                              ["Direct service delivery: legal advice."]]  # fmt: skip
    assert region.header_rows == 2
    assert [line.text for line in lines if line.region is None][-1] == "26.31 The next paragraph goes on."
    boxed = read_pdf(_one_column_pdf(tmp_path, 0.48, 0.48, 0.48)).lines  # rules of one weight: a box around text
    assert not any(line.region is not None for line in boxed)
    stroked = read_pdf(_one_column_pdf(tmp_path, 0.0, 0.0, 0.0)).lines  # lines with no weight to tell (a chart's grid)
    assert not any(line.region is not None for line in stroked)
    spanned = next(line.region for line in read_pdf(_one_column_pdf(tmp_path, 0.48, 1.44, 1.44, cells=True)).lines if line.region)
    assert [c.text for c in spanned.rows[0]] == ["Category and subcategory", "", ""]
    assert [row[0].text for row in spanned.rows][2:] == ["C. Substantive deliverables", "Direct service delivery: legal advice."]


def test_a_short_row_the_vertical_rules_draw_over_the_bottom_rule_is_an_empty_row(tmp_path: Path) -> None:
    """A boxed table, its vertical rules drawn row by row: the band they draw under the last row, 5.75 pt high with
    nothing written in it, is an empty row across the table (no inner rule drawn there); without it, no row."""

    def table(band: bool) -> Path:
        def text(x: float, y: float, s: bytes) -> bytes:
            return b"BT /F1 8 Tf %.1f %.1f Td (%s) Tj ET " % (x, y, s)

        def down(x: float, y0: float, y1: float) -> bytes:
            return b"%.2f %.2f 0.48 %.2f re f " % (x - 0.24, y0, y1 - y0)

        low = 701.25 if band else 707.0

        def rule(y: float) -> bytes:  # one piece per cell
            return b"72 %.2f 177.8 0.48 re f 250.2 %.2f 149.8 0.48 re f " % (y, y)

        rows = text(74, 733, b"Appropriation") + text(260, 733, b"$68,743,800")
        rows += text(74, 712, b"Expenditure") + text(260, 712, b"$67,872,200")
        sides = b"".join(down(x, y0, y1) for x in (72, 250, 400) for y0, y1 in ((721, 740), (707, 721)))
        sides += down(72, low, 707) + down(400, low, 707) if band else b""
        content = rule(740) + rows + sides + rule(low - 0.48) + b"BT /F1 10 Tf 72 640 Td (2. The next paragraph.) Tj ET "
        return write(tmp_path, f"boxed{band}.pdf", build_pdf(content, {"F1": HELVETICA}))

    region = next(line.region for line in read_pdf(table(True)).lines if line.region is not None)
    assert _texts(region) == [["Appropriation", "$68,743,800"], ["Expenditure", "$67,872,200"], [""]]
    assert region.rows[-1][0].col_span == 2
    plain = next(line.region for line in read_pdf(table(False)).lines if line.region is not None)
    assert _texts(plain) == [["Appropriation", "$68,743,800"], ["Expenditure", "$67,872,200"]]


def test_a_cells_second_paragraph_is_no_row_of_its_own_but_a_row_with_its_heading_is(tmp_path: Path) -> None:
    """A performance measure: dashes in two cells, the third's two paragraphs (a wider step between them) one
    cell; a row that has text in the first column is a row, however the cells above run on."""

    def table(second: bytes) -> Path:
        def rule(y: float, height: float) -> bytes:
            return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in CELLS)

        def text(x: float, y: float, s: bytes) -> bytes:
            return b"BT /F1 8 Tf %d %.1f Td (%s) Tj ET " % (x, y, s)

        content = (
            rule(740, 0.5) + text(74, 730, b"2023 (actual)") + text(202, 730, b"2024 (actual)")
            + text(302, 730, b"2025 (actual)") + rule(724, 1.5)
            + text(74, 712, b"-") + text(202, 712, b"-") + text(302, 712, b"Seventeen policymakers")
            + text(302, 702, b"applied financial tools") + second + rule(670, 1.5)
            + b"BT /F1 10 Tf 72 640 Td (2. The next paragraph.) Tj ET "
        )  # fmt: skip
        return write(tmp_path, "measure.pdf", build_pdf(content, {"F1": HELVETICA}))

    region = next(line.region for line in read_pdf(table(text_at(302, 688, b"Forty rural women"))).lines if line.region)
    assert _texts(region)[1:] == [["", "", ""], ["-", "-", "Seventeen policymakers applied financial tools Forty rural women"]]
    region = next(line.region for line in read_pdf(table(text_at(74, 688, b"Total") + text_at(302, 688, b"Two"))).lines
                  if line.region)  # fmt: skip
    assert _texts(region)[-1] == ["Total", "", "Two"]


def text_at(x: float, y: float, s: bytes) -> bytes:
    return b"BT /F1 8 Tf %d %.1f Td (%s) Tj ET " % (x, y, s)


def test_a_row_the_page_break_cut_in_two_is_one_row_but_a_row_with_a_heading_is_its_own() -> None:
    above = _page_table(1, [["2023 (actual)", "2024 (actual)"], ["", ""], ["–", "Two member States"]], 2)
    below = _page_table(2, [["2023 (actual)", "2024 (actual)"], ["", ""], ["", "developed tools"], ["–", "More"]], 2)
    joined, _ = join_continued([above, below])
    assert joined[0].region is not None
    assert [[c.text for c in row] for row in joined[0].region.rows][2:] == [
        ["–", "Two member States developed tools"],
        ["–", "More"],
    ]
    headed = _page_table(1, [["Type", "Staff"], ["Post", "International"]], 1)
    joined, _ = join_continued([headed, _page_table(2, [["Type", "Staff"], ["", "National"]], 1)])
    assert joined[0].region is not None and len(joined[0].region.rows) == 3  # under "Post", a row of its own


def test_a_space_typed_tighter_than_a_word_gap_in_a_cell_is_kept(tmp_path: Path) -> None:
    """A justified cell sets its word spaces tight (a negative word spacing): the typed space still parts the words."""
    tight = b"BT /F1 8 Tf -1.1 Tw 74 700.0 Td (Field Language Assistant) Tj ET "
    content = _ruled_table_pdf(tmp_path).read_bytes().replace(b"BT /F1 8 Tf 74 700.0 Td (Posts) Tj ET ", tight)
    assert tight in content
    region = next(line.region for line in read_pdf(write(tmp_path, "tight.pdf", content)).lines if line.region is not None)
    assert any(cell.text == "Field Language Assistant" for row in region.rows for cell in row)


def test_a_last_row_of_a_heading_and_a_paragraph_across_the_table_over_its_bottom_rule_is_the_tables(tmp_path: Path) -> None:
    """A results framework closes on ``External factors`` (the table's type) over a paragraph in the body's type
    across the table, between a thin rule and the heavy bottom rule: a row of the table, not running text."""

    def rule(y: float, height: float) -> bytes:
        return b"".join(b"%.1f %.1f %.1f %.1f re f " % (x0, y, x1 - x0, height) for x0, x1 in ((72.0, 199.8), (200.2, 400.0)))

    def text(x: float, y: float, s: bytes, size: int = 8) -> bytes:
        return b"BT /F1 %d Tf %d %.1f Td (%s) Tj ET " % (size, x, y, s)

    content = (
        rule(740, 0.5) + text(74, 730, b"Expected accomplishment") + text(202, 730, b"Indicators") + rule(724, 1.5)
        + text(74, 710, b"1.1 Support") + text(202, 710, b"1.1.1 Days") + text(202, 698, b"1.1.2 Score") + rule(690, 0.5)
        + text(74, 682, b"External factors") + text(86, 668, b"Several factors may have an impact on delivery", 10)
        + text(86, 656, b"as planned, including the security situation.", 10) + rule(646, 1.5)
        + text(72, 620, b"2. The next paragraph goes on.", 10)
    )  # fmt: skip
    lines = read_pdf(write(tmp_path, "frame.pdf", build_pdf(content, {"F1": HELVETICA}))).lines
    region = next(line.region for line in lines if line.region is not None)
    assert [row[0].text for row in region.rows][-2:] == [
        "External factors",
        "Several factors may have an impact on delivery as planned, including the security situation.",
    ]
    assert [line.text for line in lines if line.region is None] == ["2. The next paragraph goes on."]
