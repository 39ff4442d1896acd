"""Per-element annotations on the finished tree: sentences, Chinese word tokens, and the notes' back-links."""

from __future__ import annotations

from dataclasses import replace

from .model import Footnote, Node
from .sentences import split_sentences
from .tokens import tokenize_zh

_TEXT_NODES = ("paragraph", "subparagraph", "block")


def annotate_tree(
    body: tuple[Node, ...], summary: tuple[Node, ...], notes: tuple[Footnote, ...], language: str, *, tokens: bool
) -> tuple[tuple[Node, ...], tuple[Node, ...], tuple[Footnote, ...]]:
    """Sentences for every text element (and tokens when asked), and ``cited_by`` for every note."""
    body = tuple(_annotate(n, language, tokens) for n in body)
    summary = tuple(_annotate(n, language, tokens) for n in summary)
    cited: dict[str, list[str]] = {}
    for node in (n for root in (*summary, *body) for n in root.walk()):
        for ref in node.footnote_refs:
            if node.id not in cited.setdefault(ref.note, []):
                cited[ref.note].append(node.id)
    notes = tuple(replace(note, cited_by=tuple(cited.get(note.id, ()))) for note in notes)
    return body, summary, notes


def _annotate(node: Node, language: str, tokens: bool) -> Node:
    children = tuple(_annotate(c, language, tokens) for c in node.children)
    if node.type not in _TEXT_NODES or not node.text:
        return replace(node, children=children) if children != node.children else node
    return replace(
        node,
        children=children,
        sentences=split_sentences(node.text, language),
        tokens=tokenize_zh(node.text) if tokens and language == "zh" else (),
    )
