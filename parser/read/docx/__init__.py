"""Word ``.docx`` files to the same ``Line`` stream the text and PDF readers give.

A ``.docx`` is a zip of XML parts (``package``: opened with limits, XML without DTDs or entities). The
reader resolves the styles (``styles``: ``basedOn`` chains, the UN heading styles) and the automatic
numbering (``numbering``), then reads the body in order (``body``, paragraph content in ``runs``): every
paragraph one line with the typography its style gives it, tables as region lines, each note after the
paragraph that calls it with its call as a superscript at its exact place. The first page's header (the
masthead: ``United Nations``, the symbol, ``Distr.: General``, the date) is read before the body, as
the PDF reader reads the top of page 1; every other header and footer is recorded as dropped furniture.
Word's paragraphs are the document's own, so nothing is measured from a layout: no page furniture to
remove, no line ends to join.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from lxml import etree

from ...errors import CorruptDocx
from ...model import Dropped, Line, Source, Span
from .body import Reader, join_split_headings
from .numbering import read_numbering
from .package import Package, R, W, open_package
from .styles import read_styles

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_NOTES = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))
_FURNITURE_PART = regex.compile(r"^(header|footer)\d*\.xml$")
_WORD_NOTE_DEFAULTS = {"footnote": "decimal", "endnote": "lowerRoman"}


@dataclass(frozen=True, slots=True)
class DocxRead:
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]
    paragraphs: int
    """Block-level paragraphs and tables read (what ``Source.line`` counts)."""


def read_docx(data: bytes, name: str) -> DocxRead:
    """Read a ``.docx`` held in ``data``; errors (``CorruptDocx``, ``UnsafeDocx``) name ``name``."""
    package = open_package(data, name)
    document = package.xml("word/document.xml")
    body = document.find(W + "body")
    if body is None:
        raise CorruptDocx(name, "word/document.xml has no body")
    styles = read_styles(package.optional("word/styles.xml"))
    reader = Reader(styles, read_numbering(package.optional("word/numbering.xml")), _notes(package),
                    _note_formats(package, body), body_size=styles.default_paragraph.props.size or 10.0)  # fmt: skip
    rels = package.relationships("word/document.xml")
    reader.chart_labels = lambda rid: chart_labels(package, rels.get(rid))
    first_header, furniture = _headers(package, body, rels)
    lines: list[Line] = []
    if first_header is not None:
        reader.in_header = True
        lines.extend(reader.blocks(first_header, layout_tables=True))
        reader.in_header = False
    lines.extend(reader.blocks(body))
    lines.extend(reader.flush())
    lines = join_split_headings(lines)
    dropped = tuple(Dropped(kind, text, Source()) for kind, text in furniture if text)
    return DocxRead(tuple(lines), dropped, reader.index)


def chart_labels(package: Package, part: str | None) -> tuple[tuple[Span, ...], ...]:
    """A chart's text as it is drawn: its title and series names, its category labels (each once, in order)."""
    if part is None or not package.has(part):
        return ()
    root = package.xml(part)
    texts = [t.text or "" for t in root.iter(_A + "t")] + [v.text or "" for v in root.iter(_C + "v") if _in_strings(v)]
    seen = dict.fromkeys(t.strip() for t in texts if _printable(t))
    return tuple((Span(text),) for text in seen if text)


def _in_strings(value: etree._Element) -> bool:
    return any(a.tag == _C + "strCache" for a in value.iterancestors())


def _printable(text: str) -> bool:
    """Drawn text: not a Symbol-font glyph (private use) nor a field placeholder such as ``[VALUE]``."""
    text = text.strip()
    return bool(text) and not all("\ue000" <= ch <= "\uf8ff" for ch in text) and not (text.startswith("[") and text.endswith("]"))


def _notes(package: Package) -> dict[str, dict[str, etree._Element]]:
    out: dict[str, dict[str, etree._Element]] = {}
    for kind, part in _NOTES:
        root = package.optional(part)
        notes = root.iter(W + kind) if root is not None else iter(())
        out[kind] = {n.get(W + "id", ""): n for n in notes if n.get(W + "type", "normal") == "normal"}
    return out


def _note_formats(package: Package, body: etree._Element) -> dict[str, str]:
    """Word's number format of automatic note marks: the section's, else the settings', else Word's default."""
    formats = dict(_WORD_NOTE_DEFAULTS)
    settings = package.optional("word/settings.xml")
    places = [settings] if settings is not None else []
    places.extend(body.iter(W + "sectPr"))
    for place in places:
        for kind in formats:
            fmt = place.find(f"{W}{kind}Pr/{W}numFmt")
            if fmt is not None and fmt.get(W + "val"):
                formats[kind] = fmt.get(W + "val", formats[kind])
    return formats


def _headers(package: Package, body: etree._Element, rels: dict[str, str]) -> tuple[etree._Element | None, list[tuple[str, str]]]:
    """The first page's header (the masthead) and the text of every other header and footer, as furniture."""
    first_section = next(body.iter(W + "sectPr"), None)
    first_part = None
    if first_section is not None:
        wanted = "first" if first_section.find(W + "titlePg") is not None else "default"
        for ref in first_section.iter(W + "headerReference"):
            if ref.get(W + "type", "default") == wanted:
                first_part = rels.get(ref.get(R + "id", ""))
    masthead = None
    furniture: list[tuple[str, str]] = []
    for part in sorted(set(rels.values())):
        match = _FURNITURE_PART.match(part.rsplit("/", 1)[-1])
        if match is None or not package.has(part):
            continue
        kind = match.group(1)
        root = package.xml(part)
        if part == first_part and kind == "header":
            masthead = root
        else:
            text = " ".join(" ".join("".join(t.text or "" for t in p.iter(W + "t")).split()) for p in root.iter(W + "p"))
            furniture.append((kind, " ".join(text.split())))
    return masthead, furniture
