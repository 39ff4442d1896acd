"""Text renderings line by line: markers a tool put on a line of their own are joined to their text.

Raw ``pdftotext`` writes a hanging paragraph number on its own line (``1.``, then a blank line, then
the text) and a chapter number apart from its title (``一.`` / ``引言``). The number belongs to the next
line with text; joining them restores the line as the page shows it.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line, Span

LONE_MARKER = regex.compile(
    r"^(?:\d{1,3}[.．]|[０-９]{1,3}[.．]|[一二三四五六七八九十]{1,3}[.、．]|[IVXLC]{1,7}\.|[A-ZА-Я]\.|\((?:[a-z]{1,4}|\d{1,2})\)|[a-z]\))$"
)
"""A paragraph, chapter, section or sub-paragraph number and nothing else."""


def join_lone_markers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Join each line that is only an official marker to the next line, which must be running text of the same zone."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _joinable(line, following):
            spans = (*line.spans, Span(" "), *following.spans)
            out.append(replace(line, spans=spans, page_start=line.page_start or following.page_start))
            index += 2
            continue
        out.append(line)
        index += 1
    return tuple(out)


def _joinable(line: Line, following: Line) -> bool:
    if line.heading_level or following.heading_level or line.zone != following.zone or line.region or following.region:
        return False
    return LONE_MARKER.match(line.text.strip()) is not None and LONE_MARKER.match(following.text.strip()) is None
