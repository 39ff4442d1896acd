"""Aligned units to JSONL (one record per unit) and TMX 1.4 (one ``<tu>`` per paragraph, heading and note)."""

from __future__ import annotations

import json

from lxml import etree

from .. import __version__
from ..write.to_xml import clean
from .units import Aligned

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def aligned_to_jsonl(aligned: Aligned) -> str:
    lines = []
    for unit in aligned.units:
        record: dict[str, object] = {"id": unit.id, "type": unit.type, "text": dict(unit.texts)}
        if unit.missing:
            record["missing"] = list(unit.missing)
        if unit.sentences:
            record["sentences"] = [dict(pair.texts) for pair in unit.sentences]
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def aligned_to_tmx(aligned: Aligned, *, sentences: bool = False) -> bytes:
    """TMX 1.4; with ``sentences``, one ``<tu>`` per aligned sentence group instead of per unit."""
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header")
    segtype = "sentence" if sentences else "paragraph"
    for key, value in (("creationtool", "undoc"), ("creationtoolversion", __version__), ("segtype", segtype), ("o-tmf", "undoc"),
                       ("adminlang", "en"), ("srclang", aligned.languages[0]), ("datatype", "plaintext")):  # fmt: skip
        header.set(key, value)
    body = etree.SubElement(root, "body")
    for unit in aligned.complete():
        groups = [pair.texts for pair in unit.sentences] if sentences and unit.sentences else [unit.texts]
        for index, texts in enumerate(groups, 1):
            tu = etree.SubElement(body, "tu", tuid=unit.id if len(groups) == 1 else f"{unit.id}.s{index}")
            prop = etree.SubElement(tu, "prop", type="x-undoc-type")
            prop.text = unit.type
            for lang, text in texts:
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(XML_LANG, lang)
                etree.SubElement(tuv, "seg").text = clean(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
