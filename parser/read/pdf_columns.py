"""Pages after the first set in two columns of running text: each column read whole, not line by line.

Rows are clustered by baseline across the whole page, so where two columns share their baselines a row holds a
line of each, and where they do not the rows alternate between them. A page is set in two columns when a white
vertical band (the gutter) runs through most of its rows, with enough lines on each side, and each side reads as
a column of prose: its lines start at one edge and most of them run to the other (a table's cells, a figure's
labels or a legend beside a chart do neither). The rows that cross the gutter (a heading or a note across the
page) cut the page into stripes; each stripe is read left column first, then right, each column's lines from
the top. The right column's lines are measured from its own edge (``Item.column_edge``), so a line flush with it
is flush.

Tables and figures are found before (``pdf_tables``, ``pdf_figures``): their rows are no longer items here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

from .pdf_furniture import Item, glyphs_to_item

_X0 = attrgetter("x0")

GUTTER_EM = 1.2
"""ems of body type: a white band at least this wide through the rows may be a gutter (a river of word spaces in
justified text is narrower and never runs through most rows)."""
GUTTER_ROWS = 0.8
"""Share of the page's rows (within the run of rows that have ink on both sides) with no ink in the band."""
MIN_COLUMN_LINES = 8
"""Lines on each side of the gutter, at least: fewer make no column (a caption beside a picture)."""
COLUMN_EM = 12.0
"""ems of body type: each column is at least this wide (table columns and chart legends are narrower)."""
EDGE_SHARE = 0.6
"""Share of a column's lines that start at its edge (within ``EDGE_EM``) and, as many, that end at its other edge
(within ``FILL_EM``): lines of prose fill their column; a table's cells and a figure's labels do not..."""
EDGE_EM = 0.5
"""...ems of body type from the column's usual start..."""
FILL_EM = 2.0
"""...and from its right edge, where ragged lines of prose stop short by a word or so."""


@dataclass(frozen=True, slots=True)
class Gutter:
    x0: float
    x1: float


def column_order(items: Sequence[Item], body_size: float) -> list[Item] | None:
    """The page's upright text items read column by column, rows split at the gutter; ``None`` when the page is
    not set in two columns of prose."""
    rows = [i for i in items if i.ink and not i.vertical]
    gutter = find_gutter(rows, body_size)
    if gutter is None:
        return None
    left: list[Item] = []
    right: list[Item] = []
    across: list[Item] = []
    for item in rows:
        a = [g for g in item.glyphs if g.x1 <= gutter.x0]
        b = [g for g in item.glyphs if g.x0 >= gutter.x1]
        if len(a) + len(b) < len(item.glyphs):
            across.append(item)
            continue
        if a:
            left.append(item if not b else glyphs_to_item(a))
        if b:
            right.append(item if not a else glyphs_to_item(b))
    left, right = [i for i in left if i.ink], [i for i in right if i.ink]
    edge = _usual(min(g.x0 for g in i.ink) for i in right)
    for item in right:
        item.column_edge = edge
    out: list[Item] = []
    for stripe in _stripes(left, right, across):
        out.extend(stripe)
    out.extend(i for i in items if i not in rows)
    return out


def find_gutter(rows: Sequence[Item], body_size: float) -> Gutter | None:
    """The white band that parts the page's rows into two columns of prose, if there is one."""
    inks = [(min(g.x0 for g in i.ink), max(g.x1 for g in i.ink), i) for i in rows if i.ink]
    if len(inks) < MIN_COLUMN_LINES:
        return None
    lo, hi = min(a for a, _, _ in inks), max(b for _, b, _ in inks)
    steps = [0] * (int(hi - lo) + 3)  # +1 where a run of ink starts, -1 after it ends: summed, the rows inked at x
    for _, _, item in inks:
        for start, end in _ink_runs(item, body_size):
            steps[int(start - lo)] += 1
            steps[int(end - lo) + 1] -= 1
    covered = list(accumulate(steps))[:-1]
    need = GUTTER_ROWS * len(inks)
    band: Gutter | None = None
    best = -1
    x = int(COLUMN_EM * body_size)
    while x < len(covered) - COLUMN_EM * body_size:
        if len(inks) - covered[x] < need:
            x += 1
            continue
        end = x
        while end + 1 < len(covered) and len(inks) - covered[end + 1] >= need:
            end += 1
        if end - x + 1 >= GUTTER_EM * body_size and end - x > best:
            band, best = Gutter(lo + x, lo + end + 1), end - x
        x = end + 1
    if band is None or not _prose_on_both_sides(inks, band, body_size):
        return None
    return band


def _ink_runs(item: Item, body_size: float) -> list[tuple[float, float]]:
    """Where a row has ink, its glyphs' boxes merged across word spaces (gaps under the gutter's width)."""
    runs: list[tuple[float, float]] = []
    gap = GUTTER_EM * body_size
    start = end = 0.0
    for g in sorted(item.ink, key=_X0):
        x0, x1 = g.x0, g.x1
        if runs and x0 - end < gap:
            if x1 > end:
                end = x1
            runs[-1] = (start, end)
        else:
            start, end = x0, x1
            runs.append((start, end))
    return runs


def _prose_on_both_sides(inks: list[tuple[float, float, Item]], band: Gutter, body_size: float) -> bool:
    for side in ("left", "right"):
        spans: list[tuple[float, float]] = []
        for _, _, item in inks:
            glyphs = [g for g in item.ink if (g.x1 <= band.x0 if side == "left" else g.x0 >= band.x1)]
            if glyphs:
                spans.append((min(g.x0 for g in glyphs), max(g.x1 for g in glyphs)))
        if len(spans) < MIN_COLUMN_LINES:
            return False
        start = _usual(a for a, _ in spans)
        end = max(b for _, b in spans)
        if end - start < COLUMN_EM * body_size:
            return False
        at_edge = sum(abs(a - start) <= EDGE_EM * body_size for a, _ in spans)
        filled = sum(end - b <= FILL_EM * body_size for _, b in spans)
        if min(at_edge, filled) < EDGE_SHARE * len(spans):
            return False
    return True


def _stripes(left: list[Item], right: list[Item], across: list[Item]) -> list[list[Item]]:
    """Runs of the page between rows that cross the gutter, each as its left column then its right one."""

    def top(item: Item) -> float:
        return min(g.top for g in item.ink)

    cuts = sorted(across, key=top)
    out: list[list[Item]] = []
    above = float("-inf")
    for cut in [*cuts, None]:
        below = top(cut) if cut is not None else float("inf")
        stripe = [i for i in sorted(left, key=top) if above <= top(i) < below]
        stripe += [i for i in sorted(right, key=top) if above <= top(i) < below]
        if cut is not None:
            stripe.append(cut)
            above = below
        out.append(stripe)
    return out


def _usual(xs: Iterable[float]) -> float:
    """The most common whole-point value (its smallest exact value)."""
    values = sorted(xs)
    if not values:
        return 0.0
    mode = Counter(round(v) for v in values).most_common(1)[0][0]
    return min(v for v in values if round(v) == mode)
