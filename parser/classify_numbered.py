"""The numbered-marker rule: chapters, sections, paragraphs and sub-paragraphs by their official markers.

What a marker at a line start is (a heading, a paragraph, an item, a sub-heading, running text), and where a
quoted text's own numbering starts and ends; see ``classify_rules`` for the other rules and ``rules`` for the
contract they share.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .model import BlockKind, Line, Marker
from .numbering import LATIN_LANGS, choose, int_to_roman, list_letter, markers_at, paragraph_prefix, roman_to_int
from .rules import Context, Start, after_marker, emphasized, masthead_open
from .text_utils import ends_clause, ends_sentence
from .thresholds import LAYOUT


def numbered_rule(line: Line, ctx: Context) -> Start | None:
    """Chapters, sections, paragraphs and sub-paragraphs, by their official markers; inside a quoted text, a
    marker that takes up the document's own numbering (and not the quote's) ends the quote. Paragraph numbers
    run on through a document (an annex starts again), so a ``1.`` where they have run further is a list or a
    text the document quotes (an agenda, a decision under its own heading): it opens a quote of its own."""
    text = line.text
    candidates = markers_at(text.lstrip(), ctx.language) or _bare_chapter(line, ctx)
    marker = _nested_roman(candidates, ctx) or _inline_next(candidates, line, ctx) or choose(candidates, ctx.seen)
    if marker is None or _raised(line):
        return None
    if ctx.outer is not None and _resumes_outer(candidates, marker, ctx):
        verdict = numbered_rule(line, replace(ctx, seen=ctx.outer, outer=None, quote=0))
        return replace(verdict, ends_quote=True) if verdict is not None else None
    rest = after_marker(line, len(marker.printed))
    rest_text = "".join(s.text for s in rest)
    worded = " " in marker.printed.strip() and marker.printed.rstrip()[-1:] not in ".-–—"  # ``Chapter IV``: title below
    if marker.level in ("chapter", "section"):
        if (len(rest_text) > LAYOUT.max_heading_chars and not line.heading_level) or not (rest_text.strip() or worded):
            return None
        if _initial(line, ctx, marker, rest_text) or _table_row(ctx, marker):
            return None
        again = _chapters_again(candidates, marker, ctx)
        return Start("heading", rest, again or marker, ends_masthead=True, opens_quote=again is not None)
    if not _opens_block(line, ctx, marker):
        return None
    if _is_subsection_heading(line, ctx, marker, rest_text):
        return Start("heading", rest, Marker("subsection", marker.printed, marker.num, marker.ordinal))
    if _is_lettered_heading(line, ctx, marker, rest_text):
        return Start("heading", line.spans)
    kind: BlockKind = "paragraph" if marker.level == "paragraph" else "subparagraph"
    restarts = marker.level == "paragraph" and marker.ordinal == 1 and ctx.seen.paragraph >= 1
    restarts = restarts and paragraph_prefix(marker) in ("", ctx.seen.prefix)  # ``3.II.1`` after ``3.I.9``: a new part
    restarts = restarts or (marker.level == "paragraph" and SUBSTITUTE.match(ctx.open_text.strip()) is not None)
    return Start(kind, rest, marker, ends_masthead=True, opens_quote=restarts)


SUBSTITUTE = regex.compile(
    r"^(?:For the existing text substitute|Replace the existing text (?:with|by)|(?:Insert|Add) (?:a )?new paragraphs?\b"
    r"|Remplacer le texte existant par|Sustitúyase el texto (?:existente|actual) por|Заменить существующий текст)"
    r"[^.]{0,80}[:.]?$"
)
"""A corrigendum's instruction: the numbered paragraph after it is the text to put in (quoted, with the number of
the paragraph it replaces), not the corrigendum's own next item."""


def _raised(line: Line) -> bool:
    """``⁵. The four vacancies …``: the line opens with a superscript, a note's call carried over from the line above
    (official numbers are set in the body's type); the footnote rule has already taken the notes' own marks."""
    first = next((s for s in line.spans if s.text.strip()), None)
    return first is not None and first.sup and line.typeset


_BARE_ROMAN = regex.compile(r"^(?P<num>[IVXLC]{1,7})\s+(?=\p{Lu})")
"""``II Organization of work``: a chapter number whose full stop the source left out."""


def _bare_chapter(line: Line, ctx: Context) -> list[Marker]:
    """``II Organization of work`` between chapters ``I.`` and ``III.``: a roman number without its full stop opens
    a chapter where it is the document's next chapter (never the first: ``I`` is also a word) on a line set wholly
    in bold, as chapter headings are."""
    match = _BARE_ROMAN.match(line.text.lstrip())
    if match is None or not ctx.seen.chapter or not (line.bold or emphasized(line)) or ctx.language not in LATIN_LANGS:
        return []
    ordinal = roman_to_int(match.group("num"))
    if ordinal != ctx.seen.chapter + 1:
        return []
    return [Marker("chapter", match.group("num"), match.group("num"), ordinal)]


def _nested_roman(candidates: list[Marker], ctx: Context) -> Marker | None:
    """``(h) … in the areas of:`` / ``(i) Civil and political rights``: under an item that ends with a colon, ``(i)``
    opens the item's roman list, though a letter ``(i)`` would continue the lettered one."""
    roman = next((m for m in candidates if m.level == "subsubparagraph" and m.ordinal == 1), None)
    if roman is None or ctx.open_kind != "subparagraph" or not ctx.open_text.rstrip().endswith((":", "：")):
        return None
    return roman


def _chapters_again(candidates: list[Marker], marker: Marker, ctx: Context) -> Marker | None:
    """``I.`` where the document's chapters and paragraphs have started and no section ``I`` is due: a text the
    document quotes (amendments to a budget's components ``I.``, ``II.`` …) numbers its own chapters; the chapter
    reading, which opens a quote of its own."""
    one = next((m for m in candidates if m.level == "chapter" and m.ordinal == 1), None)
    if one is None or ctx.outer is not None or not ctx.seen.chapter or not ctx.seen.paragraph:
        return None
    return None if marker.level == "section" and marker.ordinal == ctx.seen.section + 1 else one


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


def _initial(line: Line, ctx: Context, marker: Marker, rest: str) -> bool:
    """``E. Rinkevich, then Minister …``, ``M. Varik and …``: an initial opening a line of running text, not a
    chapter or section: its letter does not continue its level, and the line is set in body type (headings are
    bold or italic) or, where the typography is not known, a name and a comma follow it."""
    if marker.ordinal == ctx.seen.last(marker.level) + 1:
        return False
    if line.typeset:
        return not emphasized(line)
    return _NAME_AND_COMMA.match(rest) is not None


def _table_row(ctx: Context, marker: Marker) -> bool:
    """``C. Substantive deliverables`` under ``Table 26.2`` and its column heading: a category row of a table read as
    lines, not a section, when its letter does not continue the document's sections (it skips or repeats one)."""
    return ctx.under_caption and marker.ordinal != ctx.seen.last(marker.level) + 1


_NAME_AND_COMMA = regex.compile(r"^\p{Lu}[\p{Ll}’'-]+,\s")
"""A surname and a comma: ``Rinkevich, then …`` (a heading does not break after its first word)."""


def _is_subsection_heading(line: Line, ctx: Context, marker: Marker, rest: str) -> bool:
    """``1. De facto replacement``, ``1. Food systems``: a short numbered line with no full stop, in bold where
    the typography is known, inside a chapter or section whose number restarts far below the running paragraph
    numbers is a sub-heading, not a paragraph; so is one that continues the sub-headings (``3. British Virgin
    Islands`` / ``4. Cayman Islands``) where it does not continue the paragraphs."""
    if marker.level != "paragraph" or not (ctx.seen.section or ctx.seen.chapter) or masthead_open(line, ctx):
        return False
    if ctx.seen.subsection and marker.ordinal == ctx.seen.subsection + 1 and marker.ordinal != ctx.seen.paragraph + 1:
        return len(rest) <= LAYOUT.max_sub_heading_chars and not ends_sentence(rest) and (line.bold or not line.typeset)
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
    if _wrapped_item(line, ctx, marker):
        return False
    if marker.ordinal == ctx.seen.last(marker.level) + 1 or marker.ordinal == 1:
        return True
    if _runs_inline(line, ctx, marker):
        return False
    if _block_can_start(line, ctx):
        return True
    previous = _CALL_AFTER_STOP.sub("", ctx.open_text.rstrip())
    if marker.level == "paragraph":
        return ends_sentence(previous) or ends_clause(previous)
    return ends_clause(previous) or ends_sentence(previous)


_CALL_AFTER_STOP = regex.compile(r"(?<=(?:\p{Ll}{2}|[)\]”’\"»])[.!?][”’\"»)]?|[。！？][”’\"»)]?)\s?\d{1,3}$")
"""``… human rights.36``, ``… neglected. 120``: a note's call a plain rendering wrote after the full stop as digits
(not yet known as a call here); the sentence ended before it. Never after an initial or a roman number
(``paragraph 27.II.4`` / ``(a)``)."""


def _wrapped_item(line: Line, ctx: Context, marker: Marker) -> bool:
    """``… reflects the net impact of:`` / ``(a) reduced requirements …``: an item's marker the layout wrapped to the
    start of a line (the line above filled the column, no gap) set no further in than the open text's last line runs
    on in that text, as its Word file has it; items of their own are set in, after a gap."""
    if marker.ordinal != 1 or not (line.typeset and line.runs_on) or line.blank_before or line.page_start:
        return False  # a later item is inline where the open text has the one before it (``_runs_inline``)
    opens = ctx.open_kind in ("paragraph", "text") and marker.level == "subparagraph"
    opens = opens or (ctx.open_kind in ("paragraph", "text", "subparagraph") and marker.level == "subsubparagraph")
    return opens and line.indent <= ctx.body_indent + LAYOUT.flush_em


def _block_can_start(line: Line, ctx: Context) -> bool:
    """After a gap or a page break, or where no paragraph is open."""
    return line.blank_before or line.page_start or ctx.open_kind in (None, "heading", "footnote", "masthead")


def _inline_next(candidates: list[Marker], line: Line, ctx: Context) -> Marker | None:
    """``… (iii) space debris; (iv) transparency …;`` / ``(v) civil …``: the reading of an ambiguous marker whose
    number comes next in the list the open text runs inline (``(v)`` roman, not the letter, after ``(iv)``)."""
    if len(candidates) < 2:
        return None
    return next((m for m in candidates if _runs_inline(line, ctx, m)), None)


def _runs_inline(line: Line, ctx: Context, marker: Marker) -> bool:
    """``… were: (a) statehood;`` / ``(b) independence …``, ``OAIS: (i) provided …; (ii) conducted …;`` / ``(iii) …``:
    the open text runs its list inline and the line
    wrapped before the next item; the item is not a block of its own (the inline list is split later)."""
    if marker.level not in ("subparagraph", "subsubparagraph") or marker.ordinal < 2 or line.blank_before:
        return False
    if line.page_start and not (line.typeset and abs(line.indent - ctx.body_indent) < LAYOUT.flush_em):
        return False  # at a page's top, only a line set flush with the text it carries on (no item's indent)
    before = list_letter(marker.ordinal - 1) if marker.level == "subparagraph" else int_to_roman(marker.ordinal - 1).lower()
    return f"({before})" in ctx.open_text


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
