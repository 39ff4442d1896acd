"""A record (``kind == "record"``) as an AKN ``debate``: ``debateBody`` of ``debateSection``s, one for the
proceedings before the first heading and one under each heading (an agenda item, a draft), each
intervention a ``speech`` whose ``from`` is the speaker as printed and whose ``by`` points to a
``TLCPerson`` of ``meta/references``; unnumbered text is ``p``, anything else (a numbered paragraph, a
table) a ``blockContainer`` with the same eId as in the JSON output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import regex
from lxml import etree

from ..model import FootnoteRef, Node

Make = Callable[..., etree._Element]


class Writer(Protocol):
    """What the debate body needs of the document writer."""

    def inline_text(self, element: etree._Element, text: str, refs: tuple[FootnoteRef, ...]) -> None: ...

    def region_content(self, content: etree._Element, node: Node) -> None: ...


def speakers(body: tuple[Node, ...]) -> dict[str, str]:
    """Each distinct speaker of the record and the eId of its ``TLCPerson`` (``speaker_1`` …), in order."""
    found: dict[str, str] = {}
    for node in (n for root in body for n in root.walk()):
        if node.type == "speech" and node.speaker and node.speaker not in found:
            found[node.speaker] = f"speaker_{len(found) + 1}"
    return found


def person_href(speaker: str) -> str:
    """``/ontology/person/un/mr-smith-france`` from ``Mr. Smith (France)``."""
    slug = regex.sub(r"[^\p{L}\p{N}]+", "-", speaker.lower()).strip("-")
    return f"/ontology/person/un/{slug or 'speaker'}"


def write_debate_body(writer: Writer, make: Make, debate: etree._Element, body: tuple[Node, ...]) -> None:
    holder = make(debate, "debateBody")
    people = speakers(body)
    section: etree._Element | None = None
    for node in body:
        if node.type == "heading":
            section = make(holder, "debateSection", name="item", eId=node.id)
            writer.inline_text(make(section, "heading"), node.heading or "", node.footnote_refs)
            continue
        if section is None:
            section = make(holder, "debateSection", name="proceedings", eId="dbsect_1")
        _node(writer, make, section, node, people)
    if section is None:
        make(make(holder, "debateSection", name="proceedings", eId="dbsect_1"), "p")


def _node(writer: Writer, make: Make, parent: etree._Element, node: Node, people: dict[str, str]) -> None:
    if node.type == "speech":
        speech = make(parent, "speech", by=f"#{people.get(node.speaker or '', 'speaker_unknown')}", eId=node.id)
        if node.speaker:
            make(speech, "from", node.speaker)
        for child in node.children:
            _block(writer, make, speech, child)
        if not node.children:
            make(speech, "p")
        return
    _block(writer, make, parent, node)


def _block(writer: Writer, make: Make, parent: etree._Element, node: Node) -> None:
    """Unnumbered text as ``p``; any other unit as a ``blockContainer`` holding its number, heading, text and units."""
    if node.type == "block" and not node.children:
        writer.inline_text(make(parent, "p", eId=node.id), node.text or "", node.footnote_refs)
        return
    container = make(parent, "blockContainer", eId=node.id)
    if node.marker:
        make(container, "num", node.marker)
    if node.heading is not None:
        writer.inline_text(make(container, "heading"), node.heading, node.footnote_refs)
    if node.type in ("table", "figure"):
        writer.region_content(container, node)
    else:
        if node.text is not None:
            writer.inline_text(make(container, "p"), node.text, node.footnote_refs)
        for child in node.children:
            _block(writer, make, container, child)
    if all(str(child.tag).endswith(("}num", "}heading")) for child in container):
        make(container, "p")
