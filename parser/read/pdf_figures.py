"""Figures on a PDF page, found before its lines: the drawing, and the text that belongs to it.

A chart or a picture is drawn with curves, images, filled boxes (bars, legend keys) and straight lines (axes,
grid lines); its own words are short and scattered (axis ticks, a legend, rotated axis titles). The drawn
things are grouped into clusters of things near each other; a cluster is a figure when something in it
is more than a rule (a curve, a large image, boxes with no text in them: bars) and it is big enough to be
seen as one. The figure's box then grows over the short rows of words right around it (panel titles
above, a legend below), never over its caption (``Figure III``), its ``Source:`` / ``Note:`` lines, a line of
prose or a rule that is not its own. Every row inside it becomes one of the figure's labels and leaves the
running text; the rules inside it are no footnote separator, and its ``Source:`` / ``Note:`` /
``Abbreviations:`` rows inside its box stay running text right after it, to become its notes. A drawing with
prose inside (a text box), a drawing under the lines of a paragraph (a brochure's coloured panel:
``pdf_figures_prose``) and an image that covers the page (a scan under its text layer: ``pdf_ocr``) are no
figures: their text is running text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from ..classify_rules import FIGURE_SOURCE
from ..model import Box, Line, Region, Source
from ..regions import CAPTION
from .pdf_chars import glyphs_box, split_segments
from .pdf_figures_frames import nested_boxes
from .pdf_figures_prose import EDGE, LABEL_STEP, PARAGRAPH_ROWS, Centres, paragraph_rows
from .pdf_figures_rows import bold, heading_under, is_label, numbered, prose, runs_on, section_heading
from .pdf_furniture import BOTTOM_BAND, TOP_BAND, Item

RULE = 2.5
"""pt: a drawn line, box or curve at most this thick is a rule (an axis, a grid line, a table or separator rule,
a masthead's border drawn as a path)."""
NEAR = 12.0
"""pt: drawn things this close to each other are parts of one drawing (bars beside their axis, two panels)."""
MIN_WIDTH = 72.0
"""pt: a figure is at least an inch wide..."""
MIN_HEIGHT = 36.0
"""pt: ...and half an inch tall (a logo, a QR code or a signature is smaller, or stands in the page's margins)."""
MIN_BARS = 3
"""filled boxes with no text in them that make a drawing a chart (bars, legend keys) without any curve or image."""
PICTURE_SHARE = 0.03
"""share of the page's area: an image this large is a picture (a photograph, a chart); a smaller one (an emblem, a
signature, a legend key) makes no figure of its own."""
SCAN_SHARE = 0.5
"""share of the page's area: an image this large is the page itself, scanned, not a figure on it; a box this large
is the page's background."""
SIDE_STEP = 3.0
"""line sizes: a short row this close beside a figure, level with it, is one of its labels (ticks left of an axis)."""
PROSE_ROWS = 2
"""rows of prose inside a drawing make it a text box, not a figure."""
UNIT = regex.compile(r"^\([^()]{1,80}\)$")
"""The unit line under a caption's title: ``(Percentage)``, ``(Millions of United States dollars)``."""


Drawn = tuple[Sequence[Box], Sequence[Box], Sequence[Box]]
"""A page's straight lines and rectangles, its curves and its images."""


@dataclass(frozen=True, slots=True)
class PageFigures:
    """What the figure finder takes from a page: the figures as region lines, and what is left."""

    regions: tuple[Line, ...]
    items: list[Item]
    rules: list[Box]


@dataclass(slots=True)
class _Cluster:
    box: Box
    curves: int = 0
    images: int = 0
    boxes: list[Box] | None = None


def find_figures(
    items: list[Item],
    drawn: Drawn,
    rules: list[Box],
    taken: Sequence[Box],
    page: tuple[int, float, float],
    body_size: float,
) -> PageFigures:
    """The page's figures as region lines, and the text items and separator rules outside them.

    ``drawn`` holds the page's straight lines and rectangles, curves and images; ``taken`` the boxes of
    regions already found (tables), whose drawing is theirs; ``page`` its number, width and height.
    """
    number, width, height = page
    text = [i for i in items if not i.kind and i.zone == "body" and i.ink]
    paragraph = cache(lambda: paragraph_rows(text))  # only where a drawing may be a figure or have text on it
    behind = _backgrounds(drawn, text, paragraph, width, height)
    lines, boxes, pictures = ([b for b in group if b not in behind] for group in drawn)
    clusters = [c.box for c in _clusters((lines, boxes, pictures), taken, width * height) if _is_drawing(c, items, width, height)]
    heads = caption_rows(text)
    captions = {id(i) for i in heads}  # a caption and its title stay running text
    heads += [i for i in text if section_heading(i, body_size)]
    clusters = [_under_caption(c, [_box(i) for i in heads]) for c in clusters]
    rules_and_captions = (rules, [_box(i) for i in heads])
    found = _figures(clusters, [i for i in text if id(i) not in captions], rules_and_captions, body_size,
                     paragraph() if clusters else ())  # fmt: skip
    if not found:
        return PageFigures((), items, rules)
    regions: list[Line] = []
    used: set[int] = set()
    for box, grown in found:
        rows = _labels(grown, box)
        labels = tuple(spans for spans in (i.spans()[0] for i in rows) if spans)
        used.update(id(i) for i in rows)
        source = Source(page=number, bbox=_on_page(box, width, height))  # a clipped path may reach past the page
        region = Region("figure", labels=labels, source=source)
        regions.append(Line((), source, blank_before=True, zone="body", typeset=True, exact_breaks=True, region=region))
    left = [i for i in items if id(i) not in used]
    free = [r for r in rules if not any(_overlaps(r, box) for box, _ in found)]
    return PageFigures(tuple(regions), left, free)


def _figures(
    clusters: list[Box], text: list[Item], apart: tuple[list[Box], list[Box]], body_size: float, paragraph: Sequence[Item] = ()
) -> list[tuple[Box, list[Item]]]:
    """Each drawing grown over its labels; drawings whose grown boxes meet are one figure (panels side by side
    under one legend), grown again; a drawing with prose inside (``paragraph``: lines of a paragraph) is a text
    box, or running text over a background, and no figure."""
    found: list[tuple[Box, list[Item]]] = []
    lines = {id(i) for i in paragraph}
    todo = list(clusters)
    while todo:
        box = todo.pop(0)
        inside = [i for i in text if _centre_in(i, box)]
        if (sum(prose(i, box, body_size) for i in inside) >= PROSE_ROWS or any(numbered(i, body_size) for i in inside)
                or sum(id(i) in lines for i in inside) >= PARAGRAPH_ROWS):  # fmt: skip
            continue
        grown, rows = _grow(box, inside, text, apart, (body_size, lines))
        meets = [k for k, (other, _) in enumerate(found) if _overlaps(other, grown)]
        if meets:
            for k in reversed(meets):
                grown = _union(grown, found.pop(k)[0])
            todo.insert(0, grown)
            continue
        found.append((grown, rows))
    return found


def caption_rows(text: Sequence[Item]) -> list[Item]:
    """The rows of each caption: its ``Figure III`` line, the title under it (the rows that follow on at its left
    edge in its type, one run of words each) and a unit line in parentheses (``(Percentage)``) under that."""
    rows = sorted(text, key=lambda i: _box(i).top)
    out: list[Item] = []
    for k, row in enumerate(rows):
        if not CAPTION.match(row.text.strip()):
            continue
        out.append(row)
        prev = row
        title: Item | None = None
        for item in rows[k + 1 :]:
            b, p = _box(item), _box(prev)
            if b.top - p.bottom > LABEL_STEP * item.size or b.top < p.bottom - 0.5:
                break
            same = title is None or (abs(b.x0 - _box(title).x0) <= EDGE and item.size == title.size
                                     and bold(item) == bold(title) and len(split_segments(item.ink)) == 1)  # fmt: skip
            if same and abs(b.x0 - _box(row).x0) <= EDGE:
                title = title or item
            elif not UNIT.match(item.text.strip()):
                break
            out.append(item)
            prev = item
            if UNIT.match(item.text.strip()):
                break
    return out


def _labels(rows: list[Item], box: Box) -> list[Item]:
    """The figure's rows in reading order, up to its notes: a ``Source:``, ``Note:`` or ``Abbreviations:`` row in
    the lower half of the box and every row from its top down are the figure's notes; they stay running text,
    right after the figure, where they become its notes (``classify_rules.figure_rule``)."""
    rows = sorted(rows, key=lambda i: (round(_box(i).top), _box(i).x0))
    middle = (box.top + box.bottom) / 2
    start = next((_box(i).top for i in rows if FIGURE_SOURCE.match(i.text.strip()) and _box(i).top > middle), None)
    return rows if start is None else [i for i in rows if _box(i).top < start - 0.5]


def _backgrounds(drawn: Drawn, text: list[Item], paragraph: Callable[[], list[Item]], width: float, height: float) -> set[Box]:
    """Drawn things that lie behind running text: the page's own background (a shape over most of the page) and
    anything with ``PARAGRAPH_ROWS`` lines of a paragraph on it (a coloured panel, a photo under a text box).

    ``paragraph`` (the lines of paragraphs among ``text``, ``paragraph_rows``) is asked for only when a drawn
    thing has that many rows of ``text`` on it: the lines of paragraphs are some of those rows."""
    page = Box(0.0, 0.0, width, height)
    out: set[Box] = set()
    rows = Centres(text)
    lines: Centres | None = None
    for box in (b for group in drawn for b in group):
        if _area(_on_page(box, width, height)) >= SCAN_SHARE * _area(page):
            out.add(box)
        elif rows.count(box) >= PARAGRAPH_ROWS:
            lines = lines or Centres(paragraph())
            if lines.count(box) >= PARAGRAPH_ROWS:
                out.add(box)
    return out


def _clusters(
    drawn: tuple[Sequence[Box], Sequence[Box], Sequence[Box]], taken: Sequence[Box], page_area: float
) -> list[_Cluster]:
    """Drawn things grouped with those within ``NEAR`` of them; a rule (an axis, a grid line) joins what it touches."""
    objects, curves, images = drawn
    seeds: list[tuple[Box, str]] = [(b, "curve" if min(b.x1 - b.x0, b.bottom - b.top) > RULE else "rule") for b in curves]
    seeds += [
        (b, "image" if _area(b) >= PICTURE_SHARE * page_area else "icon") for b in images if _area(b) < SCAN_SHARE * page_area
    ]
    seeds += [
        (b, "box" if min(b.x1 - b.x0, b.bottom - b.top) > RULE else "rule") for b in objects if _area(b) < SCAN_SHARE * page_area
    ]
    seeds = sorted(((b, kind) for b, kind in seeds if not any(_overlaps(b, t) for t in taken)), key=lambda s: s[0].top)
    parent = list(range(len(seeds)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    active: list[int] = []
    for k, (b, kind) in enumerate(seeds):
        active = [j for j in active if seeds[j][0].bottom >= b.top - NEAR]
        for j in active:
            other, other_kind = seeds[j]
            reach = 1.0 if "rule" in (kind, other_kind) else NEAR
            if _overlaps(_grown(other, reach), b):
                parent[root(j)] = root(k)
        active.append(k)
    groups: dict[int, _Cluster] = {}
    for k, (b, kind) in enumerate(seeds):
        cluster = groups.setdefault(root(k), _Cluster(b, boxes=[]))
        cluster.box = _union(cluster.box, b)
        cluster.curves += kind == "curve"
        cluster.images += kind == "image"
        if kind == "box" and cluster.boxes is not None:
            cluster.boxes.append(b)
    return _settle(list(groups.values()))


def _settle(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge drawings whose boxes overlap (a chart's frame around bars it does not touch)."""
    changed = True
    while changed:
        changed = False
        out: list[_Cluster] = []
        for cluster in clusters:
            for k, other in enumerate(out):
                if _overlaps(other.box, cluster.box) and (_drawing(other) or _drawing(cluster)):
                    out[k] = _merged(other, cluster)
                    changed = True
                    break
            else:
                out.append(cluster)
        clusters = out
    return clusters


def _drawing(cluster: _Cluster) -> bool:
    return bool(cluster.curves or cluster.images or cluster.boxes)


def _merged(a: _Cluster, b: _Cluster) -> _Cluster:
    return _Cluster(_union(a.box, b.box), a.curves + b.curves, a.images + b.images, (a.boxes or []) + (b.boxes or []))


def _is_drawing(cluster: _Cluster, items: list[Item], width: float, height: float) -> bool:
    """Big enough, not in the page's margins, and more than rules and frames: a curve, an image, bars, or boxes
    nested three deep (a chart's frame, plot area and bars: ``pdf_figures_frames``)."""
    box = cluster.box
    if box.x1 - box.x0 < MIN_WIDTH or box.bottom - box.top < MIN_HEIGHT:
        return False
    if box.bottom <= TOP_BAND * height or box.top >= BOTTOM_BAND * height:
        return False  # a logo in the masthead, a code in the footer
    if cluster.curves or cluster.images:
        return True
    text = [glyphs_box(segment) for i in items if i.ink for segment in split_segments(i.ink)]  # a row of labels: its words
    bars = [b for b in cluster.boxes or () if not any(_overlaps(b, t) for t in text)]
    return len(bars) >= MIN_BARS or nested_boxes(cluster.boxes or ())


def _grow(
    box: Box, inside: list[Item], text: list[Item], apart: tuple[list[Box], list[Box]], body: tuple[float, set[int]]
) -> tuple[Box, list[Item]]:
    """The figure's box over the rows inside it and the label rows right around it (ticks beside an axis, panel
    titles above, a legend below); those rows. ``apart``: the page's rules and its captions' rows (never grown over:
    a row beyond one is not the figure's); ``body``: the body size and the lines of paragraphs (never labels, nor
    the rows that run on from them)."""
    rules, captions = apart
    body_size, lines = body
    drawing = box
    rows = list(inside)
    for row in inside:
        box = _union(box, _box(row))
    taken = {id(i) for i in rows} | lines
    changed = True
    while changed:
        changed = False
        for item in text:
            if id(item) in taken:
                continue
            b = _box(item)
            across = max(0.0, b.x0 - box.x1, box.x0 - b.x1)
            down = max(0.0, b.top - box.bottom, box.top - b.bottom)
            if (across and down) or across > SIDE_STEP * item.size or down > LABEL_STEP * item.size:
                continue
            if not is_label(item, box, body_size) or _rule_between(rules, box, b) or runs_on(item, text, box, body):
                continue
            if any(_between(c, box, b) for c in captions) or heading_under(item, drawing, body_size):
                continue
            rows.append(item)
            taken.add(id(item))
            box = _union(box, b)
            changed = True
    return box, rows


def _under_caption(box: Box, captions: Sequence[Box]) -> Box:
    """A drawing that reaches up over its caption or a heading (a frame drawn from the page's top behind the headings
    over a chart): the figure starts under the caption or heading (one in the drawing's upper half); what is over it
    is running text."""
    heads = [c for c in captions if _overlaps(c, box) and c.top - box.top < box.bottom - c.bottom and c.top > box.top]
    if not heads:
        return box
    return Box(box.x0, max(c.bottom for c in heads), box.x1, box.bottom)


def _between(caption: Box, box: Box, row: Box) -> bool:
    """A caption's row stands between the figure and a row over it (on the figure's side of the row, across it)."""
    return row.bottom <= caption.top + 0.5 and caption.bottom <= box.top + 0.5 and caption.x0 < row.x1 and row.x0 < caption.x1


def _rule_between(rules: list[Box], box: Box, row: Box) -> bool:
    """A separator rule lies between the figure and a row above or below it."""
    lo, hi = (box.bottom, row.top) if row.top >= box.bottom else (row.bottom, box.top)
    return any(lo - 0.5 <= r.top <= hi + 0.5 and not _overlaps(r, box) for r in rules)


def _box(item: Item) -> Box:
    return item.box


def _centre_in(item: Item, box: Box) -> bool:
    b = _box(item)
    x, y = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
    return box.x0 - 1 <= x <= box.x1 + 1 and box.top - 1 <= y <= box.bottom + 1


def _overlaps(a: Box, b: Box) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1 and a.top <= b.bottom and b.top <= a.bottom


def _on_page(b: Box, width: float, height: float) -> Box:
    return Box(max(b.x0, 0.0), max(b.top, 0.0), min(b.x1, width), min(b.bottom, height))


def _grown(b: Box, by: float) -> Box:
    return Box(b.x0 - by, b.top - by, b.x1 + by, b.bottom + by)


def _union(a: Box, b: Box) -> Box:
    return Box(min(a.x0, b.x0), min(a.top, b.top), max(a.x1, b.x1), max(a.bottom, b.bottom))


def _area(b: Box) -> float:
    return max(0.0, b.x1 - b.x0) * max(0.0, b.bottom - b.top)
