"""``undoc diff``: two parses compared unit by unit by official id, and how far two parses agree.

>>> from parser.diff import diff_documents, agreement
>>> diff = diff_documents(old_json, new_json, ignore_space=True)   # doctest: +SKIP
>>> [c.kind for c in diff.changes]                                 # doctest: +SKIP
['changed', 'added']
"""

from __future__ import annotations

from .agreement import Agreement, Tally, agreement
from .compare import Change, DocumentDiff, diff_documents
from .folders import FolderDiff, diff_folders
from .load import load_document
from .textdiff import char_diff, loose

__all__ = [
    "Agreement",
    "Change",
    "DocumentDiff",
    "FolderDiff",
    "Tally",
    "agreement",
    "char_diff",
    "diff_documents",
    "diff_folders",
    "load_document",
    "loose",
]
