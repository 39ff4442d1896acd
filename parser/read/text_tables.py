"""Tables in a markdown rendering as table regions: pipe tables and HTML tables.

A pipe table (GitHub style, as pymupdf4llm, Marker and Docling write them) is a header row, a delimiter row
(``|---|:---:|``) and body rows, each a line that opens with ``|``. It becomes one ``Line`` carrying a ``Region``
of kind ``table``: the header row, then the body rows, each cell's inline markdown read as spans and ``<br>`` (a
line break inside a cell) as a space. A header cell a tool filled with its placeholder for an empty one
(pymupdf4llm's ``Col2``: ``Col`` and the column's own number) is empty. The pipes and the delimiter row are
markup, like a heading's ``#``.

An HTML table (MinerU writes ``<table><tr><td rowspan="2">…``, on one line or several) becomes the same region:
its rows, its cells with their row and column spans (a cell a span covers is left out, as in HTML and in
``Region.rows``), the leading rows whose cells are all ``<th>`` (or that sit in ``<thead>``) as header rows.
"""

from __future__ import annotations

import regex
from lxml import etree, html

from ..model import Cell, Line, Region, Source
from .inline import markdown_spans

_ROW = regex.compile(r"^\s{0,3}\|.*\|\s*$")
_DELIMITER = regex.compile(r"^\s{0,3}\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_PIPE = regex.compile(r"(?<!\\)\|")
_BREAK = regex.compile(r"\s*<br\s*/?>\s*", regex.IGNORECASE)
_PLACEHOLDER = regex.compile(r"^Col(\d+)$")


def is_table_start(lines: list[str], index: int) -> bool:
    """A header row at ``index`` with the delimiter row right under it."""
    return index + 1 < len(lines) and _ROW.match(lines[index]) is not None and _DELIMITER.match(lines[index + 1]) is not None


def read_table(lines: list[str], index: int, source: Source, *, blank: bool) -> tuple[Line, int]:
    """The table that starts at ``index`` as one region line, and the index of the first line after it."""
    header = _cells(lines[index])
    header = ["" if (m := _PLACEHOLDER.match(text)) and int(m.group(1)) == col else text for col, text in enumerate(header, 1)]
    found = [(index, header)]
    end = index + 2
    while end < len(lines) and _ROW.match(lines[end]):
        found.append((end, _cells(lines[end])))
        end += 1
    width = max(len(row) for _, row in found)
    rows = tuple(tuple(Cell(markdown_spans(text), source=Source(line=at + 1)) for text in _padded(row, width))
                 for at, row in found)  # fmt: skip
    region = Region("table", rows=rows, header_rows=1, source=source)
    return Line((), source, blank_before=blank, region=region), end


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:]
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [_BREAK.sub(" ", part).strip().replace("\\|", "|") for part in _PIPE.split(inner)]


def _padded(row: list[str], width: int) -> list[str]:
    return row + [""] * (width - len(row))


_HTML_START = regex.compile(r"^\s{0,3}<table\b", regex.IGNORECASE)
_HTML_END = regex.compile(r"</table\s*>", regex.IGNORECASE)
_SPAN = regex.compile(r"^\d{1,3}$")


def is_html_table_start(lines: list[str], index: int) -> bool:
    """An HTML table opens at ``index`` and closes on that line or a later one."""
    return _HTML_START.match(lines[index]) is not None and any(_HTML_END.search(line) for line in lines[index:])


def read_html_table(lines: list[str], index: int, source: Source, *, blank: bool) -> tuple[Line | None, int]:
    """The HTML table that opens at ``index`` as one region line (``None`` if it has no cell), and the index of the
    first line after it."""
    end = next(k for k in range(index, len(lines)) if _HTML_END.search(lines[k])) + 1
    try:
        table = html.fragment_fromstring("\n".join(lines[index:end]).strip())
    except (etree.ParserError, ValueError):
        return None, index
    rows: list[tuple[Cell, ...]] = []
    header_rows, in_header = 0, True
    for tr in table.iter("tr"):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if not cells:
            continue
        heads = all(c.tag == "th" for c in cells) or any(a.tag == "thead" for a in tr.iterancestors())
        in_header = in_header and heads
        header_rows += in_header
        rows.append(tuple(Cell(markdown_spans(_cell_text(c)), row_span=_span(c, "rowspan"), col_span=_span(c, "colspan"),
                               source=source) for c in cells))  # fmt: skip
    if not rows:
        return None, index
    region = Region("table", rows=tuple(rows), header_rows=header_rows if header_rows < len(rows) else 0, source=source)
    return Line((), source, blank_before=blank, region=region), end


def _cell_text(cell: html.HtmlElement) -> str:
    """A cell's text with its superscripts kept as ``<sup>`` markup (calls) and line breaks as spaces."""
    parts = [cell.text or ""]
    for child in cell:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        inner = child.text_content()
        parts.append(f"<sup>{inner}</sup>" if child.tag == "sup" else " " if child.tag == "br" else inner)
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _span(cell: html.HtmlElement, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return max(1, int(value)) if _SPAN.match(value) else 1
