"""How far two parses of one document agree: numbered paragraphs, headings, footnotes, table cells.

Made for comparing two renderings of one document (its PDF against the Word file it was printed
from, a rendering against its source): a unit agrees when both sides have it under the same id
with the same text, whitespace, soft hyphens and line-end hyphenation aside, and a heading also
at the same level (its type and its depth in the tree).

An unnumbered heading's id counts it from the official number before it (``para_14-10__hdg_5``), so one
heading more or less on one side renumbers every later one under the same anchor. Headings are therefore
held against each other where they stand: a numbered heading (``chp_2``, ``sec_A``) by its id, unnumbered
ones in order under the same anchor (a longest common subsequence of their text, type and depth), so
that a missing heading counts once, not once for every heading after it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from .textdiff import loose
from .units import Unit, document_units

CATEGORIES = ("paragraphs", "subparagraphs", "headings", "footnotes", "tables", "table_cells")
"""``tables``: a table agrees when it has as many rows and columns on both sides (its cells are ``table_cells``)."""


@dataclass(frozen=True, slots=True)
class Tally:
    """One category's counts: units on each side, and units on both that agree."""

    category: str
    a: int
    b: int
    agreed: int
    both: int
    """Ids found on both sides, agreeing or not."""

    @property
    def share(self) -> float:
        """Agreeing units over every id found on either side (1.0 when neither side has any)."""
        union = self.a + self.b - self.both
        return self.agreed / union if union else 1.0

    @property
    def share_of_a(self) -> float:
        """Agreeing units over side A's (A as the reference, e.g. the Word file)."""
        return self.agreed / self.a if self.a else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "both": self.both, "agreed": self.agreed,
                "share": round(self.share, 4), "share_of_a": round(self.share_of_a, 4)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Agreement:
    a: str
    b: str
    tallies: tuple[Tally, ...]
    disagreements: tuple[tuple[str, str], ...] = ()
    """(category, id) of every unit that does not agree, side A's first, then those only in B."""

    def tally(self, category: str) -> Tally:
        return next(t for t in self.tallies if t.category == category)

    @property
    def total(self) -> Tally:
        return Tally("total", sum(t.a for t in self.tallies), sum(t.b for t in self.tallies),
                     sum(t.agreed for t in self.tallies), sum(t.both for t in self.tallies))  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, **{t.category: t.as_dict() for t in (*self.tallies, self.total)},
                "disagreements": [list(d) for d in self.disagreements]}  # fmt: skip


def agreement(a: dict[str, Any], b: dict[str, Any], *, a_name: str = "A", b_name: str = "B") -> Agreement:
    """Share of units on which two undoc JSON documents agree, per category and in total."""
    side_a, side_b = _categorised(a), _categorised(b)
    tallies: list[Tally] = []
    disagreements: list[tuple[str, str]] = []
    for category in CATEGORIES:
        units_a, units_b = side_a[category], side_b[category]
        if category == "headings":
            tally, missed = _headings(units_a, units_b)
            tallies.append(tally)
            disagreements.extend((category, unit_id) for unit_id in missed)
            continue
        both = agreed = 0
        for unit_id, fingerprint in units_a.items():
            other = units_b.get(unit_id)
            both += other is not None
            if other == fingerprint:
                agreed += 1
            else:
                disagreements.append((category, unit_id))
        disagreements.extend((category, unit_id) for unit_id in units_b if unit_id not in units_a)
        tallies.append(Tally(category, len(units_a), len(units_b), agreed, both))
    return Agreement(a_name, b_name, tuple(tallies), tuple(disagreements))


_UNNUMBERED_HEADING = regex.compile(r"^(?P<anchor>.*)__hdg_\d+(?:_\d+)?$")


def _headings(units_a: dict[str, tuple[str, ...]], units_b: dict[str, tuple[str, ...]]) -> tuple[Tally, list[str]]:
    """Headings that agree: numbered ones by id, unnumbered ones in order under the same anchor; the ids that do not
    (side A's, then those only in B)."""
    agreed = 0
    matched_a: set[str] = set()
    matched_b: set[str] = set()
    groups_a, groups_b = _by_anchor(units_a), _by_anchor(units_b)
    for anchor, ids_a in groups_a.items():
        if anchor is None:
            continue
        ids_b = groups_b.get(anchor, [])
        matcher = difflib.SequenceMatcher(None, [units_a[i] for i in ids_a], [units_b[i] for i in ids_b], autojunk=False)
        for block in matcher.get_matching_blocks():
            matched_a.update(ids_a[block.a : block.a + block.size])
            matched_b.update(ids_b[block.b : block.b + block.size])
    for unit_id in groups_a.get(None, []):
        if units_b.get(unit_id) == units_a[unit_id]:
            matched_a.add(unit_id)
            matched_b.add(unit_id)
    agreed = len(matched_a)
    both = sum(1 for unit_id in units_a if unit_id in units_b)
    missed = [i for i in units_a if i not in matched_a] + [i for i in units_b if i not in matched_b and i not in units_a]
    return Tally("headings", len(units_a), len(units_b), agreed, both), missed


def _by_anchor(units: dict[str, tuple[str, ...]]) -> dict[str | None, list[str]]:
    """Unnumbered headings' ids under their anchor, in document order; numbered headings under ``None``."""
    out: dict[str | None, list[str]] = {}
    for unit_id in units:
        match = _UNNUMBERED_HEADING.match(unit_id)
        out.setdefault(match.group("anchor") if match else None, []).append(unit_id)
    return out


def _categorised(doc: dict[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per category, each unit's id and what must be equal for it to agree."""
    units = document_units(doc)
    out: dict[str, dict[str, tuple[str, ...]]] = {category: {} for category in CATEGORIES}
    depth: dict[str, int] = {}
    rows: dict[str, int] = {}
    for unit in units["body"]:
        depth[unit.id] = depth[unit.parent] + 1 if unit.parent in depth else 0
        for category, fingerprint in _body_categories(unit, depth[unit.id]):
            out[category][unit.id] = fingerprint
        if unit.type == "cell":
            row = int(unit.id.rsplit("/r", 1)[1].split("c", 1)[0])
            rows[unit.parent] = max(rows.get(unit.parent, 0), row)
    for table_id, (columns,) in out["tables"].items():
        out["tables"][table_id] = (str(rows.get(table_id, 0)), columns)
    for note in units["footnotes"]:
        out["footnotes"][note.id] = (loose(_text(note, "text")),)
    return out


def _body_categories(unit: Unit, depth: int) -> Iterator[tuple[str, tuple[str, ...]]]:
    if unit.type == "paragraph":
        yield "paragraphs", (loose(_text(unit, "text")),)
    elif unit.type == "subparagraph":
        yield "subparagraphs", (loose(_text(unit, "text")),)
    elif unit.type == "table":
        yield "tables", (dict(unit.attrs).get("table.columns", "0"),)
    elif unit.type == "cell":
        yield "table_cells", (loose(_text(unit, "text")),)
    if unit.type not in ("table", "figure") and dict(unit.texts).get("heading") is not None:
        yield "headings", (loose(_text(unit, "heading")), unit.type, str(depth))


def _text(unit: Unit, field: str) -> str:
    return dict(unit.texts).get(field, "")
