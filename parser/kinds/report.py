"""Reports and every document with no kind of its own: the common rules, and a note's transmittal."""

from __future__ import annotations

import regex

from ..model import Line
from ..rules import Context, Start, masthead_open
from .base import Kind

TRANSMITTAL = regex.compile(
    r"^(?:The\s+\p{Lu}[\p{L}’'\-]*(?:\s+[\p{L}’'\-]+){0,12}?\s+has\s+the\s+honour\s+to\s"
    r"|L[ea]\s+\p{Lu}[\p{L}’'\-]*(?:\s+[\p{L}’'\-]+){0,12}?\s+a\s+l['’]honneur\s+de\s"
    r"|El\s+\p{Lu}[\p{L}’'\-]*(?:\s+[\p{L}’'\-]+){0,12}?\s+tiene\s+el\s+honor\s+de\s)"
)
"""``The Secretary-General has the honour to transmit …``, ``The President of the Economic and Social Council has
the honour to transmit …``: the first words of a note's text, which ends its masthead."""


def recognise(first: tuple[Line, ...]) -> bool:
    return True


def transmittal_rule(line: Line, ctx: Context) -> Start | None:
    """A note (``Note by the Secretary-General``) opens its text with its transmittal: body text, though no gap or
    number has closed the masthead yet."""
    if masthead_open(line, ctx) and TRANSMITTAL.match(line.text.strip()):
        return Start("text", line.spans, ends_masthead=True)
    return None


KIND = Kind("report", "doc", "report", recognise, (transmittal_rule,))
