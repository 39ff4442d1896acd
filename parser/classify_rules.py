"""The classification rules every kind of document shares, in the order they are tried.

Each looks at one line and the read-only context and returns a verdict (``Start``, ``CONTINUE``)
or ``None``; see ``rules`` for the contract and ``classify`` for the loop that applies them.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .masthead import masthead_role
from .model import BlockKind, Line, Marker, Span
from .numbering import ANNEX, choose, list_letter, markers_at, paragraph_prefix
from .regions import CAPTION
from .rules import CONTINUE, Context, Start, emphasized, masthead_open, strip_leading, tight_below
from .text_utils import ends_clause, ends_sentence, split_spans_at
from .thresholds import LAYOUT
from .vocab import MONTHS, PREAMBLE_START

NOTE_MARKER = regex.compile(r"^(?P<num>\d{1,3}|\*{1,3})(?P<old>/)?(?=\s|$|\p{Han})")
MASTHEAD_NOTE = regex.compile(r"^(?P<num>\*{1,3})\s*(?=\S)")
_QUOTE_NUM = (
    r"(?:[IVXLC]{1,6}|[A-Z]|\d{1,4}(?:/\d{1,4}){0,2}(?:\s?[A-Z])?|[A-Z]{1,3}-\d{1,2}/\d{1,4}|[一二三四五六七八九十]{1,3})"
)
QUOTE_HEADING = regex.compile(
    r"^(?:(?:Draft (?:resolution|decision)|Proyecto de (?:resolución|decisión)|Projet de (?:résolution|décision)"
    r"|Проект (?:резолюции|решения)|(?:决议|决定)草案|مشروع (?:القرار|المقرر))(?:\s*" + _QUOTE_NUM + r")?"
    r"|(?:Resolution|Decision|Resolución|Decisión|Résolution|Décision|Резолюция|Решение|القرار|المقرر"
    r"|Agreed conclusions|Conclusions concertées|Conclusiones convenidas|Согласованные выводы)\s+"
    + _QUOTE_NUM
    + r"(?:\s*\([A-Z0-9.-]{1,16}\))?)\s*$"
)
"""The heading of a quoted draft resolution or decision, or of a resolution, decision or agreed conclusions a
report reproduces: ``Draft resolution``, ``Draft decision II``, ``Resolution 68/1``, ``Decision 2025/3``,
``Agreed conclusions 586 (EX-LXXVII)`` (the session a board numbers them in may follow; a bare ``Decision`` is
not one)."""
FIGURE_SOURCE = regex.compile(
    r"^(?:Sources?|Notes?|Fuentes?|Notas?|Source|Источник|Источники|Примечание|资料来源|来源|注|المصدر|المصادر)\s*[:：]"
)


def region_rule(line: Line, ctx: Context) -> Start | None:
    """A table or figure the reader found is a block of its own, set apart from the running text."""
    if line.region is None:
        return None
    return Start(line.region.kind, line.region.title, role="region", region=line.region, ends_masthead=True)


def footnote_rule(line: Line, ctx: Context) -> Start | None:
    """A definition opens with its number (superscript or plain) inside the footnote zone."""
    in_notes = line.footnote_block or line.zone == "footnote"
    if not in_notes:
        return None
    marker, rest = _note_marker(line)
    if marker is not None and not _continues_note(line, ctx, marker):
        return Start("footnote", rest, marker)
    if marker is not None and (line.page_start or line.blank_before or ctx.open_kind != "footnote"):
        return Start("footnote", line.spans, None, continues=True)
    if ctx.open_kind == "footnote" and not line.page_start and not line.blank_before:
        return CONTINUE  # wrapped line of the open note
    return Start("footnote", line.spans, None, continues=True)


def masthead_note_rule(line: Line, ctx: Context) -> Start | None:
    """``* A/73/150.``: the note of the masthead's asterisk."""
    if not masthead_open(line, ctx) and ctx.seen.paragraph:
        return None
    match = MASTHEAD_NOTE.match(line.text)
    if match is None or not line.text.strip("* "):
        return None
    star = match.group("num")
    rest = split_spans_at(line.spans, match.end())[1]
    return Start("footnote", rest, Marker("note", star, star, len(star)))


def annex_rule(line: Line, ctx: Context) -> Start | None:
    """``Annex`` / ``Annex II`` alone on its line opens an annex (which numbers its own paragraphs)."""
    match = ANNEX.match(line.text.strip())
    if match is None:
        return None
    printed = match.group(0).strip()
    return Start("heading", (), Marker("annex", printed, match.group("num") or "", 1), role="annex", ends_masthead=True)


def quote_rule(line: Line, ctx: Context) -> Start | None:
    """``Draft decision I``, ``Resolution 68/1`` alone on a line in the body: a quoted text that numbers its own
    paragraphs starts (the document's own numbering resumes after it)."""
    if masthead_open(line, ctx) or QUOTE_HEADING.match(line.text.strip()) is None:
        return None
    return Start("heading", line.spans, Marker("quote", "", "", ctx.quotes + 1), role="quote", ends_masthead=True)


def numbered_rule(line: Line, ctx: Context) -> Start | None:
    """Chapters, sections, paragraphs and sub-paragraphs, by their official markers; inside a quoted text, a
    marker that takes up the document's own numbering (and not the quote's) ends the quote. Paragraph numbers
    run on through a document (an annex starts again), so a ``1.`` where they have run further is a list or a
    text the document quotes (an agenda, a decision under its own heading): it opens a quote of its own."""
    text = line.text
    candidates = markers_at(text.lstrip(), ctx.language)
    marker = choose(candidates, ctx.seen)
    if marker is None:
        return None
    if ctx.outer is not None and _resumes_outer(candidates, marker, ctx):
        verdict = numbered_rule(line, replace(ctx, seen=ctx.outer, outer=None, quote=0))
        return replace(verdict, ends_quote=True) if verdict is not None else None
    offset = len(text) - len(text.lstrip()) + len(marker.printed)
    rest = strip_leading(split_spans_at(line.spans, offset)[1])
    rest_text = "".join(s.text for s in rest)
    worded = " " in marker.printed.strip() and marker.printed.rstrip()[-1:] not in ".-–—"  # ``Chapter IV``: title below
    if marker.level in ("chapter", "section"):
        if (len(rest_text) > LAYOUT.max_heading_chars and not line.heading_level) or not (rest_text.strip() or worded):
            return None
        if _initial(line, ctx, marker, rest_text):
            return None
        return Start("heading", rest, marker, ends_masthead=True)
    if not _opens_block(line, ctx, marker):
        return None
    if _is_subsection_heading(line, ctx, marker, rest_text):
        return Start("heading", rest, Marker("subsection", marker.printed, marker.num, marker.ordinal))
    if _is_lettered_heading(line, ctx, marker, rest_text):
        return Start("heading", line.spans)
    kind: BlockKind = "paragraph" if marker.level == "paragraph" else "subparagraph"
    restarts = marker.level == "paragraph" and marker.ordinal == 1 and ctx.seen.paragraph >= 1
    restarts = restarts and paragraph_prefix(marker) in ("", ctx.seen.prefix)  # ``3.II.1`` after ``3.I.9``: a new part
    return Start(kind, rest, marker, ends_masthead=True, opens_quote=restarts)


_RESUMING = ("chapter", "section", "paragraph")
"""Levels whose next number, printed after a quoted text, shows the document's own text going on."""


def _resumes_outer(candidates: list[Marker], inner: Marker, ctx: Context) -> bool:
    """Whether a marker in a quoted text takes up the document's own numbering: it is the document's next chapter,
    section or paragraph and not the quote's next number; a chapter or section number the quote could start with
    is the document's while the quote has no chapters or sections of its own (quoted drafts seldom have any)."""
    outer = ctx.outer
    resumed = choose(candidates, outer) if outer is not None else None
    if outer is None or resumed is None or resumed.level not in _RESUMING:
        return False
    if resumed.ordinal != outer.last(resumed.level) + 1:
        return False
    if inner.ordinal != ctx.seen.last(inner.level) + 1:
        return True
    return resumed.level in ("chapter", "section") and not ctx.seen.chapter and not ctx.seen.section


def preamble_rule(line: Line, ctx: Context) -> Start | None:
    """``The General Assembly,`` in the body opens a preamble (a resolution's, or one a report quotes); with its
    comma it ends a masthead still open (a draft whose title is not one the kind knows: ``Draft resolution
    submitted by the Vice-President …``), where the organ's own line (``大会``, ``Генеральная Ассамблея``) has none."""
    text = line.text.strip()
    if PREAMBLE_START.match(text) and (not masthead_open(line, ctx) or text.endswith((",", "，", "،"))):
        return Start("text", line.spans, role="preamble_intro", ends_masthead=True)
    return None


def masthead_line_rule(line: Line, ctx: Context) -> Start | None:
    """Before the body starts, a line opens a masthead block when it announces a role of its own
    (``Distr.: General``, ``第七十三届会议``) or follows a gap; other lines wrap into the open block, and so does
    a line the layout wrapped from a full line of unfinished running text, whatever its first words look like
    (``…请秘书长向大会`` / ``第七十三届会议报告该决议执行情况…``)."""
    if not masthead_open(line, ctx):
        return None
    role = masthead_role(line.text)
    previous = ctx.last_line
    indented = line.typeset and previous is not None and line.indent > previous.indent + LAYOUT.first_line_indent_em
    wraps = (
        ctx.open_kind == "masthead"
        and (not role or (line.runs_on and not ends_sentence(ctx.open_text)))
        and ctx.open_role in ("", "doc_type", "title", "resolution_title", "body")
        and not ((line.blank_before and not _title_leading(line, ctx)) or line.heading_level or ctx.open_markdown)
        and not (line.page_start and ends_sentence(ctx.open_text))
        and line.bold == ctx.open_bold
        and not (indented and ctx.open_role == "")
    )
    if wraps:
        return CONTINUE
    if not role and (line.page_start or ctx.open_kind == "footnote") and ctx.last_masthead_text:
        # the summary box runs over a page break (and the masthead notes at its foot)
        resumes = not ends_sentence(ctx.last_masthead_text)
        return Start("masthead", line.spans, continues=resumes)
    return Start("masthead", line.spans, role=role)


def heading_wrap_rule(line: Line, ctx: Context) -> Start | None:
    """A numbered heading may run onto a second line: same style, no gap, no full stop yet."""
    if ctx.open_kind != "heading" or line.blank_before or line.page_start or line.heading_level:
        return None
    wraps = not ctx.open_markdown and not ends_sentence(ctx.open_text) and line.bold == ctx.open_bold
    return CONTINUE if wraps else Start("text", line.spans)


def markdown_heading_rule(line: Line, ctx: Context) -> Start | None:
    """A line the source marks as a heading (markdown ``#``, a heading style) and no number claimed."""
    if line.heading_level:
        return Start("heading", line.spans)
    return None


def figure_rule(line: Line, ctx: Context) -> Start | None:
    """``Figure IV`` / ``Table 2`` / ``图一``: a caption opens its own block and never continues a paragraph;
    what follows it belongs to it up to and including its ``Source:`` line. After a table or figure
    region, its ``Source:`` and ``Note:`` lines are notes of the region."""
    if masthead_open(line, ctx):
        return None
    if CAPTION.match(line.text):
        return Start("text", line.spans, role="figure")
    if ctx.open_role == "region" and FIGURE_SOURCE.match(line.text):
        return Start("text", line.spans, role="region_note")
    if ctx.open_role == "region_note" and not line.blank_before and not line.page_start:
        return CONTINUE if not FIGURE_SOURCE.match(line.text) else Start("text", line.spans, role="region_note")
    if ctx.open_role != "figure" or line.page_start or not ctx.figure:
        return None
    if ctx.figure == "source" and line.blank_before:
        return None
    return _FIGURE_SOURCE_LINE if FIGURE_SOURCE.match(line.text) else CONTINUE


_FIGURE_SOURCE_LINE = Start("text", (), carry_on=True, figure_source=True)
"""A verdict: the line carries on the open figure and is its ``Source:`` line."""


def new_text_rule(line: Line, ctx: Context) -> Start | None:
    """An unnumbered line after a gap or a page break: new text, or the rest of an interrupted paragraph."""
    interrupted = ctx.since_body > 0 or line.page_start
    if not (line.blank_before or interrupted):
        return None
    if ctx.open_kind == "footnote" and not interrupted:
        return Start("text", line.spans)
    last = ctx.last_body_text.rstrip()
    if ctx.open_kind in ("heading", "masthead") or not last or ctx.open_role == "preamble_intro":
        return Start("text", line.spans)
    # a page break (seen as notes in between, or in a text rendering only as a blank line) leaves the
    # paragraph mid-sentence; where breaks are exact a gap on the same page is a real paragraph break
    blank_only = not line.exact_breaks and last[-1] not in ":：;；"
    resumes = not ends_sentence(last) and (interrupted or blank_only)
    if line.typeset and interrupted and line.indent < LAYOUT.flush_em and not emphasized(line):
        resumes = True  # flush with the column after a page break, in body type: the paragraph goes on
    elif line.typeset and line.indent > LAYOUT.first_line_indent_em:
        resumes = False  # a first-line indent opens a new paragraph
    elif not line.typeset and ctx.preamble and last[-1] in ",，،" and line.text.lstrip()[:1].isupper():
        resumes = False  # a rendering's recitals: each ends with a comma and the next opens with a capital
    return Start("text", line.spans, continues=resumes)


# --- helpers ----------------------------------------------------------------


def _note_marker(line: Line) -> tuple[Marker | None, tuple[Span, ...]]:
    spans = line.spans
    first = spans[0] if spans else None
    if first is not None and first.sup and NOTE_MARKER.match(first.text.strip()):
        num = first.text.strip().rstrip("/")
        return Marker("note", first.text.strip(), num, _note_ordinal(num)), strip_leading(spans[1:])
    match = NOTE_MARKER.match(line.text)
    if match is None:
        return None, spans
    num = match.group("num")
    printed = match.group(0)
    return Marker("note", printed, num, _note_ordinal(num)), strip_leading(split_spans_at(spans, match.end())[1])


def _continues_note(line: Line, ctx: Context, marker: Marker) -> bool:
    """``17 March 2022, and …``, ``15 日。``, ``13 (September 2015).``: a plain number opening a line of the notes
    is the wrapped text of the open note, not a note of its own, where the document's note numbers are set as
    superscripts, where it is the day of a date, or where it is neither the next note's number nor one that a
    call has used."""
    first = line.spans[0] if line.spans else None
    if not marker.num.isdigit() or ctx.last_note == 0 or (first is not None and first.sup):
        return False
    if ctx.note_sup or DATE_AFTER.match(line.text[len(marker.printed) :]):
        return True
    return not (marker.ordinal == ctx.last_note + 1 or (marker.ordinal > ctx.last_note and marker.ordinal in ctx.calls))


DATE_AFTER = regex.compile(r"^\s*(?:\(\s*)?(?:(?:de\s+)?(?:" + "|".join(MONTHS) + r")\b|[日月年号])", regex.IGNORECASE)
"""After a number, what makes it a day of a date or a volume's issue: a month's name, ``日`` / ``月`` / ``年``."""


def _title_leading(line: Line, ctx: Context) -> bool:
    """The reader's gap above ``line`` is a masthead title's looser leading (``tight_below``); not after a finished
    sentence: a summary in tight type parts its paragraphs by less (UMing 10 pt: 0.65 em), and no title line
    ends with a full stop."""
    return tight_below(line, ctx) and not ends_sentence(ctx.open_text)


def _note_ordinal(num: str) -> int:
    return int(num) if num.isdigit() else len(num)


def _initial(line: Line, ctx: Context, marker: Marker, rest: str) -> bool:
    """``E. Rinkevich, then Minister …``, ``M. Varik and …``: an initial opening a line of running text, not a
    chapter or section: its letter does not continue its level, and the line is set in body type (headings are
    bold or italic) or, where the typography is not known, a name and a comma follow it."""
    if marker.ordinal == ctx.seen.last(marker.level) + 1:
        return False
    if line.typeset:
        return not emphasized(line)
    return _NAME_AND_COMMA.match(rest) is not None


_NAME_AND_COMMA = regex.compile(r"^\p{Lu}[\p{Ll}’'-]+,\s")
"""A surname and a comma: ``Rinkevich, then …`` (a heading does not break after its first word)."""


def _is_subsection_heading(line: Line, ctx: Context, marker: Marker, rest: str) -> bool:
    """``1. De facto replacement``, ``1. Food systems``: a short numbered line with no full stop, in bold where
    the typography is known, inside a chapter or section whose number restarts far below the running paragraph
    numbers is a sub-heading, not a paragraph."""
    if marker.level != "paragraph" or not (ctx.seen.section or ctx.seen.chapter) or masthead_open(line, ctx):
        return False
    if marker.ordinal >= ctx.seen.paragraph or marker.ordinal > LAYOUT.max_sub_heading_number:
        return False
    if ctx.seen.paragraph < LAYOUT.min_paragraphs_before_sub_headings:
        return False
    if len(rest) > LAYOUT.max_sub_heading_chars or ends_sentence(rest):
        return False
    if line.typeset:  # set in bold, it may wrap after a comma or colon (``… countries,`` / ``… settings:``)
        return line.bold
    return not ends_clause(rest)


def _opens_block(line: Line, ctx: Context, marker: Marker) -> bool:
    """A paragraph marker at a line start opens a block only where a block can start; a section-prefixed number
    (``34.1``) only where it continues the running prefix, or as the first of a new prefix where a block starts."""
    if marker.printed.startswith("©"):  # Word's AutoCorrect made ``(c)`` a copyright sign: only as the third item
        return ctx.seen.subparagraph == 2
    if paragraph_prefix(marker) not in ("", ctx.seen.prefix):
        return marker.ordinal == 1 and _block_can_start(line, ctx)
    if marker.level == "paragraph" and marker.ordinal > LAYOUT.max_paragraph_out_of_sequence:
        return marker.ordinal == ctx.seen.paragraph + 1
    if marker.ordinal == ctx.seen.last(marker.level) + 1 or marker.ordinal == 1:
        return not _wraps_mid_sentence(line, ctx, marker)
    if _runs_inline(line, ctx, marker):
        return False
    if _block_can_start(line, ctx):
        return True
    previous = ctx.open_text.rstrip()
    if marker.level == "paragraph":
        return ends_sentence(previous) or ends_clause(previous)
    return ends_clause(previous) or ends_sentence(previous)


def _wraps_mid_sentence(line: Line, ctx: Context, marker: Marker) -> bool:
    """``… se prepare un documento de antecedentes`` / ``i) que refleje …``: a first item at a line start where the
    layout is exact, right under running text that ends neither a sentence nor a clause (a list's introduction
    ends with a colon), is the open text's inline list wrapped there, not a list of its own."""
    if marker.level not in ("subparagraph", "subsubparagraph") or marker.ordinal != 1 or not line.exact_breaks:
        return False
    if _block_can_start(line, ctx) or ctx.open_kind not in ("text", "paragraph", "subparagraph"):
        return False
    previous = ctx.open_text.rstrip()
    return bool(previous) and not (ends_sentence(previous) or ends_clause(previous))


def _block_can_start(line: Line, ctx: Context) -> bool:
    """After a gap or a page break, or where no paragraph is open."""
    return line.blank_before or line.page_start or ctx.open_kind in (None, "heading", "footnote", "masthead")


def _runs_inline(line: Line, ctx: Context, marker: Marker) -> bool:
    """``… were: (a) statehood;`` / ``(b) independence …``: the open text runs its list inline and the line
    wrapped before the next item; the item is not a block of its own (the inline list is split later)."""
    if marker.level != "subparagraph" or marker.ordinal < 2 or line.blank_before or line.page_start:
        return False
    return f"({list_letter(marker.ordinal - 1)})" in ctx.open_text


def _is_lettered_heading(line: Line, ctx: Context, marker: Marker, rest: str) -> bool:
    """``(a) Consideration of a proposal …`` / ``(b) Community health workers`` / ``(ii) Strengthened …``: a lettered
    or roman line set wholly in bold or italic, or hanging out to the left of the column (a heading style; list
    items are set in), with no full stop or list punctuation, after a heading or a finished paragraph (not under a
    list's introduction) heads the numbered paragraphs below it; its letter is kept in its text."""
    if marker.level not in ("subparagraph", "subsubparagraph") or masthead_open(line, ctx):
        return False
    if not (emphasized(line) or _hangs(line, ctx)):
        return False
    if len(rest) > LAYOUT.max_sub_heading_chars or ends_sentence(rest) or _LIST_END.search(rest.rstrip()):
        return False
    return not ends_clause(ctx.open_text.rstrip()) and ctx.seen.paragraph > 0


def _hangs(line: Line, ctx: Context) -> bool:
    """The line starts out to the left of the column's edge and of the line above it (a heading's number set out in
    the margin; where a layout sets every number out so, the line above a list item is no further in)."""
    previous = ctx.last_line
    if not line.typeset or line.indent > -LAYOUT.heading_hang_em or previous is None:
        return False
    return line.indent < previous.indent - LAYOUT.heading_hang_em


_LIST_END = regex.compile(r"[;；:：,，、؛،]\s*(?:and|or|et|ou|y|o|и|или|و)?$")
"""A list item's punctuation (``…;``, ``…; and``); a heading may wrap after a bare ``and``."""
