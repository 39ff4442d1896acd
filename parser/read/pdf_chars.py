"""Glyphs (``pdf_glyphs``: deduplicated characters) to rows, rows to styled spans.

One sort to cluster a page's glyphs by baseline. Rows are clustered on the *visual* baseline (the
baseline with any text rise taken off), so a superscript call lands on the
line it is raised above, whether the PDF raised it with ``Ts`` or moved it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, pairwise
from operator import and_, attrgetter, gt, not_, sub

import regex

from ..model import Box, Span
from ..thresholds import LAYOUT
from .pdf_bidi import Strong, line_direction, visual_to_logical
from .pdf_glyphs import Glyph as Glyph  # re-exported: the modules that build lines take it from here
from .pdf_lineends import hang_wrapped_calls, restore_break_spaces
from .pdf_marks import marks_before_spaces, raised_marks

SPACE_GAP = 0.2
"""A horizontal gap wider than this many ems between two glyphs is a word space."""
SEGMENT_GAP = 2.5
"""A gap wider than this many ems (and 20 pt) splits a row into segments (columns, footer parts)."""
SUP_SIZE = 0.85
"""A superscript is at most this fraction of its line's dominant size..."""
SUP_RISE = 0.05
"""...and its baseline is raised by more than this many ems (and half a point)."""
AUTOSPACE_GAP = 0.5
"""On a page that writes its spaces as glyphs, a gap at a CJK–Latin boundary without one and at most this many ems
wider than the line's usual gap between two CJK characters (what justification adds to every gap) is the layout
engine's automatic spacing (Word: a quarter em, LibreOffice about 0.2 em), not a typed space; the tab after a
paragraph number or heading label is wider."""
ZERO_WIDTH = 0.05
"""A glyph narrower than this many points draws no advance (lam-alef drawn as lam + a zero-width alef)."""

CJK_FROM = "\u02ea"
"""The first character ``is_cjk`` takes (Bopomofo's tone marks): a text below it has no CJK character."""
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\u3000-\u303f\uff00-\uffef]")


@dataclass(slots=True)
class Row:
    """Glyphs sharing a baseline, left to right (top to bottom for vertical text)."""

    glyphs: list[Glyph]
    base: float = 0.0
    size: float = 0.0
    vertical: bool = False
    ink: list[Glyph] = field(default_factory=list)
    """The non-space glyphs."""

    def finish(self) -> Row:
        """Sort the glyphs and work out the dominant size and its baseline."""
        if not self.vertical:
            self.glyphs.sort(key=_X0)
        self.ink = [g for g in self.glyphs if not g.text.isspace()]
        self.size, self.base = dominant(self.ink or self.glyphs)
        return self

    @property
    def box(self) -> Box:
        return glyphs_box(self.ink or self.glyphs)


_TEXT, _X0, _X1, _TOP, _BOTTOM, _BASE, _SIZE, _EM, _UPRIGHT = (
    attrgetter(name) for name in ("text", "x0", "x1", "top", "bottom", "base", "size", "em", "upright")
)


def _cjk_stretch(ink: Sequence[Glyph]) -> float:
    """The median gap between two neighbouring CJK glyphs of a line: what justification put between all glyphs."""
    if max("".join(map(_TEXT, ink))) < CJK_FROM:
        return 0.0  # no CJK character (most lines)
    gaps = sorted(max(0.0, b.x0 - a.x1) for a, b in pairwise(ink) if is_cjk(a.text[-1]) and is_cjk(b.text[0]))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _attach_zero_width(glyphs: Sequence[Glyph], rtl: bool) -> Sequence[Glyph]:
    """Each zero-width glyph right after the glyph it is drawn on, in reading direction.

    A layout engine draws a ligature part or a mark without advance at an edge
    or inside of the glyph it belongs to (Noto Naskh's lam-alef: a lam and a
    zero-width alef at the lam's left edge); sorted by position it may land on
    the wrong side of that glyph. Right to left it belongs just left of its
    host (read after it), left to right just right of it.
    """
    if not glyphs or min(map(sub, map(_X1, glyphs), map(_X0, glyphs))) >= ZERO_WIDTH:
        return glyphs  # no glyph without advance (most lines): one pass in C
    zeros = [g for g in glyphs if g.x1 - g.x0 < ZERO_WIDTH and not g.text.isspace()]
    if not zeros:
        return glyphs
    out = [g for g in glyphs if not (g.x1 - g.x0 < ZERO_WIDTH and not g.text.isspace())]
    for z in zeros:
        tol = 0.05 * z.size
        hosts = [k for k, g in enumerate(out) if not g.text.isspace() and g.x0 - tol <= z.x0 < g.x1 - tol]
        if not hosts:
            out.insert(bisect_left([g.x0 for g in out], z.x0), z)
            continue
        k = min(hosts, key=lambda k: abs(out[k].x0 - z.x0))
        out.insert(k if rtl else k + 1, z)
    return out


def dominant(glyphs: Sequence[Glyph]) -> tuple[float, float]:
    """The most used size (by glyph count; the larger on a tie) and the median baseline of that size."""
    ems = list(map(_EM, glyphs))  # map over attribute getters: C loops, no per-glyph Python frame
    if ems.count(ems[0]) == len(ems):
        same: Sequence[Glyph] = glyphs
    else:
        counts = Counter(ems)
        em = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
        same = [g for g in glyphs if g.em == em]
    bases: list[float] = sorted(map(_BASE, same))
    size: float = max(map(_SIZE, same))
    return size, bases[len(bases) // 2]


def glyphs_box(glyphs: Iterable[Glyph]) -> Box:
    gs = glyphs if isinstance(glyphs, (list, tuple)) else list(glyphs)
    return Box(
        round(min(map(_X0, gs)), 2),
        round(min(map(_TOP, gs)), 2),
        round(max(map(_X1, gs)), 2),
        round(max(map(_BOTTOM, gs)), 2),
    )


@lru_cache(maxsize=65536)
def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def glyphs_to_rows(glyphs: Sequence[Glyph]) -> list[Row]:
    """Cluster glyphs into rows by visual baseline, then hang superscript calls on their lines.

    Glyphs on exactly the same baseline go together first (a 20 pt initial
    and the 10 pt rest of a symbol); such runs then join a row whose baseline
    is within a fifth of an em of theirs (a call raised by a point).
    """
    blank = list(map(str.isspace, map(_TEXT, glyphs)))  # each glyph asked once, in C
    upright = list(map(_UPRIGHT, glyphs))
    ink = sorted(compress(glyphs, map(gt, upright, blank)), key=_BASE)  # upright and not a space
    runs: list[list[Glyph]] = []
    run: list[Glyph] = []
    last = 0.0
    for g in ink:
        base = g.base
        if run and base - last <= 0.3:
            run.append(g)
        else:
            run = [g]
            runs.append(run)
        last = base
    raw: list[list[Glyph]] = []
    ref = ref_size = 0.0
    ref_count = 0
    for run in runs:
        size, base = dominant(run)
        if raw and base - ref <= max(1.0, 0.2 * min(size, ref_size)):
            raw[-1].extend(run)
            if len(run) > ref_count:
                ref, ref_size, ref_count = base, size, len(run)
        else:
            raw.append(list(run))
            ref, ref_size, ref_count = base, size, len(run)
    rows = hang_wrapped_calls(_hang_satellites([Row(r).finish() for r in raw]))
    _add_spaces(rows, list(compress(glyphs, map(and_, upright, blank))))
    restore_break_spaces(rows)
    rows.extend(_vertical_rows(list(compress(glyphs, map(not_, upright)))))
    rows.sort(key=lambda r: r.base)
    return rows


def _hang_satellites(rows: list[Row]) -> list[Row]:
    """Merge short rows of small raised glyphs (calls) into the line just below them; raised punctuation at the
    line's size (``pdf_marks.raised_marks``) is seated on its baseline."""
    merged: set[int] = set()
    changed: set[int] = set()
    for i, row in enumerate(rows):
        if len(row.ink) > 12:
            continue
        for seg in split_segments(row.ink):
            if len(seg) > 6:
                continue
            host = _host_below(rows, i, seg)
            if host is not None:
                for g in seg:
                    row.glyphs.remove(g)
                if max(g.size for g in seg) > SUP_SIZE * host.size:  # raised marks (no call): seated on the line
                    seg = [g._replace(top=g.top + host.base - g.base, bottom=g.bottom + host.base - g.base, base=host.base)
                           for g in seg]  # fmt: skip
                host.glyphs.extend(seg)
                changed.update((id(row), id(host)))
        if not row.glyphs:
            merged.add(i)
    kept = [r for i, r in enumerate(rows) if i not in merged]
    return [r.finish() if id(r) in changed else r for r in kept]  # the others are as they were finished


def _host_below(rows: list[Row], i: int, seg: list[Glyph]) -> Row | None:
    base = min(g.base for g in seg)
    size = max(g.size for g in seg)
    x0, x1 = min(g.x0 for g in seg), max(g.x1 for g in seg)
    for j in range(i + 1, len(rows)):
        host = rows[j]
        rise = host.base - base
        if rise > 0.6 * max(host.size, size) + 0.5:
            break
        if rise <= 0 or not host.ink:
            continue
        if size > SUP_SIZE * host.size and not raised_marks(seg, host, rise):
            continue
        slack = 2 * host.size
        if host.ink[0].x0 - slack <= x0 and x1 <= host.ink[-1].x1 + slack:
            return host
    return None


def _add_spaces(rows: list[Row], spaces: list[Glyph]) -> None:
    """Give each text-layer space to a row it sits in (or is raised above, like a call); others carry no text."""
    if not rows or not spaces:
        return
    bases = [r.base for r in rows]
    touched: set[int] = set()
    starts: dict[int, list[float]] = {}
    count = len(rows)
    for s in spaces:
        base, x0 = s.base, s.x0
        k = bisect_left(bases, base)
        for j in (k - 1, k, k + 1):
            if 0 <= j < count:
                row = rows[j]
                size, ink = row.size, row.ink
                if -0.3 * size <= row.base - base <= 0.6 * size and ink[0].x0 <= x0 <= ink[-1].x1:
                    xs = starts.get(j)
                    if xs is None:
                        xs = starts[j] = list(map(_X0, ink))
                    under = ink[bisect_right(xs, x0) - 1]
                    if under.x1 - x0 > 0.5 * (s.x1 - x0):
                        break  # drawn over a letter of the row: a space of a line above or below (``A .`` for ``A.``)
                    row.glyphs.append(s)
                    touched.add(j)
                    break
    for j in touched:
        rows[j].glyphs.sort(key=_X0)


def _vertical_rows(glyphs: list[Glyph]) -> list[Row]:
    """Rotated text (figure labels): one row per column of glyphs, in reading direction."""
    rows: list[Row] = []
    for g in sorted(glyphs, key=lambda g: (round(g.x0), g.top)):
        if rows and abs(rows[-1].glyphs[-1].x0 - g.x0) <= 0.5 * g.size:
            rows[-1].glyphs.append(g)
        else:
            rows.append(Row([g], vertical=True))
    for row in rows:
        row.glyphs.sort(key=lambda g: -g.bottom if g.rising else g.top)
        row.finish()
        row.base = max(g.bottom for g in row.glyphs)
    return [r for r in rows if r.ink]


def split_segments(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Runs of glyphs separated by gaps wider than ``SEGMENT_GAP`` ems (spaces count as gap).

    The em is the larger glyph's, unless the two are set in two types (``LAYOUT.two_types_ratio``): then it is the
    smaller one's, so a masthead's organ in large type and ``Distr.: General`` beside it on its baseline part.
    """
    segments: list[list[Glyph]] = []
    last: Glyph | None = None
    for g in glyphs:
        if g.text.isspace():
            if segments:
                segments[-1].append(g)
            continue
        if last is None:
            segments.append([g])
        elif (gap := g.x0 - last.x1) > 20.0 and gap > max(20.0, SEGMENT_GAP * _gap_em(g.size, last.size)):
            segments.append([g])  # (a gap of 20 pt or less parts nothing, whatever the em)
        else:
            segments[-1].append(g)
        last = g
    for seg in segments:
        while seg and seg[-1].text.isspace():
            seg.pop()
    return segments


def _gap_em(a: float, b: float) -> float:
    """The em a gap between glyphs of sizes ``a`` and ``b`` is measured in (``split_segments``)."""
    small, large = (a, b) if a < b else (b, a)
    return small if large >= LAYOUT.two_types_ratio * small else large


def glyphs_to_spans(
    glyphs: Sequence[Glyph],
    vertical: bool = False,
    rtl: bool | None = None,
    swapped: bool | None = None,
    context: tuple[Strong, Strong] = ("R", "R"),
) -> tuple[tuple[Span, ...], float, bool]:
    """Styled spans of one line, with word spaces put back; also its dominant size and whether it is all bold.

    Runs of spaces collapse to one and the line is stripped; a gap wider than
    ``SPACE_GAP`` ems (measured from the furthest glyph end so far) becomes a
    space, except between two CJK characters, between a CJK character and a
    call raised beside it, and, on a page that writes its spaces, at a
    CJK–Latin boundary no wider than ``AUTOSPACE_GAP`` (automatic spacing). A
    typed space hidden at the line's end (``Glyph.break_space``) is kept. A
    zero-width glyph goes with the glyph it is drawn on (``_attach_zero_width``).
    A right-to-left line (``rtl``; by default one whose strong characters are
    mostly Arabic) is put back in reading order (``pdf_bidi``; ``swapped``:
    bracket glyphs map to their partners' characters; ``context``: the text's direction around it).
    """
    ink = [g for g in glyphs if not g.text.isspace()]
    if not ink:
        return (), 0.0, False
    if rtl is None:
        rtl = not vertical and line_direction("".join(map(_TEXT, ink))) == "rtl"
    if not vertical:
        glyphs = _attach_zero_width(glyphs, rtl) if rtl else marks_before_spaces(_attach_zero_width(glyphs, rtl))
    size, base = dominant(ink)
    sup_size, sup_rise = SUP_SIZE * size, max(0.5, SUP_RISE * size)
    # the pieces (glyphs and the spaces put back) in runs of one style: ``texts``, each run's first piece at ``starts``
    # with its style in ``styles``, the last run's style in ``cur_*`` (a run is a span, unless the line is read right
    # to left: then each piece is one)
    texts: list[str] = []
    starts: list[int] = []
    styles: list[tuple[bool, bool, bool, float]] = []
    append = texts.append
    cur_sup = cur_bold = cur_italic = False
    cur_em: float | None = None
    started = prev_sup = pending = False
    all_bold = True
    edge = p_top = p_bottom = p_size = 0.0
    p_text = ""
    stretch = _cjk_stretch(ink) if not vertical else 0.0
    # one pass, each glyph's fields unpacked once (every line of every page comes here, some more than once)
    for text, x0, x1, top, bottom, g_base, g_size, em, _, bold, italic, _, _, spaced, _ in glyphs:
        if text.isspace():
            pending = started
            continue
        sup = g_size < sup_size and base - g_base > sup_rise
        if started and not pending and (vertical or x1 - x0 >= ZERO_WIDTH):
            if vertical:
                gap = p_top - bottom
                if top - p_bottom > gap:
                    gap = top - p_bottom
            else:
                gap = x0 - edge
            em_size = p_size if p_size > g_size else g_size
            if gap > SPACE_GAP * em_size:
                cjk_before, cjk_after = is_cjk(p_text[-1]), is_cjk(text[0])
                # never between two CJK characters, nor between a CJK character and its call
                pending = not (cjk_before and (cjk_after or sup)) and not (cjk_after and prev_sup)
                if pending and spaced and cjk_before != cjk_after and gap <= stretch + AUTOSPACE_GAP * em_size:
                    pending = vertical  # the layout's automatic CJK–Latin spacing, not a typed space
        if all_bold and not sup and not bold and text.isalnum():
            all_bold = False
        if pending:
            if cur_sup and (bold != cur_bold or italic != cur_italic or em != cur_em or not sup):
                # after a call the space takes the style of the glyph that follows it
                starts.append(len(texts))
                styles.append((sup, bold, italic, em))
                cur_sup, cur_bold, cur_italic, cur_em = sup, bold, italic, em
            append(" ")
            pending = False
        if sup != cur_sup or bold != cur_bold or italic != cur_italic or em != cur_em:
            starts.append(len(texts))
            styles.append((sup, bold, italic, em))
            cur_sup, cur_bold, cur_italic, cur_em = sup, bold, italic, em
        append(text)
        started, prev_sup = True, sup
        p_text, p_top, p_bottom, p_size = text, top, bottom, g_size
        if x1 > edge:
            edge = x1
    if glyphs[-1].break_space:
        if cur_sup:  # not raised, in the call's type
            starts.append(len(texts))
            styles.append((False, cur_bold, cur_italic, styles[-1][3]))
        append(" ")
    ends = [*starts[1:], len(texts)]
    if rtl:
        units = [Span(piece, *style) for style, b, e in zip(styles, starts, ends, strict=True) for piece in texts[b:e]]
        return visual_to_logical(units, swapped, context), round(size, 1), all_bold
    spans = tuple(Span("".join(texts[b:e]), *style) for style, b, e in zip(styles, starts, ends, strict=True))
    return spans, round(size, 1), all_bold
