"""A ``Document`` as Akoma Ntoso 3.0, following the UN's AKN4UN usage.

``<doc name="report">`` with FRBR identification, the masthead in
``<coverPage>``, session, agenda item, title and summary in ``<preface>``,
and the numbered body in ``<mainBody>``: chapters (``chp_3``), sections
(``chp_3__sec_A``), paragraphs (``para_48``) and sub-paragraphs as
``list``/``point``. Each footnote is an ``authorialNote`` at its call site;
a note called again is a ``noteRef``, and a note never called sits in
``meta/notes``. eIds are the language-neutral ids of the JSON output.
An unnumbered heading is a ``crossHeading`` where the schema allows one
(inside a container or a list) and an ``hcontainer name="crossHeading"``
with its ``heading`` elsewhere (directly in ``mainBody``). The input's
name and sha256 are in ``meta/proprietary``. The output holds no clock
time: the manifestation's date is ``SOURCE_DATE_EPOCH`` when it is set,
else the document's own date, so two runs give the same bytes.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

import regex
from lxml import etree

from .. import __version__
from ..errors import UsageError
from ..kinds import akn_name, akn_type
from ..model import CONTAINER_TYPES, Document, Footnote, FootnoteRef, Metadata, Node
from ..numbering import roman_to_int
from ..vocab import ORGANS
from .to_xml_debate import person_href, speakers, write_debate_body
from .to_xml_statement import write_conclusions, write_preamble

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANG3 = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
_XML_INVALID = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NS = f"{{{AKN_NS}}}"
UNDOC_NS = "urn:undoc:1"
"""Namespace of undoc's own metadata in ``meta/proprietary`` (the input's name and sha256)."""
_CROSS_HEADING_PARENTS = frozenset(_NS + tag for tag in ("chapter", "section", "subsection", "paragraph", "point", "list",
                                                         "hcontainer"))  # fmt: skip
"""Elements of the XSD's ``hierarchy`` type, whose content model takes a ``crossHeading`` among its children."""


def _e(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    if parent is None:
        element = etree.Element(_NS + tag, nsmap={None: AKN_NS})  # type: ignore[dict-item]
    else:
        element = etree.SubElement(parent, _NS + tag)
    for key, value in attrs.items():
        element.set(key.rstrip("_"), clean(value))
    if text:
        element.text = clean(text)
    return element


def clean(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF)."""
    return _XML_INVALID.sub("", text)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_TAGS = {"annex": "hcontainer", "part": "hcontainer", "chapter": "chapter", "section": "section", "subsection": "subsection",
         "paragraph": "paragraph", "subparagraph": "point", "block": "paragraph"}  # fmt: skip


_SUBTYPE = {"doc": "paper", "statement": "deliberation", "debate": "record"}
"""The AKN4UN ``FRBRsubtype`` of each document type."""


def document_type(doc: Document) -> str:
    """The AKN document type: a record's ``debate``; a ``statement`` for a body with a resolution's parts (its
    preamble, its conclusions), whatever its masthead says; else ``doc``."""
    if akn_type(doc.metadata.kind) == "debate":
        return "debate"
    if any(node.type in ("preamble", "conclusions") for node in doc.body):
        return "statement"
    return "doc"


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.notes = {n.id: n for n in doc.footnotes}
        self.placed: set[str] = set()
        self.doc_type = document_type(doc)

    def build(self) -> etree._Element:
        root = _e(None, "akomaNtoso")
        record = self.doc_type == "debate"
        parts = {n.type: n for n in self.doc.body if n.type in ("preamble", "conclusions")}
        doc = _e(root, self.doc_type, name=akn_name(self.doc.metadata))
        meta = _e(doc, "meta")
        self.identification(meta)
        self.references(meta)
        self.cover(doc)
        self.preface(doc)
        if record:
            write_debate_body(self, _e, doc, self.doc.body)
        else:
            if "preamble" in parts:
                write_preamble(self, _e, doc, parts["preamble"])
            body = _e(doc, "mainBody")
            for node in self.doc.body:
                if node.type not in parts:
                    self.node(body, node)
            if not len(body):
                _e(_e(body, "hcontainer", name="empty", eId="body_empty"), "content").append(etree.Element(_NS + "p"))
            if "conclusions" in parts:
                write_conclusions(self, _e, doc, parts["conclusions"])
        self.leftover_notes(meta)
        proprietary = _e(meta, "proprietary", source="#undoc")
        source = etree.SubElement(proprietary, f"{{{UNDOC_NS}}}source", nsmap={"undoc": UNDOC_NS})
        source.set("name", clean(self.doc.source.name))
        source.set("sha256", self.doc.source.sha256)
        return root

    # --- meta ---------------------------------------------------------------
    def identification(self, meta: etree._Element) -> None:
        md = self.doc.metadata
        symbol = self.doc.symbol or "unknown"
        number = regex.sub(r"[^A-Za-z0-9.\-]", "-", symbol.replace("/", "-").replace(" ", "_"))
        day = md.date_iso or "0000-00-00"
        actor = _actor(md)
        subtype = _SUBTYPE[self.doc_type]
        work = f"/akn/un/{self.doc_type}/{subtype}/{actor}/{day}/{number}"
        lang = LANG3.get(self.doc.language, self.doc.language)
        expression = f"{work}/{lang}@{md.date_iso or ''}".rstrip("@")
        valid_day = md.date_iso or "0001-01-01"
        ident = _e(meta, "identification", source="#undoc")
        w = _e(ident, "FRBRWork")
        _e(w, "FRBRthis", value=f"{work}/!main")
        _e(w, "FRBRuri", value=work)
        _e(w, "FRBRdate", date=valid_day, name="publication" if md.date_iso else "unknown")
        _e(w, "FRBRauthor", href="#author")
        _e(w, "FRBRcountry", value="un")
        _e(w, "FRBRsubtype", value=subtype)
        _e(w, "FRBRnumber", value=number, showAs=symbol)
        x = _e(ident, "FRBRExpression")
        _e(x, "FRBRthis", value=f"{expression}/!main")
        _e(x, "FRBRuri", value=expression)
        _e(x, "FRBRdate", date=valid_day, name="publication" if md.date_iso else "unknown")
        _e(x, "FRBRauthor", href="#author")
        _e(x, "FRBRlanguage", language=lang)
        m = _e(ident, "FRBRManifestation")
        _e(m, "FRBRthis", value=f"{expression}/!main.xml")
        _e(m, "FRBRuri", value=f"{expression}.xml")
        markup_day, markup_name = markup_date(md)
        _e(m, "FRBRdate", date=markup_day, name=markup_name)
        _e(m, "FRBRauthor", href="#undoc")
        _e(m, "FRBRformat", value="xml")

    def references(self, meta: etree._Element) -> None:
        refs = _e(meta, "references", source="#undoc")
        _e(refs, "TLCOrganization", eId="undoc", href="/ontology/organization/undoc", showAs=f"undoc {__version__}")
        actor = _actor(self.doc.metadata)
        _e(refs, "TLCOrganization", eId="author", href=f"/ontology/organization/un/{actor}", showAs=actor)
        _e(refs, "TLCConcept", eId="symbol", href="/ontology/concept/un/symbol", showAs="document symbol")
        for speaker, eid in speakers(self.doc.body).items():
            _e(refs, "TLCPerson", eId=eid, href=person_href(speaker), showAs=speaker)

    def leftover_notes(self, meta: etree._Element) -> None:
        left = [n for n in self.doc.footnotes if n.id not in self.placed]
        if not left:
            return
        notes = _e(meta, "notes", source="#undoc")
        for note in left:
            holder = _e(notes, "note", eId=note.id, marker=note.marker)
            _e(holder, "p", note.text)

    # --- masthead ------------------------------------------------------------
    def cover(self, doc: etree._Element) -> None:
        md = self.doc.metadata
        cover = _e(doc, "coverPage")
        for symbol in md.symbols:
            _e(_e(cover, "p"), "docNumber", symbol, refersTo="#symbol")
        for item, name in ((md.organ, "organ"), (md.distribution, "distribution"), (md.original_language, "originalLanguage")):
            if item is not None:
                self.inline_text(_e(_e(cover, "p"), "inline", name=name), item.text, item.footnote_refs)
        if md.date is not None:
            self.inline_text(_e(_e(cover, "p"), "docDate", date=md.date_iso or "0001-01-01"), md.date.text, md.date.footnote_refs)
        for item in md.other:
            self.inline_text(_e(cover, "p"), item.text, item.footnote_refs)
        if not len(cover):
            _e(cover, "p")

    def preface(self, doc: etree._Element) -> None:
        md = self.doc.metadata
        preface = _e(doc, "preface")
        if md.session is not None:
            attrs = {"value": str(md.session_number)} if md.session_number else {"value": md.session.text}
            self.inline_text(_e(_e(preface, "p"), "session", **attrs), md.session.text, md.session.footnote_refs)
        for item, tag, name in ((md.session_dates, "inline", "sessionDates"), (md.agenda, "inline", "agendaItem"),
                                (md.agenda_title, "inline", "agendaTitle"),
                                (md.title, "docTitle", ""), (md.subtitle, "docType", "")):  # fmt: skip
            if item is not None:
                attrs = {"name": name} if name else {}
                self.inline_text(_e(_e(preface, "p"), tag, **attrs), item.text, item.footnote_refs)
        if md.summary_heading is not None or md.summary:
            box = _e(preface, "container", name="summary")
            if md.summary_heading is not None:
                self.inline_text(_e(box, "p", class_="heading"), md.summary_heading.text, md.summary_heading.footnote_refs)
            for para in md.summary:
                self.inline_text(_e(box, "p", eId=para.id), para.text or "", para.footnote_refs)
        if not len(preface):
            _e(preface, "p")

    # --- body ------------------------------------------------------------------
    def node(self, parent: etree._Element, node: Node) -> None:
        if node.type in ("table", "figure"):
            self.region(parent, node)
            return
        if node.type == "toc":
            self.toc(parent, node)
            return
        if node.type == "quote":
            self.quote(parent, node)
            return
        if node.type == "heading":
            if parent.tag in _CROSS_HEADING_PARENTS:
                holder = _e(parent, "crossHeading", eId=node.id)
                self.inline_text(holder, node.heading or "", node.footnote_refs)
            else:
                holder = _e(parent, "hcontainer", name="crossHeading", eId=node.id)
                self.inline_text(_e(holder, "heading"), node.heading or "", node.footnote_refs)
            if node.language:
                holder.set(_XML_LANG, node.language)
            return
        tag = _TAGS[node.type]
        if node.type == "block" and parent.tag == _NS + "list":
            tag = "point"
        attrs = {"eId": node.id}
        if node.type == "annex":
            attrs["name"] = "annex"
        elif node.type == "part":
            attrs["name"] = node.role or "part"
        elif node.role:
            attrs["class_"] = node.role
        element = _e(parent, tag, **attrs)
        if node.language:
            element.set(_XML_LANG, node.language)  # a block in another language than the document's
        if node.marker:
            _e(element, "num", node.marker)
        titled = node.type == "paragraph" and node.text is None and node.heading is not None  # an agenda's item
        if node.heading is not None and (node.type != "paragraph" or titled):
            self.inline_text(_e(element, "heading"), node.heading, node.footnote_refs)
        if node.type in CONTAINER_TYPES or titled:
            for child in node.children:
                self.node(element, child)
            return
        if not node.children:
            held = _e(_e(element, "content"), "p")
            if node.role == "signature":  # ``(Signed) Name`` and the signatory's titles
                held = _e(held, "signature")
            self.inline_text(held, node.text or "", node.footnote_refs)
            return
        holder = _e(element, "list", eId=f"{node.id}__list_1")
        if node.text:
            self.inline_text(_e(_e(holder, "intro"), "p"), node.text, node.footnote_refs)
        for child in node.children:
            self.node(holder, child)

    def region(self, parent: etree._Element, node: Node) -> None:
        """A table or figure as ``<hcontainer name="table|figure">``: its number and caption, then in
        ``<content>`` the cells as an HTML-style ``<table>`` (or the figure's own text) and its notes."""
        element = _e(parent, "hcontainer", name=node.type, eId=node.id)
        if node.marker:
            _e(element, "num", node.marker)
        if node.heading:
            self.inline_text(_e(element, "heading"), node.heading, node.footnote_refs)
        self.region_content(_e(element, "content"), node)

    def region_content(self, content: etree._Element, node: Node) -> None:
        """A table's cells as an HTML-style ``<table>`` (or a figure's own text) and its notes, into ``content``."""
        if node.table is not None and node.table.rows:
            grid = _e(content, "table", eId=f"{node.id}__grid")
            for index, row in enumerate(node.table.rows):
                tr = _e(grid, "tr")
                for cell in row:
                    spans = {"rowspan": str(cell.row_span)} if cell.row_span > 1 else {}
                    if cell.col_span > 1:
                        spans["colspan"] = str(cell.col_span)
                    td = _e(tr, "th" if index < node.table.header_rows else "td", **spans)
                    self.inline_text(_e(td, "p"), cell.text, cell.footnote_refs)
        for label in node.labels:
            _e(content, "p", label, class_="figureText")
        for child in node.children:
            self.inline_text(_e(content, "p", eId=child.id, class_="note"), child.text or "", child.footnote_refs)
        if not len(content):
            _e(content, "p")

    def toc(self, parent: etree._Element, node: Node) -> None:
        """A table of contents as ``<hcontainer name="toc">`` holding AKN's ``<toc>``: one ``tocItem`` per
        entry, at its level (chapter 1, section 2, …), linked to the unit of the body it names."""
        element = _e(parent, "hcontainer", name="toc", eId=node.id)
        if node.heading:
            self.inline_text(_e(element, "heading"), node.heading, node.footnote_refs)
        content = _e(element, "content")
        rows = node.table.rows[node.table.header_rows :] if node.table is not None else ()
        if not rows:
            _e(content, "p")
            return
        toc = _e(content, "toc", eId=f"{node.id}__items")
        targets = _toc_targets(self.doc)
        for (num, title, page), level in zip(rows, toc_levels([row[0].text for row in rows]), strict=True):
            target = targets.get(_toc_key(num.text, title.text), node.id)
            item = _e(toc, "tocItem", href=f"#{target}", level=str(level))
            if num.text:
                _e(item, "inline", num.text, name="num").tail = " "
            self.inline_text(_e(item, "inline", name="title"), title.text, title.footnote_refs)
            if page.text:
                _e(item, "inline", page.text, name="page").tail = None

    def quote(self, parent: etree._Element, node: Node) -> None:
        """A quoted structure as ``<hcontainer name="quote">`` whose content is an ``embeddedStructure`` holding
        the quoted units, numbered in its own scope."""
        element = _e(parent, "hcontainer", name="quote", eId=node.id)
        if node.heading:
            self.inline_text(_e(element, "heading"), node.heading, node.footnote_refs)
        structure = _e(_e(_e(element, "content"), "p"), "embeddedStructure", eId=f"{node.id}__text")
        for child in node.children:
            self.node(structure, child)
        if not len(structure):
            _e(structure, "p")

    def inline_text(self, element: etree._Element, text: str, refs: tuple[FootnoteRef, ...]) -> None:
        """``text`` into ``element`` with each call spliced in at its offset as a note (or a noteRef)."""
        last: etree._Element | None = None
        position = 0
        element.text = clean(text[: refs[0].offset]) if refs else clean(text)
        for index, ref in enumerate(refs):
            position = ref.offset
            last = self.call(element, ref)
            end = refs[index + 1].offset if index + 1 < len(refs) else len(text)
            last.tail = clean(text[position:end])

    def call(self, element: etree._Element, ref: FootnoteRef) -> etree._Element:
        note: Footnote | None = self.notes.get(ref.note)
        if note is None or ref.note in self.placed:
            return _e(element, "noteRef", href=f"#{ref.note}", marker=ref.marker)
        self.placed.add(ref.note)
        holder = _e(element, "authorialNote", marker=ref.marker, placement="bottom", eId=note.id)
        _e(holder, "p", note.text)
        return holder


def toc_levels(nums: list[str]) -> list[int]:
    """Each table-of-contents entry's depth from its printed number: roman chapters 1, lettered sections 2,
    arabic numbers 3; an unnumbered entry at the depth of chapters. ``C.`` after ``B.`` is a letter."""
    levels: list[int] = []
    letter = 0
    for num in (n.strip().rstrip(".") for n in nums):
        value = roman_to_int(num) if num.isupper() else None
        if len(num) == 1 and num.isalpha() and num.isupper() and (value is None or ord(num) - 64 == letter + 1):
            letter = ord(num) - 64
            levels.append(2)
        elif value is not None:
            letter = 0
            levels.append(1)
        else:
            levels.append(3 if num[:1].isdigit() else 1)
    return levels


def _toc_key(num: str, title: str) -> str:
    return " ".join((num.rstrip(".") + " " + title).split()).casefold()


def _toc_targets(doc: Document) -> dict[str, str]:
    """The ids of the body's headed units by number and heading, for linking table-of-contents entries."""
    out: dict[str, str] = {}
    for node in doc.nodes():
        if node.type in (*CONTAINER_TYPES, "heading") and node.heading:
            out.setdefault(_toc_key(node.num or "", node.heading), node.id)
    return out


def _actor(md: Metadata) -> str:
    """The author in the FRBR URI (``un-ga``) from the masthead's organ; ``un`` when there is none."""
    return ORGANS.get(md.organ.text.strip(), "un") if md.organ is not None else "un"


def markup_date(md: Metadata) -> tuple[str, str]:
    """The manifestation's ``FRBRdate`` (date, name): ``SOURCE_DATE_EPOCH``'s day, else the document's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat(), "markup"
        except (ValueError, OverflowError, OSError):
            raise UsageError("SOURCE_DATE_EPOCH", f"must be whole seconds since 1970-01-01, not {epoch!r}") from None
    return (md.date_iso, "document") if md.date_iso else ("0001-01-01", "unknown")


def document_to_xml(doc: Document) -> bytes:
    """The AKN XML document as UTF-8 bytes with an XML declaration."""
    tree = _Writer(doc).build()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
