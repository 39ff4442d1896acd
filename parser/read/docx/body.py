"""The document body, its notes and its first-page header to ``Line``s, in reading order.

Every non-empty Word paragraph is one ``Line`` (``blank_before``: a Word paragraph always starts a new
one, ``exact_breaks``), with the type its style gives it (``typeset``) and the heading depth of a heading
style; an automatic number is written before its text as it is printed (``12.``, a space for the tab),
and the tabs of typed numbers (``12.⇥The Force…``) become one space. A table is one region line (merged
cells kept as spans); the notes a paragraph or a table calls follow it, as the notes of a page follow
its text, one footnote-zone line per note paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import regex
from lxml import etree

from ...model import Cell, Line, Region, Source, Span
from ...text_utils import ends_clause, ends_sentence
from .numbering import Numbering, format_number
from .package import W
from .runs import MC, Walk, paragraph_spans
from .styles import UN_TITLES, ParaStyle, Styles, twips

_OPENS_WITH_NUMBER = regex.compile(r"^\(?[\p{L}\d]{1,6}[.)](\s|$)")
"""``A.``, ``12.``, ``(a)``, ``IV.``: a paragraph that opens with its own number is a heading of its own."""
_SIZE_TOLERANCE = 0.5
"""Points: type sizes closer than this are the same size."""
_TABS = regex.compile(r"[ \t\u00a0]*\t[ \t]*|  +")
_BORDER_ROW = 60
"""Twips (3 pt): an empty table row no taller than this prints only its border, no band of white a reader sees
(the UN tables' last row, 1.45 pt high or set in 1 pt type, that draws the bottom rule)."""
_BODY_LEVEL = frozenset(W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))


@dataclass(slots=True)
class Reader:
    """Turns block-level XML into lines; keeps the note numbering and the notes still to be placed."""

    styles: Styles
    numbering: Numbering
    notes: dict[str, dict[str, etree._Element]]
    """``footnote``/``endnote`` → id → the note element."""
    formats: dict[str, str]
    """``footnote``/``endnote`` → Word's number format for its automatic marks."""
    counters: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    marks: dict[tuple[str, str], str] = field(default_factory=dict)
    pending: list[tuple[str, str]] = field(default_factory=list)
    index: int = 0
    body_size: float = 10.0
    in_header: bool = False
    chart_labels: Callable[[str], tuple[tuple[Span, ...], ...]] = lambda _rid: ()
    """A chart's own text (series names, categories) from its part, by relationship id."""

    def mark(self, kind: str, note: str, custom: str | None) -> str:
        """The mark of a note reference: its custom mark, or the next automatic number of its kind."""
        key = (kind, note)
        if key not in self.marks:
            if custom is not None:
                self.marks[key] = custom
            else:
                self.counters[kind] += 1
                self.marks[key] = format_number(self.counters[kind], self.formats.get(kind, "decimal"))
        return self.marks[key]

    def blocks(self, parent: etree._Element, *, layout_tables: bool = False) -> Iterator[Line]:
        """The lines of the block-level children of ``parent`` (the body, a header).

        ``layout_tables``: tables only lay text out (the masthead's), so their paragraphs are read as lines,
        row by row, instead of as a table region."""
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                yield from self.paragraph(child)
            elif tag == W + "tbl" and (layout_tables or is_box(child)):
                for cell in child.iter(W + "tc"):
                    if not any(a.tag == W + "tc" for a in cell.iterancestors() if a is not child and _inside(a, child)):
                        yield from self.blocks(cell, layout_tables=layout_tables)
            elif tag == W + "tbl":
                self.index += 1
                yield self.table(child)
                yield from self.flush()
            elif tag in _BODY_LEVEL:
                yield from self.blocks(child, layout_tables=layout_tables)

    def paragraph(self, element: etree._Element, *, zone: str = "body", note_mark: str = "") -> Iterator[Line]:
        self.index += 1
        line, boxes, figures = self.read(element, zone=zone, note_mark=note_mark)
        if line is not None:
            yield line
        laid_over: tuple[tuple[Span, ...], ...] = ()
        if figures and not self.in_header:  # text boxes set over a chart (its values typed in boxes) are its labels
            laid_over = tuple(box_line.spans for box in boxes if (box_line := self.line(box)) is not None)
            boxes = []
        for box in boxes:
            yield from self.paragraph(box)
        for k, rid in enumerate(figures if not self.in_header else ()):  # the masthead's emblem is no figure of the text
            source = Source(line=self.index)
            labels = (self.chart_labels(rid) if rid else ()) + (laid_over if k == 0 else ())
            region = Region("figure", labels=labels, source=source)
            yield Line((), source, blank_before=True, typeset=True, exact_breaks=True, region=region)
        if zone == "body":
            yield from self.flush()

    def line(self, element: etree._Element, *, zone: str = "body", note_mark: str = "") -> Line | None:
        """One paragraph as a line (``None`` when it prints nothing)."""
        return self.read(element, zone=zone, note_mark=note_mark)[0]

    def read(
        self, element: etree._Element, *, zone: str = "body", note_mark: str = ""
    ) -> tuple[Line | None, list[etree._Element], list[str]]:
        """One paragraph as a line (``None`` when it prints nothing), the text-box paragraphs anchored in it and
        its figures (chart relationship ids, ``""`` for a picture)."""
        ppr = element.find(W + "pPr")
        style_ref = ppr.find(W + "pStyle") if ppr is not None else None
        style = self.styles.paragraph(style_ref.get(W + "val") if style_ref is not None else None)
        contents = any(_TOC_STYLE.match(name) for name in style.chain)
        walk = Walk(self.styles, style, self.mark, note_mark=note_mark, tabs=contents)
        paragraph_spans(element, walk)
        if contents:
            walk.spans = _leader_to_page(walk.spans)
        if zone == "body":
            self.pending.extend(walk.calls)
        number = self._number(ppr, style.num_id, style.num_level)
        spans = _clean(([Span(number, bold=bool(style.props.bold), size=style.props.size or 0.0)] if number else []) + walk.spans)
        if not "".join(s.text for s in spans).strip():
            return None, walk.boxes, walk.figures
        first = style.first_line_twips
        ind = ppr.find(W + "ind") if ppr is not None else None
        if ind is not None and (ind.get(W + "firstLine") or ind.get(W + "hanging")):
            first = twips(ind.get(W + "firstLine")) - twips(ind.get(W + "hanging"))
        words = [s for s in spans if s.text.strip() and not s.sup]
        size = max((s.size for s in words), default=style.props.size or 0.0)
        # a heading style set smaller than body type is a line under a heading (``(Thousands of United States dollars)``)
        level = (style.heading_level or _outline_level(ppr, style)) if size + _SIZE_TOLERANCE >= self.body_size else 0
        line = Line(tuple(spans), Source(line=self.index), blank_before=True, heading_level=level,
                    zone="footnote" if zone == "footnote" else "body", size=size,
                    bold=bool(words) and all(s.bold for s in words), indent=max(0.0, first / 20 / self.body_size),
                    typeset=True, exact_breaks=True, footnote_block=zone == "footnote")  # fmt: skip
        return line, walk.boxes, walk.figures

    def _number(self, ppr: etree._Element | None, num_id: str | None, level: int) -> str:
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            ref = num.find(W + "numId")
            lvl = num.find(W + "ilvl")
            num_id = ref.get(W + "val") if ref is not None else num_id
            level = twips(lvl.get(W + "val")) if lvl is not None else level
        return self.numbering.number(num_id, level) if num_id else ""

    def flush(self) -> Iterator[Line]:
        """The notes called since the last flush, each once, in the order of their calls."""
        pending, self.pending = self.pending, []
        for kind, note in dict.fromkeys(pending):
            element = self.notes.get(kind, {}).get(note)
            if element is None:
                continue
            mark = self.marks.get((kind, note), "")
            self.notes[kind].pop(note)
            paragraphs = list(element.iter(W + "p"))
            # text set above the paragraph that holds the mark (a table's ``Note:`` typed into the note) is no part
            # of the note: it prints above it, unmarked
            marked = next((i for i, p in enumerate(paragraphs) if p.find(f".//{W}{kind}Ref") is not None), 0)
            for paragraph in paragraphs[:marked]:
                line = self.line(paragraph, zone="footnote")
                if line is not None:
                    yield line
            first = True
            for paragraph in paragraphs[marked:]:
                line = self.line(paragraph, zone="footnote", note_mark=mark if first else "")
                if line is None:
                    continue  # a later paragraph of the note carries it on, even if its author repeated the mark
                if first and not (line.spans and line.spans[0].sup):  # a custom mark is typed, not a ``footnoteRef``
                    line = replace(line, spans=(Span(mark, sup=True), Span(" "), *line.spans))
                first = False
                yield line

    def table(self, element: etree._Element) -> Line:
        """A table as one region line: rows of cells with their spans, merged cells left out as in HTML."""
        source = Source(line=self.index)
        rows: list[list[Cell]] = []
        header_rows = 0
        open_cells: dict[int, tuple[int, int]] = {}
        """Grid column → (row, cell index) of the cell a vertical merge started in."""
        for r, row in enumerate(element.findall(W + "tr")):
            cells: list[Cell] = []
            column = sum(twips(g.get(W + "val")) for g in row.iterfind(f"{W}trPr/{W}gridBefore"))
            for tc in _row_cells(row):
                tcpr = tc.find(W + "tcPr")
                span_el = tcpr.find(W + "gridSpan") if tcpr is not None else None
                col_span = max(1, twips(span_el.get(W + "val"))) if span_el is not None else 1
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                if merge is not None and merge.get(W + "val", "continue") == "continue" and column in open_cells:
                    at_row, at_cell = open_cells[column]
                    above = rows[at_row][at_cell]
                    rows[at_row][at_cell] = replace(above, row_span=above.row_span + 1)
                    column += col_span
                    continue
                if merge is not None and merge.get(W + "val") == "restart":
                    open_cells[column] = (r, len(cells))
                else:
                    open_cells.pop(column, None)
                cells.append(Cell(self.cell_spans(tc), 1, col_span, Source(line=self.index)))
                column += col_span
            rows.append(cells)
            if r == header_rows and row.find(f"{W}trPr/{W}tblHeader") is not None:
                header_rows += 1
        for row in reversed(element.findall(W + "tr")[header_rows:]):
            if len(rows) == 1 or not rows[-1] or any(c.text.strip() for c in rows[-1]) or not _border_only(row):
                break
            rows.pop()
        region = Region("table", tuple(tuple(c) for c in rows), header_rows, source=source)
        return Line((), source, blank_before=True, typeset=True, exact_breaks=True, region=region)

    def cell_spans(self, cell: etree._Element) -> tuple[Span, ...]:
        """A cell's paragraphs (those of a nested table too), one space between them."""
        out: list[Span] = []
        for paragraph in cell.iter(W + "p"):  # text-box paragraphs are descendants too; they are read where they stand
            if any(a.tag == MC + "Fallback" for a in paragraph.iterancestors()):
                continue
            line = self.line(paragraph)
            if line is not None:
                if out:
                    out.append(Span(" "))
                out.extend(line.spans)
        return tuple(out)


def _inside(node: etree._Element, top: etree._Element) -> bool:
    """``node`` is a descendant of ``top``."""
    return any(a is top for a in node.iterancestors())


def is_box(table: etree._Element) -> bool:
    """A table of one column: a box around text (a summary, a boxed note), read as the text it holds; not one
    with a header row repeated on each page (``Category and subcategory`` over a budget's deliverables)."""
    rows = table.findall(W + "tr")
    if any(row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows):
        return False
    return bool(rows) and all(sum(1 for _ in _row_cells(row)) == 1 for row in rows)


def _border_only(row: etree._Element) -> bool:
    """A row that prints only its border: no cell merged down into it, and an exact height of at most
    ``_BORDER_ROW`` or, with no taller height set, every paragraph's mark in type of at most 2 pt."""
    if row.find(f".//{W}vMerge") is not None:
        return False
    height = row.find(f"{W}trPr/{W}trHeight")
    if height is not None and height.get(W + "hRule") == "exact":
        return twips(height.get(W + "val")) <= _BORDER_ROW
    if height is not None and twips(height.get(W + "val")) > _BORDER_ROW:
        return False
    marks = [p.find(f"{W}pPr/{W}rPr/{W}sz") for p in row.iter(W + "p")]
    return bool(marks) and all(m is not None and twips(m.get(W + "val")) <= 2 * 2 for m in marks)


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag in _BODY_LEVEL:  # a content control or a tracked insertion around cells
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else None
            yield from _row_cells(content if content is not None else child)


_TOC_STYLE = regex.compile(r"^toc\s?[1-9]$")
"""Word's contents styles (``TOC1``, ``toc 1`` …): the paragraphs a ``TOC`` field writes, one entry each."""
_PAGE_AFTER = regex.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$")
LEADER = " " + ". " * 8
"""The dot leader Word prints for a contents entry's tab to its page number, as the table-of-contents stage reads it."""


def _leader_to_page(spans: list[Span]) -> list[Span]:
    """A contents entry's last tab, before its page number, as the dot leader it prints (``I.⇥Introduction⇥3``)."""
    for k in range(len(spans) - 1, -1, -1):
        text = spans[k].text
        if "\t" not in text:
            continue
        cut = text.rindex("\t")
        if not _PAGE_AFTER.match(text[cut + 1 :] + "".join(s.text for s in spans[k + 1 :])):
            return spans
        return [*spans[:k], replace(spans[k], text=text[:cut] + LEADER + text[cut + 1 :]), *spans[k + 1 :]]
    return spans


def _clean(spans: list[Span]) -> list[Span]:
    """Tabs (and the spaces around them) as one space, no white space at either end of the paragraph."""
    out = [replace(s, text=_TABS.sub(" ", s.text)) if "\t" in s.text or "  " in s.text else s for s in spans]
    while out and not out[0].sup and not out[0].text.strip():
        out.pop(0)
    if out and not out[0].sup:
        out[0] = replace(out[0], text=out[0].text.lstrip())
    while out and not out[-1].sup and not out[-1].text.strip():
        out.pop()
    if out and not out[-1].sup:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [s for s in out if s.text]


def _outline_level(ppr: etree._Element | None, style: ParaStyle) -> int:
    """The heading depth a paragraph's own outline level gives it (``w:outlineLvl`` set on the paragraph, not its
    style: a heading typed in a body style and marked for the navigation pane), 0 for body text and titles."""
    level = ppr.find(W + "outlineLvl") if ppr is not None else None
    if level is None or any(name in UN_TITLES for name in style.chain):
        return 0
    value = twips(level.get(W + "val"))
    return value + 1 if 0 <= value < 9 else 0


def join_split_headings(lines: list[Line]) -> list[Line]:
    """A heading typed as two paragraphs of one heading style, the second straight after the first (no empty
    spacing paragraph between them, no number of its own): ``Subprogramme 1`` / ``Data and knowledge management
    …``, ``Table 11.4`` / ``Subprogramme 1: deliverables …``. It prints as one heading over two lines, and is one."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and line.heading_level
            and line.heading_level == last.heading_level
            and abs(line.size - last.size) < _SIZE_TOLERANCE
            and line.zone == last.zone == "body"
            and line.region is None
            and last.region is None
            and line.source.line is not None
            and last.source.line is not None
            and line.source.line == last.source.line + 1
            and not ends_sentence(last.text)
            and not ends_clause(last.text)
            and not _OPENS_WITH_NUMBER.match(line.text)
        ):
            out[-1] = replace(last, spans=(*last.spans, Span(" ", bold=last.bold, size=last.size), *line.spans))
            continue
        out.append(line)
    return out
