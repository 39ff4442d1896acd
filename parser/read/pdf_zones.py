"""Footnote zones: the page foot under a separator rule, and an endnotes section.

A separator is a row of underscores or a short drawn rule in the lower part
of the page; it opens the footnote zone only when what follows it looks like
a note (smaller than the body, or opening with a note marker), so a rule in a
figure or a fill-in line does not swallow body text. Endnotes (``Notes``
after the last paragraph, as in Human Rights Council reports) are notes too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

import regex

from ..furniture import SEPARATOR
from ..model import Box
from ..text_utils import is_cjk
from ..thresholds import LAYOUT
from .pdf_bidi import line_direction
from .pdf_chars import SUP_RISE, SUP_SIZE, Glyph
from .pdf_furniture import Item

_TOP = attrgetter("top")

MARK = regex.compile(r"^(\d{1,3}|\*{1,3})(?:(?<=\d)\.)?(?=\s)")
"""A note's mark set in the line's own type: ``9 See …``, ``18. In 2024 …``, ``* Reissued …``."""
MARK_END = regex.compile(r"(?<=\s)(\d{1,3}|\*{1,3})$")
"""The same mark at the right end of a left-to-right line of a right-to-left page."""
STAR_CALL = regex.compile(r"(?<=[\p{L}\p{N}\p{P}])\*{1,3}")
"""An asterisk call after a word, a number or a punctuation mark: ``list*``, ``Secretary-General**``."""
PARAGRAPH_NUMBER = regex.compile(r"^\d{1,3}\.\s+\p{Lu}")
"""An official paragraph number opening a body-size line: ``17. To help …``."""
HEADING_NUMBER = regex.compile(r"^(?:[IVXLC]{1,7}|[A-Z]) ?\.\s+\p{Lu}")
"""A chapter's or section's number opening a heading: ``IV. Performance …``, ``E. Outcome 1 …``."""
NOTE_START = regex.compile(r"^(?:\*{1,3}|\d{1,3}/|[a-z]/|\(\d{1,3}\))(?=\s|$|\p{Han})")
ENDNOTE_START = regex.compile(r"^(?:\d{1,3}/?|\*{1,3})(?=\s)")
NOTES_HEADING = regex.compile(r"^(?:Notes|Endnotes|Notas|Примечания|注|注释|附注|الحواشي)\s*:?$", regex.IGNORECASE)
RULE_TOP = 0.35
"""A drawn separator lies below this fraction of the page height."""
RULE_JOIN = 2.0
"""Points: a rule that ends this close to where another on its level starts is a piece of one longer rule (a table's
rule drawn cell by cell), no separator."""


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


def find_separator(items: Sequence[Item], rules: Sequence[Box], body_size: float, continues: bool = False) -> Separator | None:
    """The highest separator that has notes under it, decided by what is under the rule, never by the rule alone.

    A drawn rule right under a line of text is an underline, not a separator.
    Under a separator the first line must open a note: a mark (a raised call,
    ``9``, ``*``) followed by words, the mark called on the page above (or the
    page calls nothing in raised type); or, when the previous page had notes
    (``continues``), a line of prose in the notes' size that carries one on.
    Under an underscore row a smaller first line or an old-style ``1/`` will do. A carried-on tail too short to
    be prose (``2011).``) will do when the next line opens a note called above.
    Whatever the rule, the text under it must be in the notes' size (a rule that
    belongs to a chart or a table has the body's next paragraphs under it), unless
    its first line opens with a raised mark the page calls: notes in the body's size.
    """
    text = [i for i in items if not i.kind and i.ink and not i.vertical]  # turned text is never a note
    candidates: list[Separator] = [
        Separator(min(g.top for g in i.ink), max(g.bottom for g in i.ink), _box(i), i)
        for i in text
        if all(g.text == "_" for g in i.ink) and SEPARATOR.match(i.text)
    ]
    alone = [r for r in rules if not _piece_of_longer(r, rules)]
    candidates += [Separator(r.top, r.bottom, r, None) for r in alone if not _underline(r, text)]
    # a rule as close under the last body line as an underline (LibreOffice, a font with no descent) is the
    # separator after all where nothing else is and a raised, smaller note mark called above opens the text under it
    close = [Separator(r.top, r.bottom, r, None) for r in alone if _underline(r, text)]
    rtl = bool(candidates or close) and line_direction("".join(g.text for i in text for g in i.ink)) == "rtl"
    for sep in [*sorted(candidates, key=lambda s: s.top), *sorted(close, key=lambda s: s.top)]:
        strict = sep in close
        below = sorted((i for i in text if i is not sep.item and _top(i) >= sep.bottom - 0.5), key=lambda i: i.base)
        if not below:
            continue
        first = below[0]
        mark = note_mark(first, rtl)
        calls = page_calls([i for i in text if _top(i) < sep.top])
        # notes set in the body's size under a drawn rule: the first opens with a raised mark that the page calls
        called = sep.item is None and mark is not None and mark in calls and starts_with_call(first)
        if _body_under(below, body_size, sep.item is None and not called):
            continue
        smaller = first.size <= body_size - LAYOUT.note_size_margin_pt
        if mark is not None:
            if strict and (mark in calls or _carried(mark, calls)) and smaller and starts_with_call(first):
                return sep
            if not strict and (mark in calls or not calls or _carried(mark, calls)) and (smaller or starts_with_call(first)):
                return sep
        if strict:
            continue
        if sep.item is not None and (smaller or NOTE_START.match(first.text)):
            return sep
        if continues and smaller and mark is None and (_prose(first) or _note_follows(below, sep, text, rtl)):
            return sep
    return None


def note_mark(item: Item, rtl: bool = False) -> str | None:
    """The mark a note's first line opens with (a raised ``9``, ``9 See``, ``*``) when words follow it.

    On a right-to-left page a line without Arabic (``A/73/150 *``) is laid out with its mark at the right end.
    """
    if starts_with_call(item):
        rise = max(0.5, SUP_RISE * item.size)
        raised = [g for g in _leading_run(item.ink, lambda g: g.size < SUP_SIZE * item.size and item.base - g.base > rise)]
        mark = "".join(g.text for g in raised).strip()
        rest = "".join(g.text for g in item.ink[len(raised) :])
    else:
        text = item.text
        match = MARK.match(text)
        end = MARK_END.search(text) if match is None and rtl else None
        if match is not None:
            mark, rest = match.group(1), text[match.end() :]
        elif end is not None:
            mark, rest = end.group(1), text[: end.start()]
        else:
            return None
    letters = sum(1 for c in rest if c.isalpha())
    return mark if mark and letters >= LAYOUT.note_text_letters else None


def page_calls(items: Sequence[Item]) -> frozenset[str]:
    """The note calls on these lines: runs of small raised glyphs (``9``, ``10,11``), split at commas, and
    asterisks after a word, raised or not (``list*``: star calls are often set in the line's own type)."""
    out: set[str] = set()
    for item in items:
        out.update(m.group() for m in STAR_CALL.finditer(item.text))
        rise = max(0.5, SUP_RISE * item.size)
        run: list[str] = []
        for g in [*item.ink, None]:
            if g is not None and g.size < SUP_SIZE * item.size and item.base - g.base > rise:
                run.append(g.text)
                continue
            if run:
                out.update(p for p in regex.split(r"[,\s–-]+", "".join(run)) if p)
                run = []
    return frozenset(out)


def _carried(mark: str, calls: frozenset[str]) -> bool:
    """The note opening the zone is called on a page before: the word processor carried it over whole, so its
    number comes just before the numbers this page calls (``18`` above calls ``19``, ``20``, ``21``)."""
    numbers = [int(n) for c in calls for n in _consecutive(c)]
    if not mark.isdigit() or not numbers:
        return False
    return min(numbers) - LAYOUT.carried_notes <= int(mark) < min(numbers)


def _consecutive(run: str) -> list[str]:
    """A run of raised digits split into the calls it holds: ``1920`` set with no comma is ``19`` and ``20``."""
    if not run.isdigit():
        return []
    for width in range(1, len(run) // 2 + 1):
        first = int(run[:width])
        parts, n, rest = [], first, run
        while rest.startswith(str(n)):
            parts.append(str(n))
            rest, n = rest[len(str(n)) :], n + 1
        if not rest and len(parts) > 1:
            return parts
    return [run]


def _leading_run(ink: Sequence[Glyph], raised: Callable[[Glyph], bool]) -> list[Glyph]:
    out: list[Glyph] = []
    for g in ink:
        if not raised(g):
            break
        out.append(g)
    return out


def _body_under(below: Sequence[Item], body_size: float, drawn: bool) -> bool:
    """A numbered paragraph in the body's size is under the rule, or, under a drawn rule, more of the ink is
    in the body's size than notes hold (old layouts set their notes under an underscore row in the body's size)."""
    limit = body_size - LAYOUT.note_size_margin_pt
    big = [i for i in below if i.size > limit and not starts_with_call(i)]
    if any(PARAGRAPH_NUMBER.match(i.text) for i in big):
        return True
    if not drawn:
        return False
    ink = sum(len(i.ink) for i in below)
    return sum(len(i.ink) for i in big) > LAYOUT.note_zone_body_share * ink


def _prose(item: Item) -> bool:
    """A line of words (a note carried on from the page before), not a row of chart ticks or scattered labels."""
    text = item.text
    letters = sum(1 for c in text if c.isalpha())
    words = len(text.split()) if not any(is_cjk(c) for c in text) else letters  # CJK writes no spaces
    return letters >= 0.5 * len(text.replace(" ", "")) and words >= LAYOUT.note_prose_words


def _note_follows(below: Sequence[Item], sep: Separator, text: Sequence[Item], rtl: bool) -> bool:
    """The line after a short carried-on tail (``2011).``) opens a note called on the page above, in the same size."""
    if len(below) < 2 or size_key(below[1].size) != size_key(below[0].size):
        return False
    mark = note_mark(below[1], rtl)
    return mark is not None and mark in page_calls([i for i in text if _top(i) < sep.top])


def size_key(size: float) -> float:
    """A size rounded to half a point: the key lines of one size share."""
    return round(size * 2) / 2


def _top(item: Item) -> float:
    top: float = min(map(_TOP, item.ink))
    return top


def _piece_of_longer(rule: Box, rules: Sequence[Box]) -> bool:
    """Another rule on the rule's level starts where it ends or ends where it starts."""
    return any(
        other is not rule
        and abs(other.top - rule.top) <= RULE_JOIN
        and (abs(other.x0 - rule.x1) <= RULE_JOIN or abs(rule.x0 - other.x1) <= RULE_JOIN)
        for other in rules
    )


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


def numbered_heading(item: Item) -> bool:
    """A chapter's or section's heading (``IV. Performance …``, ``A. The Commission``): its number and words in bold."""
    bold = all(g.bold for g in item.ink if g.text.isalnum())
    return bold and HEADING_NUMBER.match(item.text.strip()) is not None
