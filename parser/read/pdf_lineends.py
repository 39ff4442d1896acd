"""What a layout engine does at line ends, undone on a page's rows (``pdf_chars.glyphs_to_rows`` calls these).

* **A call wrapped alone.** A line may break just before a footnote call (the
  full stop before it hung into the margin, the raised ``5`` did not fit): the
  call stands alone, small, at the start of the next line, with nothing to
  hang on below it. It belongs at the end of the line above, as a raised call.
* **A typed space hidden by the break.** Layout engines do not draw the space
  a line breaks at, so where CJK meets Latin letters or digits (``至少有 30`` /
  ``名``) nothing in the text layer says whether the text had a space there.
  The page's own lines do: when most CJK–Latin boundaries inside its lines
  carry a typed space, the document types them, and a full line that breaks at
  such a boundary gets its space back (``Glyph.break_space``; the assembler
  keeps it only between a CJK letter and a Latin letter or digit).

* **A line that runs on.** A line continues the one above as the layout wrapped it when the line above
  spans the column and the first word of this line would not have fitted at its end (``runs_on``): the
  writer did not break there, whatever the line's first words look like (``会议，并在此前举行…`` is no
  masthead line).

``usual_leading`` guesses the line step of a size no page taught: the
document's own leading scaled, rather than a fixed 1.2 (a tall Arabic font at
1.15 spacing steps 1.9 of its size, and a wrapped heading is one heading).

Rows come in baseline order; glyphs are ``pdf_chars.Glyph`` tuples (only
their fields are used here, so this module imports nothing from pdf_chars).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress, pairwise
from operator import attrgetter, sub
from typing import TYPE_CHECKING

import regex

from .pdf_bidi import line_direction

if TYPE_CHECKING:
    from .pdf_chars import Glyph, Row

_TEXT, _FONT, _X0, _X1 = attrgetter("text"), attrgetter("font"), attrgetter("x0"), attrgetter("x1")

CALL_TEXT = regex.compile(r"^(?:\d{1,3}|[*†‡§]{1,3}|[a-z])$")
"""What a footnote call reads: a number, a symbol or a letter."""
CALL_SIZE = 0.85
"""A call is set at most this fraction of its line's size..."""
CALL_MIN = 0.45
"""...and at least this fraction (superscripts are 55–70 % of the text; a chart's 3.5 pt labels are no calls)..."""
CALL_REACH = 1.8
"""...and stands at most this many line sizes below the line it ends (one line step at up to 1.5 spacing)."""
FULL_TEXT = 10
"""A line of running text has at least this many glyphs."""
LINE_START = 2.0
"""A wrapped call starts its line: within this many ems of the line above's start (or end, right to left)."""
FULL_LINE = 4.0
"""A line that ends within this many ems of the page's widest line end was broken by the layout, not by the text."""
CONVENTION_SHARE = 0.75
"""Share of in-line CJK–Latin boundaries that must carry a typed space for the page to be taken as typing them..."""
CONVENTION_MIN = 3
"""...counted over at least this many boundaries."""
WORD_GAP = 0.15
"""A gap between two glyphs wider than this many ems ends a word..."""
SPACE = 0.25
"""...and a typed space, or the automatic space between CJK and Latin letters or digits, is about this many ems."""
COLUMN_GAP = 2.0
"""A gap wider than this many ems inside a row parts table columns: such a row is no line of running text."""
MARKER = 4
"""Glyphs of a hanging paragraph number or list marker at most (``12.``, ``(a)``)."""
MARKER_GAP = 1.0
"""A gap this many ems wide after a line's first word follows a hanging paragraph number (a tab)."""
INDENT_SLACK = 0.5
"""A line starting this many ems further in than the line above is indented: it opens a paragraph."""
_LEADERS = regex.compile(r"(?:\.\s*){3,}\d+\s*$|…\s*\d+\s*$")
"""Dot leaders to a page number: a line of a table of contents."""
RUN_ON_SLACK = 0.3
"""The next word must overshoot the column's far edge less this many ems (glyph boxes and justification jitter)."""
_CJK_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LATIN = regex.compile(r"[\p{Latin}\p{Nd}]")
_LETTER = regex.compile(r"[\p{L}\p{N}]")
_MARKER_END = regex.compile(r"\(\w{1,4}\)$")
"""A list marker ending the line (``(a)``), on such a page: a typed space follows it before a CJK letter."""


def hang_wrapped_calls(rows: list[Row]) -> list[Row]:
    """Move a call standing alone at the start of a line to the end of the line above, raised like a call.

    The line above must be a full line of running text (``FULL_TEXT`` glyphs at least, ending within
    ``FULL_LINE`` ems of the page's widest line end): the call wrapped because that line had no room left.
    Small numbers stacked in a chart or a table stand below short lines and stay where they are.
    """
    texts = [r for r in rows if not r.vertical and len(r.ink) >= FULL_TEXT]
    right = max((r.ink[-1].x1 for r in texts), default=0.0)
    left = min((r.ink[0].x0 for r in texts), default=0.0)
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        full = above is not None and len(above.ink) >= FULL_TEXT and not above.vertical
        if full and above is not None and _full_width(above, left, right) and _is_wrapped_call(row, above):
            _append_call(above, row)
            continue
        out.append(row)
    return out


def _full_width(row: Row, left: float, right: float) -> bool:
    """The row reaches the column's far edge: the right one left to right, the left one right to left."""
    rtl = line_direction("".join(map(_TEXT, row.ink))) == "rtl"
    return row.ink[0].x0 <= left + FULL_LINE * row.size if rtl else row.ink[-1].x1 >= right - FULL_LINE * row.size


def _is_wrapped_call(row: Row, above: Row) -> bool:
    ink = row.ink
    if not ink or len(ink) > 3 or not CALL_TEXT.match("".join(g.text for g in ink)):
        return False
    if not CALL_MIN * above.size <= max(g.size for g in ink) <= CALL_SIZE * above.size:
        return False
    if not 0 < row.base - above.base <= CALL_REACH * above.size:
        return False
    em = above.size
    x0, x1 = min(g.x0 for g in ink), max(g.x1 for g in ink)
    rtl = line_direction("".join(g.text for g in above.ink)) == "rtl"
    return abs(x1 - above.ink[-1].x1) <= LINE_START * em if rtl else abs(x0 - above.ink[0].x0) <= LINE_START * em


def _append_call(above: Row, row: Row) -> None:
    """The call's glyphs placed just past the line's end (left end for a right-to-left line), raised above its baseline."""
    rtl = line_direction("".join(g.text for g in above.ink)) == "rtl"
    ink = sorted(row.ink, key=lambda g: g.x0)
    width = sum(g.x1 - g.x0 for g in ink)
    x = above.ink[0].x0 - width if rtl else above.ink[-1].x1
    rise = 0.33 * above.size
    for g in ink:
        w = g.x1 - g.x0
        above.glyphs.append(g._replace(x0=x, x1=x + w, base=above.base - rise))
        x += w
    above.finish()


def column_edges(inks: Iterable[Sequence[Glyph]]) -> tuple[float, float]:
    """The left and right edges of a text column: where the letters and digits of its lines of running text
    (``FULL_TEXT`` glyphs) start and end at most (punctuation may hang in the margin), as two lines at least
    reach it (two different lines: copies of one line are one)."""
    # a line repeated word for word (a table's ``(Thousands of United States dollars)`` under each title) counts once:
    # its copies end together wherever the column ends
    unique = {"".join(map(_TEXT, ink)): ink for ink in inks if len(ink) >= FULL_TEXT}
    full = [list(compress(ink, map(_starts_letter, map(_TEXT, ink)))) for ink in unique.values()]  # C loops
    return _shared([min(map(_X0, ink)) for ink in full if ink], -1), _shared([max(map(_X1, ink)) for ink in full if ink], 1)


@lru_cache(maxsize=4096)
def _starts_letter(text: str) -> bool:
    """Whether a glyph's text starts with a letter or digit (``_LETTER`` matches one character), worked out once per
    text (every glyph of a page's full lines asks)."""
    return bool(_LETTER.match(text))


def _shared(xs: list[float], sign: int) -> float:
    """The outermost of ``xs`` (``sign`` 1: the largest) that another line reaches too, within half a point (one
    line squeezed past the margin does not move the edge); the outermost one where none is shared."""
    ordered = sorted(xs, key=lambda x: -sign * x)
    shared = [a for a, b in pairwise(ordered) if abs(a - b) <= 0.5]
    return shared[0] if shared else (ordered[0] if ordered else 0.0)


def runs_on(above: Sequence[Glyph], line: Sequence[Glyph], edges: tuple[float, float], size: float, rtl: bool,
            memo: dict[tuple[int, float, bool], tuple[list[Glyph], bool]] | None = None) -> bool:  # fmt: skip
    """Whether ``line`` continues ``above`` as the layout wrapped it: ``above`` starts within
    ``FULL_LINE`` ems of the column's start edge, ``line``'s first word would not have fitted after its end, both
    are running text (no gap of a table's columns, no page number after dot leaders) and ``line`` starts flush
    under ``above`` (not indented; under its text where ``above`` opens with a hanging number).
    ``edges``: the left and right edges of the column (the page's full lines); ``memo``: each line's glyphs by x and
    whether it is running text, kept for the next pair by the caller that asks of every pair of a zone's lines."""
    if not above or not line or size <= 0:
        return False
    left, right = edges
    above, running = _running_by_x(above, size, rtl, memo)
    if not running:
        return False
    line, running = _running_by_x(line, size, rtl, memo)
    if not (running and _flush_under(above, line, size, rtl)):
        return False
    word = _first_word(line[::-1] if rtl else line, size, rtl)
    last, first = (above[0], word[0]) if rtl else (above[-1], word[0])
    spaced = not _CJK_LETTER.match(first.text[:1]) or _boundary(last.text[-1:], first.text[:1])
    space = SPACE * size if spaced else 0.0  # a typed space, or the layout's CJK–Latin spacing
    width = max(g.x1 for g in word) - min(g.x0 for g in word) + space
    if rtl:
        spans = above[-1].x1 >= right - FULL_LINE * size
        return spans and above[0].x0 - width < left + RUN_ON_SLACK * size
    spans = above[0].x0 <= left + FULL_LINE * size
    return spans and above[-1].x1 + width > right - RUN_ON_SLACK * size


def _running_by_x(ink: Sequence[Glyph], size: float, rtl: bool,
                  memo: dict[tuple[int, float, bool], tuple[list[Glyph], bool]] | None) -> tuple[list[Glyph], bool]:  # fmt: skip
    """``ink`` by x and whether it is running text (``_running_text``), from ``memo`` (by the list) when known."""
    key = (id(ink), size, rtl)
    known = memo.get(key) if memo is not None else None
    if known is None:
        ordered = sorted(ink, key=_X0)
        known = (ordered, _running_text(ordered, size, rtl))
        if memo is not None:
            memo[key] = known
    return known


def _running_text(ink: list[Glyph], size: float, rtl: bool) -> bool:
    """No gap wider than ``COLUMN_GAP`` ems between two glyphs (table columns; the tab after a hanging number of
    up to ``MARKER`` glyphs aside) and no dot leaders to a number."""
    body = ink[:-MARKER] if rtl else ink[MARKER:]
    widest = COLUMN_GAP * size  # each gap b.x0 - a.x1 tested against it in C (lines of a page come here many times)
    if any(map(widest.__lt__, map(sub, map(_X0, body[1:]), map(_X1, body[:-1])))):
        return False
    return not _LEADERS.search("".join(map(_TEXT, ink)))


def _flush_under(above: list[Glyph], line: list[Glyph], size: float, rtl: bool) -> bool:
    """``line`` (glyphs by x) starts where ``above`` starts, or where its text starts after a hanging marker (a gap of
    ``MARKER_GAP`` ems after its first word), within ``INDENT_SLACK`` ems; or further out (``above`` indented)."""
    if rtl:
        above, line = (
            [g._replace(x0=-g.x1, x1=-g.x0) for g in reversed(above)],
            [g._replace(x0=-g.x1, x1=-g.x0) for g in reversed(line)],
        )
    starts = [above[0].x0] + [b.x0 for a, b in pairwise(above[:6]) if b.x0 - a.x1 >= MARKER_GAP * size][:1]
    return any(line[0].x0 <= x + INDENT_SLACK * size for x in starts)


def _mirrored(ink: list[Glyph]) -> list[Glyph]:
    """Glyphs by x as a right-to-left line runs: x negated, first the rightmost."""
    return [g._replace(x0=-g.x1, x1=-g.x0) for g in reversed(ink)]


def _first_word(ink: list[Glyph], size: float, rtl: bool) -> list[Glyph]:
    """The glyphs of the first word in reading order (``ink`` already in reading order): one CJK character and the
    punctuation after it, or the glyphs up to the first gap wider than ``WORD_GAP`` ems."""
    word = [ink[0]]
    lettered = bool(_LETTER.match(ink[0].text[:1]))
    for prev, g in pairwise(ink):
        if (_CJK_LETTER.match(g.text[:1]) and lettered) or (_CJK_LETTER.match(prev.text[:1]) and _LETTER.match(g.text[:1])):
            break  # a CJK character is a word, with the punctuation that may not end or start a line around it
        if (prev.x0 - g.x1 if rtl else g.x0 - prev.x1) > WORD_GAP * size:
            break
        word.append(g)
        lettered = lettered or bool(_LETTER.match(g.text[:1]))
    return word


def restore_break_spaces(rows: list[Row]) -> None:
    """Give full lines that break at a CJK–Latin boundary their typed space back, where the page types such spaces."""
    flat = [r for r in rows if not r.vertical and r.ink]
    if not flat or not _types_boundary_spaces(flat):
        return
    right = max(r.ink[-1].x1 for r in flat)
    for a, b in pairwise(flat):
        last, first = a.ink[-1], b.ink[0]
        if a.ink[-1].x1 < right - FULL_LINE * a.size or not 0 < b.base - a.base <= 2.5 * a.size:
            continue
        if _boundary(last.text[-1], first.text[0]) or (_MARKER_END.search(_tail(a)) and _CJK_LETTER.match(first.text[0])):
            a.glyphs.append(last._replace(text=" ", x0=last.x1, x1=last.x1, break_space=True))


def _tail(row: Row) -> str:
    return "".join(g.text for g in row.ink[-6:])


def _boundary(left: str, right: str) -> bool:
    """A CJK letter on one side, a Latin letter or digit on the other."""
    return bool((_CJK_LETTER.match(left) and _LATIN.match(right)) or (_LATIN.match(left) and _CJK_LETTER.match(right)))


def _types_boundary_spaces(rows: list[Row]) -> bool:
    if not _CJK_LETTER.search("".join([g.text for row in rows for g in row.glyphs])):
        return False  # no CJK letter, no boundary: one search over the page, not two patterns per pair of glyphs
    spaced = bare = 0
    for row in rows:
        prev: Glyph | None = None
        space = False
        for g in row.glyphs:
            if g.text.isspace():
                space = prev is not None
                continue
            if prev is not None and not prev.text.startswith("(cid:") and _boundary(prev.text[-1], g.text[0]):
                spaced += space
                bare += not space
            prev, space = g, False
    total = spaced + bare
    return total >= CONVENTION_MIN and spaced >= CONVENTION_SHARE * total


DEFAULT_LEADING = 1.2
"""Line step per point of size when the document has taught none."""


def usual_leading(leading: Mapping[float, float], size: float) -> float:
    """The line step of ``size``: the learnt leadings' usual ratio to their size (the median; of two, the tighter:
    a size learnt from one-line items with gaps between steps wider than running text), times ``size``."""
    ratios = [step / key for key, step in leading.items() if key > 0]
    if not ratios:
        return DEFAULT_LEADING * size
    return max(DEFAULT_LEADING, sorted(ratios)[(len(ratios) - 1) // 2]) * size


LOOSE_LEADING = 1.5
"""A smaller size's learnt step this many times the usual ratio (``usual_leading``) or more was learnt from gaps, not
from wrapped lines: the entries of a contents page in 8.5 pt at 18 pt (2.1 em, where the body steps 1.2 em)."""


def without_loose(leading: Mapping[float, float], samples: Mapping[float, int]) -> dict[float, float]:
    """``leading`` without the sizes learnt from gaps: a size smaller than the most taught one (the body's, whose step
    is its own, double spacing and all) that steps ``LOOSE_LEADING`` times the usual ratio or more (contents entries,
    one-line items, a chart's ticks); such a size steps as ``usual_leading`` says, and a line in it under a line in
    the body's type is told apart by its gap. A larger size keeps its step: a title is set with air between its
    lines (14 pt at 28 pt)."""
    usual = usual_leading(leading, 1.0)
    body = max(samples, key=lambda key: samples[key], default=0.0)
    return {key: step for key, step in leading.items() if key >= body or step < LOOSE_LEADING * usual * key}


MIXED_LEADING = 1.35
"""A line step learnt for lines that mix fonts is taken only up to this many times the size's usual step (beyond,
those steps are paragraph gaps: the pairs are mostly paragraph starts)."""
MIXED_MIN = 3
"""Pairs of lines needed to learn the step of a kind of pair."""


def mixes_fonts(glyphs: Sequence[Glyph]) -> bool:
    """The line sets some glyphs in another font (the subset prefix aside) than the rest: the Latin font of a
    Chinese line."""
    fonts = set(map(_FONT, glyphs))
    if len(fonts) < 2:
        return False  # one font (most lines): nothing to compare
    first = glyphs[0].font.split("+", 1)[-1]
    return any(font.split("+", 1)[-1] != first for font in fonts)


def mixed_leading(
    samples: Iterable[tuple[float, bool, bool, float]], leading: Mapping[float, float]
) -> dict[tuple[float, bool, bool], float]:
    """The usual step ``(size, upper line mixes fonts, lower line mixes fonts) → points`` where it is longer than the
    size's usual step (``leading``) but at most ``MIXED_LEADING`` times it.

    A word processor at single spacing makes each line as tall as its tallest font: a Chinese line with a
    Latin run set in a font with a taller ascent (or descent) steps further from the line above it (or below it)
    than a line of Chinese alone (AR PL UMing 12 pt: 12.6 pt alone, 14.3–14.7 with Latin on one side, 16.4 on both),
    so a step that is a blank line after Chinese alone is a plain line step between two mixed lines.
    """
    steps: dict[tuple[float, bool, bool], dict[float, int]] = {}
    for size, upper, lower, step in samples:
        if upper or lower:
            counts = steps.setdefault((size, upper, lower), {})
            counts[step] = counts.get(step, 0) + 1
    out: dict[tuple[float, bool, bool], float] = {}
    for key, counts in steps.items():
        base = leading.get(key[0])
        step, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        if base and n >= MIXED_MIN and base < step <= MIXED_LEADING * base:
            out[key] = step
    return out
