"""A seed-style report model (``render_un_pdf.Doc``) as a Word document (``.docx``), the way UN documents are made.

Plain ``zipfile`` and XML text, each part checked well-formed with lxml. What a
word processor gives a PDF and WeasyPrint does not: real Word footnotes
(``word/footnotes.xml``, ``w:footnoteReference`` numbered by the word
processor, the masthead ``*`` note as a custom mark), the UN paragraph styles
(``HCh`` chapter, ``H1`` section, ``H23`` other heading, ``SingleTxt`` body,
``TitleHCH``/``TitleH1`` title and subtitle), running headers with the symbol
(left on even pages, right on odd ones), the job-number footer with the page
number, a first page of its own (the masthead as a table, the job line, barcode
text and recycling line at its foot), and for a right-to-left language the
``w:bidi`` section and paragraphs, ``w:rtl`` runs and Latin tokens in runs of
their own, as Word splits them.

``Page`` says how to lay it out (fonts, size, line spacing, paper, alignment);
``Tongue`` what the language needs (masthead words, script slot, direction).
Both are plain data: ``render_wordproc.py`` holds the table of them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from render_un_pdf import Doc, Heading, Para, inline_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
PAPER = {"A4": (11906, 16838), "Letter": (12240, 15840)}
"""Page width and height in twentieths of a point."""
MARGIN = (1418, 1200, 1440, 1200)
"""Top, right, bottom, left margins (twips): the text column of UN documents (about 17 cm on A4)."""
HANG = 567
"""Paragraph numbers and note marks hang this far (1 cm) left of the text (right of it, right to left)."""
TEXT_INDENT = 1134
"""Body text starts 2 cm in from the margin, as UN ``SingleTxt`` does; the number sits at 1 cm."""
LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9./:@_\-]*(?:[ ,.:;'’&()\-]+[A-Za-z0-9][A-Za-z0-9./:@_\-]*)*[.)]?")
"""A run of Latin words inside right-to-left text: Word puts it in a run of its own, without ``w:rtl``."""


@dataclass(frozen=True)
class Page:
    """How one rendering of a document is laid out."""

    name: str
    font: str
    """The font of the language's own script (East Asian or complex-script slot)."""
    latin: str = ""
    """Latin letters and digits; ``""``: the same font."""
    size: float = 10.0
    """Body size in points; notes are two points smaller."""
    spacing: float = 1.0
    """Line spacing, a multiple of single."""
    paper: str = "A4"
    justify: bool = True
    autospace: bool = True
    """The word processor's automatic space between CJK and Latin or digits (``w:autoSpaceDE``/``DN``)."""
    recycle: str = ""
    """The recycling line at the foot of page 1 (``""``: the language's usual wording)."""
    hang: bool = False
    """Fullwidth punctuation may hang in the margin (``w:overflowPunct``). Off by default: LibreOffice 7.4 sometimes
    draws no glyph at all for a full stop it hangs at the end of a justified line, and no reader can get it back."""

    @property
    def latin_font(self) -> str:
        return self.latin or self.font


@dataclass(frozen=True)
class Tongue:
    """What a language's document needs besides its text: masthead words, script slot and direction."""

    code: str
    authority: str
    organ: str
    language: str
    """The language line of the masthead, kept in English as UN documents print it (``Chinese``)."""
    job_suffix: str
    recycle: str
    slot: str
    """``eastAsia`` (CJK) or ``cs`` (complex script: Arabic): where the script's font and size go."""
    lang_tag: str
    rtl: bool = False
    distribution: str = "Distr.: General"
    date: str = "16 July 2018"
    original: str = "Original: English"
    symbol: str = "A/73/254"
    job: str = "18-12345"
    dates: str = "160718    170718"
    barcode: str = "*1812345*"


# ---------------------------------------------------------------- runs


def _rpr(page: Page, tongue: Tongue, size: float, *, bold: bool = False, italic: bool = False,
         sup: bool = False, rtl: bool = False, style: str = "") -> str:  # fmt: skip
    half = round(size * 2)
    parts = [f'<w:rStyle w:val="{style}"/>' if style else ""]
    parts.append(f'<w:rFonts w:ascii="{page.latin_font}" w:hAnsi="{page.latin_font}" '
                 f'w:eastAsia="{page.font if tongue.slot == "eastAsia" else page.latin_font}" '
                 f'w:cs="{page.font if tongue.slot == "cs" else page.latin_font}"/>')  # fmt: skip
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if sup:
        parts.append('<w:vertAlign w:val="superscript"/>')
    if rtl:
        parts.append("<w:rtl/>")
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    parts.append(f'<w:lang w:val="en-GB" w:eastAsia="{tongue.lang_tag if tongue.slot == "eastAsia" else "zh-CN"}" '
                 f'w:bidi="{tongue.lang_tag if tongue.slot == "cs" else "ar-SA"}"/>')  # fmt: skip
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _script_runs(text: str, rtl: bool) -> Iterator[tuple[str, bool]]:
    """(piece, right to left) runs: in a right-to-left document Latin tokens stand in runs of their own."""
    if not rtl:
        yield text, False
        return
    pos = 0
    for m in LATIN_TOKEN.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], True
        yield m.group(), False
        pos = m.end()
    if pos < len(text):
        yield text[pos:], True


class Notes:
    """The document's footnotes, in the order of their calls; id 1 is the masthead ``*`` note when there is one."""

    def __init__(self, page: Page, tongue: Tongue) -> None:
        self.page, self.tongue = page, tongue
        self.bodies: list[str] = []

    def add(self, mark: str, text: str) -> int:
        note_size = self.page.size - 2
        custom = mark == "*"
        # A custom mark is typed in the note by Word's user; LibreOffice draws the call's mark there itself.
        ref = "" if custom else f"<w:r>{self.rpr(note_size, sup=True, style='FootnoteReference')}<w:footnoteRef/></w:r>"
        body = ref + f"<w:r>{self.rpr(note_size)}<w:tab/></w:r>" + runs(text, {}, self.page, self.tongue, note_size, self)
        self.bodies.append(f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{body}</w:p>')
        return len(self.bodies)

    def rpr(self, size: float, **kw: bool | str) -> str:
        return _rpr(self.page, self.tongue, size, rtl=self.tongue.rtl, **kw)  # type: ignore[arg-type]

    def xml(self) -> str:
        fixed = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                 "</w:footnote>")  # fmt: skip
        notes = "".join(f'<w:footnote w:id="{k}">{b}</w:footnote>' for k, b in enumerate(self.bodies, 1))
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>{fixed}{notes}</w:footnotes>'


def runs(text: str, notes: dict[str, str], page: Page, tongue: Tongue, size: float, sink: Notes | None,
         *, bold: bool = False) -> str:  # fmt: skip
    """Inline markdown as Word runs; a call becomes a real footnote reference (``*``: a custom mark)."""
    out: list[str] = []
    for kind, part in inline_parts(text, notes):
        if kind == "call":
            assert sink is not None, "a call inside a note"
            note_id = sink.add(part, notes[part])
            if part == "*":
                out.append(f'<w:r>{_rpr(page, tongue, size)}<w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/>'
                           f"{_t('*')}</w:r>")  # fmt: skip
            else:
                rpr = _rpr(page, tongue, size, sup=True, style="FootnoteReference", rtl=tongue.rtl)
                out.append(f'<w:r>{rpr}<w:footnoteReference w:id="{note_id}"/></w:r>')
            continue
        for piece, rtl in _script_runs(part, tongue.rtl):
            if piece:
                rpr = _rpr(page, tongue, size, bold=bold, italic=kind == "italic", rtl=rtl)
                out.append(f"<w:r>{rpr}{_t(piece)}</w:r>")
    return "".join(out)


# ---------------------------------------------------------------- paragraphs


def _ppr(page: Page, tongue: Tongue, style: str, *, jc: str = "", hanging: bool = False, keep: bool = False,
         before: int = 0, after: int = 0, left: int = 0, bidi: bool | None = None) -> str:  # fmt: skip
    bidi = tongue.rtl if bidi is None else bidi
    parts = [f'<w:pStyle w:val="{style}"/>']
    if keep:
        parts.append("<w:keepNext/>")
    if not page.hang:
        parts.append('<w:overflowPunct w:val="0"/>')
    if not page.autospace:
        parts.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
    if bidi:
        parts.append("<w:bidi/>")
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}" w:line="{round(240 * page.spacing)}" w:lineRule="auto"/>')
    if hanging:
        parts.append(f'<w:ind w:start="{TEXT_INDENT}" w:end="{TEXT_INDENT // 2}" w:hanging="{HANG}"/>')
    elif left:
        parts.append(f'<w:ind w:start="{left}" w:end="{TEXT_INDENT // 2}"/>')
    parts.append(f'<w:jc w:val="{jc or ("both" if page.justify else "start")}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def paragraph(text: str, page: Page, tongue: Tongue, sink: Notes, notes: dict[str, str], *, style: str = "SingleTxt",
              num: str = "", size: float = 0.0, bold: bool = False, jc: str = "", keep: bool = False,
              after: int = 120, left: int = 0) -> str:  # fmt: skip
    size = size or page.size
    hanging = bool(num)
    head = ""
    if num:
        head = f"<w:r>{_rpr(page, tongue, size, bold=bold, rtl=tongue.rtl)}{_t(num)}<w:tab/></w:r>"
    body = runs(text, notes, page, tongue, size, sink, bold=bold)
    ppr = _ppr(page, tongue, style, jc=jc, hanging=hanging, keep=keep, after=after, left=left if not hanging else 0)
    return f"<w:p>{ppr}{head}{body}</w:p>"


def heading(block: Heading, page: Page, tongue: Tongue, sink: Notes, notes: dict[str, str]) -> str:
    style, size = {"chapter": ("HCh", page.size + 3), "section": ("H1", page.size + 1)}.get(block.kind, ("H23", page.size))
    label = f"{block.label} " if tongue.rtl and block.label else block.label
    if tongue.rtl:  # Arabic headings: label and text on one line, no tab ("أولا - مقدمة")
        return paragraph(f"{label}{block.text}", page, tongue, sink, notes, style=style, size=size, bold=True, jc="start",
                         keep=True, after=240, left=HANG)  # fmt: skip
    return paragraph(block.text, page, tongue, sink, notes, style=style, num=block.label, size=size, bold=True, jc="start",
                     keep=True, after=240)  # fmt: skip


def _cell(content: str, width: int, border: str = "") -> str:
    borders = f"<w:tcBorders>{border}</w:tcBorders>" if border else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>{content}</w:tc>'


def _table(rows: list[str], widths: list[int], rtl: bool) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    bidi = "<w:bidiVisual/>" if rtl else ""
    props = (f'<w:tblPr>{bidi}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>')  # fmt: skip
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def masthead(page: Page, tongue: Tongue, width: int) -> str:
    """The page-1 masthead table: authority and symbol, then organ and the English distribution block."""
    plain = Page(page.name, page.font, page.latin, page.size, 1.0, page.paper, False, page.autospace)

    def line(text: str, size: float, *, bold: bool = False, jc: str = "start", bidi: bool | None = None) -> str:
        latin = not tongue.rtl or bidi is False
        rpr = _rpr(plain, tongue, size, bold=bold, rtl=not latin)
        return f"<w:p>{_ppr(plain, tongue, 'Normal', jc=jc, bidi=bidi)}<w:r>{rpr}{_t(text)}</w:r></w:p>"

    symbol_rpr = _rpr(plain, tongue, 20)
    rest_rpr = _rpr(plain, tongue, 14)
    letter, rest = tongue.symbol[0], tongue.symbol[1:]
    symbol = (f"<w:p>{_ppr(plain, tongue, 'Normal', jc='right' if not tongue.rtl else 'left', bidi=False)}"
              f"<w:r>{symbol_rpr}{_t(letter)}</w:r><w:r>{rest_rpr}{_t(rest)}</w:r></w:p>")  # fmt: skip
    distr = "".join(line(t, page.size, bidi=False, jc="left")
                    for t in (tongue.distribution, tongue.date, "", tongue.language, tongue.original))  # fmt: skip
    thin = '<w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    thick = '<w:bottom w:val="single" w:sz="18" w:space="0" w:color="000000"/>'
    wide, narrow = width * 2 // 3, width - width * 2 // 3
    row1 = f"<w:tr>{_cell(line(tongue.authority, 14), wide, thin)}{_cell(symbol, narrow, thin)}</w:tr>"
    row2 = f"<w:tr>{_cell(line(tongue.organ, 20, bold=True), wide, thick)}{_cell(distr, narrow, thick)}</w:tr>"
    return _table([row1, row2], [wide, narrow], tongue.rtl)


def summary_box(doc: Doc, page: Page, tongue: Tongue, sink: Notes, width: int) -> str:
    """The summary in a bordered one-cell table, its heading centred."""
    inner = paragraph(doc.summary_heading, page, tongue, sink, doc.notes, style="H1", bold=True, jc="center", after=120)
    inner += "".join(paragraph(p, page, tongue, sink, doc.notes, left=HANG) for p in doc.summary)
    box = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right"))  # fmt: skip
    return _table([f"<w:tr>{_cell(inner, width, box)}</w:tr>"], [width], tongue.rtl)


def body_xml(doc: Doc, page: Page, tongue: Tongue, sink: Notes) -> str:
    width = PAPER[page.paper][0] - MARGIN[1] - MARGIN[3]
    notes = doc.notes
    out = [masthead(page, tongue, width), paragraph("", page, tongue, sink, notes, style="Normal", after=0)]
    out.append(paragraph(doc.session, page, tongue, sink, notes, style="Normal", bold=True, jc="start", after=0))
    out.append(paragraph(doc.agenda, page, tongue, sink, notes, style="Normal", jc="start", after=0))
    title_lines = "".join(
        (f"<w:r>{_rpr(page, tongue, page.size)}<w:br/></w:r>" if k else "")
        + runs(t, notes, page, tongue, page.size, sink, bold=True)
        for k, t in enumerate(doc.agenda_title)
    )  # fmt: skip
    out.append(f"<w:p>{_ppr(page, tongue, 'Normal', jc='start', after=360)}{title_lines}</w:p>")
    out.append(paragraph(doc.title, page, tongue, sink, notes, style="TitleHCH", size=page.size + 4, bold=True, jc="start",
                         after=240, left=TEXT_INDENT))  # fmt: skip
    out.append(paragraph(doc.report_by, page, tongue, sink, notes, style="TitleH1", size=page.size + 2, bold=True, jc="start",
                         after=360, left=TEXT_INDENT))  # fmt: skip
    if doc.summary:
        out.append(summary_box(doc, page, tongue, sink, width))
    out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>' if doc.summary else "")
    for block in doc.body:
        if isinstance(block, Heading):
            out.append(heading(block, page, tongue, sink, notes))
        elif isinstance(block, Para) and block.num:
            out.append(paragraph(block.text, page, tongue, sink, notes, num=block.num))
        else:
            indent = TEXT_INDENT + HANG if tongue.rtl else TEXT_INDENT
            out.append(paragraph(block.text, page, tongue, sink, notes, left=indent))
    return "".join(out)


# ---------------------------------------------------------------- headers, footers, styles, package


def _furniture(page: Page, tongue: Tongue, pieces: list[tuple[str, float, bool]], jc: str, border: str = "",
               tab: int = 0) -> str:  # fmt: skip
    """A header or footer paragraph, left to right: (text, size, bold) pieces; ``\t`` and fields as markers."""
    border_xml = f"<w:pBdr>{border}</w:pBdr>" if border else ""
    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs>' if tab else ""
    ppr = f'<w:pPr><w:pStyle w:val="Normal"/>{border_xml}{tabs}<w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/></w:pPr>'
    out: list[str] = []
    for text, size, bold in pieces:
        rpr = _rpr(page, tongue, size, bold=bold, rtl=tongue.rtl and not text.isascii())
        if text == "\t":
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        elif text in ("PAGE", "NUMPAGES"):
            out.append(f'<w:fldSimple w:instr=" {text} "><w:r>{rpr}{_t("1")}</w:r></w:fldSimple>')
        else:
            out.append(f"<w:r>{rpr}{_t(text)}</w:r>")
    return f"<w:p>{ppr}{''.join(out)}</w:p>"


def furniture_parts(page: Page, tongue: Tongue) -> dict[str, str]:
    """Headers (symbol over a rule; left on even pages, right on odd ones) and footers (job number and page)."""
    width = PAPER[page.paper][0] - MARGIN[1] - MARGIN[3]
    rule = '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
    job = f"{tongue.job} ({tongue.job_suffix})"
    folio = [("PAGE", 8.5, True), ("/", 8.5, True), ("NUMPAGES", 8.5, True)]
    recycle = page.recycle or tongue.recycle
    parts = {
        "header1.xml": _furniture(page, tongue, [(tongue.symbol, 8.5, True)], "right", rule),
        "header2.xml": _furniture(page, tongue, [(tongue.symbol, 8.5, True)], "left", rule),
        "header3.xml": _furniture(page, tongue, [], "left"),
        "footer1.xml": _furniture(page, tongue, [(job, 7, True), ("\t", 7, False), *folio], "left", tab=width),
        "footer2.xml": _furniture(page, tongue, [*folio, ("\t", 7, False), (job, 7, True)], "left", tab=width),
        "footer3.xml": _furniture(page, tongue, [(f"{job}    {tongue.dates}", 8, False)], "left")
        + _furniture(page, tongue, [(tongue.barcode, 8, False), ("\t", 8, False), (recycle, 8, False)], "left", tab=width),
    }
    return {name: f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{"hdr" if name[0] == "h" else "ftr"} {NS}>'
                  f'{xml}</w:{"hdr" if name[0] == "h" else "ftr"}>' for name, xml in parts.items()}  # fmt: skip


def styles_xml(page: Page, tongue: Tongue) -> str:
    def style(sid: str, name: str, kind: str = "paragraph", extra: str = "") -> str:
        based = '<w:basedOn w:val="Normal"/>' if sid != "Normal" and kind == "paragraph" else ""
        return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{based}{extra}</w:style>'

    half = round(page.size * 2)
    defaults = (f"<w:docDefaults><w:rPrDefault>{_rpr(page, tongue, page.size)}</w:rPrDefault>"
                '<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>')  # fmt: skip
    note = f'<w:rPr><w:sz w:val="{half - 4}"/><w:szCs w:val="{half - 4}"/></w:rPr>'
    note_p = (f'<w:pPr><w:spacing w:after="40" w:line="{round(240 * min(page.spacing, 1.15))}" w:lineRule="auto"/>'
              f'<w:ind w:start="{TEXT_INDENT}" w:end="{TEXT_INDENT // 2}" w:hanging="{HANG // 2}"/>'
              f'<w:jc w:val="{"both" if page.justify else "start"}"/>{"<w:bidi/>" if tongue.rtl else ""}</w:pPr>')  # fmt: skip
    body = "".join(
        (
            style("Normal", "Normal"),
            style("SingleTxt", "_ Single Txt"),
            style("HCh", "_ H _Ch"),
            style("H1", "_ H_1"),
            style("H23", "_ H_2/3"),
            style("TitleHCH", "_ Title H Ch"),
            style("TitleH1", "_ Title H 1"),
            style("FootnoteText", "footnote text", extra=note_p + note),
            style("FootnoteReference", "footnote reference", "character", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
        )
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}>{defaults}{body}</w:styles>'


def section_xml(page: Page, tongue: Tongue) -> str:
    width, height = PAPER[page.paper]
    top, right, bottom, left = MARGIN
    refs = "".join(
        f'<w:{kind}Reference w:type="{t}" r:id="r{kind}{n}"/>' for kind in ("header", "footer")
        for n, t in ((1, "default"), (2, "even"), (3, "first"))
    )  # fmt: skip
    return (f"<w:sectPr>{refs}<w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr>"
            f'<w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" '
            f'w:left="{left}" w:header="850" w:footer="567" w:gutter="0"/><w:titlePg/>{"<w:bidi/>" if tongue.rtl else ""}'
            "</w:sectPr>")  # fmt: skip


WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{WML}document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{WML}styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{WML}settings+xml"/>'
    f'<Override PartName="/word/footnotes.xml" ContentType="{WML}footnotes+xml"/>'
    "{overrides}</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def document_parts(doc: Doc, page: Page, tongue: Tongue) -> dict[str, str]:
    """Every part of the package, by its path in the zip."""
    sink = Notes(page, tongue)
    body = body_xml(doc, page, tongue, sink)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}'
                f"{section_xml(page, tongue)}</w:body></w:document>")  # fmt: skip
    furniture = furniture_parts(page, tongue)
    rels = [("rStyles", "styles", "styles.xml"), ("rSettings", "settings", "settings.xml"),
            ("rNotes", "footnotes", "footnotes.xml")]  # fmt: skip
    rels += [(f"r{name[:6]}{name[6]}", name[:6], name) for name in furniture]
    rel_xml = "".join(f'<Relationship Id="{i}" Type="{REL}{t}" Target="{target}"/>' for i, t, target in rels)
    kinds = {"header": "header", "footer": "footer"}
    overrides = "".join(
        f'<Override PartName="/word/{name}" ContentType="{WML}{kinds[name[:6]]}+xml"/>' for name in furniture
    )  # fmt: skip
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {NS}><w:evenAndOddHeaders/>'
                '<w:defaultTabStop w:val="567"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
                "</w:settings>")  # fmt: skip
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(overrides=overrides),
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        "word/styles.xml": styles_xml(page, tongue),
        "word/settings.xml": settings,
        "word/footnotes.xml": sink.xml(),
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}</Relationships>',
        **{f"word/{name}": xml for name, xml in furniture.items()},
    }
    for xml in parts.values():
        etree.fromstring(xml.encode("utf-8"))  # well-formed, or this raises with the line and column
    return parts


def write_docx(doc: Doc, page: Page, tongue: Tongue, path: Path) -> Path:
    """Write the document as ``path`` (a ``.docx``), with fixed zip dates for stable bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in document_parts(doc, page, tongue).items():
            info = zipfile.ZipInfo(name, date_time=(2018, 7, 16, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode("utf-8"))
    return path
