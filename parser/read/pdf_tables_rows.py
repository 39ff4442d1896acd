"""A table body's lines in rows, and the phrases they are cut into (``pdf_tables_grid`` makes the cells).

Body rows are told apart by their baselines: the lines of one cell step by the table's leading, rows by more,
or a rule lies between them, or the vertical rules, drawn row by row, are parted there; a row with text only
where the cells above run on over several lines is their next paragraphs. Under the last row, the vertical
rules may draw an empty row over the bottom rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Box
from .pdf_chars import Glyph
from .pdf_furniture import Item
from .pdf_tables_edges import SAME_EDGE, Rule, cluster

ROW_STEP = 1.15
"""times the table's smallest baseline step: a larger step starts a new row (the lines of one cell step by the
leading, rows by the leading plus the cells' padding)."""
DASHES = frozenset("-\u2010\u2012\u2013\u2014\u2212")
"""What a UN table prints in a cell with nothing to report (``–``)."""
ROW_LEADING = 1.3
"""line sizes: a larger baseline step starts a new row whatever the table's smallest step (a cell's lines
step by about 1.2 sizes)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    glyphs: tuple[Glyph, ...]
    base: float
    first: int
    last: int
    """The columns it covers."""

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)


def row_bounds(verticals: Sequence[Box]) -> tuple[list[float], list[tuple[float, float]]]:
    """Where the vertical rules, drawn one piece per cell and row, are parted (the rows' bounds), and the spans
    of height they cover."""
    ends = cluster(sorted(y for v in verticals for y in (v.top, v.bottom)), SAME_EDGE)
    spans = sorted((v.top, v.bottom) for v in verticals)
    return ends, spans


def body_rows(
    lines: Sequence[Item], group: Sequence[Rule], phrases: dict[int, list[Phrase]],
    bounds: tuple[list[float], list[tuple[float, float]]] = ([], []),
) -> list[list[Item]]:  # fmt: skip
    """The body's lines, top to bottom, in rows: a new row where no column's text carries on from the line above
    (a column's lines step by the leading within a cell, by more between rows), or where a rule lies between.
    Column by column, since cells of one row can be set off from each other by half a line. Where vertical rules
    are drawn row by row (``bounds``), a row ends where they are parted and nowhere else (a cell's paragraphs
    stand apart by more than its lines)."""
    ordered = sorted(lines, key=lambda i: i.base)
    columns: dict[int, list[float]] = {}
    for item in ordered:
        for p in phrases[id(item)]:
            for c in range(p.first, p.last + 1):
                columns.setdefault(c, []).append(item.base)
    steps = [b - a for bases in columns.values() for a, b in pairwise(bases) if b - a > 0.5]
    least = min(steps, default=0.0)
    rows: list[list[Item]] = []
    for item in ordered:
        if rows:
            above = rows[-1][-1]
            ruled = any(above.base < r.top < item.base - 0.5 * item.size for r in group)
            within = min(ROW_STEP * least, ROW_LEADING * item.size)
            drawn = _drawn_row_end(bounds, above, item)
            if drawn is True:
                rows.append([item])
                continue
            if item.base - above.base <= 0.5 or drawn is False:
                rows[-1].append(item)
                continue
            if not ruled and _carries_on(columns, above.base, item.base, within):
                rows[-1].append(item)
                continue
        rows.append([item])
    return _paragraphs_joined(rows, group, phrases, bounds)


def _paragraphs_joined(
    rows: list[list[Item]], group: Sequence[Rule], phrases: dict[int, list[Phrase]],
    bounds: tuple[list[float], list[tuple[float, float]]],
) -> list[list[Item]]:  # fmt: skip
    """Rows that are only the next paragraphs of the row above's cells: nothing in the first column, where the
    row above has no heading either but a dash (a performance measure's ``–``, nothing to report), text only in
    columns where the row above has lines of a cell running on (two or more), and no rule between, drawn or
    where the vertical rules are parted (a cell's paragraphs stand apart by more than its lines: ``Seventeen
    policymakers…`` and ``Forty rural women…`` in one cell, the other cells of the row a dash). A Word row of
    its own set the same way prints alike (a wider step by the next row's spacing before, 2 pt): read as
    paragraphs too."""
    out: list[list[Item]] = []
    for row in rows:
        last, first = max(out[-1], key=lambda i: i.base) if out else None, min(row, key=lambda i: i.base)
        parted = last is None or any(last.base < r.top < first.base for r in group) or _drawn_row_end(bounds, last, first)
        if not parted:
            above, mine = _lines_by_column(out[-1], phrases), _lines_by_column(row, phrases)
            running = {c for c, bases in above.items() if len(bases) >= 2}
            single = set(above) - set(mine)
            if mine and 0 not in mine and set(mine) <= running and single and 0 in above and _dash(out[-1], phrases, 0):
                out[-1] = out[-1] + row
                continue
        out.append(row)
    return out


def _dash(row: Sequence[Item], phrases: dict[int, list[Phrase]], column: int) -> bool:
    """The row's cell in ``column`` is a dash alone: nothing to report, no row's heading."""
    found = [g.text for i in row for p in phrases[id(i)] if p.first <= column <= p.last for g in p.glyphs if not g.text.isspace()]
    return bool(found) and all(t in DASHES for t in found) and len(found) == 1


def _lines_by_column(row: Sequence[Item], phrases: dict[int, list[Phrase]]) -> dict[int, set[float]]:
    out: dict[int, set[float]] = {}
    for item in row:
        for p in phrases[id(item)]:
            for c in range(p.first, p.last + 1):
                out.setdefault(c, set()).add(round(item.base, 1))
    return out


def _drawn_row_end(bounds: tuple[list[float], list[tuple[float, float]]], above: Item, below: Item) -> bool | None:
    """Whether the vertical rules part the rows between two lines: ``True`` where a piece ends between them,
    ``False`` where one piece runs from one to the other, ``None`` where none is drawn there."""
    ends, spans = bounds
    top = min(g.top for g in below.ink)
    if any(above.base < y < top for y in ends):
        return True
    if any(t < above.base and top < b for t, b in spans):
        return False
    return None


def _carries_on(columns: dict[int, list[float]], above: float, below: float, within: float) -> bool:
    """Some column has a line at or over ``above`` and one at or under ``below`` at most ``within`` apart."""
    for bases in columns.values():
        k = bisect_right(bases, above + 0.25)
        if 0 < k < len(bases) and bases[k] >= below - 0.25 and bases[k] - bases[k - 1] <= within:
            return True
    return False


def drawn_under(verticals: Sequence[Box], bottom: Rule, rows: Sequence[Item], edges: Sequence[float]) -> list[int] | None:
    """The column spans of an empty row the vertical rules, drawn row by row, draw over the bottom rule (pieces of
    them start under the last line's baseline and run down to the rule: a boxed table's short last row), one
    cell across each column edge no piece draws; ``None`` when they draw none."""
    last = max(i.base for i in rows)
    band = [v for v in verticals if last < v.top < bottom.top - SAME_EDGE and v.bottom >= bottom.top - SAME_EDGE]
    if not band:
        return None
    spans = [1]
    for e in edges:
        if any(abs((v.x0 + v.x1) / 2 - e) <= SAME_EDGE for v in band):
            spans.append(1)
        else:
            spans[-1] += 1
    return spans
