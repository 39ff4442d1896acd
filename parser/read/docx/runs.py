"""One Word paragraph's content to ``Span``s: the accepted text, as printed.

Walked in document order: runs give their text with the cascade of direct formatting, character style
and paragraph style; ``w:tab`` and line breaks become a space; a field shows its result, never its
instruction (``PAGE``, ``HYPERLINK "…"``); hyperlinks, content controls and insertions (``w:ins``) are
read through; deletions (``w:del``, ``w:moveFrom``), comments and hidden text are not printed, so they
are not read. A footnote or endnote reference becomes a superscript span holding its mark (Word's
automatic number, or the custom mark typed after it). Text boxes and frames inside the paragraph are
kept apart, as paragraphs of their own (``Walk.boxes``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from lxml import etree

from ...model import Span
from .package import W
from .styles import ParaStyle, Props, Styles, run_props

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
VML = "{urn:schemas-microsoft-com:vml}"
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_READ_THROUGH = frozenset(W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent",
                                          "fldSimple", "bdo", "dir", "rt", "ruby", "rubyBase"))  # fmt: skip
_NOT_PRINTED = frozenset(W + t for t in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "rubyPr"))

_TABLE_NOTE_MARK = regex.compile(r"[a-z]{1,2}|\*{1,3}")
"""The marks of a table's own notes, printed raised before their text (their calls in the cells are plain text)."""

Mark = Callable[[str, str, str | None], str]
"""``(kind, id, custom mark or None) → the mark``: numbers ``footnote``/``endnote`` references in order."""


@dataclass(slots=True)
class Walk:
    """The state of reading one paragraph."""

    styles: Styles
    style: ParaStyle
    mark: Mark
    spans: list[Span] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)
    """``(kind, id)`` of every note reference, in order."""
    boxes: list[etree._Element] = field(default_factory=list)
    """Paragraphs of text boxes and frames anchored in this paragraph."""
    figures: list[str] = field(default_factory=list)
    """Pictures and charts drawn in this paragraph: the relationship id of a chart, ``""`` for a picture."""
    fields: list[str] = field(default_factory=list)
    """Open complex fields: ``instr`` until their separator, then ``result``."""
    custom: tuple[str, str] | None = None
    """A reference whose custom mark is the next text of its run."""
    note_mark: str = ""
    """In a note part: the mark ``w:footnoteRef``/``w:endnoteRef`` stands for."""
    tabs: bool = False
    """Keep ``w:tab`` as a tab character (a contents entry's tab to its page number prints a dot leader)."""

    def add(self, text: str, props: Props, *, sup: bool = False) -> None:
        """Append ``text``; only a note's mark is a superscript span (a raised ``m3`` is text: Word says which is which)."""
        if not text:
            return
        if props.sup and _TABLE_NOTE_MARK.fullmatch(text.strip()) and not "".join(s.text for s in self.spans).strip():
            sup = True  # a raised letter opening a paragraph marks a table's note (``a Reflects updated …``)
        span = Span(text, sup=sup is True, bold=bool(props.bold), italic=bool(props.italic), size=props.size or 0.0)
        last = self.spans[-1] if self.spans else None
        if last is not None and (last.sup, last.bold, last.italic, last.size) == (span.sup, span.bold, span.italic, span.size):
            self.spans[-1] = Span(last.text + text, last.sup, last.bold, last.italic, last.size)
        else:
            self.spans.append(span)


def paragraph_spans(paragraph: etree._Element, walk: Walk) -> None:
    """Read ``paragraph``'s content into ``walk``."""
    _children(paragraph, walk)


def _children(element: etree._Element, walk: Walk) -> None:
    for child in element:
        tag = child.tag
        if tag == W + "r":
            _run(child, walk)
        elif tag in _READ_THROUGH:
            _children(child, walk)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            _children(choice if choice is not None else child, walk)
        elif tag == MATH + "oMath" or tag == MATH + "oMathPara":
            walk.add("".join(t.text or "" for t in child.iter(MATH + "t")), walk.style.props)


def _run(run: etree._Element, walk: Walk) -> None:
    direct = run_props(run.find(W + "rPr"))
    rstyle = run.find(f"{W}rPr/{W}rStyle")
    props = direct.over(walk.styles.character(rstyle.get(W + "val") if rstyle is not None else None)).over(walk.style.props)
    if props.hidden:
        return
    for child in run:
        tag = child.tag
        if tag == W + "fldChar":
            _field(child.get(W + "fldCharType", ""), walk)
        elif walk.fields and walk.fields[-1] == "instr":
            continue
        elif tag == W + "t":
            text = child.text or ""
            if walk.custom is not None and text:
                kind, note = walk.custom
                walk.custom = None
                walk.calls.append((kind, note))
                walk.add(walk.mark(kind, note, text.strip()), props, sup=True)
            else:
                walk.add(text, props)
        elif tag in (W + "tab", W + "ptab", W + "br", W + "cr"):
            if child.get(W + "type") not in ("page", "column"):
                walk.add("\t" if walk.tabs and tag == W + "tab" else " ", props)
        elif tag == W + "noBreakHyphen":
            walk.add("-", props)
        elif tag == W + "sym":
            code = int(child.get(W + "char", "0") or "0", 16) if _hex(child.get(W + "char")) else 0
            if code and not 0xE000 <= code <= 0xF8FF:
                walk.add(chr(code), props)
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            kind = "footnote" if tag == W + "footnoteReference" else "endnote"
            note = child.get(W + "id", "")
            if child.get(W + "customMarkFollows") in ("1", "true", "on"):
                walk.custom = (kind, note)
            else:
                walk.calls.append((kind, note))
                walk.add(walk.mark(kind, note, None), props, sup=True)
        elif tag in (W + "footnoteRef", W + "endnoteRef"):
            walk.add(walk.note_mark, props, sup=True)
        elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
            boxes = _box_paragraphs(child)
            walk.boxes.extend(boxes)
            if not boxes:
                walk.figures.extend(_figures(child))


def _figures(element: etree._Element) -> list[str]:
    """The charts (by relationship id) and pictures of a drawing; shapes without a picture are not figures."""
    for chart in element.iter(CHART + "chart"):
        return [chart.get(RID, "")]
    if any(True for _ in element.iter(DRAWING + "blip")) or any(True for _ in element.iter(VML + "imagedata")):
        return [""]
    return []


def _field(kind: str, walk: Walk) -> None:
    if kind == "begin":
        walk.fields.append("instr")
    elif kind == "separate" and walk.fields:
        walk.fields[-1] = "result"
    elif kind == "end" and walk.fields:
        walk.fields.pop()


def _box_paragraphs(element: etree._Element) -> list[etree._Element]:
    """The paragraphs of the text boxes inside a drawing (the first rendering of an ``mc:AlternateContent``)."""
    if element.tag == MC + "AlternateContent":
        choice = element.find(MC + "Choice")
        element = choice if choice is not None else element
    out: list[etree._Element] = []
    for box in element.iter(W + "txbxContent"):
        if any(a.tag == W + "txbxContent" for a in box.iterancestors()) or _in_fallback(box, element):
            continue
        out.extend(box.iter(W + "p"))
    return out


def _in_fallback(node: etree._Element, top: etree._Element) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == MC + "Fallback":
            return True
    return False


def _hex(value: str | None) -> bool:
    try:
        int(value or "", 16)
    except ValueError:
        return False
    return True
