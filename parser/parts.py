"""A resolution's parts around its operative paragraphs: where its preamble and its conclusions lie.

A resolution or decision (adopted, or a draft) opens with its preamble: the organ's formula (``The General
Assembly,``) and the unnumbered preambular paragraphs (``Recalling …``, ``Noting …``), maybe under a title or
cross-headings; then come the numbered operative paragraphs; then, often, the adoption lines (``64th plenary
meeting``, ``34th meeting 8 July 2025``, ``[Adopted without a vote.]``). AKN writes these as ``<preamble>``,
``<mainBody>`` and ``<conclusions>``. The shape is found from the structure, not from the masthead: a body that
begins, before any number, with a preamble formula and goes on with numbered paragraphs is a resolution's.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Element
from .thresholds import LAYOUT

NONE = -1
"""No such part."""

_OPERATIVE = ("paragraph", "subparagraph", "subsubparagraph")


def resolution_parts(elements: Sequence[Element]) -> tuple[int, int, int]:
    """Indices into ``elements``: where the preamble starts, where the operative paragraphs start (the preamble
    ends) and where the conclusions start (``NONE`` for each part not there).

    The preamble runs from the formula (or the unnumbered headings right above it) to the first numbered
    paragraph (or the first of the parts ``I.``, ``A.`` a long resolution groups them in), less the headings right
    above it, which head the operative paragraphs; the document's own text only, never a quoted structure.
    The conclusions are the short unnumbered lines after the last operative paragraph, up to the end or to an
    annex; one long or lowercase line there (text running on) and there are none."""
    first = next((i for i, e in enumerate(elements) if e.marker is not None or e.quote or e.role == "speech"), NONE)
    if first == NONE or elements[first].quote or elements[first].marker is None:
        return NONE, NONE, NONE
    if elements[first].marker.level not in ("paragraph", "chapter", "section"):  # type: ignore[union-attr]
        return NONE, NONE, NONE
    intro = next((i for i in range(first) if elements[i].role == "preamble_intro"), NONE)
    if intro == NONE:
        return NONE, NONE, NONE
    start = intro
    while start > 0 and elements[start - 1].kind == "heading" and not elements[start - 1].role:
        start -= 1
    if any(e.kind not in ("text", "heading") for e in elements[start:first]):
        return NONE, NONE, NONE  # a table or figure among the recitals: not a preamble AKN could hold
    operative = first
    while operative > intro + 1 and elements[operative - 1].kind == "heading":
        operative -= 1  # ``UNMISS Mandate`` right above paragraph 1 heads the operative paragraphs
    return start, operative, _conclusions(elements, first)


def _conclusions(elements: Sequence[Element], first: int) -> int:
    last = max(i for i, e in enumerate(elements) if i >= first and e.marker is not None and e.marker.level in _OPERATIVE
               and not e.quote)  # fmt: skip
    end = next((i for i in range(last + 1, len(elements)) if _annex(elements[i])), len(elements))
    tail = elements[last + 1 : end]
    if not tail or not all(_adoption_line(e) for e in tail):
        return NONE
    return last + 1


def _annex(element: Element) -> bool:
    return element.marker is not None and element.marker.level == "annex"


def _adoption_line(element: Element) -> bool:
    text = element.text.strip()
    return (
        element.kind in ("text", "heading")
        and element.marker is None
        and not element.quote
        and not element.role
        and 0 < len(text) <= LAYOUT.max_conclusion_chars
        and not text[0].islower()
    )
