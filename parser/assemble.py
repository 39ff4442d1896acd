"""Blocks to elements: rejoin what page breaks split, and link footnote calls to notes.

A paragraph cut by a page break comes back whole even when a block of
footnotes sits between its halves; a note that runs over to the next page
is joined the same way. Each superscript call becomes a ``FootnoteRef``
with its offset in the element's final text (the marker is not text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import regex

from .calls import call_marks
from .ids import note_id
from .model import SET_APART, Block, Element, Footnote, FootnoteRef, Issue, Region, Source, Span, Table, TableCell
from .text_utils import cjk_latin_boundary, joiner, squeeze

_CLOSING = ",;.:!?)]}”’»"
_UNIT_BEFORE = regex.compile(r"\d(?:\s(?:million|billion|thousand))?\s(?:k|c|m)?m$")
"""A figure and a unit of length right before a raised 2 or 3: the unit squared or cubed (``12.5 m³``)."""
"""Punctuation that hangs on the word before it: no space owed to a call before it."""


@dataclass(frozen=True, slots=True)
class Assembled:
    elements: tuple[Element, ...]
    notes: tuple[Footnote, ...]
    issues: tuple[Issue, ...]


def blocks_to_elements(blocks: tuple[Block, ...]) -> Assembled:
    """Join continued blocks, build the notes, then resolve every call in body and masthead text."""
    joined = _join_continued(blocks)
    issues: list[Issue] = []
    note_blocks = [(i, b) for i, b in enumerate(joined) if b.kind == "footnote"]
    notes, note_index = _notes(note_blocks, issues)
    elements: list[Element] = []
    for index, block in enumerate(joined):
        if block.kind == "footnote":
            continue
        resolve = _resolver(index, note_index)
        text, refs = _linked(block.spans, resolve, block.sources[0] if block.sources else Source(), issues)
        emphasized = block.typeset and all(s.bold or s.italic for s in block.spans if s.text.strip() and not s.sup)
        words = [s for s in block.spans if not s.sup and any(c.isalnum() for c in s.text)] if block.typeset else []
        element = Element(block.kind, text, block.sources, refs, block.marker, block.role, block.heading_level, emphasized,
                          quote=block.quote, size=max((s.size for s in words), default=0.0),
                          bold=bool(words) and all(s.bold for s in words))  # fmt: skip
        if block.region is not None:
            element = replace(element, table=_table(block.region, resolve, issues), labels=_labels(block.region))
        elements.append(element)
    return Assembled(tuple(elements), notes, tuple(issues))


def _linked(
    spans: tuple[Span, ...], resolve: Callable[[str], str | None], where: Source, issues: list[Issue]
) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Text and calls of some spans; a call with no note in the document is reported and kept."""
    text, refs = _text_and_refs(spans, resolve)
    for ref in refs:
        if ref.note == "":
            issues.append(Issue("footnote-unresolved", f"footnote call {ref.marker} has no note in the document",
                                line=where.line, page=where.page))  # fmt: skip
    return text, tuple(r if r.note else replace(r, note=note_id(r.marker, set())) for r in refs)


def _table(region: Region, resolve: Callable[[str], str | None], issues: list[Issue]) -> Table | None:
    """A table's (or a table of contents') cells as text with their calls linked like any other text's."""
    if region.kind == "figure":
        return None
    rows = []
    for row in region.rows:
        cells = []
        for cell in row:
            text, refs = _linked(cell.spans, resolve, cell.source or region.source or Source(), issues)
            sources = (cell.source,) if cell.source is not None else ()
            cells.append(TableCell(text, refs, cell.row_span, cell.col_span, sources))
        rows.append(tuple(cells))
    return Table(tuple(rows), region.header_rows)


def _labels(region: Region) -> tuple[str, ...]:
    """A figure's own text, line by line (a raised mark in a chart is text, not a call)."""
    return tuple(text for text in (_text_and_refs(line, _no_calls)[0] for line in region.labels) if text)


def _join_continued(blocks: tuple[Block, ...]) -> list[Block]:
    """Fold every ``continues`` block into the block it continues (skipping notes in between)."""
    out: list[Block] = []
    for block in blocks:
        target = _target(out, block)
        if block.continues and target is not None:
            host = out[target]
            out[target] = replace(host, spans=host.spans + (Span("\n"),) + block.spans, sources=host.sources + block.sources)
        else:
            out.append(replace(block, continues=False) if block.continues else block)
    return out


def _target(done: list[Block], block: Block) -> int | None:
    """The block a ``continues`` block belongs to: the last note for a note (body text of the next page
    lies between), else the last body block with nothing but notes after it."""
    wanted = {"footnote": ("footnote",), "masthead": ("masthead",)}.get(block.kind, ("paragraph", "subparagraph", "text"))
    for index in range(len(done) - 1, -1, -1):
        kind = done[index].kind
        apart = done[index].role in SET_APART
        if kind in wanted and not apart:
            return index
        boxed = kind == "masthead" and block.kind != "masthead"  # a record's note box at the foot of page 1
        if block.kind != "footnote" and kind != "footnote" and not apart and not boxed:
            return None
    return None


def _notes(
    note_blocks: list[tuple[int, Block]], issues: list[Issue]
) -> tuple[tuple[Footnote, ...], dict[str, list[tuple[int, str]]]]:
    notes: list[Footnote] = []
    index: dict[str, list[tuple[int, str]]] = {}
    for position, block in note_blocks:
        marker = block.marker.num if block.marker else "?"
        taken = {n.id for n in notes}
        own_id = note_id(marker, taken)
        if own_id != note_id(marker, set()):
            issues.append(Issue("footnote-duplicate", f"footnote {marker} is defined more than once", own_id,
                                line=block.sources[0].line, page=block.sources[0].page))  # fmt: skip
        text, _ = _text_and_refs(block.spans, _no_calls)
        printed = block.marker.printed.removesuffix(".") if block.marker else ""  # ``18.``: the mark is ``18``
        notes.append(Footnote(own_id, printed or marker, text, (), block.sources))
        index.setdefault(marker, []).append((position, own_id))
    return tuple(notes), index


def _no_calls(marker: str) -> None:
    return None


def _resolver(position: int, note_index: dict[str, list[tuple[int, str]]]) -> Callable[[str], str | None]:
    return lambda marker: _resolve(marker, position, note_index)


def _resolve(marker: str, position: int, note_index: dict[str, list[tuple[int, str]]]) -> str | None:
    """The id of the note a call points to: the nearest definition after the call, else the last before (a
    lettered note only after: each table or summary letters its own).

    ``None`` when the mark is not a call (a superscript ``th`` or ``er``) while
    the document has notes; ``""`` when it looks like a call but no note exists.
    """
    candidates = note_index.get(marker.rstrip("/"))
    if candidates:
        after = [found for pos, found in candidates if pos > position]
        if not after and marker.isalpha():
            return None  # lettered notes are their page's own (a summary's, a table's): never one further back
        return after[0] if after else candidates[-1][1]
    if not regex.fullmatch(r"\d{1,3}|\*{1,3}", marker):
        return None
    return ""


def _text_and_refs(spans: tuple[Span, ...], resolve: Callable[[str], str | None]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Final text of a span sequence and its calls; ``\\n`` in a span marks a line or page break."""
    out = _TextBuilder()
    for span in spans:
        if span.sup and span.text.strip() in ("2", "3") and _UNIT_BEFORE.search(out.text):
            out.add(span.text.strip())  # ``2,050 m³``, ``2 million m²``: a unit's power, not a call to note 3
            continue
        if span.sup:
            calls = call_marks(span.text)
            resolved = [(c, resolve(c)) for c in calls]
            if calls and all(note is not None for _, note in resolved):
                for marker, note in resolved:
                    out.call(marker, str(note), span.source)
                continue
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                out.line_break()
            out.add(piece)
    return out.result()


class _TextBuilder:
    """Accumulates text, joining across line breaks by the CJK-aware rule and keeping call offsets."""

    def __init__(self) -> None:
        self.text = ""
        self.refs: list[FootnoteRef] = []
        self.broken = False
        self.space_owed = False

    def add(self, piece: str) -> None:
        piece = squeeze(piece)
        if self.broken:
            piece = piece.lstrip()
            if not piece:
                return
            typed = self.text.endswith(" ")  # a PDF line that ends in a space had one typed there (pdf_lineends)
            self._trim()
            glue = joiner(self.text, piece)
            piece = (" " if typed and not glue and cjk_latin_boundary(self.text[-8:], piece[:1]) else glue) + piece
            self.broken = self.space_owed = False
        elif self.space_owed:
            self.space_owed = False
            if piece and not piece[0].isspace() and piece[0] not in _CLOSING and joiner(self.text, piece) == " ":
                piece = " " + piece
        if self.text.endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        self.text += piece

    def call(self, marker: str, note: str, source: Source | None = None) -> None:
        if self.text.endswith(" "):
            self._trim()
            self.space_owed = True  # the space belonged to the call's notation ("Development 1 and")
        self.refs.append(FootnoteRef(note, marker, len(self.text), source))

    def line_break(self) -> None:
        self.broken = True

    def _trim(self) -> None:
        self.text = self.text.rstrip()
        self.refs = [r if r.offset <= len(self.text) else replace(r, offset=len(self.text)) for r in self.refs]

    def result(self) -> tuple[str, tuple[FootnoteRef, ...]]:
        self._trim()
        lead = len(self.text) - len(self.text.lstrip())
        text = self.text.strip()
        return text, tuple(replace(r, offset=max(0, r.offset - lead)) for r in self.refs)
