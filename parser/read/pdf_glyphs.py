"""Characters (``pdf_source.Char``) to deduplicated glyphs on their visual baselines: the per-character hot path.

Every character of every page passes through ``chars_to_glyphs``, so it is written for speed: one
pass, the character's fields unpacked once, what depends only on the font (bold, italic, descent)
looked up once per font of the page, and the duplicate search keyed by glyph kind (text, font, size)
and then by a cell of the page's height, so that a character nothing else resembles costs one
dictionary miss. The rest of the line building is ``pdf_chars``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

import regex

from .pdf_bidi import normalize_presentation_forms
from .pdf_source import Char

SPACED_PAGE = 1
"""A page whose text layer has at least this many space glyphs writes its spaces (a Chinese page may type one)."""
DUPLICATE_TOL = 0.1
"""Two characters of one text, font and size whose origins are within this many ems (at least 1 pt) are one glyph
drawn twice (fake bold)."""
DEFAULT_DESCENT = -0.2
"""The descent per em of a font none of whose upright characters tells its own."""
SYMBOL_SPACE = "\uf020"
"""The space of a symbol-encoded font (read as a space)."""
PRESENTATION_FORMS = "\ufb50"
"""Arabic presentation forms start here: such a character is normalized to its base letters."""

_TEXT = attrgetter("text")
_KIND = attrgetter("font", "below", "size", "upright")
"""A character's font, drop below its origin, size and orientation, as one tuple (made in C)."""
_BOLD = regex.compile(r"bold|black|heavy|semibold|demibold|,B$|-B$", regex.IGNORECASE)
_ITALIC = regex.compile(r"italic|oblique|,I$|-I$", regex.IGNORECASE)


class Glyph(NamedTuple):
    """One deduplicated character, in pdfplumber's top-down coordinates."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    """Visual baseline: where the glyph sits, rise included (a raised call has a smaller ``base``)."""
    size: float
    em: float
    """``size`` rounded to a tenth of a point: the key glyphs of one size share."""
    font: str
    bold: bool
    italic: bool
    upright: bool
    rising: bool
    """Rotated text that reads bottom to top (pdfplumber's ``upright`` is false)."""
    spaced: bool = False
    """The page's text layer writes its spaces as glyphs (``SPACED_PAGE``)."""
    break_space: bool = False
    """A typed space the layout hid at this line's end (``pdf_lineends.restore_break_spaces``)."""


@lru_cache(maxsize=4096)
def is_bold(font: str) -> bool:
    return bool(_BOLD.search(font.split("+", 1)[-1]))


@lru_cache(maxsize=4096)
def is_italic(font: str) -> bool:
    return bool(_ITALIC.search(font.split("+", 1)[-1]))


def chars_to_glyphs(chars: Sequence[Char]) -> list[Glyph]:
    """Deduplicate characters and place each on its visual baseline.

    Like ``page.dedupe_chars()`` (same text, font and size at nearly the same
    place), but linear and with a tolerance that grows with the size
    (``DUPLICATE_TOL``), so the 24 pt doubled letter of a fake-bold masthead goes too.
    """
    descent = _descent_ratios(chars)
    texts = list(map(_TEXT, chars))
    spaced = texts.count(" ") >= SPACED_PAGE
    plain = not texts or max("".join(texts)) < SYMBOL_SPACE  # no symbol-font space, no presentation form (most pages)
    seen: dict[tuple[str, float], dict[str, dict[float, list[tuple[float, float]]]]] = {}
    out: list[Glyph] = []
    append = out.append
    new = tuple.__new__
    last_font: str | None = None
    last_size = tol = key_size = ratio = 0.0
    bold = italic = False
    kinds: dict[str, dict[float, list[tuple[float, float]]]] = {}
    for text, font, size, x0, x1, top, bottom, _, upright, rising in chars:
        if not text:
            continue
        if plain:
            pass
        elif text == SYMBOL_SPACE:
            text = " "  # the space of a symbol-encoded font
        elif (text if len(text) == 1 else max(text)) >= PRESENTATION_FORMS:
            text = normalize_presentation_forms(text)  # Arabic presentation forms (ﻻ) to base letters (لا)
        if not upright:
            size = x1 - x0  # turned text: pdfminer's size is the advance
        if not size:
            size = 0.1
        if size != last_size or font != last_font:  # what depends on the font and size alone: once per run of them
            if font != last_font:
                bold, italic, ratio = is_bold(font), is_italic(font), descent.get(font, DEFAULT_DESCENT)
            last_font, last_size = font, size
            tol = DUPLICATE_TOL * size
            if tol < 1.0:
                tol = 1.0
            key_size = round(size, 1)
            kinds = seen.setdefault((font, key_size), {})
        cell = top // tol  # a whole number (as a float: one call less)
        cells = kinds.get(text)
        if cells is None:
            kinds[text] = {cell: [(x0, top)]}
        else:
            here = cells.get(cell)
            if here is not None:
                twice = False
                for px, pt in here:  # ``_near``, written out for the cell nearly every repeated character falls in
                    if -tol <= px - x0 <= tol and -tol <= pt - top <= tol:
                        twice = True
                        break
                if twice:
                    continue
            near = cells.get(cell - 1)
            if near is not None and _near(near, x0, top, tol):
                continue
            near = cells.get(cell + 1)
            if near is not None and _near(near, x0, top, tol):
                continue
            if here is None:
                cells[cell] = [(x0, top)]
            else:
                here.append((x0, top))
        base = bottom + ratio * size if upright else bottom
        append(new(Glyph, (text, x0, x1, top, bottom, base, size, key_size, font, bold, italic, upright, rising,
                           spaced, False)))  # fmt: skip
    return out


def _near(points: list[tuple[float, float]], x0: float, top: float, tol: float) -> bool:
    """Whether one of ``points`` (earlier glyphs' ``(x0, top)``) lies within ``tol`` of ``(x0, top)``."""
    for px, pt in points:  # noqa: SIM110 (a loop: any() over a generator costs more per call)
        if abs(px - x0) <= tol and abs(pt - top) <= tol:
            return True
    return False


def _descent_ratios(chars: Sequence[Char]) -> dict[str, float]:
    """Per font, the usual (glyph bottom - text origin) / size: the descent, without any rise.

    Counted per distinct (font, drop below the origin, size, upright) first, run by run of equal ones (``groupby``,
    in C), then per rounded ratio: the same counts, found in the same order, as one ratio per character would give.
    """
    raw: dict[tuple[str, float, float, bool], int] = {}  # a page's characters come in runs of one font and size
    for kind, run in groupby(map(_KIND, chars)):
        raw[kind] = raw.get(kind, 0) + len(list(run))
    counts: dict[tuple[str, float], int] = {}
    for (font, below, size, upright), n in raw.items():
        if not size or not upright:
            continue
        key = (font, round(below / size, 3))
        counts[key] = counts.get(key, 0) + n
    best: dict[str, tuple[int, float]] = {}
    for (font, ratio), n in counts.items():
        if n > best.get(font, (0, 0.0))[0]:
            best[font] = (n, ratio)
    return {font: ratio for font, (_, ratio) in best.items()}
