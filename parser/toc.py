"""Tables of contents: found among the lines and carried on as one region, never as numbered structure.

A table of contents is a run of entries, each a title (often after its chapter or section number) ended
by a dot leader and the printed page number (``I. Introduction . . . . . 3``); an entry may wrap over
several lines, the page number may stand on a line of its own, and a heading (``Contents``, ``目录``,
``Содержание`` …) and a ``Page`` column heading may open it. Read as body text, its entries would be
taken for the chapters and sections themselves and every real chapter after it would be numbered
wrongly, so ``lines_to_toc`` replaces each run by one line holding a ``toc`` region: one row per entry
(number, title, page). The dot leaders are recorded as dropped furniture. A reader that found the contents
as a table (a Word file's ``Contents`` over a table of entries and page numbers) has its table made the same
region, entry by row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from .model import Box, Cell, Dropped, Line, Region, Source, Span
from .numbering import markers_at
from .text_utils import ends_sentence, split_spans_at
from .thresholds import LAYOUT

TOC_HEADING = regex.compile(
    r"^(?:Contents|CONTENTS|Table of contents|Table of Contents|TABLE OF CONTENTS|Table des matières|"
    r"TABLE DES MATIÈRES|Содержание|СОДЕРЖАНИЕ|Índice|ÍNDICE|目录|目\s*录|المحتويات)"
    r"(?:\s+(?:Page|Pages|Página|Páginas|Стр\.|Страница|页次|页码|الصفحة))?\s*$"
)
"""The heading of a table of contents, alone on its line (a ``Page`` column heading may follow it)."""
_COLUMN = (
    r"(?:Chapter|Chapters|Section|Paragraphs?|Page|Pages|Capítulo|Párrafos|Página|Páginas|Chapitre|Paragraphes"
    r"|Глава|Пункты|Стр\.|Страница|章次|段次|页次|页码|الفصل|الفقرات|الصفحة)"
)
PAGE_HEADING = regex.compile(rf"^\s*{_COLUMN}(?:\s+{_COLUMN}){{0,2}}\s*$")
"""The column headings over a table of contents' entries: ``Page``, ``Chapter Page``, ``Paragraphs Page``."""
_PAGE = r"(?:\d{1,4}|\(?[ivxlc]{1,6}\)?)"
_PAGES = rf"{_PAGE}(?:\s*[-–]\s*{_PAGE})?"
LEADER = regex.compile(rf"(?:\s?[.…·]){{6,}}(?=\s*(?:{_PAGES}(?:\s+{_PAGE})?)?\s*$)|(?: \.){{3,}}(?=\s+\d{{1,4}}\s*$)")
"""A dot leader ending the line, before the page number (or the paragraphs' range, and the page) if the line has
one (``. . . . . . 3``, ``…… 12``, ``. . . . 29 - 40``, ``. . . (i) - (ix)``, ``…… 6–56 1``); an ellipsis is shorter (a
leader of three spaced dots is one where a page number ends it: ``… attention . . . 5``)."""
PAGE_ONLY = regex.compile(r"^\s*(?P<page>\d{1,4}|[ivxlc]{1,6})\s*$")
LOOKAHEAD = 6
"""lines: how far a wrapped entry may run before the line with its leader."""


@dataclass(frozen=True, slots=True)
class _Entry:
    lines: tuple[Line, ...]
    page: tuple[Span, ...] = ()
    leader: bool = False


SHORT_LEADER = regex.compile(r"(?: \.){3,}\s*$")
"""A leader of a few spaced dots ending a line whose page number the reader set on a line of its own (``… in
2025*** . . . . .`` / ``3``: a long title leaves room for five dots)."""


def find_leader(line: Line, after: Line | None = None) -> regex.Match[str] | None:
    """The line's dot leader: ``LEADER``, or a ``SHORT_LEADER`` when the next line ``after`` is a page number alone."""
    match = LEADER.search(line.text)
    if match is None and after is not None and PAGE_ONLY.match(after.text):
        match = SHORT_LEADER.search(line.text)
    return match


def is_entry(line: Line, after: Line | None = None) -> bool:
    """The line ends an entry: a title, then a dot leader (and the page number, or it on the line ``after``)."""
    match = find_leader(line, after)
    if match is None:
        return False
    title = line.text[: match.start()].strip()
    return bool(title) and len(title) <= LAYOUT.max_heading_chars and not ends_sentence(title)


def lines_to_toc(lines: tuple[Line, ...], language: str) -> tuple[tuple[Line, ...], tuple[Dropped, ...]]:
    """The lines with each table of contents replaced by one line holding its region; the leaders dropped."""
    out: list[Line] = []
    dropped: list[Dropped] = []
    index = 0
    while index < len(lines):
        table = lines[index + 1].region if index + 1 < len(lines) else None
        if TOC_HEADING.match(lines[index].text.strip()) and table is not None and contents_table(table):
            out.append(table_to_toc(lines[index], lines[index + 1], language))
            index += 2
            continue
        end = _toc_end(lines, index, carried=lines[index].page_start and _last_is_toc(out))
        if end == index:
            out.append(lines[index])
            index += 1
            continue
        line, leaders = _toc_line(lines[index:end], language)
        _append_toc(out, line, lines[index])
        dropped.extend(leaders)
        index = end
    return tuple(out), tuple(dropped)


def _append_toc(out: list[Line], line: Line, first: Line) -> None:
    """Append a table of contents' line; its entries carry on the one before where it opens the next page with no
    heading of its own and only notes lie between (a contents that runs over a page break is one)."""
    before = next((k for k in range(len(out) - 1, -1, -1) if out[k].zone != "footnote" and not out[k].footnote_block), None)
    previous = out[before].region if before is not None else None
    region = line.region
    if before is None or previous is None or previous.kind != "toc" or region is None or not first.page_start or region.title:
        out.append(line)
        return
    rows = region.rows[region.header_rows :]  # a ``Page`` heading repeated over the page's entries
    out[before] = replace(out[before], region=replace(previous, rows=previous.rows + rows))


def contents_table(region: Region) -> bool:
    """A table under a ``Contents`` heading that is the contents: every row ends in a page number, a ``Page``
    column heading or nothing (``Annex`` over its entries), and two rows at least in a page number."""
    if region.kind != "table":
        return False
    ends = [row[-1].text.strip() for row in region.rows if row and any(c.text.strip() for c in row)]
    pages = sum(1 for end in ends if PAGE_ONLY.match(end))
    return pages >= 2 and all(not end or PAGE_ONLY.match(end) or PAGE_HEADING.match(end) for end in ends)


def table_to_toc(heading: Line, table: Line, language: str) -> Line:
    """A contents table (``contents_table``) and its heading as one ``toc`` line: its ``Page`` row as the column
    headings, each other row an entry (number, title, page) whose title is its cells before the page."""
    assert table.region is not None
    header: list[Cell] = []
    rows: list[tuple[Cell, ...]] = []
    for row in table.region.rows:
        filled = [cell for cell in row if cell.text.strip()]
        if not filled:
            continue
        if not rows and all(PAGE_HEADING.match(cell.text) for cell in filled):
            header.extend(Cell(cell.spans, source=cell.source) for cell in filled)
            continue
        page = row[-1].spans if PAGE_ONLY.match(row[-1].text) else ()
        spans: list[Span] = []
        for cell in filled[:-1] if page else filled:
            spans.extend(((Span(" "),) if spans else ()) + cell.spans)
        rows.append(_cells(tuple(spans), page, filled[0].source or table.source, language))
    region = Region("toc", (tuple(header), *rows) if header else tuple(rows), 1 if header else 0,
                    source=table.region.source or table.source, title=heading.spans)  # fmt: skip
    return Line((), heading.source, blank_before=heading.blank_before, page_start=heading.page_start, region=region)


def _last_is_toc(out: list[Line]) -> bool:
    """The last line out of the notes is a table of contents."""
    last = next((line for line in reversed(out) if line.zone != "footnote" and not line.footnote_block), None)
    return last is not None and last.region is not None and last.region.kind == "toc"


def _toc_end(lines: tuple[Line, ...], start: int, *, carried: bool = False) -> int:
    """The end of the table of contents starting at ``start`` (``start`` itself when none starts there)."""
    line = lines[start]
    if line.zone == "footnote" or line.footnote_block or line.region is not None:
        return start
    # a contents carried to the next page may repeat its ``Page`` column heading there
    heading = TOC_HEADING.match(line.text.strip()) is not None or (line.page_start and PAGE_HEADING.match(line.text) is not None)
    if not heading and not is_entry(line) and not (carried and _wraps_into_entry(lines, start)):
        return start
    index = start + 1 if heading else start
    entries = 0
    while index < len(lines):
        current = lines[index]
        if current.zone == "footnote" or current.footnote_block or current.region is not None:
            break
        if is_entry(current, lines[index + 1] if index + 1 < len(lines) else None):
            entries += 1
            index += 1
        elif PAGE_ONLY.match(current.text) or PAGE_HEADING.match(current.text) or _wraps_into_entry(lines, index):
            index += 1
        else:
            break
    if not (entries >= 2 or (heading and entries >= 1)):
        return start
    return _annex_list_end(lines, index)


ANNEX_LIST = regex.compile(
    r"^(?:Annexes|Annex|Appendices|Appendix|Annexes and appendices|Anexos|Apéndices|Appendices|Приложения|附件|المرفقات)\s*$"
)
"""The heading of the list of annexes a contents page may end with (its entries have no page numbers: the annexes
are issued apart or online)."""


def _annex_list_end(lines: tuple[Line, ...], index: int) -> int:
    """Where a table of contents that ``index`` would end goes on to: through a list of annexes under its own
    heading right after it, to the end of its page (``Annexes`` / ``1. The OAIS charter`` / ``2. …``): read as body
    text, those entries would be taken for the document's first paragraphs."""
    page = lines[index - 1].source.page
    if index >= len(lines) or page is None or lines[index].source.page != page:
        return index
    if not ANNEX_LIST.match(lines[index].text.strip()):
        return index
    end = index
    while end < len(lines) and lines[end].source.page == page:
        current = lines[end]
        if current.zone == "footnote" or current.footnote_block or current.region is not None:
            break
        if len(current.text) > LAYOUT.max_heading_chars:
            return index
        end += 1
    return end


def _wraps_into_entry(lines: tuple[Line, ...], index: int) -> bool:
    """A line without a leader is part of the table when an entry's leader follows within a few short lines."""
    for current in lines[index : index + LOOKAHEAD + 1]:
        if current.zone == "footnote" or current.region is not None:
            return False
        if is_entry(current):
            return True
        text = current.text.strip()
        if len(text) > LAYOUT.max_heading_chars or ends_sentence(text):
            return False
    return False


def _toc_line(run: tuple[Line, ...], language: str) -> tuple[Line, tuple[Dropped, ...]]:
    title: tuple[Span, ...] = ()
    body = run
    if TOC_HEADING.match(run[0].text.strip()):
        title, body = run[0].spans, run[1:]
    entries: list[_Entry] = []
    dropped: list[Dropped] = []
    header: list[Line] = []
    for k, line in enumerate(body):
        if PAGE_HEADING.match(line.text):
            header.append(line)
            continue
        page_only = PAGE_ONLY.match(line.text)
        if page_only and entries and not entries[-1].page:
            entries[-1] = replace(entries[-1], page=line.spans, lines=entries[-1].lines + (line,))
            continue
        if page_only and entries:  # the page's own number, at its foot
            dropped.append(Dropped("page_number", line.text.strip(), line.source))
            continue
        match = find_leader(line, body[k + 1] if k + 1 < len(body) else None)
        starts = not entries or entries[-1].leader or (bool(markers_at(line.text.lstrip(), language)) and match is None)
        starts = starts or ANNEX_LIST.match(line.text.strip()) is not None or line.text.lstrip().startswith("(")
        if match is None:
            entry = _Entry((line,)) if starts else replace(entries[-1], lines=entries[-1].lines + (line,))
        else:
            before, after = split_spans_at(line.spans, match.start())
            leader, page = split_spans_at(after, match.end() - match.start())
            dropped.append(Dropped("leader", "".join(s.text for s in leader), line.source))
            cut = replace(line, spans=before)
            entry = _Entry((cut,)) if starts else replace(entries[-1], lines=entries[-1].lines + (cut,))
            entry = replace(entry, leader=True, page=page if "".join(s.text for s in page).strip() else ())
        if starts:
            entries.append(entry)
        else:
            entries[-1] = entry
    rows = tuple(_row(entry, language) for entry in entries)
    heading_cells = tuple(Cell(line.spans, source=line.source) for line in header)
    region = Region("toc", (heading_cells, *rows) if heading_cells else rows, 1 if heading_cells else 0,
                    source=_union(run), title=title)  # fmt: skip
    return Line((), run[0].source, blank_before=run[0].blank_before, page_start=run[0].page_start, region=region), tuple(dropped)


def _row(entry: _Entry, language: str) -> tuple[Cell, ...]:
    """An entry as its cells: the number as printed (empty when unnumbered), the title, the page."""
    spans: list[Span] = []
    for line in entry.lines:
        if PAGE_ONLY.match(line.text) and line is entry.lines[-1] and entry.page:
            continue
        if spans:
            spans.append(Span(" "))
        spans.extend(line.spans)
    return _cells(tuple(spans), entry.page, entry.lines[0].source, language)


def _cells(spans: tuple[Span, ...], page: tuple[Span, ...], source: Source, language: str) -> tuple[Cell, ...]:
    """An entry's text and page as its three cells: the number as printed (empty when unnumbered), the title, the page."""
    text = "".join(s.text for s in spans)
    stripped = text.lstrip()
    markers = markers_at(stripped, language)
    offset = len(text) - len(stripped) + (len(markers[0].printed) if markers else 0)
    num, title = split_spans_at(spans, offset)
    return (Cell(_trim(num), source=source), Cell(_trim(title), source=source), Cell(_trim(page), source=source))


def _trim(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    text = "".join(s.text for s in spans)
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return split_spans_at(split_spans_at(spans, right)[0], left)[1]


def _union(run: tuple[Line, ...]) -> Source:
    first = run[0].source
    boxes = [line.source.bbox for line in run if line.source.bbox is not None and line.source.page == first.page]
    if not boxes:
        return first
    box = Box(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes))
    return Source(first.line, first.page, box)
