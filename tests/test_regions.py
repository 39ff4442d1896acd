"""Tables and figures a reader found: one node each, with caption, cells, labels and notes, in JSON and AKN."""

from __future__ import annotations

from typing import Any

from lxml import etree

from parser.model import Cell, Line, Region, Source, SourceInfo, Span
from parser.pipeline import Options, parse_raw
from parser.read.source import RawInput
from parser.write.to_json import document_to_dict, document_to_json
from parser.write.to_xml import document_to_xml

from .conftest import content_characters


def _line(text: str, number: int, **extra: Any) -> Line:
    return Line((Span(text),), Source(line=number), **extra)


def _table() -> Region:
    head = (Cell((Span("Category"),)), Cell((Span("2024"),)), Cell((Span("2025"),)))
    body = (Cell((Span("Posts"),)), Cell((Span("12"),)), Cell((Span("14"), Span("3", sup=True))))
    total = (Cell((Span("Total"),), col_span=2), Cell((Span("26"),)))
    return Region("table", (head, body, total), header_rows=1, source=Source(line=4))


def _doc() -> Any:
    lines = (
        _line("1. The budget is set out in table 1 below.", 1),
        _line("Table 1", 2, blank_before=True),
        _line("Posts by year", 3),
        Line((), Source(line=4), region=_table()),
        _line("Source: Office of Programme Planning.", 5),
        _line("2. The figure shows the trend.", 6, blank_before=True),
        Line((), Source(line=7), region=Region("figure", labels=((Span("73 per cent"),), (Span("2015"),)))),
        _line("3. Closing", 8, blank_before=True),
        _line("3 A note.", 9, footnote_block=True, zone="footnote"),
    )
    info = SourceInfo("t.txt", "t.txt", "text", "utf-8", "0" * 64)
    return parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))


def test_a_table_after_its_caption_is_one_node_with_number_cells_and_source_note() -> None:
    doc = _doc()
    table = doc.get("table_1")
    assert table.type == "table" and table.marker == "Table 1" and table.heading == "Posts by year"
    assert [[c.text for c in row] for row in table.table.rows] == [["Category", "2024", "2025"], ["Posts", "12", "14"],
                                                                   ["Total", "26"]]  # fmt: skip
    assert table.table.header_rows == 1 and table.table.columns == 3
    assert [c.text for c in table.children] == ["Source: Office of Programme Planning."]
    assert [r.note for r in table.table.rows[1][2].footnote_refs] == ["fn_3"]


def test_paragraph_numbers_run_on_across_tables_and_figures() -> None:
    doc = _doc()
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2", "para_3"]
    figure = doc.get("para_2__fig_1")
    assert figure.type == "figure" and figure.labels == ("73 per cent", "2015")


def test_regions_validate_in_json_and_akn_and_keep_every_character(json_validator: Any, akn_schema: Any) -> None:
    doc = _doc()
    json_validator.validate(document_to_dict(doc))
    root = etree.fromstring(document_to_xml(doc))
    assert akn_schema.validate(root), akn_schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.xpath("//a:hcontainer[@name='table']/a:content/a:table/a:tr[3]/a:td[1]/@colspan", namespaces=ns) == ["2"]
    assert '"labels": ["73 per cent", "2015"]' in document_to_json(doc)
    chars = content_characters(doc)
    for text in ("Posts", "Total", "73 per cent", "Source:", "Table 1"):
        for c in text.replace(" ", ""):
            assert chars[c] >= 1


def test_a_caption_set_as_two_headings_numbers_the_table_after_it() -> None:
    lines = (
        _line("1. The budget is set out in table 2 below.", 1),
        _line("Table 2", 2, blank_before=True, heading_level=3),
        _line("Posts by year", 3, blank_before=True, heading_level=3),
        Line((), Source(line=4), region=_table()),
    )
    info = SourceInfo("t.docx", "t.docx", "docx", None, "0" * 64)
    doc = parse_raw(RawInput(info, lines, ()), Options(language="en", symbol="A/1/1"))
    table = doc.get("table_2")
    assert table.marker == "Table 2" and table.heading == "Posts by year"
    assert not [n for n in doc.nodes() if n.type == "heading"]
