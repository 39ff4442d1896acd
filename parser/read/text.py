"""Text and markdown renderings of UN documents to ``Line`` records.

Only markup is interpreted here (headings' ``#``, footnote definitions,
inline styles, front matter); what a line *is* in the document is decided by
the classifier, from the official numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from ..calls import line_end_call
from ..masthead import masthead_role
from ..model import Line, Source, Span
from .inline import markdown_spans, plain_spans
from .text_tables import is_html_table_start, is_table_start, read_html_table, read_table

_FRONT_KEY = regex.compile(r"^([A-Za-z_][\w-]*):\s*(.*?)\s*$")
_MD_HEADING = regex.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = regex.compile(r"^[ \t]{0,3}([-*])(?:[ \t]*\1){2,}[ \t]*$")
_MD_FOOTDEF = regex.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_SUP_FOOTDEF = regex.compile(r"^[ \t]*<sup>([^<]{1,6})</sup>[ \t]*(.*)$")
_MARKDOWN_SIGNS = regex.compile(
    r"<sup>|^#{1,6} |^\[\^[^\]]+\]:|\]\(https?:|^\|(?:\s*:?-{3,}:?\s*\|)+\s*$|^\s{0,3}<table\b", regex.MULTILINE
)


@dataclass(frozen=True, slots=True)
class TextRead:
    lines: tuple[Line, ...]
    markdown: bool
    front_matter: tuple[tuple[str, str], ...]


def looks_like_markdown(text: str, name: str = "") -> bool:
    return name.lower().endswith((".md", ".markdown")) or bool(_MARKDOWN_SIGNS.search(text))


def text_to_lines(text: str, *, markdown: bool) -> TextRead:
    """Split decoded text into ``Line``s, taking markdown markup off when ``markdown``.

    A form feed (``pdftotext`` puts one between pages) marks the next line ``page_start``."""
    ended = text.splitlines(keepends=True)
    raw_lines = [(line.splitlines() or [""])[0] for line in ended]
    after_feed = {index + 1 for index, line in enumerate(ended) if line.endswith("\f")}
    front, first = _front_matter(raw_lines)
    lines: list[Line] = []
    blank = False
    in_footdef = False
    feed = False
    skip = 0
    for index in range(first, len(raw_lines)):
        number = index + 1
        feed = feed or index in after_feed
        if index < skip:  # a line of the table read below
            continue
        raw = raw_lines[index].replace("\ufeff", "")
        if not raw.strip():
            blank = True
            in_footdef = False
            continue
        source = Source(line=number)
        table: Line | None = None
        if markdown and is_table_start(raw_lines, index):
            table, skip = read_table(raw_lines, index, source, blank=blank)
        elif markdown and is_html_table_start(raw_lines, index):
            table, skip = read_html_table(raw_lines, index, source, blank=blank)
        if table is not None:
            lines.append(replace(table, page_start=feed))
            blank = True  # the text after a table is a new block
            feed = in_footdef = False
            continue
        if markdown:
            line, in_footdef = _markdown_line(raw, source, blank, in_footdef)
            if line is None:  # a horizontal rule: markup, not content
                blank = True
                continue
            fields = masthead_columns(line.text) if not line.footnote_block and len(line.spans) == 1 else [line.text]
            for part in fields[:-1]:  # ``# A/73/254 大会 Distr.: General``: a masthead row, whatever its markup
                lines.append(Line(plain_spans(part.strip()), source, blank_before=blank, page_start=feed))
                blank = feed = False
            if len(fields) > 1:
                line = Line(plain_spans(fields[-1].strip()), source)
        else:
            parts = masthead_columns(raw)
            for part in parts[:-1]:
                lines.append(Line(plain_spans(part.strip()), source, blank_before=blank, indent=_ems(_indent(part)),
                                  page_start=feed))  # fmt: skip
                blank = feed = False
            following = raw_lines[index + 1] if index + 1 < len(raw_lines) else ""
            line = Line(line_end_call(plain_spans(parts[-1].strip()), following), source, blank_before=blank,
                        indent=_ems(_indent(parts[-1])))  # fmt: skip
        lines.append(replace(line, page_start=True) if feed else line)
        blank = feed = False
    return TextRead(tuple(lines), markdown, front)


def _markdown_line(raw: str, source: Source, blank: bool, in_footdef: bool) -> tuple[Line | None, bool]:
    """One markdown line; ``None`` for a horizontal rule. Also says whether a footnote definition is open."""
    hard_break = raw.endswith("  ") or raw.endswith("\\")
    if _MD_RULE.match(raw):
        return None, False
    indent = _indent(raw)
    stripped = raw.strip()
    if stripped.endswith("\\") and not stripped.endswith("\\\\"):
        stripped = stripped[:-1].rstrip()
    heading = _MD_HEADING.match(stripped)
    if heading:
        spans = markdown_spans(heading.group(2))
        return Line(spans, source, blank_before=blank, heading_level=len(heading.group(1))), False
    footdef = _MD_FOOTDEF.match(stripped) or (_SUP_FOOTDEF.match(stripped) if blank or in_footdef else None)
    if footdef and footdef.group(2).strip():
        spans = (Span(footdef.group(1).strip(), sup=True), Span(" ")) + markdown_spans(footdef.group(2))
        return Line(spans, source, blank_before=blank, footnote_block=True, indent=_ems(indent)), True
    if in_footdef and (indent >= 2 or not blank):
        # an indented (or directly following) line continues the open footnote definition
        return Line(markdown_spans(stripped), source, blank_before=blank, footnote_block=True, indent=_ems(indent)), True
    line = Line(markdown_spans(stripped), source, blank_before=blank, hard_break=hard_break, indent=_ems(indent))
    return line, False


CHARACTER_EM = 0.5
"""em: the width of one character cell of a monospaced rendering, to give leading spaces as ``Line.indent``."""


COLUMN_GAP = regex.compile(r"(?<=\S) {3,}(?=\S)")
"""Spaces that align a second column in a character-cell rendering (``pdftotext -layout``)."""


def masthead_columns(raw: str) -> list[str]:
    """A line of a character-cell rendering that sets masthead fields side by side (``大会      16 July 2018``,
    ``Генеральная Ассамблея      Distr.: General``): one part per column when every part is a masthead field
    (organ, symbol, date, distribution …), else the line as it is. Each part keeps the spaces that indent it."""
    cuts = [m.end() for m in COLUMN_GAP.finditer(raw)]
    if not cuts:
        return [raw] if len(raw) > MASTHEAD_LINE or masthead_role(raw.strip()) else _fields_side_by_side(raw)
    parts = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    if not all(masthead_role(part.strip()) for part in parts):
        return [raw]
    return [" " * a + part.lstrip() if k else part for k, (a, part) in enumerate(zip([0, *cuts], parts, strict=True))]


MASTHEAD_LINE = 100
"""characters: the longest line taken for masthead fields set side by side with single spaces."""


def _fields_side_by_side(raw: str, depth: int = 3) -> list[str]:
    """``大会 Distr.: General``, ``A/73/254 大会 Distr.: General``: a rendering that joined a masthead row's fields
    with one space; split where every part is a masthead field (two to four parts), else the line as it is."""
    for gap in regex.finditer(r"(?<=\S) (?=\S)", raw):
        head, tail = raw[: gap.start()], raw[gap.end() :]
        if not masthead_role(head.strip()):
            continue
        if masthead_role(tail.strip()):
            return [head, tail]
        rest = _fields_side_by_side(tail, depth - 1) if depth > 1 else [tail]
        if len(rest) > 1:
            return [head, *rest]
    return [raw]


def _indent(raw: str) -> int:
    """Leading spaces (tabs and ideographic spaces count one each)."""
    return len(raw) - len(raw.lstrip(" \t\u3000"))


def _ems(spaces: int) -> float:
    return spaces * CHARACTER_EM


def _front_matter(lines: list[str]) -> tuple[tuple[tuple[str, str], ...], int]:
    """YAML-style ``---`` front matter of an extracted file: its key/value pairs and the first body line index."""
    if not lines or lines[0].strip() != "---":
        return (), 0
    pairs: list[tuple[str, str]] = []
    for index in range(1, min(len(lines), 80)):
        line = lines[index]
        if line.strip() == "---":
            return tuple(pairs), index + 1
        match = _FRONT_KEY.match(line)
        if not match:
            return (), 0
        pairs.append((match.group(1), match.group(2).strip("\"'")))
    return (), 0
