"""Page furniture of a PDF page: running headers, job numbers, page numbers, barcodes.

Furniture is found by position and pattern together: scanning in from the
top (pages 2+) and up from the bottom, a row is furniture only while every
part of it matches a furniture pattern; the first row that does not stops
the scan, so body text is never dropped. The patterns are the ones the text
reader's furniture stage uses, plus a few that only a PDF shows (barcode
fonts, ``Página 2``, the ``/...`` continuation mark).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from ..furniture import (
    BARCODE,
    JOB_AND_PAGE,
    JOB_NUMBER,
    JOB_NUMBER_OLD,
    LANGUAGE_LINE,
    LIBRARY_STAMP,
    RECYCLING,
    SYMBOL_LINE,
    SYMBOL_PAGE,
    decode_symbol_font,
)
from ..model import Box, Span
from .pdf_chars import Glyph, Row, dominant, glyphs_box, glyphs_to_spans, split_segments

TOP_BAND = 0.15
"""Headers sit in the top 15 % of the page..."""
BOTTOM_BAND = 0.85
"""...footers below 85 % of its height."""

PAGE_NUMBER = regex.compile(
    r"^(?:(?:Page|Página|Pagina|Pág\.|Страница|Стр\.|Seite)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*/\s*\d{1,4})?$"
    r"|^第\s*\d{1,4}\s*页$",
    regex.IGNORECASE,
)
ROMAN_PAGE = regex.compile(r"^[ivxlc]{1,7}$")
"""A front-matter page's number at the foot of the page (``iii``), beside or under the job number."""
CONTINUATION = regex.compile(r"^/\s*\.\s*\.\s*\.$|^/\s*[.•·]$")
"""The continuation mark at the foot of a page: ``/...``, in older documents ``/.`` (an OCR reads ``/•``)."""
_BARCODE_FONT = regex.compile(r"barcode|c39|3\s*of\s*9|code\s*39|code128", regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")

Spans = tuple[tuple[Span, ...], float, bool]
"""What ``glyphs_to_spans`` gives: a line's spans, its dominant size, whether it is all bold."""


@dataclass(slots=True)
class Item:
    """A row of a page, or one part of a row, on its way to a ``Line`` or a ``Dropped``."""

    glyphs: list[Glyph]
    base: float
    size: float
    vertical: bool = False
    kind: str = ""
    """Furniture kind when the item is dropped, ``""`` when it is text."""
    zone: str = "body"
    block_start: bool = False
    """First line of a layout block (page 1, where the masthead is read block by block)."""
    ink: list[Glyph] = field(default_factory=list)
    column_edge: float | None = None
    """Left edge of the column the item is set in, where a page has columns (``pdf_columns``); else the page's."""
    _spans: tuple[list[Glyph], int, bool, Spans, str] | None = field(default=None, init=False, repr=False, compare=False)
    """``spans()`` and ``text`` as last worked out, with the glyph list (itself and its length) and direction they were
    worked out from."""
    _box: tuple[list[Glyph], int, Box] | None = field(default=None, init=False, repr=False, compare=False)
    """``box`` as last worked out, with the ink list (itself and its length) it was worked out from."""

    def __post_init__(self) -> None:
        self.ink = [g for g in self.glyphs if not g.text.isspace()]

    def _worked_out(self) -> tuple[list[Glyph], int, bool, Spans, str]:
        known = self._spans
        if known is not None and known[0] is self.glyphs and known[1] == len(self.glyphs) and known[2] == self.vertical:
            return known  # asked again and again (captions, furniture, zones, lines): the spans cost a pass over the glyphs
        spans = glyphs_to_spans(self.glyphs, self.vertical)
        self._spans = (self.glyphs, len(self.glyphs), self.vertical, spans, "".join(s.text for s in spans[0]))
        return self._spans

    def spans(self) -> Spans:
        """``glyphs_to_spans`` of the item read by itself (right to left when its own letters are mostly Arabic)."""
        return self._worked_out()[3]

    @property
    def text(self) -> str:
        return self._worked_out()[4]

    @property
    def box(self) -> Box:
        """``glyphs_box(self.ink)``, worked out once (figures, tables and lines ask for it again and again)."""
        known = self._box
        if known is not None and known[0] is self.ink and known[1] == len(self.ink):
            return known[2]
        box = glyphs_box(self.ink)
        self._box = (self.ink, len(self.ink), box)
        return box

    @property
    def x0(self) -> float:
        return self.ink[0].x0 if self.ink and not self.vertical else min(g.x0 for g in self.ink or self.glyphs)


def row_to_item(row: Row) -> Item:
    return Item(row.glyphs, row.base, row.size, row.vertical)


def glyphs_to_item(glyphs: list[Glyph]) -> Item:
    ink = [g for g in glyphs if not g.text.isspace()] or glyphs
    size, base = dominant(ink)
    return Item(glyphs, base, size)


def segment_items(item: Item) -> list[Item]:
    """The parts of a row that stand apart (two masthead columns, a job number and a page number)."""
    if item.vertical:
        return [item]
    parts = split_segments(item.glyphs)
    return [item] if len(parts) <= 1 else [glyphs_to_item(p) for p in parts]


def running_titles(tops: Iterable[Sequence[str]], pages: int) -> frozenset[str]:
    """Top-of-page texts repeated on enough pages to be a running title (digits ignored, where they are the same
    on every page or go with the page number: ``Page 3``, ``3/15``; ``Item 7``, ``Item 10``, ``Item 12`` heading
    three pages are headings that happen to open them)."""
    seen: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for page, texts in enumerate(tops):
        for t in {t for t in texts if len(t) >= 4}:
            seen.setdefault(_DIGITS.sub("#", t), []).append((page, tuple(int(d) for d in _DIGITS.findall(t))))
    need = max(2, int(0.4 * max(pages - 1, 1)))
    return frozenset(t for t, found in seen.items() if len(found) >= need and _steady(found))


def _steady(found: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Each number of a repeated text is the same on every page, or moves with the page (a page number)."""
    for position in range(len(found[0][1])):
        values = {numbers[position] for _, numbers in found}
        offsets = {numbers[position] - page for page, numbers in found}
        if len(values) > 1 and len(offsets) > 1:
            return False
    return True


def top_texts(items: Sequence[Item], height: float, limit: int = 3) -> list[str]:
    """Texts of the first few row parts in the top band: candidates for a running title."""
    out: list[str] = []
    for item in items[:limit]:
        if item.base > TOP_BAND * height:
            break
        out.extend(part.text for part in segment_items(item))
    return out


def mark_furniture(items: list[Item], page: int, height: float, running: frozenset[str]) -> list[Item]:
    """Split header and footer rows into their parts and give each furniture part its kind."""
    items = sorted(items, key=lambda i: i.base)
    head: list[Item] = []
    start = 0
    if page > 1:
        for item in items:
            if item.base > TOP_BAND * height:
                break
            parts = segment_items(item)
            kinds = [_header_kind(p, running, head[-1].kind if head else "") for p in parts]
            if not all(kinds) or kinds.count("page_number") > 1:
                break  # a page has one number: a row of several (``2025  2026  2027``) heads a table's columns
            for part, kind in zip(parts, kinds, strict=True):
                part.kind = kind
            head.extend(parts)
            start += 1
    foot: list[Item] = []
    end = len(items)
    for item in reversed(items[start:]):
        if item.base < BOTTOM_BAND * height:
            break
        parts = segment_items(item)
        kinds = [_footer_kind(p) for p in parts]
        if not all(kinds):
            break
        for part, kind in zip(parts, kinds, strict=True):
            part.kind = kind
        foot[:0] = parts
        end -= 1
    return head + items[start:end] + foot


def _header_kind(item: Item, running: frozenset[str], above: str = "") -> str:
    """``above``: the kind of the header part above this one (a language line is a header under the symbol)."""
    text = item.text
    if PAGE_NUMBER.match(text):
        return "page_number"
    if SYMBOL_LINE.match(text) or SYMBOL_PAGE.match(text) or _DIGITS.sub("#", text) in running:
        return "header"
    if above == "header" and LANGUAGE_LINE.match(text):
        return "header"
    if JOB_NUMBER.match(text):
        return "job_number"
    return ""


def _footer_kind(item: Item) -> str:
    text = item.text
    if _barcode(item, text):
        return "barcode"
    if JOB_NUMBER.match(text) or JOB_NUMBER_OLD.match(text) or JOB_AND_PAGE.match(text):
        return "job_number"
    if PAGE_NUMBER.match(text) or ROMAN_PAGE.match(text):
        return "page_number"
    if CONTINUATION.match(text):
        return "continuation"
    if RECYCLING.match(text):
        return "recycling"
    if LIBRARY_STAMP.match(text):
        return "stamp"
    if SYMBOL_LINE.match(text):
        return "header"
    return ""


def _barcode(item: Item, text: str) -> bool:
    if item.ink and all(_BARCODE_FONT.search(g.font) for g in item.ink):
        return True
    return bool(BARCODE.match(decode_symbol_font(text)))
