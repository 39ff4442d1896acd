"""undoc: official United Nations documents to structured data.

>>> from parser import parse
>>> doc = parse("fixtures/seed/A_73_254.zh.md", symbol="A/73/254")
>>> [p.id for p in doc.paragraphs()][:2]
['para_1', 'para_2']
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import UndocError
from .model import Document, Footnote, FootnoteRef, Issue, Metadata, Node
from .pipeline import STAGES, parse, parse_bytes

__all__ = [
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
]
