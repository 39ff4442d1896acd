"""How well one parse read another's tables, whatever ids the two gave them.

``agreement`` compares tables under their ids, so a table anchored to another number (a paragraph the
other side numbered differently) counts as missing however well it was read. Here each table of side A
is paired, in document order, with the first unpaired table of side B after the last pair whose cells
share most of its texts; a pair has the same shape when it has as many rows and columns, and a cell agrees
when the same grid position holds the same text (whitespace and hyphenation aside, as in ``agreement``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .textdiff import loose
from .units import cell_grid

SHARED = 0.5
"""share of side A's non-empty cell texts: a table of side B holding fewer of them is another table."""


@dataclass(frozen=True, slots=True)
class TableTally:
    tables: int
    """Tables of side A."""
    found: int
    """Of them, paired with a table of side B."""
    same_shape: int
    """Of them, paired with a table of as many rows and columns."""
    cells: int
    """Cells of side A's tables."""
    cells_agreed: int
    """Of them, with the same text at the same grid position of the paired table."""

    def __add__(self, other: TableTally) -> TableTally:
        return TableTally(*(getattr(self, f) + getattr(other, f) for f in self.__slots__))


def _tables(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    def walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for node in nodes:
            yield node
            yield from walk(node.get("children") or [])

    return [(str(n.get("id")), n["table"]) for n in walk(doc.get("body") or [])
            if n.get("type") == "table" and isinstance(n.get("table"), dict)]  # fmt: skip


def _cells(table: dict[str, Any]) -> dict[tuple[int, int], str]:
    return {at: loose(str(cell.get("text") or "")) for at, cell in cell_grid(table.get("rows") or [])}


def _shape(table: dict[str, Any]) -> tuple[int, int]:
    return len(table.get("rows") or []), int(table.get("columns") or 0)


@dataclass(frozen=True, slots=True)
class TablePair:
    a: str
    """Side A's table id."""
    b: str | None
    """The id of the table of side B paired with it, ``None`` when none holds enough of its texts."""
    same_shape: bool = False
    cells: int = 0
    cells_agreed: int = 0


def table_pairs(a: dict[str, Any], b: dict[str, Any]) -> list[TablePair]:
    """Side A's tables paired in order with side B's by the texts of their cells."""
    tables_b = [(table_id, _cells(t), _shape(t)) for table_id, t in _tables(b)]
    out: list[TablePair] = []
    start = 0
    for table_id, table in _tables(a):
        mine = _cells(table)
        texts = [t for t in mine.values() if t]
        pair = TablePair(table_id, None, cells=len(mine))
        for k in range(start, len(tables_b)):
            other_id, theirs, shape = tables_b[k]
            held = set(theirs.values())
            if texts and sum(1 for t in texts if t in held) >= SHARED * len(texts):
                agreed = sum(1 for at, text in mine.items() if theirs.get(at) == text)
                pair = TablePair(table_id, other_id, shape == _shape(table), len(mine), agreed)
                start = k + 1
                break
        out.append(pair)
    return out


def table_tally(a: dict[str, Any], b: dict[str, Any]) -> TableTally:
    """Side A's tables paired in order with side B's by the texts of their cells, and how well each was read."""
    pairs = table_pairs(a, b)
    return TableTally(len(pairs), sum(p.b is not None for p in pairs), sum(p.same_shape for p in pairs),
                      sum(p.cells for p in pairs), sum(p.cells_agreed for p in pairs))  # fmt: skip
