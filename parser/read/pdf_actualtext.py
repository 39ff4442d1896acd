"""Replacement text (``/ActualText``) of marked content, for the pdfplumber reader.

A producer that draws glyphs whose text map (``ToUnicode``) cannot say what
they stand for wraps them in a marked-content span carrying the real text
(ISO 32000-1, 14.9.4): LibreOffice draws an Arabic-Indic digit with the
glyph it also uses for the ASCII digit, maps that glyph to ``2`` and says
``/Span <</ActualText <FEFF0662>>> BDC … EMC`` around each ``٢``; Word
wraps ligatures, soft hyphens and tab leaders the same way. Poppler and
pdfium read the span's text instead of the glyphs'; pdfminer gives the
glyphs' map only, so a KacstOne report read ``٥2/١٧`` for ``٥٢/١٧``.

``read_layout`` lays a page out with pdfplumber's own device extended to keep
a stack of open spans; when a span with replacement text closes, its glyphs
(in drawing order) take that text: one character each where the counts
agree, else the whole text on the first glyph and none on the rest (a
ligature, a leader of dots standing for one tab). A glyph left without text
is no text (``plumber_chars`` leaves it out, as pdftotext does).

Brackets are the exception: a bracket of a right-to-left run is drawn with
its partner's mirrored glyph, and its replacement text is the logical
bracket, while the rest of the reader wants the drawn shapes (``pdf_bidi``
mirrors the brackets of right-to-left runs as text wants them, after
``pdf_textlayer`` has put each font's bracket map back to the drawn shapes).
Where a span's text is the mirror partner of its glyph's own map, the map
stays, so that every glyph of a bracket reads alike and the per-font
decision sees the drawn shapes only.
"""

from __future__ import annotations

from typing import Any

from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from .pdf_bidi import MIRRORS


class _ActualTextDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device (marked-content ids on objects) that also applies ``/ActualText`` to the glyphs of a span."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spans: list[tuple[str | None, list[LTChar]]] = []

    def begin_tag(self, tag: PSLiteral, props: Any = None) -> None:
        super().begin_tag(tag, props)
        self.spans.append((_actual_text(props), []))

    def end_tag(self) -> None:
        super().end_tag()
        if self.spans:
            text, glyphs = self.spans.pop()
            if text is not None:
                _replace(glyphs, text)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        adv: float = super().render_char(*args, **kwargs)
        objs = self.cur_item._objs
        if objs and isinstance(objs[-1], LTChar):
            for text, glyphs in reversed(self.spans):  # the innermost span that gives a text wins
                if text is not None:
                    glyphs.append(objs[-1])
                    break
        return adv


def _actual_text(props: Any) -> str | None:
    props = resolve1(props)
    if not isinstance(props, dict) or "ActualText" not in props:
        return None
    value = resolve1(props["ActualText"])
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else None


def _replace(glyphs: list[LTChar], text: str) -> None:
    if len(glyphs) == len(text):
        for glyph, ch in zip(glyphs, text, strict=True):
            if MIRRORS.get(glyph._text) != ch:  # a bracket keeps its glyph's map: see the module's docstring
                glyph._text = ch
        return
    for k, glyph in enumerate(glyphs):
        glyph._text = text if k == 0 else ""


def read_layout(page: Any) -> LTPage:
    """Lay out a pdfplumber page with ``/ActualText`` applied, as the page's own layout (``page.chars`` then reads it)."""
    device = _ActualTextDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    layout: LTPage = device.get_result()
    page._layout = layout  # pdfplumber's cached layout, which page.chars and the other object lists are made from
    return layout
