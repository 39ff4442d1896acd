"""A table that runs over pages is one table: its part on the next page joins the part on this one.

The part on the next page carries the table on when it is the first thing in that page's body, the part
above is the last thing in its page's body (only footnotes under it) and both have as many columns. The
heading rows a word processor repeats on the next page are taken off the joined part, recorded as
dropped (``table_heading``) so that no character goes missing; headings that differ stay, as rows. The first
row of a list's next part with a title and no number ends the title above (``pdf_tables_lists.carried_on``); a
row the page break cut in two is put together (``_split_row``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Cell, Dropped, Line, Region, Source, Span
from .pdf_tables_lists import carried_on
from .pdf_tables_rows import DASHES


def join_continued(lines: Sequence[Line]) -> tuple[list[Line], list[Dropped]]:
    """The lines with each table carried over a page break folded into the table it carries on."""
    out: list[Line] = []
    dropped: list[Dropped] = []
    open_at: int | None = None
    """Index in ``out`` of the table that ends its page's body, while only notes follow it."""
    open_page: int | None = None
    """The page its last part is on."""
    for line in lines:
        if line.zone == "footnote":
            out.append(line)
            continue
        if open_at is not None and line.region is not None and _carries_on(out[open_at], line, open_page):
            region, repeated = _joined(_region(out[open_at]), _region(line))
            out[open_at] = replace(out[open_at], region=region)
            dropped.extend(repeated)
            open_page = line.source.page  # it may go on over the next page too
            continue
        out.append(line)
        open_at = len(out) - 1 if _table(line) else None
        open_page = line.source.page
    return out, dropped


def _table(line: Line) -> bool:
    return line.region is not None and line.region.kind == "table"


def _region(line: Line) -> Region:
    assert line.region is not None
    return line.region


def _carries_on(above: Line, line: Line, page: int | None) -> bool:
    next_page = line.source.page
    if not _table(line) or page is None or next_page != page + 1:
        return False
    return _columns(_region(above)) == _columns(_region(line))  # and it is the first of its page's body


def _columns(region: Region) -> int:
    return max((sum(c.col_span for c in row) for row in region.rows), default=0)


def _joined(first: Region, more: Region) -> tuple[Region, list[Dropped]]:
    """``first`` with the rows of ``more``; the heading rows ``more`` repeats from ``first`` dropped."""
    head = more.rows[: more.header_rows]
    repeated = more.header_rows > 0 and _texts(head) == _texts(first.rows[: first.header_rows])
    rows = more.rows[more.header_rows :] if repeated else more.rows
    dropped = [Dropped("table_heading", c.text, c.source or Source()) for row in head for c in row if c.text] if repeated else []
    if first.header_rows == 0 == more.header_rows and first.rows and rows:
        return replace(first, rows=(*first.rows[:-1], *carried_on([first.rows[-1], rows[0]]), *rows[1:])), dropped
    split = _split_row(first.rows[-1], rows[0]) if first.rows and rows else None
    if split is not None:
        return replace(first, rows=(*first.rows[:-1], split, *rows[1:])), dropped
    return replace(first, rows=first.rows + rows), dropped


def _split_row(above: Sequence[Cell], below: Sequence[Cell]) -> tuple[Cell, ...] | None:
    """The row the page break cut in two, put together: the next part has nothing in the first column, where
    the row above has a dash and no heading (a performance measure's ``–``, nothing to report), and text only where
    the row above has some, cell for cell (its cells' lines carried on at the top of the next page)."""
    if [c.col_span for c in above] != [c.col_span for c in below] or len(above) < 2:
        return None
    if above[0].text.strip() not in DASHES or below[0].text.strip():
        return None
    pairs = list(zip(above, below, strict=True))
    if not any(c.text.strip() for c in below) or any(c.text.strip() and not a.text.strip() for a, c in pairs):
        return None
    return tuple(replace(a, spans=(*a.spans, Span(" "), *c.spans)) if c.text.strip() else a for a, c in pairs)


def _texts(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    return [["".join(c.text.split()) for c in row] for row in rows]
