"""Small text helpers shared by stages: script classes, sentence ends, joins, span surgery."""

from __future__ import annotations

from dataclasses import replace

import regex

from .model import Span

CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]")
_CLOSERS = "”’」』）)》〉】\"'»"
_CJK_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LATIN = regex.compile(r"[\p{Latin}\p{Nd}]")
_MARKER_END = regex.compile(r"\(\w{1,4}\)$")
_OPENERS = "([{"
_DASHES = "-\u2010\u2011\u2013"
_BRACKET_CLOSERS = ")]}"
_SENTENCE_END = regex.compile(rf"[.。!?！？…][{regex.escape(_CLOSERS)}]*\*{{0,3}}$")  # ``… Council.*``: a star call after it
_CLAUSE_END = regex.compile(r"[;；:：,，、؛،]$|\b(?:and|or|et|ou|y|o|и|или)$")
_SPACES = regex.compile(r"[ \t\u00a0]{2,}|\t")


def is_cjk(char: str) -> bool:
    return bool(char) and CJK.match(char) is not None


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def ends_clause(text: str) -> bool:
    return bool(_CLAUSE_END.search(text.rstrip()))


def joiner(left: str, right: str) -> str:
    """What goes between two pieces of text joined across a line or page break.

    Never a space next to a CJK character, after an opening bracket or before
    a closing one; nothing after a hyphen that ends a Latin line, nor after a
    hyphen or en dash between digits (a range); otherwise one space.
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return ""
    if is_cjk(left[-1]) or is_cjk(right[0]) or left[-1] in _OPENERS or right[0] in _BRACKET_CLOSERS:
        return ""
    if left[-1] in "-\u2010" and left[-2:-1].isalpha() and right[0].isalpha():
        return ""
    if left[-1] in _DASHES and left[-2:-1].isdigit() and right[0].isdigit():
        return ""  # a range broken at its dash: ``2023–`` / ``2025``, ``15–`` / ``19 April``
    return " "


def cjk_latin_boundary(left: str, right: str) -> bool:
    """A CJK letter on one side and a Latin letter or digit on the other (``30`` | ``名``): where a typed space
    at a line break is the text's own, since ``joiner`` never puts one next to CJK."""
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    if _MARKER_END.search(left[-6:]) and _CJK_LETTER.match(b):
        return True  # a list marker "(a)" ending the line
    return bool((_CJK_LETTER.match(a) and _LATIN.match(b)) or (_LATIN.match(a) and _CJK_LETTER.match(b)))


def squeeze(text: str) -> str:
    """Collapse runs of spaces and tabs to one space (the source's own single spaces stay)."""
    return _SPACES.sub(" ", text)


def split_spans_at(spans: tuple[Span, ...], offset: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Cut a span sequence at a character offset of its joined text."""
    left: list[Span] = []
    right: list[Span] = []
    pos = 0
    for span in spans:
        end = pos + len(span.text)
        if end <= offset:
            left.append(span)
        elif pos >= offset:
            right.append(span)
        else:
            cut = offset - pos
            left.append(replace(span, text=span.text[:cut]))
            right.append(replace(span, text=span.text[cut:]))
        pos = end
    return tuple(left), tuple(right)
