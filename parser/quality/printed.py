"""What page 1 of a PDF prints at its top (and a symbol alone at its foot), read with pdfplumber, to check a symbol.

pdfplumber's ``extract_text`` puts the large first letter of a UN symbol on a line of its own
(``A`` above ``United Nations /80/66``), so the lines are rebuilt here from the characters: a
character belongs to a line when their vertical extents overlap around their middles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from ..masthead_symbols import OCR_STRAY_DOT

TOP_SHARE = 1 / 3
"""Share of page 1's height, from the top, where the symbol is printed."""
FOOT_SHARE = 1 / 6
"""Share of page 1's height, from the bottom, where some layouts print the symbol alone by the job number
(``FCCC/SBSTA/2011/MISC.14`` over ``GE.11-64419``)."""
WORD_GAP = 0.25
"""A horizontal gap wider than this share of the font size between two characters is a space."""

_SYMBOL_CHAR = r"[\p{L}\p{N}/.]"
_SYMBOL_LIKE = regex.compile(r"(?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}.]*/[\p{L}\p{N}.]")
"""Letters, a slash and more: what a symbol looks like, even misread by OCR (``A./47/435``, ``E/CNA/UO``)."""
_LONE_SYMBOL = regex.compile(r"^\p{Lu}[\p{L}\p{N}.()\-]*(?:/[\p{L}\p{N}.()\-]+)+$")


def page_one_lines(path: str | Path) -> tuple[str, ...] | None:
    """The lines printed in the top third of page 1, or ``None`` when the PDF cannot be read."""
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            if not pdf.pages:
                return None
            page = pdf.pages[0]
            height = page.bbox[3] - page.bbox[1]
            limit, foot = page.bbox[1] + height * TOP_SHARE, page.bbox[3] - height * FOOT_SHARE
            chars = [c for c in page.chars if c.get("upright", True) and c["top"] < limit]
            foot_chars = [c for c in page.chars if c.get("upright", True) and c["top"] > foot]
    except Exception:
        return None
    foot_lines = (_line_text(line) for line in _lines(foot_chars))
    return tuple(_line_text(line) for line in _lines(chars)) + tuple(t for t in foot_lines if _LONE_SYMBOL.match(t))


def prints_a_symbol(lines: tuple[str, ...]) -> bool:
    """Something like a symbol stands in ``lines``: a policy brief or a meeting report prints none."""
    return any(_SYMBOL_LIKE.search(line) for line in lines)


def symbol_is_printed(symbol: str, lines: tuple[str, ...]) -> bool:
    """``symbol`` stands whole in one of ``lines`` (spacing inside it aside): not cut short (``A/ES`` of
    ``A/ES-10/1027``), not the file name's spelling (``A_80_1``), no reissue ``*`` taken into it. A scan's OCR layer may print a
    stray full stop before a slash (``A./47/435``): the line is read without it too, by the parser's rule."""
    if not symbol or "*" in symbol:
        return False
    pieces = [regex.escape(c) for c in symbol if not c.isspace()]
    pattern = regex.compile(rf"(?<!{_SYMBOL_CHAR})" + r"\s*".join(pieces) + rf"(?!{_SYMBOL_CHAR}|\s*[-–−]\s*\d)")
    return any(pattern.search(line) or pattern.search(OCR_STRAY_DOT.sub("", line)) for line in lines)


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    spans: list[tuple[float, float]] = []
    for char in sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2):
        middle = (char["top"] + char["bottom"]) / 2
        if spans and spans[-1][0] <= middle <= spans[-1][1]:
            lines[-1].append(char)
            spans[-1] = (min(spans[-1][0], char["top"]), max(spans[-1][1], char["bottom"]))
        else:
            lines.append([char])
            spans.append((char["top"], char["bottom"]))
    return lines


def _line_text(chars: list[dict[str, Any]]) -> str:
    out: list[str] = []
    previous: dict[str, Any] | None = None
    for char in sorted(chars, key=lambda c: c["x0"]):
        if previous is not None and char["x0"] - previous["x1"] > WORD_GAP * min(char["size"], previous["size"]):
            out.append(" ")
        out.append(char["text"])
        previous = char
    return " ".join("".join(out).split())
