"""Unruled two-column tables set in two page columns: a number and its title, row under row, down the left
half of the page and on down the right half (the legislative mandates of a budget fascicle: ``46/232``
``Revitalization of the United Nations Secretariat``).

Such a table has no rules and its rows are not level across the page: each half is read on its own. A run
of lines in a type smaller than the body's, between two lines of the body's type, is one when a white band
runs down its middle (the gutter) and, in each half, every piece of text starts at one of two stops: the
number's, at the half's left edge, and the title's, well to its right. Rows are told apart by their
baselines: a cell's lines step by the leading, rows by more. The table's rows are the left half's, then
the right half's, as a reader reads them; ``pdf_tables_merge`` joins a table that goes on over the page. A
short table may fill one half only, under a heading: then every row has a number (with a digit) and a wider
title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Box, Cell, Line, Region, Source, Span
from .pdf_chars import Glyph, glyphs_box, glyphs_to_spans
from .pdf_furniture import Item

SMALLER = 1.0
"""pt: a list's type is at least this much smaller than the body's."""
RUN_STEP = 3.0
"""line sizes: a larger step between two lines of small type parts two runs."""
GUTTER_EM = 1.5
"""ems: the white band between the two halves is at least this wide."""
CENTRE = 0.1
"""share of the run's width: the gutter's middle is at most this far from the run's (two halves alike, not a
narrow column of abbreviations beside their long names)."""
PHRASE_EM = 1.0
"""ems: a wider gap inside a line parts two cells (a word space is about 0.25 em)."""
STOP = 2.0
"""pt: text starting this close to a stop starts at it."""
TITLE_EM = 3.0
"""ems: the title's stop is at least this far right of the number's."""
ROW_LEADING = 1.3
"""line sizes: a larger baseline step starts a new row (a cell's lines step by about 1.2 sizes)."""
SHORT = 0.6
"""share of a half's width: the lines of a half of numbers alone are no longer."""
MIN_ROWS = 3
"""rows of the two halves together, at least (or two, each with a number and its title)."""


@dataclass(frozen=True, slots=True)
class ColumnLists:
    """The tables found on a page as region lines, and the text items left."""

    regions: tuple[Line, ...]
    items: list[Item]


def find_column_lists(items: list[Item], page: int, body_size: float) -> ColumnLists:
    """Two-column tables set in two page columns among the page's body lines (``body_size``: the body's type)."""
    text = sorted((i for i in items if not i.kind and i.zone == "body" and i.ink and not i.vertical), key=lambda i: i.base)
    regions: list[Line] = []
    taken: set[int] = set()
    for run in _runs(text, body_size):
        rows = _table_rows(run, page, run[0] is not text[0])
        if rows is None:
            continue
        box = glyphs_box(g for i in run for g in i.ink)
        region = Region("table", rows, 0, source=Source(page=page, bbox=box))
        regions.append(Line((), Source(page=page, bbox=box), blank_before=True, zone="body", typeset=True,
                            exact_breaks=True, region=region))  # fmt: skip
        taken.update(id(i) for i in run)
    if not regions:
        return ColumnLists((), items)
    return ColumnLists(tuple(regions), [i for i in items if id(i) not in taken])


def _runs(text: Sequence[Item], body_size: float) -> list[list[Item]]:
    """Runs of consecutive lines in small type, each close under the one above."""
    runs: list[list[Item]] = []
    current: list[Item] = []
    for item in text:
        small = item.size <= body_size - SMALLER
        if small and current and item.base - current[-1].base <= RUN_STEP * item.size:
            current.append(item)
            continue
        if current:
            runs.append(current)
        current = [item] if small else []
    if current:
        runs.append(current)
    return runs


def _table_rows(run: Sequence[Item], page: int, under_text: bool) -> tuple[tuple[Cell, ...], ...] | None:
    """The run's rows of two cells, the left half's then the right half's, or ``None`` when it is no such table
    (``under_text``: some text of the page stands above the run, as a heading does over a table in one half)."""
    size = max(i.size for i in run)
    gutter = _gutter(run, size) if len(run) > 1 else None
    if gutter is None:  # one half only, under a heading: each row a number and a title
        if not under_text:
            return None
        alone = _half_rows([(i.base, i.ink) for i in run], size, page)
        return tuple(alone) if alone and all(_numbered(row) for row in alone) else None
    halves: list[list[tuple[float, list[Glyph]]]] = [[], []]
    for item in run:
        for side, glyphs in enumerate(([g for g in item.ink if g.x1 <= gutter], [g for g in item.ink if g.x0 >= gutter])):
            if glyphs:
                halves[side].append((item.base, glyphs))
    rows: list[tuple[Cell, ...]] = []
    tops: list[list[float]] = []
    a, b = (_offset(half, size) for half in halves)
    if a is not None and b is not None and abs(a - b) > 2 * STOP:
        return None  # the halves are set alike (a title as far right of its number in each): else four columns
    x0, x1 = min(g.x0 for i in run for g in i.ink), max(g.x1 for i in run for g in i.ink)
    for half, width in zip(halves, (gutter - x0, x1 - gutter), strict=True):
        read = _half_rows(half, size, page, width)
        if read is None:
            return None
        rows += read
        tops.append([_top(row) for row in read if all(c.spans for c in row)] if len(read) >= MIN_ROWS else [])
    left, right = tops
    if left and len(left) == len(right) == len(rows) // 2 and all(abs(a - b) <= 1.0 for a, b in zip(left, right, strict=True)):
        return None  # every row level across the gutter: one table of four columns, not two halves of a list
    rows = carried_on(rows)
    return tuple(rows) if len(rows) >= MIN_ROWS or (len(rows) > 1 and all(_numbered(r) for r in rows)) else None


def carried_on(rows: Sequence[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """The rows with each title that has no number of its own put back on the row above: the end of a title
    the layout carried over to the next half or page (every item of such a list has its number)."""
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        if out and len(row) == 2 == len(out[-1]) and not row[0].text.strip() and row[1].text.strip():
            number, title = out[-1]
            spans = (*title.spans, Span(" "), *row[1].spans) if title.spans else row[1].spans
            out[-1] = (number, replace(title, spans=spans))
            continue
        out.append(row)
    return out


def _numbered(row: tuple[Cell, ...]) -> bool:
    """A row of a table that fills one half: a symbol or number (with a digit) narrower than the title beside it,
    not a chart's legend nor a line of contents (a title, its leader dots and a page number)."""
    number, title = row
    if not number.spans or not title.spans or not any(c.isdigit() for c in number.text):
        return False
    a, b = (c.source.bbox if c.source is not None else None for c in row)
    return a is not None and b is not None and a.x1 - a.x0 < b.x1 - b.x0


def _top(row: tuple[Cell, ...]) -> float:
    return min(c.source.bbox.top for c in row if c.source is not None and c.source.bbox is not None)


def _gutter(run: Sequence[Item], size: float) -> float | None:
    """The middle of the white band down the run's middle, when one is wide enough."""
    spans = sorted((g.x0, g.x1) for i in run for g in i.ink)
    x0, x1 = spans[0][0], max(b for _, b in spans)
    lo, hi = (x0 + x1) / 2 - CENTRE * (x1 - x0), (x0 + x1) / 2 + CENTRE * (x1 - x0)
    best: tuple[float, float] | None = None
    reach = x0
    for a, b in spans:
        if a > reach and a - reach >= GUTTER_EM * size and lo <= (a + reach) / 2 <= hi:
            mid = (x0 + x1) / 2
            if best is None or abs((a + reach) / 2 - mid) < abs(sum(best) / 2 - mid):
                best = (reach, a)
        reach = max(reach, b)
    return sum(best) / 2 if best is not None else None


def _phrases(glyphs: list[Glyph], size: float) -> list[list[Glyph]]:
    out: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: g.x0):
        if out and g.x0 - max(h.x1 for h in out[-1]) <= PHRASE_EM * size:
            out[-1].append(g)
        else:
            out.append([g])
    return out


def _offset(half: list[tuple[float, list[Glyph]]], size: float) -> float | None:
    """How far right of the half's left edge its titles start, when it has titles."""
    stops = _stops([(base, _phrases(glyphs, size)) for base, glyphs in half])
    return None if stops is None or stops[1] is None else stops[1] - stops[0]


def _stops(lines: list[tuple[float, list[list[Glyph]]]]) -> tuple[float, float | None] | None:
    """The number's stop (the half's left edge) and the title's (where most other phrases start)."""
    if not lines:
        return None
    left = min(p[0].x0 for _, phrases in lines for p in phrases)
    others = Counter(round(p[0].x0) for _, phrases in lines for p in phrases if p[0].x0 > left + STOP)
    return left, (others.most_common(1)[0][0] if others else None)


def _half_rows(
    half: list[tuple[float, list[Glyph]]], size: float, page: int, width: float | None = None
) -> list[tuple[Cell, ...]] | None:
    """One half's rows: every phrase starts at the number's stop or at the title's; a step larger than a cell's
    leading starts a row. A half of numbers alone holds short lines (``width``: the half's; prose in two columns
    fills them)."""
    if not half:
        return []
    lines = [(base, _phrases(glyphs, size)) for base, glyphs in half]
    stops = _stops(lines)
    if stops is None:
        return []
    left, title = stops
    if title is not None and title - left < TITLE_EM * size:
        return None
    if title is None and width is not None and any(max(g.x1 for g in glyphs) - left > SHORT * width for _, glyphs in half):
        return None
    cells: list[tuple[list[tuple[float, list[Glyph]]], list[tuple[float, list[Glyph]]]]] = []
    last = None
    for base, phrases in lines:
        number = [g for p in phrases if p[0].x0 <= left + STOP for g in p]
        named = [g for p in phrases if title is not None and abs(p[0].x0 - title) <= STOP for g in p]
        if len(number) + len(named) < sum(len(p) for p in phrases):
            return None  # text at a third stop: not this layout
        if last is None or base - last > ROW_LEADING * size:
            cells.append(([], []))
        for k, glyphs in enumerate((number, named)):
            if glyphs:
                cells[-1][k].append((base, glyphs))
        last = base
    return [tuple(_cell(part, page) for part in row) for row in cells]


def _cell(lines: list[tuple[float, list[Glyph]]], page: int) -> Cell:
    spans: list[Span] = []
    for _, glyphs in lines:
        text = "".join(s.text for s in spans)
        if spans and not (len(text) >= 2 and text[-1] in "-\u2010" and text[-2].isalpha()):
            spans.append(Span(" "))  # a line that ends in a hyphen after a letter runs on with no space
        spans.extend(glyphs_to_spans(glyphs)[0])
    ink = [g for _, glyphs in lines for g in glyphs]
    box: Box | None = glyphs_box(ink) if ink else None
    return Cell(tuple(spans), source=Source(page=page, bbox=box))
