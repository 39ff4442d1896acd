#!/usr/bin/env python3
"""Render seed-style markdown of a UN report as a PDF in UN layout (Chinese).

The PDFs are synthetic test fixtures for undoc's PDF reader: there is no real
Chinese UN PDF of A/73/254 at hand, so the project renders its own from the
seed's markdown. Text fidelity comes first: every character of the markdown
body is drawn exactly once, and line breaks fall only where a reader can undo
them without guessing (see ``break_policy``).

The machinery that does not depend on the language (the markdown reader and
writer, inline markup, page furniture, the footnote-keeping render loop, the
excerpts, the command line) serves render_un_pdf_ar.py too, which passes its
own ``Conventions``, ``Typography`` and ``HtmlLanguage``.

Needs (checked on Debian 12 "bookworm", Python 3.11.7):
    apt-get update
    apt-get install -y fonts-wqy-microhei fonts-noto-cjk fonts-liberation2 \
        libpango-1.0-0 libpangoft2-1.0-0
        # versions used: fonts-wqy-microhei 0.2.0-beta-3.1, fonts-noto-cjk 1:20220127+repack1-1,
        # fonts-liberation2 2.1.5-1, libpango-1.0-0 1.50.12+ds-1
    .venv/bin/pip install weasyprint==70.0
        # brings pydyf 0.13.0, fonttools 4.68.0, tinycss2 1.5.1, cssselect2 0.10.1, tinyhtml5 2.1.0
    WeasyPrint is a tool dependency only, never a runtime one of undoc. Byte-identical
    output needs these same versions (and no libharfbuzz-subset0: with it WeasyPrint
    subsets fonts with HarfBuzz instead of fontTools, which changes the bytes).

Regenerate every fixture in fixtures/pdf/zh/ (from the repository root, with shared/
beside it, as in CI):
    .venv/bin/python tools/render/render_un_pdf.py --all

One fixture:       .venv/bin/python tools/render/render_un_pdf.py --variant fake_bold
Any seed-style md: .venv/bin/python tools/render/render_un_pdf.py --input x.md --output x.pdf
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from string import Template
from typing import Any, Literal, Protocol

Document = Any  # weasyprint.document.Document (WeasyPrint ships no type information)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_d74e72f5193f9a12.txt"  # shared/ beside the repo
OUT_DIR = ROOT / "fixtures" / "pdf" / "zh"
SEED_PDF = "A_73_254.zh.pdf"

# fontTools stamps every font it subsets with the current time (head.modified)
# unless SOURCE_DATE_EPOCH is set: fix it, to the report's date, for stable bytes.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1531699200")  # 2018-07-16


@dataclass(frozen=True)
class Masthead:
    """Page-1 furniture that the seed's text rendering does not contain."""

    symbol: str = "A/73/254"
    authority: str = "联合国"
    organ: str = "大会"
    distribution: str = "Distr.: General"
    date: str = "16 July 2018"
    language: str = "Chinese"
    original: str = "Original: English"
    job: str = "18-12290"
    job_line: str = "18-12290 (C)    200818    200818"
    barcode: str = "*1812290*"


# ---------------------------------------------------------------- model


@dataclass
class Para:
    text: str
    num: str = ""  # printed paragraph number with its stop, e.g. "6." or "１．"


@dataclass
class Heading:
    label: str  # "一." / "A." / "" for an unnumbered heading
    text: str
    kind: str  # "chapter" | "section" | "plain"
    hashes: str = "##"  # markdown level as written in the source


@dataclass
class Doc:
    session: str = ""
    agenda: str = ""  # the agenda line, `\*` kept as written
    agenda_title: list[str] = field(default_factory=list)
    title: str = ""
    report_by: str = ""
    summary_heading: str = ""
    summary: list[str] = field(default_factory=list)
    body: list[Para | Heading] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # "1" -> text, "*" -> text


# ---------------------------------------------------------------- markdown -> model

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
NOTE_DEF = re.compile(r"^<sup>(\w+)</sup>\s*(.*?)\s*$")
STAR_NOTE = re.compile(r"^\\\*\s*(.*?)\s*$")
NUMBERED = re.compile(r"^([0-9０-９]+[.．])\s*(.*?)\s*$")
CHAPTER = re.compile(r"^([一二三四五六七八九十]+[.．])\s*(.*)$")
SECTION = re.compile(r"^([A-Z][.．])\s*(.*)$")
CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
CALL = re.compile(r"<sup>([^<]+)</sup>")
SUMMARY = "摘要"


def is_cjk(ch: str) -> bool:
    return bool(CJK.match(ch))


def join_split(first: str, second: str) -> str:
    """Rejoin text cut by a line or page break: no space if either side is CJK."""
    first, second = first.rstrip(), second.lstrip()
    if first and second and not is_cjk(first[-1]) and not is_cjk(second[0]):
        return first + " " + second
    return first + second


def classify_heading(hashes: str, text: str) -> Heading:
    for kind, pattern in (("chapter", CHAPTER), ("section", SECTION)):
        m = pattern.match(text)
        if m:
            return Heading(m.group(1), m.group(2), kind, hashes)
    return Heading("", text, "plain", hashes)


def skip_front_matter(md: str) -> str:
    """The markdown after a `---` … `---` block that opens it."""
    lines = md.split("\n")
    if lines and lines[0].strip() == "---" and "---" in lines[1:]:
        return "\n".join(lines[lines.index("---", 1) + 1 :])
    return md


@dataclass(frozen=True)
class Conventions:
    """How one language writes the seed's markdown: what `markdown_to_doc` reads and `doc_to_markdown` writes."""

    agenda: str  # a word only the agenda line has ("议程")
    summary: str  # the summary heading
    numbered: re.Pattern[str]  # a numbered paragraph, (number, text); the first one opens the body
    classify: Callable[[str, str], Heading]  # (hashes, text) -> heading; a labelled one opens the body
    lettered: tuple[re.Pattern[str], ...] = ()  # other (marker, text) blocks of the body: sub-paragraphs
    front_matter: str | None = None  # a `---` block: written with this text, skipped when read

    def paragraph(self, line: str) -> re.Match[str] | None:
        return next((m for p in (self.numbered, *self.lettered) if (m := p.match(line))), None)


ZH_MARKDOWN = Conventions(agenda="议程", summary=SUMMARY, numbered=NUMBERED, classify=classify_heading)


def markdown_to_doc(md: str, conv: Conventions = ZH_MARKDOWN) -> Doc:
    """Read the seed's conventions.

    Front matter: `## session`, the agenda line (with `\\*`), the agenda-item
    title (hard breaks), `## title`, `## report by`, `## 摘要` + paragraphs,
    `\\* note`. The body starts at the first labelled heading (`一.`, `A.`) or
    numbered paragraph. Footnote definitions (`<sup>N</sup> text`) may stand
    anywhere, even inside a paragraph that the source's page break cut: they
    are taken out and the paragraph's halves are joined again.
    """
    doc = Doc()
    in_front, where = True, "top"
    front_headings = iter(("session", "title", "report_by"))
    if conv.front_matter is not None:
        md = skip_front_matter(md)
    for number, raw in enumerate(md.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        if m := NOTE_DEF.match(line):
            doc.notes[m[1]] = m[2]
            continue
        if m := STAR_NOTE.match(line):
            doc.notes["*"] = m[1]
            continue
        h = HEADING.match(line)
        heading = conv.classify(h[1], h[2]) if h else None
        if in_front and (conv.numbered.match(line) or (heading and heading.kind != "plain")):
            in_front = False
        if in_front:
            if heading and heading.text == conv.summary:
                doc.summary_heading, where = heading.text, "summary"
            elif heading:
                slot = next(front_headings, None)
                if slot is None:
                    raise ValueError(f"line {number}: one heading too many before the body")
                setattr(doc, slot, heading.text)
                where = "top" if slot == "session" else "after"
            elif where == "summary":
                doc.summary.append(line)
            elif where == "top" and not doc.agenda and conv.agenda in line:
                doc.agenda = line
            elif where == "top" and doc.agenda:
                doc.agenda_title.append(line)
            else:
                raise ValueError(f"line {number}: unexpected front-matter text: {line[:30]}")
        elif heading:
            doc.body.append(heading)
        elif m := conv.paragraph(line):
            doc.body.append(Para(m[2], m[1]))
        elif doc.body and isinstance(doc.body[-1], Para):
            doc.body[-1].text = join_split(doc.body[-1].text, line)  # second half of a cut
        else:
            doc.body.append(Para(line))
    return doc


def doc_to_markdown(doc: Doc, conv: Conventions = ZH_MARKDOWN) -> str:
    """Write a model in the seed's conventions; a note follows its paragraph."""
    out = ["---", conv.front_matter, "---"] if conv.front_matter is not None else []
    out += [
        "",
        f"## {doc.session}",
        "",
        doc.agenda,
        "",
        "  \n".join(doc.agenda_title),
        "",
        f"## {doc.title}",
        "",
        f"## {doc.report_by}",
        "",
    ]
    if doc.summary:
        out += [f"## {doc.summary_heading}", ""]
        for paragraph in doc.summary:
            out += [paragraph, ""]
    if "*" in doc.notes:
        out += [f"\\* {doc.notes['*']}", ""]
    for block in doc.body:
        if isinstance(block, Heading):
            label = f"{block.label} " if block.label else ""
            out += [f"{block.hashes} {label}{block.text}", ""]
            continue
        out += [f"{block.num} {block.text}" if block.num else block.text, ""]
        out += [item for n in CALL.findall(block.text) for item in (f"<sup>{n}</sup> {doc.notes[n]}", "")]
    return "\n".join(out)


# ---------------------------------------------------------------- inline markdown -> HTML

INLINE = re.compile(r"(?P<esc>\\\*)|<sup>(?P<call>[^<]+)</sup>|\[(?P<link>[^\]]*)\]\([^)]*\)|\*(?P<ital>[^*]+)\*")
Part = tuple[Literal["text", "italic", "call"], str]


def inline_parts(text: str, notes: dict[str, str]) -> Iterator[Part]:
    """Inline markdown as parts: ("text", s), ("italic", s) and ("call", note number).

    An escaped `\\*` and a link's text (its URL is dropped) come as text parts
    of their own, between the text before and after them.
    """
    pos = 0
    for m in INLINE.finditer(text):
        yield "text", text[pos : m.start()]
        pos = m.end()
        if m.group("esc"):
            yield "text", "*"
        elif m.group("call"):
            n = m.group("call")
            if n not in notes:
                raise ValueError(f"footnote {n} is called but never defined")
            yield "call", n
        elif m.group("link") is not None:
            yield "text", m.group("link")
        else:
            yield "italic", m.group("ital")
    yield "text", text[pos:]


def note_span(call: str, body_html: str, css_class: str = "note") -> str:
    """The footnote element: WeasyPrint floats it to the foot of the page and leaves its call in the text."""
    star = " star" if call == "*" else ""
    return f'<span class="{css_class}{star}" data-call="{html.escape(call)}">{body_html}</span>'


@dataclass(frozen=True)
class Atom:
    """One drawn character (or one footnote, which draws only its call)."""

    ch: str
    italic: bool = False
    note: str | None = None  # HTML of the note span, for a footnote call


def text_to_atoms(text: str, notes: dict[str, str], anchors: dict[int, str] | None = None) -> list[Atom]:
    atoms: list[Atom] = []
    anchors = anchors or {}
    for kind, part in inline_parts(text, notes):
        if kind == "call":
            atoms.append(Atom("", note=note_html(part, notes[part])))
        else:
            atoms.extend(Atom(c, kind == "italic") for c in part)
    for offset in sorted(anchors, reverse=True):  # footnote continuations, by drawn offset
        drawn = [k for k, a in enumerate(atoms) if a.note is None]
        atoms.insert(drawn[offset] if offset < len(drawn) else len(atoms), Atom("", note=anchors[offset]))
    return atoms


def note_html(call: str, text: str, css_class: str = "note") -> str:
    return note_span(call, atoms_to_html(text_to_atoms(text, {})), css_class)


def break_policy(atoms: list[Atom]) -> list[bool]:
    """For each gap between atoms: may the line break there?

    Breaks are allowed only where a reader can rejoin the two lines without
    guessing: between two characters when one of them is CJK (join with
    nothing), or at a space between two non-CJK characters (join with one
    space). A space next to a CJK character, a footnote call, or the inside of
    a Latin/digit token never takes a break.
    """
    n = len(atoms)
    kind = [
        "space" if a.note is None and a.ch == " " else "call" if a.note is not None else "cjk" if is_cjk(a.ch) else "latin"
        for a in atoms
    ]
    allowed = [False] * max(n - 1, 0)
    for g in range(n - 1):
        a, b = kind[g], kind[g + 1]
        if a == "space" and b != "space":
            left = next((kind[k] for k in range(g, -1, -1) if kind[k] != "space"), None)
            allowed[g] = left == "latin" and b == "latin"
        elif "space" in (a, b) or b == "call":
            allowed[g] = False
        else:
            allowed[g] = "cjk" in (a, b)
    return allowed


def atoms_to_html(atoms: list[Atom]) -> str:
    allowed = break_policy(atoms)
    segments: list[list[Atom]] = [[]]
    for k, atom in enumerate(atoms):
        segments[-1].append(atom)
        if k < len(allowed) and allowed[k]:
            segments.append([])
    out: list[str] = []
    for seg in segments:
        inner = _runs_html(seg)
        glued = len(seg) > 1 and any(a.note is not None or not is_cjk(a.ch) for a in seg)
        out.append(f'<span class="nw">{inner}</span>' if glued else inner)
    return "".join(out)


def _runs_html(seg: list[Atom]) -> str:
    out: list[str] = []
    italic = False
    for a in seg:
        if a.italic != italic:
            out.append("<i>" if a.italic else "</i>")
            italic = a.italic
        out.append(a.note if a.note is not None else html.escape(a.ch))
    if italic:
        out.append("</i>")
    return "".join(out)


def inline(text: str, notes: dict[str, str], anchors: dict[int, str] | None = None) -> str:
    return atoms_to_html(text_to_atoms(text, notes, anchors))


# ---------------------------------------------------------------- model -> HTML

FURNITURE_FONT = '"Liberation Serif"'  # running header, footer and page-1 job line, in every language


@dataclass(frozen=True)
class Typography:
    """The type of a language's text column, and the side its lines start at."""

    font: str  # CSS font-family list of the body text and the notes
    size: str  # body text
    leading: str
    note_size: str
    note_leading: str
    call_size: str  # footnote calls and note markers
    call_raise: str
    marker_raise: str
    hang: str  # a note's text starts this far in from its marker
    rtl: bool = False  # right to left: lines start at the right, the footnote rule is on the right


def page_css(t: Typography, mast: Masthead) -> str:
    """Page size, footnote area and page furniture.

    Odd pages have the symbol at the top right, the job number at the bottom
    left and the page number at the bottom right, even pages the mirror image,
    page 1 only the job line and the barcode text at the bottom left.
    WeasyPrint starts a left-to-right document on a right page and a
    right-to-left one on a left page. The footnote rule and the header rule
    are one-colour gradients: WeasyPrint paints those as one plain filled
    rectangle that pdfplumber lists in page.rects (a one-sided border comes
    out as two page-sized rectangles).
    """
    start, rule_at = ("right", "100% 0") if t.rtl else ("left", "0 0")
    symbol, job, folio = f'"{mast.symbol}"', f'"{mast.job}"; font-size: 7pt', 'counter(page) "/" counter(pages)'
    odd = {"top-right": symbol, "bottom-left": job, "bottom-right": folio}
    even = {"top-left": symbol, "bottom-left": folio, "bottom-right": job}
    out = [
        "@page {",
        "  size: A4; margin: 24mm 21mm 24mm 21mm;",
        f"  @footnote {{ margin-top: 9pt; padding-top: 3.75pt; margin-{start}: 13mm;",
        f"              background: linear-gradient(black) no-repeat {rule_at} / 36mm 0.75pt; }}",
        "}",
    ]
    for side, boxes in ((":right", even if t.rtl else odd), (":left", odd if t.rtl else even)):
        out += [f"@page {side} {{", "  background: linear-gradient(black) no-repeat 0 -2.7mm / 100% 0.75pt;"]
        out += [f"  @{box} {{ content: {content}; }}" for box, content in boxes.items()]
        out.append("}")
    out += [
        "@page :first {",
        "  margin-top: 16mm; background: none;",
        "  @top-right { content: none; }",
        "  @bottom-right { content: none; }",
        f'  @bottom-left {{ content: "{mast.job_line}\\A{mast.barcode}"; white-space: pre; font-size: 8pt;',
        "                 line-height: 12pt; vertical-align: bottom; padding-bottom: 6mm; }",
        "}",
        "@page {",
    ]
    for box in ("top-left", "top-right", "bottom-left", "bottom-right"):
        edge, side = box.split("-")
        ltr = (" direction: ltr;" + (f" text-align: {side};" if edge == "bottom" else "")) if t.rtl else ""
        place = "vertical-align: bottom; padding-bottom: 4mm;" if edge == "top" else "vertical-align: top; padding-top: 6mm;"
        out.append(f"  @{box} {{ font: bold 8.5pt {FURNITURE_FONT};{ltr} {place} }}")
    out.append("}")
    return "\n".join(out) + "\n"


TEXT_CSS = Template("""\
html { font-family: ${font}; font-size: ${size}; line-height: ${leading};
       font-variant-ligatures: none; font-kerning: none; }
body { margin: 0; }
p, h1, h2, h3 { margin: 0; }
i { font-style: italic; }
.nw { white-space: nowrap; }
.note { float: footnote; footnote-policy: line; white-space: normal;
        font-family: ${font}; font-size: ${note_size}; line-height: ${note_leading};
        font-weight: normal; font-style: normal; text-align: ${start}; text-indent: 0;
        ${note_box} }
.note::footnote-call { content: attr(data-call); font-size: ${call_size}; vertical-align: ${call_raise};
                       line-height: 0; font-weight: normal; }
.note::footnote-marker { content: attr(data-call); display: inline-block; ${marker_box}
                         text-indent: 0; font-size: ${call_size}; vertical-align: ${marker_raise}; }
.note.star::footnote-call { font-size: ${size}; vertical-align: 0; }
.note.star::footnote-marker { font-size: ${note_size}; vertical-align: 0; }
.note.cont::footnote-call, .note.cont::footnote-marker { content: none; }
.mh-top { height: 12mm; position: relative;
          background: linear-gradient(black) no-repeat left bottom / 100% 0.75pt; }
.mh-sym .big { font-size: 20pt; }
.mh-row { height: 27mm; position: relative; margin-bottom: 6mm;
          background: linear-gradient(black) no-repeat left bottom / 100% 2.25pt; }
""")


def text_css(t: Typography) -> str:
    """Body text, footnotes (`.note`, its call and marker; `.star` for the `*` note, `.cont` for a
    continuation) and the rules of the masthead's frame."""
    if t.rtl:  # WeasyPrint 70 puts a text-indent on the left even in right-to-left text: the marker hangs by its margin
        note_box, marker_box = f"margin: 0 6.5mm 1.5pt 0; padding-right: {t.hang};", f"width: {t.hang}; margin-right: -{t.hang};"
    else:
        note_box, marker_box = f"margin: 0 0 1.5pt 6.5mm; padding-left: {t.hang}; text-indent: -{t.hang};", f"width: {t.hang};"
    start = "right" if t.rtl else "left"
    return TEXT_CSS.substitute(vars(t), start=start, note_box=note_box, marker_box=marker_box)


ZH_TYPE = Typography(
    font='"Liberation Serif", "WenQuanYi Micro Hei"',
    size="10pt",
    leading="14pt",
    note_size="8pt",
    note_leading="10.5pt",
    call_size="6pt",
    call_raise="3.5pt",
    marker_raise="2.5pt",
    hang="2.5mm",
)

CSS = """
.mh-un { position: absolute; left: 0; bottom: 2mm; font-size: 14pt; line-height: 14pt;
         font-family: "Liberation Serif", "WenQuanYi Micro Hei"; }
.mh-sym { position: absolute; right: 0; bottom: 2mm; font-size: 14pt; line-height: 20pt; }
.mh-organ { position: absolute; left: 0; top: 3mm; font: bold 20pt/24pt "${bold_cjk}"; }
.mh-distr { position: absolute; left: 118mm; top: 3mm; line-height: 11pt; }
.front { width: 92mm; }
.session { font-weight: bold; font-family: "Liberation Serif", "${bold_cjk}"; }
.agenda-title { font-weight: bold; font-family: "Liberation Serif", "${bold_cjk}";
                margin-bottom: 12pt; }
h1.title { font: bold 14pt/19pt "Liberation Serif", "${bold_cjk}"; margin: 0 0 10pt 22mm; }
.report-by { font: bold 12pt/16pt "Liberation Serif", "${bold_cjk}"; margin: 0 0 12pt 22mm; }
.summary { border: 0.75pt solid black; padding: 6pt 10mm 4pt 9mm; margin: 6pt 0 14pt 13mm; }
.summary h2 { font: bold 10pt/14pt "Liberation Serif", "${bold_cjk}"; text-align: center;
              margin-bottom: 8pt; }
.summary p { text-indent: 2em; margin-bottom: 6pt; }
.para { margin: 0 0 6pt 13mm; padding-left: 9mm; text-indent: -9mm; text-align: left; }
.para.unnumbered { text-indent: 0; }
.pn { display: inline-block; width: 9mm; text-indent: 0; }
h2.chapter, h3.section, h3.plain { margin-left: 13mm; padding-left: 9mm;
  text-indent: -9mm; font-family: "Liberation Serif", "${bold_cjk}"; font-weight: bold;
  break-after: avoid; }
h2.chapter { font-size: 13pt; line-height: 18pt; margin-top: 12pt; margin-bottom: 8pt; }
h3.section, h3.plain { font-size: 10pt; line-height: 14pt; margin-top: 8pt; margin-bottom: 6pt; }
.hn { display: inline-block; width: 9mm; text-indent: 0; }
.fake-bold h2.chapter, .fake-bold h3.section, .fake-bold h3.plain, .fake-bold h1.title {
  position: relative; font-weight: normal;
  font-family: "Liberation Serif", "WenQuanYi Micro Hei"; }
.fb2 { position: absolute; top: 0.3pt; left: 0.3pt; right: -0.3pt; padding-left: 9mm; }
h1.title .fb2 { padding-left: 0; }
"""


BOLD_CJK_FILE = "NotoSansCJK-Bold.ttc"  # from fonts-noto-cjk
BOLD_CJK_FAMILY = "Noto Sans CJK SC"
BOLD_CJK_CUT = "Noto Sans CJK SC Cut"  # the cut font's own family name ("…-Cut-Bold" in PDFs)
_bold_faces: dict[str, str] = {}
_font_dir = tempfile.TemporaryDirectory(prefix="undoc-render-")  # removed at exit


def bold_cjk_face(chars: str) -> str:
    """An @font-face rule for Noto Sans CJK SC Bold cut down to `chars`.

    WeasyPrint keeps glyph ids when it subsets a font, so a 65,000-glyph CJK
    font leaves about 150 KB of empty glyph slots in every PDF. Cutting the
    font to the few characters set in bold before WeasyPrint sees it avoids
    that. (The body font, WenQuanYi Micro Hei, is TrueType and small anyway.)
    """
    chars = "".join(sorted(set(chars) - set(" \n")))
    if chars in _bold_faces:
        return _bold_faces[chars]
    from fontTools.subset import Options, Subsetter  # type: ignore[import-untyped]
    from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]

    path = next(Path("/usr/share/fonts").rglob(BOLD_CJK_FILE), None)
    if path is None:
        raise FileNotFoundError(f"{BOLD_CJK_FILE} not found: apt-get install fonts-noto-cjk")
    font = next(f for f in TTCollection(str(path)).fonts if f["name"].getDebugName(1) == BOLD_CJK_FAMILY)
    options = Options()
    options.name_IDs = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = Path(_font_dir.name) / f"bold-cjk-{len(_bold_faces)}.otf"
    font.save(out)
    _bold_faces[chars] = f'@font-face {{ font-family: "{BOLD_CJK_CUT}"; font-weight: bold; src: url("{out.as_uri()}"); }}'
    return _bold_faces[chars]


@dataclass(frozen=True)
class Style:
    fake_bold: bool = False  # draw each heading twice, 0.3pt apart, as old UN PDFs do


class Inline(Protocol):
    """Inline markdown to HTML; `anchors`: {drawn char offset: extra note HTML} (footnote continuations)."""

    def __call__(self, text: str, notes: dict[str, str], anchors: dict[int, str] | None = None) -> str: ...


@dataclass(frozen=True)
class HtmlLanguage:
    """What `doc_to_html` takes from the language (render_un_pdf_ar.py makes the Arabic one)."""

    html_attrs: str  # of <html>
    generator: str  # the script, for <meta name="generator">
    typography: Typography
    css: Callable[[Doc, Masthead], str]  # the language's own rules, after `page_css` and `text_css`
    inline: Inline
    heading_label: Callable[[str], str]  # an escaped heading label ("一.") -> its HTML before the heading text
    summary_indent: str = ""  # HTML that opens each summary paragraph


def zh_css(doc: Doc, mast: Masthead) -> str:
    bold_text = "".join(
        [mast.organ, doc.session, *doc.agenda_title, doc.title, doc.report_by, doc.summary_heading]
        + [f"{b.label}{b.text}" for b in doc.body if isinstance(b, Heading)]
    )
    return bold_cjk_face(bold_text) + Template(CSS).substitute(bold_cjk=BOLD_CJK_CUT)


ZH_HTML = HtmlLanguage(
    html_attrs='lang="zh-Hans"',
    generator="tools/render/render_un_pdf.py",
    typography=ZH_TYPE,
    css=zh_css,
    inline=inline,
    heading_label=lambda label: f'<span class="hn">{label}</span>',
)


def heading_html(
    block: Heading,
    notes: dict[str, str],
    style: Style,
    anchors: dict[int, str] | None,
    attrs: str = "",
    lang: HtmlLanguage = ZH_HTML,
) -> str:
    tag, cls = ("h2", "chapter") if block.kind == "chapter" else ("h3", block.kind)
    label = lang.heading_label(html.escape(block.label)) if block.label else ""
    text = lang.inline(block.text, notes, anchors)
    if not style.fake_bold:
        return f'<{tag} class="{cls}"{attrs}>{label}{text}</{tag}>'
    return (
        f'<{tag} class="{cls}"{attrs}><span class="fb1">{label}{text}</span>'
        f'<span class="fb2">{label}{lang.inline(CALL.sub("", block.text), {})}</span></{tag}>'
    )


def doc_to_html(
    doc: Doc,
    mast: Masthead,
    style: Style = Style(),
    anchors: dict[int, dict[int, str]] | None = None,
    block_css: dict[int, str] | None = None,
    lang: HtmlLanguage = ZH_HTML,
) -> str:
    """`anchors` maps a body block index to {drawn char offset: extra note HTML};
    `block_css` maps a body block index to an inline style."""
    anchors = anchors or {}
    block_css = block_css or {}
    notes, inline, t = doc.notes, lang.inline, lang.typography
    css = page_css(t, mast) + text_css(t) + lang.css(doc, mast)
    ltr = ' dir="ltr"' if t.rtl else ""  # the masthead's symbol and Distr. block, in a right-to-left page
    sym_head, sym_tail = mast.symbol[:1], mast.symbol[1:]
    parts = [
        f'<!DOCTYPE html><html {lang.html_attrs}><head><meta charset="utf-8">',
        f"<title>{html.escape(mast.symbol)}</title>",
        f'<meta name="generator" content="undoc {lang.generator}">',
        f"<style>{css}</style></head>",
        '<body class="fake-bold">' if style.fake_bold else "<body>",
        f'<div class="mh-top"><div class="mh-un">{mast.authority}</div>'
        f'<div class="mh-sym"{ltr}><span class="big">{sym_head}</span>{sym_tail}</div></div>',
        f'<div class="mh-row"><div class="mh-organ">{mast.organ}</div>'
        f'<div class="mh-distr"{ltr}>{mast.distribution}<br>{mast.date}<br><br>'
        f"{mast.language}<br>{mast.original}</div></div>",
        '<div class="front">',
        f'<p class="session">{inline(doc.session, notes)}</p>',
        f'<p class="agenda">{inline(doc.agenda.replace(chr(92) + "*", "<sup>*</sup>"), notes)}</p>',
        f'<p class="agenda-title">{"<br>".join(inline(t, notes) for t in doc.agenda_title)}</p>',
        "</div>",
    ]
    title = inline(doc.title, notes)
    if style.fake_bold:
        title = f'<span class="fb1">{title}</span><span class="fb2">{inline(CALL.sub("", doc.title), {})}</span>'
    parts.append(f'<h1 class="title">{title}</h1>')
    parts.append(f'<p class="report-by">{inline(doc.report_by, notes)}</p>')
    if doc.summary:
        parts.append(f'<div class="summary"><h2>{inline(doc.summary_heading, notes)}</h2>')
        parts += [f"<p>{lang.summary_indent}{inline(s, notes)}</p>" for s in doc.summary]
        parts.append("</div>")
    for k, block in enumerate(doc.body):
        extra = anchors.get(k)
        attrs = f' id="p{k}"' + (f' style="{block_css[k]}"' if k in block_css else "")
        if isinstance(block, Heading):
            parts.append(heading_html(block, notes, style, extra, attrs, lang))
        elif block.num:
            cls = "para sub" if block.num.startswith("(") else "para"  # "(a)": a sub-paragraph
            number = f'<span class="pn">{html.escape(block.num)}</span>'
            parts.append(f'<p class="{cls}"{attrs}>{number}{inline(block.text, notes, extra)}</p>')
        else:
            parts.append(f'<p class="para unnumbered"{attrs}>{inline(block.text, notes, extra)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


# ---------------------------------------------------------------- HTML -> PDF


def render_html(html_text: str) -> Document:
    from weasyprint import HTML  # type: ignore[import-untyped]  # tool dependency only: imported where it is used

    return HTML(string=html_text, base_url=str(ROOT)).render()


def write_pdf(document: Document, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # No dcterms.created/modified meta: WeasyPrint then writes no dates, and
    # with fonts subset by content hash the bytes are the same on every run.
    document.write_pdf(path)


@dataclass
class PageLayout:
    """What a rendered page holds: footnote calls, footnote bodies, body blocks."""

    calls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "" for a call-less continuation
    blocks: list[str] = field(default_factory=list)  # ids p0, p1, ... in order


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def page_layouts(document: Document) -> list[PageLayout]:
    pages = []
    for page in document.pages:
        info = PageLayout()
        for box in _boxes(page._page_box):
            footnote = getattr(box, "footnote", None)
            if footnote is not None:  # the ::footnote-call box
                info.calls.append(footnote.element.get("data-call"))
            if type(box).__name__ == "FootnoteAreaBox":
                info.notes += [c.element.get("data-call") for c in box.children]
            element = getattr(box, "element", None)
            block_id = element.get("id") if element is not None else None
            if block_id and (not info.blocks or info.blocks[-1] != block_id):
                info.blocks.append(block_id)
        pages.append(info)
    return pages


def stray_notes(layouts: list[PageLayout]) -> list[tuple[str, int]]:
    """Notes not on the page of their call, as (call, page index of the call)."""
    stray = []
    for i, info in enumerate(layouts):
        stray += [(c, i) for c in info.calls if c not in info.notes]
    return stray


def cut_blocks(page: PageLayout, next_page: PageLayout) -> list[str]:
    """Ids of the body blocks that a page's end cuts: begun on `page`, continued on `next_page`."""
    return [b for b in page.blocks if b in next_page.blocks and b.startswith("p")]


def render_with_notes_kept(page_html: Callable[[dict[int, str]], str]) -> Document:
    """Render `page_html(block_css)`, keeping every footnote on the page of its call.

    WeasyPrint 70, when the second line of a paragraph does not fit at the
    foot of a page (orphans: 2), sends footnotes already placed on that page
    to the next one to make room, even when their calls stay behind. Where it
    does, the paragraph cut at that page foot is allowed a one-line orphan
    and, if that is not enough, starts on the next page; then render again.
    `block_css` maps a body block index to those inline styles.
    """
    fixes: dict[int, str] = {}
    for _ in range(12):
        document = render_html(page_html(fixes))
        layouts = page_layouts(document)
        stray = stray_notes(layouts)
        if not stray:
            return document
        _, page = stray[0]
        cut = cut_blocks(layouts[page], layouts[page + 1])
        if not cut:
            break
        k = int(cut[-1][1:])
        fixes[k] = "break-before: page;" if k in fixes else "orphans: 1;"
    raise RuntimeError(f"footnotes {stray} stay apart from their calls")


def render_doc(doc: Doc, mast: Masthead, style: Style, anchors: dict[int, dict[int, str]] | None = None) -> Document:
    """Render, keeping every footnote on the page of its call (see `render_with_notes_kept`)."""
    return render_with_notes_kept(lambda fixes: doc_to_html(doc, mast, style, anchors, fixes))


def render_markdown(md: str, out: Path, style: Style = Style(), mast: Masthead = Masthead()) -> None:
    write_pdf(render_doc(markdown_to_doc(md), mast, style), out)


# ---------------------------------------------------------------- footnote continued on next page


def render_continued_note(doc: Doc, mast: Masthead, style: Style, call: str, next_block: int) -> tuple[Document, int]:
    """Render `doc` so the note `call` runs over into the next page's footnote area.

    WeasyPrint never splits a footnote: one that does not fit moves whole.
    So the note is cut in two here: the longest head that still fits under
    its call, and a call-less tail anchored at the start of the body block
    that opens the next page (`next_block`, which must follow the call).
    """
    text = doc.notes[call]

    def build(k: int, with_tail: bool) -> Document:
        head = replace(doc, notes={**doc.notes, call: text[:k]})
        anchors = {next_block: {0: note_html("", text[k:], "note cont")}} if with_tail else {}
        return render_html(doc_to_html(head, mast, style, anchors))

    def call_and_note_pages(document: Document) -> tuple[int, int]:
        layouts = page_layouts(document)
        return (
            next(i for i, p in enumerate(layouts) if call in p.calls),
            next(i for i, p in enumerate(layouts) if call in p.notes),
        )

    page, _ = call_and_note_pages(build(1, False))  # where the call falls with a tiny note

    def fits(k: int) -> bool:
        return call_and_note_pages(build(k, False)) == (page, page)

    # Cut only between two CJK characters, so a reader rejoins the halves with nothing.
    cuts = [k for k in range(1, len(text)) if is_cjk(text[k - 1]) and is_cjk(text[k])]
    if fits(len(text)):
        raise RuntimeError(f"note {call} fits whole under its call: make it longer")
    lo, hi = 0, len(cuts) - 1  # invariant: cuts[lo] fits (assumed), cuts[hi + 1] does not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if fits(cuts[mid]) else (lo, mid - 1)
    lo = cuts[lo]
    document = build(lo, True)
    layouts = page_layouts(document)
    call_page = next(i for i, p in enumerate(layouts) if call in p.calls)
    nxt = layouts[call_page + 1] if call_page + 1 < len(layouts) else PageLayout()
    if stray_notes(layouts) or f"p{next_block}" != (nxt.blocks or [""])[0] or not nxt.notes or nxt.notes[0] != "":
        raise RuntimeError(f"note {call} did not run over from page {call_page + 1}")
    return document, lo


# ---------------------------------------------------------------- fixtures


def paragraph_number(block: Para) -> int | None:
    """The number of a numbered paragraph, in any digits ("6.", "１．", "٦ -"); None for another block."""
    m = re.match(r"\d+", block.num)  # \d: any decimal digit, which int() reads
    return int(m[0]) if m else None


def paragraphs(doc: Doc, first: int, last: int) -> list[Para | Heading]:
    """Copies of paragraphs `first`..`last` (by number), the headings that open them and the
    blocks without a number that follow them (sub-paragraphs)."""
    out: list[Para | Heading] = []
    pending: list[Heading] = []
    keep = False
    for block in doc.body:
        if isinstance(block, Heading):
            pending.append(block)
            continue
        number = paragraph_number(block)
        if number is not None:
            keep = first <= number <= last
        if keep:
            out += [replace(h) for h in pending] + [replace(block)]
        pending = []
    return out


def excerpt(seed: Doc, body: list[Para | Heading], notes: dict[str, str] | None = None) -> Doc:
    """A short document: the seed's front matter without the summary, then `body`."""
    called = {n for block in body for n in CALL.findall(block.text)}
    notes = notes if notes is not None else seed.notes
    kept = {n: text for n, text in notes.items() if n in called or n == "*"}
    return replace(seed, summary=[], summary_heading="", body=body, notes=kept)


FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def variant_docs(seed: Doc) -> dict[str, Doc]:
    """The stress variants, each an excerpt of the seed."""
    variants: dict[str, Doc] = {}

    # Note 5, called at the very end of paragraph 10, is given the text of
    # paragraphs 16-18: too long for the room under its call, it runs over.
    long_note = "".join(p.text for p in paragraphs(seed, 16, 18) if isinstance(p, Para))
    variants["footnote_continues"] = excerpt(seed, paragraphs(seed, 1, 13), {**seed.notes, "5": long_note})

    # Paragraphs 12-22 made one paragraph "12.": it runs over three pages.
    blocks = paragraphs(seed, 12, 22)
    heads = [b for b in blocks if isinstance(b, Heading)][:1]
    texts = [b.text for b in blocks if isinstance(b, Para)]
    long_text = texts[0]
    for text in texts[1:]:
        long_text = join_split(long_text, text)
    variants["three_pages"] = excerpt(seed, [*heads, Para(long_text, "12."), *paragraphs(seed, 23, 23)])

    # Chapters 一-三 and section A, headings drawn twice (Style.fake_bold).
    variants["fake_bold"] = excerpt(seed, paragraphs(seed, 1, 13))

    # The end of the report: a page with footnotes, then pages with none.
    variants["no_footnotes"] = excerpt(seed, paragraphs(seed, 53, 68))

    # Paragraph numbers in full-width digits and stop: "１．".
    blocks = paragraphs(seed, 1, 9)
    for block in blocks:
        if isinstance(block, Para):
            block.num = block.num.translate(FULLWIDTH)
    variants["fullwidth_digits"] = excerpt(seed, blocks)
    return variants


VARIANTS = ("footnote_continues", "three_pages", "fake_bold", "no_footnotes", "fullwidth_digits")
VARIANT_STYLE = {"fake_bold": Style(fake_bold=True)}


def write_variant(
    name: str, seed_path: Path, md_path: Path, variants: Callable[[Doc], dict[str, Doc]], conv: Conventions = ZH_MARKDOWN
) -> Doc:
    """Write variant `name` of the seed as markdown to `md_path`, and read that file back:
    the PDF is rendered from what the file records."""
    seed = markdown_to_doc(seed_path.read_text(encoding="utf-8"), conv)
    md_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.write_text(doc_to_markdown(variants(seed)[name], conv), encoding="utf-8")
    return markdown_to_doc(md_path.read_text(encoding="utf-8"), conv)


def build_seed(seed_path: Path, out_dir: Path) -> Path:
    out = out_dir / SEED_PDF
    render_markdown(seed_path.read_text(encoding="utf-8"), out)
    return out


def build_variant(name: str, seed_path: Path, out_dir: Path) -> Path:
    """Write variant_<name>.zh.md, then render the PDF from that file."""
    doc = write_variant(name, seed_path, out_dir / f"variant_{name}.zh.md", variant_docs)
    style = VARIANT_STYLE.get(name, Style())
    out = out_dir / f"variant_{name}.zh.pdf"
    if name == "footnote_continues":
        opens_next_page = next(k for k, b in enumerate(doc.body) if isinstance(b, Heading) and b.label.startswith("三"))
        document, head = render_continued_note(doc, Masthead(), style, "5", opens_next_page)
        print(f"  note 5: {head} of {len(doc.notes['5'])} characters under its call, the rest on the next page")
        write_pdf(document, out)
    else:
        write_pdf(render_doc(doc, Masthead(), style), out)
    return out


# ---------------------------------------------------------------- command line (both renderers)


def fixture_parser(script_doc: str | None, variants: Sequence[str], seed: Path, out_dir: Path) -> argparse.ArgumentParser:
    """The options both renderers take; a renderer may add its own for --input."""
    ap = argparse.ArgumentParser(description=(script_doc or "").split("\n")[0])
    ap.add_argument("--all", action="store_true", help="regenerate every fixture")
    ap.add_argument(
        "--variant",
        choices=("seed", *variants),
        action="append",
        help="render one fixture (repeatable); 'seed' is the whole report",
    )
    ap.add_argument("--seed", type=Path, default=seed, help=f"seed markdown (default {seed})")
    ap.add_argument("--out-dir", type=Path, default=out_dir, help=f"default {out_dir.relative_to(ROOT)}")
    ap.add_argument("--input", type=Path, help="render this seed-style markdown file instead")
    ap.add_argument("--output", type=Path, help="with --input: the PDF (or HTML) to write")
    ap.add_argument("--html", action="store_true", help="with --input: write the HTML only")
    return ap


def fixture_main(
    ap: argparse.ArgumentParser,
    argv: list[str] | None,
    variants: Sequence[str],
    build_seed: Callable[[Path, Path], Path],
    build_variant: Callable[[str, Path, Path], Path],
    render_input: Callable[[str, argparse.Namespace], None],
) -> int:
    """Run a renderer's command line: `render_input(markdown, args)` writes --input to --output."""
    args = ap.parse_args(argv)
    if args.input:
        if not args.output:
            ap.error("--input needs --output")
        render_input(Path(args.input).read_text(encoding="utf-8"), args)
        return 0
    names = ["seed", *variants] if args.all else (args.variant or [])
    if not names:
        ap.error("say --all, --variant NAME or --input FILE --output FILE")
    for name in names:
        out = build_seed(args.seed, args.out_dir) if name == "seed" else build_variant(name, args.seed, args.out_dir)
        print(f"wrote {out}")
    return 0


def render_input(md: str, args: argparse.Namespace) -> None:
    style = Style(fake_bold=args.fake_bold)
    if args.html:
        args.output.write_text(doc_to_html(markdown_to_doc(md), Masthead(), style), encoding="utf-8")
    else:
        render_markdown(md, args.output, style)


def main(argv: list[str] | None = None) -> int:
    ap = fixture_parser(__doc__, VARIANTS, SEED, OUT_DIR)
    ap.add_argument("--fake-bold", action="store_true", help="with --input: fake-bold headings")
    return fixture_main(ap, argv, VARIANTS, build_seed, build_variant, render_input)


if __name__ == "__main__":
    sys.exit(main())
