"""Markdown pipe tables (GitHub style, as pymupdf4llm, MinerU, Marker and Docling write them) as table regions.

A pipe table is a header row, a delimiter row (``|---|:---:|``) and body rows, each a line that opens with
``|``. It becomes one ``Line`` carrying a ``Region`` of kind ``table``: the header row (a run of delimiter-free
header rows stays one row), then the body rows, each cell's inline markdown read as spans and ``<br>`` (a line
break inside a cell) as a space. A header cell a tool filled with its placeholder for an empty one
(pymupdf4llm's ``Col2``: ``Col`` and the column's own number) is empty. The pipes and the delimiter row are
markup, like a heading's ``#``.
"""

from __future__ import annotations

import regex

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
