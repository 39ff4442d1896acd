"""The records passed between undoc's stages.

Every record is a frozen, slotted dataclass. Readers (text or PDF) produce
``Line``s; classification turns them into ``Block``s; assembly and tree
building turn blocks into ``Node``s and ``Footnote``s, gathered in a
``Document``. Every record keeps where it came from (``Source``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Zone = Literal["body", "footnote", "unknown"]
"""Where a reader saw a line: the PDF reader knows the footnote zone; text readers say ``unknown``."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in PDF points, origin top-left (pdfplumber's ``top``/``bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Source:
    """Provenance of one line: a 1-based line number for text, a page and box for PDF."""

    line: int | None = None
    page: int | None = None
    bbox: Box | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style inside a line.

    ``sup`` marks a superscript run (a footnote call candidate): ``<sup>1</sup>`` in
    markdown, a smaller raised run in a PDF, a bare number detected by the reader.
    """

    text: str
    sup: bool = False
    bold: bool = False
    italic: bool = False
    size: float = 0.0
    source: Source | None = None
    """Where a superscript was drawn (PDF), so its call can be shown; other spans leave it empty."""


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of the input (or one word-processor paragraph), after markup has been taken off.

    ``text`` is always ``"".join(s.text for s in spans)``. Every feature below means the same
    whichever reader filled it; nothing after reading asks which format a line came from. A reader
    that cannot measure a feature leaves its default and says so with ``typeset`` / ``exact_breaks``.
    """

    spans: tuple[Span, ...]
    source: Source
    blank_before: bool = False
    """A paragraph break precedes this line: a blank line (text), a paragraph-sized vertical gap (PDF),
    the start of a new paragraph (Word)."""
    heading_level: int = 0
    """The source marks this line as a heading of this depth (markdown ``#``, a Word heading style);
    a hint only, structure comes from the numbering."""
    hard_break: bool = False
    """The line ended with a markdown hard break (two trailing spaces)."""
    zone: Zone = "unknown"
    size: float = 0.0
    """Type size in points (0.0 when not known)."""
    bold: bool = False
    """Every word of the line is set in bold."""
    indent: float = 0.0
    """Where the line starts, in ems of the document's body type, measured from the start edge of the text
    column (the left edge, or the right edge for a right-to-left line): a first-line indent is about 0.5 em
    or more, a line flush with the column is 0.0. Meaningful only where ``typeset`` is true."""
    typeset: bool = False
    """The reader saw the typography: ``bold``, the spans' bold and italic, ``size`` and ``indent`` are facts of
    the page or of the word processor's styles, so a line in body type is known not to be emphasized (PDF,
    Word). Text renderings leave it false: their emphasis is markup at best and their indent is not measured."""
    exact_breaks: bool = False
    """The reader knows where paragraphs break: ``blank_before`` is a real paragraph break and a page break is
    marked by ``page_start`` (PDF gaps, Word paragraphs). False for text renderings, where a blank line may
    also be a page break the rendering kept only as a blank."""
    gap_before: float | None = None
    """White space between this line and the line above it in the same zone of the same page, in ems of this
    line's size; ``None`` where the reader does not measure it (text, Word, the first line of a zone)."""
    page_start: bool = False
    """First body line of a new page: a paragraph may continue across it."""
    runs_on: bool = False
    """The reader saw the layout wrap the line above into this one: the line above spans the text column and this
    line's first word would not have fitted at its end. False where not measured (Word, text renderings: but a
    rendering that writes a blank line after every line it wraps is measured in character cells, text_pages)."""
    footnote_block: bool = False
    """Line is in a block of footnote definitions."""
    region: Region | None = None
    """A table or figure standing at this point of the reading order (its ``spans`` are then empty)."""

    @property
    def text(self) -> str:
        return "".join([s.text for s in self.spans])


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as a reader found it: its text as spans (calls as superscripts) and what it spans."""

    spans: tuple[Span, ...]
    row_span: int = 1
    col_span: int = 1
    source: Source | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


RegionKind = Literal["table", "figure", "toc"]


@dataclass(frozen=True, slots=True)
class Region:
    """A part of a page that is not running text, carried through the stages as one line.

    Its caption (``Table 2``, ``Figure III`` and title) and its ``Source:`` / ``Note:`` lines stay
    ordinary lines around it: the classifier gathers them into the same block.
    """

    kind: RegionKind
    rows: tuple[tuple[Cell, ...], ...] = ()
    """A table's rows, top to bottom; a cell covered by the span of a cell above or to its left is left
    out, as in HTML."""
    header_rows: int = 0
    """How many of the first rows are column headings."""
    labels: tuple[tuple[Span, ...], ...] = ()
    """A figure's own text (axis ticks, legend, values in a chart), one entry per line, in reading order."""
    source: Source | None = None
    """The region's page and box."""
    title: tuple[Span, ...] = ()
    """A table of contents' own heading (``Contents``), when it has one."""


@dataclass(frozen=True, slots=True)
class Dropped:
    """Page furniture deliberately removed, recorded so nothing vanishes silently."""

    kind: str
    text: str
    source: Source


BlockKind = Literal[
    "heading",  # numbered or unnumbered heading (level says which)
    "paragraph",  # numbered paragraph
    "subparagraph",  # (a), (i), a)
    "text",  # unnumbered body text
    "footnote",  # footnote definition
    "masthead",  # a line of the first-page masthead
    "table",  # a table region, with its caption and notes
    "figure",  # a figure region, with its caption and notes
    "toc",  # a table of contents: its heading, one row per entry (number, title, page)
]


SET_APART = ("figure", "region", "region_note")
"""Block roles that stand apart from the running text (a caption, a table or figure, its notes):
a paragraph continues across them."""


@dataclass(frozen=True, slots=True)
class Marker:
    """An official number as matched at the start of a block."""

    level: str
    """Numbering level: ``annex``, ``chapter``, ``section``, ``paragraph``, ``subparagraph``, ``subsubparagraph``, ``note``,
    or ``table`` / ``figure`` for a caption's number."""
    printed: str
    """Exactly as printed, punctuation included: ``三.``, ``48.``, ``(a)``."""
    num: str
    """The number without its punctuation, as printed: ``三``, ``48``, ``a``."""
    ordinal: int
    """Position in its sequence: ``三`` → 3, ``A`` → 1, ``(c)`` → 3."""


@dataclass(frozen=True, slots=True)
class Block:
    """A classified run of lines: one heading, paragraph, footnote or masthead line."""

    kind: BlockKind
    spans: tuple[Span, ...]
    sources: tuple[Source, ...]
    marker: Marker | None = None
    role: str = ""
    """Masthead role (``session``, ``agenda``, ``title`` ...) or heading role."""
    heading_level: int = 0
    continues: bool = False
    """Body text that resumes the previous paragraph after a page break."""
    region: Region | None = None
    """The table or figure of a ``table``/``figure`` block (``spans`` then hold its caption and notes)."""
    typeset: bool = False
    """Its first line's ``Line.typeset``: whether its spans' emphasis is a fact of the typography."""
    quote: int = 0
    """The quoted structure (a draft resolution or decision a report quotes) it belongs to, counted from 1 in
    document order; 0 for the document's own text."""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def plain_text(self) -> str:
        """The text without superscripts: what punctuation checks should look at."""
        return "".join(s.text for s in self.spans if not s.sup)


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote call: the note it points to and where it sits in the element's text."""

    note: str
    marker: str
    offset: int
    source: Source | None = field(default=None, compare=False)
    """Where the call was drawn (PDF only); not part of the JSON output."""


@dataclass(frozen=True, slots=True)
class Element:
    """A block after assembly: final text, footnote calls resolved, split paragraphs rejoined."""

    kind: BlockKind
    text: str
    sources: tuple[Source, ...]
    refs: tuple[FootnoteRef, ...] = ()
    marker: Marker | None = None
    role: str = ""
    heading_level: int = 0
    emphasized: bool = False
    """Every word is typeset in bold or italic (a run-in heading); never set where the reader did not see the
    typography (``Line.typeset``)."""
    table: Table | None = None
    labels: tuple[str, ...] = ()
    """A figure's own text, line by line."""
    notes: tuple[Element, ...] = ()
    """A table's or figure's ``Source:`` / ``Note:`` / lettered note lines, in order."""
    quote: int = 0
    """As ``Block.quote``: the quoted structure it belongs to (0: the document's own text)."""
    size: float = 0.0
    """The largest type size its words are set in, in pt (0 where the reader did not see the typography): the
    masthead's title is told by its type."""
    bold: bool = False
    """Every word is set in bold (a call's ``*`` set in roman is no word); never set where the reader did not see the
    typography."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableCell:
    text: str
    footnote_refs: tuple[FootnoteRef, ...] = ()
    row_span: int = 1
    col_span: int = 1
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table's cells as text with their calls; the first ``header_rows`` rows are column headings."""

    rows: tuple[tuple[TableCell, ...], ...]
    header_rows: int = 0

    @property
    def columns(self) -> int:
        """Width of the grid: the widest row, counting column spans."""
        return max((sum(c.col_span for c in row) for row in self.rows), default=0)


NodeType = Literal[
    "annex",
    "chapter",
    "section",
    "subsection",
    "paragraph",
    "subparagraph",
    "block",
    "heading",
    "table",
    "figure",
    "toc",
    "quote",
    "speech",
    "preamble",
    "conclusions",
    "part",
]
CONTAINER_TYPES: tuple[NodeType, ...] = ("annex", "part", "chapter", "section", "subsection", "speech")
"""Node types that hold other units under a heading and no text of their own."""
NODE_ROLES = ("salutation", "signature", "agenda", "annotations")
"""The element roles a ``block`` node keeps (``Node.role``)."""
TEXT_TYPES: tuple[NodeType, ...] = ("paragraph", "subparagraph", "block")
"""Node types whose ``text`` is running text (split into sentences, always written with their calls)."""


@dataclass(frozen=True, slots=True)
class Node:
    """An element of the document tree.

    ``type`` is ``annex``, ``chapter``, ``section``, ``subsection``, ``paragraph``,
    ``subparagraph``, ``block`` (unnumbered text), ``heading`` (an unnumbered heading), ``table``, ``figure``
    ``toc`` (a table of contents, never part of the numbered structure) or ``quote`` (a quoted structure: a
    draft resolution or decision a report quotes, numbered in its own scope) or ``speech`` (a record's
    intervention: its ``speaker``, then what was said) or ``preamble`` / ``conclusions`` (a resolution's
    unnumbered text before its first operative paragraph, from ``The General Assembly,`` on, and its
    adoption lines after the last one: ``64th plenary meeting``, ``[Adopted without a vote.]``) or ``part`` (a part of
    a document that numbers its units on its own, named by its ``role``: an agenda's ``agenda`` and ``annotations``);
    ``id`` the language-neutral id (``chp_3__sec_A``, ``para_48``); ``num`` and ``marker``
    the number as printed without and with its punctuation (``48``, ``48.``; ``None`` when
    unnumbered) and ``ordinal`` its position in its sequence. ``text`` is the element's own
    text (a paragraph's text before its sub-paragraphs); ``heading`` is set on containers.
    """

    type: NodeType
    id: str
    num: str | None
    marker: str | None
    ordinal: int | None
    heading: str | None = None
    text: str | None = None
    children: tuple[Node, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    sources: tuple[Source, ...] = ()
    table: Table | None = None
    """A ``table`` node's cells (its caption is ``heading``, its notes are its children); a ``toc`` node's entries,
    one row each: the number as printed, the title, the page number."""
    labels: tuple[str, ...] = ()
    """A ``figure`` node's own text (chart labels, values), kept apart from the caption and notes."""
    speaker: str | None = None
    """A ``speech`` node's speaker as printed (``Mr. Smith (France) (spoke in French)``); its words are its children."""
    role: str = ""
    """What a ``block`` is in its kind of document, when it is more than text: a letter's ``salutation``
    (``Excellency,``) or ``signature`` (``(Signed) Name``, with the signatory's titles)."""
    language: str | None = None
    """The language of the node's text where it is plainly not the document's (``language.block_language``)."""

    def walk(self) -> Iterator[Node]:
        """This node, then its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Footnote:
    id: str
    marker: str
    text: str
    cited_by: tuple[str, ...] = ()
    """Ids of the elements that call this note, in order."""
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Issue:
    """A recoverable oddity found while parsing (a numbering gap, an unlinked reference)."""

    code: str
    message: str
    location: str | None = None
    """Id of the element concerned, when there is one."""
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class MastheadText:
    """A masthead element kept as printed, with any footnote calls in it."""

    text: str
    footnote_refs: tuple[FootnoteRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Metadata:
    symbols: tuple[str, ...] = ()
    symbol_origin: str = "document"
    """``document`` (read from the masthead), ``argument`` (``--symbol``) or ``filename``."""
    reissued: bool = False
    """The symbol is printed with the reissue asterisk (``S/2025/383*``: reissued for technical reasons)."""
    kind: str = "report"
    """The kind of document (``report``, ``letter``, ``resolution``, ``record``: ``parser.kinds``)."""
    organ: MastheadText | None = None
    distribution: MastheadText | None = None
    date: MastheadText | None = None
    date_iso: str | None = None
    original_language: MastheadText | None = None
    session: MastheadText | None = None
    session_number: int | None = None
    session_dates: MastheadText | None = None
    """Where and when the session meets, as printed: ``Geneva, 2–5 June 2025``, ``2 to 5 June 2025, New York``,
    ``4–7 February 2025``, ``(7–11 April 2025)``."""
    agenda: MastheadText | None = None
    agenda_item: str | None = None
    agenda_title: MastheadText | None = None
    title: MastheadText | None = None
    subtitle: MastheadText | None = None
    summary_heading: MastheadText | None = None
    summary: tuple[Node, ...] = ()
    other: tuple[MastheadText, ...] = ()
    """Masthead lines with no role of their own (kept, never dropped)."""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    name: str
    format: Literal["text", "markdown", "pdf", "docx"]
    encoding: str | None
    sha256: str
    pages: int | None = None
    front_matter: tuple[tuple[str, str], ...] = ()
    rendering: str | None = None
    """For text input, the tool the rendering looks like (``read.text_style``: ``pdftotext``,
    ``pdftotext-layout``, ``markdown``, ``text``); ``None`` for a PDF or a Word file."""


@dataclass(frozen=True, slots=True)
class Document:
    """The result of parsing one UN document (``parser.parse``): immutable, in the input's order.

    ``body`` is the tree of ``Node``s, ``footnotes`` the notes (each ``cited_by`` the ids that call
    it), ``metadata`` the masthead, ``warnings`` the numbering ``Issue``s and ``dropped`` the page
    furniture removed on purpose. ``get(id)`` finds a node or note by its official id.
    """

    source: SourceInfo
    language: str
    metadata: Metadata
    body: tuple[Node, ...]
    footnotes: tuple[Footnote, ...]
    warnings: tuple[Issue, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    language_detected: bool = False

    @property
    def symbol(self) -> str:
        return self.metadata.symbols[0] if self.metadata.symbols else ""

    def nodes(self) -> Iterator[Node]:
        """Every node of the body in document order."""
        for node in self.body:
            yield from node.walk()

    def paragraphs(self) -> Iterator[Node]:
        """The numbered paragraphs (``type == "paragraph"``) of the body, in document order.

        Unnumbered text is in ``block`` nodes and sub-paragraphs in ``subparagraph`` nodes: use
        ``nodes()`` for every node.
        """
        return (n for n in self.nodes() if n.type == "paragraph")

    def get(self, node_id: str) -> Node | Footnote:
        """The node or footnote with this id; ``KeyError`` if there is none."""
        for node in self.nodes():
            if node.id == node_id:
                return node
        for note in self.footnotes:
            if note.id == node_id:
                return note
        raise KeyError(node_id)
