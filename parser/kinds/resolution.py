"""Resolutions and decisions: a numbered title ends the masthead, ``The General Assembly,`` opens the preamble."""

from __future__ import annotations

import regex

from ..model import Line
from ..rules import Context, Start, masthead_open
from ..vocab import PREAMBLE_START
from .base import Kind

RESOLUTION_TITLE = regex.compile(r"^(?:S-)?\d{1,3}/\d{1,4}(?:\s+[A-Z])?\.\s")
"""``80/5. Doha Political Declaration``, ``S-27/2. …``, ``48/246 B. …``: a resolution's number and title."""


def recognise(first: tuple[Line, ...]) -> bool:
    return any(RESOLUTION_TITLE.match(line.text) for line in first)


def title_rule(line: Line, ctx: Context) -> Start | None:
    """``80/5. Title``: a resolution's number and title end its masthead; after it, ``The General
    Assembly,`` opens the preamble even before a gap has closed the masthead."""
    if masthead_open(line, ctx) and RESOLUTION_TITLE.match(line.text):
        return Start("masthead", line.spans, role="resolution_title")
    if "resolution_title" in ctx.masthead_roles and PREAMBLE_START.match(line.text.strip()):
        return Start("text", line.spans, role="preamble_intro", ends_masthead=True)
    return None


KIND = Kind("resolution", "doc", "report", recognise, (title_rule,))
