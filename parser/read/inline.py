"""Markdown inline markup to styled spans.

Handles what renderings of UN documents use: ``<sup>N</sup>`` and ``[^N]``
footnote calls, ``*italic*`` and ``**bold**``, ``[text](url)`` links (the
text is kept, the address is markup), ``<url>`` autolinks, backslash escapes
and stray HTML tags. ``[12]`` (a number alone in brackets, as pymupdf4llm writes
a superscript) is a call. ``_underscore_`` emphasis is markup only around a whole
word run (``_Notes_``): UN text uses underscores literally (separator rules, file names).
"""

from __future__ import annotations

import regex

from ..model import Span

_TOKEN = regex.compile(
    r"""
    (?P<sup><sup>(?P<sup_text>.*?)</sup>)
  | (?P<fnref>\[\^(?P<fnref_text>[^\]\s]+)\](?!:))
  | (?P<link>(?<!\\)\[(?P<link_text>[^\]]*)\]\((?P<link_url>[^)\s]*)(?:\s+"[^"]*")?\))
  | (?P<auto><(?P<auto_url>(?:https?|ftp|mailto):[^>\s]+)>)
  | (?P<strong>(?<![\\*])\*\*(?=\S)(?P<strong_text>.+?)(?<=\S)\*\*(?!\*))
  | (?P<em>(?<![\\*\p{L}\p{N}])\*(?=[^\s*])(?P<em_text>[^*]+?)(?<=[^\s\\*])\*(?![*\p{L}\p{N}]))
  | (?P<uem>(?<![\\\w_])_(?=[^\s_])(?P<uem_text>[^_]+?)(?<=[^\s\\_])_(?![\w_]))
  | (?P<bref>(?<![\\\]])\[(?P<bref_text>\d{1,3}|\*{1,3})\](?![(:\[]))
  | (?P<tag></?(?:sub|br|span|em|strong|i|b|u|small|p|div)\b[^>]*>)
  | (?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|<>~]))
    """,
    regex.VERBOSE,
)


def markdown_spans(text: str) -> tuple[Span, ...]:
    """Split one line of markdown into plain, superscript, bold and italic spans."""
    spans: list[Span] = []
    _emit(text, spans, bold=False, italic=False)
    return _merge(spans)


def plain_spans(text: str) -> tuple[Span, ...]:
    return (Span(text),) if text else ()


def _emit(text: str, out: list[Span], *, bold: bool, italic: bool) -> None:
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            out.append(Span(text[pos : m.start()], bold=bold, italic=italic))
        group = _first_group(m)
        if group == "sup":
            out.append(Span(_strip_tags(m.group("sup_text")), sup=True, bold=bold, italic=italic))
        elif group == "fnref":
            out.append(Span(m.group("fnref_text"), sup=True, bold=bold, italic=italic))
        elif group == "link":
            _emit(m.group("link_text"), out, bold=bold, italic=italic)
        elif group == "auto":
            out.append(Span(m.group("auto_url"), bold=bold, italic=italic))
        elif group == "strong":
            _emit(m.group("strong_text"), out, bold=True, italic=italic)
        elif group in ("em", "uem"):
            _emit(m.group(f"{group}_text"), out, bold=bold, italic=True)
        elif group == "bref":
            out.append(Span(m.group("bref_text"), sup=True, bold=bold, italic=italic))
        elif group == "escape":
            out.append(Span(m.group("escaped"), bold=bold, italic=italic))
        # "tag": an HTML tag other than <sup> is markup and is dropped
        pos = m.end()
    if pos < len(text):
        out.append(Span(text[pos:], bold=bold, italic=italic))


_GROUPS = ("sup", "fnref", "link", "auto", "strong", "em", "uem", "bref", "tag", "escape")


def _first_group(m: regex.Match[str]) -> str:
    for name in _GROUPS:
        if m.group(name) is not None:
            return name
    raise AssertionError("token regex matched no group")


def _strip_tags(text: str) -> str:
    return regex.sub(r"<[^>]+>", "", text)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Join neighbouring spans of the same style; drop empty ones."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and not span.sup and not merged[-1].sup:
            last = merged[-1]
            if (last.bold, last.italic) == (span.bold, span.italic):
                merged[-1] = Span(last.text + span.text, bold=span.bold, italic=span.italic)
                continue
        merged.append(span)
    return tuple(merged)
