"""A table's rules, put together from the pieces drawn, as the edges of its cells: columns where the rules'
pieces meet, the rule that closes the column headings.

A word processor draws each rule cell by cell, so the joints of a rule's pieces are the table's column edges,
and the ends of the partial rules among the headings (under ``Variance``, over its ``Amount`` and ``Percentage``)
are edges too. Two joints a hair apart are one edge drawn as a double rule; ``pdf_tables_grid`` cuts the table's
rows of glyphs into cells at these edges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Box
from .pdf_furniture import Item

RULE_HEIGHT = 2.5
"""pt: a drawn object at most this tall (a line, a thin rectangle) is a horizontal rule."""
RULE_MIN_WIDTH = 1.0
"""pt: a narrower piece of a rule is a joint, drawn where two cells meet."""
SAME_LEVEL = 1.0
"""pt: pieces whose tops are this close are one rule."""
TOUCH = 2.0
"""pt: pieces this close end to end are one rule; their meeting point is a joint."""
DOUBLE_RULE = 3.0
"""pt: joints of the rules this close are one column edge, drawn as a double rule (two thin lines with a
hairline between); a narrow column a word processor keeps between two others is wider."""
SAME_VERTICAL = 1.0
"""pt: pieces of vertical rules whose middles are this close are one line down the table (a thick piece and a
thin one drawn from the same edge)."""
SAME_EDGE = 2.0
"""pt: column edges this close are one."""
FULL_WIDTH = 0.9
"""share of the table's width: a rule this wide closes the headings (a narrower one is a partial rule)."""
HEAVIER = 1.5
"""times: a full-width rule this much heavier than the one thin rule over it closes the column headings between
them (a UN table's thin top rule and thick heading rule); between two tables the heavy bottom rule of the one
comes before the thin top rule of the next, never after it."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule of the page, put together from its pieces; ``cuts`` are where its pieces meet."""

    x0: float
    x1: float
    top: float
    bottom: float
    cuts: tuple[float, ...] = ()
    drawn: bool = True
    """False for the top rule a table's headings stand under when none is drawn (``pdf_tables._headed``)."""
    narrow: tuple[tuple[float, float], ...] = ()
    """Pairs of joints closer than ``DOUBLE_RULE`` with a piece of the rule between them: the two sides of a
    narrow cell (a double rule leaves no piece between its two lines)."""


def horizontal_rules(objects: Sequence[Box]) -> list[Rule]:
    """The page's horizontal rules, each put together from the pieces drawn at one height, top to bottom."""
    flat = sorted((o for o in objects if o.bottom - o.top <= RULE_HEIGHT and o.x1 - o.x0 > 0), key=lambda o: (o.top, o.x0))
    levels: list[list[Box]] = []
    for o in flat:
        if levels and abs(o.top - levels[-1][0].top) <= SAME_LEVEL:
            levels[-1].append(o)
        else:
            levels.append([o])
    out: list[Rule] = []
    for level in levels:
        level.sort(key=lambda o: o.x0)
        run: list[Box] = []
        for o in level:
            if run and o.x0 - max(p.x1 for p in run) > TOUCH:
                out.append(_rule(run))
                run = []
            run.append(o)
        out.append(_rule(run))
    out.sort(key=lambda r: (r.top, r.x0))
    return out


def _rule(pieces: list[Box]) -> Rule:
    joints: list[float] = []
    narrow: list[tuple[float, float]] = []
    end = pieces[0].x1
    kinds = ""  # what each piece was: j a joint, s a short piece of the rule, p a longer one
    for a in pieces[1:]:
        if a.x1 - a.x0 < RULE_MIN_WIDTH + 0.6:  # a joint piece, drawn where two cells meet
            joints.append((a.x0 + a.x1) / 2)
            if kinds.endswith("js") and len(joints) >= 2:
                narrow.append((joints[-2], joints[-1]))  # the rule over a narrow cell between two joints
            kinds += "j"
            end = max(end, a.x1)
            continue
        if a.x0 > end + 0.05:
            joints.append((end + a.x0) / 2)
        elif joints and abs(a.x0 - joints[-1]) < TOUCH:
            pass
        else:
            joints.append(a.x0)
        kinds += "s" if a.x1 - a.x0 <= DOUBLE_RULE else "p"
        end = max(end, a.x1)
    x0, x1 = pieces[0].x0, max(p.x1 for p in pieces)
    cuts = tuple(j for j in joints if x0 + TOUCH < j < x1 - TOUCH)
    top, bottom = min(p.top for p in pieces), max(p.bottom for p in pieces)
    return Rule(x0, x1, top, bottom, cuts, narrow=tuple(n for n in narrow if x0 + TOUCH < n[0] and n[1] < x1 - TOUCH))


def heading_end(group: Sequence[Rule], rows: Sequence[Item], width: float) -> Rule | None:
    """The first full-width rule under the top one with text above it, when rows stand below it (the last rule
    too: a table carried on to the next page has rows under the rule that closes its headings). Partial rules
    side by side at one level that together run across the table are one (parted where a narrow column, with
    no heading of its own, stands between them)."""
    for rule in group[1:]:
        level = [r for r in group if abs(r.top - rule.top) <= SAME_LEVEL]
        if level_width(group, rule) >= FULL_WIDTH * width and any(i.base < rule.top for i in rows):
            if not any(i.base > rule.top for i in rows):
                return None
            if len(level) == 1:
                return rule
            cuts = sorted({*(c for r in level for c in r.cuts), *(x for r in level[1:] for x in (r.x0,))})
            top, bottom = min(r.top for r in level), max(r.bottom for r in level)
            return Rule(min(r.x0 for r in level), max(r.x1 for r in level), top, bottom, tuple(cuts))
    return None


def level_width(group: Sequence[Rule], rule: Rule) -> float:
    """How far the rules of the group at the rule's level run across the table together."""
    return sum(r.x1 - r.x0 for r in group if abs(r.top - rule.top) <= SAME_LEVEL)


def partial_end(group: Sequence[Rule], rows: Sequence[Item], width: float) -> Rule | None:
    """Where no top rule is drawn and no full-width rule closes the headings, the partial rules under them at one
    level with rows both over and under that level close them (``2024/25 variance`` over its two columns, then
    one row of figures, then the bottom rule): a rule across the table at that level."""
    inner = [r for r in group[1:-1] if r.x1 - r.x0 < FULL_WIDTH * width]
    levels = cluster(sorted(r.top for r in inner))
    if group[0].drawn or len(levels) != 1 or len(inner) != len(group) - 2:
        return None
    top = levels[0]
    if not any(i.base < top for i in rows) or not any(i.base > top for i in rows):
        return None
    x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
    return Rule(x0, x1, min(r.top for r in inner), max(r.bottom for r in inner))


def drawn_edges(group: Sequence[Rule], verticals: Sequence[Box] = ()) -> list[float]:
    """The column edges the rules draw: their joints, and the ends of the partial rules among the headings (a
    heading cell's border ends where the cell does; a short rule among the rows may be anything); none where every
    rule is drawn whole across the table. Joints close together are one edge drawn double, unless the vertical
    rules drawn down the table (``verticals``; the joints of the rules are pieces as short as a rule is thick)
    stand apart there: the two sides of a narrow column."""
    x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
    full = [r.top for r in group[1:] if r.x1 - r.x0 >= FULL_WIDTH * (x1 - x0)]
    heads = [r for r in group if r.top <= min(full, default=float("inf")) + SAME_EDGE]  # rules among the headings
    ends = [x for r in heads for x in (r.x0, r.x1) if x0 + SAME_EDGE < x < x1 - SAME_EDGE]
    sides = cluster(sorted((v.x0 + v.x1) / 2 for v in verticals if v.bottom - v.top > RULE_HEIGHT), SAME_VERTICAL)
    pairs = [n for r in group for n in r.narrow]
    edges: list[float] = []
    for near in _clusters(sorted([*(c for r in group for c in r.cuts), *ends]), DOUBLE_RULE):
        inside = [x for x in sides if near[0] - SAME_EDGE <= x <= near[-1] + SAME_EDGE]
        if not (len(inside) >= 2 and all(b - a >= DOUBLE_RULE for a, b in pairwise(inside))):
            inside = next(([a, b] for a, b in pairs if near[0] <= a and b <= near[-1]), [])
        if not inside:
            edges.append(sum(near) / len(near))
            continue
        parts: list[list[float]] = [[] for _ in inside]  # each joint with the side it is nearest
        for x in near:
            parts[min(range(len(inside)), key=lambda k: abs(inside[k] - x))].append(x)
        edges.extend(sum(p) / len(p) if p else side for p, side in zip(parts, inside, strict=True))
    return edges


def cluster(xs: list[float], near: float = SAME_EDGE) -> list[float]:
    """The middles of the runs of ``xs`` (sorted) whose steps are at most ``near``."""
    return [sum(g) / len(g) for g in _clusters(xs, near)]


def _clusters(xs: list[float], near: float) -> list[list[float]]:
    groups: list[list[float]] = []
    for x in xs:
        if groups and x - groups[-1][-1] <= near:
            groups[-1].append(x)
        else:
            groups.append([x])
    return groups


def runs_across(rule: Rule, edges: Sequence[float], k: int) -> bool:
    """The rule runs across edge ``k`` in one piece: no joint or end of it, nearer that edge than any other, is
    within ``DOUBLE_RULE`` of it."""
    edge = edges[k]
    if not rule.x0 < edge < rule.x1:
        return False
    for c in (*rule.cuts, rule.x0, rule.x1):
        if abs(c - edge) <= DOUBLE_RULE and min(range(len(edges)), key=lambda j: abs(edges[j] - c)) == k:
            return False
    return True


def heading_rule(current: list[Rule], rule: Rule, widest: Rule) -> bool:
    """The rule closes the headings under a table's thin top rule: the one rule above it, as wide, and this one
    heavier (a table of one column, whose headings stand at its left edge like a caption's)."""
    top = current[0]
    full = min(rule.x1, top.x1) - max(rule.x0, top.x0) >= FULL_WIDTH * (widest.x1 - widest.x0)
    return len(current) == 1 and full and heavier(rule, top)


def heavier(rule: Rule, than: Rule) -> bool:
    """Drawn heavier (a stroked line's box has no height: no weight to tell)."""
    return than.bottom - than.top > 0 and rule.bottom - rule.top >= HEAVIER * (than.bottom - than.top)


def un_ruled(group: list[Rule]) -> bool:
    """Ruled as a UN table and nothing more: a thin top rule, a heavier one as wide closing the headings under it,
    and a heavier bottom rule; a table even when it has one column (a box around text has rules of one weight
    all round, a chart's grid more rules)."""
    if len(group) != 3 or not group[0].drawn:
        return False
    widest = max(group, key=lambda r: r.x1 - r.x0)
    return heavier(group[-1], group[0]) and heading_rule(group[:1], group[1], widest)
