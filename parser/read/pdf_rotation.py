"""Turned text: glyphs drawn a quarter turn from the page's lines.

A landscape page of a portrait document prints its furniture (symbol, page
number, job number) turned along the long edge, where the top and bottom of
a portrait page would be; a figure turns its axis titles; a wide table turns
its column heads. Such glyphs are read in their own frame: turned back a
quarter (each direction on its own), clustered into rows like any upright
text, then handed back in the page's frame as ``vertical`` items in reading
order. On a landscape page the rows of that frame go through the furniture
patterns of an upright page. What is left is text set apart: after the
page's horizontal lines, as blocks of its own, never between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .pdf_chars import Glyph, glyphs_to_rows
from .pdf_furniture import Item, mark_furniture, row_to_item

LANDSCAPE = 1.05
"""A page at least this many times wider than tall is a landscape page: its turned text may be furniture."""
TURNED_DESCENT = 0.2
"""ems: a turned glyph's baseline lies this far inside the edge its letters stand on (as for the unknown fonts of
``pdf_chars``); only rows are clustered on it."""
BLOCK_GAP = 2.5
"""ems: a turned row further than this from the one before (a figure's other axis, another table column) opens a
block of its own."""


def turned_items(items: list[Item], width: float, height: float) -> list[Item]:
    """The page's items with its vertical ones rebuilt as rows of their own frame (``_portrait``), sorted by baseline."""
    turned = [g for i in items if i.vertical for g in i.glyphs]
    if not turned:
        return items
    out = [i for i in items if not i.vertical]
    for rising in (False, True):
        group = [g for g in turned if g.rising == rising]
        if group:
            rows, back = _portrait(group, rising, width, height)
            out.extend(_back(row, back) for row in rows)
    out.sort(key=lambda i: i.base)
    return out


def mark_turned_furniture(turned: list[Item], page: int, width: float, height: float, running: frozenset[str]) -> list[Item]:
    """The page's turned items, those that are furniture in their own frame with their kind (on a landscape page).

    The frame is the portrait page the furniture was printed for: its top and
    bottom bands are the landscape page's long edges, and the furniture scan
    of an upright page (``pdf_furniture.mark_furniture``) runs in it. Only on a
    page wider than tall: a portrait page's turned text is a figure's or a table's.
    """
    if width < LANDSCAPE * height:
        return turned
    out: list[Item] = []
    for rising in (False, True):
        group = [i for i in turned if i.glyphs[0].rising == rising]
        if not group:
            continue
        rows, back = _portrait([g for i in group for g in i.glyphs], rising, width, height)
        for part in mark_furniture(rows, page, width, running):
            item = _back(part, back)
            item.kind = part.kind
            out.append(item)
    return out


def set_apart(items: Sequence[Item]) -> list[Item]:
    """The items with the turned ones after the horizontal ones, each run of them a block of its own.

    Turned rows come in their reading order: rows reading down the page follow
    one another leftwards, rows reading up rightwards; the direction whose
    rows start further left comes first.
    """
    turned = [i for i in items if i.vertical]
    if not turned:
        return list(items)
    out = [i for i in items if not i.vertical]
    groups = [[i for i in turned if i.glyphs[0].rising == rising] for rising in (False, True)]
    for group in sorted((g for g in groups if g), key=lambda g: min(i.x0 for i in g)):
        rising = group[0].glyphs[0].rising
        group.sort(key=lambda i: i.x0 if rising else -i.x0)
        prev: Item | None = None
        for item in group:
            if prev is None or abs(item.x0 - prev.x0) > BLOCK_GAP * max(item.size, prev.size):
                item.block_start = True
            out.append(item)
            prev = item
    return out


def _portrait(glyphs: Sequence[Glyph], rising: bool, width: float, height: float) -> tuple[list[Item], dict[Glyph, Glyph]]:
    """Rows of ``glyphs`` in the frame turned a quarter back (upright there), and each turned glyph's original."""
    back = {_turn(g, rising, width, height): g for g in glyphs}
    return [row_to_item(row) for row in glyphs_to_rows(list(back))], back


def _turn(g: Glyph, rising: bool, width: float, height: float) -> Glyph:
    """``g`` in the upright frame: text reading down the page has its tops to the right (the page turned a quarter
    anticlockwise brings them up), text reading up has them to the left."""
    size = g.x1 - g.x0
    if rising:
        x0, x1, top, bottom = height - g.bottom, height - g.top, g.x0, g.x1
    else:
        x0, x1, top, bottom = g.top, g.bottom, width - g.x1, width - g.x0
    base = bottom - TURNED_DESCENT * size
    return g._replace(x0=x0, x1=x1, top=top, bottom=bottom, base=base, size=size, em=round(size, 1), upright=True)


def _back(item: Item, back: dict[Glyph, Glyph]) -> Item:
    """A vertical item in the page's frame, its glyphs in the portrait-frame row's (reading) order."""
    glyphs = [back[g] for g in item.glyphs]
    ink = [g for g in glyphs if not g.text.isspace()] or glyphs
    return Item(glyphs, max(g.bottom for g in ink), item.size, vertical=True)
