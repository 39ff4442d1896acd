"""A resolution's preamble and conclusions in AKN (the JSON ``preamble`` / ``conclusions`` nodes).

``<preamble>``: the organ's formula (``The General Assembly,``) as a ``formula``, each run of preambular
paragraphs as ``recitals`` of ``recital``s, a cross-heading between them as a ``container``.
``<conclusions>``: the adoption lines (``64th plenary meeting``, ``[Adopted without a vote.]``) as ``p``s in
``container``s. Every eId is the JSON id of the unit.
"""

from __future__ import annotations

from lxml import etree

from ..model import Node
from ..vocab import PREAMBLE_START
from .to_xml_debate import Make, Writer


def write_preamble(writer: Writer, make: Make, doc: etree._Element, preamble: Node) -> None:
    holder = make(doc, "preamble", eId=preamble.id)
    recitals: etree._Element | None = None
    runs = 0
    for index, node in enumerate(preamble.children):
        text = _text(node)
        if index == 0 and node.type == "block" and PREAMBLE_START.match(text.strip()):
            writer.inline_text(make(make(holder, "formula", name="preambleFormula", eId=node.id), "p"), text,
                               node.footnote_refs)  # fmt: skip
            continue
        if node.type == "block":
            if recitals is None:
                runs += 1
                recitals = make(holder, "recitals", eId=f"{preamble.id}__recitals_{runs}")
            writer.inline_text(make(make(recitals, "recital", eId=node.id), "p"), text, node.footnote_refs)
            continue
        recitals = None
        _container(writer, make, holder, node, "crossHeading" if node.type == "heading" else node.type)
    if not len(holder):
        make(holder, "p")


def write_conclusions(writer: Writer, make: Make, doc: etree._Element, conclusions: Node) -> None:
    holder = make(doc, "conclusions", eId=conclusions.id)
    for node in conclusions.children:
        _container(writer, make, holder, node, "adoption")
    if not len(holder):
        make(holder, "p")


def _container(writer: Writer, make: Make, parent: etree._Element, node: Node, name: str) -> None:
    writer.inline_text(make(make(parent, "container", name=name, eId=node.id), "p"), _text(node), node.footnote_refs)


def _text(node: Node) -> str:
    return node.text or node.heading or ""
