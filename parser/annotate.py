"""Per-element annotations on the finished tree: sentences, Chinese word tokens, and the notes' back-links."""

from __future__ import annotations

from dataclasses import replace

from .language import block_language
from .model import TEXT_TYPES, Footnote, MastheadText, Metadata, Node
from .sentences import split_sentences
from .tokens import tokenize_zh


def annotate_tree(
    body: tuple[Node, ...], metadata: Metadata, notes: tuple[Footnote, ...], language: str, *, tokens: bool
) -> tuple[tuple[Node, ...], tuple[Node, ...], tuple[Footnote, ...]]:
    """Sentences for every text element (and tokens when asked), and ``cited_by`` for every note.

    A call in the masthead is cited by ``metadata.<field>`` (``metadata.agenda_item``), a call in a table's or a
    table of contents' cell by the table (``body__toc_1``).
    """
    body = tuple(_annotate(n, language, tokens) for n in body)
    summary = tuple(_annotate(n, language, tokens) for n in metadata.summary)
    cited: dict[str, list[str]] = {}
    for field, item in masthead_fields(metadata):
        for ref in item.footnote_refs:
            cited.setdefault(ref.note, []).append(f"metadata.{field}")
    for node in (n for root in (*summary, *body) for n in root.walk()):
        cells = (c for row in node.table.rows for c in row) if node.table is not None else ()
        for ref in (*node.footnote_refs, *(r for cell in cells for r in cell.footnote_refs)):
            if node.id not in cited.setdefault(ref.note, []):
                cited[ref.note].append(node.id)
    notes = tuple(replace(note, cited_by=tuple(cited.get(note.id, ()))) for note in notes)
    return body, summary, notes


def _annotate(node: Node, language: str, tokens: bool) -> Node:
    """Sentences and tokens in the node's own language, where its text is plainly in another (``Node.language``)."""
    children = tuple(_annotate(c, language, tokens) for c in node.children)
    own = block_language(node.text or node.heading or "", language) if node.type in _TEXT_OR_HEADED else None
    if node.type not in TEXT_TYPES or not node.text:
        changed = children != node.children or own is not None
        return replace(node, children=children, language=own) if changed else node
    here = own or language
    return replace(
        node,
        children=children,
        sentences=split_sentences(node.text, here),
        tokens=tokenize_zh(node.text) if tokens and here == "zh" else (),
        language=own,
    )


_TEXT_OR_HEADED = (*TEXT_TYPES, "heading", "annex", "chapter", "section", "subsection")
"""Node types whose text or heading may be in another language than the document's."""


def masthead_fields(metadata: Metadata) -> list[tuple[str, MastheadText]]:
    """The masthead's text fields by their JSON names (``other`` numbered ``other.1`` …)."""
    named = (("organ", metadata.organ), ("distribution", metadata.distribution), ("date", metadata.date),
             ("original_language", metadata.original_language), ("session", metadata.session),
             ("session_dates", metadata.session_dates),
             ("agenda_item", metadata.agenda), ("agenda_title", metadata.agenda_title), ("title", metadata.title),
             ("subtitle", metadata.subtitle), ("summary.heading", metadata.summary_heading))  # fmt: skip
    fields = [(name, item) for name, item in named if item is not None]
    fields.extend((f"other.{i}", item) for i, item in enumerate(metadata.other, 1))
    return fields
