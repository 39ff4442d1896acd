"""Reading order of the first page, where the masthead is laid out in blocks and columns.

The first page of a UN document puts ``United Nations`` beside the symbol,
the organ beside ``Distr.: General`` and the date, and (for joint documents)
the General Assembly session block beside the Security Council one. Rows are
cut into parts at wide gaps, and the parts are ordered by a recursive XY
cut: split at horizontal white bands first, then at vertical ones, so each
column block is read whole before the next.

The big first letter of a symbol (``A`` at 20 pt before ``/80/179`` at
10 pt) shares the baseline of the rest, so clustering by baseline already
keeps ``A/80/179`` whole; nothing here has to glue it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..text_utils import ends_sentence
from .pdf_furniture import Item, segment_items

Y_GAP = 0.45
"""A horizontal white band taller than this many ems separates two blocks..."""
LINE_BAND_SLACK = 0.25
"""...when it is also taller, by more than this many ems, than the usual band between two lines of the group:
looser line spacing (1.5, or a tall Arabic font) opens every line's band past ``Y_GAP``, and a page read block by
block must not become one block per line..."""
LOOSE_BAND = 0.6
"""...nor where a line that does not end a sentence is followed by a band at most this many ems over the usual
one: a line with Latin letters in a taller font opens its band by up to half an em at 1.5 spacing."""
X_GAP = 2.5
"""A vertical white band wider than this many ems (and 20 pt) separates two columns."""


def page_one_order(items: Sequence[Item]) -> list[Item]:
    """The first page's text items cut into parts and put in block reading order.

    The first item of each block gets ``block_start``.
    """
    parts = [p for item in items for p in segment_items(item)]
    blocks: list[list[Item]] = []
    _xy_cut(parts, blocks, _usual_band(parts))
    out: list[Item] = []
    for block in blocks:
        if block:
            block[0].block_start = True
            out.extend(block)
    return out


def _extent(item: Item) -> tuple[float, float, float, float]:
    ink = item.ink or item.glyphs
    return min(g.x0 for g in ink), min(g.top for g in ink), max(g.x1 for g in ink), max(g.bottom for g in ink)


def _xy_cut(items: list[Item], out: list[list[Item]], usual: float) -> None:
    """``usual``: the page's line band (a block of two lines has too few bands to teach its own)."""
    for cut in (_cut_rows, _cut_columns):
        groups = cut(items, usual)
        if len(groups) > 1:
            for group in groups:
                _xy_cut(group, out, usual)
            return
    out.append(sorted(items, key=lambda i: (i.base, _extent(i)[0])))


def _usual_band(items: list[Item]) -> float:
    """The median white band, under two ems, between an item and the next one below that it overlaps: on a page of
    paragraphs of several lines most such bands are line bands (glyph boxes vary a little with the script)."""
    ordered = sorted(items, key=lambda i: _extent(i)[1])
    bands: list[float] = []
    for a, b in pairwise(ordered):
        band = _extent(b)[1] - _extent(a)[3]
        if 0 < band <= 2 * min(a.size, b.size) and _extent(a)[0] < _extent(b)[2] and _extent(b)[0] < _extent(a)[2]:
            bands.append(band)
    return sorted(bands)[len(bands) // 2] if len(bands) >= 3 else 0.0


def _cut_rows(items: list[Item], usual: float) -> list[list[Item]]:
    groups: list[list[Item]] = []
    bottom = 0.0
    size = 0.0
    prev: Item | None = None
    for item in sorted(items, key=lambda i: _extent(i)[1]):
        _, top, _, low = _extent(item)
        em = min(size, item.size)
        band = top - bottom
        # a line that does not end a sentence goes on below a band only a little looser than the usual one
        full = prev is not None and usual > 0 and not ends_sentence(prev.text) and band <= usual + LOOSE_BAND * em
        if groups and band > max(Y_GAP * em, usual + LINE_BAND_SLACK * em) and not full:
            groups.append([item])
        elif groups:
            groups[-1].append(item)
        else:
            groups.append([item])
        if len(groups[-1]) == 1:
            bottom, size = low, item.size
        else:
            bottom, size = max(bottom, low), min(size, item.size)
        prev = item
    return groups


def _cut_columns(items: list[Item], usual: float = 0.0) -> list[list[Item]]:
    groups: list[list[Item]] = []
    right = 0.0
    for item in sorted(items, key=lambda i: _extent(i)[0]):
        x0, _, x1, _ = _extent(item)
        if groups and x0 - right > max(20.0, X_GAP * item.size):
            groups.append([item])
            right = x1
        elif groups:
            groups[-1].append(item)
            right = max(right, x1)
        else:
            groups.append([item])
            right = x1
    return groups
