"""Document kinds, registered in one table: the first kind that recognises the first page wins."""

from __future__ import annotations

from ..model import Line, Metadata
from . import agenda, letter, record, report, resolution
from .base import Kind

KINDS: tuple[Kind, ...] = (
    record.KIND,  # first: a record's symbol says what it is, whatever its speakers quote
    letter.KIND,
    resolution.KIND,
    agenda.KIND,  # after resolutions: a draft resolution may quote an agenda item in its title
    report.KIND,  # last: every document is at least a report
)

FIRST_LINES = 60
"""lines: the masthead and first lines a kind is recognised from (a first page holds about 45; a text
rendering may put page-1 furniture such as the job number in the middle of its masthead)."""


def lines_to_kind(lines: tuple[Line, ...]) -> Kind:
    """The kind of document these lines are, from its masthead and first lines: page 1's where the reader knows
    where pages start (a report that quotes a letter or a resolution on page 3 stays a report)."""
    first = _page_one(lines[:FIRST_LINES])
    return next(kind for kind in KINDS if kind.recognise(first))


def _page_one(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines before the second page's first one, as ``rules.masthead_open`` knows a page start (typeset
    pages only: a text rendering's page start may be page 1's own footer, printed inside its masthead)."""
    for index, line in enumerate(lines[1:], 1):
        if line.page_start and line.typeset:
            return lines[:index]
    return lines


def akn_name(metadata: Metadata) -> str:
    """The AKN document name a document is written with: its kind's, or the one its masthead gives among its kind's
    names (``resolution``, ``decision``, ``resolutionDraft``, ``decisionDraft``); ``report`` for a kind not in the
    table."""
    kind = next((k for k in KINDS if k.name == metadata.kind), None)
    if kind is None:
        return "report"
    return kind.name_of(metadata) if kind.name_of is not None else kind.akn_name


def akn_type(kind: str) -> str:
    """The AKN document type a kind of document is written as (``doc`` for a kind not in the table)."""
    return next((k.akn_type for k in KINDS if k.name == kind), "doc")


__all__ = ["KINDS", "Kind", "akn_name", "akn_type", "lines_to_kind"]
