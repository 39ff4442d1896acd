"""Text renderings line by line: markers a tool put on a line of their own are joined to their text.

Raw ``pdftotext`` writes a hanging paragraph number on its own line (``1.``, then a blank line, then
the text) and a chapter number apart from its title (``一.`` / ``引言``). The number belongs to the next
line with text; joining them restores the line as the page shows it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from itertools import pairwise

import regex

from ..furniture import SYMBOL
from ..masthead import masthead_role
from ..model import Line, Span
from ..thresholds import LAYOUT

LONE_MARKER = regex.compile(
    r"^(?:\d{1,3}[.．]|[０-９]{1,3}[.．]|[一二三四五六七八九十]{1,3}[.、．]|[IVXLC]{1,7}\.|[A-ZА-Я]\.|\((?:[a-z]{1,4}|\d{1,2})\)|[a-z]\))$"
)
"""A paragraph, chapter, section or sub-paragraph number and nothing else."""


def join_lone_markers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Join each line that is only an official marker to the next line, which must be running text of the same zone."""
    out: list[Line] = []
    index = 0
    measure = body_measure(lines)
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _joinable(line, following):
            if _first_line_above(out, line, following, measure):
                first = out.pop()  # ``二. 志愿服务状况`` / ``志愿人员方案在其…正规和非正`` / ``6.`` / ``规志愿人员…``
                out.append(replace(first, spans=(*line.spans, Span(" "), *first.spans)))
                out.append(replace(following, blank_before=False, runs_on=True))
            else:
                spans = (*line.spans, Span(" "), *following.spans)
                out.append(replace(line, spans=spans, page_start=line.page_start or following.page_start))
            index += 2
            continue
        out.append(line)
        index += 1
    return tuple(out)


def _first_line_above(out: list[Line], marker: Line, following: Line, measure: int) -> bool:
    """Raw ``pdftotext`` may write a paragraph's first line before its hanging number, as the PDF draws them: right
    under a heading, a line that spans the column and finishes no sentence, then the lone number, then the
    paragraph's second line. A paragraph cannot end one unfinished full line under its heading (a heading's own
    wrapped line is short): that line is the numbered paragraph's first."""
    if len(out) < 2 or not measure or not _PARAGRAPH.match(marker.text.strip() + " "):
        return False
    first, heading = out[-1], out[-2]
    if first.heading_level or _MARKED.match(first.text.strip()) or FINISHED.search(first.text.rstrip()):
        return False
    if cells(first.text) + first_word(following.text) < FULL_LINE * measure:
        return False
    if first.zone != marker.zone or following.zone != marker.zone or first.region:
        return False
    return bool(heading.heading_level) or _HEADING_MARKER.match(heading.text.strip()) is not None


_HEADING_MARKER = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}[.、．]|[IVXLC]{1,7}\.|[A-ZА-Я]\.)\s+\S")
"""A chapter or section number and its title on one line."""


SPACED_SHARE = 0.8
"""share of running-text lines: a rendering that sets a blank line before this many sets one after every line."""
WRAPPED_SHARE = 0.4
"""share of running-text lines that reach the measure in a rendering of lines wrapped at a column's width."""
WRAPPED_MEASURE = 160
"""character cells: the widest measure taken for a column's width (one paragraph per line is longer)."""
FULL_LINE = 0.9
"""share of the measure: a line this wide reaches the column's end (a justified or nearly full ragged line)."""
SPACED_MIN_LINES = 20


def spaced_lines(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A rendering that writes a blank line after every line it wraps at the column's width (pymupdf4llm on a page
        set with loose leading) says nothing by its blank lines: a line whose first word would not have fitted at the
        end of the line above (that line and the word together reach the measure) runs on
        (its ``blank_before`` is taken off and it ``runs_on``), as in a rendering without blank lines, also over the
    page's notes onto the next page. Markup (headings, note definitions)
        still breaks. A source with one paragraph per line is no wrapped rendering: few of its lines reach its widest."""
    text = [k for k, line in enumerate(lines) if _body(line) and line.text.strip()]
    if len(text) < SPACED_MIN_LINES or sum(lines[k].blank_before for k in text) < SPACED_SHARE * len(text):
        return lines
    widths = {k: cells(lines[k].text) for k in text}
    measure = body_measure(lines)
    full = sum(1 for width in widths.values() if width >= FULL_LINE * measure)
    if measure > WRAPPED_MEASURE or full < WRAPPED_SHARE * len(text):
        return lines
    out = list(lines)
    for before, k in pairwise(text):
        between = lines[before + 1 : k]
        notes = lines[k].page_start and all(line.zone == "footnote" or line.footnote_block for line in between)
        wraps = widths[before] + first_word(lines[k].text) >= FULL_LINE * measure
        if (before == k - 1 or notes) and wraps and lines[k].blank_before:
            out[k] = replace(lines[k], blank_before=False, runs_on=True)
    return tuple(out)


def page_turns(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A page's first line runs on from the page above when the last line of running text there spans the column
    (with the first word of this line it would not have fitted): the paragraph went on over the page, even where
    that line ends a sentence (a paragraph's last line rarely fills the column). A line that opens with an official
    marker, a heading or markup is never run on; pages are marked ``page_start``."""
    measure = body_measure(lines)
    if not measure:
        return lines
    out = list(lines)
    last: int | None = None
    for k, line in enumerate(lines):
        if line.page_start and last is not None and _body(line) and _MARKED.match(line.text.strip()) is None:
            width = cells(lines[last].text) + first_word(line.text)
            if width >= FULL_LINE * measure and not lines[last].heading_level:
                out[k] = replace(line, runs_on=True)
        if _body(line) or line.heading_level:
            last = k
    return tuple(out)


def calls_at_line_ends(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A blank line after a line that spans the column and ends with a note's call does not end the paragraph: a tool
    that takes the raised number for the end of a block (pymupdf4llm: ``…的实例。 [10]``, a blank line, ``人口基金…``)
    broke the paragraph there; the next line runs on when its first word would not have fitted on that line. A line
    that opens with an official marker, a heading or set all in italics or bold (an unnumbered heading's markup) is
    never run on."""
    measure = body_measure(lines)
    if not measure:
        return lines
    out = list(lines)
    for k in range(1, len(lines)):
        line, above = lines[k], lines[k - 1]
        if not (line.blank_before and _body(line) and _body(above) and above.spans and above.spans[-1].sup):
            continue
        if _MARKED.match(line.text.strip()) or line.page_start or _styled(line):
            continue
        width = cells("".join(span.text for span in above.spans[:-1])) + first_word(line.text)
        if width >= FULL_LINE * measure:
            out[k] = replace(line, blank_before=False, runs_on=True)
    return tuple(out)


def _styled(line: Line) -> bool:
    words = [span for span in line.spans if span.text.strip() and not span.sup]
    return bool(words) and all(span.italic or span.bold for span in words)


_FIRST_WORD = regex.compile(r"^\s*(?:[^\s\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+|.)")


def first_word(text: str) -> int:
    """Character cells of a line's first word (a wide character alone): what did not fit at the end of the line above."""
    match = _FIRST_WORD.match(text)
    return cells(match.group()) if match else 0


def cells(text: str) -> int:
    """Character cells of a line's text: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


_SYMBOL_HEAD = regex.compile(r"(?:^|\s)[A-Z]{1,8}$")
_SYMBOL_TAIL = regex.compile(r"^/\S+")


def join_broken_symbols(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A document symbol a rendering broke at its first slash (pdfplumber: ``联合国 A`` / ``/73/254``) made whole:
    the next line's leading ``/…`` is joined to the capitals ending the line when together they are a symbol."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        head = _SYMBOL_HEAD.search(previous.text.rstrip()) if previous is not None else None
        tail = _SYMBOL_TAIL.match(line.text.strip())
        if previous is not None and head and tail and line.zone == previous.zone and not line.heading_level:
            word = head.group().strip() + tail.group()
            if SYMBOL.fullmatch(word):
                spans = (*previous.spans, *line.spans)
                out[-1] = replace(previous, spans=_strip_between(spans, len(previous.spans)))
                continue
        out.append(line)
    return tuple(out)


def _strip_between(spans: tuple[Span, ...], at: int) -> tuple[Span, ...]:
    """The spans with the white space at the seam (after ``spans[at - 1]``, before ``spans[at]``) taken out."""
    before, after = list(spans[:at]), list(spans[at:])
    before[-1] = replace(before[-1], text=before[-1].text.rstrip())
    after[0] = replace(after[0], text=after[0].text.lstrip())
    return (*before, *after)


def _joinable(line: Line, following: Line) -> bool:
    if line.heading_level or following.heading_level or line.zone != following.zone or line.region or following.region:
        return False
    return LONE_MARKER.match(line.text.strip()) is not None and LONE_MARKER.match(following.text.strip()) is None


FINISHED = regex.compile(r"[.。!?！？][”’\"»)]?\s?\d{0,3}$")
"""A line that ends a sentence, perhaps with the call the rendering set after it (``identity. 33``)."""
_PARAGRAPH = regex.compile(r"^\d{1,3}[.．]\s")
_MARKED = regex.compile(LONE_MARKER.pattern.removesuffix("$") + r"(?:\s|$)")
"""A line opening with an official marker (chapter, section, paragraph, sub-paragraph): never an unnumbered heading."""
_HEADING_START = regex.compile(r"^[\p{Lu}\p{Lo}“\"«(]")
HEADING_LINES = 2
"""lines: the most an unnumbered heading of a plain rendering wraps to."""


def unnumbered_headings(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Mark the unnumbered headings of a plain rendering, which has lost their bold: one or two short lines that
    finish no sentence, between a paragraph that ends one (or a numbered heading) and the next numbered paragraph
    (``…gender identity. 33`` / ``Development, the environment, and business and human rights 34`` / ``14. JS7
    welcomed…``; ``1. Cross-cutting issues`` / ``Equality and non-discrimination16`` / ``8. AI noted…``). Inside the
    numbered body of a UN report nothing else stands there unnumbered. Two lines are joined into one."""
    out: list[Line | None] = list(lines)
    measure = body_measure(lines)
    started = False
    index = 0
    while index < len(lines):
        line = lines[index]
        started = started or (_PARAGRAPH.match(line.text) is not None and _body(line))
        for size in range(1, HEADING_LINES + 1):
            part = lines[index : index + size]
            after = lines[index + size] if index + size < len(lines) else None
            if started and after is not None and index > 0 and _heading(lines[index - 1], part, after, measure):
                spans = tuple(s for k, piece in enumerate(part) for s in ((Span(" "),) if k else ()) + piece.spans)
                out[index] = replace(line, spans=spans, heading_level=LAYOUT_HEADING_LEVEL)
                for k in range(1, size):
                    out[index + k] = None
                index += size - 1
                break
        index += 1
    return tuple(line for line in out if line is not None)


LAYOUT_HEADING_LEVEL = 3
"""The heading level given to an unnumbered heading found by its place (the tree nests it by what surrounds it)."""


def _body(line: Line) -> bool:
    return line.zone != "footnote" and not line.footnote_block and not line.region and not line.heading_level


HEADING_FULL = 0.75
"""share of the body's measure: a heading line this wide may have wrapped (its type is larger than the body's)."""


def _numbered_heading(line: Line, following: Line, measure: int) -> bool:
    """A short line that opens with an official marker and finishes no sentence: a numbered heading
    (``1. Cross-cutting issues``), under which an unnumbered one may stand (``Equality and non-discrimination16``);
    not where the next line's first word would not have fitted on it (the heading wrapped: ``…行动计`` / ``划``)."""
    text = line.text.strip()
    if len(text) > LAYOUT.max_unnumbered_heading_chars or _MARKED.match(text) is None or FINISHED.search(text):
        return False
    wraps = not measure or cells(text) + first_word(following.text) >= HEADING_FULL * measure
    return not text.endswith((",", ";", ":")) and not wraps


def body_measure(lines: tuple[Line, ...]) -> int:
    """The column's width in character cells: the 90th percentile of the running text's line widths (0: no text)."""
    widths = sorted(cells(line.text) for line in lines if _body(line) and line.text.strip())
    return widths[int(len(widths) * 0.9)] if widths else 0


def _heading(before: Line, part: tuple[Line, ...], after: Line, measure: int) -> bool:
    if not (_body(before) and _body(after) and all(_body(p) for p in part)):
        return False
    if not (FINISHED.search(before.text.rstrip()) or _numbered_heading(before, part[0], measure)):
        return False
    if _PARAGRAPH.match(after.text) is None:
        return False
    texts = [p.text.strip() for p in part]
    if _HEADING_START.match(texts[0]) is None or any(FINISHED.search(t) or _PARAGRAPH.match(t) for t in texts):
        return False
    if any(_MARKED.match(t) for t in texts):
        return False
    return sum(len(t) for t in texts) <= LAYOUT.max_unnumbered_heading_chars and not any(p.page_start for p in part[1:])


MASTHEAD_WIDER = 1.1
"""ratio: a masthead line this much wider than every line of the wrapped block above it starts a block of its own."""


def masthead_blocks(lines: tuple[Line, ...], *, markdown: bool = False) -> tuple[Line, ...]:
    """Break a plain rendering's masthead where a block ends without a blank line (pdfplumber's ``extract_text``):
    above the document type (``秘书长的报告``, ``Report of the Secretary-General``), a line wider than every line of
    the wrapped block above it (two lines or more) was set to another measure: the agenda title wraps in its
    column, the title below it runs wider, so the title starts there."""
    roles = [masthead_role(line.text) for line in lines[:MASTHEAD_LINES]]
    end = next((k for k, role in enumerate(roles) if role == "doc_type"), None)
    if end is None:
        return lines
    if markdown:
        return _agenda_title_block(lines, roles[:end])
    out = list(lines)
    run: list[int] = []
    for k in range(end):
        line, width = lines[k], cells(lines[k].text)
        if line.blank_before or line.heading_level or roles[k]:
            run = [] if roles[k] else [width]
            continue
        if len(run) >= 2 and width > MASTHEAD_WIDER * max(run):
            out[k] = replace(line, blank_before=True)
            run = [width]
            continue
        run.append(width)
    return tuple(out)


def _agenda_title_block(lines: tuple[Line, ...], roles: list[str]) -> tuple[Line, ...]:
    """A markdown rendering marks the masthead's title as a heading (``## 将志愿服务纳入…``); set with loose leading, it
    writes a blank line after each line of the agenda title above it. The plain lines between the agenda item and
    the heading-marked title, none finishing a sentence, are the agenda title: one block. ``roles``: the masthead
    role of each line above the document type."""
    agenda = next((k for k, role in enumerate(roles) if role == "agenda"), None)
    title = next((k for k in range(len(roles)) if lines[k].heading_level and (agenda is None or k > agenda)), None)
    if agenda is None or title is None or title - agenda < 3:
        return lines
    between = range(agenda + 1, title)
    if any(lines[k].heading_level or roles[k] or FINISHED.search(lines[k].text.rstrip()) for k in between):
        return lines
    out = list(lines)
    for k in range(agenda + 2, title):
        out[k] = replace(lines[k], blank_before=False)
    return tuple(out)


MASTHEAD_LINES = 40
"""lines: how far down a rendering's first page the document type is looked for."""
