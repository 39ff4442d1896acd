"""Running text set over a drawing: the lines of a paragraph, found from the text alone.

A brochure sets its prose on coloured panels and photos, and a report frames a text box; the drawing under
such text is its background, and the text is running text, never a figure's labels. A paragraph is told
from a chart's words by its lines: several rows of many words one under the other, at one left edge, in one
size; a chart's labels (ticks, legends, axis titles) never line up so.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..classify_rules import FIGURE_SOURCE
from .pdf_chars import glyphs_box, split_segments
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
    lines = [(part, row) for row in text if not row.vertical for part in map(glyphs_to_item, split_segments(row.ink))]
    lines = sorted(
        ((part, row) for part, row in lines if len(part.text.split()) >= PARAGRAPH_WORDS), key=lambda p: glyphs_box(p[0].ink).top
    )
    runs: list[list[tuple[Item, Item]]] = []
    for line in lines:
        run = next((r for r in runs if _follows([p for p, _ in r], line[0])), None)
        if run is None:
            runs.append([line])
        else:
            run.append(line)
    runs = [r for r in runs if _filled([p for p, _ in r]) and not FIGURE_SOURCE.match(r[0][0].text.strip())]
    out = {id(row): row for run in runs for _, row in run}
    return list(out.values())


def _filled(run: list[Item]) -> bool:
    """``PARAGRAPH_ROWS`` lines or more that fill the measure: all but the last end at one right edge, as set
    prose does (a legend's entries, one under the other, end where their words end)."""
    right = max(glyphs_box(p.ink).x1 for p in run)
    return len(run) >= PARAGRAPH_ROWS and sum(glyphs_box(p.ink).x1 >= right - EDGE for p in run) >= PARAGRAPH_ROWS - 1


def _follows(run: list[Item], line: Item) -> bool:
    """``line`` is the next line of the paragraph ``run`` is: right under its last line, over the same column, in
    its size, at its left edge (the first line may stand in or out)."""
    last, b = glyphs_box(run[-1].ink), glyphs_box(line.ink)
    edge = glyphs_box((run[-1] if len(run) > 1 else line).ink).x0
    return (abs(line.size - run[-1].size) <= SIZE_SLACK and 0 <= b.top - last.bottom <= LABEL_STEP * line.size
            and b.x0 < last.x1 and last.x0 < b.x1 and abs(b.x0 - edge) <= EDGE)  # fmt: skip
