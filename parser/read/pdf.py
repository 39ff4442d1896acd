"""PDF files to the same ``Line`` stream the text reader gives.

Each page is read once by a character source (``pdf_source``: pdfplumber or
pdfium; characters, drawn rules) and let go straight away; the first pages
teach the document's typography, then each page becomes lines as soon as it
is read. Everything after the source is plain Python over the glyphs:
baseline rows (``pdf_chars``), page furniture (``pdf_furniture``), footnote
zones (``pdf_zones``) and the first page's block order (``pdf_masthead``).
Every non-space character of a page ends up in exactly one ``Line`` or
``Dropped``. Failures of the PDF libraries become undoc's PDF errors, with a
one-line message naming the file.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice, pairwise
from operator import attrgetter
from pathlib import Path

from ..errors import NoTextLayer, UnmappedFont
from ..furniture import decode_symbol_font
from ..model import Box, Dropped, Line, Source, Span
from .pdf_bidi import RTL_FROM, Strong, bracket_balance, line_context, line_direction
from .pdf_breaks import layout_breaks
from .pdf_chars import Glyph, glyphs_box, glyphs_to_rows, glyphs_to_spans
from .pdf_columns import column_order
from .pdf_figures import find_figures
from .pdf_furniture import Item, mark_furniture, row_to_item, running_titles, top_texts
from .pdf_glyphs import chars_to_glyphs
from .pdf_lineends import mixed_leading, mixes_fonts, usual_leading, without_loose
from .pdf_masthead import page_one_order
from .pdf_ocr import scan_box, scan_dropped, scan_header
from .pdf_rotation import mark_turned_furniture, set_apart, turned_items
from .pdf_source import pages, paused_gc
from .pdf_tables import find_tables, place_regions, prose_size
from .pdf_tables_lists import find_column_lists
from .pdf_tables_merge import join_continued
from .pdf_textlayer import clean_page
from .pdf_zones import Endnotes, find_separator, rules_from_objects, size_key

CID_SHARE = 0.5
"""More than this share of ``(cid:NNN)`` glyphs means the text cannot be read."""
STATS_PAGES = 10
"""Pages the document's typography is learnt from before the rest are read one at a time."""
BLANK_LEADING = 1.3
"""A baseline step over this many times the usual leading is a paragraph break."""
MAX_LEADING = 3.0
"""ems: the longest baseline step learnt as a line step (a tall font at 1.5 spacing, Scheherazade: 2.53 em); closer
than 0.8 em, rows are side by side."""
_TEXT, _X1 = attrgetter("text"), attrgetter("x1")


@dataclass(frozen=True, slots=True)
class PdfRead:
    """A PDF as lines plus the furniture taken out: together they hold every character of every page."""

    lines: tuple[Line, ...]
    """Body and footnote-zone lines of every page, in reading order, page by page."""
    dropped: tuple[Dropped, ...]
    """Page furniture taken out, each with its kind and place."""
    pages: int


@dataclass(frozen=True, slots=True)
class _Bidi:
    """How the document's lines run: a right-to-left (Arabic) document reads more lines right to left."""

    document_rtl: bool = False
    edges: frozenset[int] = frozenset()
    """Right ends (rounded) of the Arabic lines: a line without Arabic that ends there is part of a right-to-left
    paragraph (an English title in a note, ``* A/73/150.``); one that does not (``16 July 2018``) runs left to right."""
    swapped: bool = False
    """The text maps give bracket glyphs their partners' characters (``pdf_bidi.bracket_balance``)."""

    def rtl(self, item: Item, page_rtl: bool = True) -> bool:
        """Whether ``item`` runs right to left: it is mostly Arabic, or it ends where the Arabic lines end on a
        page of a right-to-left document that is itself mostly Arabic (``page_rtl``: on the English pages of an
        English letter with an Arabic annex, a justified English line ends there too and runs left to right)."""
        if item.vertical or not item.ink:
            return False
        text = "".join(map(_TEXT, item.ink))
        if text and ord(max(text)) >= RTL_FROM and line_direction(text) == "rtl":  # no class counted without any
            return True
        if not (self.document_rtl and page_rtl):
            return False
        right = round(max(map(_X1, item.ink)))
        return bool({right - 1, right, right + 1} & self.edges)


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    items: list[Item]
    rules: list[Box]
    dropped: list[Dropped] = field(default_factory=list)
    objects: tuple[Box, ...] = ()
    curves: tuple[Box, ...] = ()
    images: tuple[Box, ...] = ()
    regions: list[Line] = field(default_factory=list)
    """Tables (and figures) found on the page, each one line holding its region, in the body zone."""
    scan: bool = False
    """The page is a scanned image under an OCR text layer (``pdf_ocr``)."""


@paused_gc()
def read_pdf(path: str | Path, reader: str | None = None) -> PdfRead:
    """Read a PDF into lines and dropped furniture; raise a ``PdfError`` (or ``InputError``) when it cannot be read.

    The document's typography (body size, text column, leading, running titles, direction) is learnt
    from its first ``STATS_PAGES`` pages; after that each page is turned into lines as soon as it is
    read and its glyphs are let go, so memory stays flat however long the document is. ``reader`` names
    the character source (``pdf_source.READERS``; by default the one ``pdf_source.pdf_reader`` chose).
    """
    name = str(path)
    stream = _read_pages(Path(path), name, reader)
    head = list(islice(stream, STATS_PAGES))
    layout = _Layout.learn(head)
    lines: list[Line] = []
    dropped: list[Dropped] = []
    count = 0
    for page in chain(head, stream):
        if page.number > len(head):
            layout.prepare(page)
        lines.extend(_page_lines(page, layout))
        dropped.extend(_page_dropped(page))
        page.items, page.objects, page.curves, page.images = [], (), (), ()  # the glyphs are done with
        count = page.number
        if count >= len(head):  # the first pages' glyphs are all alive until the last of them is done
            gc.collect(0)  # the page's garbage (``paused_gc``)
    head.clear()
    lines, repeated = join_continued(lines)
    return PdfRead(tuple(lines), tuple(dropped) + tuple(repeated), count)


def _read_pages(path: Path, name: str, reader: str | None) -> Iterator[_Page]:
    """Each page's glyph rows and rules, from the characters ``reader`` gives (``pdf_source``)."""
    ink = cid = 0
    number = 0
    brackets: dict[str, int] = {}
    for page in pages(path, reader):
        number = page.number
        raw = chars_to_glyphs(page.chars)
        clean = clean_page(raw, number, brackets)  # brackets as drawn, kashidas and unmapped glyphs out (pdf_textlayer)
        glyphs = clean.glyphs
        # counted as drawn: unmapped glyphs are taken out, but too many mean no readable text
        texts = list(map(_TEXT, raw))
        ink += len(texts) - sum(map(str.isspace, texts))
        if "(cid:" in "".join(texts):
            cid += sum(1 for text in texts if text.startswith("(cid:"))
        if ink >= 200 and cid > CID_SHARE * ink:
            raise UnmappedFont(name, f"{cid} of {ink} characters are (cid:NNN): a font has no Unicode map")
        rows = glyphs_to_rows(glyphs)
        rules = rules_from_objects(page.objects, page.width, page.height)
        items = turned_items([row_to_item(r) for r in rows], page.width, page.height)
        scan = scan_box(glyphs, page.images, page.width, page.height)
        dropped = clean.dropped + ([scan_dropped(scan, number)] if scan else [])
        read = _Page(number, page.width, page.height, items, rules, dropped, page.objects, page.curves, page.images,
                     scan=scan is not None)  # fmt: skip
        # the characters and glyphs are let go with the page's items (``read_pdf``), not kept here while it is worked
        # on: the youngest generation collected after each page is then the page's lines, not its 8,000 glyphs
        del page, raw, clean, glyphs, texts, rows, items
        yield read
    if ink == 0:
        raise NoTextLayer(name, f"none of its {number} pages has a text layer (scanned images?): OCR is needed")
    if cid > CID_SHARE * ink:
        raise UnmappedFont(name, f"{cid} of {ink} characters are (cid:NNN): a font has no Unicode map")


@dataclass(slots=True)
class _Layout:
    """What the first pages teach about the whole document."""

    running: frozenset[str]
    body_size: float
    endnotes: Endnotes
    bidi: _Bidi = _Bidi()
    left: float = 0.0
    right: float = 0.0
    leading: dict[float, float] = field(default_factory=dict)
    prose_size: float = 10.0
    """The type the lines of running prose are set in (``pdf_tables.prose_size``): no table text is larger."""
    mixed: dict[tuple[float, bool, bool], float] = field(default_factory=dict)
    notes_open: bool = False
    """The page read last had a footnote zone: a note may carry on under the next page's separator."""

    @classmethod
    def learn(cls, head: list[_Page]) -> _Layout:
        running = running_titles((top_texts(p.items, p.height) for p in head[1:]), len(head))
        for page in head:
            _mark_furniture(page, running)
        layout = cls(running, _body_size(head), Endnotes(10.0))
        layout.prose_size = prose_size(_text_items(head), layout.body_size)
        layout.endnotes = Endnotes(layout.body_size)
        for page in head:
            layout.zones(page)
        layout.bidi = _bidi(head)
        layout.left, layout.right = _left_edge(head, layout.bidi), _right_edge(head, layout.bidi)
        layout.leading, layout.mixed = _leading(head)
        return layout

    def prepare(self, page: _Page) -> None:
        """Furniture and zones of a page read after the first ones."""
        _mark_furniture(page, self.running)
        self.zones(page)

    def zones(self, page: _Page) -> None:
        tables = find_tables(page.items, page.objects, page.rules, page.number, page.width, self.prose_size)
        page.items, page.rules, page.regions = tables.items, tables.rules, list(tables.regions)
        taken = [r.source.bbox for r in page.regions if r.source.bbox is not None]
        figures = find_figures(page.items, (page.objects, page.curves, page.images), page.rules, taken,
                               (page.number, page.width, page.height), self.body_size)  # fmt: skip
        page.items, page.rules, page.regions = figures.items, figures.rules, page.regions + list(figures.regions)
        self.notes_open = _mark_footnote_zone(page, self.prose_size, self.notes_open)
        text = [i for i in page.items if not i.kind]
        body = [i for i in text if i.zone == "body"]
        ordered = page_one_order(body) if page.number == 1 else column_order(body, self.body_size)
        if ordered is not None:
            page.items = [i for i in page.items if i.kind] + ordered + [i for i in text if i.zone == "footnote"]
        page.items = set_apart(page.items)
        self.endnotes.feed(page.items)
        lists = find_column_lists(page.items, page.number, self.prose_size)  # out of the body (notes are no rows)
        page.items, page.regions = lists.items, page.regions + list(lists.regions)


def _mark_furniture(page: _Page, running: frozenset[str]) -> None:
    """Furniture of the page: turned rows along a landscape page's long edges, else upright rows from its edges."""
    flat = [i for i in page.items if not i.vertical]
    head = scan_header(sorted(flat, key=lambda i: i.base), page.number, page.height) if page.scan else []
    flat = [i for i in flat if not any(i is h for h in head)]
    turned = mark_turned_furniture([i for i in page.items if i.vertical], page.number, page.width, page.height, running)
    if not any(i.kind for i in turned):  # a page that prints its furniture turned prints none upright
        flat = mark_furniture(flat, page.number, page.height, running)
    page.items = sorted(head + flat + turned, key=lambda i: i.base)


def _mark_footnote_zone(page: _Page, prose_size: float, continues: bool) -> bool:
    """Put the lines under the page's footnote separator in the footnote zone; whether there is one.

    Notes are set smaller than the running prose (``_Layout.prose_size``), not than the commonest type: in a
    document whose first pages are mostly tables that is the tables' (and the notes') size."""
    sep = find_separator(page.items, page.rules, prose_size, continues)
    if sep is None:
        return False
    if sep.item is not None:
        sep.item.kind = "separator"
    else:
        page.dropped.append(Dropped("separator", "", Source(page=page.number, bbox=sep.box)))
    for item in page.items:
        if not item.kind and item.ink and not item.vertical and min(g.top for g in item.ink) >= sep.bottom - 0.5:
            item.zone = "footnote"
    return True


def _text_items(pages: Sequence[_Page], zone: str = "body") -> Iterator[Item]:
    return (i for p in pages for i in p.items if not i.kind and i.zone == zone and i.ink)


def _body_size(pages: Sequence[_Page]) -> float:
    """The size most body characters are set in."""
    counts: Counter[float] = Counter()
    for item in _text_items(pages):
        counts[round(item.size, 1)] += len(item.ink)
    return counts.most_common(1)[0][0] if counts else 10.0


def _bidi(pages: Sequence[_Page]) -> _Bidi:
    """Whether Arabic letters outnumber Latin ones in the text, where Arabic lines end, how brackets map."""
    items = [i for p in pages for zone in ("body", "footnote") for i in _text_items([p], zone) if not i.vertical]
    texts = ["".join(g.text for g in i.ink) for i in items]
    rtl = [(i, t) for i, t in zip(items, texts, strict=True) if line_direction(t) == "rtl"]
    if not rtl:
        return _Bidi()
    strong = line_direction("".join(texts))
    edges = frozenset(round(max(g.x1 for g in i.ink)) for i, _ in rtl)
    return _Bidi(strong == "rtl", edges, bracket_balance(t for _, t in rtl) < 0)


def _left_edge(pages: Sequence[_Page], bidi: _Bidi) -> float:
    """Left edge of the text column: where most body lines start (continuation lines are flush with it)."""
    starts = [i.x0 for i in _text_items(pages) if not i.vertical and not bidi.rtl(i)]
    return _usual(starts)


def _right_edge(pages: Sequence[_Page], bidi: _Bidi) -> float:
    """Right edge of the text column of right-to-left lines, where their continuation lines end."""
    return _usual([max(g.x1 for g in i.ink) for i in _text_items(pages) if bidi.rtl(i)])


def _usual(xs: list[float]) -> float:
    if not xs:
        return 0.0
    mode = Counter(round(x) for x in xs).most_common(1)[0][0]
    near = sorted(x for x in xs if round(x) == mode)
    return near[len(near) // 2]


def _leading(pages: Sequence[_Page]) -> tuple[dict[float, float], dict[tuple[float, bool, bool], float]]:
    """Usual baseline step between two lines of the same size, per size; and per size and kind of pair where lines
    that mix fonts step further (``pdf_lineends.mixed_leading``)."""
    steps: dict[float, Counter[float]] = {}
    samples: list[tuple[float, bool, bool, float]] = []
    for page in pages:
        for zone in ("body", "footnote"):
            items = sorted((i for i in page.items if not i.kind and i.zone == zone and i.ink), key=lambda i: i.base)
            for a, b in pairwise(items):
                key = size_key(a.size)
                step = b.base - a.base
                if key == size_key(b.size) and 0.8 * a.size < step <= MAX_LEADING * a.size:
                    steps.setdefault(key, Counter())[round(step, 1)] += 1
                    samples.append((key, mixes_fonts(a.ink), mixes_fonts(b.ink), round(step, 1)))
    leading = without_loose({key: counter.most_common(1)[0][0] for key, counter in steps.items()},
                            {key: counter.total() for key, counter in steps.items()})  # fmt: skip
    return leading, mixed_leading(samples, leading)


def _page_lines(page: _Page, layout: _Layout) -> list[Line]:
    left, right, leading, bidi = layout.left, layout.right, layout.leading, layout.bidi
    out: list[Line] = []
    page_rtl = bidi.document_rtl and line_direction("".join(g.text for i in page.items if not i.kind for g in i.ink)) == "rtl"
    for zone in ("body", "footnote"):
        prev: Item | None = None
        items = [i for i in page.items if not i.kind and i.zone == zone and i.ink]
        lines: list[Line] = []
        flags = [bidi.rtl(i, page_rtl) for i in items]
        for k, item in enumerate(items):
            rtl = flags[k]
            context = _line_context(items, flags, k, leading) if rtl else ("R", "R")
            # a line that does not run right to left reads as it does by itself (its text, asked for before)
            spans, size, bold = glyphs_to_spans(item.glyphs, item.vertical, rtl, bidi.swapped, context) if rtl else item.spans()
            if not rtl and any(s.sup for s in spans):
                spans = _place_calls(spans, item.ink, page.number)
            box = item.box
            gap: float | None = None
            if prev is None:
                blank = False
            elif item.block_start:
                blank = True
            else:
                step = max(leading.get(size_key(s), usual_leading(leading, s)) for s in (prev.size, item.size))
                step = max(step, layout.mixed.get((size_key(item.size), mixes_fonts(prev.ink), mixes_fonts(item.ink)), 0.0))
                blank = item.base - prev.base > BLANK_LEADING * step
            if prev is not None:
                gap = (box.top - prev.box.bottom) / max(size, 1.0)
            edge = left if item.column_edge is None else item.column_edge
            start = round(right - max(g.x1 for g in item.ink), 1) if rtl else round(item.x0 - edge, 1)
            line = Line(
                spans,
                Source(page=page.number, bbox=box),
                blank_before=blank,
                zone="footnote" if zone == "footnote" else "body",
                size=size,
                bold=bold,
                indent=start / layout.body_size,
                typeset=True,
                exact_breaks=True,
                gap_before=gap,
                page_start=page.number > 1 and zone == "body" and prev is None,
                footnote_block=zone == "footnote",
            )
            lines.append(line)
            prev = item
        broken = layout_breaks(lines, items, flags)
        out.extend(place_regions(broken, page.regions) if zone == "body" else broken)
    return out


def _line_context(items: Sequence[Item], flags: Sequence[bool], k: int, leading: dict[float, float]) -> tuple[Strong, Strong]:
    """The direction of the text around right-to-left line ``k``: its neighbours in the zone when they run right to
    left too and follow at one line's step (the same paragraph, most likely)."""

    def joined(a: Item, b: Item) -> bool:
        step = max(leading.get(size_key(s), usual_leading(leading, s)) for s in (a.size, b.size))
        return not b.block_start and b.base - a.base <= BLANK_LEADING * step

    def text(j: int) -> str | None:
        return "".join(g.text for g in items[j].ink) if flags[j] else None

    before = text(k - 1) if k > 0 and joined(items[k - 1], items[k]) else None
    after = text(k + 1) if k + 1 < len(items) and joined(items[k], items[k + 1]) else None
    return line_context(before, after)


def _place_calls(spans: tuple[Span, ...], ink: list[Glyph], page: int) -> tuple[Span, ...]:
    """Give each superscript span the box of the glyphs it was made from (spans hold the ink in order)."""
    out: list[Span] = []
    at = 0
    for span in spans:
        need = sum(1 for c in span.text if not c.isspace())
        used: list[Glyph] = []
        while need > 0 and at < len(ink):
            used.append(ink[at])
            need -= len(ink[at].text)
            at += 1
        out.append(replace(span, source=Source(page=page, bbox=glyphs_box(used))) if span.sup and used else span)
    return tuple(out)


def _page_dropped(page: _Page) -> list[Dropped]:
    out = list(page.dropped)
    for item in page.items:
        if item.kind and item.ink:
            text = item.text
            if item.kind == "barcode":
                text = decode_symbol_font(text).strip()
            out.append(Dropped(item.kind, text, Source(page=page.number, bbox=item.box)))
    out.sort(key=lambda d: d.source.bbox.top if d.source.bbox else 0.0)
    return out
