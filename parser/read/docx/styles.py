"""``styles.xml``: paragraph and character styles resolved through their ``basedOn`` chains.

What a style says about a paragraph, the reader turns into the format-neutral ``Line`` features: its
type size, bold and italic, its first-line indent, and a heading depth for the heading styles. The UN
templates name their headings ``HCh`` (chapter), ``H1`` (section), ``H23`` (sub-heading), ``H4``,
``H56``; Word's own ``heading 1``…``heading 9`` and an outline level say the same. The masthead and
title styles (``TitleHCH``, ``TitleH1``, ``Session``, ``AgendaItemNormal``…) are not headings of the
body: they give the type only, and the classifier reads the masthead from its words as on a PDF page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import etree

from .package import W

UN_HEADINGS = {"hch": 1, "h1": 2, "h23": 3, "h4": 4, "h56": 5}
"""UN template heading styles (ids and names, lower case) → heading depth."""
UN_TITLES = frozenset({"titlehch", "titleh1", "titleh23", "session", "agendaitemnormal", "agendatitleh2", "agendatitleh1"})
"""UN masthead and title styles: never a heading of the body, whatever outline level they carry."""
_WORD_HEADING = regex.compile(r"^heading\s?([1-9])$")
DEFAULT_SIZE = 10.0
"""Points: Word's size when no style says (the UN templates set 10 pt body type)."""


@dataclass(frozen=True, slots=True)
class Props:
    """Run properties after the cascade: ``None`` where nothing in the chain set them."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    sup: bool | None = None
    hidden: bool | None = None

    def over(self, base: Props) -> Props:
        """These properties where set, ``base``'s elsewhere."""
        return Props(
            self.bold if self.bold is not None else base.bold,
            self.italic if self.italic is not None else base.italic,
            self.size if self.size is not None else base.size,
            self.sup if self.sup is not None else base.sup,
            self.hidden if self.hidden is not None else base.hidden,
        )


@dataclass(frozen=True, slots=True)
class ParaStyle:
    """A paragraph style with everything it inherits."""

    style_id: str = ""
    chain: tuple[str, ...] = ()
    """Lower-case ids and names of the style and its ancestors, nearest first."""
    props: Props = field(default_factory=Props)
    outline_level: int | None = None
    first_line_twips: int = 0
    """The first-line indent (negative: hanging), in twentieths of a point."""
    num_id: str | None = None
    num_level: int = 0

    @property
    def heading_level(self) -> int:
        """The heading depth the style gives its paragraphs, 0 for body and masthead styles."""
        for name in self.chain:
            if name in UN_TITLES:
                return 0
            if name in UN_HEADINGS:
                return UN_HEADINGS[name]
            match = _WORD_HEADING.match(name)
            if match:
                return int(match.group(1))
        return self.outline_level + 1 if self.outline_level is not None and self.outline_level < 9 else 0


def run_props(rpr: etree._Element | None) -> Props:
    """The properties a ``w:rPr`` sets itself."""
    if rpr is None:
        return Props()
    size = rpr.find(W + "sz")
    align = rpr.find(W + "vertAlign")
    return Props(_toggle(rpr.find(W + "b")), _toggle(rpr.find(W + "i")),
                 _half_points(size.get(W + "val")) if size is not None else None,
                 align.get(W + "val") == "superscript" if align is not None else None,
                 _toggle(rpr.find(W + "vanish")))  # fmt: skip


def _toggle(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def _half_points(value: str | None) -> float | None:
    try:
        return int(value or "") / 2
    except ValueError:
        return None


def twips(value: str | None) -> int:
    try:
        return int(float(value or "0"))
    except ValueError:
        return 0


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph and character style of the document, resolved."""

    paragraphs: dict[str, ParaStyle]
    characters: dict[str, Props]
    default_paragraph: ParaStyle
    defaults: Props

    def paragraph(self, style_id: str | None) -> ParaStyle:
        return self.paragraphs.get(style_id or "", self.default_paragraph)

    def character(self, style_id: str | None) -> Props:
        return self.characters.get(style_id or "", Props())


def read_styles(root: etree._Element | None) -> Styles:
    """Resolve ``styles.xml`` (``None``: a package without one, Word's defaults)."""
    if root is None:
        return Styles({}, {}, ParaStyle(props=Props(False, False, DEFAULT_SIZE, False, False)), Props(False, False, DEFAULT_SIZE))
    base = Props(False, False, DEFAULT_SIZE, False, False)
    defaults = run_props(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")).over(base)
    raw = {s.get(W + "styleId", ""): s for s in root.iter(W + "style")}
    paragraphs: dict[str, ParaStyle] = {}
    characters: dict[str, Props] = {}
    default_id = ""
    for style_id, element in raw.items():
        kind = element.get(W + "type")
        if kind == "paragraph":
            paragraphs[style_id] = _resolve_paragraph(style_id, raw, defaults)
            if element.get(W + "default") in ("1", "true"):
                default_id = style_id
        elif kind == "character":
            characters[style_id] = _resolve_character(style_id, raw)
    default = paragraphs.get(default_id) or ParaStyle(props=defaults)
    return Styles(paragraphs, characters, default, defaults)


def _ancestry(style_id: str, raw: dict[str, etree._Element]) -> list[etree._Element]:
    """The style and its ``basedOn`` ancestors, nearest first (a loop in the chain is cut)."""
    out: list[etree._Element] = []
    seen: set[str] = set()
    current: str | None = style_id
    while current and current in raw and current not in seen:
        seen.add(current)
        element = raw[current]
        out.append(element)
        based = element.find(W + "basedOn")
        current = based.get(W + "val") if based is not None else None
    return out


def _resolve_paragraph(style_id: str, raw: dict[str, etree._Element], defaults: Props) -> ParaStyle:
    chain: list[str] = []
    props = Props()
    outline: int | None = None
    first: int | None = None
    num_id: str | None = None
    num_level: int | None = None
    for element in _ancestry(style_id, raw):
        name = element.find(W + "name")
        chain.append(element.get(W + "styleId", "").lower())
        if name is not None:
            chain.append(name.get(W + "val", "").lower())
        props = props.over(run_props(element.find(W + "rPr")))
        ppr = element.find(W + "pPr")
        if ppr is None:
            continue
        level = ppr.find(W + "outlineLvl")
        if outline is None and level is not None:
            outline = twips(level.get(W + "val"))
        ind = ppr.find(W + "ind")
        if first is None and ind is not None and (ind.get(W + "firstLine") or ind.get(W + "hanging")):
            first = twips(ind.get(W + "firstLine")) - twips(ind.get(W + "hanging"))
        num = ppr.find(W + "numPr")
        if num is not None:
            if num_id is None and num.find(W + "numId") is not None:
                num_id = num.find(W + "numId").get(W + "val")  # type: ignore[union-attr]
            if num_level is None and num.find(W + "ilvl") is not None:
                num_level = twips(num.find(W + "ilvl").get(W + "val"))  # type: ignore[union-attr]
    return ParaStyle(style_id, tuple(chain), props.over(defaults), outline, first or 0, num_id, num_level or 0)


def _resolve_character(style_id: str, raw: dict[str, etree._Element]) -> Props:
    props = Props()
    for element in _ancestry(style_id, raw):
        props = props.over(run_props(element.find(W + "rPr")))
    return props
