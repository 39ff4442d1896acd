"""Reading XML without trusting it: no entity expansion, no DTD loading, no network, no huge trees.

Every place that reads XML (a previous output checked when a batch resumes, the tests) goes through
``safe_parser`` or ``parse_xml_file``, so that a crafted file cannot make undoc read local files,
fetch URLs, or expand a billion laughs.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree


def safe_parser() -> etree.XMLParser:
    """An lxml parser with entity resolution, DTD loading, network access and huge trees all off."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False)


def parse_xml_bytes(data: bytes) -> etree._Element:
    """Parse XML bytes with ``safe_parser``; raises ``lxml.etree.XMLSyntaxError`` when they are not well-formed."""
    return etree.fromstring(data, parser=safe_parser())


def parse_xml_file(path: str | Path) -> etree._Element:
    """Parse an XML file with ``safe_parser``."""
    return etree.parse(str(path), parser=safe_parser()).getroot()
