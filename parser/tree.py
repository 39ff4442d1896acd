"""Body elements to the document tree: annexes, chapters, sections, paragraphs and what they hold.

Ids come from ``ids`` (language-neutral, from the official numbering), asked for in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .ids import ROOT, Ids, starts_list
from .kinds.agenda import PARTS
from .kinds.record import SPEAKER
from .model import NODE_ROLES, Element, FootnoteRef, Marker, Node, NodeType, Source, Table
from .parts import resolution_parts
from .text_utils import ends_clause, ends_sentence
from .thresholds import LAYOUT

_CONTAINER_DEPTH = {"quote": -1, "annex": 0, "part": 0, "preamble": 0, "conclusions": 0, "chapter": 1, "section": 2,
                    "subsection": 3, "speech": 4}  # fmt: skip
"""How deep each container sits; a quoted structure holds whatever it quotes and is closed only when it ends."""
_PARTS = ("preamble", "conclusions")
"""A resolution's parts around its operative paragraphs: they hold units and never take a heading of their own."""


@dataclass(slots=True)
class _Draft:
    """A node under construction (the tree is frozen once built)."""

    type: NodeType
    id: str
    marker: Marker | None
    heading: str | None = None
    text: str | None = None
    refs: tuple[FootnoteRef, ...] = ()
    sources: tuple[Source, ...] = ()
    children: list[_Draft] = field(default_factory=list)
    table: Table | None = None
    labels: tuple[str, ...] = ()
    speaker: str | None = None
    role: str = ""

    def freeze(self) -> Node:
        marker = self.marker
        if self.titled and not self.children:
            self.text, self.heading = self.heading, None  # a titled item with nothing under it is its text
        return Node(
            self.type, self.id,
            num=marker.num if marker else None,
            marker=marker.printed if marker else None,
            ordinal=marker.ordinal if marker and marker.level not in ("annex", "table", "figure") else None,
            heading=self.heading, text=self.text,
            children=tuple(c.freeze() for c in self.children),
            footnote_refs=self.refs, sources=self.sources or self.held(), table=self.table, labels=self.labels,
            speaker=self.speaker, role=self.role,
        )  # fmt: skip

    def held(self) -> tuple[Source, ...]:
        """A resolution's part has no text of its own: it stands where its units do."""
        return tuple(s for c in self.children for s in c.sources) if self.type in _PARTS else ()

    @property
    def titled(self) -> bool:
        """A numbered item with a title of its own (an agenda's ``3. Adoption of the agenda``) and its text under it."""
        return self.type == "paragraph" and self.text is None and self.heading is not None

    def last_text(self) -> str:
        return self.children[-1].last_text() if self.children else (self.text or self.heading or "")


class _Builder:
    def __init__(self, unit: str = "para") -> None:
        self.unit = unit
        """What the document's numbered paragraphs are called in their ids (``para``, an agenda's ``item``)."""
        self.roots: list[_Draft] = []
        self.stack: list[_Draft] = []  # open containers: annex, chapter, section
        self.paragraph: _Draft | None = None
        self.subparagraph: _Draft | None = None
        self.ids = Ids()
        self.quote = 0
        """The quoted structure open (``Element.quote``), 0 when none."""
        self.item_open = False
        """A quoted list's item has a heading of its own (``Documentation``): the text after it is the item's too."""
        self.item_extras = 0
        """How many headings and blocks the open item took so (given back if a new list starts under them)."""
        self.lists: dict[str, int] = {}
        """How many lists of sub-paragraphs each unit holds so far (by id), where it holds more than one."""
        self.outside: tuple[list[_Draft], _Draft | None, _Draft | None] | None = None
        """The open containers and paragraphs of the document's own text, kept while a quote is open."""

    def here(self) -> str:
        """The id of the container new units go into (``body`` at the top level)."""
        return self.stack[-1].id if self.stack else ROOT

    def place(self, draft: _Draft) -> None:
        (self.stack[-1].children if self.stack else self.roots).append(draft)

    def scope(self, level: str) -> str:
        """The id a new container of ``level`` is prefixed with: the containers above it."""
        parents = [d for d in self.stack if _CONTAINER_DEPTH[_level(d)] < _CONTAINER_DEPTH[level]]
        return parents[-1].id if parents else ""

    def annex(self) -> str:
        """The id of the open annex or quoted structure, which paragraphs, tables and figures are numbered in
        ("" in the document's own text outside annexes)."""
        annexes = [d for d in self.stack if d.type in ("annex", "quote", "part")]
        return annexes[-1].id if annexes else ""

    def enter_quote(self, element: Element, *, headed: bool) -> None:
        """Open a quoted structure under the paragraph quoting it (or the open container), with its own scope;
        ``headed``: the element is the quote's heading (else the quote has none and the element is its first unit)."""
        self.leave_quote()
        host = self.paragraph
        draft = _Draft("quote", self.ids.quote(host.id if host else self.here()), None,
                       heading=(element.text or None) if headed else None, refs=element.refs if headed else (),
                       sources=element.sources if headed else ())  # fmt: skip
        if host is not None:
            host.children.append(draft)
        else:
            self.place(draft)
        self.outside = (self.stack, self.paragraph, self.subparagraph)
        self.stack, self.paragraph, self.subparagraph = [draft], None, None
        self.quote = element.quote

    def leave_quote(self) -> None:
        if self.outside is not None:
            self.stack, self.paragraph, self.subparagraph = self.outside
        self.outside, self.quote, self.item_open = None, 0, False

    def container(self, element: Element, marker: Marker) -> None:
        depth = _CONTAINER_DEPTH[marker.level]
        while self.stack and _CONTAINER_DEPTH[_level(self.stack[-1])] >= depth:
            self.stack.pop()
        draft = _Draft(marker.level, self.ids.container(self.here(), self.scope(marker.level), marker), marker,  # type: ignore[arg-type]
                       heading=element.text or None, refs=element.refs, sources=element.sources)  # fmt: skip
        self.place(draft)
        self.stack.append(draft)
        self.paragraph = self.subparagraph = None
        self.item_open = False

    def numbered(self, element: Element, marker: Marker) -> None:
        if self.item_open and self.item_extras and marker.level == "subparagraph" and marker.ordinal == 1:
            self._release_item_extras()  # ``Parties in Mali`` / ``(a) …``: the headings head a new list, not the item
        self.item_open, self.item_extras = False, 0
        if marker.level == "paragraph":
            draft = _Draft("paragraph", self.ids.paragraph(self.here(), self.annex(), marker, self.unit), marker,
                           text=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
            if self.in_part() and not (ends_sentence(element.text) or ends_clause(element.text)):
                draft.heading, draft.text = element.text, None  # ``3. Adoption of the agenda``: the item's title
            self.place(draft)
            self.paragraph, self.subparagraph = draft, None
            return
        parent = self.subparagraph if marker.level == "subsubparagraph" and self.subparagraph else self.paragraph
        holder = parent.id if parent else self.here()
        siblings = parent.children if parent else (self.stack[-1].children if self.stack else self.roots)
        if starts_list(marker.ordinal, siblings[-1].type if siblings else None,
                       any(c.type == "subparagraph" for c in siblings)):  # fmt: skip
            self.lists[holder] = self.lists.get(holder, 1) + 1
        draft = _Draft("subparagraph", self.ids.point(holder, marker, self.lists.get(holder, 1)), marker,
                       text=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
        if parent is None:
            self.place(draft)
        else:
            parent.children.append(draft)
        if marker.level == "subparagraph":
            self.subparagraph = draft

    def _release_item_extras(self) -> None:
        """The headings and text taken as the open item's (``item_open``) go back to the list's holder."""
        item = self.subparagraph
        if item is None:
            return
        moved = item.children[-self.item_extras :]
        del item.children[-self.item_extras :]
        (self.paragraph.children if self.paragraph else self.stack[-1].children if self.stack else self.roots).extend(moved)

    def region(self, element: Element) -> None:
        """A table or figure: numbered from its caption (``table_2``, ``fig_3``), else anchored to the nearest
        number before it; its notes are its children. A table of contents is anchored the same way
        (``body__toc_1``). None interrupts the open paragraph."""
        marker = element.marker
        kind = element.kind if element.kind in ("table", "toc") else "figure"
        if marker is not None and marker.num:
            node_id = self.ids.captioned(self.here(), self.annex(), kind, marker)
        else:
            node_id = self.ids.unnumbered(self.here(), kind)
        draft = _Draft(element.kind, node_id, marker, heading=element.text or None, refs=element.refs,  # type: ignore[arg-type]
                       sources=element.sources, table=element.table, labels=element.labels)  # fmt: skip
        for index, note in enumerate(element.notes, 1):
            draft.children.append(_Draft("block", self.ids.note_child(draft.id, index), None, text=note.text,
                                         refs=note.refs, sources=note.sources))  # fmt: skip
        self.place(draft)

    def part(self, name: NodeType) -> None:
        """Open a resolution's ``preamble`` or ``conclusions`` at the top level."""
        self.stack, self.paragraph, self.subparagraph = [], None, None
        draft = _Draft(name, self.ids.part(name), None)
        self.place(draft)
        self.stack.append(draft)

    def in_part(self) -> bool:
        return any(d.type == "part" for d in self.stack)

    def open_part(self, element: Element, name: str) -> None:
        """An agenda's ``Provisional agenda`` or ``Annotations``: a part at the top level, numbering its own items."""
        self.leave_quote()
        self.stack, self.paragraph, self.subparagraph = [], None, None
        draft = _Draft("part", self.ids.part(name), None, heading=element.text or None, refs=element.refs,
                       sources=element.sources, role=name)  # fmt: skip
        self.place(draft)
        self.stack.append(draft)

    def end_part(self) -> None:
        if self.stack and self.stack[-1].type in _PARTS:
            self.stack.pop()

    def end_speech(self) -> None:
        """A heading or the proceedings (``The meeting rose …``) end the intervention that was going on."""
        while self.stack and self.stack[-1].type == "speech":
            self.stack.pop()
            self.paragraph = self.subparagraph = None

    def speech(self, element: Element) -> None:
        """``Mr. Smith (France): I thank …``: a new intervention, its speaker apart from what was said."""
        self.end_speech()
        match = SPEAKER.match(element.text)
        cut = match.end() if match else 0  # the speaker, the colon and the space after it
        if any(ref.offset < cut for ref in element.refs):
            cut = 0  # a call inside the speaker's name: the line stays whole
        speaker = element.text[:cut].rstrip().rstrip(":：").rstrip() if cut else None
        draft = _Draft("speech", self.ids.speech(), None, sources=element.sources, speaker=speaker)
        self.place(draft)
        self.stack.append(draft)
        self.paragraph = self.subparagraph = None
        rest = element.text[cut:]
        if rest.strip():
            refs = tuple(replace(ref, offset=ref.offset - cut) for ref in element.refs)
            self.unnumbered(replace(element, text=rest, refs=refs, role=""))

    def unnumbered(self, element: Element) -> None:
        """Unnumbered text: part of the open paragraph while that paragraph announces a list, else its own block."""
        if element.kind == "heading" or element.role == "proceedings":
            self.end_speech()
        if element.kind == "heading":
            if self.stack and not self.stack[-1].heading and self.stack[-1].type not in _PARTS:
                self.stack[-1].heading, self.stack[-1].refs = element.text, element.refs
                self.stack[-1].sources += element.sources
                return
            if self.quote and self.subparagraph is not None:  # a quoted agenda's ``Documentation`` under its item
                item = self.subparagraph
                item.children.append(_Draft("heading", self.ids.unnumbered(item.id, "heading"), None,
                                            heading=element.text, refs=element.refs, sources=element.sources))  # fmt: skip
                self.item_open, self.item_extras = True, self.item_extras + 1
                return
            draft = _Draft("heading", self.ids.unnumbered(self.here(), "heading"), None,
                           heading=element.text, refs=element.refs, sources=element.sources)  # fmt: skip
            self.place(draft)
            self.paragraph = self.subparagraph = None
            return
        host = self.paragraph if self.paragraph and (self.paragraph.titled or ends_clause(self.paragraph.last_text())) else None
        if self.item_open and self.subparagraph is not None:
            host, self.item_extras = self.subparagraph, self.item_extras + 1
        siblings = host.children if host else (self.stack[-1].children if self.stack else self.roots)
        draft = _Draft("block", self.ids.unnumbered(host.id if host else self.here(), "block"), None,
                       text=element.text, refs=element.refs, sources=element.sources,
                       role=element.role if element.role in NODE_ROLES else "")  # fmt: skip
        siblings.append(draft)
        if host is None:
            self.paragraph = self.subparagraph = None


def elements_to_tree(elements: tuple[Element, ...], unit: str = "para") -> tuple[Node, ...]:
    """Nest body elements under their annex, chapter, section and paragraph (``unit``: what the numbered
    paragraphs are called in their ids, ``Kind.unit``)."""
    builder = _Builder(unit)
    ordered = _headed_quotes(_with_unnumbered_headings(elements))
    preamble, operative, conclusions = resolution_parts(ordered)
    for index, element in enumerate(ordered):
        if index == preamble:
            builder.part("preamble")
        elif index in (operative, conclusions):
            builder.end_part()
        if index == conclusions:
            builder.part("conclusions")
        marker = element.marker
        if element.quote != builder.quote:
            headed = marker is not None and marker.level == "quote"
            if element.quote:
                builder.enter_quote(element, headed=headed)
            else:
                builder.leave_quote()
            if headed:
                continue
        if element.role == "speech" and SPEAKER.match(element.text):
            builder.speech(element)
        elif element.role in PARTS:
            builder.open_part(element, PARTS[element.role])
        elif element.kind in ("table", "figure", "toc"):
            builder.region(element)
        elif marker is not None and marker.level in _CONTAINER_DEPTH:
            builder.container(element, marker)
        elif marker is not None and marker.level in ("paragraph", "subparagraph", "subsubparagraph"):
            builder.numbered(element, marker)
        else:
            builder.unnumbered(element)
    return tuple(d.freeze() for d in builder.roots)


def _with_unnumbered_headings(elements: tuple[Element, ...]) -> list[Element]:
    out = list(elements)
    for index, element in enumerate(elements):
        following = elements[index + 1] if index + 1 < len(elements) else None
        if element.kind == "text" and _is_unnumbered_heading(element, following, elements[index - 1] if index else None):
            out[index] = replace(element, kind="heading")
    return out


def _headed_quotes(elements: list[Element]) -> list[Element]:
    """A quote opened by a number starting again (``1.``) begins at the unnumbered heading before it, with the
    unnumbered text in between (a preamble): ``B (71) Sequential review …`` and ``The Commission, Recalling …``
    belong to the decision that follows them, not to the text before."""
    out = list(elements)
    for index in range(1, len(out)):
        element = out[index]
        if not element.quote or element.quote == out[index - 1].quote or (element.marker and element.marker.level == "quote"):
            continue
        start = index - 1
        while start >= 0 and out[start].marker is None and out[start].kind in ("text", "heading") and index - start <= _PREAMBLE:
            if out[start].kind == "heading":
                for moved in range(start, index):
                    out[moved] = replace(out[moved], quote=element.quote)
                break
            start -= 1
    return out


_PREAMBLE = 40
"""elements: how far back from a quote's first number its heading may stand (a long preamble runs to 30)."""


def _is_unnumbered_heading(element: Element, following: Element | None, previous: Element | None = None) -> bool:
    """A short line with no closing punctuation, set in bold or italic, or standing right before a
    numbered paragraph (``A call to action`` / ``43. We reiterate …``), is a heading without a number; the last
    of a list of such lines (``Documentation:`` and the documents, one a line) is the list's, not a heading."""
    text = element.text
    if element.role or not text or len(text) > LAYOUT.max_emphasized_heading_chars:
        return False
    if element.emphasized and text[0].isupper() and text.rstrip().endswith((":", "：")) and _between_tables(previous, following):
        return True  # a mandate list's ``Security Council resolutions pertaining to …, including:`` over its table
    if ends_sentence(text) or ends_clause(text) or text[0].islower():
        return False
    if element.emphasized:
        return True
    if len(text) > LAYOUT.max_unnumbered_heading_chars:
        return False
    if previous is not None and previous.kind == "text" and previous.marker is None:
        intro = previous.text.rstrip().endswith((":", "："))  # ``Documentation:``, in italics or not
        item = not (previous.emphasized or ends_sentence(previous.text) or ends_clause(previous.text))
        if (intro or item) and len(previous.text) <= LAYOUT.max_unnumbered_heading_chars:
            return False
    return following is not None and following.marker is not None and following.marker.level == "paragraph"


def _between_tables(previous: Element | None, following: Element | None) -> bool:
    """A line right after one table and right before the next: the heading of the next (a list of mandates, one table
    under each heading)."""
    return previous is not None and previous.kind == "table" and following is not None and following.kind == "table"


def _level(draft: _Draft) -> str:
    return draft.marker.level if draft.marker else draft.type
