"""A table's rows of glyphs as a grid of cells: columns, heading rows, body rows, spans.

Columns come from the joints of the table's rules (``pdf_tables_edges``), or, where the rules are drawn
whole, from the white gaps every row of the body leaves at the same place. Words closer than ``PHRASE_GAP``
are one phrase; a phrase that crosses a column edge makes its cell span both columns. The column headings
are the text above the first full-width rule under the top one: the partial rules among them (under
``Variance``, over its ``Amount`` and ``Percentage``) cut them into heading rows, a heading no partial rule
cuts spans them all, and a cell of a heading row spans the columns the rule over it draws in one piece.
Body rows are told apart by their baselines (``pdf_tables_rows``): the lines of one cell step by the
table's leading, rows by more, or a rule lies between them; a row with text only where the cells above run
on over several lines is their next paragraphs. The white band of an empty row under the headings (the UN layout's spacer) is a
heading row of empty cells; the band over the bottom rule is the last row's padding (the Word row that draws
that rule, 1.45 pt high, prints nothing), unless vertical rules drawn row by row draw a row there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ..model import Box, Cell, Region, Source, Span
from .pdf_chars import Glyph, glyphs_box, glyphs_to_spans, split_segments
from .pdf_furniture import Item
from .pdf_tables_edges import FULL_WIDTH, SAME_EDGE, Rule, cluster, drawn_edges, heading_end, partial_end, runs_across
from .pdf_tables_rows import Phrase, body_rows, drawn_under, row_bounds

PHRASE_GAP = 0.6
"""ems: words closer than this are one phrase of one cell (a word space is about 0.25 em; two cells of a
row stand at least a cell margin on each side apart)."""
WORD_GAP = 1.0
"""pt: a gap this wide between two glyphs with a column edge in it parts two cells, however narrow the margins."""
SPACE_GAP = 0.4
"""ems: in a line of one run (no wide gap anywhere in it), a gap at a column edge parts two cells only when it is
wider than this: a word space (about 0.25 em) does not (a cell spanning the row, its words run over the edges)."""
TYPED_GAP = 0.1
"""ems: the least gap a typed space between two glyphs stands in (letters of a word stand closer)."""
EDGE_SLACK = 1.0
"""pt: a phrase reaching this little over a column edge stays in its column."""
SPACER_EM = 0.3
"""ems of the body rows' size: white space this tall between the rule under the headings and the first row
is an empty row (the UN tables' spacer row; without one the band is a cell's padding, about 0.15 em over the
glyphs' tops; with one, 0.45 em or more)."""
MIN_COLUMNS = 2
MIN_FULL_ROWS = 2
"""A table has at least this many rows with text in ``MIN_COLUMNS`` cells or more (one less where its rules are
drawn cell by cell: ``Variance`` over one row of figures)."""


def table_region(
    group: Sequence[Rule], rows: Sequence[Item], page: int, verticals: Sequence[Box] = (), one_column: bool = False
) -> Region | None:
    """The table drawn by these rules and holding these rows of glyphs, or ``None`` when it is not one
    (``verticals``: the vertical rules drawn inside it, piece by piece; ``one_column``: the rules are a table's
    whatever its columns, so rows of one column, or rows that span all the columns the rules draw, are one)."""
    x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
    end = heading_end(group, rows, x1 - x0)
    partial = end is None and (end := partial_end(group, rows, x1 - x0)) is not None
    body = [i for i in rows if end is None or i.base > end.top]
    edges = _edges(group, body or list(rows), x0, x1, verticals)
    found = _grid(group, rows, page, verticals, (end, partial), edges)
    if found is None and one_column:  # the rules are a table's: its columns are the rules' (white at a list's markers is none)
        drawn = edges if drawn_edges(group, verticals) else []
        return _grid(group, rows, page, verticals, (end, partial), drawn, single=True)
    return found


def _grid(
    group: Sequence[Rule], rows: Sequence[Item], page: int, verticals: Sequence[Box], heads: tuple[Rule | None, bool],
    edges: list[float], single: bool = False,
) -> Region | None:  # fmt: skip
    """The table with these column edges (``heads``: the rule closing its headings, and whether it is a partial
    one); ``single``: a table whatever stands in its columns."""
    end, partial = heads
    body = [i for i in rows if end is None or i.base > end.top]
    if len(edges) + 1 < MIN_COLUMNS and not single:
        return None
    phrases = {id(i): _phrases(i, edges) for i in rows}
    if not single and not any(len({p.first for p in phrases[id(i)]}) >= 2 for i in rows):
        return None  # nothing stands in two columns: a box around text, not a table
    heading: list[list[Cell]] = []
    if end is not None and body:
        head = [i for i in rows if i.base < end.top]
        heading = _heading(group, end, head, phrases, edges, page)
        if not partial and _spacer(end, body):
            heading.append([Cell((), source=Source(page=page)) for _ in range(len(edges) + 1)])
    lines = body_rows(body if end else rows, group, phrases, row_bounds(verticals))
    nexts = [min(i.base for i in r) for r in lines[1:]] + [float("inf")]
    under = [r for r in group if lines and min(i.base for i in lines[0]) < r.top and r.cuts]  # rules under body rows
    columns = len(edges) + 1
    spans = [_undrawn(r, n, group, edges, under) for r, n in zip(lines, nexts, strict=True)]
    out = heading + [_row(r, phrases, columns, page, s) for r, s in zip(lines, spans, strict=True)]
    empty = [Cell((), source=Source(page=page)) for _ in range(len(edges) + 1)]
    if end is None and _spacer(group[0], rows):
        out.insert(0, empty)
    drawn = drawn_under(verticals, group[-1], rows, edges)  # white over the bottom rule is the last row's padding
    if drawn is not None:
        out.append([Cell((), col_span=span, source=Source(page=page)) for span in drawn])
    full = MIN_FULL_ROWS - 1 if any(r.cuts for r in group) else MIN_FULL_ROWS  # cells a word processor drew
    if not single and sum(1 for row in out if sum(1 for c in row if c.spans) >= MIN_COLUMNS) < full:
        return None  # a masthead between two rules, a box: not rows of columns
    return Region("table", tuple(tuple(r) for r in out), len(heading), source=Source(page=page, bbox=_box(rows)))


def _box(rows: Sequence[Item]) -> Box:
    return glyphs_box(g for i in rows for g in i.ink)


def _edges(group: Sequence[Rule], body: Sequence[Item], x0: float, x1: float, verticals: Sequence[Box]) -> list[float]:
    """Column edges: the rules' joints, or else the gaps every body row leaves white."""
    cuts = drawn_edges(group, verticals)
    if cuts:
        return cuts
    spans: list[tuple[float, float]] = []
    for item in body:
        parts = _runs(item.ink)
        if len(parts) >= 2:
            spans += [(p[0].x0, max(g.x1 for g in p)) for p in parts]
    spans.sort()
    edges: list[float] = []
    reach = x0
    for a, b in spans:
        if a > reach + SAME_EDGE and reach > x0:
            edges.append((reach + a) / 2)
        reach = max(reach, b)
    return [e for e in edges if x0 < e < x1]


def _runs(ink: Sequence[Glyph], edges: Sequence[float] = (), one_run: bool = False) -> list[list[Glyph]]:
    """The glyphs of a row in phrases: runs whose gaps are under ``PHRASE_GAP`` ems and hold no column edge (no
    edge in a gap wider than a word space, in a line that is ``one_run``)."""
    out: list[list[Glyph]] = []
    edge = 0.0
    for g in sorted(ink, key=lambda g: g.x0):
        parting = SPACE_GAP * g.size if one_run else WORD_GAP
        near = out and g.x0 - edge <= PHRASE_GAP * max(g.size, out[-1][-1].size)
        if near and not any(edge - EDGE_SLACK < e < g.x0 + EDGE_SLACK and g.x0 - edge > parting for e in edges):
            out[-1].append(g)
        else:
            out.append([g])
        edge = max(edge, g.x1) if len(out[-1]) > 1 else g.x1
    return out


def _column(x: float, edges: Sequence[float]) -> int:
    return sum(1 for e in edges if x > e)


def _phrases(item: Item, edges: Sequence[float]) -> list[Phrase]:
    """The line's phrases, each with the spaces typed between its words (a space set tighter than a word gap,
    in a justified cell, is still a space)."""
    out: list[Phrase] = []
    spaces = [g for g in item.glyphs if g.text.isspace()]
    for run in _runs(item.ink, edges, len(split_segments(item.glyphs)) == 1):
        x0, x1 = run[0].x0, max(g.x1 for g in run)
        first, last = _column(x0 + EDGE_SLACK, edges), _column(x1 - EDGE_SLACK, edges)
        typed = [g for g in spaces if _between(g, run)]
        glyphs = sorted([*run, *typed], key=lambda g: g.x0) if typed else run
        out.append(Phrase(tuple(glyphs), item.base, first, max(first, last)))
    return out


def _between(space: Glyph, run: Sequence[Glyph]) -> bool:
    """A typed space in a gap between two of the run's glyphs, on their line: not one of a run of spaces drawn
    over the letters (padding), nor a line above's sharing the row."""
    mid = (space.x0 + space.x1) / 2
    return any(
        abs(space.base - a.base) <= 0.5 and b.x0 - a.x1 >= TYPED_GAP * a.size and a.x1 - 0.5 <= mid <= b.x0 + 0.5
        for a, b in pairwise(run)
    )


def _cell(phrases: Sequence[Phrase], page: int, span: int = 1, rows: int = 1) -> Cell:
    """A cell's text: its phrases line by line, one space between lines."""
    spans: list[Span] = []
    lines: dict[float, list[Glyph]] = {}
    for p in phrases:
        lines.setdefault(round(p.base, 1), []).extend(p.glyphs)
    for _, glyphs in sorted(lines.items()):
        if spans and not _hyphened(spans[-1].text):
            spans.append(Span(" "))
        spans.extend(glyphs_to_spans(sorted(glyphs, key=lambda g: g.x0))[0])
    ink = [g for p in phrases for g in p.glyphs]
    return Cell(tuple(spans), rows, span, Source(page=page, bbox=glyphs_box(ink)) if ink else Source(page=page))


def _hyphened(text: str) -> bool:
    """A line of a cell that ends in a hyphen after a letter (``One-`` over ``Stop Shop``) runs on with no space."""
    return len(text) >= 2 and text[-1] in "-\u2010" and text[-2].isalpha()


def _undrawn(
    lines: Sequence[Item], below: float, group: Sequence[Rule], edges: Sequence[float], body: Sequence[Rule]
) -> set[int]:
    """The column edges (by index) the row's cells span: those the rule right under it (over ``below``, the next
    row's baseline), drawn cell by cell, has no joint at; for a row with no rule right under it, those no rule
    under the body's rows (``body``) draws. A column the heading rows need between two groups of columns and
    the body does not (its cells span it)."""
    bottom = max(i.base for i in lines)
    under = [r for r in group if bottom < r.top < below]
    rule = min(under, key=lambda r: r.top) if under else None
    rules = [rule] if rule is not None else list(body)
    if not rules or not all(r.cuts for r in rules):
        return set()
    return {k for k in range(len(edges)) if all(runs_across(r, edges, k) for r in rules)}


def _row(lines: Sequence[Item], phrases: dict[int, list[Phrase]], columns: int, page: int, undrawn: set[int]) -> list[Cell]:
    """One body row: a cell per column, a phrase that crosses edges, or an edge the rule under the row does not
    draw, joining its columns into one cell."""
    mine = [p for i in lines for p in phrases[id(i)]]
    joined = list(range(columns))  # the first column of the cell each column belongs to
    for k in sorted(undrawn):
        if k + 1 < columns:
            joined[k + 1] = joined[k]
    for p in mine:
        for c in range(p.first + 1, min(p.last, columns - 1) + 1):
            joined[c] = joined[p.first]
    cells: list[Cell] = []
    c = 0
    while c < columns:
        last = c
        while last + 1 < columns and joined[last + 1] == joined[c]:
            last += 1
        cells.append(_cell([p for p in mine if c <= min(p.first, columns - 1) <= last], page, last - c + 1))
        c = last + 1
    return cells


def _spacer(end: Rule, body: Sequence[Item]) -> bool:
    """A white band under the rule taller than a cell's padding: an empty row."""
    first = min(body, key=lambda i: i.base)
    top = min(g.top for g in first.ink)
    return top - end.bottom >= SPACER_EM * first.size


def _heading(group: Sequence[Rule], end: Rule, head: Sequence[Item], phrases: dict[int, list[Phrase]],
             edges: Sequence[float], page: int) -> list[list[Cell]]:  # fmt: skip
    """The heading rows: cut by the partial rules between the top rule and ``end``."""
    if not head:
        return []
    columns = len(edges) + 1
    bounds = [0.0, *edges, float("inf")]
    mids = [(max(a, group[0].x0) + min(b, group[0].x1)) / 2 for a, b in pairwise(bounds)]
    partial = [r for r in group if group[0].top < r.top < end.top]
    levels = cluster(sorted(r.top for r in partial))
    cut = [[any(abs(r.top - y) <= SAME_EDGE and r.x0 <= m <= r.x1 for r in partial) for m in mids] for y in levels]
    over = [[group[0]], *([r for r in partial if abs(r.top - y) <= SAME_EDGE] for y in levels)]
    ys = [group[0].top, *levels, end.top]
    narrow = [r for r in group if r.x1 - r.x0 < FULL_WIDTH * (group[-1].x1 - group[-1].x0)]
    under = [[r for r in narrow if abs(r.top - y) <= SAME_EDGE] for y in ys[1:]]
    mine = [p for i in head for p in phrases[id(i)]]
    covered: set[tuple[int, int]] = set()
    rows: list[list[Cell]] = []
    for k in range(len(levels) + 1):
        row: list[Cell] = []
        c = 0
        while c < columns:
            if (k, c) in covered:
                c += 1
                continue
            down = k + 1
            while down <= len(levels) and not cut[down - 1][c]:
                down += 1
            last = c
            band = [p for p in mine if ys[k] < p.base < ys[down]]
            while (
                last + 1 < columns
                and (k, last + 1) not in covered
                and (
                    _joined(over[k], edges[last], mids, band, c, last + 1)
                    or _over_partial(under[down - 1], mids, band, c, last + 1)
                )
            ):
                last += 1
            covered.update((r, col) for r in range(k, down) for col in range(c, last + 1))
            inside = [p for p in mine if ys[k] < p.base < ys[down] and c <= p.first <= last]
            row.append(_cell(inside, page, last - c + 1, down - k))
            c = last + 1
        rows.append(row)
    return _without_empty_rows(rows)


def _without_empty_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The heading rows without those every cell of which spans down from a row above (no ``<tr>`` is empty)."""
    empty = [k for k, row in enumerate(rows) if not row]
    out: list[list[Cell]] = []
    for k, row in enumerate(rows):
        if row:
            out.append([replace(c, row_span=c.row_span - sum(1 for e in empty if k < e < k + c.row_span)) for c in row])
    return out


def _over_partial(under: Sequence[Rule], mids: Sequence[float], band: Sequence[Phrase], a: int, b: int) -> bool:
    """Heading columns ``a`` to ``b`` are one cell: a partial rule under the heading covers them both, and over it
    the heading's words run on across the edge between ``b - 1`` and ``b`` a word space apart (``2024/25 variance``
    over the rule under its two columns; headings of their own columns stand a cell margin apart)."""
    if not any(rule.x0 <= mids[a] and mids[b] <= rule.x1 for rule in under):
        return False
    for p in band:
        for q in band:
            gap = q.x0 - p.x1
            if p.last == b - 1 and q.first == b and abs(p.base - q.base) < 0.5 and 0 < gap <= PHRASE_GAP * p.glyphs[-1].size:
                return True
    return False


def _joined(over: Sequence[Rule], edge: float, mids: Sequence[float], band: Sequence[Phrase], a: int, b: int) -> bool:
    """Heading columns ``a`` to ``b`` are one cell: a heading phrase of the band crosses the edge between
    ``b - 1`` and ``b``, or the rule over them is drawn in one piece across it."""
    if any(p.first <= a and p.last >= b for p in band):
        return True
    left, right = mids[a], mids[b]
    for rule in over:
        if rule.cuts and rule.x0 <= left and right <= rule.x1 and not any(abs(c - edge) <= SAME_EDGE for c in rule.cuts):
            return True
    return False
