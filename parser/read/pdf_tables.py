"""Tables on a PDF page, found before its lines: where they stand and which rows of glyphs they hold.

A UN table is drawn with horizontal rules: a thin one over the column headings, a thick one under them (with
partial rules under a heading that spans several columns), a thick one under the last row; a word processor
draws each rule cell by cell, so the joints of a rule's pieces are the table's column edges. A table is a run
of rules, one under another and overlapping, where every band of text between two of them is tabular (a row of
it stands apart in columns) or empty; a caption or a paragraph between two tables parts them. A table that
goes on over the page (no rule under its last row) takes the rows under its last rule while they stay in its
columns. ``pdf_tables_edges`` puts the rules together from their pieces, ``pdf_tables_grid`` turns the rows
taken into cells; the rows taken leave the page's running text, and the rules inside a table are no footnote
separator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import Box, Line, Source
from ..regions import CAPTION
from .pdf_chars import Glyph, split_segments
from .pdf_furniture import Item
from .pdf_tables_edges import (
    RULE_HEIGHT,
    SAME_LEVEL,
    TOUCH,
    Rule,
    drawn_edges,
    heading_rule,
    heavier,
    horizontal_rules,
    level_width,
    partial_end,
    un_ruled,
)
from .pdf_tables_grid import table_region
from .pdf_zones import find_separator, numbered_heading

SIDE_GAP = 12.0
"""pt: partial rules at one level this close side by side are one table's (a narrow empty column between)."""
TABLE_MIN_WIDTH = 0.25
"""share of the page's width: a table's widest rule is at least this wide (a footnote separator is shorter)."""
OVERLAP = 0.5
"""share of the narrower rule: two rules of one table overlap at least this much across."""
FULL_WIDTH = 0.9
"""share of the widest rule: a narrower rule under it is a partial rule, drawn under a heading over columns."""
PROSE_WIDTH = 0.6
"""share of the table's width: a single run of text this wide between two rules is a line of prose."""
EDGE_SLACK = 1.0
"""pt: a glyph reaching this little over a column edge drawn by the rules does not cross it."""
APART = 0.4
"""ems: white wider than a word space (about 0.25 em) at a column edge parts two cells."""
EDGE = 3.0
"""pt: text starting this close to a table's left edge, alone on its line between two rules, is a caption or
a heading between two tables rather than a column heading."""
UNDERLINE = 0.25
"""line sizes: a rule at most this far under a line's baseline, within its width, underlines it."""
SIZE_SLACK = 0.5
"""pt: table text is never larger than the body type by more than this (a masthead's big type is)."""
FURNITURE_RULE = 8.0
"""pt: a rule this close under a running header, with no body text above it, belongs to the header."""
MIN_APART = 2
TABULAR_SHARE = 3
"""A band between two rules with at least ``MIN_APART`` lines standing apart in columns, and at least one such
line in ``TABULAR_SHARE``, is rows of a table even where other lines run across it (a cell's wrapped text, in a
document whose most common type is its tables')."""
HEADING_OVER = 2.0
"""line sizes: a heading this close over a table's first, partial rule is the table's (its top rule is not drawn)."""
MARGIN_MARK = 4
"""characters: text beside a table no longer than this is a mark in the margin (a clipped list number), not text."""
END_MARK = 24.0
"""pt: the shortest line a document's end mark is drawn as (a joint piece of a vertical rule is a point wide)."""
CONTINUE_STEP = 2.5
"""line sizes: a row under a table's last rule is taken while it is this close under the row above."""


@dataclass(frozen=True, slots=True)
class PageTables:
    """What the table finder takes from a page: the regions as lines, and what is left."""

    regions: tuple[Line, ...]
    items: list[Item]
    rules: list[Box]


def find_tables(
    items: list[Item], objects: Sequence[Box], rules: list[Box], page: int, width: float, body_size: float
) -> PageTables:
    """The page's tables as region lines; the text items and separator rules outside them (``body_size``: the
    document's body type, which no table text is larger than and in which its prose is set)."""
    hrules = [r for r in horizontal_rules(objects) if not _under_furniture(r, items) and not _underline(r, items)]
    hrules = [r for r in hrules if not _separator(r, items, width, body_size)]
    if len(hrules) < 2:
        return PageTables((), items, rules)
    text = [i for i in items if not i.kind and i.zone == "body" and i.ink and not i.vertical]
    regions: list[Line] = []
    taken: set[int] = set()
    boxes: list[Box] = []
    for group in (_headed(g, text) for g in _groups(hrules, text, width, body_size)):
        rows = [i for i in text if id(i) not in taken and _inside(i, group)]
        rows += _continued(group, text, rows, items, body_size)
        if not rows:
            continue
        region = table_region(group, rows, page, _verticals(objects, group), one_column=un_ruled(group))
        if region is None:
            continue
        taken.update(id(i) for i in rows)
        bottom = max(group[-1].bottom, *(max(g.bottom for g in i.ink) for i in rows))
        box = Box(min(r.x0 for r in group), group[0].top, max(r.x1 for r in group), bottom)
        boxes.append(box)
        for item in _beside(text, box, taken):
            item.kind = "table_margin"
        regions.append(Line((), Source(page=page, bbox=box), blank_before=True, zone="body", typeset=True,
                            exact_breaks=True, region=region))  # fmt: skip
    if not regions:
        return PageTables((), items, rules)
    left = [i for i in items if id(i) not in taken]
    free = [r for r in rules if not any(_within(r, b) for b in boxes)]
    return PageTables(tuple(regions), left, free)


def prose_size(items: Iterable[Item], body_size: float) -> float:
    """The type lines of running prose are set in: the body type, or a larger type most of the lines that run
    in one piece across most of the text column are set in (a document whose first pages are mostly tables
    has their type as its commonest)."""
    lines = [i for i in items if i.ink and not i.vertical and len(split_segments(i.glyphs)) == 1]
    x0, x1 = min((i.ink[0].x0 for i in lines), default=0.0), max((i.ink[-1].x1 for i in lines), default=0.0)
    sizes: Counter[float] = Counter()
    for i in lines:
        if i.ink[-1].x1 - i.ink[0].x0 > PROSE_WIDTH * (x1 - x0):
            sizes[round(i.size, 1)] += len(i.ink)
    return max([body_size, *(size for size, _ in sizes.most_common(1))])


def _verticals(objects: Sequence[Box], group: list[Rule]) -> list[Box]:
    """The vertical rules drawn inside the table (a word processor draws them cell by cell, row by row)."""
    x0, x1 = min(r.x0 for r in group) - TOUCH, max(r.x1 for r in group) + TOUCH
    top, bottom = group[0].top - SAME_LEVEL, group[-1].bottom + SAME_LEVEL
    return [
        o for o in objects
        if o.x1 - o.x0 <= RULE_HEIGHT and o.bottom - o.top > o.x1 - o.x0 and x0 <= o.x0 and o.x1 <= x1
        and top <= o.top and o.bottom <= bottom
    ]  # fmt: skip


def _under_furniture(rule: Rule, items: list[Item]) -> bool:
    """The rule under a running header (or over a footer): furniture text right by it and no body text beyond."""
    for item in items:
        if item.kind and item.ink:
            box = item.box
            if 0 <= rule.top - box.bottom <= FURNITURE_RULE and not any(
                not i.kind and i.ink and i.base < rule.top for i in items
            ):
                return True
    return False


def _underline(rule: Rule, items: list[Item]) -> bool:
    """The rule underlines text: drawn right under a line's baseline, within the line's width (a cell's border
    stands a cell's padding away from the text)."""
    return any(
        item.ink and not item.vertical and 0 <= rule.top - item.base <= UNDERLINE * item.size
        and item.ink[0].x0 - TOUCH <= rule.x0 and rule.x1 <= max(g.x1 for g in item.ink) + TOUCH
        for item in items
    )  # fmt: skip


def _separator(rule: Rule, items: list[Item], width: float, body_size: float) -> bool:
    """A short rule with notes under it, called on the page above: the footnote separator under a table that goes on
    over the page (no bottom rule of its own), not the table's closing rule."""
    if rule.x1 - rule.x0 >= TABLE_MIN_WIDTH * width:
        return False
    box = Box(rule.x0, rule.top, rule.x1, rule.bottom)
    found = find_separator(items, [box], body_size)  # the page's separator: this rule, or another (an underscore row)
    return found is not None and found.item is None and found.box == box


def _groups(hrules: list[Rule], text: list[Item], width: float, body_size: float) -> list[list[Rule]]:
    """Runs of rules that make one table each: overlapping, with only tabular or no text between them."""
    groups: list[list[Rule]] = []
    current: list[Rule] = []
    for rule in hrules:
        if current and _joins(current, rule, text, body_size):
            current.append(rule)
            continue
        if len(current) >= 2:
            groups.append(current)
        current = [rule]
    if len(current) >= 2:
        groups.append(current)
    return [g for g in groups if max(r.x1 - r.x0 for r in g) >= TABLE_MIN_WIDTH * width]


def _joins(current: list[Rule], rule: Rule, text: list[Item], body_size: float) -> bool:
    """The rule carries on the table of the rules above it: it overlaps them and the band of text between is
    tabular: empty, or standing apart in columns, or over a partial rule, and never in type larger than the
    body's nor a line of prose in the body's type."""
    last = current[-1]
    if abs(rule.top - last.top) <= SAME_LEVEL and (0 <= rule.x0 - last.x1 <= SIDE_GAP or 0 <= last.x0 - rule.x1 <= SIDE_GAP):
        return True  # partial rules side by side, under two headings each over its own columns
    widest = max(current, key=lambda r: r.x1 - r.x0)
    across = min(widest.x1, rule.x1) - max(widest.x0, rule.x0)
    if across < OVERLAP * min(widest.x1 - widest.x0, rule.x1 - rule.x0):
        return False
    if rule.x1 - rule.x0 < widest.x1 - widest.x0 and (rule.x0 < widest.x0 - TOUCH or rule.x1 > widest.x1 + TOUCH):
        return False  # narrower, yet out past the table's edge: no partial rule (a footnote separator under the table)
    top = current[-1].bottom
    band = [i for i in text if top < i.base < rule.top + 0.5 and _across(i, widest)]
    if not band:
        return not _end_mark(current, rule, widest)
    span = widest.x1 - widest.x0
    if any(i.size > body_size + SIZE_SLACK for i in band):
        return False
    apart = sum(1 for i in band if len(split_segments(i.glyphs)) >= 2)
    if apart >= MIN_APART and apart * TABULAR_SHARE >= len(band):
        return True  # rows in columns, some cells' text wrapped across the table (a table set in the body's type)
    if _closing_row(current, rule, band, widest, body_size):
        return True  # the table's last row: a heading in its type and a paragraph across it, then the bottom rule
    if any(_prose(i, span, body_size, drawn_edges([*current, rule])) for i in band) or any(CAPTION.match(i.text) for i in band):
        return False
    if apart or _under_headings(current, text) or heading_rule(current, rule, widest):
        return True  # rows in columns, or the first band under the rule that closes the column headings
    inside = widest.x0 - TOUCH <= rule.x0 and rule.x1 <= widest.x1 + TOUCH
    if inside and rule.x1 - rule.x0 < FULL_WIDTH * (widest.x1 - widest.x0) and _heads(rule, band):
        return True  # a partial rule, under a heading that spans columns: only inside a table
    wide = any(i.ink[-1].x1 - i.ink[0].x0 > PROSE_WIDTH * (widest.x1 - widest.x0) for i in band)
    return not wide and not any(abs(i.ink[0].x0 - widest.x0) <= EDGE for i in band)


def _closing_row(current: list[Rule], rule: Rule, band: list[Item], widest: Rule, body_size: float) -> bool:
    """The band is a table's last row (``External factors`` over a paragraph across the table): the rule under it
    is as wide as the one over it and heavier (the table's bottom rule; the next table's top rule is thin), the
    table has its headings already (two rules or more), the band's first line is in a type smaller than the
    body's at the table's left edge, and no line of it is a caption or starts left of the table."""
    last = current[-1]
    full = all(r.x1 - r.x0 >= FULL_WIDTH * (widest.x1 - widest.x0) for r in (last, rule))
    if len(current) < 2 or not full or not heavier(rule, last):
        return False
    first = min(band, key=lambda i: i.base)
    small = first.size < body_size - SIZE_SLACK and abs(first.ink[0].x0 - widest.x0) <= EDGE
    inside = all(i.ink[0].x0 >= widest.x0 - TOUCH and not CAPTION.match(i.text) for i in band)
    return small and inside


def _end_mark(current: list[Rule], rule: Rule, widest: Rule) -> bool:
    """A short line under the table's bottom rule, white between and nothing written there: the mark a document
    ends with (a short line centred under its last text), no partial rule (those stand under headings) of this
    table, nor the joints of vertical rules drawn right under it."""
    last = current[-1]
    full = last.x1 - last.x0 >= FULL_WIDTH * (widest.x1 - widest.x0)
    short = END_MARK <= rule.x1 - rule.x0 < OVERLAP * (widest.x1 - widest.x0)
    return len(current) >= 2 and full and short and rule.top - last.bottom > TOUCH


def _under_headings(current: list[Rule], text: list[Item]) -> bool:
    """The last rule closes the column headings: the first full-width rule under the top one, with text over it."""
    widest = max(r.x1 - r.x0 for r in current)
    full = [k for k, r in enumerate(current) if k and r.x1 - r.x0 >= FULL_WIDTH * widest]
    head = [i for i in text if current[0].bottom < i.base < current[-1].top and _across(i, current[-1])]
    return full == [len(current) - 1] and bool(head)


def _headed(group: list[Rule], text: list[Item]) -> list[Rule]:
    """A table whose first rule is a partial one, under a heading over some columns and with no rule over it
    (``Variance`` over ``$2 912.8  34.3%``): an undrawn top rule over the heading opens it."""
    first = group[0]
    widest = max(group, key=lambda r: r.x1 - r.x0)
    if first.x1 - first.x0 >= FULL_WIDTH * (widest.x1 - widest.x0):
        return group
    over = [i for i in text if first.top - HEADING_OVER * i.size < i.base < first.top and _heads(first, [i])]
    if not over or any(len(split_segments(i.glyphs)) > 1 and not _heads(first, [i]) for i in over):
        return group
    top = min(g.top for i in over for g in i.ink) - SAME_LEVEL
    return [Rule(widest.x0, widest.x1, top, top, drawn=False), *group]


def _heads(rule: Rule, band: list[Item]) -> bool:
    """Some text of the band stands over the rule, within its width: a heading over the columns it spans."""
    return any(
        rule.x0 - TOUCH <= seg[0].x0 and max(g.x1 for g in seg) <= rule.x1 + TOUCH
        for i in band
        for seg in split_segments(i.glyphs)
        if seg
    )


def _prose(item: Item, span: float, body_size: float, edges: Sequence[float] = ()) -> bool:
    """A line of running text: one run across most of the table's width, in the body's type, that does not
    leave white at the column edges the table's rules draw (``edges``)."""
    wide = item.ink[-1].x1 - item.ink[0].x0 > PROSE_WIDTH * span and len(split_segments(item.glyphs)) == 1
    return wide and item.size >= body_size - SIZE_SLACK and not _columned(item, edges)


def _columned(item: Item, edges: Sequence[float]) -> bool:
    """The line stands in two columns or more and leaves white at every column edge: cells of one row set close
    together (wrapped text in narrow columns), not a line of prose, which runs over the edges."""
    ink = [g for g in item.ink if not g.text.isspace()]
    return bool(edges) and _apart_at(ink, edges) and _columns(ink, edges) >= 2


def _columns(ink: Sequence[Glyph], edges: Sequence[float]) -> int:
    """How many of the columns the edges part the glyphs stand in."""
    return len({sum(1 for e in edges if g.x0 > e) for g in ink if not g.text.isspace()})


def _apart_at(ink: Sequence[Glyph], edges: Sequence[float]) -> bool:
    """Every column edge within the line's ink falls in a gap wider than a word space (a cell's margins: no glyph
    crosses it and the words on either side are not one sentence running on)."""
    for e in edges:
        left = [g.x1 for g in ink if g.x1 <= e + EDGE_SLACK]
        right = [g.x0 for g in ink if g.x0 >= e - EDGE_SLACK]
        if len(left) + len(right) < len(ink):
            return False  # a glyph crosses the edge
        if left and right and min(right) - max(left) <= APART * max(g.size for g in ink):
            return False
    return True


def _across(item: Item, rule: Rule) -> bool:
    return min(g.x0 for g in item.ink) < rule.x1 and max(g.x1 for g in item.ink) > rule.x0


def _inside(item: Item, group: list[Rule]) -> bool:
    x0, x1 = min(r.x0 for r in group) - TOUCH, max(r.x1 for r in group) + TOUCH
    box = item.box
    return group[0].top < item.base < group[-1].top + 0.5 and box.x0 >= x0 and box.x1 <= x1


def _continued(group: list[Rule], text: list[Item], rows: list[Item], items: list[Item], body_size: float) -> list[Item]:
    """Rows under the table's last rule that carry it on to the page's end (its bottom rule is on the next page):
    within its width, never larger than the body type nor a line of prose, each close under the one above; where
    rules part rows above the last one, it may be the table's bottom rule, and the table goes on only up to the
    last line that crosses none of the column edges the rules draw, and after a line that crosses them (a note
    under a table, or a row heading over two columns) only up to a row standing in two columns or more."""
    last = group[-1]
    above = [r for r in group[1:-1] if level_width(group, r) >= FULL_WIDTH * (last.x1 - last.x0)]
    edges = drawn_edges(group)
    closed = any(i.base < r.top for i in rows for r in above)
    if not rows or any(i.base > last.top for i in rows) or (closed and not edges):
        return []  # no rows, or the last rule is under rows of the body (the table's bottom rule)
    if partial_end(group, rows, last.x1 - last.x0) is not None:
        return []  # the last rule is under the row the partial rules of the headings open
    below = sorted((i for i in text if i.base > last.bottom), key=lambda i: i.base)
    x0, x1 = min(r.x0 for r in group) - TOUCH, max(r.x1 for r in group) + TOUCH
    out: list[Item] = []
    prev = last.bottom
    upto, crossed = 0, False
    for item in below:
        box = item.box
        if box.x1 < x0 or box.x0 > x1:
            continue  # wholly beside the table, in the page's margin: no row of it, nor its end
        if box.x0 < x0 or box.x1 > x1 or box.top - prev > CONTINUE_STEP * item.size:
            break
        if item.size > body_size + SIZE_SLACK or _prose(item, x1 - x0, body_size, edges):
            break
        if (out and item.size < out[-1].size - SIZE_SLACK) or not item.text.strip("_ "):
            break  # notes in smaller type under the rows, or the footnote separator drawn as a line of underscores
        out.append(item)
        prev = box.bottom
        if not closed:
            upto = len(out)
        elif not _apart_at(item.ink, edges):
            crossed = True  # a row heading across columns, or a note: only rows in the columns after it go on
        elif not crossed or _columns(item.ink, edges) >= 2:
            upto, crossed = len(out), False
    if closed:  # under a rule that may be the bottom one (rules between rows above it), up to the last row in its
        out = out[:upto]  # columns: a row heading across two of them above it (``Facilities Management Unit``)
    while out and numbered_heading(out[-1]):
        out.pop()  # ``A. The Commission`` last under the column headings: the heading of the text below, not a row
    end = out[-1].base if out else 0.0
    later = [i for i in items if not i.kind and i.ink and i.base > end and i.size >= body_size - SIZE_SLACK]
    return out if out and not later else []  # only notes (smaller type) under it: the table goes on over the page


def _beside(text: list[Item], box: Box, taken: set[int]) -> list[Item]:
    """Marks in the page's margin beside a table, wholly out of its columns and out past all the page's other text
    (a list number a word processor draws outside a cell and clips, ``1.`` at the first row of every page): no
    row of it and no running text. A chart's axis labels beside a table stand within the text column."""
    marks = [
        i for i in text
        if id(i) not in taken and box.top < i.base < box.bottom and (i.box.x1 < box.x0 - TOUCH or i.box.x0 > box.x1 + TOUCH)
        and len(i.text.replace(" ", "")) <= MARGIN_MARK
    ]  # fmt: skip
    others = [i.box for i in text if not any(i is m for m in marks)]
    if not others:
        return []
    left, right = min(b.x0 for b in others), max(b.x1 for b in others)
    return [m for m in marks if m.box.x1 < left - TOUCH or m.box.x0 > right + TOUCH]


def _within(rule: Box, box: Box) -> bool:
    return box.top - SAME_LEVEL <= rule.top <= box.bottom + SAME_LEVEL and box.x0 - TOUCH <= rule.x0 and rule.x1 <= box.x1 + TOUCH


def place_regions(lines: Sequence[Line], regions: Sequence[Line]) -> list[Line]:
    """The body lines of a page with each region line put where it stands: before the first line under its top."""
    out = list(lines)
    for region in sorted(regions, key=_top):
        at = next((k for k, line in enumerate(out) if line.region is None and _top(line) > _top(region)), len(out))
        if at == 0 and out and out[0].page_start:
            region = replace(region, page_start=True)
        out.insert(at, region)
    return out


def _top(line: Line) -> float:
    box = line.source.bbox
    return box.top if box is not None else 0.0
