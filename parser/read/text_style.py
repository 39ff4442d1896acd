"""Which tool a text rendering of a PDF looks like: recorded in ``source.rendering``.

The styles are those of the common converters: ``pdftotext`` (raw: form feeds between pages, lines as
drawn), ``pdftotext-layout`` (the page laid out in character cells: leading spaces and wide gaps
between columns), ``markdown`` (pymupdf4llm, MinerU, Marker, Docling, or hand-made) and ``text``
(any other line-by-line text, e.g. pdfplumber's ``extract_text``). The style only says what the text
looks like; the reading rules hold for every style.
"""

from __future__ import annotations

from typing import Literal

import regex

Rendering = Literal["pdftotext", "pdftotext-layout", "markdown", "text"]
RENDERINGS: tuple[Rendering, ...] = ("pdftotext", "pdftotext-layout", "markdown", "text")

LAYOUT_GAP_CELLS = 3
"""character cells: a run of this many spaces inside a line (or before it) is layout, not typed spacing."""
LAYOUT_LINE_SHARE = 0.3
"""share of non-blank lines: a -layout rendering indents or spaces out most lines; a raw one almost none."""

_GAP = regex.compile(rf"\S[ ]{{{LAYOUT_GAP_CELLS},}}\S|^[ ]{{{LAYOUT_GAP_CELLS},}}\S")


def rendering_style(text: str, *, markdown: bool) -> Rendering:
    """The rendering style of decoded ``text`` (``markdown`` as ``looks_like_markdown`` decided)."""
    if markdown:
        return "markdown"
    lines = [line for line in text.splitlines() if line.strip()]
    laid_out = sum(1 for line in lines if _GAP.search(line))
    if lines and laid_out / len(lines) >= LAYOUT_LINE_SHARE:
        return "pdftotext-layout"
    return "pdftotext" if "\f" in text else "text"
