"""The Word reader: UN styles, typed and automatic numbers, notes at their exact call, accepted text only,
tables, and a one-line error for every unsafe or broken package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from parser import parse_bytes
from parser.errors import CorruptDocx, UnsafeDocx
from parser.read.docx import read_docx

from .docx_builder import MASTHEAD, NS, STYLES, TAB, docx, footnote_call, note, p, t

NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
"""


RAISED_A = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>a</w:t></w:r>'


def numbered(text: str, num: int, level: int = 0) -> str:
    return p(text, extra=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def test_un_styles_and_typed_numbers_give_the_official_structure() -> None:
    body = MASTHEAD + p(TAB + t("I.") + TAB + t("Introduction"), "HCh") + p(t("1.") + TAB + t("The Force was established."))
    body += p(TAB + t("A.") + TAB + t("Mandate"), "H1") + p(TAB + t("Unnumbered sub-heading"), "H23")
    body += p(t("2.") + TAB + t("The Council decided."))
    doc = parse_bytes(docx(body), "x.docx")
    assert doc.symbol == "A/80/999" and doc.source.format == "docx"
    assert [(n.id, n.text) for n in doc.paragraphs()] == [
        ("para_1", "The Force was established."),
        ("para_2", "The Council decided."),
    ]
    ids = [n.id for root in doc.body for n in root.walk()]
    assert ids[:3] == ["chp_1", "para_1", "chp_1__sec_A"] and "chp_1__sec_A__hdg_1" in ids


def test_automatic_numbers_count_as_word_counts_them_with_restarts() -> None:
    body = MASTHEAD + numbered("First.", 1) + numbered("Point one;", 1, 1) + numbered("point two.", 1, 1)
    body += numbered("Second.", 1) + numbered("Point again.", 1, 1) + numbered("Restarted list.", 2)
    lines = [line.text for line in read_docx(docx(body, numbering=NUMBERING), "n.docx").lines][4:]
    assert lines == ["1. First.", "(a) Point one;", "(b) point two.", "2. Second.", "(a) Point again.", "1. Restarted list."]


def test_footnote_calls_are_superscripts_at_their_exact_offset_and_notes_follow_the_paragraph() -> None:
    raised = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r>'
    body = MASTHEAD + p(t("1.") + TAB + t("It collected 2,050 m") + raised + t(" of waste") + footnote_call(2) + t(" and more."))
    body += p(t("2.") + TAB + t("Next") + footnote_call(3) + t("."))
    notes = note(2, "First note.") + note(3, "Second note.")
    doc = parse_bytes(docx(body, footnotes=notes), "f.docx")
    first, _second = doc.paragraphs()
    assert first.text == "It collected 2,050 m3 of waste and more."  # the raised 3 is text: only Word's references are calls
    assert [(r.marker, r.offset) for r in first.footnote_refs] == [("1", len("It collected 2,050 m3 of waste"))]
    assert [(f.marker, f.text, f.cited_by) for f in doc.footnotes] == [
        ("1", "First note.", ("para_1",)),
        ("2", "Second note.", ("para_2",)),
    ]
    assert not [w for w in doc.warnings if w.code.startswith("footnote")]


def test_a_custom_mark_is_the_call_and_the_note_marker() -> None:
    call = '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r>'
    custom_note = f'<w:footnote w:id="5"><w:p>{t("* Reissued for technical reasons.")}</w:p></w:footnote>'
    lines = read_docx(docx(MASTHEAD + p(t("Title") + call, "TitleHCH"), footnotes=custom_note), "c.docx").lines
    title, definition = lines[-2:]
    assert title.spans[-1].sup and title.spans[-1].text == "*"
    assert definition.footnote_block and definition.text.startswith("*")


def test_only_accepted_text_is_read_fields_show_their_result() -> None:
    deleted = '<w:del w:id="1" w:author="x"><w:r><w:delText>removed </w:delText></w:r></w:del>'
    inserted = '<w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">added </w:t></w:r></w:ins>'
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> HYPERLINK "https://undocs.org" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>A/RES/78/250</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')  # fmt: skip
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"
    comment = '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    body = p(t("1.") + TAB + t("Text ") + deleted + inserted + comment + t("see ") + field + hidden + t("."))
    (line,) = read_docx(docx(body), "a.docx").lines
    assert line.text == "1. Text added see A/RES/78/250."


def test_a_table_keeps_its_merged_cells() -> None:
    def cell(text: str, pr: str = "") -> str:
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{p(text, 'Normal')}</w:tc>"

    rows = ('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell("Category", '<w:vMerge w:val="restart"/>')
            + cell("Amount", '<w:gridSpan w:val="2"/>') + "</w:tr>"
            + "<w:tr>" + cell("", "<w:vMerge/>") + cell("2024") + cell("2025") + "</w:tr>"
            + "<w:tr>" + cell("Posts") + cell("12") + cell("14") + "</w:tr>")  # fmt: skip
    (line,) = read_docx(docx(f"<w:tbl>{rows}</w:tbl>"), "t.docx").lines
    region = line.region
    assert region is not None and region.header_rows == 1
    assert [[(c.text, c.row_span, c.col_span) for c in row] for row in region.rows] == [
        [("Category", 2, 1), ("Amount", 1, 2)],
        [("2024", 1, 1), ("2025", 1, 1)],
        [("Posts", 1, 1), ("12", 1, 1), ("14", 1, 1)],
    ]


def test_other_headers_and_footers_are_dropped_furniture_and_page_one_header_is_the_masthead() -> None:
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="h1" Type="header" Target="header1.xml"/>'
            b'<Relationship Id="f1" Type="footer" Target="footer1.xml"/>'
            b'<Relationship Id="h2" Type="header" Target="header2.xml"/></Relationships>')  # fmt: skip
    section = ('<w:sectPr><w:headerReference w:type="first" r:id="h1"/><w:headerReference w:type="default" r:id="h2"/>'
               "<w:titlePg/></w:sectPr>")  # fmt: skip
    masthead = f"<w:tbl><w:tr><w:tc>{p('United Nations')}</w:tc><w:tc>{p('A/80/321')}</w:tc></w:tr></w:tbl>"
    extra = {"word/_rels/document.xml.rels": rels,
             "word/header1.xml": f"<w:hdr {NS}>{masthead}</w:hdr>".encode(),
             "word/header2.xml": f"<w:hdr {NS}>{p('A/80/321')}</w:hdr>".encode(),
             "word/footer1.xml": f"<w:ftr {NS}>{p('26-00248 (E)')}</w:ftr>".encode()}  # fmt: skip
    doc = parse_bytes(docx(p(t("1.") + TAB + t("Text.")) + f"<w:p><w:pPr>{section}</w:pPr></w:p>", extra=extra), "h.docx")
    assert doc.symbol == "A/80/321" and doc.metadata.symbol_origin == "document"
    assert sorted((d.kind, d.text) for d in doc.dropped) == [("footer", "26-00248 (E)"), ("header", "A/80/321")]


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


DOCUMENT = f"<w:document {NS}><w:body>{p('1. Text.')}</w:body></w:document>".encode()
BAD = [
    ("bomb", {"word/document.xml": DOCUMENT, "word/styles.xml": b" " * (300 << 20)}, UnsafeDocx, "zip bomb"),
    ("traversal", {"word/document.xml": DOCUMENT, "../../etc/evil.xml": b"x"}, UnsafeDocx, "outside the package"),
    ("entities", {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + DOCUMENT},
     UnsafeDocx, "DTD or entities"),
    ("malformed", {"word/document.xml": DOCUMENT[:-20]}, CorruptDocx, "not well-formed XML"),
    ("no body", {"word/document.xml": f"<w:document {NS}/>".encode()}, CorruptDocx, "has no body"),
    ("no document part", {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"}, CorruptDocx,
     "no word/document.xml part"),
    ("external entity", {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://example.org/x.dtd">'
                         + DOCUMENT}, UnsafeDocx, "DTD"),
    ("absolute name", {"word/document.xml": DOCUMENT, "/etc/passwd": b"x"}, UnsafeDocx, "outside the package"),
    ("broken styles", {"word/document.xml": DOCUMENT, "word/styles.xml": b"<w:styles"}, CorruptDocx, "styles.xml"),
]  # fmt: skip


@pytest.mark.parametrize("case, members, error, words", BAD, ids=[b[0] for b in BAD])
def test_an_unsafe_or_broken_package_is_one_line_naming_the_file(case: str, members: dict[str, bytes],
                                                                  error: type[Exception], words: str) -> None:  # fmt: skip
    with pytest.raises(error) as raised:
        parse_bytes(zip_of(members), "bad.docx")
    message = str(raised.value)
    assert message.startswith("bad.docx: ") and words in message and "\n" not in message


def test_a_bomb_that_lies_about_its_size_is_stopped_while_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    from parser.read.docx import package

    monkeypatch.setattr(package, "MAX_PART_BYTES", 1000)
    monkeypatch.setattr(package, "open_package", lambda data, name: package.Package(name, zipfile.ZipFile(io.BytesIO(data))))
    with pytest.raises(UnsafeDocx, match="inflates to more than"):
        package.Package("b.docx", zipfile.ZipFile(io.BytesIO(zip_of({"word/document.xml": b"<a>" + b" " * 5000 + b"</a>"})))).xml(
            "word/document.xml"
        )


def test_a_real_un_report_parses_complete_and_without_warnings() -> None:
    from parser import parse

    from .conftest import FIXTURES

    doc = parse(FIXTURES / "pairs" / "A_80_604_Add.6.en.docx")
    assert doc.symbol == "A/80/604/Add.6" and doc.metadata.session is not None and doc.metadata.title is not None
    assert [p.id for p in doc.paragraphs()] == [f"para_{n}" for n in range(1, 41)]
    assert not doc.warnings
    assert all(f.cited_by for f in doc.footnotes) and doc.dropped


def test_a_one_column_table_is_a_box_of_text_and_pictures_are_figures_after_their_caption() -> None:
    box = f"<w:tbl><w:tr><w:tc>{p('Summary', 'Normal')}{p('The Mission spent less.', 'Normal')}</w:tc></w:tr></w:tbl>"
    picture = (
        '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="i1"/></w:drawing></w:r>'
    )
    body = MASTHEAD + box + p(t("1.") + TAB + t("Text.")) + p("Figure I", "Normal") + p("Posts by year", "Normal") + p(picture)
    lines = read_docx(docx(body), "b.docx").lines
    assert [line.text for line in lines[4:6]] == ["Summary", "The Mission spent less."] and lines[4].region is None
    assert lines[-1].region is not None and lines[-1].region.kind == "figure"
    doc = parse_bytes(docx(body), "b.docx")
    figure = doc.body[-1]
    assert (figure.type, figure.id, figure.marker, figure.heading) == ("figure", "fig_1", "Figure I", "Posts by year")


def test_a_budget_sections_figure_caption_set_in_heading_styles_numbers_the_figure() -> None:
    picture = (
        '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="i1"/></w:drawing></w:r>'
    )
    caption = p("Figure 14.I", "H23") + p("Performance measure: number of countries", "H23")
    body = MASTHEAD + p(t("14.1") + TAB + t("Text.")) + caption + p(picture) + p("Result 2: more countries", "H23")
    doc = parse_bytes(docx(body), "b.docx")
    figure, heading = doc.body[-2], doc.body[-1]
    assert (figure.type, figure.id, figure.marker, figure.heading) == (
        "figure", "fig_14-I", "Figure 14.I", "Performance measure: number of countries")  # fmt: skip
    assert (heading.type, heading.id) == ("heading", "fig_14-I__hdg_1")
    unit = p("Figure 14.I", "H23") + p("Performance measure", "H23") + p("(Percentage)", "Normal") + p(picture)
    figure = parse_bytes(docx(MASTHEAD + p(t("14.1") + TAB + t("Text.")) + unit), "u.docx").body[-1]
    assert (figure.type, figure.id, figure.heading) == ("figure", "fig_14-I", "Performance measure (Percentage)")


def test_a_heading_typed_as_two_paragraphs_of_its_style_is_one_heading_and_a_small_line_under_it_is_text() -> None:
    spacer = p("", "SingleTxt")
    small = '<w:rPr><w:sz w:val="14"/></w:rPr>'
    body = (MASTHEAD + p(t("1.") + TAB + t("Text.")) + spacer + p("Subprogramme 1", "H1") + p("Data and knowledge", "H1")
            + spacer + p("Objective", "H1") + spacer + p("Financial resources", "H23")
            + p(f"<w:r>{small}<w:t>(Thousands of United States dollars)</w:t></w:r>", "H23") + spacer
            + p("Results", "H1") + p("A. Second", "H1"))  # fmt: skip
    lines = read_docx(docx(body), "h.docx").lines[5:]
    assert [(line.text, line.heading_level) for line in lines] == [
        ("Subprogramme 1 Data and knowledge", 2), ("Objective", 2), ("Financial resources", 3),
        ("(Thousands of United States dollars)", 0), ("Results", 2), ("A. Second", 2)]  # fmt: skip


def test_a_heading_typed_in_body_style_with_its_own_outline_level_is_a_heading_and_two_such_paragraphs_one() -> None:
    """A/81/6 (Sect. 3): ``Subprogramme 7`` / ``Cooperation between … Arab States`` in Normal, bold, each paragraph
    marked ``w:outlineLvl 0`` itself, is one heading as ``Subprogramme 6`` / ``…`` in H23 is; a body paragraph
    marked body level (9) stays body text."""
    outline = lambda level: f'<w:outlineLvl w:val="{level}"/>'  # noqa: E731
    spacer = p("", "SingleTxt")
    body = (MASTHEAD + p(t("1.") + TAB + t("Text.")) + spacer + p("Subprogramme 7", "Normal", outline(0))
            + p("Cooperation between the United Nations and the League of Arab States", "Normal", outline(0)) + spacer
            + p("Objective", "H1") + p(t("2.") + TAB + t("More text."), "SingleTxt", outline(9)))  # fmt: skip
    lines = read_docx(docx(body), "o.docx").lines[5:]
    assert [(line.text, line.heading_level) for line in lines] == [
        ("Subprogramme 7 Cooperation between the United Nations and the League of Arab States", 1), ("Objective", 2),
        ("2. More text.", 0)]  # fmt: skip


def test_a_tables_note_typed_above_a_notes_mark_is_an_unmarked_note_nobody_calls() -> None:
    above = (f'<w:footnote w:id="2"><w:p>{t("Note: ASG, Assistant Secretary-General.")}</w:p>'
             f"<w:p><w:r><w:footnoteRef/></w:r>{TAB}{t('Rounded averages.')}</w:p></w:footnote>")  # fmt: skip
    doc = parse_bytes(docx(MASTHEAD + p(t("1.") + TAB + t("Posts") + footnote_call(2) + t(".")), footnotes=above), "n.docx")
    assert [(f.id, f.text, f.cited_by) for f in doc.footnotes] == [
        ("fn_x", "Note: ASG, Assistant Secretary-General.", ()),
        ("fn_1", "Rounded averages.", ("para_1",)),
    ]
    assert not doc.warnings


def test_a_raised_letter_opening_a_paragraph_after_a_table_is_the_tables_note_not_more_of_the_text() -> None:
    table = f"<w:tbl><w:tr><w:tc>{p('Posts', 'Normal')}</w:tc><w:tc>{p(t('12') + RAISED_A, 'Normal')}</w:tc></w:tr></w:tbl>"
    note_line = p(TAB + RAISED_A + TAB + t("Reflects updated figures."), "Normal")
    doc = parse_bytes(docx(MASTHEAD + p(t("1.") + TAB + t("Table 1 lists the posts")) + table + note_line), "t.docx")
    assert doc.get("para_1").text == "Table 1 lists the posts"  # type: ignore[union-attr]
    table_node = doc.get("para_1__table_1")
    assert table_node is not None and [n.text for n in table_node.children] == ["a Reflects updated figures."]


def test_a_note_whose_author_repeated_its_mark_is_one_note() -> None:
    two = (f'<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>{t(" First part.")}</w:p>'
           f"<w:p><w:r><w:footnoteRef/></w:r>{t(' Second part.')}</w:p></w:footnote>")  # fmt: skip
    doc = parse_bytes(docx(MASTHEAD + p(t("1.") + TAB + t("Text") + footnote_call(2) + t(".")), footnotes=two), "r.docx")
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "First part. Second part.")]


def test_align_and_diff_take_word_files(tmp_path: Path) -> None:
    from parser.diff import agreement
    from parser.diff.load import load_document

    body = MASTHEAD + p(t("1.") + TAB + t("The Force was established."))
    (tmp_path / "a.docx").write_bytes(docx(body))
    (tmp_path / "a.txt").write_text("A/80/999\n\n1. The Force was established.\n", encoding="utf-8")
    word, text = load_document(tmp_path / "a.docx"), load_document(tmp_path / "a.txt")
    assert agreement(word, text).tally("paragraphs").share == 1.0


def test_a_one_column_table_with_a_repeated_header_row_is_a_table_not_a_box() -> None:
    header = f"<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>{p('Category and subcategory', 'Normal')}</w:tc></w:tr>"
    rows = header + f"<w:tr><w:tc>{p('C. Substantive deliverables', 'Normal')}</w:tc></w:tr>"
    (line,) = read_docx(docx(f"<w:tbl>{rows}</w:tbl>"), "t.docx").lines
    assert line.region is not None and line.region.kind == "table"


def test_text_boxes_set_over_a_chart_in_its_paragraph_are_the_charts_labels_not_paragraphs() -> None:
    picture = (
        '<w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="i1"/></w:drawing></w:r>'
    )
    box = f"<w:r><w:drawing><w:txbxContent>{p('–', 'Normal')}</w:txbxContent></w:drawing></w:r>"
    caption = p("Figure 14.I", "H23") + p("Performance measure: number of countries", "H23")
    body = (
        MASTHEAD + p(t("14.1") + TAB + t("Text.")) + caption + p(box + box + picture, "Normal") + p(t("14.2") + TAB + t("More."))
    )
    doc = parse_bytes(docx(body), "b.docx")
    figure = doc.get("fig_14-I")
    assert figure is not None and figure.heading == "Performance measure: number of countries"
    assert figure.labels == ("–", "–") and [p.id for p in doc.paragraphs()] == ["para_14-1", "para_14-2"]


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{p(c, 'Normal') if c else '<w:p/>'}</w:tc>" for c in cells) + "</w:tr>"


def test_a_contents_table_is_the_toc_and_a_star_typed_in_an_entry_calls_its_note() -> None:
    masthead = MASTHEAD.replace("A/80/999", "A/80/999*") + p("* Reissued for technical reasons.", "Normal")
    masthead += p("** In keeping with resolution 77/267, submitted through the Committee.", "Normal")
    contents = "<w:tbl>" + _row("", "Page") + _row("I. Introduction**", "2") + _row("II. Conclusions", "3") + "</w:tbl>"
    body = masthead + p("Contents", "HCh") + contents + p(TAB + t("I.") + TAB + t("Introduction"), "HCh")
    body += p(t("1.") + TAB + t("Text.")) + p(TAB + t("II.") + TAB + t("Conclusions"), "HCh") + p(t("2.") + TAB + t("End."))
    doc = parse_bytes(docx(body), "c.docx")
    toc = doc.body[0]
    assert (toc.type, toc.heading) == ("toc", "Contents") and toc.table is not None
    rows = [[c.text for c in row] for row in toc.table.rows]
    assert rows == [["Page"], ["I.", "Introduction", "2"], ["II.", "Conclusions", "3"]]
    assert [r.marker for r in toc.table.rows[1][1].footnote_refs] == ["**"]
    assert {n.marker: n.cited_by for n in doc.footnotes} == {"*": ("metadata.other.1",), "**": (toc.id,)}
    assert [n.id for n in doc.body[1:]] == ["chp_1", "chp_2"] and not doc.warnings


def test_a_table_under_contents_that_is_not_the_contents_stays_a_table() -> None:
    table = "<w:tbl>" + _row("Category", "2025") + _row("Posts", "12") + _row("Costs", "Thousands") + "</w:tbl>"
    body = MASTHEAD + p("Contents", "HCh") + table + p(t("1.") + TAB + t("Text."))
    assert [n.type for n in parse_bytes(docx(body), "t.docx").body][:1] == ["table"]


def test_a_dtd_hidden_past_the_first_kilobytes_is_still_refused() -> None:
    padding = b"<!--" + b" " * 8000 + b"-->"
    laughs = b'<!DOCTYPE d [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    data = zip_of({"word/document.xml": b'<?xml version="1.0"?>' + padding + laughs + DOCUMENT})
    with pytest.raises(UnsafeDocx, match=r"^bad\.docx: word/document\.xml declares a DTD"):
        parse_bytes(data, "bad.docx")


def test_a_part_that_compresses_like_a_bomb_is_refused_before_it_is_inflated() -> None:
    data = zip_of({"word/document.xml": DOCUMENT, "word/styles.xml": b"\0" * (4 << 20)})
    with pytest.raises(UnsafeDocx, match=r"^bad\.docx: word/styles\.xml inflates to 4194304 bytes from \d+ \(a zip bomb\?\)$"):
        parse_bytes(data, "bad.docx")


def test_a_truncated_zip_and_a_package_of_too_many_parts_are_one_line_each(monkeypatch: pytest.MonkeyPatch) -> None:
    from parser.read.docx import package

    whole = docx(p("1. Text."))
    with pytest.raises(CorruptDocx, match=r"^bad\.docx: not a readable Word file \(the zip is broken: [^\n]*\)$"):
        parse_bytes(whole[: len(whole) // 2], "bad.docx")
    monkeypatch.setattr(package, "MAX_MEMBERS", 10)
    many = zip_of({"word/document.xml": DOCUMENT, **{f"word/media/i{n}.png": b"x" for n in range(20)}})
    with pytest.raises(UnsafeDocx, match=r"^bad\.docx: the Word file has 21 parts \(more than 10\)$"):
        parse_bytes(many, "bad.docx")


def test_the_command_line_gives_an_unsafe_word_file_one_line_and_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parser.cli import main

    path = tmp_path / "evil.docx"
    path.write_bytes(zip_of({"word/document.xml": DOCUMENT, "../../etc/evil.xml": b"x"}))
    code = main(["parse", str(path), "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 24 and err.count("\n") == 1 and "outside the package" in err and not list(tmp_path.glob("*.json"))


def test_a_contents_field_written_in_word_s_toc_styles_is_the_toc() -> None:
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="TOC{n}"><w:name w:val="toc {n}"/></w:style>' for n in (1, 2))
    toc_styles = STYLES.replace("</w:styles>", styles + "</w:styles>")

    def entry(num: str, title: str, page: str, style: str) -> str:
        return p(t(num) + TAB + t(title) + TAB + t(page), style)

    def heading(num: str, title: str, style: str = "HCh") -> str:
        return p(TAB + t(num) + TAB + t(title), style)

    entries = entry("I.", "Introduction", "2", "TOC1") + entry("A.", "Mandate", "3", "TOC2")
    entries += entry("II.", "Conclusions", "4", "TOC1")
    body = MASTHEAD + p("Contents", "HCh") + entries + heading("I.", "Introduction") + p(t("1.") + TAB + t("Text."))
    body += heading("A.", "Mandate", "H1") + p(t("2.") + TAB + t("More.")) + heading("II.", "Conclusions")
    doc = parse_bytes(docx(body, extra={"word/styles.xml": toc_styles.encode()}), "f.docx")
    toc = doc.body[0]
    assert (toc.type, toc.heading) == ("toc", "Contents") and toc.table is not None
    rows = [[c.text for c in row] for row in toc.table.rows]
    assert rows == [["I.", "Introduction", "2"], ["A.", "Mandate", "3"], ["II.", "Conclusions", "4"]]
    assert [n.id for n in doc.body[1:]] == ["chp_1", "chp_2"] and not doc.warnings


def test_an_empty_last_row_that_prints_only_its_border_is_no_row_but_a_band_of_white_is() -> None:
    header = f"<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>{p('2023', 'Normal')}</w:tc><w:tc>{p('2024', 'Normal')}</w:tc></w:tr>"
    body = _row("Posts", "12")

    def last(trpr: str, mark: str = "") -> str:
        empty = f"<w:p><w:pPr><w:rPr>{mark}</w:rPr></w:pPr></w:p>"
        return f"<w:tr><w:trPr>{trpr}</w:trPr><w:tc>{empty}</w:tc><w:tc>{empty}</w:tc></w:tr>"

    def rows(extra: str) -> int:
        (line,) = read_docx(docx(f"<w:tbl>{header}{body}{extra}</w:tbl>"), "t.docx").lines
        assert line.region is not None
        return len(line.region.rows)

    assert rows(last('<w:trHeight w:hRule="exact" w:val="29"/>')) == 2  # 1.45 pt: the bottom rule
    assert rows(last('<w:trHeight w:val="20"/>', '<w:sz w:val="2"/>')) == 2  # set in 1 pt type
    assert rows(last('<w:trHeight w:hRule="exact" w:val="115"/>')) == 3  # 5.75 pt of white over the rule
    assert rows(last("", '<w:sz w:val="17"/>')) == 3  # an empty line of 8.5 pt type
