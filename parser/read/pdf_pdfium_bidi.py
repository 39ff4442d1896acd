"""Undoing pdfium's bidi pass on a text page's glyphs (``pdf_pdfium_text``): mirrored brackets, ligatures reversed.

pdfium splits each of its lines, in drawing order, into runs of one direction (``CFX_BidiString``:
strong left, weak (digits), strong right, neutral), takes the runs in reverse when right-to-left runs
are at least as many as left-to-right ones, and reads a right-to-left run, or a neutral one met while
the direction is right to left, backwards and mirrored. Doing the same on the line's glyphs ordered
by their origins finds the glyphs it read so; each gets its own characters back (a ligature's letters
in drawing order, brackets as drawn). A line without a strong right-to-left character has no such
run: a page without one (most pages, whatever dashes and quotes above U+0590 they hold) is left alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from .pdf_bidi import RTL_FROM

_PAIRS = ("()", "[]", "{}", "<>", "«»", "‹›", "⁅⁆", "⁽⁾", "₍₎", "〈〉", "《》", "「」", "『』", "【】", "（）", "［］", "｛｝")
MIRRORED = {pair[i]: pair[1 - i] for pair in _PAIRS for i in (0, 1)}
"""The pairs pdfium swaps in right-to-left text (Unicode's Bidi_Mirroring_Glyph, brackets)."""
WEAK = ("EN", "AN")
"""Unicode bidi classes pdfium's bidi pass takes as weak left to right (digits)."""
STRONG_RIGHT = ("R", "AL")
"""Unicode bidi classes of the strong right-to-left characters."""


def reads_right_to_left(codes: Iterable[int]) -> bool:
    """Whether any of a text page's UTF-16 code units is a strong right-to-left character (each distinct one tested
    once): without one, pdfium's bidi pass read nothing backwards."""
    high = {code for code in codes if code >= RTL_FROM}
    return any(unicodedata.bidirectional(chr(code)) in STRONG_RIGHT for code in high)


def unmirror(glyphs: list[Any]) -> None:
    """Give the glyphs (``pdf_pdfium_text.Glyph``) that pdfium's bidi pass read backwards their own characters back."""
    lines: dict[int, list[int]] = {}
    for k, g in enumerate(glyphs):
        lines.setdefault(g[9], []).append(k)
    for members in lines.values():
        rtl = any(glyphs[k][0][0] >= chr(RTL_FROM) for k in members)  # no right-to-left letter: pdfium reversed nothing
        if rtl and any(glyphs[k][0][0] in MIRRORED or len(glyphs[k][0]) > 1 for k in members):
            for k in _backwards(glyphs, members):
                parts = glyphs[k][0]
                parts[:] = [MIRRORED.get(c, c) for c in reversed(parts)]


def _backwards(glyphs: list[Any], members: list[int]) -> list[int]:
    """The glyphs of one pdfium line that its bidi pass read right to left."""
    runs: list[tuple[str, list[int]]] = []
    for k in sorted(members, key=lambda k: glyphs[k][2]):
        direction = _direction(glyphs[k][0][0])
        if runs and runs[-1][0] == direction:
            runs[-1][1].append(k)
        else:
            runs.append((direction, [k]))
    right = sum(1 for d, _ in runs if d == "R")
    current = "L"
    if right and right >= sum(1 for d, _ in runs if d == "L"):
        runs.reverse()
        current = "R"
    out: list[int] = []
    for direction, run in runs:
        if direction == "R" or (direction == "N" and current == "R"):
            current = "R"
            out.extend(run)
        elif direction != "W":
            current = "L"
    return out


def _direction(text: str) -> str:
    """pdfium's direction of a character: L (strong left), W (digits: weak left), R (strong right), N (neutral)."""
    kind = unicodedata.bidirectional(text[0]) if text else ""
    if kind == "L":
        return "L"
    if kind in WEAK:
        return "W"
    if kind in STRONG_RIGHT:
        return "R"
    return "N"
