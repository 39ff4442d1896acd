"""Documents to aligned units: the official ids (``para_12``, ``chp_3__sec_A``, ``fn_7``) are the key.

Every language version of a UN document is numbered identically, and undoc's
ids are language-neutral, so aligning is a join on ids. A unit present in some
versions only is kept, with the languages it is missing from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AlignmentError
from ..model import Document, Node
from .sentences import SentencePair, align_sentences


@dataclass(frozen=True, slots=True)
class AlignedUnit:
    id: str
    type: str
    texts: tuple[tuple[str, str], ...]
    """(language, text) for every version that has the unit, in the order the documents were given."""
    missing: tuple[str, ...]
    sentences: tuple[SentencePair, ...] = ()


@dataclass(frozen=True, slots=True)
class Aligned:
    symbol: str
    languages: tuple[str, ...]
    units: tuple[AlignedUnit, ...]

    def complete(self) -> list[AlignedUnit]:
        return [u for u in self.units if not u.missing]

    def leftovers(self) -> dict[str, list[str]]:
        """For each language, the ids of the units that only some versions have and this one lacks."""
        return {lang: [u.id for u in self.units if lang in u.missing] for lang in self.languages}


def document_units(doc: Document) -> list[tuple[str, str, str]]:
    """(id, type, text) of every alignable element, in document order: masthead titles, summary, body, notes."""
    units: list[tuple[str, str, str]] = []
    meta = doc.metadata
    for field, item in (
        ("metadata.agenda_title", meta.agenda_title),
        ("metadata.title", meta.title),
        ("metadata.subtitle", meta.subtitle),
    ):
        if item is not None and item.text:
            units.append((field, "title", item.text))
    for node in meta.summary:
        units.append((node.id, "summary", node.text or ""))
    for root in doc.body:
        for node in root.walk():
            units.extend(_node_units(node))
    units.extend((note.id, "footnote", note.text) for note in doc.footnotes)
    return units


def _node_units(node: Node) -> list[tuple[str, str, str]]:
    if node.type in ("annex", "chapter", "section", "subsection", "heading"):
        return [(node.id, "heading", node.heading)] if node.heading else []
    return [(node.id, node.type, node.text)] if node.text else []


def align_documents(docs: list[Document], *, force: bool = False, sentences: bool = False) -> Aligned:
    """Join two or more language versions on their ids; symbols must agree unless ``force``."""
    if len(docs) < 2:
        raise AlignmentError("align", "give at least two language versions")
    languages = tuple(d.language for d in docs)
    if len(set(languages)) != len(languages):
        raise AlignmentError(
            docs[0].source.path, f"two inputs are in the same language ({', '.join(languages)}); give one version per language"
        )
    symbols = {d.symbol for d in docs}
    if len(symbols) > 1 and not force:
        raise AlignmentError(
            docs[1].source.path, f"symbols differ ({', '.join(sorted(symbols))}); use --force to align them anyway"
        )
    tables = [{uid: (kind, text) for uid, kind, text in document_units(d)} for d in docs]
    order = _merged_order([[uid for uid, _, _ in document_units(d)] for d in docs])
    units: list[AlignedUnit] = []
    for uid in order:
        present = [(lang, table[uid]) for lang, table in zip(languages, tables, strict=True) if uid in table]
        texts = tuple((lang, text) for lang, (_, text) in present)
        missing = tuple(lang for lang, table in zip(languages, tables, strict=True) if uid not in table)
        pairs = align_sentences(texts, languages[0]) if sentences and not missing and present[0][1][0] != "heading" else ()
        units.append(AlignedUnit(uid, present[0][1][0], texts, missing, pairs))
    return Aligned(docs[0].symbol, languages, tuple(units))


def _merged_order(sequences: list[list[str]]) -> list[str]:
    """All ids in the first document's order; an id only later versions have follows its predecessor there."""
    order = list(sequences[0])
    seen = set(order)
    for sequence in sequences[1:]:
        for index, uid in enumerate(sequence):
            if uid in seen:
                continue
            previous = next((sequence[i] for i in range(index - 1, -1, -1) if sequence[i] in seen), None)
            order.insert(order.index(previous) + 1 if previous else 0, uid)
            seen.add(uid)
    return order
