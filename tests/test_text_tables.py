"""Markdown pipe tables in a rendering (parser.read.text_tables): one table node, its header row, cells and notes."""

from __future__ import annotations

import json
from typing import Any

from parser import parse_bytes, to_json, to_xml
from parser.model import Node
from parser.xmlsafe import parse_xml_bytes

REPORT = """A/80/999

General Assembly

1. The posts are shown in table 1.

Table 1
Posts by category

| Category | Col2 | 2026 |
|---|---:|---:|
| Professional<br>and higher | 12 | 14 |
| General Service \\| local | 3 | 4<sup>a</sup> |
| Total | 15 |

<sup>a</sup> Funded under general temporary assistance.

2. The Committee recommends approval.
"""


def _table(doc: Any) -> Node:
    (table,) = [n for root in doc.body for n in root.walk() if n.type == "table"]
    assert isinstance(table, Node)
    return table


def test_a_pipe_table_is_one_table_with_its_header_row_its_cells_and_its_note(akn_schema: Any, json_validator: Any) -> None:
    doc = parse_bytes(REPORT.encode(), "A_80_999.md")
    table = _table(doc)
    assert (table.id, table.marker, table.heading) == ("table_1", "Table 1", "Posts by category")
    assert table.table is not None and table.table.header_rows == 1
    texts = [[cell.text for cell in row] for row in table.table.rows]
    assert texts == [
        ["Category", "", "2026"],  # pymupdf4llm's placeholder for an empty header cell is no text
        ["Professional and higher", "12", "14"],  # a line break in a cell
        ["General Service | local", "3", "4"],  # an escaped pipe is text; the call is a call
        ["Total", "15", ""],  # a short row is padded
    ]
    assert [r.note for r in table.table.rows[2][2].footnote_refs] == ["fn_a"]
    assert [(p.id, p.text) for p in doc.paragraphs()] == [
        ("para_1", "The posts are shown in table 1."),
        ("para_2", "The Committee recommends approval."),
    ]
    assert not doc.warnings
    data = json.loads(to_json(doc))
    assert not [e.message for e in json_validator.iter_errors(data)]
    tree = parse_xml_bytes(to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]


def test_lines_that_open_with_a_pipe_but_have_no_delimiter_row_are_text() -> None:
    doc = parse_bytes(b"A/80/999\n\n1. The options | were | these.\n\n| not a table |\n\n2. End.", "A_80_999.md")
    assert not [n for root in doc.body for n in root.walk() if n.type == "table"]
    assert "| not a table |" in [n.text or n.heading for root in doc.body for n in root.walk()]


MINERU = """A/80/999

General Assembly

1. The posts are shown in table 1.

Table 1
Posts by category

<table><tr><th rowspan="2">Category</th><th colspan="2">Posts</th></tr><tr><th>2025</th><th>2026</th></tr>
<tr><td>Professional<br/>and higher</td><td>12</td><td>14</td></tr>
<tr><td>General Service</td><td>3</td><td>4<sup>a</sup></td></tr></table>

<sup>a</sup> Funded under general temporary assistance.

2. The Committee recommends approval.
"""


def test_an_html_table_is_one_table_with_its_spans_and_header_rows(akn_schema: Any) -> None:
    doc = parse_bytes(MINERU.encode(), "A_80_999.md")
    table = _table(doc)
    assert (table.id, table.heading) == ("table_1", "Posts by category")
    assert table.table is not None and table.table.header_rows == 2
    cells = [[(c.text, c.row_span, c.col_span) for c in row] for row in table.table.rows]
    assert cells == [
        [("Category", 2, 1), ("Posts", 1, 2)],
        [("2025", 1, 1), ("2026", 1, 1)],  # the cell under ``Category`` is covered by its row span
        [("Professional and higher", 1, 1), ("12", 1, 1), ("14", 1, 1)],
        [("General Service", 1, 1), ("3", 1, 1), ("4", 1, 1)],
    ]
    assert [r.note for r in table.table.rows[3][2].footnote_refs] == ["fn_a"]
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"] and not doc.warnings
    tree = parse_xml_bytes(to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]


def test_an_html_table_that_never_closes_is_text() -> None:
    doc = parse_bytes(b"A/80/999\n\n1. First.\n\n<table><tr><td>cut</td>\n\n2. End.", "A_80_999.md")
    assert not [n for root in doc.body for n in root.walk() if n.type == "table"]
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"]
