"""Lines to classified blocks, by an ordered list of small rules (first match wins).

Each rule looks at one line in its read-only context and either starts a new block (heading,
numbered paragraph, sub-paragraph, footnote, masthead line, unnumbered text), says the line
carries on the open block, or says nothing; a line no rule claims continues the open block.
The context then moves on in one place, ``advance``. The document's kind adds its own rules
(``kinds``). Structure comes from the official numbering, never from markdown ``#`` depth.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from functools import lru_cache

import regex

from .classify_numbered import numbered_rule
from .classify_rules import (
    annex_rule,
    figure_rule,
    footnote_rule,
    heading_wrap_rule,
    markdown_heading_rule,
    masthead_line_rule,
    masthead_note_rule,
    new_text_rule,
    preamble_rule,
    quote_rule,
    region_rule,
    size_change_rule,
)
from .kinds import Kind
from .kinds.report import KIND as REPORT
from .model import SET_APART, Block, Line, Marker, Span
from .numbering import Expectation, markers_at, paragraph_prefix
from .regions import CAPTION
from .rules import CONTINUE, Context, Rule, Start, masthead_open
from .text_utils import split_spans_at


def rules_for(kind: Kind) -> tuple[Rule, ...]:
    """The rules tried on every line of a document of ``kind``, in order."""
    return (
        region_rule,
        footnote_rule,
        masthead_note_rule,
        annex_rule,
        quote_rule,
        numbered_rule,
        *kind.rules,
        preamble_rule,
        masthead_line_rule,
        heading_wrap_rule,
        markdown_heading_rule,
        figure_rule,
        size_change_rule,
        new_text_rule,
    )


def lines_to_blocks(lines: tuple[Line, ...], language: str, kind: Kind = REPORT) -> tuple[Block, ...]:
    """Classify every line and gather continuation lines into their blocks."""
    rules = rules_for(kind)
    ctx = Context(language)
    blocks: list[Block] = []
    queue = deque(lines)
    while queue:
        line = queue.popleft()
        rest = _embedded_paragraph(line, ctx)
        if rest is not None:
            line, tail = rest
            queue.appendleft(tail)
        verdict = next((v for rule in rules if (v := rule(line, ctx)) is not None), CONTINUE)
        started = not (verdict.carry_on and blocks and blocks[-1].region is None)
        if not started:
            blocks[-1] = _extend(blocks[-1], line)
        else:
            if verdict.carry_on:
                verdict = Start("masthead" if masthead_open(line, ctx) else "text", line.spans)
            blocks.append(Block(verdict.kind, verdict.spans, (line.source,), verdict.marker, verdict.role,
                                line.heading_level, verdict.continues, verdict.region, line.typeset,
                                _quote_of(verdict, ctx)))  # fmt: skip
        ctx = advance(ctx, line, verdict, blocks[-1], started=started)
    return tuple(blocks)


def advance(ctx: Context, line: Line, verdict: Start, block: Block, *, started: bool) -> Context:
    """The context for the next line, once ``line`` has been given ``verdict`` and is now part of ``block``."""
    in_masthead = masthead_open(line, ctx) and not verdict.ends_masthead
    seen, since_body, figure = ctx.seen, ctx.since_body, "source" if verdict.figure_source else ctx.figure
    quote, quotes, outer = ctx.quote, ctx.quotes, ctx.outer
    if started and verdict.ends_quote and outer is not None:
        seen, outer, quote = outer, None, 0
    open_bold, open_markdown, roles = ctx.open_bold, ctx.open_markdown, ctx.masthead_roles
    if started:
        open_bold, open_markdown = line.bold, line.heading_level > 0
        if block.kind == "footnote" or block.role in SET_APART:
            since_body += 1
            figure = "open" if block.role == "figure" else ""
        elif verdict.own_numbering or (block.marker is not None and block.marker.level == "annex"):
            seen, outer, quote = Expectation(), None, 0  # an annex numbers its own paragraphs
        elif block.marker is not None and block.marker.level == "quote":
            seen, outer = Expectation(), outer if outer is not None else seen  # so does a quoted text
            quote = quotes = block.marker.ordinal
        elif verdict.opens_quote and block.marker is not None:
            outer = outer if outer is not None else seen
            seen, quote = _note_seen(Expectation(), block.marker), block.quote
            quotes = quote
        elif block.marker is not None and block.marker.level in LEVELS:
            seen = _note_seen(seen, block.marker)
        elif block.marker is not None and block.marker.level == "subsection":
            seen = replace(seen, subsection=block.marker.ordinal)
        if block.kind == "masthead" and block.role:
            roles = roles | {block.role}
    last_note, note_sup, calls = ctx.last_note, ctx.note_sup, ctx.calls
    if started and block.kind == "footnote" and block.marker is not None and block.marker.num.isdigit():
        last_note, note_sup = block.marker.ordinal, bool(line.spans) and line.spans[0].sup
    elif block.kind != "footnote":
        called = {int(s.text.strip()) for s in line.spans if s.sup and s.text.strip().isdigit()}
        calls = calls | called if called else calls
    under_caption = ctx.under_caption
    if started and block.role == "figure":
        under_caption = CAPTION.match(block.plain_text.strip()) is not None
    elif started and block.kind not in ("footnote", "masthead") and block.role not in SET_APART:
        under_caption = under_caption and block.marker is None
    preamble = ctx.preamble
    if started and block.kind != "footnote" and block.role not in SET_APART:
        preamble = (preamble or block.role == "preamble_intro") and block.marker is None and not quote
    last_masthead, last_body, body_indent = ctx.last_masthead_text, ctx.last_body_text, ctx.body_indent
    body_emphasized, body_size = ctx.last_body_emphasized, ctx.last_body_size
    if block.kind == "masthead":
        last_masthead = block.plain_text
    elif block.role not in SET_APART and block.kind != "footnote":  # a figure or table between halves does not end it
        last_body, since_body, body_indent = block.plain_text, 0, line.indent
        body_emphasized = block.typeset and all(s.bold or s.italic for s in block.spans if s.text.strip() and not s.sup)
        body_size = line.size
    return replace(
        ctx, seen=seen, in_masthead=in_masthead, masthead_roles=roles, open_kind=block.kind, open_text=block.plain_text,
        open_bold=open_bold, open_markdown=open_markdown, open_role=block.role, last_line=line, figure=figure,
        last_masthead_text=last_masthead, last_body_text=last_body, last_body_emphasized=body_emphasized,
        last_body_size=body_size, body_indent=body_indent, since_body=since_body,
        last_note=last_note,
        note_sup=note_sup, calls=calls, quote=quote, quotes=quotes,
        outer=outer, preamble=preamble, under_caption=under_caption,
    )  # fmt: skip


def _quote_of(verdict: Start, ctx: Context) -> int:
    """The quoted structure a new block belongs to: a quote heading opens the next one; the document's own
    numbering taken up again, an annex or a footnote are outside any."""
    if verdict.marker is not None and verdict.marker.level == "quote":
        return verdict.marker.ordinal
    if verdict.opens_quote:
        return ctx.quotes + 1
    if (
        verdict.ends_quote
        or verdict.own_numbering
        or verdict.kind in ("footnote", "masthead")
        or (verdict.marker is not None and verdict.marker.level == "annex")
    ):
        return 0
    return ctx.quote


def _extend(block: Block, line: Line) -> Block:
    return replace(block, spans=block.spans + (Span("\n"),) + line.spans, sources=block.sources + (line.source,))


LEVELS = ("chapter", "section", "paragraph", "subparagraph", "subsubparagraph")


def _note_seen(seen: Expectation, marker: Marker) -> Expectation:
    """Record a marker; deeper levels start again (paragraph numbers run on through chapters, and numbered
    sub-headings through paragraphs)."""
    values = {level: seen.last(level) for level in LEVELS}
    values[marker.level] = marker.ordinal
    if marker.level == "chapter":
        values["section"] = 0
    first_reset = max(LEVELS.index(marker.level) + 1, LEVELS.index("subparagraph"))
    for level in LEVELS[first_reset:]:
        values[level] = 0
    prefix = paragraph_prefix(marker) or seen.prefix  # kept through plain numbers (a table's rows read as paragraphs)
    subsection = 0 if marker.level in ("chapter", "section") else seen.subsection
    item = (marker.level, marker.ordinal) if marker.level in LEVELS[3:] else seen.last_item
    return Expectation(**values, prefix=prefix, subsection=subsection, last_item=item)


_EMBEDDED = '(?<=[.;:!?。；：][”’"»)]?\\d{{0,3}})\\s+(?P<m>{n}\\.)\\s+(?=[\\p{{Lu}}\\p{{Han}}“"«])'


@lru_cache(maxsize=1024)
def _embedded(number: int) -> regex.Pattern[str]:
    """``_EMBEDDED`` for one paragraph number, compiled once (each line of a document's body asks for its next)."""
    return regex.compile(_EMBEDDED.format(n=number))


def _embedded_paragraph(line: Line, ctx: Context) -> tuple[Line, Line] | None:
    """``…annexes.5 9. We reaffirm…``: a rendering that ran two numbered paragraphs into one line.
    Split before the next expected number when it follows a sentence end."""
    if ctx.in_masthead or line.zone == "footnote" or line.footnote_block:
        return None
    text = line.text
    own = [m for m in markers_at(text.lstrip(), ctx.language) if m.level == "paragraph"]
    expected = own[0].ordinal + 1 if own else ctx.seen.paragraph + 1
    if expected < 2:
        return None
    match = _embedded(expected).search(text)
    if match is None or not text[: match.start()].strip():
        return None
    head, tail = split_spans_at(line.spans, match.start("m"))
    return replace(line, spans=head), replace(line, spans=tail, blank_before=False, page_start=False)
