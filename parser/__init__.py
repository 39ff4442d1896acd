"""undoc: official United Nations documents to structured data.

The distribution is called ``undoc`` and installs from its source (``pip install -e .`` in a
clone); the import package is ``parser``. (The name ``undoc`` on PyPI is an unrelated project.)

>>> from parser import parse, to_json, to_xml
>>> doc = parse("fixtures/text/zh/A_73_254.zh.md", symbol="A/73/254")
>>> doc.symbol, doc.language
('A/73/254', 'zh')
>>> [p.id for p in doc.paragraphs()][:3]
['para_1', 'para_2', 'para_3']
>>> doc.get("para_2").children[0].id
'para_2__list_1__point_a'
>>> to_json(doc).startswith('{\\n  "format": "undoc/1"')
True
>>> to_xml(doc).startswith(b"<?xml")
True

``parse`` reads a file, ``parse_bytes`` bytes in memory; both return a ``Document`` (``parser.model``)
or raise an ``UndocError`` (``parser.errors``) whose ``exit_code`` is the CLI's. ``to_json`` gives the
undoc/1 JSON text (its schema is at ``SCHEMA_PATH``), ``to_xml`` the Akoma Ntoso XML bytes.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from .errors import UndocError
from .model import Document, Footnote, FootnoteRef, Issue, Metadata, Node
from .pipeline import STAGES, parse, parse_bytes
from .write.to_json import document_to_json
from .write.to_xml import document_to_xml

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "undoc-1.schema.json"
"""The JSON Schema (draft 2020-12) that every ``to_json`` output validates against.

>>> import json
>>> json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$schema"]
'https://json-schema.org/draft/2020-12/schema'
"""


def to_json(doc: Document, *, tokens: bool = False) -> str:
    """``doc`` as undoc/1 JSON text (UTF-8 characters, keys in a fixed order); ``tokens`` adds jieba tokens.

    >>> from parser import parse_bytes
    >>> doc = parse_bytes(b"A/1/2\\n1. First paragraph.\\n2. Second one.", "note.txt")
    >>> import json
    >>> [p["id"] for p in json.loads(to_json(doc))["body"]]
    ['para_1', 'para_2']
    """
    return document_to_json(doc, tokens=tokens)


def to_xml(doc: Document) -> bytes:
    """``doc`` as Akoma Ntoso 3.0 XML (UTF-8 bytes with a declaration), valid against ``schemas/akn/akomantoso30.xsd``.

    The output depends only on the document (and ``SOURCE_DATE_EPOCH`` when it is set), never on the clock.
    """
    return document_to_xml(doc)


__all__ = [
    "SCHEMA_PATH",
    "STAGES",
    "Document",
    "Footnote",
    "FootnoteRef",
    "Issue",
    "Metadata",
    "Node",
    "UndocError",
    "__version__",
    "parse",
    "parse_bytes",
    "to_json",
    "to_xml",
]
