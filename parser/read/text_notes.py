"""Notes at the end of a page of a text rendering: number + text above the footer, linked to calls in the page's text.

A plain rendering (``pdftotext``, pdfplumber, pymupdf4llm) has no footnote rule: the notes are the last
lines of each page's text, each starting with its number (``1 联合国…``, or ``1`` alone on its line and the
text on the next), and the calls are digits glued to the text (``…的工作文件。17``). A page's trailing run
of lines is taken for its notes when it opens with the next note number of the document and that
number is called in the text above it; note numbers then run on in order, and the lines between two
numbers continue the note before. Lines taken are put in the footnote zone; the classifier and the
call stage do the rest.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Line

NOTE_START = regex.compile(r"^(?P<n>\d{1,3})(?:\s+(?=\S)|$)")
STAR_NOTE = regex.compile(r"^\*{1,3}\s+\S")
BODY_START = regex.compile(r"^(?:\d{1,3}[.．]|[一二三四五六七八九十]{1,3}[.、．]|[IVXLC]{1,7}\.|[A-ZА-Я]\.)(?:\s|$)")
"""A paragraph, chapter or section number: never inside the notes at a page's foot."""


def page_end_notes(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put the notes at the end of each page (pages start at ``page_start`` lines) into the footnote zone."""
    if any(line.zone == "footnote" or line.footnote_block for line in lines):
        return lines  # the rendering marks its notes itself (a rule, markdown definitions)
    pages = _pages(lines)
    if len(pages) < 2:
        return lines  # no page break: nothing says where a page ends
    out: list[Line] = []
    next_note = 1
    for page in pages:
        start, next_note = _notes_start(page, next_note)
        out.extend(page[:start])
        out.extend(replace(line, zone="footnote", footnote_block=True) for line in page[start:])
    return tuple(out)


def _pages(lines: tuple[Line, ...]) -> list[tuple[Line, ...]]:
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.page_start and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return [tuple(page) for page in pages]


def _notes_start(page: tuple[Line, ...], next_note: int) -> tuple[int, int]:
    """Where the page's notes begin (``len(page)`` when it has none), and the next note number after them."""
    for first in range(1, len(page)):
        numbers = _run_of_notes(page[first:], next_note, star_first=True)
        if numbers is None:
            continue
        called = " ".join(line.text for line in page[:first])
        head = [n for n in numbers if n is not None]
        if head and not _called(called, head[0]):
            continue
        if not head and "*" not in called:
            continue
        return first, (head[-1] + 1 if head else next_note)
    return len(page), next_note


def _run_of_notes(tail: tuple[Line, ...], next_note: int, *, star_first: bool) -> list[int | None] | None:
    """The note numbers opening the lines of ``tail`` if it is a run of notes from ``next_note`` on (``None`` for a
    ``*`` note), else ``None``. Every line must be a note's start or a continuation of the note before."""
    text = tail[0].text.strip()
    numbers: list[int | None] = []
    if star_first and STAR_NOTE.match(text):
        numbers.append(None)
    else:
        match = NOTE_START.match(text)
        if match is None or int(match.group("n")) != next_note:
            return None
        numbers.append(next_note)
        next_note += 1
    for line in tail[1:]:
        match = NOTE_START.match(line.text.strip())
        if match is not None and int(match.group("n")) == next_note:
            numbers.append(next_note)
            next_note += 1
        elif BODY_START.match(line.text.strip()) or line.heading_level:
            return None  # a numbered paragraph or a heading after it: this is not the page's foot
    return numbers


def _called(text: str, number: int) -> bool:
    """``number`` stands in the text as a call: digits not part of a longer number, a date or a symbol."""
    return regex.search(rf"(?<![\d./\-:])(?:\[{number}\]|{number})(?![\d./\-:%])", text) is not None
