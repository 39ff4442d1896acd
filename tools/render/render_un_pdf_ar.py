#!/usr/bin/env python3
"""Render seed-style Arabic markdown of a UN report as a right-to-left PDF in UN layout.

The Arabic counterpart of render_un_pdf.py (which renders the Chinese
fixtures), reusing its markdown reader and writer, inline markup, footnote,
page-furniture and render machinery and its command line; what is Arabic
stays here: the numbering conventions, the right-to-left type and CSS (Amiri),
bidi-safe boxing of tokens, Arabic-Indic digits and presentation forms.
The page is mirrored: paragraph numbers hang in the right margin, footnotes
sit at the foot under a short rule on the right, the masthead has
``الأمم المتحدة`` and the organ on the right and the symbol and the English
``Distr.`` block (left to right, as in real Arabic UN documents) on the left.
The PDFs are synthetic test fixtures: no Arabic UN PDF is at hand.

WeasyPrint lays the text out with Pango, which applies the Unicode bidi
algorithm; pdfplumber then gives the glyphs in visual order, which is what
undoc's reader has to undo (parser/read/pdf_bidi.py).

Needs, besides what render_un_pdf.py needs (Debian 12 "bookworm"):
    apt-get install -y fonts-hosny-amiri    # Amiri 0.113-1: Arabic, Latin and digits in one family

Regenerate every fixture in fixtures/pdf/ar/ (from the repository root):
    .venv/bin/python tools/render/render_un_pdf_ar.py --all

One fixture:       .venv/bin/python tools/render/render_un_pdf_ar.py --variant indic_digits
Any seed-style md: .venv/bin/python tools/render/render_un_pdf_ar.py --input x.md --output x.pdf
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path
from string import Template

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render_un_pdf as zh  # sets SOURCE_DATE_EPOCH for stable font subsets
from render_un_pdf import FURNITURE_FONT, Doc, Heading, Para, excerpt, paragraphs

ROOT = zh.ROOT
SEED = ROOT / "fixtures" / "text" / "ar" / "A_73_254.ar.md"
OUT_DIR = ROOT / "fixtures" / "pdf" / "ar"
SEED_PDF = "A_73_254.ar.pdf"
FRONT_NOTE = (
    "symbol: A/73/254\n"
    "note: synthetic Arabic rendering written for undoc's tests; not an official UN text (see fixtures/pdf/ar/README.md)"
)

MASTHEAD = zh.Masthead(
    authority="الأمم المتحدة",
    organ="الجمعية العامة",
    language="Arabic",
    job_line="18-12290 (A)    200818    200818",
)

# ---------------------------------------------------------------- markdown -> model

NUMBERED = re.compile(r"^([0-9\u0660-\u0669]{1,3} -)\s+(.*?)\s*$")
SUBPARA = re.compile(r"^(\([\u0621-\u064a\u0640]{1,3}\))\s+(.*?)\s*$")
LABELLED = re.compile(r"^([\u0621-\u064a\u0640]+(?: [\u0621-\u064a]+)? -)\s+(.*)$")


def classify_heading(hashes: str, text: str) -> Heading:
    """`## أولا - …` is a chapter, `### ألف - …` a section (by the markdown level: the labels do not tell)."""
    m = LABELLED.match(text)
    if m:
        return Heading(m[1], m[2], "chapter" if hashes == "##" else "section", hashes)
    return Heading("", text, "plain", hashes)


# The Arabic seed's conventions are the Chinese seed's (see zh.markdown_to_doc), with a `---`
# front matter, Arabic numbering (`1 - …`, `(أ) …` sub-paragraphs, `## أولا - …`) and words.
AR_MARKDOWN = zh.Conventions(
    agenda="جدول الأعمال",
    summary="موجز",
    numbered=NUMBERED,
    classify=classify_heading,
    lettered=(SUBPARA,),
    front_matter=FRONT_NOTE,
)


def markdown_to_doc(md: str) -> Doc:
    return zh.markdown_to_doc(md, AR_MARKDOWN)


def doc_to_markdown(doc: Doc) -> str:
    return zh.doc_to_markdown(doc, AR_MARKDOWN)


# ---------------------------------------------------------------- inline markdown -> HTML

AT_RISK = re.compile(r"\S*/\S*|\S*[A-Za-z]\S*-\S*|\S*-\S*[A-Za-z]\S*")


def inline(text: str, notes: dict[str, str], anchors: dict[int, str] | None = None) -> str:
    """Inline markup to HTML, leaving text runs whole.

    WeasyPrint runs the bidi algorithm inside each inline box and puts the
    boxes of a line right to left, so a left-to-right run cut into boxes
    (one per word, as render_un_pdf.py makes them) would come out in the
    wrong order. Only tokens a line must not break inside (``A/70/118``,
    ``أيار/مايو``) get a box of their own; footnote calls are boxes anyway.
    No footnote continuations (`anchors`) here.
    """
    if anchors:
        raise ValueError("footnote continuations are not supported in right-to-left text")
    out: list[str] = []
    for kind, part in zh.inline_parts(text, notes):
        if kind == "call":
            out.append(note_html(part, notes[part]))
        elif kind == "italic":
            out.append(f"<i>{_plain(part)}</i>")
        else:
            out.append(_plain(part))
    return "".join(out)


def _plain(text: str) -> str:
    return AT_RISK.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', html.escape(text, quote=False))


def note_html(call: str, text: str) -> str:
    return zh.note_span(call, inline(text, {}))


# ---------------------------------------------------------------- model -> HTML

FONT = "Amiri"

AR_TYPE = zh.Typography(
    font=f'"{FONT}"',
    size="12pt",
    leading="17pt",
    note_size="9pt",
    note_leading="12pt",
    call_size="7pt",
    call_raise="4pt",
    marker_raise="3pt",
    hang="3mm",
    rtl=True,
)

CSS = """
.mh-un { position: absolute; right: 0; bottom: 2mm; font-size: 14pt; line-height: 16pt; }
.mh-sym { position: absolute; left: 0; bottom: 2mm; font: 14pt/20pt ${furniture}; direction: ltr; }
.mh-organ { position: absolute; right: 0; top: 3mm; font: bold 20pt/24pt "${font}"; }
.mh-distr { position: absolute; left: 0; top: 3mm; font: 10pt/11pt ${furniture}; direction: ltr; text-align: left; }
.front { width: 105mm; }
.session, .agenda-title { font-weight: bold; }
.agenda-title { margin-bottom: 12pt; }
h1.title { font: bold 14pt/20pt "${font}"; margin: 0 22mm 10pt 0; }
.report-by { font: bold 12pt/17pt "${font}"; margin: 0 22mm 12pt 0; }
.summary { border: 0.75pt solid black; padding: 6pt 9mm 4pt 10mm; margin: 6pt 13mm 14pt 0; }
.summary h2 { font: bold 12pt/17pt "${font}"; text-align: center; margin-bottom: 8pt; }
.summary p { margin-bottom: 6pt; }
.ind { display: inline-block; width: 2em; }
/* WeasyPrint 70 puts a text-indent on the left even in right-to-left text, so numbers hang by position */
.para { margin: 0 22mm 6pt 0; position: relative; }
.para.sub { margin-right: 31mm; }
.pn { position: absolute; right: -9mm; top: 0; }
h2.chapter, h3.section, h3.plain { margin-right: 13mm; font-weight: bold; break-after: avoid; }
h2.chapter { font-size: 13pt; line-height: 19pt; margin-top: 12pt; margin-bottom: 8pt; }
h3.section, h3.plain { font-size: 12pt; line-height: 17pt; margin-top: 8pt; margin-bottom: 6pt; }
"""

AR_HTML = zh.HtmlLanguage(
    html_attrs='lang="ar" dir="rtl"',
    generator="tools/render/render_un_pdf_ar.py",
    typography=AR_TYPE,
    css=lambda doc, mast: Template(CSS).substitute(font=FONT, furniture=FURNITURE_FONT),
    inline=inline,
    heading_label=lambda label: f"{label} ",  # label and text on one line: "أولا - مقدمة"
    summary_indent='<span class="ind"></span>',  # a text-indent would go to the left (see .para)
)


def doc_to_html(doc: Doc, mast: zh.Masthead = MASTHEAD, block_css: dict[int, str] | None = None) -> str:
    """`block_css` maps a body block index to an inline style (page-break fixes)."""
    return zh.doc_to_html(doc, mast, block_css=block_css, lang=AR_HTML)


def render_doc(doc: Doc, mast: zh.Masthead = MASTHEAD, presentation: bool = False) -> zh.Document:
    """Render, keeping every footnote on the page of its call (zh.render_with_notes_kept);
    `presentation`: draw the text in presentation forms (see `to_presentation_forms`)."""

    def page_html(fixes: dict[int, str]) -> str:
        page = doc_to_html(doc, mast, fixes)
        return presentation_html(page) if presentation else page

    return zh.render_with_notes_kept(page_html)


def cut_paragraphs(document: zh.Document) -> list[tuple[str, int, bool]]:
    """Body blocks a page break cuts: (block id, page index it starts on, that page has footnotes)."""
    layouts = zh.page_layouts(document)
    out = []
    for i, (page, nxt) in enumerate(pairwise(layouts)):
        out += [(b, i, bool(page.notes)) for b in zh.cut_blocks(page, nxt)]
    return out


# ---------------------------------------------------------------- variants

INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_LATIN_TOKEN = re.compile(r"<sup>[^<]*</sup>|[^\s()،]*[A-Za-z][^\s()،]*")


def indic_digits(text: str) -> str:
    """ASCII digits to Arabic-Indic ones, except in calls and in tokens with Latin letters (A/70/118, IMPACT2030)."""
    out, pos = [], 0
    for m in _LATIN_TOKEN.finditer(text):
        out += [text[pos : m.start()].translate(INDIC), m.group(0)]
        pos = m.end()
    return "".join(out + [text[pos:].translate(INDIC)])


def _presentation_forms() -> dict[tuple[str, str], str]:
    """(letter or lam-alef, ``isolated``/``final``/``initial``/``medial``) → its presentation form, from U+FE70–FEFC."""
    forms: dict[tuple[str, str], str] = {}
    for code in range(0xFE70, 0xFEFD):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) >= 2 and decomposition[0] in ("<isolated>", "<final>", "<initial>", "<medial>"):
            base = "".join(chr(int(h, 16)) for h in decomposition[1:])
            forms.setdefault((base, decomposition[0][1:-1]), chr(code))
    return forms


FORMS = _presentation_forms()


def _joins_next(c: str) -> bool:
    """The letter connects to the one after it (dual-joining letters and the kashida)."""
    return (c, "initial") in FORMS or (c, "medial") in FORMS or c == "\u0640"


def _joins_previous(c: str) -> bool:
    return (c, "final") in FORMS or c == "\u0640"


def to_presentation_forms(text: str) -> str:
    """Arabic letters to their contextual presentation forms (U+FE70–FEFC), as some PDF producers' text maps give them.

    A minimal shaper: dual-joining letters take isolated/final/initial/medial
    forms by their neighbours, right-joining ones isolated/final, and
    lam + alef becomes one ligature. Only for the presentation-forms fixture.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        after_joiner = i > 0 and _joins_next(text[i - 1])
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c == "\u0644" and nxt and nxt in "اأإآ":
            lig = FORMS.get((c + nxt, "final" if after_joiner else "isolated"))
            if lig:
                out.append(lig)
                i += 2
                continue
        before_joiner = _joins_next(c) and bool(nxt) and _joins_previous(nxt)
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (after_joiner and _joins_previous(c), before_joiner), "isolated"
        )
        out.append(FORMS.get((c, form)) or FORMS.get((c, "isolated")) or c)
        i += 1
    return "".join(out)


def presentation_html(page_html: str) -> str:
    """Put the text of an HTML page (not its tags, entities or CSS) into presentation forms."""
    head, body = page_html.split("<body>", 1)
    return head + "<body>" + re.sub(r"(?<=>)[^<>]+(?=<)", lambda m: to_presentation_forms(m.group(0)), body)


def variant_docs(seed: Doc) -> dict[str, Doc]:
    variants: dict[str, Doc] = {}
    # Paragraph numbers and the numbers of the Arabic prose in Arabic-Indic digits: "١ -", "٢٠١٨", "٧٠/١٢٩".
    blocks = paragraphs(seed, 1, 9)
    for block in blocks:
        if isinstance(block, Para):
            block.num, block.text = indic_digits(block.num), indic_digits(block.text)
        else:
            block.text = indic_digits(block.text)
    variants["indic_digits"] = excerpt(seed, blocks)
    # The text map gives presentation forms (ﺍﻟﺠﻤﻌﻴﺔ) instead of base letters; the source stays in base letters.
    variants["presentation_forms"] = excerpt(seed, paragraphs(seed, 10, 15))
    return variants


VARIANTS = ("indic_digits", "presentation_forms")


def write_rendered(doc: Doc, out: Path, presentation: bool = False) -> None:
    document = render_doc(doc, presentation=presentation)
    cuts = cut_paragraphs(document)
    print(f"  {out.name}: {len(document.pages)} pages; blocks cut by a page break: {cuts}")
    zh.write_pdf(document, out)


def build_seed(seed_path: Path, out_dir: Path) -> Path:
    out = out_dir / SEED_PDF
    write_rendered(markdown_to_doc(seed_path.read_text(encoding="utf-8")), out)
    return out


def build_variant(name: str, seed_path: Path, out_dir: Path) -> Path:
    """Write variant_<name>.ar.md, then render the PDF from that file."""
    doc = zh.write_variant(name, seed_path, out_dir / f"variant_{name}.ar.md", variant_docs, AR_MARKDOWN)
    out = out_dir / f"variant_{name}.ar.pdf"
    write_rendered(doc, out, presentation=name == "presentation_forms")
    return out


def render_input(md: str, args: argparse.Namespace) -> None:
    doc = markdown_to_doc(md)
    if args.html:
        args.output.write_text(doc_to_html(doc), encoding="utf-8")
    else:
        write_rendered(doc, args.output)


def main(argv: list[str] | None = None) -> int:
    ap = zh.fixture_parser(__doc__, VARIANTS, SEED, OUT_DIR)
    return zh.fixture_main(ap, argv, VARIANTS, build_seed, build_variant, render_input)


if __name__ == "__main__":
    sys.exit(main())
