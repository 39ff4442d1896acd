"""The classification rules every kind of document shares, in the order they are tried.

Each looks at one line and the read-only context and returns a verdict (``Start``, ``CONTINUE``)
or ``None``; see ``rules`` for the contract and ``classify`` for the loop that applies them.
"""

from __future__ import annotations

import regex

from .masthead import DANGLING, masthead_role
from .model import Line, Marker, Span
from .numbering import ANNEX
from .regions import CAPTION
from .rules import CONTINUE, Context, Start, emphasized, masthead_open, strip_leading, tight_below
from .text_utils import ends_sentence, split_spans_at
from .thresholds import LAYOUT
from .vocab import MONTHS, PREAMBLE_START, SUMMARY

NOTE_MARKER = regex.compile(r"^(?P<num>\d{1,3}|\*{1,3})(?:(?P<old>/)|(?<=\d)\.)?(?=\s|$|\p{Han})")
"""A note's mark at the start of a line of the notes: ``9``, ``*``, the old style's ``9/``, or ``9.`` with a full stop."""
NOTE_LETTER = regex.compile(r"^[a-z]$")
"""A raised letter opening a note: the summary's notes (``a``) apart from the body's numbered ones."""
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
    r"^(?:Sources?|Notes?|Abbreviations?|Fuentes?|Notas?|Source|Источник|Источники|Примечание|资料来源|来源|注|المصدر|المصادر)\s*[:：]"
)

TABLE_NOTE_MARK = regex.compile(r"[a-z]{1,2}|\*{1,3}")
"""The raised marker of a table's note: ``a``, ``aa``, ``*``."""


def region_rule(line: Line, ctx: Context) -> Start | None:
    """A table or figure the reader found is a block of its own, set apart from the running text. A figure with no
    text of its own inside a masthead begun (a line of it with a role: the symbol) and still open is the emblem (a
    supplement's cover sets it under the symbol, over ``United Nations``): the masthead goes on under it, and the
    emblem is page furniture (``pipeline.stage_masthead`` drops it). A
    brochure's cover, with no symbol over its pictures, is body."""
    if line.region is None:
        return None
    inside = bool(ctx.masthead_roles) and masthead_open(line, ctx)
    emblem = line.region.kind == "figure" and not line.region.labels and inside
    role = "emblem" if emblem else "region"
    return Start(line.region.kind, line.region.title, role=role, region=line.region, ends_masthead=not emblem)


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


ANNEXED = regex.compile(
    r"\b(?:annexed|annex)\s+to\s+(?:the\s+)?present\s+(?:resolution|decision)s?\b"
    r"|\bannexée?s?\s+à\s+la\s+présente\s+(?:résolution|décision)|\banexa(?:do|da)?s?\s+a\s+la\s+presente\s+(?:resolución|decisión)",
    regex.IGNORECASE,
)
"""A quoted resolution announcing its own annex: ``Endorses … decision C (71), annexed to the present resolution``."""


def annex_rule(line: Line, ctx: Context) -> Start | None:
    """``Annex`` / ``Annex II`` alone on its line opens an annex (which numbers its own paragraphs); inside a quoted
    text and not at a page's top (a document's annexes start on a new page) it is the quoted text's annex heading."""
    match = ANNEX.match(line.text.strip())
    if match is None:
        return None
    if ctx.quote and ((line.exact_breaks and not line.page_start) or ANNEXED.search(ctx.last_body_text)):
        return Start("heading", line.spans)  # a quoted resolution's own annex: on its page, or the one it just announced
    printed = match.group(0).strip()
    return Start("heading", (), Marker("annex", printed, match.group("num") or "", 1), role="annex", ends_masthead=True)


def quote_rule(line: Line, ctx: Context) -> Start | None:
    """``Draft decision I``, ``Resolution 68/1`` alone on a line in the body: a quoted text that numbers its own
    paragraphs starts (the document's own numbering resumes after it)."""
    if masthead_open(line, ctx) or QUOTE_HEADING.match(line.text.strip()) is None:
        return None
    return Start("heading", line.spans, Marker("quote", "", "", ctx.quotes + 1), role="quote", ends_masthead=True)


def preamble_rule(line: Line, ctx: Context) -> Start | None:
    """``The General Assembly,`` in the body opens a preamble (a resolution's, or one a report quotes); with its
    comma, or its article, it ends a masthead still open (a draft whose title is not one the kind knows: ``Draft
    resolution submitted by the Vice-President …``), where the organ's own line (``大会``, ``Генеральная Ассамблея``)
    has neither."""
    text = line.text.strip()
    closes = text.endswith((",", "，", "،")) or FORMULA_ARTICLE.match(text) is not None
    if PREAMBLE_START.match(text) and (not masthead_open(line, ctx) or closes):
        return Start("text", line.spans, role="preamble_intro", ends_masthead=True)
    return None


FORMULA_ARTICLE = regex.compile(r"^(?:The|El|La|Le|L['’]|إن)\s?")
"""A formula that opens with its article (``The Executive Board``, with no comma under an Executive Board's draft
decision) is never the organ's line of a masthead, which names the organ bare."""


def masthead_line_rule(line: Line, ctx: Context) -> Start | None:
    """Before the body starts, a line opens a masthead block when it announces a role of its own
    (``Distr.: General``, ``第七十三届会议``) or follows a gap; other lines wrap into the open block, and so does
    a line the layout wrapped from a full line of unfinished running text, whatever its first words look like
    (``…请秘书长向大会`` / ``第七十三届会议报告该决议执行情况…``), unless it is set in another type (a cover's
    ``Twenty-seventh session`` at 18 pt under its 28 pt title)."""
    if not masthead_open(line, ctx):
        return None
    role = masthead_role(line.text)
    previous = ctx.last_line
    indented = line.typeset and previous is not None and line.indent > previous.indent + LAYOUT.first_line_indent_em
    resized = previous is not None and line.size > 0 and abs(line.size - previous.size) >= LAYOUT.size_change_pt
    if ctx.open_role == "original_language" and line.text.strip()[:1].islower() and not line.blank_before:
        return CONTINUE  # ``Original: Arabic, English, Russian`` / ``and Spanish``
    wraps = (
        ctx.open_kind == "masthead"
        and (not role or (line.runs_on and not ends_sentence(ctx.open_text) and not resized) or DANGLING.search(ctx.open_text))
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
    wraps = wraps and SUMMARY.match(ctx.open_text.strip()) is None  # one word, a heading whole
    return CONTINUE if wraps else Start("text", line.spans)


def size_change_rule(line: Line, ctx: Context) -> Start | None:
    """A line set in another type size under a one-line block, which the layout did not wrap into it, starts a block
    of its own: a table's title and the unit line set smaller under it (``Financial resources`` /
    ``(Thousands of United States dollars)``) are a title and a line, not one sentence."""
    last = ctx.last_line
    if last is None or ctx.open_kind != "text" or ctx.open_role or masthead_open(line, ctx):
        return None
    if not (line.typeset and last.typeset) or line.runs_on or line.blank_before or line.page_start:
        return None
    if line.zone != "body" or last.zone != "body" or line.region is not None or last.region is not None:
        return None
    if not (line.size and last.size) or abs(line.size - last.size) < LAYOUT.size_change_pt:
        return None
    one_line = ctx.open_text.strip() == "".join(s.text for s in last.spans if not s.sup).strip()
    if not one_line or ends_sentence(ctx.open_text):
        return None
    return Start("text", line.spans)


def markdown_heading_rule(line: Line, ctx: Context) -> Start | None:
    """A line the source marks as a heading (markdown ``#``, a heading style) and no number claimed; in the body, a
    ``Summary`` alone on its line (a transmitted report's, on its own title page after the masthead's page)."""
    if line.heading_level or (not masthead_open(line, ctx) and SUMMARY.match(line.text.strip())):
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
    note = FIGURE_SOURCE.match(line.text) or _lettered_note(line)
    if ctx.open_role in ("region", "region_note") and note:
        return Start("text", line.spans, role="region_note")
    if ctx.open_role == "region_note" and not line.blank_before and not line.page_start:
        return CONTINUE
    if ctx.open_role != "figure" or line.page_start or not ctx.figure:
        return None
    if ctx.figure == "source" and line.blank_before:
        return None
    return _FIGURE_SOURCE_LINE if FIGURE_SOURCE.match(line.text) else CONTINUE


def _lettered_note(line: Line) -> bool:
    """A table's note under it: a raised letter or star, then its text (``a Funded under general temporary
    assistance.``)."""
    first = line.spans[0] if line.spans else None
    return first is not None and first.sup and TABLE_NOTE_MARK.fullmatch(first.text.strip()) is not None and len(line.spans) > 1


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
    if ctx.open_role in ("region", "region_note") and (emphasized(line) or ctx.last_body_emphasized):
        resumes = False  # a table's heading above it, or one over what follows: no paragraph runs on in a heading's type
    elif line.typeset and line.size and ctx.last_body_size and abs(line.size - ctx.last_body_size) >= LAYOUT.size_change_pt:
        resumes = False  # a paragraph keeps its type size over a page break (``Deliverables`` at 12 pt after a list at 8.5)
    elif line.typeset and interrupted and line.indent < LAYOUT.flush_em and not emphasized(line):
        resumes = True  # flush with the column after a page break, in body type: the paragraph goes on
    elif not line.typeset and line.runs_on and interrupted:
        resumes = True  # a rendering's full last line of the page above wrapped into this one
    elif line.typeset and line.indent > LAYOUT.first_line_indent_em and not (interrupted and _same_indent(line, ctx)):
        resumes = False  # a first-line indent opens a new paragraph (not a line set in as the text it carries on)
    elif not line.typeset and ctx.preamble and last[-1] in ",，،" and line.text.lstrip()[:1].isupper():
        resumes = False  # a rendering's recitals: each ends with a comma and the next opens with a capital
    return Start("text", line.spans, continues=resumes)


# --- helpers ----------------------------------------------------------------


def _same_indent(line: Line, ctx: Context) -> bool:
    """The line starts where the last line of body text did (an item's wrapped lines of an indented list), with a
    word, not a number or a bullet (``1.1.5 Free movement …`` under an unfinished line is an entry of its own); or
    with a year or an amount (``2025 System of National Accounts``), or with the next marker of an enumeration run
    inside the open text (``(ii) the registration …`` where ``… including through: (i) the implementation …``)."""
    if abs(line.indent - ctx.body_indent) >= LAYOUT.flush_em or emphasized(line):
        return False
    text = line.text.lstrip()
    if text[:1].isalpha() or _AMOUNT.match(text):
        return True
    inline = _INLINE_NEXT.match(text)
    return inline is not None and _inline_before(inline.group("mark"), ctx.open_text)


_AMOUNT = regex.compile(r"^\d{4,}(?:[,.]\d+)*\s+\p{L}")
"""A line opening with a year or a figure of four digits or more, then a word: never a paragraph's or an item's number."""
_INLINE_NEXT = regex.compile(r"^\((?P<mark>ii|iii|iv|v|vi|vii|viii|ix|x|[b-z])\)\s")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_INLINE_PREVIOUS = dict(zip(_ROMAN[1:], _ROMAN, strict=False))


def _inline_before(mark: str, text: str) -> bool:
    """The marker before ``mark`` (``(i)`` before ``(ii)``, ``(a)`` before ``(b)``) stands inside ``text``, after some
    words of it: the enumeration runs in the sentence, not as items of a list."""
    candidates = [p for p in (_INLINE_PREVIOUS.get(mark), chr(ord(mark) - 1) if len(mark) == 1 else None) if p]
    for previous in candidates:
        at = text.rfind(f"({previous}) ")
        if at > 0 and text[:at].strip():
            return True
    return False


def _note_marker(line: Line) -> tuple[Marker | None, tuple[Span, ...]]:
    spans = line.spans
    first = spans[0] if spans else None
    if first is not None and first.sup and (NOTE_MARKER.match(first.text.strip()) or NOTE_LETTER.match(first.text.strip())):
        num = first.text.strip().rstrip("/").removesuffix(".")
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
    if marker.printed.endswith("."):  # ``18. In 2024 …``: a note numbered like a paragraph; a wrapped line seldom opens so
        return not (marker.ordinal == ctx.last_note + 1 or (marker.ordinal > ctx.last_note and marker.ordinal in ctx.calls))
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
    return int(num) if num.isdigit() else ord(num) - ord("a") + 1 if NOTE_LETTER.match(num) else len(num)
