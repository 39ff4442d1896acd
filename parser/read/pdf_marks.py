"""Punctuation a layout engine draws off its line: seated back on it, read in its place.

Scheherazade draws a Latin comma as a raised turned comma, half an em above
the baseline and over the space after the word (the pen draws it without
advance, then the space). Left as drawn, the commas form a row of their own
above the line (`` , , ,``), lift the line's top over a footnote rule, and
read after the space (``concepts ,estimates``). ``raised_marks`` tells such
glyphs from a call (a call is smaller); ``pdf_chars`` then seats them on the
line's baseline; ``marks_before_spaces`` reads a glyph drawn inside a
space's box before that space. Glyph and row types come from ``pdf_chars``
(only their fields are used here, so this module imports nothing from it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_chars import Glyph, Row

RAISED_MARK = 0.6
"""A few punctuation glyphs at their line's size raised by less than this many ems, within the line, are drawn
raised on it (Scheherazade draws a Latin comma as a raised turned comma); a line of their own would overlap it."""


def raised_marks(seg: list[Glyph], host: Row, rise: float) -> bool:
    """Punctuation only, raised less than ``RAISED_MARK`` ems above ``host`` and within its ink (not past either end)."""
    if rise >= RAISED_MARK * host.size or not all(unicodedata.category(g.text[0]).startswith("P") for g in seg):
        return False
    return host.ink[0].x1 <= min(g.x0 for g in seg) and max(g.x1 for g in seg) <= host.ink[-1].x0


def marks_before_spaces(glyphs: Sequence[Glyph]) -> Sequence[Glyph]:
    """Left to right, a glyph drawn wholly inside the box of the space before it is read before that space: the
    pen drew it without advance and then the space (Scheherazade's raised Latin comma: ``concepts, estimates``)."""
    out = list(glyphs)
    for k in range(1, len(out)):
        space, g = out[k - 1], out[k]
        if space.text.isspace() and not g.text.isspace() and space.x0 <= g.x0 and g.x1 <= space.x1:
            out[k - 1], out[k] = g, space
    return out
