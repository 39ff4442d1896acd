"""Scanned pages with an OCR text layer: found, warned of, and their old-style running headers taken out.

A scanned document (the 1940s–1990s documents the UN library digitized) is a
picture of each page with the text an OCR program read laid over it, invisible
or under the picture. The text is parsed as it is — it is all there is — but
it is the OCR's reading, with its errors (``E/lCEF/6î2``, ``Pape 7``), so the
document gets an ``ocr-text-layer`` warning naming its scanned pages.

A page is a scan when one image covers most of it and the text on it is set in
fonts no word processor writes: a word processor or a layout program embeds
a subset of each font it uses and names it with a six-letter tag
(``ABCDEF+TimesNewRoman``); an OCR program writes its text in standard fonts
it does not embed (``Times-Roman``, ``Courier``, ``HiddenHorzOCR``). A
brochure's cover photo under a title has a page-sized image too, but its
text is in embedded subsets.

The page image is recorded as ``Dropped("scan_image")`` (no text: it is what
the warning is made from). On a scanned page the running header of the old
layout — the symbol, the language, ``Page N`` on three short rows — is matched
loosely, as the OCR read it, once its language and page rows are found: the
symbol row above them is rarely read right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter

import regex

from ..model import Box, Dropped, Issue, Source
from .pdf_chars import Glyph
from .pdf_furniture import TOP_BAND, Item

OCR_TEXT_LAYER = "ocr-text-layer"
SCAN_IMAGE = "scan_image"
"""``Dropped`` kind of a scanned page's image: where the page is a picture under its OCR text."""

SCAN_COVER = 0.8
"""Share of the page's area one image covers on a scanned page (a scan is cropped or shifted a little; a
figure, a logo or a photo beside text covers far less)."""
SCAN_FONT_SHARE = 0.9
"""Share of a page's glyphs in fonts without a subset tag: an OCR layer's text is all in standard fonts; a
word processor's page may name one unembedded font (a symbol font) for a few glyphs."""
MAX_HEADER_ROW_CHARS = 40
"""characters: a row of an old-style running header (``E/ICEF/672(Première partie)``) is short; a longer row at
the top of a scanned page is its text."""
MAX_HEADER_ROWS = 5
"""Rows at the top of a scanned page that can belong to its header: symbol, language, page, and a speck or two
the OCR read as letters (``v``)."""

_SUBSET_TAG = regex.compile(r"^[A-Z]{6}\+")
_FONT = attrgetter("font")
_LANGUAGE_ROW = regex.compile(
    r"^(?:(?:English){e<=2}|(?:Français){e<=3}|(?:French){e<=1}|(?:Español){e<=2}|(?:Spanish){e<=1}"
    r"|(?:Russian){e<=1}|(?:Arabic){e<=1}|(?:Chinese){e<=1}|Русский|Английский)\W?$",
    regex.IGNORECASE | regex.BESTMATCH,
)
"""The language line of an old running header, as an OCR may read it (``Franc air:``, ``Françals``)."""
_PAGE_ROW = regex.compile(
    r"^(?:(?:Page){e<=2}|(?:Página){e<=2}|(?:Страница){e<=2})\s*[\dlIOSU+]{1,4}$", regex.IGNORECASE | regex.BESTMATCH
)
"""``Page 12`` as an OCR may read it: ``Pape 7``, ``Pe,ge 9``, ``Page lU`` (14), ``Page 1+`` (14)."""


def scan_box(glyphs: Sequence[Glyph], images: Iterable[Box], width: float, height: float) -> Box | None:
    """The image of a scanned page under its OCR text, or ``None`` when the page is no scan (or has no text)."""
    ink = [g for g in glyphs if not g.text.isspace()]
    if not ink:
        return None
    fonts = Counter(map(_FONT, ink))
    plain = sum(n for font, n in fonts.items() if not _SUBSET_TAG.match(font))  # each font tested once
    if plain < SCAN_FONT_SHARE * len(ink):
        return None
    area = width * height
    for box in images:
        covered = max(0.0, min(box.x1, width) - max(box.x0, 0.0)) * max(0.0, min(box.bottom, height) - max(box.top, 0.0))
        if area > 0 and covered >= SCAN_COVER * area:
            return box
    return None


def scan_header(items: Sequence[Item], page: int, height: float) -> list[Item]:
    """The rows of a scanned page's old-style running header (page 2 on), as the OCR read them; ``[]`` if none.

    Only when a language row is followed by a page row: then those two and the short rows above them in the
    top band (the symbol, a speck) are the header. ``items`` are the page's rows, top first."""
    if page < 2:
        return []
    top = [i for i in items[:MAX_HEADER_ROWS] if i.base <= TOP_BAND * height and not i.vertical]
    texts = [i.text.strip() for i in top]
    for index in range(1, len(top)):
        if _PAGE_ROW.match(texts[index]) and _LANGUAGE_ROW.match(texts[index - 1]):
            head = top[: index + 1]
            if all(len(t) <= MAX_HEADER_ROW_CHARS for t in texts[: index + 1]):
                for item in head:
                    item.kind = "header"
                head[-1].kind = "page_number"
                return head
    return []


def ocr_issues(dropped: Iterable[Dropped]) -> tuple[Issue, ...]:
    """One ``ocr-text-layer`` warning for a document with scanned pages, naming them."""
    pages = sorted({d.source.page or 0 for d in dropped if d.kind == SCAN_IMAGE})
    if not pages:
        return ()
    message = (f"{_page_list(pages)} {'is a scanned image' if len(pages) == 1 else 'are scanned images'} with an OCR "
               "text layer: the text is the OCR's reading, with its errors (check it against the page image)")  # fmt: skip
    return (Issue(OCR_TEXT_LAYER, message, page=pages[0]),)


def scan_dropped(box: Box, page: int) -> Dropped:
    return Dropped(SCAN_IMAGE, "", Source(page=page, bbox=box))


def _page_list(pages: list[int]) -> str:
    """``page 3``, ``pages 1–3``, ``pages 1, 4–6``."""
    runs: list[tuple[int, int]] = []
    for p in pages:
        if runs and p == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in runs]
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(parts)
