"""What a classification rule sees and what it answers.

A rule is a pure function ``(line, context) -> Start | CONTINUE | None``: it reads the line and a
frozen ``Context`` (what has been classified so far) and returns a verdict, or ``None`` to let the
next rule try. Rules never change the context; ``classify.advance`` does, once per line, from the
verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .model import BlockKind, Line, Marker, Region, Span
from .numbering import Expectation
from .text_utils import split_spans_at
from .thresholds import LAYOUT


@dataclass(frozen=True, slots=True)
class Start:
    """A rule's verdict: this line opens a new block."""

    kind: BlockKind
    spans: tuple[Span, ...]
    marker: Marker | None = None
    continues: bool = False
    role: str = ""
    region: Region | None = None
    ends_masthead: bool = False
    """The block is body text: the masthead is over."""
    figure_source: bool = False
    """The line is a figure's ``Source:`` line: after it, a gap ends the figure."""
    carry_on: bool = False
    """The line carries on the open block instead of opening one (``CONTINUE``)."""
    ends_quote: bool = False
    """The block takes up the document's own numbering again: the quoted structure is over."""
    opens_quote: bool = False
    """The block's number starts a sequence of its own (``1.`` where paragraphs have run further): it opens a
    quoted structure without a heading."""
    own_numbering: bool = False
    """The block heads a part of the document that numbers its units on its own, like an annex (an agenda's
    annotations take its items again from 1)."""


CONTINUE = Start("text", (), carry_on=True)
"""A rule's verdict: this line carries on the open block."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules may know about the lines before the current one (read-only)."""

    language: str
    seen: Expectation = field(default_factory=Expectation)
    """The last number at each level so far (an annex starts again)."""
    quote: int = 0
    """The quoted structure the lines are in (0: the document's own text); ``seen`` is then its own numbering."""
    quotes: int = 0
    """Quoted structures opened so far."""
    outer: Expectation | None = None
    """The document's own numbering, kept while a quoted structure numbers its own."""
    in_masthead: bool = True
    masthead_roles: frozenset[str] = frozenset()
    """Roles of the masthead blocks opened so far (``resolution_title`` …)."""
    open_kind: BlockKind | None = None
    open_text: str = ""
    open_bold: bool = False
    open_markdown: bool = False
    open_role: str = ""
    last_line: Line | None = None
    """The line just classified."""
    figure: str = ""
    """``open`` while a figure's caption runs (title, chart labels), ``source`` on its source note."""
    last_masthead_text: str = ""
    last_body_text: str = ""
    last_body_emphasized: bool = False
    """Every word of that body text in bold or italic (a heading's type, not a paragraph's)."""
    last_body_size: float = 0.0
    """The type size of the last line of body text (``Line.size``; 0 where the format has none)."""
    preamble: bool = False
    """Inside a resolution's preamble: after its formula (``The General Assembly,``), before any number."""
    body_indent: float = 0.0
    """The indent of the last line of body text (``Line.indent``), however many notes and page breaks came since."""
    since_body: int = 0
    """Footnote blocks or page breaks since the last body block."""
    last_note: int = 0
    """The number of the last numbered footnote opened so far."""
    note_sup: bool = False
    """That note's number was set as a superscript (a plain number opening a note line is then text)."""
    calls: frozenset[int] = frozenset()
    """The numbers of the footnote calls (superscripts) seen so far in the body."""
    under_caption: bool = False
    """A table's or figure's caption (``Table 26.2``) opened running text since the last numbered block: a table
    read as lines, whose rows follow."""


Rule = Callable[[Line, Context], Start | None]


CLOSING_ROLES = frozenset({"resolution_title", "adoption", "letter_title"})
"""Masthead roles that end the masthead: after a resolution's numbered title (or the Security Council's
adoption line under it) and after a letter's title, the next gap starts the body."""


def masthead_open(line: Line, ctx: Context) -> bool:
    """Whether ``line`` may still belong to the masthead: the masthead is open until body text starts, and a
    resolution's or a letter's masthead ends with its title (the next gap starts the body). The masthead is page
    1's: a new page ends it, unless its summary box runs over (a supplement's title page, a statement's text on
    page 2 are not masthead). Only where pages are known: a text rendering's page start may be page 1's own footer,
    printed in the middle of its masthead."""
    if not ctx.in_masthead:
        return False
    if line.page_start and line.typeset and "summary_heading" not in ctx.masthead_roles:
        return False
    return not (ctx.open_role in CLOSING_ROLES and (line.blank_before or line.page_start))


def tight_below(line: Line, ctx: Context) -> bool:
    """A line set right under the previous one, in the same size, whatever the reader judged the gap:
    masthead titles are set with more leading than the body."""
    previous = ctx.last_line
    if previous is None or line.gap_before is None or line.size != previous.size:
        return False
    return 0 <= line.gap_before < LAYOUT.tight_leading_em


def title_runs_on(line: Line, ctx: Context) -> bool:
    """The line carries on a title in the masthead: on the same page, in the same weight, right under it (a
    letter's ``Letter dated … from … addressed to …``, an agenda's ``Provisional agenda of the … session``)."""
    return not line.page_start and line.bold == ctx.open_bold and (not line.blank_before or tight_below(line, ctx))


def after_marker(line: Line, length: int) -> tuple[Span, ...]:
    """The line's spans after its number (``length`` characters past its leading white space), without the white
    space that follows the number."""
    offset = len(line.text) - len(line.text.lstrip()) + length
    return strip_leading(split_spans_at(line.spans, offset)[1])


def emphasized(line: Line) -> bool:
    """Every word typeset in bold or italic: a run-in heading, not body type."""
    return line.typeset and all(s.bold or s.italic for s in line.spans if s.text.strip() and not s.sup)


def strip_leading(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans without the white space they open with (a superscript is kept whole)."""
    out = list(spans)
    while out and not out[0].sup and not out[0].text.strip():
        out.pop(0)
    if out and not out[0].sup:
        out[0] = replace(out[0], text=out[0].text.lstrip())
    return tuple(out)
