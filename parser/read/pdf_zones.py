"""Footnote zones: the page foot under a separator rule, and an endnotes section.

A separator is a row of underscores or a short drawn rule in the lower part
of the page; it opens the footnote zone only when what follows it looks like
a note (smaller than the body, or opening with a note marker), so a rule in a
figure or a fill-in line does not swallow body text. Endnotes (``Notes``
after the last paragraph, as in Human Rights Council reports) are notes too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..furniture import SEPARATOR
from ..model import Box
from .pdf_chars import SUP_RISE, SUP_SIZE
from .pdf_furniture import Item

NOTE_START = regex.compile(r"^(?:\*{1,3}|\d{1,3}/|[a-z]/|\(\d{1,3}\))(?=\s|$|\p{Han})")
ENDNOTE_START = regex.compile(r"^(?:\d{1,3}/?|\*{1,3})(?=\s)")
NOTES_HEADING = regex.compile(r"^(?:Notes|Endnotes|Notas|Примечания|注|注释|附注|الحواشي)\s*:?$", regex.IGNORECASE)
RULE_TOP = 0.35
"""A drawn separator lies below this fraction of the page height."""


@dataclass(frozen=True, slots=True)
class Separator:
    top: float
    bottom: float
    box: Box
    item: Item | None
    """The underscore row, when the separator is text; ``None`` for a drawn rule."""


def rules_from_objects(objects: Sequence[Box], width: float, height: float) -> list[Box]:
    """Short horizontal rules (drawn lines or thin rectangles) in the lower part of the page."""
    out: list[Box] = []
    for o in objects:
        x0, x1, top, bottom = o.x0, o.x1, o.top, o.bottom
        if bottom - top <= 2.0 and 20.0 <= x1 - x0 <= 0.5 * width and top >= RULE_TOP * height:
            out.append(Box(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)))
    return out


def find_separator(items: Sequence[Item], rules: Sequence[Box], body_size: float) -> Separator | None:
    """The highest separator that has a note-like line right below it.

    A drawn rule right under a line of text is an underline, not a separator;
    below a drawn rule the first line must be smaller than the body or open
    with a call, below an underscore row a plain ``1/`` or ``*`` will do.
    """
    text = [i for i in items if not i.kind and i.ink]
    candidates: list[Separator] = [
        Separator(min(g.top for g in i.ink), max(g.bottom for g in i.ink), _box(i), i)
        for i in text
        if all(g.text == "_" for g in i.ink) and SEPARATOR.match(i.text)
    ]
    candidates += [Separator(r.top, r.bottom, r, None) for r in rules if not _underline(r, text)]
    for sep in sorted(candidates, key=lambda s: s.top):
        below = [i for i in text if i is not sep.item and min(g.top for g in i.ink) >= sep.bottom - 0.5]
        if not below:
            continue
        first = min(below, key=lambda i: i.base)
        smaller = first.size <= body_size - 0.3
        if smaller or starts_with_call(first) or (sep.item is not None and NOTE_START.match(first.text)):
            return sep
        if sep.item is None and first.text.startswith("*"):
            return sep
    return None


def _underline(rule: Box, items: Sequence[Item]) -> bool:
    """The rule runs just under the baseline of some text it overlaps."""
    for item in items:
        near = item.base - 1.0 <= rule.top <= item.base + 0.4 * item.size
        if near and any(g.x0 < rule.x1 and rule.x0 < g.x1 for g in item.ink):
            return True
    return False


def _box(item: Item) -> Box:
    return Box(
        round(min(g.x0 for g in item.ink), 2),
        round(min(g.top for g in item.ink), 2),
        round(max(g.x1 for g in item.ink), 2),
        round(max(g.bottom for g in item.ink), 2),
    )


def starts_with_call(item: Item) -> bool:
    """The line opens with a raised, smaller glyph: a note number set as a superscript."""
    first = item.ink[0] if item.ink else None
    return first is not None and first.size < SUP_SIZE * item.size and item.base - first.base > max(0.5, SUP_RISE * item.size)


class Endnotes:
    """Puts the lines of an endnotes section (after a ``Notes`` heading) in the footnote zone, page by page.

    The heading itself stays in the body. The section runs while lines are
    smaller than the body text or open with a note call; a body-size line
    ends it (an annex after the notes). Only the first such section counts.
    """

    def __init__(self, body_size: float) -> None:
        self.body_size = body_size
        self.state = "before"
        """``before`` a heading, ``heading`` just seen, ``notes`` running, ``done``."""

    def feed(self, items: Sequence[Item]) -> None:
        """The next page's items, in reading order."""
        for item in (i for i in items if not i.kind and i.zone == "body"):
            small = item.size <= self.body_size - 0.3
            if self.state == "notes":
                if not small and not starts_with_call(item):
                    self.state = "done"
                else:
                    item.zone = "footnote"
                continue
            if self.state == "heading":
                if small and (starts_with_call(item) or ENDNOTE_START.match(item.text)):
                    self.state, item.zone = "notes", "footnote"
                    continue
                self.state = "before"
            if self.state == "before" and len(item.ink) <= 12 and NOTES_HEADING.match(item.text.strip()):
                self.state = "heading"
