#!/usr/bin/env python3
"""Render seed-style Arabic markdown of a UN report as a right-to-left PDF in UN layout.

The Arabic counterpart of render_un_pdf.py (which renders the Chinese
fixtures), reusing its inline markup, footnote and page-layout machinery.
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
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from string import Template

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render_un_pdf as zh  # sets SOURCE_DATE_EPOCH for stable font subsets
from render_un_pdf import CALL, HEADING, INLINE, NOTE_DEF, STAR_NOTE, Doc, Heading, Para

ROOT = zh.ROOT
SEED = ROOT / "fixtures" / "text" / "ar" / "A_73_254.ar.md"
OUT_DIR = ROOT / "fixtures" / "pdf" / "ar"
SEED_PDF = "A_73_254.ar.pdf"
FRONT_NOTE = (
    "symbol: A/73/254\n"
    "note: synthetic Arabic rendering written for undoc's tests; not an official UN text (see fixtures/pdf/ar/README.md)"
)

MASTHEAD = zh.Masthead(
    organ="الجمعية العامة",
    language="Arabic",
    job_line="18-12290 (A)    200818    200818",
)
AUTHORITY = "الأمم المتحدة"
SUMMARY = "موجز"

# ---------------------------------------------------------------- markdown -> model

NUMBERED = re.compile(r"^([0-9\u0660-\u0669]{1,3} -)\s+(.*?)\s*$")
SUBPARA = re.compile(r"^(\([\u0621-\u064a\u0640]{1,3}\))\s+(.*?)\s*$")
LABELLED = re.compile(r"^([\u0621-\u064a\u0640]+(?: [\u0621-\u064a]+)? -)\s+(.*)$")


def skip_front_matter(md: str) -> str:
    lines = md.split("\n")
    if lines and lines[0].strip() == "---" and "---" in lines[1:]:
        return "\n".join(lines[lines.index("---", 1) + 1 :])
    return md


def markdown_to_doc(md: str) -> Doc:
    """Read the Arabic seed's conventions (those of the Chinese seed, with Arabic numbering).

    Front matter: `## session`, the agenda line (with `\\*`), the agenda-item
    title (hard breaks), `## title`, `## report by`, `## موجز` + paragraphs,
    `\\* note`. The body starts at the first labelled heading (`## أولا - …`,
    `### ألف - …`) or numbered paragraph (`1 - …`); `(أ) …` lines are
    sub-paragraphs; `<sup>N</sup> text` lines define notes.
    """
    doc = Doc()
    in_front, where = True, "top"
    front_headings = iter(("session", "title", "report_by"))
    for number, raw in enumerate(skip_front_matter(md).split("\n"), 1):
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
        labelled = LABELLED.match(h[2]) if h else None
        if in_front and (NUMBERED.match(line) or labelled):
            in_front = False
        if in_front:
            if h and h[2] == SUMMARY:
                doc.summary_heading, where = h[2], "summary"
            elif h:
                slot = next(front_headings, None)
                if slot is None:
                    raise ValueError(f"line {number}: one heading too many before the body")
                setattr(doc, slot, h[2])
                where = "top" if slot == "session" else "after"
            elif where == "summary":
                doc.summary.append(line)
            elif where == "top" and not doc.agenda and "جدول الأعمال" in line:
                doc.agenda = line
            elif where == "top" and doc.agenda:
                doc.agenda_title.append(line)
            else:
                raise ValueError(f"line {number}: unexpected front-matter text: {line[:30]}")
        elif h:
            kind = ("chapter" if h[1] == "##" else "section") if labelled else "plain"
            doc.body.append(Heading(labelled[1], labelled[2], kind, h[1]) if labelled else Heading("", h[2], kind, h[1]))
        elif m := NUMBERED.match(line) or SUBPARA.match(line):
            doc.body.append(Para(m[2], m[1]))
        elif doc.body and isinstance(doc.body[-1], Para):
            doc.body[-1].text = f"{doc.body[-1].text} {line}"  # second half of a paragraph the source cut
        else:
            doc.body.append(Para(line))
    return doc


def doc_to_markdown(doc: Doc) -> str:
    """Write a model in the seed's conventions; a note follows its paragraph."""
    out = ["---", FRONT_NOTE, "---", "", f"## {doc.session}", "", doc.agenda, "", "  \n".join(doc.agenda_title), "",
           f"## {doc.title}", "", f"## {doc.report_by}", ""]  # fmt: skip
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

AT_RISK = re.compile(r"\S*/\S*|\S*[A-Za-z]\S*-\S*|\S*-\S*[A-Za-z]\S*")


def inline(text: str, notes: dict[str, str]) -> str:
    """Inline markup to HTML, leaving text runs whole.

    WeasyPrint runs the bidi algorithm inside each inline box and puts the
    boxes of a line right to left, so a left-to-right run cut into boxes
    (one per word, as render_un_pdf.py makes them) would come out in the
    wrong order. Only tokens a line must not break inside (``A/70/118``,
    ``أيار/مايو``) get a box of their own; footnote calls are boxes anyway.
    """
    out: list[str] = []
    pos = 0
    for m in INLINE.finditer(text):
        out.append(_plain(text[pos : m.start()]))
        pos = m.end()
        if m.group("esc"):
            out.append("*")
        elif m.group("call"):
            call = m.group("call")
            if call not in notes:
                raise ValueError(f"footnote {call} is called but never defined")
            out.append(note_html(call, notes[call]))
        elif m.group("link") is not None:
            out.append(_plain(m.group("link")))
        else:
            out.append(f"<i>{_plain(m.group('ital'))}</i>")
    out.append(_plain(text[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    return AT_RISK.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', html.escape(text, quote=False))


def note_html(call: str, text: str) -> str:
    star = " star" if call == "*" else ""
    return f'<span class="note{star}" data-call="{html.escape(call)}">{inline(text, {})}</span>'


# ---------------------------------------------------------------- model -> HTML

FONT = "Amiri"
FURNITURE_FONT = '"Liberation Serif"'

CSS = """
@page {
  size: A4; margin: 24mm 21mm 24mm 21mm;
  /* the footnote rule: a one-colour gradient, painted as one filled rectangle (see render_un_pdf.py) */
  @footnote { margin-top: 9pt; padding-top: 3.75pt; margin-right: 13mm;
              background: linear-gradient(black) no-repeat 100% 0 / 36mm 0.75pt; }
}
@page :right {
  background: linear-gradient(black) no-repeat 0 -2.7mm / 100% 0.75pt;
  @top-left { content: "${symbol}"; }
  @bottom-left { content: counter(page) "/" counter(pages); }
  @bottom-right { content: "${job}"; font-size: 7pt; }
}
@page :left {
  background: linear-gradient(black) no-repeat 0 -2.7mm / 100% 0.75pt;
  @top-right { content: "${symbol}"; }
  @bottom-left { content: "${job}"; font-size: 7pt; }
  @bottom-right { content: counter(page) "/" counter(pages); }
}
@page :first {
  margin-top: 16mm; background: none;
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-right { content: none; }
  @bottom-left { content: "${job_line}\\A${barcode}"; white-space: pre; font-size: 8pt;
                 line-height: 12pt; vertical-align: bottom; padding-bottom: 6mm; }
}
@page {
  @top-left { font: bold 8.5pt ${furniture}; direction: ltr; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { font: bold 8.5pt ${furniture}; direction: ltr; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-left { font: bold 8.5pt ${furniture}; direction: ltr; text-align: left; vertical-align: top; padding-top: 6mm; }
  @bottom-right { font: bold 8.5pt ${furniture}; direction: ltr; text-align: right; vertical-align: top; padding-top: 6mm; }
}
html { font-family: "${font}"; font-size: 12pt; line-height: 17pt;
       font-variant-ligatures: none; font-kerning: none; }
body { margin: 0; }
p, h1, h2, h3 { margin: 0; }
i { font-style: italic; }
.nw { white-space: nowrap; }
.note { float: footnote; footnote-policy: line; white-space: normal;
        font-family: "${font}"; font-size: 9pt; line-height: 12pt;
        font-weight: normal; font-style: normal; text-align: right; text-indent: 0;
        margin: 0 6.5mm 1.5pt 0; padding-right: 3mm; }
.note::footnote-call { content: attr(data-call); font-size: 7pt; vertical-align: 4pt;
                       line-height: 0; font-weight: normal; }
.note::footnote-marker { content: attr(data-call); display: inline-block; width: 3mm; margin-right: -3mm;
                         text-indent: 0; font-size: 7pt; vertical-align: 3pt; }
.note.star::footnote-call { font-size: 12pt; vertical-align: 0; }
.note.star::footnote-marker { font-size: 9pt; vertical-align: 0; }
.mh-top { height: 12mm; position: relative;
          background: linear-gradient(black) no-repeat left bottom / 100% 0.75pt; }
.mh-un { position: absolute; right: 0; bottom: 2mm; font-size: 14pt; line-height: 16pt; }
.mh-sym { position: absolute; left: 0; bottom: 2mm; font: 14pt/20pt ${furniture}; direction: ltr; }
.mh-sym .big { font-size: 20pt; }
.mh-row { height: 27mm; position: relative; margin-bottom: 6mm;
          background: linear-gradient(black) no-repeat left bottom / 100% 2.25pt; }
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


def doc_to_html(doc: Doc, mast: zh.Masthead = MASTHEAD, block_css: dict[int, str] | None = None) -> str:
    """`block_css` maps a body block index to an inline style (page-break fixes)."""
    block_css = block_css or {}
    notes = doc.notes
    css = Template(CSS).substitute(symbol=mast.symbol, job=mast.job, job_line=mast.job_line, barcode=mast.barcode,
                                   font=FONT, furniture=FURNITURE_FONT)  # fmt: skip
    sym_head, sym_tail = mast.symbol[:1], mast.symbol[1:]
    parts = [
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">',
        f"<title>{html.escape(mast.symbol)}</title>",
        '<meta name="generator" content="undoc tools/render/render_un_pdf_ar.py">',
        f"<style>{css}</style></head><body>",
        f'<div class="mh-top"><div class="mh-un">{AUTHORITY}</div>'
        f'<div class="mh-sym" dir="ltr"><span class="big">{sym_head}</span>{sym_tail}</div></div>',
        f'<div class="mh-row"><div class="mh-organ">{mast.organ}</div>'
        f'<div class="mh-distr" dir="ltr">{mast.distribution}<br>{mast.date}<br><br>'
        f"{mast.language}<br>{mast.original}</div></div>",
        '<div class="front">',
        f'<p class="session">{inline(doc.session, notes)}</p>',
        f'<p class="agenda">{inline(doc.agenda.replace(chr(92) + "*", "<sup>*</sup>"), notes)}</p>',
        f'<p class="agenda-title">{"<br>".join(inline(t, notes) for t in doc.agenda_title)}</p>',
        "</div>",
        f'<h1 class="title">{inline(doc.title, notes)}</h1>',
        f'<p class="report-by">{inline(doc.report_by, notes)}</p>',
    ]
    if doc.summary:
        parts.append(f'<div class="summary"><h2>{inline(doc.summary_heading, notes)}</h2>')
        parts += [f'<p><span class="ind"></span>{inline(s, notes)}</p>' for s in doc.summary]
        parts.append("</div>")
    for k, block in enumerate(doc.body):
        attrs = f' id="p{k}"' + (f' style="{block_css[k]}"' if k in block_css else "")
        if isinstance(block, Heading):
            tag, cls = ("h2", "chapter") if block.kind == "chapter" else ("h3", block.kind)
            label = f"{html.escape(block.label)} " if block.label else ""
            parts.append(f'<{tag} class="{cls}"{attrs}>{label}{inline(block.text, notes)}</{tag}>')
        elif block.num:
            cls = "para sub" if block.num.startswith("(") else "para"
            number = f'<span class="pn">{html.escape(block.num)}</span>'
            parts.append(f'<p class="{cls}"{attrs}>{number}{inline(block.text, notes)}</p>')
        else:
            parts.append(f'<p class="para unnumbered"{attrs}>{inline(block.text, notes)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def render_doc(doc: Doc, mast: zh.Masthead = MASTHEAD, presentation: bool = False) -> zh.Document:
    """Render, keeping every footnote on the page of its call (as render_un_pdf.render_doc does);
    `presentation`: draw the text in presentation forms (see `to_presentation_forms`)."""
    fixes: dict[int, str] = {}
    for _ in range(12):
        page_html = doc_to_html(doc, mast, fixes)
        document = zh.render_html(presentation_html(page_html) if presentation else page_html)
        layouts = zh.page_layouts(document)
        stray = zh.stray_notes(layouts)
        if not stray:
            return document
        _, page = stray[0]
        cut = [b for b in layouts[page].blocks if b in layouts[page + 1].blocks and b.startswith("p")]
        if not cut:
            break
        k = int(cut[-1][1:])
        fixes[k] = "break-before: page;" if k in fixes else "orphans: 1;"
    raise RuntimeError(f"footnotes {stray} stay apart from their calls")


def cut_paragraphs(document: zh.Document) -> list[tuple[str, int, bool]]:
    """Body blocks a page break cuts: (block id, page index it starts on, that page has footnotes)."""
    layouts = zh.page_layouts(document)
    out = []
    for i, (page, nxt) in enumerate(pairwise(layouts)):
        out += [(b, i, bool(page.notes)) for b in page.blocks if b in nxt.blocks and b.startswith("p")]
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


def paragraphs(doc: Doc, first: int, last: int) -> list[Para | Heading]:
    """Copies of paragraphs `first`..`last` (by number), their sub-paragraphs and the headings that open them."""
    out: list[Para | Heading] = []
    pending: list[Heading] = []
    keep = False
    for block in doc.body:
        if isinstance(block, Heading):
            pending.append(block)
            continue
        if block.num and not block.num.startswith("("):
            keep = first <= int(block.num.split()[0].translate({ord(d): str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")})) <= last
        if keep:
            out += [replace(h) for h in pending] + [replace(block)]
        pending = []
    return out


def excerpt(seed: Doc, body: list[Para | Heading]) -> Doc:
    """A short document: the seed's front matter without the summary, then `body`."""
    called = {n for block in body for n in CALL.findall(block.text)}
    kept = {n: text for n, text in seed.notes.items() if n in called or n == "*"}
    return replace(seed, summary=[], summary_heading="", body=body, notes=kept)


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
    seed = markdown_to_doc(seed_path.read_text(encoding="utf-8"))
    md_path = out_dir / f"variant_{name}.ar.md"
    md_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.write_text(doc_to_markdown(variant_docs(seed)[name]), encoding="utf-8")
    out = out_dir / f"variant_{name}.ar.pdf"
    write_rendered(markdown_to_doc(md_path.read_text(encoding="utf-8")), out, presentation=name == "presentation_forms")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--all", action="store_true", help="regenerate every fixture")
    ap.add_argument("--variant", choices=("seed", *VARIANTS), action="append", help="one fixture (repeatable)")
    ap.add_argument("--seed", type=Path, default=SEED, help=f"seed markdown (default {SEED})")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR, help="default fixtures/pdf/ar")
    ap.add_argument("--input", type=Path, help="render this seed-style markdown file instead")
    ap.add_argument("--output", type=Path, help="with --input: the PDF (or HTML) to write")
    ap.add_argument("--html", action="store_true", help="with --input: write the HTML only")
    args = ap.parse_args(argv)
    if args.input:
        if not args.output:
            ap.error("--input needs --output")
        doc = markdown_to_doc(args.input.read_text(encoding="utf-8"))
        if args.html:
            args.output.write_text(doc_to_html(doc), encoding="utf-8")
        else:
            write_rendered(doc, args.output)
        return 0
    names = ["seed", *VARIANTS] if args.all else (args.variant or [])
    if not names:
        ap.error("say --all, --variant NAME or --input FILE --output FILE")
    for name in names:
        out = build_seed(args.seed, args.out_dir) if name == "seed" else build_variant(name, args.seed, args.out_dir)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
