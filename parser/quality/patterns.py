"""Text patterns the quality figures look for: a paragraph number or a heading at a sentence start.

A paragraph of the body that ended up inside a note, a masthead line or another paragraph still
starts with its number: ``… Indicators Database. 17. To help address …``. A number right after a
citation abbreviation (``para. 22.``, ``No. 4.``, ``chap. VIII.``) is part of the citation, not a
paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

_SENTENCE_START = r"(?:^|(?<=[.!?;:。]\s{1,3})|(?<=[.!?;:][”\"’)\]]\s{1,3}))"
"""Start of the text, or after a sentence end (possibly closed by a quote or bracket) and a space."""
_PARAGRAPH_START = regex.compile(_SENTENCE_START + r"(?P<n>\d{1,3})[.．]\s+(?=\p{Lu}[\p{Ll}\s])")
_HEADING_START = regex.compile(
    _SENTENCE_START + r"(?P<n>(?:X{0,3})(?:IX|IV|V?I{0,3})|[A-H])[.．]\s+(?=\p{Lu}\p{Ll}+\s\p{Ll})(?!\p{Lu}\p{Ll}+ and others)"
)
"""A chapter (``II. Background``) or section (``B. Management response``) heading: a numeral, then
a capitalised word followed by a lower-case one, which an initial is not (``E. Lisa F. Schipper``,
``A. Harrison and others``)."""
_CITATION = regex.compile(
    r"(?i)\b(?:para|paras|chap|chaps|ch|sect|sects|sec|no|nos|vol|vols|p|pp|art|arts|fig|figs|op|cit|sess|suppl)$"
)
"""Abbreviations that a number follows in a citation (``para. 22``, ``No. 4``, ``chap. VIII``)."""
_CONTEXT = 40
"""Characters shown on each side of a match."""


def numbers_at_sentence_starts(text: str) -> Iterator[tuple[int, str]]:
    """Each paragraph number that starts a sentence of ``text`` (citations aside), with the text around it."""
    for match in _PARAGRAPH_START.finditer(text):
        if not _after_citation(text, match.start()):
            yield int(match.group("n")), _around(text, match.start(), match.end())


def body_starts(text: str) -> Iterator[str]:
    """Excerpts of ``text`` where a numbered paragraph or a numbered heading of a body starts."""
    for pattern in (_PARAGRAPH_START, _HEADING_START):
        for match in pattern.finditer(text):
            if match.group("n") and not _after_citation(text, match.start()):
                yield _around(text, match.start(), match.end())


def _after_citation(text: str, start: int) -> bool:
    """The number at ``start`` follows a citation abbreviation and its full stop (``para. 22.``)."""
    before = text[max(0, start - 24) : start].rstrip()
    return before.endswith(".") and bool(_CITATION.search(before[:-1]))


def _around(text: str, start: int, end: int) -> str:
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    return ("…" if left else "") + " ".join(text[left:right].split()) + ("…" if right < len(text) else "")
