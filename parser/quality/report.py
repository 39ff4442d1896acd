"""The corpus quality report: worst documents first, totals per folder, and what changed since a saved report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .figures import CHECKS, DocumentFigures
from .totals import ROWS, shown, totals, value_of

FORMAT = "undoc-quality/1"
EXAMPLE = 110
"""Characters of each example shown under a document."""
LISTED = 10
"""Documents named when listing those found in one report only."""


def worst_first(figures: list[DocumentFigures]) -> list[DocumentFigures]:
    """Failed documents, then converted ones by how many checks they fail and by how many defects."""

    def badness(f: DocumentFigures) -> tuple[int, int, int, str]:
        defects = f.defects()
        return (int(f.status == "ok"), -sum(1 for n in defects.values() if n), -sum(defects.values()), f.name)

    return sorted(figures, key=badness)


def key_of(figures: DocumentFigures) -> str:
    """A document's key across runs: its folder's name and its file name."""
    return f"{Path(figures.folder).name}/{figures.name}"


def report_dict(figures: list[DocumentFigures]) -> dict[str, Any]:
    """What ``--save`` writes: every document's figures and the totals, per folder and over all."""
    folders = list(dict.fromkeys(f.folder for f in figures))
    return {"format": FORMAT, "documents": [f.as_dict() for f in figures],
            "totals": {**{Path(d).name: totals([f for f in figures if f.folder == d]) for d in folders},
                       "all": totals(figures)}}  # fmt: skip


def documents_text(figures: list[DocumentFigures], examples: int = 1) -> Iterator[str]:
    """One line per document that fails a check (worst first), with ``examples`` examples of each defect."""
    for doc in worst_first(figures):
        if doc.status != "ok":
            yield f"{key_of(doc)}: not converted ({doc.status}{': ' + doc.error if doc.error else ''})"
            continue
        defects = {k: n for k, n in doc.defects().items() if n}
        if not defects:
            continue
        yield f"{key_of(doc)} [{doc.symbol}]: " + ", ".join(f"{k} {n}" for k, n in defects.items())
        for check in defects:
            for example in _examples(doc, check)[:examples]:
                yield f"    {check}: {' '.join(example.split())[:EXAMPLE]}"


def _examples(doc: DocumentFigures, check: str) -> list[str]:
    return {
        "swallowed": list(doc.swallowed), "masthead_later": list(doc.masthead_later),
        "other_long": [f"{doc.other_chars:,} characters"], "empty_body": ["no body nodes"],
        "numbering": list(doc.numbering_problems), "uncited_notes": [f"{doc.notes - doc.notes_cited} of {doc.notes}"],
        "continuation_notes": [*doc.suffixed_notes, *doc.sequence_breaks], "symbol": [f"{doc.symbol!r} not on page 1"],
        "xml": [doc.xml_error or ""], "body_in_notes": list(doc.body_in_notes), "long_notes": list(doc.long_notes),
    }.get(check, [])  # fmt: skip


def totals_text(report: dict[str, Any]) -> Iterator[str]:
    """The totals table: one row per figure, one column per folder and one for all of them."""
    columns = list(report["totals"])
    width = max(len(r.label) for r in ROWS) + 2
    yield f"{'figure':<{width}}{'target':<8}" + "".join(f"{c:>22}" for c in columns)
    for row in ROWS:
        yield f"{row.label:<{width}}{row.target:<8}" + "".join(f"{shown(report['totals'][c][row.key]):>22}" for c in columns)
    for part in ("failed", "node_types", "warnings"):
        names = sorted({n for c in columns for n in report["totals"][c][part]})
        for name in names:
            label = f"{part.replace('_', ' ')}: {name}"[: width - 1]
            yield f"{label:<{width}}{'':<8}" + "".join(f"{report['totals'][c][part].get(name, 0):>22}" for c in columns)


def compare_text(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    """Documents that got better or worse check by check, documents on one side only, and every total that moved."""
    before = {key_of(DocumentFigures.from_dict(d)): DocumentFigures.from_dict(d) for d in old.get("documents") or ()}
    after = {key_of(DocumentFigures.from_dict(d)): DocumentFigures.from_dict(d) for d in new.get("documents") or ()}
    better: list[str] = []
    worse: list[str] = []
    for key in sorted(set(before) & set(after)):
        was, now = before[key], after[key]
        if was.status != now.status:
            (better if now.status == "ok" else worse).append(f"{key}: {was.status} → {now.status}")
            continue
        old_defects, new_defects = was.defects(), now.defects()
        up = [f"{c} {old_defects[c]} → {n}" for c, n in new_defects.items() if n > old_defects.get(c, 0)]
        down = [f"{c} {old_defects[c]} → {n}" for c, n in new_defects.items() if n < old_defects.get(c, 0)]
        if up:
            worse.append(f"{key}: " + ", ".join(up))
        if down:
            better.append(f"{key}: " + ", ".join(down))
    yield f"worse ({len(worse)} documents):"
    yield from (f"  {line}" for line in worse)
    yield f"better ({len(better)} documents):"
    yield from (f"  {line}" for line in better)
    for label, keys in (
        ("only in the old report", set(before) - set(after)),
        ("only in the new report", set(after) - set(before)),
    ):
        if keys:
            shown_keys = sorted(keys)[:LISTED]
            more = f" … and {len(keys) - LISTED} more" if len(keys) > LISTED else ""
            yield f"{label} ({len(keys)}): {', '.join(shown_keys)}{more}"
    yield from _totals_moved(old.get("totals") or {}, new.get("totals") or {})


def _totals_moved(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    for column in (c for c in new if c in old):
        for row in ROWS:
            if row.key not in old[column] or row.key not in new[column]:
                continue
            was, now = old[column][row.key], new[column][row.key]
            before, after = value_of(was), value_of(now)
            if before is None or after is None or before == after:
                continue
            improved = (after < before) == (row.better == "lower")
            yield f"{column}: {row.label.strip()}: {shown(was)} → {shown(now)} ({'better' if improved else 'worse'})"


def legend() -> Iterator[str]:
    yield from (f"  {key}: {text}" for key, text in CHECKS.items())
