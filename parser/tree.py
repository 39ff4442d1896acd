"""Body elements to the document tree, with ids from the official numbering.

Ids are language-neutral (Chinese ``三`` and English ``III`` both give
``chp_3``; Arabic ``باء`` gives ``sec_B``), so every language version of a
document shares them. Paragraph numbers run through the whole document, so a
paragraph's id is its own (``para_48``); an annex numbers its own paragraphs
(``annex__para_1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from .model import Element, FootnoteRef, Marker, Node, NodeType, Source, Table
from .numbering import neutral_num, roman_to_int, zh_to_int
from .text_utils import ends_clause, ends_sentence
from .thresholds import LAYOUT

_CONTAINER_DEPTH = {"annex": 0, "chapter": 1, "section": 2, "subsection": 3}


@dataclass(slots=True)
class _Draft:
    """A node under construction (the tree is frozen once built)."""

    type: NodeType
    id: str
    marker: Marker | None
    heading: str | None = None
    text: str | None = None
    refs: tuple[FootnoteRef, ...] = ()
    sources: tuple[Source, ...] = ()
    children: list[_Draft] = field(default_factory=list)
    table: Table | None = None
    labels: tuple[str, ...] = ()

    def freeze(self) -> Node:
        marker = self.marker
        return Node(
            self.type, self.id,
            num=marker.num if marker else None,
            marker=marker.printed if marker else None,
            ordinal=marker.ordinal if marker and marker.level not in ("annex", "table", "figure") else None,
            heading=self.heading, text=self.text,
            children=tuple(c.freeze() for c in self.children),
            footnote_refs=self.refs, sources=self.sources, table=self.table, labels=self.labels,
        )  # fmt: skip

    def last_text(self) -> str:
        return self.children[-1].last_text() if self.children else (self.text or self.heading or "")


class _Builder:
    def __init__(self) -> None:
        self.roots: list[_Draft] = []
        self.stack: list[_Draft] = []  # open containers: annex, chapter, section
        self.paragraph: _Draft | None = None
        self.subparagraph: _Draft | None = None
        self.used: set[str] = set()
        self.regions: dict[str, int] = {}
        """Unnumbered tables and figures placed after each anchor id."""

    def unique(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.used:
            n += 1
            candidate = f"{wanted}_{n}"
        self.used.add(candidate)
        return candidate

    def place(self, draft: _Draft) -> None:
        (self.stack[-1].children if self.stack else self.roots).append(draft)

    def scope(self, level: str) -> str:
        """Id prefix for a new element of ``level``: the containers it sits in."""
        parents = [d for d in self.stack if _CONTAINER_DEPTH[_level(d)] < _CONTAINER_DEPTH.get(level, 9)]
        if level == "paragraph":
            parents = [d for d in self.stack if d.type == "annex"]
        return parents[-1].id + "__" if parents else ""

    def container(self, element: Element, marker: Marker) -> None:
        depth = _CONTAINER_DEPTH[marker.level]
        while self.stack and _CONTAINER_DEPTH[_level(self.stack[-1])] >= depth:
            self.stack.pop()
        prefix = {"annex": "annex", "chapter": "chp", "section": "sec", "subsection": "subsec"}[marker.level]
        suffix = "" if marker.level == "annex" and not marker.num else f"_{_neutral(marker)}"
        draft = _Draft(marker.level, self.unique(self.scope(marker.level) + prefix + suffix), marker,  # type: ignore[arg-type]
                       heading=element.text or None, refs=element.refs, sources=element.sources)  # fmt: skip
        self.place(draft)
        self.stack.append(draft)
        self.paragraph = self.subparagraph = None

    def numbered(self, element: Element, marker: Marker) -> None:
        if marker.level == "paragraph":
            draft = _Draft("paragraph", self.unique(f"{self.scope('paragraph')}para_{marker.ordinal}"), marker,
                           text=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
            self.place(draft)
            self.paragraph, self.subparagraph = draft, None
            return
        parent = self.subparagraph if marker.level == "subsubparagraph" and self.subparagraph else self.paragraph
        base = parent.id if parent else (self.stack[-1].id if self.stack else "body")
        draft = _Draft("subparagraph", self.unique(f"{base}__list_1__point_{neutral_num(marker)}"), marker,
                       text=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
        if parent is None:
            self.place(draft)
        else:
            parent.children.append(draft)
        if marker.level == "subparagraph":
            self.subparagraph = draft

    def region(self, element: Element) -> None:
        """A table or figure: numbered from its caption (``table_2``, ``fig_3``), else by position after the
        nearest numbered element; its notes are its children. It never interrupts the open paragraph."""
        prefix = "table" if element.kind == "table" else "fig"
        marker = element.marker
        if marker is not None and marker.num:
            wanted = f"{self.scope('paragraph')}{prefix}_{regex.sub(r'[^0-9A-Za-z]+', '-', _neutral_caption(marker))}"
        else:
            anchor = self.paragraph or (self.stack[-1] if self.stack else None)
            base = anchor.id if anchor else "body"
            wanted = f"{base}__{prefix}_{self.regions.get(base, 0) + 1}"
            self.regions[base] = self.regions.get(base, 0) + 1
        draft = _Draft(element.kind, self.unique(wanted), marker, heading=element.text or None, refs=element.refs,  # type: ignore[arg-type]
                       sources=element.sources, table=element.table, labels=element.labels)  # fmt: skip
        for index, note in enumerate(element.notes, 1):
            draft.children.append(_Draft("block", self.unique(f"{draft.id}__note_{index}"), None, text=note.text,
                                         refs=note.refs, sources=note.sources))  # fmt: skip
        self.place(draft)

    def unnumbered(self, element: Element) -> None:
        """Unnumbered text: part of the open paragraph while that paragraph announces a list, else its own block."""
        if element.kind == "heading":
            if self.stack and not self.stack[-1].heading:
                self.stack[-1].heading, self.stack[-1].refs = element.text, element.refs
                self.stack[-1].sources += element.sources
                return
            parent_children = self.stack[-1].children if self.stack else self.roots
            base = self.stack[-1].id if self.stack else "body"
            draft = _Draft("heading", self.unique(f"{base}__hdg_{_count(parent_children, 'heading') + 1}"), None,
                           heading=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
            self.place(draft)
            self.paragraph = self.subparagraph = None
            return
        host = self.paragraph if self.paragraph and ends_clause(self.paragraph.last_text()) else None
        siblings = host.children if host else (self.stack[-1].children if self.stack else self.roots)
        base = host.id if host else (self.stack[-1].id if self.stack else "body")
        draft = _Draft("block", self.unique(f"{base}__p_{_count(siblings, 'block') + 1}"), None,
                       text=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
        siblings.append(draft)
        if host is None:
            self.paragraph = self.subparagraph = None


def elements_to_tree(elements: tuple[Element, ...]) -> tuple[Node, ...]:
    """Nest body elements under their annex, chapter, section and paragraph."""
    builder = _Builder()
    for index, element in enumerate(elements):
        if element.kind == "text" and _is_unnumbered_heading(element, elements[index + 1] if index + 1 < len(elements) else None):
            element = replace(element, kind="heading")
        marker = element.marker
        if element.kind in ("table", "figure"):
            builder.region(element)
        elif marker is not None and marker.level in _CONTAINER_DEPTH:
            builder.container(element, marker)
        elif marker is not None and marker.level in ("paragraph", "subparagraph", "subsubparagraph"):
            builder.numbered(element, marker)
        else:
            builder.unnumbered(element)
    return tuple(d.freeze() for d in builder.roots)


def _is_unnumbered_heading(element: Element, following: Element | None) -> bool:
    """A short line with no closing punctuation, set in bold or italic, or standing right before a
    numbered paragraph (``A call to action`` / ``43. We reiterate …``), is a heading without a number."""
    text = element.text
    if element.role or not text or len(text) > LAYOUT.max_unnumbered_heading_chars:
        return False
    if ends_sentence(text) or ends_clause(text) or text[0].islower():
        return False
    if element.emphasized:
        return True
    return following is not None and following.marker is not None and following.marker.level == "paragraph"


def _level(draft: _Draft) -> str:
    return draft.marker.level if draft.marker else draft.type


def _neutral(marker: Marker) -> str:
    return neutral_num(marker) if marker.level != "annex" else str(marker.ordinal if not marker.num else _annex_num(marker.num))


def _neutral_caption(marker: Marker) -> str:
    """``III`` → ``3``, ``二`` → ``2``; compound numbers (``11.3``, ``A.1``) as printed."""
    return str(marker.ordinal) if marker.ordinal else marker.num


def _annex_num(num: str) -> str:
    value = roman_to_int(num) or zh_to_int(num) or (int(num) if num.isdigit() else None)
    return str(value) if value else num


def _count(drafts: list[_Draft], kind: str) -> int:
    return sum(1 for d in drafts if d.type == kind)
