"""Sub-paragraphs printed inline: ``…三个战略目标：(a) …；(b) …；(c) …``.

A paragraph whose text runs ``(a)``, ``(b)``, … in order, the first after a
colon and each next one after a semicolon, is split into its introduction
and one sub-paragraph element per item; so is a sub-paragraph whose text runs
on with the next items of its list.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .model import Element, FootnoteRef, Marker
from .numbering import letter_to_int

_AFTER = r"(?:\s|(?=[\u3400-\u9fff]))"
"""After an item's marker: a space, or the Han text itself (a rendering joins a marker ending a CJK line to the
next line without one: ``三个战略目标：(a)`` / ``通过加强…``)."""
_FIRST = regex.compile(r"[:：]\s*(?P<m>\((?P<l>a)\))" + _AFTER)
_NEXT = r"[;；]\s*(?:and\s+|or\s+|et\s+|ou\s+|y\s+|o\s+|и\s+|或\s*|和\s*)?(?P<m>\({}\))" + _AFTER


def split_inline_lists(elements: tuple[Element, ...]) -> tuple[Element, ...]:
    out: list[Element] = []
    for element in elements:
        if element.kind == "paragraph":
            out.extend(_split(element))
        elif element.kind == "subparagraph" and element.marker is not None and _LETTER.match(element.marker.num):
            out.extend(_split_items(element))
        else:
            out.append(element)
    return tuple(out)


_LETTER = regex.compile(r"^[a-y]$")


def _split(element: Element) -> tuple[Element, ...]:
    text = element.text
    first = _FIRST.search(text)
    if first is None:
        return (element,)
    starts = _next_items(text, [(first.start("m"), first.end("m"), "a")])
    if len(starts) < 2:
        return (element,)
    intro_end = len(text[: starts[0][0]].rstrip())
    intro = replace(element, text=text[:intro_end], refs=_refs_in(element.refs, 0, intro_end, 0))
    return (intro, *_items(element, starts))


def _split_items(element: Element) -> tuple[Element, ...]:
    """``(d) effective education …; (e) progress towards …``: a sub-paragraph whose text runs on with the next
    items of its list, inline: the items after it become sub-paragraphs of their own (not where an inline list of
    the item's own, opened by a colon and ``(a)``, comes first)."""
    starts = _next_items(element.text, [(0, 0, element.marker.num if element.marker else "a")])
    if len(starts) < 2:
        return (element,)
    nested = _FIRST.search(element.text, 0, starts[1][0])
    if nested is not None:  # ``… concern that: (a) in several …; and (b) when …``: a list of its own, inline
        return (element,)
    end = len(element.text[: starts[1][0]].rstrip())
    own = replace(element, text=element.text[:end], refs=_refs_in(element.refs, 0, end, 0))
    return (own, *_items(element, starts[1:]))


def _next_items(text: str, starts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The inline items after the last of ``starts``, each letter after a semicolon, in order."""
    letter = chr(ord(starts[-1][2]) + 1)
    while letter <= "z":
        found = regex.compile(_NEXT.format(letter)).search(text, starts[-1][1])
        if found is None:
            break
        starts.append((found.start("m"), found.end("m"), letter))
        letter = chr(ord(letter) + 1)
    return starts


def _items(element: Element, starts: list[tuple[int, int, str]]) -> list[Element]:
    text = element.text
    pieces: list[Element] = []
    bounds = [s[0] for s in starts[1:]] + [len(text)]
    for (m_start, m_end, letter), end in zip(starts, bounds, strict=True):
        body_start = m_end + (len(text[m_end:end]) - len(text[m_end:end].lstrip()))
        body_end = m_start + len(text[m_start:end].rstrip()) if end < len(text) else end
        marker = Marker("subparagraph", text[m_start:m_end], letter, letter_to_int(letter) or 1)
        pieces.append(
            Element(
                "subparagraph",
                text[body_start:body_end],
                element.sources,
                _refs_in(element.refs, body_start, body_end, body_start),
                marker,
                quote=element.quote,
            )
        )
    return pieces


def _refs_in(refs: tuple[FootnoteRef, ...], start: int, end: int, base: int) -> tuple[FootnoteRef, ...]:
    return tuple(
        replace(r, offset=r.offset - base) for r in refs if start <= r.offset <= end and not (r.offset == end and end == start)
    )
