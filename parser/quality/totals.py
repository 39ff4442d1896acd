"""Totals of the quality figures over a set of documents: one named row per figure issue 8 or 9 is judged by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .figures import OTHER_LIMIT, DocumentFigures

Count = Callable[[list[DocumentFigures]], tuple[float, int | None]]
"""(value, out of) over the documents (those not converted count in ``converted`` only); ``None``
as the base when the value is not a share."""


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    target: str
    better: str
    """``lower`` or ``higher``: which way the figure improves."""
    count: Count


def _docs(check: str) -> Count:
    return lambda figures: (sum(1 for f in figures if f.defects().get(check)), None)


def _share(part: Callable[[DocumentFigures], int], whole: Callable[[DocumentFigures], int]) -> Count:
    return lambda figures: (sum(part(f) for f in figures), sum(whole(f) for f in figures))


def _sum(value: Callable[[DocumentFigures], int]) -> Count:
    return lambda figures: (sum(value(f) for f in figures), None)


def _largest(value: Callable[[DocumentFigures], int]) -> Count:
    return lambda figures: (max((value(f) for f in figures), default=0), None)


ROWS = (
    Row("converted", "documents converted", "all", "higher", _share(lambda f: int(f.status == "ok"), lambda f: 1)),
    Row("swallowed", "paragraph numbers swallowed (documents)", "0", "lower", _docs("swallowed")),
    Row("masthead_later", "masthead lines from a later page (documents)", "0", "lower", _docs("masthead_later")),
    Row("other_long", "metadata.other > 1,500 characters (documents)", "≤ 2%", "lower",
        _share(lambda f: int(f.other_chars > OTHER_LIMIT), lambda f: int(f.status == "ok"))),
    Row("empty_body", "empty body (documents)", "0", "lower", _docs("empty_body")),
    Row("numbering", "numbering complete (of numbered documents)", "≥ 95%", "higher",
        _share(lambda f: int(f.numbered and not f.numbering_problems), lambda f: int(f.numbered))),
    Row("notes_cited", "footnotes cited", "≥ 98%", "higher", _share(lambda f: f.notes_cited, lambda f: f.notes)),
    Row("continuation_notes", "notes from a continuation line (documents)", "0", "lower", _docs("continuation_notes")),
    Row("continuation_note_count", "  such notes", "0", "lower", _sum(lambda f: f.defects().get("continuation_notes", 0))),
    Row("symbol", "symbol printed on page 1 (of PDFs that print one)", "≥ 99%", "higher",
        _share(lambda f: int(f.symbol_printed is True), lambda f: int(f.symbol_printed is not None))),
    Row("xml", "XML valid against the AKN schema", "100%", "higher",
        _share(lambda f: int(f.xml_error == ""), lambda f: int(f.xml_error is not None))),
    Row("body_in_notes", "body text inside a note (documents)", "0", "lower", _docs("body_in_notes")),
    Row("long_notes", "notes longer than their page could hold (documents)", "0", "lower", _docs("long_notes")),
    Row("longest_note", "longest note (characters)", "", "lower", _largest(lambda f: f.longest_note)),
    Row("seconds_per_page", "parse cost (seconds per page)", "", "lower",
        lambda fs: (round(sum(f.seconds for f in fs) / max(1, sum(f.pages for f in fs)), 4), None)),
)  # fmt: skip


def totals(figures: list[DocumentFigures]) -> dict[str, object]:
    """Every row's value (and its base when it is a share), failures by status, node types and warnings by code."""
    converted = [f for f in figures if f.status == "ok"]
    out: dict[str, object] = {"documents": len(figures)}
    for row in ROWS:
        value, base = row.count(figures)
        out[row.key] = value if base is None else {"count": value, "of": base, "share": round(value / base, 4) if base else None}
    out["failed"] = dict(Counter(f.status for f in figures if f.status != "ok"))
    out["node_types"] = dict(sorted(sum((Counter(f.node_types) for f in converted), Counter()).items()))
    out["warnings"] = dict(sorted(sum((Counter(f.warning_codes) for f in converted), Counter()).items()))
    return out


def value_of(total: object) -> float | None:
    """The comparable number of a total: the share of a share (``None`` for a share of nothing), else the value."""
    if isinstance(total, dict):
        share = total.get("share")
        return float(share) if share is not None else None
    return float(total) if isinstance(total, (int, float)) else None


def shown(total: object) -> str:
    if isinstance(total, dict):
        share = total.get("share")
        return f"{total['count']:g}/{total['of']}" + (f" ({share:.1%})" if share is not None else "")
    return f"{total:g}" if isinstance(total, (int, float)) else str(total)
