"""Two undoc JSON documents compared unit by unit by official id: added, removed, moved, changed.

A unit present on both sides is *changed* for each field that differs (texts with a character
diff), and *moved* when it sits under another parent or out of order among its siblings (the
fewest moves that explain the new order). A unit found on one side only is *moved* when the
other side has the same text under another id, else *added* or *removed*. Masthead lines without
a role (``metadata.other``) have no ids and are matched as a sequence; warnings are matched by
code and location, and their order does not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from .textdiff import char_diff, longest_increasing, loose
from .units import SECTIONS, Unit, document_units

ChangeKind = Literal["added", "removed", "moved", "changed"]
KINDS: tuple[ChangeKind, ...] = ("added", "removed", "moved", "changed")


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    section: str
    id: str
    """The unit's id on side A (on side B for an added unit)."""
    type: str
    field: str = ""
    """The field that changed (``text``, ``heading``, ``parent``, ``order``, ``id`` …)."""
    old: str | None = None
    new: str | None = None
    diff: str = ""
    """``[-old-]{+new+}`` around the changed stretch, context trimmed (texts only)."""
    new_id: str = ""
    """The id on side B when it differs (a unit moved under another id)."""

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "section": self.section, "id": self.id, "type": self.type, "field": self.field,
                "old": self.old, "new": self.new, "diff": self.diff, "new_id": self.new_id}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    a: str
    b: str
    changes: tuple[Change, ...]

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def by_section(self) -> dict[str, int]:
        counts = dict.fromkeys(SECTIONS, 0)
        for change in self.changes:
            counts[change.section] += 1
        return {section: n for section, n in counts.items() if n}

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "counts": self.counts, "changes": [c.as_dict() for c in self.changes]}


def diff_documents(a: dict[str, Any], b: dict[str, Any], *, ignore_space: bool = False, a_name: str = "A",
                   b_name: str = "B") -> DocumentDiff:  # fmt: skip
    """Every difference between two undoc JSON documents (as loaded by ``json.load``)."""
    same: Callable[[str, str], bool] = (lambda x, y: loose(x) == loose(y)) if ignore_space else (lambda x, y: x == y)
    key: Callable[[str], str] = loose if ignore_space else (lambda text: text)
    units_a, units_b = document_units(a), document_units(b)
    changes: list[Change] = []
    for section in SECTIONS:
        if section == "other":
            changes.extend(_compare_sequence(units_a[section], units_b[section], same, key))
        else:
            changes.extend(_compare_by_id(units_a[section], units_b[section], same, key, ordered=section != "warnings"))
    return DocumentDiff(a_name, b_name, tuple(changes))


def _compare_by_id(side_a: list[Unit], side_b: list[Unit], same: Callable[[str, str], bool], key: Callable[[str], str], *,
                   ordered: bool) -> Iterator[Change]:  # fmt: skip
    b_by_id = {u.id: u for u in side_b}
    a_ids = {u.id for u in side_a}
    common = [u for u in side_a if u.id in b_by_id]
    out_of_order = _out_of_order(common, side_b) if ordered else set()
    for unit in common:
        other = b_by_id[unit.id]
        if unit.parent != other.parent:
            yield Change("moved", unit.section, unit.id, unit.type, "parent", unit.parent or "(top)", other.parent or "(top)")
        elif unit.id in out_of_order:
            yield Change("moved", unit.section, unit.id, unit.type, "order")
        yield from _field_changes(unit, other, same)
    removed = [u for u in side_a if u.id not in b_by_id]
    added = [u for u in side_b if u.id not in a_ids]
    waiting: dict[str, list[Unit]] = defaultdict(list)
    for unit in added:
        if unit.content:
            waiting[key(unit.content)].append(unit)
    renamed: set[str] = set()
    for unit in removed:
        candidates = waiting.get(key(unit.content)) if unit.content else None
        if candidates:
            other = candidates.pop(0)
            renamed.add(other.id)
            yield Change("moved", unit.section, unit.id, unit.type, "id", unit.id, other.id, new_id=other.id)
            yield from (c for c in _field_changes(unit, other, same) if c.field != "type")
        else:
            yield Change("removed", unit.section, unit.id, unit.type, old=unit.summary)
    for unit in added:
        if unit.id not in renamed:
            yield Change("added", unit.section, unit.id, unit.type, new=unit.summary)


def _field_changes(unit: Unit, other: Unit, same: Callable[[str, str], bool]) -> Iterator[Change]:
    new_id = other.id if other.id != unit.id else ""
    if unit.type != other.type:
        yield Change("changed", unit.section, unit.id, unit.type, "type", unit.type, other.type, new_id=new_id)
    texts_b = dict(other.texts)
    for name, text in unit.texts:
        new = texts_b.pop(name, None)
        if new is None or not same(text, new):
            yield Change("changed", unit.section, unit.id, unit.type, name, text, new, char_diff(text, new or ""), new_id)
    for name, new in texts_b.items():
        yield Change("changed", unit.section, unit.id, unit.type, name, None, new, char_diff("", new), new_id)
    attrs_a, attrs_b = dict(unit.attrs), dict(other.attrs)
    for name in dict.fromkeys([*attrs_a, *attrs_b]):
        if attrs_a.get(name) != attrs_b.get(name):
            yield Change("changed", unit.section, unit.id, unit.type, name, attrs_a.get(name), attrs_b.get(name), new_id=new_id)


def _out_of_order(common: list[Unit], side_b: list[Unit]) -> set[str]:
    """Ids among siblings (same parent on both sides) that are not in the longest run kept in order."""
    position = {u.id: i for i, u in enumerate(side_b)}
    parent_b = {u.id: u.parent for u in side_b}
    groups: dict[str, list[str]] = defaultdict(list)
    for unit in common:
        if parent_b[unit.id] == unit.parent:
            groups[unit.parent].append(unit.id)
    moved: set[str] = set()
    for ids in groups.values():
        kept = set(longest_increasing([position[i] for i in ids]))
        moved.update(i for index, i in enumerate(ids) if index not in kept)
    return moved


def _compare_sequence(side_a: list[Unit], side_b: list[Unit], same: Callable[[str, str], bool],
                      key: Callable[[str], str]) -> Iterator[Change]:  # fmt: skip
    """Units without ids of their own, matched by their place in the sequence and their text."""
    matcher = SequenceMatcher(None, [key(u.summary) for u in side_a], [key(u.summary) for u in side_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for unit, other in zip(side_a[i1:i2], side_b[j1:j2], strict=True):
                yield from _field_changes(unit, other, same)
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for unit, other in zip(side_a[i1 : i1 + pairs], side_b[j1 : j1 + pairs], strict=True):
            yield from _field_changes(unit, other, same)
        for unit in side_a[i1 + pairs : i2]:
            yield Change("removed", unit.section, unit.id, unit.type, old=unit.summary)
        for other in side_b[j1 + pairs : j2]:
            yield Change("added", other.section, other.id, other.type, new=other.summary)
