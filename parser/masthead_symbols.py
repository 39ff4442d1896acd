"""The symbol of a document whose masthead has no symbol line of its own: printed after a short label (a brochure),
at page 1's foot by the job number, or on a scan whose OCR text layer misread it by a stray full stop."""

from __future__ import annotations

import regex

from .furniture import QUALIFIER, SYMBOL, SYMBOL_LINE
from .model import Dropped, Element

LABELLED_SYMBOL = regex.compile(rf"^(?:[\p{{L}}\p{{N}}\-–:,]+\s+){{1,4}}{SYMBOL.pattern}(?:\s*{QUALIFIER})*$")
"""A short label and a symbol, on a line of its own: ``Review Highlights JIU/NOTE/2022/1/Rev.1``."""
LABELLED_LINES = 4
"""Elements at the top of page 1 (figures aside) where a brochure with no masthead prints its symbol."""


def labelled_symbol(elements: tuple[Element, ...]) -> tuple[str, bool] | None:
    """The symbol (and its reissue mark) of a document with no symbol line, printed after a short label on one of
    page 1's first lines, as a brochure or a review's highlights print it; ``None`` when there is none."""
    first = [e for e in elements if e.kind not in ("figure", "table") and e.sources and e.sources[0].page in (None, 1)]
    for element in first[:LABELLED_LINES]:
        match = LABELLED_SYMBOL.match(element.text.strip())
        if match is not None:
            return match.group("symbol"), bool(match.group("reissued"))
    return None


OCR_STRAY_DOT = regex.compile(r"(?<=(?<![\p{L}\p{N}.])\p{Lu}{1,8})\.(?=/)")
"""A full stop between a symbol's series letters and its slash (``A./47/435``): an OCR reading of a speck,
never part of a symbol, whose full stops always come before a number (``CN.4``, ``L.5``, ``Add.1``)."""


def ocr_symbol(elements: tuple[Element, ...]) -> tuple[str, str] | None:
    """The symbol a scanned page's masthead prints, read through an OCR text layer that put a stray full stop
    before a slash (``A./47/435``), with the line as the OCR read it; ``None`` when no masthead line is a symbol
    once that stop is taken out. The repaired line must still be a whole symbol line (the symbol grammar)."""
    for element in elements:
        text = element.text.strip()
        repaired = OCR_STRAY_DOT.sub("", text)
        if repaired != text and SYMBOL_LINE.match(repaired) and (match := SYMBOL.search(repaired)) is not None:
            return match.group("symbol"), text
    return None


def footer_symbol(dropped: tuple[Dropped, ...]) -> tuple[str, bool] | None:
    """The symbol page 1 prints at its foot, by the job number, in a layout whose masthead has none
    (``FCCC/SBSTA/2011/MISC.14`` over ``GE.11-64419``): the reader dropped it as a running header."""
    for item in dropped:
        if item.kind == "header" and item.source.page == 1 and SYMBOL_LINE.match(item.text.strip()):
            match = SYMBOL.search(item.text)
            if match is not None:
                return match.group("symbol"), bool(match.group("reissued"))
    return None
