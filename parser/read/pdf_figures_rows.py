"""The rows of text round a figure that are never its labels: prose, a numbered paragraph, a heading, a caption's or
source line, the footnote separator; and the rows that run on from a line of prose.

A figure's box grows over the short rows of words right around it (``pdf_figures._grow``); these tests tell which
rows of the page stay running text, however near the drawing they stand.
"""

from __future__ import annotations

from ..classify_rules import FIGURE_SOURCE
from ..furniture import SEPARATOR
from ..model import Box
from ..regions import CAPTION
from .pdf_chars import SUP_SIZE, split_segments
from .pdf_figures_prose import LABEL_STEP, SIZE_SLACK
from .pdf_furniture import Item
from .pdf_zones import PARAGRAPH_NUMBER, numbered_heading

PROSE_SHARE = 0.6
"""share of the figure's width: a row this wide with ``PROSE_WORDS`` words in body type, in one run, is running text."""
PROSE_WORDS = 8
"""words: a row with fewer is never prose (a legend, an axis title)."""


def bold(item: Item) -> bool:
    """Its letters and digits all bold, a note's call set smaller aside (a bold title's ``…States¹``)."""
    return all(g.bold for g in item.ink if g.text.isalnum() and g.size >= SUP_SIZE * item.size)


def is_label(item: Item, box: Box, body_size: float) -> bool:
    """A row that may belong to a figure: not its caption or source line, not prose, not a numbered paragraph."""
    text = item.text.strip()
    if CAPTION.match(text) or FIGURE_SOURCE.match(text) or PARAGRAPH_NUMBER.match(text) or section_heading(item, body_size):
        return False
    if SEPARATOR.match(text) and all(g.text == "_" for g in item.ink):
        return False  # the footnote separator set as a row of underscores: the notes under it are the page's
    return not prose(item, box, body_size) and item.size <= body_size + SIZE_SLACK


def runs_on(item: Item, text: list[Item], box: Box, body: tuple[float, set[int]]) -> bool:
    """A row in body type right under or over a line of prose (or a paragraph's, in any type): the end (or start)
    of a paragraph, not a label."""
    body_size, lines = body
    if any(id(o) in lines and _next_to(item, o) for o in text):
        return True
    if item.size < body_size - SIZE_SLACK:
        return False
    b = item.box
    for other in text:
        o = other.box
        if other is item or o.x1 < b.x0 or o.x0 > b.x1:
            continue
        if max(o.top - b.bottom, b.top - o.bottom) <= LABEL_STEP * item.size and prose(other, box, body_size):
            return True
    return False


def _next_to(item: Item, line: Item) -> bool:
    """``item`` is the row right under or over ``line``, over the same column."""
    b, o = item.box, line.box
    return o.x0 <= b.x1 and b.x0 <= o.x1 and 0 <= max(o.top - b.bottom, b.top - o.bottom) <= LABEL_STEP * item.size


def numbered(item: Item, body_size: float) -> bool:
    """A numbered paragraph in body type: a drawing around it frames the running text (a text box), no chart."""
    return item.size >= body_size - SIZE_SLACK and PARAGRAPH_NUMBER.match(item.text.strip()) is not None


def prose(item: Item, box: Box, body_size: float) -> bool:
    b = item.box
    wide = b.x1 - b.x0 >= PROSE_SHARE * (box.x1 - box.x0)
    if not wide or len(item.text.split()) < PROSE_WORDS or item.size < body_size - SIZE_SLACK:
        return False
    return len(split_segments(item.ink)) == 1  # words in columns (two panels' titles) are no running text


def section_heading(item: Item, body_size: float) -> bool:
    """A chapter's or section's heading, in the body's type or larger: never a figure's label."""
    return item.size >= body_size - SIZE_SLACK and numbered_heading(item)


def heading_under(item: Item, drawing: Box, body_size: float) -> bool:
    """A row under the drawing set bold in the body's type: the heading of what follows (``Result 3: …`` under a
    chart), not a legend (a chart's legend and notes are set smaller, or not bold)."""
    return item.box.top >= drawing.bottom - 0.5 and item.size >= body_size - SIZE_SLACK and bold(item)
