"""Lines to classified blocks, by an ordered list of small rules (first match wins).

Each rule looks at one line in its context and either starts a new block
(heading, numbered paragraph, sub-paragraph, footnote, masthead line,
unnumbered text) or says nothing; a line no rule claims continues the open
block. Structure comes from the official numbering, never from markdown
``#`` depth.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import regex

from .masthead import masthead_role
from .model import SET_APART, Block, BlockKind, Line, Marker, Region, Span
from .numbering import ANNEX, Expectation, choose, markers_at
from .regions import CAPTION
from .text_utils import ends_clause, ends_sentence, split_spans_at

NOTE_MARKER = regex.compile(r"^(?P<num>\d{1,3}|\*{1,3})(?P<old>/)?(?=\s|$|\p{Han})")
MASTHEAD_NOTE = regex.compile(r"^(?P<num>\*{1,3})\s*(?=\S)")
RESOLUTION_TITLE = regex.compile(r"^(?:S-)?\d{1,3}/\d{1,4}(?:\s+[A-Z])?\.\s")
PREAMBLE_START = regex.compile(
    r"^(?:The General Assembly|El Consejo|La Asamblea General|L['’]Assemblée générale"
    r"|Генеральная Ассамблея|大会|إن الجمعية العامة)\s*[,，،]?$"
)
FIGURE_SOURCE = regex.compile(
    r"^(?:Sources?|Notes?|Fuentes?|Notas?|Source|Источник|Источники|Примечание|资料来源|来源|注|المصدر|المصادر)\s*[:：]"
)
MAX_HEADING_CHARS = 220


@dataclass(frozen=True, slots=True)
class Start:
    """A rule's verdict: this line opens a new block."""

    kind: BlockKind
    spans: tuple[Span, ...]
    marker: Marker | None = None
    continues: bool = False
    role: str = ""
    region: Region | None = None


@dataclass(slots=True)
class _State:
    language: str
    seen: Expectation = field(default_factory=Expectation)
    in_masthead: bool = True
    resolution: bool = False
    """A resolution's numbered title has been seen: "The General Assembly," now opens its preamble."""
    open_kind: BlockKind | None = None
    open_text: str = ""
    open_bold: bool = False
    open_markdown: bool = False
    open_role: str = ""
    last_line: Line | None = None
    """The line just classified (PDF: a deeper indent than its opens a paragraph with a first-line indent)."""
    figure: str = ""
    """``open`` while a figure's caption runs (title, chart labels), ``source`` on its source note."""
    last_masthead_text: str = ""
    last_body_text: str = ""
    since_body: int = 0
    """Footnote blocks or page breaks since the last body block."""


CONTINUE = Start("text", ())
"""A rule's verdict: this line carries on the open block."""

Rule = Callable[[Line, _State], Start | None]


def lines_to_blocks(lines: tuple[Line, ...], language: str) -> tuple[Block, ...]:
    """Classify every line and gather continuation lines into their blocks."""
    state = _State(language)
    blocks: list[Block] = []
    queue = deque(lines)
    while queue:
        line = queue.popleft()
        rest = _embedded_paragraph(line, state)
        if rest is not None:
            line, tail = rest
            queue.appendleft(tail)
        verdict: Start | None = None
        for rule in RULES:
            verdict = rule(line, state)
            if verdict is not None:
                break
        if (verdict is None or verdict is CONTINUE) and blocks and blocks[-1].region is None:
            blocks[-1] = _extend(blocks[-1], line)
        else:
            if verdict is None or verdict is CONTINUE:
                verdict = Start("masthead" if state.in_masthead else "text", line.spans)
            blocks.append(Block(verdict.kind, verdict.spans, (line.source,), verdict.marker, verdict.role,
                                line.heading_level, verdict.continues, verdict.region))  # fmt: skip
            _note_start(state, blocks[-1], line)
        _note_open(state, blocks[-1])
        state.last_line = line
    return tuple(blocks)


def _extend(block: Block, line: Line) -> Block:
    return replace(block, spans=block.spans + (Span("\n"),) + line.spans, sources=block.sources + (line.source,))


def _note_start(state: _State, block: Block, line: Line) -> None:
    state.open_bold, state.open_markdown = line.bold, line.heading_level > 0
    if block.kind == "footnote" or block.role in SET_APART:
        state.since_body += 1
        state.figure = "open" if block.role == "figure" else ""
    elif block.marker is not None and block.marker.level in LEVELS:
        state.seen = _note_seen(state.seen, block.marker)


def _note_open(state: _State, block: Block) -> None:
    state.open_kind, state.open_text, state.open_role = block.kind, block.plain_text, block.role
    if block.kind == "masthead":
        state.last_masthead_text = block.plain_text
    elif block.role in SET_APART:
        pass  # a figure or table set between the halves of a paragraph does not end it
    elif block.kind != "footnote":
        state.last_body_text, state.since_body = block.plain_text, 0


LEVELS = ("chapter", "section", "paragraph", "subparagraph", "subsubparagraph")


def _note_seen(seen: Expectation, marker: Marker) -> Expectation:
    """Record a marker; deeper levels start again (paragraph numbers run on through chapters)."""
    values = {level: seen.last(level) for level in LEVELS}
    values[marker.level] = marker.ordinal
    if marker.level == "chapter":
        values["section"] = 0
    first_reset = max(LEVELS.index(marker.level) + 1, LEVELS.index("subparagraph"))
    for level in LEVELS[first_reset:]:
        values[level] = 0
    return Expectation(**values)


# --- rules, in order -------------------------------------------------------


def region_rule(line: Line, state: _State) -> Start | None:
    """A table or figure the reader found is a block of its own, set apart from the running text."""
    if line.region is None:
        return None
    state.in_masthead = False
    return Start(line.region.kind, (), role="region", region=line.region)


def footnote_rule(line: Line, state: _State) -> Start | None:
    """A definition opens with its number (superscript or plain) inside the footnote zone."""
    in_notes = line.footnote_block or line.zone == "footnote"
    if not in_notes:
        return None
    marker, rest = _note_marker(line)
    if marker is not None:
        return Start("footnote", rest, marker)
    if state.open_kind == "footnote" and not line.page_start and not line.blank_before:
        return CONTINUE  # wrapped line of the open note
    return Start("footnote", line.spans, None, continues=True)


def masthead_note_rule(line: Line, state: _State) -> Start | None:
    """``* A/73/150.``: the note of the masthead's asterisk."""
    if not state.in_masthead and state.seen.paragraph:
        return None
    match = MASTHEAD_NOTE.match(line.text)
    if match is None or not line.text.strip("* "):
        return None
    star = match.group("num")
    rest = split_spans_at(line.spans, match.end())[1]
    return Start("footnote", rest, Marker("note", star, star, len(star)))


def annex_rule(line: Line, state: _State) -> Start | None:
    match = ANNEX.match(line.text.strip())
    if match is None:
        return None
    state.in_masthead = False
    state.seen = Expectation()  # an annex numbers its own paragraphs
    printed = match.group(0).strip()
    return Start("heading", (), Marker("annex", printed, match.group("num") or "", 1), role="annex")


def numbered_rule(line: Line, state: _State) -> Start | None:
    """Chapters, sections, paragraphs and sub-paragraphs, by their official markers."""
    text = line.text
    marker = choose(markers_at(text.lstrip(), state.language), state.seen)
    if marker is None:
        return None
    offset = len(text) - len(text.lstrip()) + len(marker.printed)
    rest = _strip_leading(split_spans_at(line.spans, offset)[1])
    rest_text = "".join(s.text for s in rest)
    if marker.level in ("chapter", "section"):
        if len(rest_text) > MAX_HEADING_CHARS or not rest_text.strip():
            return None
        state.in_masthead = False
        return Start("heading", rest, marker)
    if not _opens_block(line, state, marker):
        return None
    if _is_subsection_heading(line, state, marker, rest_text):
        return Start("heading", rest, Marker("subsection", marker.printed, marker.num, marker.ordinal))
    state.in_masthead = False
    kind: BlockKind = "paragraph" if marker.level == "paragraph" else "subparagraph"
    return Start(kind, rest, marker)


def resolution_title_rule(line: Line, state: _State) -> Start | None:
    """``80/5. Title``: a resolution's number and title end its masthead."""
    if state.in_masthead and RESOLUTION_TITLE.match(line.text):
        state.resolution = True
        return Start("masthead", line.spans, role="resolution_title")
    if (state.resolution or not state.in_masthead) and PREAMBLE_START.match(line.text.strip()):
        state.in_masthead = False
        return Start("text", line.spans, role="preamble_intro")
    return None


def masthead_line_rule(line: Line, state: _State) -> Start | None:
    """Before the body starts, a line opens a masthead block when it announces a role of its own
    (``Distr.: General``, ``第七十三届会议``) or follows a gap; other lines wrap into the open block."""
    if not state.in_masthead:
        return None
    if state.open_role == "resolution_title" and (line.blank_before or line.page_start):
        state.in_masthead = False  # the body of a resolution starts after its numbered title
        return None
    role = masthead_role(line.text)
    wraps = (
        state.open_kind == "masthead"
        and not role
        and state.open_role in ("", "doc_type", "title", "resolution_title", "body")
        and not ((line.blank_before and not _tight_below(line, state)) or line.heading_level or state.open_markdown)
        and not (line.page_start and ends_sentence(state.open_text))
        and line.bold == state.open_bold
        and not (line.source.page is not None and line.indent > _last_indent(state) + 3.0 and state.open_role == "")
    )
    if wraps:
        return CONTINUE
    if not role and (line.page_start or state.open_kind == "footnote") and state.last_masthead_text:
        # the summary box runs over a page break (and the masthead notes at its foot)
        resumes = not ends_sentence(state.last_masthead_text)
        return Start("masthead", line.spans, continues=resumes)
    return Start("masthead", line.spans, role=role)


def heading_wrap_rule(line: Line, state: _State) -> Start | None:
    """A numbered heading may run onto a second line: same style, no gap, no full stop yet."""
    if state.open_kind != "heading" or line.blank_before or line.page_start or line.heading_level:
        return None
    wraps = not state.open_markdown and not ends_sentence(state.open_text)
    if line.source.page is not None:
        wraps = wraps and line.bold == state.open_bold
    return CONTINUE if wraps else Start("text", line.spans)


def markdown_heading_rule(line: Line, state: _State) -> Start | None:
    if line.heading_level:
        return Start("heading", line.spans)
    return None


def figure_rule(line: Line, state: _State) -> Start | None:
    """``Figure IV`` / ``Table 2`` / ``图一``: a caption opens its own block and never continues a paragraph;
    what follows it belongs to it up to and including its ``Source:`` line. After a table or figure
    region, its ``Source:`` and ``Note:`` lines are notes of the region."""
    if state.in_masthead:
        return None
    if CAPTION.match(line.text):
        return Start("text", line.spans, role="figure")
    if state.open_role == "region" and FIGURE_SOURCE.match(line.text):
        state.figure = "source"
        return Start("text", line.spans, role="region_note")
    if state.open_role == "region_note" and not line.blank_before and not line.page_start:
        return CONTINUE if not FIGURE_SOURCE.match(line.text) else Start("text", line.spans, role="region_note")
    if state.open_role != "figure" or line.page_start or not state.figure:
        return None
    if state.figure == "source" and line.blank_before:
        state.figure = ""
        return None
    if FIGURE_SOURCE.match(line.text):
        state.figure = "source"
    return CONTINUE


def new_text_rule(line: Line, state: _State) -> Start | None:
    """An unnumbered line after a gap or a page break: new text, or the rest of an interrupted paragraph."""
    interrupted = state.since_body > 0 or line.page_start
    if not (line.blank_before or interrupted):
        return None
    if state.open_kind == "footnote" and not interrupted:
        return Start("text", line.spans)
    last = state.last_body_text.rstrip()
    if state.open_kind in ("heading", "masthead") or not last or state.open_role == "preamble_intro":
        return Start("text", line.spans)
    # a page break (seen as notes in between, or in a text rendering only as a blank line) leaves the
    # paragraph mid-sentence; in a PDF a gap on the same page is a real paragraph break
    blank_only = line.source.page is None and last[-1] not in ":：;；"
    resumes = not ends_sentence(last) and (interrupted or blank_only)
    if line.source.page is not None and interrupted and line.indent < 1.0 and not _emphasized(line):
        resumes = True  # flush with the column after a page break, in body type: the paragraph goes on
    elif line.source.page is not None and line.indent > 3.0:
        resumes = False  # a first-line indent opens a new paragraph
    return Start("text", line.spans, continues=resumes)


RULES: tuple[Rule, ...] = (
    region_rule,
    footnote_rule,
    masthead_note_rule,
    annex_rule,
    numbered_rule,
    resolution_title_rule,
    masthead_line_rule,
    heading_wrap_rule,
    markdown_heading_rule,
    figure_rule,
    new_text_rule,
)


# --- helpers ----------------------------------------------------------------

_EMBEDDED = '(?<=[.;:!?。；：][”’"»)]?\\d{{0,3}})\\s+(?P<m>{n}\\.)\\s+(?=[\\p{{Lu}}\\p{{Han}}“"«])'


def _embedded_paragraph(line: Line, state: _State) -> tuple[Line, Line] | None:
    """``…annexes.5 9. We reaffirm…``: a rendering that ran two numbered paragraphs into one line.
    Split before the next expected number when it follows a sentence end."""
    if state.in_masthead or line.zone == "footnote" or line.footnote_block:
        return None
    text = line.text
    own = [m for m in markers_at(text.lstrip(), state.language) if m.level == "paragraph"]
    expected = own[0].ordinal + 1 if own else state.seen.paragraph + 1
    if expected < 2:
        return None
    match = regex.search(_EMBEDDED.format(n=expected), text)
    if match is None or not text[: match.start()].strip():
        return None
    head, tail = split_spans_at(line.spans, match.start("m"))
    return replace(line, spans=head), replace(line, spans=tail, blank_before=False, page_start=False)


def _note_marker(line: Line) -> tuple[Marker | None, tuple[Span, ...]]:
    spans = line.spans
    first = spans[0] if spans else None
    if first is not None and first.sup and NOTE_MARKER.match(first.text.strip()):
        num = first.text.strip().rstrip("/")
        return Marker("note", first.text.strip(), num, _note_ordinal(num)), _strip_leading(spans[1:])
    match = NOTE_MARKER.match(line.text)
    if match is None:
        return None, spans
    num = match.group("num")
    printed = match.group(0)
    return Marker("note", printed, num, _note_ordinal(num)), _strip_leading(split_spans_at(spans, match.end())[1])


def _note_ordinal(num: str) -> int:
    return int(num) if num.isdigit() else len(num)


def _strip_leading(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    out = list(spans)
    while out and not out[0].sup and not out[0].text.strip():
        out.pop(0)
    if out and not out[0].sup:
        out[0] = replace(out[0], text=out[0].text.lstrip())
    return tuple(out)


def _last_indent(state: _State) -> float:
    return state.last_line.indent if state.last_line is not None else 0.0


def _emphasized(line: Line) -> bool:
    """Every word bold or italic: a run-in heading, not body type."""
    return all(s.bold or s.italic for s in line.spans if s.text.strip() and not s.sup)


def _tight_below(line: Line, state: _State) -> bool:
    """A PDF line set right under the previous one, in the same size, whatever the reader judged the gap:
    masthead titles are set with more leading than the body."""
    previous = state.last_line
    if previous is None or line.source.bbox is None or previous.source.bbox is None or line.size != previous.size:
        return False
    gap = line.source.bbox.top - previous.source.bbox.bottom
    return line.source.page == previous.source.page and 0 <= gap < 0.8 * max(line.size, 1.0)


def _is_subsection_heading(line: Line, state: _State, marker: Marker, rest: str) -> bool:
    """``1. De facto replacement``: a short, unpunctuated numbered line inside a section whose number
    restarts far below the running paragraph numbers is a sub-heading, not a paragraph."""
    if marker.level != "paragraph" or not state.seen.section or state.in_masthead:
        return False
    if marker.ordinal >= state.seen.paragraph or marker.ordinal > 20 or state.seen.paragraph < 3:
        return False
    if len(rest) > 120 or ends_sentence(rest) or ends_clause(rest):
        return False
    return line.bold or line.source.page is None


def _opens_block(line: Line, state: _State, marker: Marker) -> bool:
    """A paragraph marker at a line start opens a block only where a block can start."""
    if marker.ordinal == state.seen.last(marker.level) + 1 or marker.ordinal == 1:
        return True
    if line.blank_before or line.page_start or state.open_kind in (None, "heading", "footnote", "masthead"):
        return True
    previous = state.open_text.rstrip()
    if marker.level == "paragraph":
        return ends_sentence(previous) or ends_clause(previous)
    return ends_clause(previous) or ends_sentence(previous)
