"""Resolutions and decisions: a numbered title ends the masthead, ``The General Assembly,`` opens the preamble."""

from __future__ import annotations

import regex

from ..model import Line, Metadata
from ..rules import CONTINUE, Context, Start, masthead_open
from ..vocab import PREAMBLE_START
from .base import Kind

ADOPTED_TITLE = regex.compile(
    r"^(?:(?:S-)?\d{1,3}/\d{1,4}(?:\s+[A-Z])?\.\s"
    r"|(?:Resolution|Résolution|Resolución|Резолюция|القرار)\s+\d{1,4}\s*\(\d{4}\)$|第\s*\d{1,4}\s*\(\d{4}\)\s*号决议$)"
)
"""``80/5. Doha Political Declaration``, ``S-27/2. …``, ``48/246 B. …``: a resolution's number and title;
``Resolution 2786 (2025)``: a Security Council resolution's."""
DRAFT_TITLE = regex.compile(
    r"^(?:(?:.{0,300}[:：]\*{0,3}\s*)?(?:(?:Revised\s+)?[Dd]raft\s+(?:resolution|decision)|(?:[Pp]rojet|[Pp]rojet\s+révisé)\s+de\s+(?:résolution|décision)"
    r"|(?:[Pp]royecto|[Pp]royecto\s+revisado)\s+de\s+(?:resolución|decisión)|(?:[Пп]ересмотренный\s+)?[Пп]роект\s+(?:резолюции|решения)"
    r"|(?:订正)?(?:决议|决定)草案|(?:مشروع|مشروع\s+منقح\s+ل)\s*(?:قرار|مقرر))(?:\s+[IVX]{1,4})?\s?\*{0,3}$"
    r"|(?:Revised\s+)?[Dd]raft\s+(?:resolution|decision)\s+submitted\s+(?:by|to)\s|(?:[Pp]rojet\s+(?:révisé\s+)?de\s+)"
    r"(?:résolution|décision)\s+(?:présenté|soumis)\s+(?:par|au|à)\s|[Pp]royecto\s+(?:revisado\s+)?de\s+(?:resolución|decisión)\s+"
    r"(?:presentado\s+por|sometido\s+a)\s|[Пп]роект\s+(?:резолюции|решения),?\s+представленный\s|مشروع\s+(?:قرار|مقرر)\s+مقدم\s+من\s)"
)
"""``United Kingdom …: draft resolution`` and ``Draft resolution submitted by the Vice-President of the Council, …``
(a line that wraps on), ``Draft decision submitted to the Executive Board``: what a draft is and whose, whatever star
calls its sponsors take (``El Salvador* and Philippines:* draft resolution``). The draft's own title follows it."""
RESOLUTION_TITLE = regex.compile(f"{ADOPTED_TITLE.pattern}|{DRAFT_TITLE.pattern}")
"""A resolution's or a draft's title line: what recognises the kind."""

ADOPTED = regex.compile(
    r"^(?:Adopted\s+by\s+the\s|Adoptée\s+par\s+le\s|Aprobada\s+por\s+el\s|Принята\s|(?:安全理事会|安理会).{0,30}通过|اتخذه\s)"
)
"""``Adopted by the Security Council at its 9957th meeting, on 14 July 2025``: under a Security Council
resolution's title, part of its masthead."""


def recognise(first: tuple[Line, ...]) -> bool:
    return any(RESOLUTION_TITLE.match(line.text.strip()) for line in first)


def title_rule(line: Line, ctx: Context) -> Start | None:
    """``80/5. Title``: a resolution's number and title end its masthead (with the Security Council's adoption
    line under it); after them, ``The General Assembly,`` opens the preamble even before a gap has closed
    the masthead. A draft's line (``Draft decision submitted by …``) says what the document is, as a report's
    ``Report of the Secretary-General`` does; after a gap the draft's own title follows it and ends the masthead."""
    text = line.text.strip()
    opened = masthead_open(line, ctx)
    if opened and ADOPTED_TITLE.match(text):
        return Start("masthead", line.spans, role="resolution_title")
    if opened and "draft_title" not in ctx.masthead_roles and DRAFT_TITLE.match(text):
        return Start("masthead", line.spans, role="draft_title")
    if ctx.open_role == "resolution_title" and ADOPTED.match(text):
        return Start("masthead", line.spans, role="adoption")
    if ctx.open_role == "adoption" and not line.blank_before and not line.page_start and not PREAMBLE_START.match(text):
        return CONTINUE
    if ctx.masthead_roles & {"resolution_title", "draft_title"} and PREAMBLE_START.match(text):
        return Start("text", line.spans, role="preamble_intro", ends_masthead=True)
    if opened and ctx.open_role == "draft_title" and not line.page_start:
        if not line.blank_before and line.bold == ctx.open_bold:
            return CONTINUE
        if OWN_TITLE.match(text):
            return Start("masthead", line.spans, role="resolution_title")
    return None


OWN_TITLE = regex.compile(r"^[\p{Lu}\p{Lo}][^.。]*$")
"""A draft's own title: a capital first and no full stop (not a paragraph's number, not a sentence)."""


DRAFT = regex.compile(
    r"(?:^|[\s:：])(?:(?:revised\s+)?draft\s+(?P<en>resolution|decision)|projet\s+(?:révisé\s+)?de\s+(?P<fr>résolution|décision)"
    r"|proyecto\s+(?:revisado\s+)?de\s+(?P<es>resolución|decisión)|(?:пересмотренный\s+)?проект\s+(?P<ru>резолюции|решения))"
    r"|(?:订正)?(?P<zh>决议|决定)草案|مشروع\s+(?:منقح\s+ل\s*)?(?P<ar>قرار|مقرر)",
    regex.IGNORECASE,
)
"""The words that make a title a draft's, and whether a resolution's or a decision's: ``Draft decision submitted
by …``, ``United Kingdom …: draft resolution``."""
DECISION_WORDS = frozenset({"decision", "décision", "decisión", "решения", "决定", "مقرر"})
DECISION = regex.compile(r"^(?:Decision|Décision|Decisión|Решение|决定|مقرر)\b|/DEC/")
"""A decision's masthead: ``Decision adopted by the Human Rights Council``, a ``/DEC/`` symbol."""
LIMITED = regex.compile(r"/L\.\d")
"""The ``L.`` of a symbol: a document of limited distribution, a draft."""


def akn_name_of(metadata: Metadata) -> str:
    """AKN4UN's names for deliberative documents: ``resolution``, ``decision``, ``resolutionDraft`` (an ``L.``
    document or a title or document-type line that says draft), ``decisionDraft`` for a draft decision on the same pattern."""
    lines = [t.text for t in (metadata.title, metadata.subtitle) if t is not None] + list(metadata.symbols)
    draft = next((d for t in (metadata.subtitle, metadata.title) if t is not None and (d := DRAFT.search(t.text))), None)
    if draft is not None:
        word = next(v for v in draft.groupdict().values() if v)
        return "decisionDraft" if word.lower() in DECISION_WORDS else "resolutionDraft"
    if any(LIMITED.search(s) for s in metadata.symbols):
        return "resolutionDraft"
    return "decision" if any(DECISION.search(t) for t in lines) else "resolution"


KIND = Kind("resolution", "statement", "resolution", recognise, (title_rule,), name_of=akn_name_of)
"""Written as an AKN ``statement`` when its body has the shape of one (a ``preamble``, ``parts``), else as a ``doc``:
a report of decisions is recognised as this kind too."""
