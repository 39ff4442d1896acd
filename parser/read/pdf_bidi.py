"""Right-to-left lines of a PDF: glyphs in drawing order back to reading order.

pdfplumber gives a line's glyphs as drawn, left to right. An Arabic line was
laid out by the Unicode bidi algorithm (UAX #9) in a right-to-left paragraph:
Arabic runs reversed, while numbers and Latin runs (``2018``, ``A/73/150``,
``www.unv.org``) read left to right inside it. ``visual_to_logical`` undoes
that for one line. It resolves every glyph's level (1 for right-to-left, 2
for left-to-right) from the drawn sequence with the essentials of the
algorithm for a paragraph without explicit embeddings — paired brackets
(N0), weak types (W2, W4–W7), neutrals (N1, N2) — then reads the line from
its right end: a right-to-left run reversed, a left-to-right run as drawn.

Each glyph is one unit and keeps its own text: a ligature whose text map
gives two letters (``لا``) already holds them in reading order. A
superscript (a call, a note marker) is an object of the right-to-left flow,
as layout engines place a call's inline box (``2018¹`` is drawn ``¹2018``).
The text before a line's start is taken to be Arabic: the paragraph went on
from the line before.

Brackets: a bracket in a right-to-left run is drawn mirrored, so its glyph
shows the partner character. What the text map says for that glyph depends
on the producer: the shape's own character, or, when the map was made from
the first use of the glyph (one entry per glyph), possibly the partner. So
brackets are first brought to their drawn shapes (``swapped``: the map gives
partners), paired by shape, and after reordering those in right-to-left
runs are mirrored back.

Presentation forms (U+FB50–FDFF, U+FE70–FEFE) that some producers put in
their text maps become base letters: NFKC on those characters only.

Limits: the inverse is not unique. A Latin word, a space and a number
(``UNV 2018``) are drawn alike whether the number came first or second in
the text; they are taken as one left-to-right run, as W7 makes them when
the word comes first. A producer that orders each line as a paragraph of
its own (WeasyPrint) draws a line that opens with a number inside a Latin
run (``vol.⏎82, No. 3``) otherwise than one that orders whole paragraphs
(Word); the reader follows the latter. Explicit embeddings and isolates
(U+202A–202E, U+2066–2069) and combining marks placed apart from their
letters are not modelled.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from ..model import Span

Direction = Literal["rtl", "ltr"]
BidiType = Literal["R", "L", "EN", "AN", "ES", "ET", "CS", "N"]
Strong = Literal["R", "L"]

MIRRORS = dict(zip("()[]{}<>«»", ")(][}{><»«", strict=True))
OPENERS, CLOSERS = "([{«", ")]}»"
_PRESENTATION = (("\ufb50", "\ufdff"), ("\ufe70", "\ufefe"))
_TYPES: dict[str, BidiType] = {"L": "L", "R": "R", "AL": "R", "NSM": "R", "EN": "EN", "AN": "AN", "ES": "ES",
                               "ET": "ET", "CS": "CS"}  # fmt: skip


def is_presentation_form(char: str) -> bool:
    return any(lo <= char <= hi for lo, hi in _PRESENTATION)


def normalize_presentation_forms(text: str) -> str:
    """Arabic presentation forms to base letters (``ﻻ`` → ``لا``); every other character is left alone."""
    if not any(is_presentation_form(c) for c in text):
        return text
    out: list[str] = []
    for char in text:
        if is_presentation_form(char):
            base = unicodedata.normalize("NFKC", char)
            out.append(base.lstrip(" ") if base.strip() else base)  # isolated harakat (FE70–FE7F) lose NFKC's space
        else:
            out.append(char)
    return "".join(out)


RTL_FROM = 0x0590
"""No character below this code point is a strong right-to-left one (Hebrew starts here)."""


def line_direction(text: str) -> Direction | None:
    """``rtl`` when most strong characters are right-to-left (Arabic), ``ltr`` when most are not, ``None`` without any."""
    if text and ord(max(text)) < RTL_FROM:  # no right-to-left letter: count no classes (most lines of most documents)
        return "ltr" if any(unicodedata.bidirectional(char) == "L" for char in text) else None
    rtl = ltr = 0
    for char, count in Counter(text).items():  # each distinct character's class looked up once
        cls = unicodedata.bidirectional(char)
        if cls in ("R", "AL"):
            rtl += count
        elif cls == "L":
            ltr += count
    if not rtl and not ltr:
        return None
    return "rtl" if rtl > ltr else "ltr"


def bracket_balance(visual: Iterable[str]) -> int:
    """Bracket pairs drawn the usual way round minus pairs drawn inverted, in lines given in visual order.

    Mirrored glyphs are drawn so that every pair looks right; a negative
    balance means the text map gives each bracket glyph its partner's character.
    """
    balance = 0
    for text in visual:
        for opener, closer, sign in ((OPENERS, CLOSERS, 1), (CLOSERS, OPENERS, -1)):
            stack: list[str] = []
            for char in text:
                if char in opener:
                    stack.append(char)
                elif char in closer and stack and MIRRORS[stack[-1]] == char:
                    stack.pop()
                    balance += sign
    return balance


@lru_cache(maxsize=8192)
def bidi_type(text: str, sup: bool = False) -> BidiType:
    """The bidi class that places a unit: its first strong character's, else its first character's.

    A superscript (a call, a note marker) is an object set in the right-to-left
    flow, as layout engines place the inline box of a call: it never joins the
    number or Latin word it follows into one left-to-right run.
    """
    if sup:
        return "R"
    classes = [unicodedata.bidirectional(c) for c in text]
    for cls in classes:
        if cls in ("L", "R", "AL"):
            return _TYPES[cls]
    return _TYPES.get(classes[0], "N") if classes else "N"


def resolve_levels(types: Sequence[BidiType], texts: Sequence[str] | None = None,
                   context: tuple[Strong, Strong] = ("R", "R")) -> list[int]:  # fmt: skip
    """Levels (1 right-to-left, 2 left-to-right) of a line in visual order, in a right-to-left paragraph.

    ``texts`` (the drawn shapes) let bracket pairs be resolved as pairs. A
    stretch without any right-to-left unit is read left to right; what lies
    to its right precedes it, and is Arabic (or the line start, taken as the
    Arabic text the paragraph came from). ``context``: the strong direction of
    the text before the line and after it (the paragraph's lines around it),
    for the neutrals at its ends.
    """
    resolved: list[BidiType] = list(types)
    if texts is not None:
        _resolve_brackets(resolved, texts)
    start, n = 0, len(resolved)
    while start < n:
        if resolved[start] == "R":
            start += 1
            continue
        end = start
        while end < n and resolved[end] != "R":
            end += 1
        resolved[start:end] = _resolve_weak(resolved[start:end])
        start = end
    return _resolve_neutrals(resolved, context)


def _resolve_brackets(types: list[BidiType], texts: Sequence[str]) -> None:
    """N0 on drawn shapes: a pair with Arabic inside is right-to-left; one with Latin or European numbers
    inside is left-to-right when Latin text precedes it on its left, right-to-left otherwise."""
    stack: list[int] = []
    for i, text in enumerate(texts):
        if text in OPENERS and len(text) == 1:
            stack.append(i)
        elif text in CLOSERS and len(text) == 1 and stack and MIRRORS[texts[stack[-1]]] == text:
            o = stack.pop()
            inside = types[o + 1 : i]
            if "R" in inside or "AN" in inside:
                kind: BidiType | None = "R"
            elif "L" in inside or "EN" in inside:  # European numbers after Latin text are Latin (W7)
                kind = "L" if _latin_before(types, o) else "R"
            else:
                kind = None
            if kind is not None:
                types[o] = types[i] = kind


def _latin_before(types: Sequence[BidiType], index: int) -> bool:
    for t in reversed(types[:index]):
        if t in ("L", "R"):
            return t == "L"
    return False


def _resolve_weak(seg: list[BidiType]) -> list[BidiType]:
    """W2, W4–W7 on a stretch without R, read left to right, with Arabic letters as its context."""
    seen_l = False
    for i, t in enumerate(seg):  # W2: a number after Arabic letters (not after a Latin letter) is an Arabic number
        if t == "L":
            seen_l = True
        elif t == "EN" and not seen_l:
            seg[i] = "AN"
    for i in range(1, len(seg) - 1):  # W4: one separator between two numbers of the same kind
        a, b = seg[i - 1], seg[i + 1]
        if (seg[i] in ("ES", "CS") and a == b == "EN") or (seg[i] == "CS" and a == b == "AN"):
            seg[i] = a
    for i, t in enumerate(seg):  # W5: terminators (%, $) next to a European number
        if t == "ET" and _et_touches_en(seg, i):
            seg[i] = "EN"
    seg = ["N" if t in ("ES", "ET", "CS") else t for t in seg]  # W6
    seen_l = False
    for i, t in enumerate(seg):  # W7: a European number after a Latin letter is Latin
        if t == "L":
            seen_l = True
        elif t == "EN" and seen_l:
            seg[i] = "L"
    return seg


def _et_touches_en(seg: list[BidiType], i: int) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(seg) and seg[j] == "ET":
            j += step
        if 0 <= j < len(seg) and seg[j] == "EN":
            return True
    return False


def _resolve_neutrals(types: list[BidiType], context: tuple[Strong, Strong] = ("R", "R")) -> list[int]:
    """N1/N2: neutrals between two Latin units are Latin, all others right-to-left; then the levels. ``context``:
    what precedes the line (at its right end) and follows it (at its left end)."""
    strong = ["L" if t == "L" else "R" if t in ("R", "EN", "AN") else "" for t in types]
    levels = [2 if t in ("L", "EN", "AN") else 1 for t in types]
    i = 0
    while i < len(types):
        if strong[i]:
            i += 1
            continue
        j = i
        while j < len(types) and not strong[j]:
            j += 1
        before = strong[i - 1] if i > 0 else context[1]
        after = strong[j] if j < len(types) else context[0]
        levels[i:j] = [2 if before == after == "L" else 1] * (j - i)
        i = j
    return levels


def visual_to_logical(units: Sequence[Span], swapped: bool | None = None,
                      context: tuple[Strong, Strong] = ("R", "R")) -> tuple[Span, ...]:  # fmt: skip
    """The spans of a right-to-left line in reading order.

    ``units`` are the line's glyphs (and the spaces put between them) in
    visual order, one span each. ``swapped`` says the text map gives bracket
    glyphs their partners' characters; ``None`` decides from this line alone.
    Spaces take the style of the unit before them, or of the one after when
    that is a superscript (a call never swallows a space). ``context``: the
    strong direction of the text before and after the line (``line_context``).
    """
    units = _join_superscripts([u for u in units if u.text])
    if swapped is None:
        swapped = bracket_balance(["".join(u.text for u in units)]) < 0
    if swapped:
        units = [_mirror(u) for u in units]
    shapes = [u.text for u in units]
    types = [bidi_type(u.text, u.sup) for u in units]
    levels = _trailing_punctuation(resolve_levels(types, shapes, context), types, shapes)
    logical: list[Span] = []
    k = len(units)
    while k > 0:  # runs from the right end: a right-to-left run reversed (brackets mirrored), a left-to-right one as drawn
        ltr = levels[k - 1] == 2
        j = k
        while j > 0 and (levels[j - 1] == 2) == ltr:
            j -= 1
        logical.extend(units[j:k] if ltr else (_mirror(u) for u in reversed(units[j:k])))
        k = j
    return _merge(_restyle_spaces(logical))


def line_context(before: str | None, after: str | None) -> tuple[Strong, Strong]:
    """The strong directions around a right-to-left line from the visual texts of the lines above and below it
    in its paragraph (``None``: none, the paragraph's edge): the text before it ends with the upper line's leftmost
    strong character, the text after it starts with the lower line's rightmost one. A Latin note in an Arabic
    document wraps ``Haddock,⏎"Measuring``: the comma and the quote are Latin, as the paragraph's bidi run makes
    them, not the line's ends."""

    def strong(text: str | None, step: int) -> Strong:
        for ch in (text or "")[::step]:
            kind = unicodedata.bidirectional(ch)
            if kind in ("L", "R", "AL"):
                return "L" if kind == "L" else "R"
        return "R"

    return strong(before, 1), strong(after, -1)


TRAILING = frozenset(",.;:!?")
"""Punctuation that ends the word before it."""


def _trailing_punctuation(levels: list[int], types: Sequence[BidiType], texts: Sequence[str]) -> list[int]:
    """A comma or full stop drawn touching the end of a Latin word, with a space after it, is that word's: part of
    its left-to-right run. Drawn so, the text might also have had it before the run (a right-to-left neutral shown
    between the run and what precedes it), but the bidi algorithm, run over the whole paragraph, gives a comma
    between two Latin words the Latin run's direction even where the line breaks after it (a Latin note in an
    Arabic document: ``Haddock,`` at a line's end read ``, Lester…``)."""
    out = list(levels)
    for i in range(1, len(texts) - 1):
        if texts[i] in TRAILING and out[i] == 1 and types[i - 1] == "L" and out[i - 1] == 2 and texts[i + 1].isspace():
            out[i] = 2
    return out


def _join_superscripts(units: list[Span]) -> list[Span]:
    """Neighbouring superscript glyphs are one call (``12``), kept in drawing order."""
    out: list[Span] = []
    for unit in units:
        if out and unit.sup and out[-1].sup and not unit.text.isspace() and not out[-1].text.isspace():
            out[-1] = replace(out[-1], text=out[-1].text + unit.text)
        else:
            out.append(unit)
    return out


def _mirror(unit: Span) -> Span:
    mirrored = MIRRORS.get(unit.text)
    return replace(unit, text=mirrored) if mirrored else unit


def _restyle_spaces(units: list[Span]) -> list[Span]:
    out: list[Span] = []
    for i, unit in enumerate(units):
        if unit.text.isspace():
            prev = out[-1] if out else None
            nxt = units[i + 1] if i + 1 < len(units) else None
            model = prev if prev is not None and not prev.sup else nxt if nxt is not None and not nxt.sup else None
            unit = replace(model, text=unit.text) if model is not None else replace(unit, sup=False)
        out.append(unit)
    return out


def _merge(units: list[Span]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for unit in units:
        if spans and replace(spans[-1], text="") == replace(unit, text=""):
            spans[-1] = replace(spans[-1], text=spans[-1].text + unit.text)
        else:
            spans.append(unit)
    return tuple(spans)


def logical_text(visual: str, swapped: bool | None = None) -> str:
    """``visual_to_logical`` for a plain string, one unit per character (tests, tools)."""
    return "".join(s.text for s in visual_to_logical([Span(c) for c in visual], swapped))
