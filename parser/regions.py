"""Tables and figures with their captions and notes, as one element each.

The classifier leaves a region's caption (``Table 2`` and its title), the
region itself and its ``Source:`` / ``Note:`` lines as neighbouring
elements; this stage folds them into the region's element: the caption
becomes its text and its number its marker (``Table 2`` → ``table_2``), the
notes its ``notes``. A caption with no region after it stays what it was.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .model import Element, Marker
from .numbering import roman_to_int, zh_to_int

CAPTION = regex.compile(
    r"^(?P<word>Figure|Table|Graph|Chart|Box|Map|Figura|Cuadro|Gráfico|Recuadro|Mapa|Tableau|Graphique|Encadré|Carte"
    r"|Рисунок|Таблица|Диаграмма|Вставка|Карта|الشكل|الجدول|الإطار)\s+"
    r"(?P<num>[IVXLC]+(?:\.\d+)*|\d+[A-Z]?(?:\.(?:\d+|[IVXLC]+))+\b|\d+(?:\.\d+)*|[A-Z]\.\d+(?:\.\d+)*)\b"
    r"|^(?P<word>[图表框])\s*(?P<num>[一二三四五六七八九十]+|\d+(?:\.\d+)*)"
)
"""A caption's opening words and the number it prints: ``Table 2``, ``Figure III``, ``Table 11.3``,
``Table A.1``, ``Box 1``, ``图一``, and a budget section's ``Figure 14.I``, ``Table 29A.2``, ``Figure 3.I.IV`` (the
section's number, its letter, the part's number in Roman numerals, the table's or figure's own)."""


def gather_regions(elements: tuple[Element, ...]) -> tuple[Element, ...]:
    """Fold each region's caption (the element right before it) and notes (right after it) into it."""
    out: list[Element] = []
    for element in elements:
        if element.role == "region":
            caption = _caption(out)
            if caption is not None:
                element = _captioned(element, caption)
            out.append(element)
        elif element.role == "region_note" and out and out[-1].role == "region":
            out[-1] = replace(out[-1], notes=out[-1].notes + (element,))
        else:
            out.append(element)
    return tuple(out)


_UNIT_LINE = regex.compile(r"^\([^()]{1,80}\)$")
"""``(Percentage)``, ``(Thousands of United States dollars)``: the unit a table or chart is given in, under its title."""


def _caption(out: list[Element]) -> Element | None:
    """Take the region's caption off the end of ``out``: a caption line (``Table 2`` and its title), or a
    ``Table 2`` heading with its title as the heading after it (a word processor's caption and title styles);
    a unit line set between the caption and the region is the caption's last line, as a PDF caption reads it."""
    unit = out[-1] if out and out[-1].kind == "text" and not out[-1].role and _UNIT_LINE.match(out[-1].text) else None
    if unit is not None:
        out.pop()
        caption = _caption(out)
        if caption is None:
            out.append(unit)
            return None
        shift = len(caption.text) + 1
        refs = caption.refs + tuple(replace(r, offset=r.offset + shift) for r in unit.refs)
        return replace(caption, text=f"{caption.text} {unit.text}", refs=refs, sources=caption.sources + unit.sources)
    if out and out[-1].role == "figure" and CAPTION.match(out[-1].text):
        return out.pop()
    if len(out) >= 2 and all(e.kind == "heading" and e.marker is None for e in out[-2:]) and CAPTION.fullmatch(out[-2].text):
        title = out.pop()
        number = out.pop()
        shift = len(number.text) + 1
        refs = number.refs + tuple(replace(r, offset=r.offset + shift) for r in title.refs)
        return replace(number, text=f"{number.text} {title.text}", refs=refs, sources=number.sources + title.sources)
    if out and out[-1].kind == "heading" and out[-1].marker is None and CAPTION.match(out[-1].text):
        return out.pop()
    return None


def _captioned(region: Element, caption: Element) -> Element:
    """The region with the caption's number as its marker and the rest of the caption as its text."""
    marker = caption_marker(caption.text, region.kind)
    cut = len(marker.printed) if marker is not None else 0
    rest = caption.text[cut:]
    lead = cut + len(rest) - len(rest.lstrip(" .:–—-\n"))
    if marker is not None:  # the punctuation after the number is part of it, as in ``48.``
        marker = replace(marker, printed=caption.text[:lead].rstrip())
    refs = tuple(replace(r, offset=max(0, r.offset - lead)) for r in caption.refs)
    return replace(region, text=caption.text[lead:], refs=refs, marker=marker, sources=caption.sources + region.sources)


def caption_marker(text: str, kind: str) -> Marker | None:
    """The caption's number as a marker of level ``table`` or ``figure`` (ordinal 0 for ``11.3``-style numbers)."""
    match = CAPTION.match(text)
    if match is None:
        return None
    num = match.group("num")
    ordinal = int(num) if num.isdigit() else roman_to_int(num) or zh_to_int(num) or 0
    return Marker(kind, text[: match.end()], num, ordinal)
