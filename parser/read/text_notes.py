"""Notes at the end of a page of a text rendering: number + text above the footer, linked to calls in the page's text.

A plain rendering (``pdftotext``, pdfplumber, pymupdf4llm) has no footnote rule: the notes are the last
lines of each page's text, each starting with its number (``1 联合国…``, or ``1`` alone on its line and the
text on the next), and the calls are digits glued to the text (``…的工作文件。17``). A page's trailing run
of lines is taken for its notes when it opens with the next note number of the document and that
number is called in the text above it; note numbers then run on in order, and the lines between two
numbers continue the note before. A ``*`` note may open the run where a ``*`` is called above: ``*`` alone on its
line (the text after the footer, as pdftotext orders the blocks), or a list item (``- text``: a markdown
rendering takes ``* text`` for one). Lines taken are put in the footnote zone; the classifier and the
call stage do the rest.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import regex

from ..classify_rules import DATE_AFTER
from ..furniture import page_numbers
from ..model import Line, Span
from ..numbering import ANNEX
from ..text_utils import ends_sentence, split_spans_at
from .pdf_zones import NOTES_HEADING
from .text_pages import FINISHED, FULL_LINE, LAYOUT_HEADING_LEVEL, body_measure, cells, first_word

NOTE_START = regex.compile(
    r"^(?P<n>\d{1,3})(?:\s+(?=\S)|$|(?=[\p{Han}《“「])|(?=(?:1[5-9]|20)\d\d(?!\d))|(?=\p{Lu}(?:\p{Ll}|\p{Lu}+\b)))"
)
"""A note's number and its text; a rendering may drop the space before Chinese text (pdfplumber: ``10联合国…``),
before a year opening the note (``132016 年，爱沙尼亚…``: note 13; the year takes the last four digits) or before a
capitalised word (``16Nancy Morrow-Howell``, ``15PYXERA Global``)."""
STAR_NOTE = regex.compile(r"^\*{1,3}(?:\s+\S|$)")
BULLET_STAR = regex.compile(r"^[-•]\s+(?=\S)")
"""A ``*`` note as a markdown rendering writes it: ``* text`` at a line's start is a list item, printed ``- text``."""
BODY_START = regex.compile(r"^(?:\d{1,3}[.．]|[一二三四五六七八九十]{1,3}[.、．]|[IVXLC]{1,7}\.|[A-ZА-Я]\.)(?:\s|$)")
"""A paragraph, chapter or section number: never inside the notes at a page's foot."""


def text_notes(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put a rendering's notes into the footnote zone: an endnotes section, and the notes at each page's end."""
    if any(line.zone == "footnote" or line.footnote_block for line in lines):
        return lines  # the rendering marks its notes itself (a rule, markdown definitions)
    start = _endnotes_start(lines)
    end = next((i for i in range(start, len(lines)) if ANNEX.match(lines[i].text.strip())), len(lines))
    endnotes = tuple(replace(line, zone="footnote", footnote_block=True) for line in lines[start:end])
    body = page_end_notes(lines[:start])
    if endnotes and body and not body[-1].heading_level:  # the ``Notes`` heading over them heads no paragraph's text
        body = (*body[:-1], replace(body[-1], heading_level=LAYOUT_HEADING_LEVEL))
    return links_after_colons(lone_calls(displaced_numbers(mark_note_numbers(body + endnotes + lines[end:]))))


def _endnotes_start(lines: tuple[Line, ...]) -> int:
    """The first line of an endnotes section: after a ``Notes`` heading, when note 1 opens one of the next lines."""
    for index, line in enumerate(lines):
        if NOTES_HEADING.match(line.text.strip()):
            after = lines[index + 1 : index + 4]
            if any((m := NOTE_START.match(a.text.strip())) and m.group("n") == "1" for a in after):
                return index + 1
    return len(lines)


def page_end_notes(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put the notes at the end of each page (pages start at ``page_start`` lines) into the footnote zone."""
    pages = _pages(lines)
    if len(pages) < 2:
        return lines  # no page break: nothing says where a page ends
    out: list[Line] = []
    next_note = 1
    for page in pages:
        start, next_note = _notes_start(page, next_note, excerpt=not any(line.zone == "footnote" for line in out))
        if start < len(page) and out and out[-1].zone == "footnote" and not ends_sentence(out[-1].text):
            start = _carried_over(page, start, tuple(out))
        out.extend(page[:start])
        notes = [*page[start:]]
        if notes and (bullet := BULLET_STAR.match(notes[0].text.lstrip())):
            cut = len(notes[0].text) - len(notes[0].text.lstrip()) + bullet.end()
            notes[0] = replace(notes[0], spans=(Span("* "), *split_spans_at(notes[0].spans, cut)[1]))
        out.extend(replace(line, zone="footnote", footnote_block=True) for line in notes)
    return tuple(out)


CARRIED_LINES = 3
"""lines: the most of a note left unfinished at a page's foot that a rendering sets above the next page's notes."""
NOTE_WIDER = 1.08
"""share of the body's measure: lines wider than this are set in a note's smaller type (more characters to the line)."""


def _carried_over(page: tuple[Line, ...], start: int, above: tuple[Line, ...]) -> int:
    """Where the page's notes begin when the last note of the page before runs on: the block just above the
    page's first note (``Future”, Annals of … Economics`` before ``3``) continues it, if it is a block of its own
    (a blank line above it; in a rendering without blank lines, the lines after the last one that ends a sentence)
    that opens with no paragraph number, and short (``CARRIED_LINES``) or, at any length, set in the notes' smaller
    type: each line but its last wider than the body's measure (of the pages ``above`` and this page's text).
    Where the block above the notes is a paragraph, the note's rest may follow its last line with no blank line
    between (raw ``pdftotext``): the lines after a short line that ends a sentence (the paragraph ended there)."""
    blank = next((j for j in range(start - 1, 0, -1) if page[j].blank_before), None)
    if blank is not None and _continues(page[blank:start], body_measure((*above, *page[:blank]))):
        return blank
    measure = body_measure((*above, *page[:start]))
    for j in range(start - 1, 0 if blank is None else blank, -1):
        finished = FINISHED.search(page[j - 1].text.rstrip()) is not None  # perhaps with its call (``中间。5``)
        if finished and (blank is None or cells(page[j - 1].text) < FULL_LINE * measure):
            return j if _continues(page[j:start], body_measure((*above, *page[:j]))) else start
    return start


def _continues(block: tuple[Line, ...], measure: int) -> bool:
    """Whether ``block`` may be the rest of a note: no paragraph number or heading in it, and short or set in small
    type."""
    small_type = measure > 0 and len(block) > 1 and all(cells(line.text) > NOTE_WIDER * measure for line in block[:-1])
    if len(block) > CARRIED_LINES and not small_type:
        return False
    return not any(BODY_START.match(line.text.strip()) or line.heading_level for line in block)


def _pages(lines: tuple[Line, ...]) -> list[tuple[Line, ...]]:
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.page_start and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return [tuple(page) for page in pages]


def _notes_start(page: tuple[Line, ...], next_note: int, *, excerpt: bool = False) -> tuple[int, int]:
    """Where the page's notes begin (``len(page)`` when it has none), and the next note number after them.

    Before the document's first notes (``excerpt``) the run may open with any number: an excerpt of a document
    numbers its notes on from the whole document's (``6``, ``7`` under paragraph 12). Then at least two numbers must
    follow each other and be called in that order above, or a ``*`` note stand before them."""
    for first in range(1, len(page)):
        numbers = _run_of_notes(page[first:], next_note, star_first=True, any_start=excerpt)
        if numbers is None:
            continue
        called = " ".join(line.text for line in page[:first])
        head = [n for n in numbers if n is not None]
        if head and not _called(called, head[0]):
            continue
        if head and head[0] != next_note and not _excerpt_run(called, numbers):
            continue
        if not head and "*" not in called:
            continue
        return first, (head[-1] + 1 if head else next_note)
    return len(page), next_note


def _run_of_notes(
    tail: tuple[Line, ...], next_note: int, *, star_first: bool, any_start: bool = False
) -> list[int | None] | None:
    """The note numbers opening the lines of ``tail`` if it is a run of notes from ``next_note`` on (``None`` for a
    ``*`` note), else ``None``. Every line must be a note's start or a continuation of the note before. With
    ``any_start`` the first numbered note may have any number, and the run goes on from it."""
    text = tail[0].text.strip()
    numbers: list[int | None] = []
    if star_first and (STAR_NOTE.match(text) or BULLET_STAR.match(text)):
        numbers.append(None)
    else:
        match = NOTE_START.match(text)
        if match is None or (int(match.group("n")) != next_note and not any_start):
            return None
        next_note = int(match.group("n"))
        numbers.append(next_note)
        next_note += 1
    for line in tail[1:]:
        match = NOTE_START.match(line.text.strip())
        if match is not None and any_start and not any(n is not None for n in numbers):
            next_note = int(match.group("n"))  # the first numbered note after a ``*`` note opens the run
        if match is not None and int(match.group("n")) == next_note:
            numbers.append(next_note)
            next_note += 1
        elif BODY_START.match(line.text.strip()) or line.heading_level:
            return None  # a numbered paragraph or a heading after it: this is not the page's foot
    return numbers


def _excerpt_run(called: str, numbers: list[int | None]) -> bool:
    """A run that opens on a number other than 1 before any note: a ``*`` note first, or its first two numbers
    follow each other and are called in that order in the text above."""
    head = [n for n in numbers if n is not None]
    if numbers[0] is None:
        return True
    if len(head) < 2 or head[1] != head[0] + 1:
        return False
    first = _call_at(called, head[0])
    return first is not None and _call_at(called[first:], head[1]) is not None


def _call_at(text: str, number: int) -> int | None:
    match = regex.search(rf"(?<![\d./\-:])(?:\[{number}\]|{number})(?![\d/\-:%]|[.,]\d)", text)
    return match.end() if match else None


def _called(text: str, number: int) -> bool:
    """``number`` stands in the text as a call: digits not part of a longer number, a date or a symbol."""
    return _call_at(text, number) is not None


LOST_NUMBERS = 2
"""note numbers: how many a rendering may lose between two notes it keeps (raw ``pdftotext`` draws the number of a
note that opens with a field, or sits beside a table, elsewhere on the page) and still be read as one run."""


def mark_note_numbers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Set as superscripts the numbers that open notes in the notes the text path found, as the page printed them.

    In the footnote zone every line opening with a number is a candidate; the notes are the longest run of
    candidates whose numbers go up by one, or skip at most ``LOST_NUMBERS`` numbers the rendering lost. A
    number off that run (``15 日。``, ``13 (September 2015).``, a lone ``4`` displaced to the page's end) stays
    text of the note before; the classifier then takes only raised numbers for notes."""
    candidates = [(i, n) for i, line in enumerate(lines) if (n := _note_number(line)) is not None]
    if not candidates:
        return lines
    best: list[tuple[int, int]] = []  # per candidate: (length of the best run ending here, previous candidate)
    for k, (_, number) in enumerate(candidates):
        options = [(best[j][0] + 1, j) for j in range(max(0, k - 40), k)
                   if 0 < number - candidates[j][1] <= LOST_NUMBERS + 1]  # fmt: skip
        best.append(max(options, default=(1, -1)))
    k = max(range(len(candidates)), key=lambda j: (best[j][0], -j))
    chosen: set[int] = set()
    while k >= 0:
        chosen.add(candidates[k][0])
        k = best[k][1]
    out = list(lines)
    for index in chosen:
        line = lines[index]
        match = NOTE_START.match(line.text)
        assert match is not None
        rest = split_spans_at(line.spans, match.end("n"))[1]
        out[index] = replace(line, spans=(Span(match.group("n"), sup=True), *rest))
    return tuple(out)


def _note_number(line: Line) -> int | None:
    """The number opening a line of the footnote zone (not a day: ``15 日。``), if any."""
    if line.zone != "footnote" or not line.spans or line.spans[0].sup:
        return None
    match = NOTE_START.match(line.text)
    if match is None or line.text != line.text.lstrip() or DATE_AFTER.match(line.text[match.end("n") :]):
        return None
    return int(match.group("n"))


NOTES_MEASURE = 0.98
"""percentile of the notes' line widths taken for their column's width."""


def displaced_numbers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put back a note's number that raw ``pdftotext`` wrote apart from its note: where the notes skip one number
    (``3 For relevant …`` / ``JS7, p.8.`` / ``5 JS7, …``) and that number stands alone on a line of the same page's
    notes (at the page's end, above its page number), the note it numbers is the first line after the note before's
    first that follows a short line (the note before ended there: with this line's first word it would have fitted).
    The lone number becomes that line's raised number; where no such line is found, nothing moves."""
    notes = [(i, int(line.spans[0].text)) for i, line in enumerate(lines) if _raised_number(line)]
    if len(notes) < 2:
        return lines
    page = page_numbers(lines) or [1] * len(lines)
    widths = sorted(cells(line.text) for line in lines if line.zone == "footnote" and line.text.strip())
    measure = widths[int(len(widths) * NOTES_MEASURE)]  # notes are mostly short: their wrapped lines are the widest
    alone: dict[tuple[int, str], list[int]] = {}  # (page, number) -> the notes' lines that are that number, unraised
    for k, line in enumerate(lines):
        if line.zone == "footnote" and LONE_NUMBER.match(text := line.text.strip()) and not line.spans[0].sup:
            alone.setdefault((page[k], text), []).append(k)
    moved: dict[int, Line] = {}
    gone: set[int] = set()
    for (i, before), (j, after) in pairwise(notes):
        lone = alone.get((page[i], str(before + 1)), []) if after == before + 2 else []
        if len(lone) != 1:
            continue
        first = i if lines[i].text.strip() != lines[i].spans[0].text.strip() else i + 1  # the note before's first text
        for m in range(first + 1, j):
            if m in lone or lines[m].zone != "footnote":
                continue
            above = lines[m - 1] if m - 1 not in lone else lines[m - 2]
            if cells(above.text) + first_word(lines[m].text) < FULL_LINE * measure:
                moved[m] = replace(lines[m], spans=(Span(str(before + 1), sup=True), Span(" "), *lines[m].spans))
                gone.add(lone[0])
                break
    return tuple(moved.get(k, line) for k, line in enumerate(lines) if k not in gone)


def _raised_number(line: Line) -> bool:
    return line.zone == "footnote" and bool(line.spans) and line.spans[0].sup and line.spans[0].text.isdigit()


LINK_ALONE = regex.compile(r"^(?:https?://|www\.)\S+$")
"""A line that is a web address and nothing else (perhaps with the full stop after it)."""
OPENS_WHAT_FOLLOWS = regex.compile(r"[:：]$")


def links_after_colons(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put back a web address a rendering drew before the words that introduce it: raw ``pdftotext`` writes a note's
    pieces in the order the PDF draws them, and a link is drawn apart (``PYXERA Global, …”,`` / ``www.pyxeraglobal.org。``
    / ``可 查 阅 ：``). Where a note's last line ends with a colon and the line above it is an address alone, the
    address follows the colon; a line keeps its place's blank line and page start."""
    out = list(lines)
    for k in range(1, len(lines)):
        line, link = lines[k], lines[k - 1]
        following = lines[k + 1] if k + 1 < len(lines) else None
        if line.zone != "footnote" or link.zone != "footnote" or (line.spans and line.spans[0].sup):
            continue
        if following is not None and following.zone == "footnote" and not (following.spans and following.spans[0].sup):
            continue  # not the note's last line
        if OPENS_WHAT_FOLLOWS.search(line.text.rstrip()) and LINK_ALONE.match(link.text.strip()):
            out[k - 1] = replace(line, blank_before=link.blank_before, page_start=link.page_start)
            out[k] = replace(link, blank_before=line.blank_before, page_start=line.page_start)
    return tuple(out)


LONE_NUMBER = regex.compile(r"^\d{1,3}$")


def lone_calls(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A note's call a rendering set on a line of its own after the sentence it ends (pymupdf4llm makes the raised
    number a block: ``…苦苦挣扎的年轻人中间。`` / ``5``): a line that is only the number of one of the document's
    notes, right after running text that ends a sentence, is that text's call (a raised number at its end)."""
    notes = {line.spans[0].text for line in lines if line.zone == "footnote" and line.spans and line.spans[0].sup}
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        text = line.text.strip()
        if (
            previous is not None
            and LONE_NUMBER.match(text)
            and text in notes
            and line.zone == previous.zone != "footnote"
            and not (previous.heading_level or previous.region or line.region or previous.footnote_block)
            and ends_sentence(previous.text)
        ):
            out[-1] = replace(previous, spans=(*previous.spans, Span(text, sup=True)))
            continue
        out.append(line)
    return tuple(out)
