"""An undoc JSON document as the flat list of units ``undoc diff`` compares, each under its official id.

Nodes are walked generically through ``children`` (any ``type``, so new node types need no change),
each keeping its parent's id; a ``table``'s cells become units of their own (``table_2/r3c1``, at
their grid position); every other field is compared as it is: a string or a list of strings (a
figure's ``labels``) as text, anything else exactly. Provenance, sentences and tokens are views or
positions, never content, and are left out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

SECTIONS = ("metadata", "other", "summary", "body", "footnotes", "warnings")
"""In report order: masthead fields, masthead lines without a role, summary box, body, notes, warnings."""

_NOT_CONTENT = frozenset({"id", "type", "children", "provenance", "sentences", "tokens", "table"})
_DOCUMENT_PARTS = frozenset({"format", "generator", "source", "symbol", "metadata", "body", "footnotes", "warnings", "dropped"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One comparable thing: a node, a table cell, a footnote, a masthead field or line, a warning."""

    section: str
    id: str
    type: str
    parent: str = ""
    """Id of the enclosing node (``""`` at the top); only body and summary units have one."""
    texts: tuple[tuple[str, str], ...] = ()
    """(field, text) compared as text: ``text``, ``heading``, ``marker``, a cell's text, a figure's labels …"""
    attrs: tuple[tuple[str, str], ...] = ()
    """(field, value) compared exactly: spans, footnote calls, ``cited_by``, numbers."""

    @property
    def content(self) -> str:
        """The unit's running text, for finding the same text under another id."""
        return "\n".join(text for name, text in self.texts if name in ("text", "heading"))

    @property
    def summary(self) -> str:
        """The text to show for an added or removed unit."""
        return self.content or "\n".join(text for _, text in self.texts)


def document_units(doc: dict[str, Any]) -> dict[str, list[Unit]]:
    """Every unit of an undoc JSON document, per section, in document order."""
    units: dict[str, list[Unit]] = {section: [] for section in SECTIONS}
    metadata = doc.get("metadata") or {}
    units["metadata"] = list(_metadata_units(doc, metadata))
    units["other"] = [
        Unit("other", f"other[{i}]", "other", "", *_fields(line)) for i, line in enumerate(metadata.get("other") or (), 1)
    ]
    units["summary"] = [
        u for node in (metadata.get("summary") or {}).get("paragraphs") or () for u in _node_units("summary", node, "")
    ]
    units["body"] = [u for node in doc.get("body") or () for u in _node_units("body", node, "")]
    units["footnotes"] = [Unit("footnotes", str(n.get("id")), "footnote", "", *_fields(n)) for n in doc.get("footnotes") or ()]
    units["warnings"] = list(_warning_units(doc.get("warnings") or []))
    return units


def _metadata_units(doc: dict[str, Any], metadata: dict[str, Any]) -> Iterator[Unit]:
    for key, value in doc.items():
        if key not in _DOCUMENT_PARTS and value is not None:
            yield Unit("metadata", key, "document", "", *_fields({key: value}))
    for key, value in metadata.items():
        if key == "other" or value is None:
            continue
        if key == "summary":
            if value.get("heading"):
                yield Unit("metadata", "summary.heading", "masthead", "", *_fields(value["heading"]))
        elif isinstance(value, dict):
            yield Unit("metadata", key, "masthead", "", *_fields(value))
        else:
            yield Unit("metadata", key, "masthead", "", *_fields({"value": value}))


def _node_units(section: str, node: dict[str, Any], parent: str) -> Iterator[Unit]:
    node_id = str(node.get("id"))
    texts, attrs = _fields(node)
    table = node.get("table")
    if isinstance(table, dict):
        attrs += tuple((f"table.{k}", _exact(v)) for k, v in table.items() if k != "rows")
    yield Unit(section, node_id, str(node.get("type")), parent, texts, attrs)
    if isinstance(table, dict):
        for (row, column), cell in cell_grid(table.get("rows") or []):
            yield Unit(section, f"{node_id}/r{row}c{column}", "cell", node_id, *_fields(cell))
    for child in node.get("children") or ():
        yield from _node_units(section, child, node_id)


def cell_grid(rows: list[list[dict[str, Any]]]) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
    """Each cell with its 1-based (row, column) in the table's grid, columns counted past spans from above and left."""
    covered: set[tuple[int, int]] = set()
    for row_index, row in enumerate(rows, 1):
        column = 1
        for cell in row:
            while (row_index, column) in covered:
                column += 1
            yield (row_index, column), cell
            rows_spanned, columns_spanned = int(cell.get("row_span") or 1), int(cell.get("col_span") or 1)
            covered.update((row_index + r, column + c) for r in range(rows_spanned) for c in range(columns_spanned))
            column += columns_spanned


def _warning_units(warnings: list[dict[str, Any]]) -> Iterator[Unit]:
    """A warning's id is its code and location (``numbering-gap@para_5``), numbered when it repeats."""
    seen: Counter[str] = Counter()
    for warning in warnings:
        key = f"{warning.get('code')}@{warning.get('location') or '-'}"
        seen[key] += 1
        unit_id = key if seen[key] == 1 else f"{key}#{seen[key]}"
        yield Unit("warnings", unit_id, "warning", "", (("message", str(warning.get("message") or "")),))


def _fields(record: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """A record's content fields split into texts and exact values (absent, ``null`` and empty are the same)."""
    texts: list[tuple[str, str]] = []
    attrs: list[tuple[str, str]] = []
    for key, value in record.items():
        if key in _NOT_CONTENT or value is None or value == [] or value == {}:
            continue
        if isinstance(value, str):
            texts.append((key, value))
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            texts.append((key, "\n".join(value)))
        elif key == "footnote_refs" and isinstance(value, list):
            attrs.append((key, " ".join(str(r.get("note")) for r in value if isinstance(r, dict))))
        else:
            attrs.append((key, _exact(value)))
    return tuple(texts), tuple(attrs)


def _exact(value: Any) -> str:
    return json.dumps(_without_provenance(value), ensure_ascii=False, sort_keys=True)


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k != "provenance"}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value
