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
    """One physical line of the input, after markup has been taken off.

    ``text`` is always ``"".join(s.text for s in spans)``.
    """

    spans: tuple[Span, ...]
    source: Source
    blank_before: bool = False
    """A blank line (text) or a paragraph-sized vertical gap (PDF) precedes this line."""
    heading_level: int = 0
    """Markdown ``#`` depth; a hint only, structure comes from the numbering."""
    hard_break: bool = False
    """The line ended with a markdown hard break (two trailing spaces)."""
    zone: Zone = "unknown"
    size: float = 0.0
    bold: bool = False
    indent: float = 0.0
    """Start of the line relative to the page's text column (PDF: from the left edge, or from the
    right edge for a right-to-left line) or leading spaces (text)."""
    page_start: bool = False
    """First body line of a new page (PDF): a paragraph may continue across it."""
    footnote_block: bool = False
    """Line is in a block of footnote definitions."""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


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
]


@dataclass(frozen=True, slots=True)
class Marker:
    """An official number as matched at the start of a block."""

    level: str
    """Numbering level: ``annex``, ``chapter``, ``section``, ``paragraph``, ``subparagraph``, ``subsubparagraph``, ``note``."""
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
    """Every word is bold or italic (a PDF run-in heading)."""


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


NodeType = Literal["annex", "chapter", "section", "subsection", "paragraph", "subparagraph", "block", "heading"]


@dataclass(frozen=True, slots=True)
class Node:
    """An element of the document tree.

    ``type`` is ``annex``, ``chapter``, ``section``, ``subsection``, ``paragraph``,
    ``subparagraph``, ``block`` (unnumbered text) or ``heading`` (an unnumbered heading);
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
    organ: MastheadText | None = None
    distribution: MastheadText | None = None
    date: MastheadText | None = None
    date_iso: str | None = None
    original_language: MastheadText | None = None
    session: MastheadText | None = None
    session_number: int | None = None
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
    format: Literal["text", "markdown", "pdf"]
    encoding: str | None
    sha256: str
    pages: int | None = None
    front_matter: tuple[tuple[str, str], ...] = ()


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
