"""Paragraph breaks from the layout's own line breaks, where the white space between lines says too little.

The reader first judges a paragraph break by the baseline step (``pdf.BLANK_LEADING``) or, on page 1, by the
block cut. That fails where lines of one paragraph step unevenly (a CJK font with a small line height beside a
taller Latin font: the lines holding digits step a third of an em further) or where the space after a
paragraph is small beside loose line spacing (6 pt at 1.5 spacing). How the layout broke the lines is firmer
evidence (``pdf_lineends.runs_on``), with the white band between two lines measured against the page's own: the
widest band between two lines that certainly run on (a full line of an unfinished sentence and the next, where
the reader saw no break) is the yardstick, when the page has ``MIN_WRAPS`` of them to tell.

* a full line of an unfinished sentence (nor a list item's ``;`` or ``:``) runs on into the next line unless the
  band between them is wider than the yardstick (a list whose items fill their lines keeps its items apart);
* after a line that ends a sentence, either may follow: the next line starts a paragraph when the band above it
  is wider than the yardstick. A full line that ends a sentence runs on into the next only when that band is not
  wider; a line that does not run on starts a paragraph where the reader judged so already, or where the band is
  wider (a short last line of a summary paragraph in tight type, 0.6 em above the next, where wrapped lines that
  hold Latin step 0.36 em apart).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from ..model import Line
from ..text_utils import ends_sentence
from .pdf_lineends import column_edges, runs_on

if TYPE_CHECKING:
    from .pdf_chars import Glyph
    from .pdf_furniture import Item

NEXT_LINE = 2.5
"""Line sizes from one baseline to the next at most where a line runs on (a tall font at 1.5 spacing: 2.0)."""
_LIST_END = regex.compile(r"[;:；：]\s*$")
"""A line ending a list item (``Decision 1: …;``): what follows may be the next item, whatever the layout did."""
MIN_WRAPS = 3
"""Bands between lines that certainly run on a page must hold before their widest one is a yardstick..."""
WRAP_BAND_SLACK = 0.15
"""...and a band must be wider than it by this many ems of the line's size to part two paragraphs."""


def layout_breaks(lines: Sequence[Line], items: Sequence[Item], rtl: Sequence[bool]) -> list[Line]:
    """The lines of one zone of a page (made from ``items``, in order) with ``blank_before`` and ``runs_on`` set
    from the layout's line breaks."""
    edges = column_edges([i.ink for i in items if not i.vertical])
    memo: dict[tuple[int, float, bool], tuple[list[Glyph], bool]] = {}  # each line is the lower one, then the upper one
    wraps = [False] + [_runs_on(a, b, edges, r, memo) for (a, b), r in zip(pairwise(items), rtl[1:], strict=True)]
    certain = [
        b.gap_before
        for (a, b), w in zip(pairwise(lines), wraps[1:], strict=True)
        if w and not b.blank_before and b.gap_before is not None and a.size == b.size and not _finished(a)
    ]
    ceiling = max(certain) if len(certain) >= MIN_WRAPS else None
    out = list(lines[:1])
    for k in range(1, len(lines)):
        a, b, blank = lines[k - 1], lines[k], lines[k].blank_before
        if ceiling is not None and a.size == b.size and b.gap_before is not None:
            wide = b.gap_before > ceiling + WRAP_BAND_SLACK
            if wraps[k] and not _finished(a) and not _LIST_END.search(a.text) and a.bold == b.bold:
                blank = blank and wide
            elif _finished(a):
                blank = wide if wraps[k] else blank or wide
        out.append(replace(b, blank_before=blank, runs_on=wraps[k]))
    return out


def _finished(line: Line) -> bool:
    """The line ends a sentence (the calls after its full stop aside)."""
    return ends_sentence("".join(s.text for s in line.spans if not s.sup))


def _runs_on(above: Item, item: Item, edges: tuple[float, float], rtl: bool,
             memo: dict[tuple[int, float, bool], tuple[list[Glyph], bool]]) -> bool:  # fmt: skip
    """``item`` continues the line right above it as the layout wrapped it (``pdf_lineends.runs_on``)."""
    return _below(above, item) and runs_on(above.ink, item.ink, edges, item.size, rtl, memo)


def _below(above: Item, item: Item) -> bool:
    """``item`` is the next line of text under ``above`` (within ``NEXT_LINE`` line sizes)."""
    near = 0 < item.base - above.base <= NEXT_LINE * max(above.size, item.size)
    return near and not (above.vertical or item.vertical)
