"""Per-element annotations on the finished tree: sentences, Chinese word tokens, and the notes' back-links."""

from __future__ import annotations

from dataclasses import replace

from .model import TEXT_TYPES, Footnote, MastheadText, Metadata, Node
from .sentences import split_sentences
from .tokens import tokenize_zh


def annotate_tree(
    body: tuple[Node, ...], metadata: Metadata, notes: tuple[Footnote, ...], language: str, *, tokens: bool
) -> tuple[tuple[Node, ...], tuple[Node, ...], tuple[Footnote, ...]]:
    """Sentences for every text element (and tokens when asked), and ``cited_by`` for every note.

    A call in the masthead is cited by ``metadata.<field>`` (``metadata.agenda_item``).
    """
    body = tuple(_annotate(n, language, tokens) for n in body)
    summary = tuple(_annotate(n, language, tokens) for n in metadata.summary)
    cited: dict[str, list[str]] = {}
    for field, item in masthead_fields(metadata):
        for ref in item.footnote_refs:
            cited.setdefault(ref.note, []).append(f"metadata.{field}")
    for node in (n for root in (*summary, *body) for n in root.walk()):
        for ref in node.footnote_refs:
            if node.id not in cited.setdefault(ref.note, []):
                cited[ref.note].append(node.id)
    notes = tuple(replace(note, cited_by=tuple(cited.get(note.id, ()))) for note in notes)
    return body, summary, notes


def _annotate(node: Node, language: str, tokens: bool) -> Node:
    children = tuple(_annotate(c, language, tokens) for c in node.children)
    if node.type not in TEXT_TYPES or not node.text:
        return replace(node, children=children) if children != node.children else node
    return replace(
        node,
        children=children,
        sentences=split_sentences(node.text, language),
        tokens=tokenize_zh(node.text) if tokens and language == "zh" else (),
    )


def masthead_fields(metadata: Metadata) -> list[tuple[str, MastheadText]]:
    """The masthead's text fields by their JSON names (``other`` numbered ``other.1`` …)."""
    named = (("organ", metadata.organ), ("distribution", metadata.distribution), ("date", metadata.date),
             ("original_language", metadata.original_language), ("session", metadata.session),
             ("agenda_item", metadata.agenda), ("agenda_title", metadata.agenda_title), ("title", metadata.title),
             ("subtitle", metadata.subtitle), ("summary.heading", metadata.summary_heading))  # fmt: skip
    fields = [(name, item) for name, item in named if item is not None]
    fields.extend((f"other.{i}", item) for i, item in enumerate(metadata.other, 1))
    return fields
