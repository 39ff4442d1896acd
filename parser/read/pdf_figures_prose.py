"""Running text set over a drawing: the lines of a paragraph, found from the text alone.

A brochure sets its prose on coloured panels and photos, and a report frames a text box; the drawing under
such text is its background, and the text is running text, never a figure's labels. A paragraph is told
from a chart's words by its lines: several rows of many words one under the other, at one left edge, in one
size; a chart's labels (ticks, legends, axis titles) never line up so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..classify_rules import FIGURE_SOURCE
from ..model import Box
from .pdf_chars import split_segments
from .pdf_furniture import Item, glyphs_to_item

LABEL_STEP = 1.6
"""line sizes: a short row this close above or below a figure (gap between boxes) is one of its labels."""
SIZE_SLACK = 0.5
"""pt: text this much smaller than the body type is a chart's type (labels, legends), not the body's."""
EDGE = 3.0
"""pt: a caption's title starts this close to the caption's left edge."""
PARAGRAPH_WORDS = 6
"""words: a row of a paragraph set over a drawing (a coloured panel, a text box) has at least this many..."""
PARAGRAPH_ROWS = 3
"""...and this many such rows follow one another at one left edge in one type: running text, whatever its size, and
the drawing under it is its background, no figure (a chart's labels are never lines of a paragraph)."""


def paragraph_rows(text: Sequence[Item]) -> list[Item]:
    """Rows that are lines of a paragraph: ``PARAGRAPH_ROWS`` or more rows of ``PARAGRAPH_WORDS`` words or more in
    one run, one under the other at one left edge (the first may stand out: an indent, a drop capital) in one size
    (short rows beside them, a callout in the margin, do not break the run), that fill the measure. A paragraph
    that opens ``Source:`` or ``Note:`` is a figure's or a table's, not running text."""
    parts = [(part, row) for row in text if not row.vertical for part in map(glyphs_to_item, split_segments(row.ink))]
    lines = sorted(((part, row) for part, row in parts if len(part.text.split()) >= PARAGRAPH_WORDS), key=lambda p: p[0].box.top)
    if not lines:
        return []
    reach = LABEL_STEP * max(part.size for part, _ in lines)
    runs: list[list[tuple[Item, Item]]] = []
    # the runs a line may still follow on, in the order they were opened: the lines come top down, so a run whose
    # last line ends more than ``reach`` above this one's top ends above every line still to come
    active: list[list[tuple[Item, Item]]] = []
    for line in lines:
        top = line[0].box.top
        active = [r for r in active if r[-1][0].box.bottom >= top - reach]
        run = next((r for r in active if _follows(r, line[0])), None)
        if run is None:
            runs.append([line])
            active.append(runs[-1])
        else:
            run.append(line)
    kept = [r for r in runs if _filled([p for p, _ in r]) and not FIGURE_SOURCE.match(r[0][0].text.strip())]
    out = {id(row): row for run in kept for _, row in run}
    return list(out.values())


def _filled(run: list[Item]) -> bool:
    """``PARAGRAPH_ROWS`` lines or more that fill the measure: all but the last end at one right edge, as set
    prose does (a legend's entries, one under the other, end where their words end)."""
    right = max(p.box.x1 for p in run)
    return len(run) >= PARAGRAPH_ROWS and sum(p.box.x1 >= right - EDGE for p in run) >= PARAGRAPH_ROWS - 1


def _follows(run: list[tuple[Item, Item]], line: Item) -> bool:
    """``line`` is the next line of the paragraph ``run`` is: right under its last line, over the same column, in
    its size, at its left edge (the first line may stand in or out)."""
    end = run[-1][0]
    last, b = end.box, line.box
    edge = (end if len(run) > 1 else line).box.x0
    return (abs(line.size - end.size) <= SIZE_SLACK and 0 <= b.top - last.bottom <= LABEL_STEP * line.size
            and b.x0 < last.x1 and last.x0 < b.x1 and abs(b.x0 - edge) <= EDGE)  # fmt: skip


class Centres:
    """The centres of rows' boxes, by height: how many lie in a box (``pdf_figures._centre_in``), found by bisection."""

    def __init__(self, rows: Sequence[Item]) -> None:
        centres = sorted(((b.top + b.bottom) / 2, (b.x0 + b.x1) / 2) for b in (row.box for row in rows))
        self.ys = [y for y, _ in centres]
        self.xs = [x for _, x in centres]

    def count(self, box: Box) -> int:
        lo, hi = bisect_left(self.ys, box.top - 1), bisect_right(self.ys, box.bottom + 1)
        return sum(1 for x in self.xs[lo:hi] if box.x0 - 1 <= x <= box.x1 + 1)
