"""A chart drawn as boxes in boxes: the frame round a chart, its plot area, and the bars or data labels in that.

The charts of a budget fascicle's performance measures are drawn with filled boxes only: a frame round the whole
chart, a plot area inside it, and in the plot area a bar for each year with a value (one or two, or none when the
values are all nil, shown as ``–`` in small boxes of their own) and a small box round each bar's value. Such a chart
has too few empty boxes to pass for bars (``MIN_BARS``), but three boxes nested one in another (frame, plot area,
bar or data label) are a chart's, not a paragraph's frame (a text box is one box, or a box with a title strip
beside, not in, a second) nor a table's (tables are found first and their boxes are theirs).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Box

INSIDE = 0.5
"""pt: a box within this of another's edges is inside it."""
SMALLER = 0.95
"""share of the outer box's area: a box inside another is its content only when smaller than this (a box filled and
stroked is drawn twice, each inside the other)."""
DEPTH = 3
"""boxes nested one in another that make a chart (frame, plot area, bar or data label)."""


def nested_boxes(boxes: Sequence[Box]) -> bool:
    """Some ``DEPTH`` of ``boxes`` lie one inside another, each clearly smaller than the one round it."""
    ordered = sorted(set(boxes), key=_area, reverse=True)
    depth = [1] * len(ordered)
    for k, inner in enumerate(ordered):
        for j in range(k):
            if _within(inner, ordered[j]) and _area(inner) < SMALLER * _area(ordered[j]):
                depth[k] = max(depth[k], depth[j] + 1)
    return max(depth, default=0) >= DEPTH


def _within(inner: Box, outer: Box) -> bool:
    return (outer.x0 - INSIDE <= inner.x0 and inner.x1 <= outer.x1 + INSIDE
            and outer.top - INSIDE <= inner.top and inner.bottom <= outer.bottom + INSIDE)  # fmt: skip


def _area(b: Box) -> float:
    return max(0.0, b.x1 - b.x0) * max(0.0, b.bottom - b.top)
