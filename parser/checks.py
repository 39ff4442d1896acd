"""Continuity of the official numbering: gaps, duplicates and numbers out of order.

Each finding is an ``Issue`` with a code (``numbering-gap``,
``numbering-duplicate``, ``numbering-order``, ``footnote-uncited``), a message
and the id of the element concerned. ``--strict`` turns them into a failure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .classify_rules import FIGURE_SOURCE
from .ids import starts_list
from .model import Footnote, Issue, Node

_LABEL = {
    "chapter": "chapter",
    "section": "section",
    "paragraph": "paragraph",
    "subparagraph": "sub-paragraph",
    "footnote": "footnote",
}


def check_numbering(body: tuple[Node, ...], notes: tuple[Footnote, ...]) -> tuple[Issue, ...]:
    issues: list[Issue] = []
    for kind, scope, first in _scopes(body):
        issues.extend(check_sequence(scope, kind, first))
    numbered_notes = [(int(n.marker.rstrip("/")), n.id, n) for n in notes if n.marker.rstrip("/").isdigit()]
    runs: list[list[tuple[int, str, Node | None]]] = [[]]
    notes_scope = ""
    for ordinal, note_id, note in numbered_notes:
        where = _scope_of(note.cited_by[0]) if note.cited_by else notes_scope
        if where != notes_scope and ordinal == 1:
            notes_scope = where  # an annex (a report a letter transmits), a quoted draft, numbers its notes from 1 again
            runs.append([])
        runs[-1].append((ordinal, note_id, None))
    for run in runs:
        issues.extend(check_sequence(run, "footnote"))
    for note in notes:
        # an unmarked ``Note:`` / ``Source:`` among the notes speaks of the page's tables: nothing calls it
        if not note.cited_by and not (note.marker == "?" and FIGURE_SOURCE.match(note.text)):
            issues.append(Issue("footnote-uncited", f"footnote {note.marker} is never called in the text", note.id,
                                line=note.sources[0].line if note.sources else None,
                                page=note.sources[0].page if note.sources else None))  # fmt: skip
    return tuple(issues)


def check_sequence(items: Iterable[tuple[int, str, Node | None]], kind: str, first: int = 1) -> list[Issue]:
    """Findings for one run of numbers that should read 1, 2, 3 … (``first``, ``first + 1`` …)."""
    issues: list[Issue] = []
    previous = first - 1
    seen: set[int] = set()
    label = _LABEL.get(kind, kind)
    for ordinal, node_id, node in items:
        line = node.sources[0].line if node and node.sources else None
        page = node.sources[0].page if node and node.sources else None
        if ordinal in seen:
            issues.append(Issue("numbering-duplicate", f"{label} {ordinal} appears more than once", node_id, line, page))
        elif ordinal < previous:
            issues.append(Issue("numbering-order", f"{label} {ordinal} comes after {label} {previous}", node_id, line, page))
        elif ordinal > previous + 1:
            missing = f"{previous + 1}" if ordinal == previous + 2 else f"{previous + 1}–{ordinal - 1}"
            issues.append(Issue("numbering-gap", f"{label} {missing} missing before {label} {ordinal}", node_id, line, page))
        seen.add(ordinal)
        previous = max(previous, ordinal)
    return issues


_Run = list[tuple[int, str, Node | None]]


def _scopes(body: tuple[Node, ...]) -> Iterator[tuple[str, _Run, int]]:
    """Each run of numbers to check, with the number it starts from: chapters and paragraphs per annex, per part
    (an agenda's annotations) and per quoted structure, sections per chapter (or lettered on through the chapters),
    sub-paragraphs per list. A quoted text's paragraphs may start at any number (a corrigendum quotes paragraph 49
    as it is to read)."""
    top_level: list[Node] = []
    annexes: list[Node] = []
    for node in body:
        (annexes if node.type in ("annex", "part") else top_level).append(node)
    quotes = [n for root in body for n in root.walk() if n.type == "quote"]
    scopes = [(tuple(top_level), False)] + [(a.children, False) for a in annexes] + [(q.children, True) for q in quotes]
    for scope, quoted in scopes:
        yield "chapter", [(n.ordinal or 0, n.id, n) for n in scope if n.type == "chapter"], 1
        paragraphs = [n for root in scope for n in _own(root) if n.type == "paragraph" and n.ordinal]
        for prefix in dict.fromkeys(_prefix(n) for n in paragraphs):  # ``3.I.1`` … and ``3.II.1`` … run apart
            run: _Run = [(n.ordinal or 0, n.id, n) for n in paragraphs if _prefix(n) == prefix]
            yield "paragraph", run, run[0][0] if quoted else 1
        containers = [n for root in scope for n in _own(root) if n.type in ("chapter", "annex", "section")]
        lettered = 0  # the last section letter of the chapters so far
        for holder in [*containers, None]:
            children = holder.children if holder else scope
            for kind in ("section", "subsection"):
                run = [(n.ordinal or 0, n.id, n) for n in children if n.type == kind]
                if kind == "section" and holder is not None and holder.type == "chapter" and run:
                    # a document may letter its sections on through its chapters (``D.`` in III, ``E.`` in IV)
                    yield kind, run, run[0][0] if lettered and run[0][0] == lettered + 1 else 1
                    lettered = run[-1][0]
                    continue
                yield kind, run, 1
    yield from (("subparagraph", run, first) for run, first in _list_runs(body))


def _list_runs(body: tuple[Node, ...]) -> Iterator[tuple[_Run, int]]:
    """Each list's run of sub-paragraphs with the number it starts from, in document order. A list may run on
    across the paragraphs that discuss its items (``(i) Tax incentives.`` / ``58. In the absence …`` / ``(ii) …``
    under paragraph 58): a run that takes up the number after the one the list before it ended with continues it."""
    nodes = [n for root in body for n in root.walk()]
    order = {n.id: index for index, n in enumerate(nodes)}
    runs = sorted((run for node in nodes for run in _lists(node.children) if run), key=lambda run: order[run[0][1]])
    previous = 0
    for run in runs:
        yield run, run[0][0] if run[0][0] > 1 and run[0][0] == previous + 1 else 1
        previous = run[-1][0]


def _lists(children: tuple[Node, ...]) -> list[_Run]:
    """The numbered sub-paragraphs among a unit's children, one run per list (``ids.starts_list``)."""
    runs: list[_Run] = [[]]
    previous: str | None = None
    for child in children:
        if child.type == "subparagraph" and child.ordinal:
            if starts_list(child.ordinal, previous, any(runs)):
                runs.append([])
            runs[-1].append((child.ordinal, child.id, child))
        previous = child.type
    return runs


def _own(node: Node) -> Iterator[Node]:
    """The node and its descendants, without what quoted structures inside it number on their own."""
    if node.type == "quote":
        return
    yield node
    for child in node.children:
        yield from _own(child)


def _prefix(node: Node) -> str:
    """The budget section (and part) a paragraph's number is prefixed with: ``3.I`` of ``3.I.1``."""
    return (node.num or "").rpartition(".")[0]


def _scope_of(node_id: str) -> str:
    """The annex or quoted structure an id lies in (``annex_2`` of ``annex_2__para_3``, ``para_1__qs_2`` of
    ``para_1__qs_2__p_7``), ``""`` for the document's own text."""
    parts = node_id.split("__")
    quoted = [i for i, part in enumerate(parts) if part.startswith("qs_")]
    if quoted:
        return "__".join(parts[: quoted[-1] + 1])
    return parts[0] if parts[0].startswith("annex") else ""
