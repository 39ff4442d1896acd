#!/usr/bin/env python3
"""Render seed-style markdown of a UN report through a word processor: ``.docx`` (wordproc_docx.py), then LibreOffice.

Real UN PDFs are printed from Word. This generator writes the report as a
Word document with real footnotes, UN styles, running headers, the
job-number footer and the page-1 masthead, and prints it to PDF with
LibreOffice headless, in a sweep of layouts (fonts, sizes, line spacing,
paper, justified or ragged). One generator for every language: a language is
a row of ``LANGUAGES`` (markdown conventions, masthead words, script slot and
direction, its sources) plus its layouts in ``SWEEPS``; adding one is data.

Needs (Debian 12 "bookworm"):
    apt-get install -y libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei \
        fonts-hosny-amiri fonts-noto-core fonts-kacst fonts-kacst-one fonts-sil-scheherazade
        # versions used: libreoffice 4:7.4.7-1+deb12u14, fonts-noto-cjk 1:20220127+repack1-1,
        # fonts-arphic-uming 0.2.20080216.2-11, fonts-wqy-zenhei 0.9.45-8, fonts-hosny-amiri 0.113-1,
        # fonts-noto-core 20201225-1, fonts-kacst 2.01+mry-15, fonts-kacst-one 5.0+svn11846-10,
        # fonts-sil-scheherazade 2.100-2.1

The whole sweep of a language into a folder (docx and pdf side by side):
    .venv/bin/python tools/render/render_wordproc.py --lang zh --sweep --out-dir /tmp/wp
The committed fixtures (fixtures/pdf/<lang>/wordproc_*.pdf):
    .venv/bin/python tools/render/render_wordproc.py --lang zh --fixtures
List the sweep:  .venv/bin/python tools/render/render_wordproc.py --lang ar --list
LibreOffice's PDFs carry a creation date, so they are not byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render_un_pdf as zh
import render_un_pdf_ar as ar
from render_un_pdf import Doc, Para
from wordproc_docx import Page, Tongue, write_docx

ROOT = zh.ROOT
TIMEOUT = 600
"""Seconds one LibreOffice run (a whole batch of documents) may take."""


@dataclass(frozen=True)
class Source:
    """A markdown source of a language: the report itself or a stress variant written next to the fixtures."""

    name: str
    make: Callable[[Doc], Doc]
    """From the language's report to this source's model (the identity for the report)."""


@dataclass(frozen=True)
class Language:
    code: str
    tongue: Tongue
    conventions: zh.Conventions
    report: Path
    out_dir: Path
    sources: tuple[Source, ...]

    def doc(self, source: str) -> Doc:
        """The model of one source, read back from its markdown (what the PDF must parse to)."""
        return zh.markdown_to_doc(self.markdown(source), self.conventions)

    def markdown(self, source: str) -> str:
        """A source's markdown: its committed file, or made from the report (for sweep cases not committed)."""
        path = self.markdown_path(source)
        return path.read_text(encoding="utf-8") if path.exists() else self.generated(source)

    def generated(self, source: str) -> str:
        """A source's markdown as the generator makes it from the report."""
        if source == "report":
            return self.report.read_text(encoding="utf-8")
        report = zh.markdown_to_doc(self.report.read_text(encoding="utf-8"), self.conventions)
        make = next(s.make for s in self.sources if s.name == source)
        return zh.doc_to_markdown(make(report), self.conventions)

    def markdown_path(self, source: str) -> Path:
        return self.report if source == "report" else self.out_dir / f"wordproc_{source}.{self.code}.md"

    def write_sources(self, names: Iterable[str]) -> None:
        """Write these variants' markdown next to the fixtures (the report's own file is its source)."""
        for name in set(names) - {"report"}:
            self.markdown_path(name).write_text(self.generated(name), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """One rendering of the sweep: a language, a source and a layout."""

    lang: str
    source: str
    page: Page

    @property
    def stem(self) -> str:
        return f"wordproc_{self.source}_{self.page.name}.{self.lang}"


# ---------------------------------------------------------------- sources

_HAN = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
TIGHT = re.compile(rf"(?<=[{_HAN}]) (?=[0-9A-Za-z({_HAN}])|(?:(?<=[0-9A-Za-z)%])|(?<=</sup>)) (?=[\u3400-\u9fff])")
"""A typed space between a Han character and a Latin letter or digit (either order), between two CJK characters,
or between a call and a Han character."""


def tight(doc: Doc) -> Doc:
    """The report without typed spaces between Han and Latin or digits (``2017年``), nor next to CJK where no
    reader can see them at a line break (``实例。<sup>13</sup> 人口``): the layout engine's own automatic
    spacing is then the only gap there, which a reader must not take for a typed space."""
    body = [replace(b, text=TIGHT.sub("", b.text)) for b in doc.body]
    notes = {k: TIGHT.sub("", v) for k, v in doc.notes.items()}
    return replace(doc, summary=[TIGHT.sub("", p) for p in doc.summary], body=body, notes=notes)


def report(doc: Doc) -> Doc:
    return doc


def indic(doc: Doc) -> Doc:
    """Paragraph numbers and the numbers of the Arabic prose in Arabic-Indic digits (tokens with Latin stay ASCII)."""
    body = [replace(b, text=ar.indic_digits(b.text), num=ar.indic_digits(b.num)) if isinstance(b, Para) else b for b in doc.body]
    return replace(doc, summary=[ar.indic_digits(p) for p in doc.summary], body=body)


LANGUAGES: dict[str, Language] = {
    "zh": Language(
        "zh",
        Tongue("zh", "联合国", "大会", "Chinese", "C", "请回收", "eastAsia", "zh-CN"),
        zh.ZH_MARKDOWN,
        ROOT / "fixtures" / "text" / "zh" / "A_73_254.zh.md",
        ROOT / "fixtures" / "pdf" / "zh",
        (Source("report", report), Source("tight", tight)),
    ),
    "ar": Language(
        "ar",
        Tongue("ar", "الأمم المتحدة", "الجمعية العامة", "Arabic", "A", "يرجى إعادة الاستعمال", "cs", "ar-SA", rtl=True),
        ar.AR_MARKDOWN,
        ROOT / "fixtures" / "text" / "ar" / "A_73_254.ar.md",
        ROOT / "fixtures" / "pdf" / "ar",
        (Source("report", report), Source("indic", indic)),
    ),
}

# ---------------------------------------------------------------- the sweep

ZH_FONTS = {"notoserif": "Noto Serif CJK SC", "notosans": "Noto Sans CJK SC", "uming": "AR PL UMing CN",
            "zenhei": "WenQuanYi Zen Hei"}  # fmt: skip
LATIN = "Noto Serif"


def zh_sweep() -> list[Case]:
    """Every Chinese font × size (10, 11, 12 pt) × line spacing (1.0, 1.15, 1.5) × paper (A4, Letter) ×
    justified/ragged of the report (144 cases), plus per font the tight variant with automatic spacing on and
    off and the report with punctuation hanging in the margin (12 cases)."""
    cases: list[Case] = []
    for key, font in ZH_FONTS.items():
        for size in (10, 11, 12):
            for spacing in (1.0, 1.15, 1.5):
                for paper in ("A4", "Letter"):
                    for justify in (True, False):
                        name = f"{key}_{size}pt_{spacing:g}_{paper.lower()}_{'just' if justify else 'rag'}"
                        cases.append(Case("zh", "report", Page(name, font, LATIN, size, spacing, paper, justify)))
    for key, font in ZH_FONTS.items():
        for autospace in (True, False):
            name = f"{key}_10pt_1_a4_{'auto' if autospace else 'noauto'}"
            cases.append(Case("zh", "tight", Page(name, font, LATIN, 10, 1.0, "A4", True, autospace)))
        cases.append(Case("zh", "report", Page(f"{key}_10pt_1_a4_just_hang", font, LATIN, 10, 1.0, "A4", True, hang=True)))
    return cases


def ar_sweep() -> list[Case]:
    """The Arabic layouts of issue 15, plus Scheherazade and Letter paper."""
    return [
        Case("ar", "report", Page("amiri_12pt_1_a4_just", "Amiri", "", 12, 1.0, "A4", True)),
        Case("ar", "report", Page("naskh_11pt_1.15_a4_rag", "Noto Naskh Arabic", "Noto Serif", 11, 1.15, "A4", False)),
        Case("ar", "indic", Page("kacstone_13pt_1_a4_just", "KacstOne", "", 13, 1.0, "A4", True)),
        Case("ar", "report", Page("scheherazade_12pt_1_a4_just", "Scheherazade", "", 12, 1.0, "A4", True)),
        Case(
            "ar",
            "report",
            Page(
                "scheherazade_13pt_1.5_letter_rag",
                "Scheherazade",
                "Noto Serif",
                13,
                1.5,
                "Letter",
                False,
                recycle="الرجاء إعادة الاستعمال",
            ),
        ),
        Case("ar", "report", Page("kacstbook_12pt_1.15_letter_just", "KacstBook", "", 12, 1.15, "Letter", True)),
        Case("ar", "report", Page("notosans_11pt_1_a4_rag", "Noto Sans Arabic", "Noto Sans", 11, 1.0, "A4", False)),
    ]


SWEEPS: dict[str, Callable[[], list[Case]]] = {"zh": zh_sweep, "ar": ar_sweep}
FIXTURES: dict[str, tuple[str, ...]] = {
    "zh": ("wordproc_report_notoserif_10pt_1_a4_just_hang.zh", "wordproc_report_zenhei_11pt_1.15_a4_just.zh",
           "wordproc_tight_notosans_10pt_1_a4_noauto.zh"),
    "ar": ("wordproc_report_amiri_12pt_1_a4_just.ar", "wordproc_report_naskh_11pt_1.15_a4_rag.ar",
           "wordproc_indic_kacstone_13pt_1_a4_just.ar", "wordproc_report_scheherazade_13pt_1.5_letter_rag.ar"),
}  # fmt: skip
"""The renderings committed under fixtures/pdf/<lang>/ (small; the rest are made by the sweep test and bench)."""


def sweep(lang: str) -> list[Case]:
    return SWEEPS[lang]()


# ---------------------------------------------------------------- LibreOffice


def soffice() -> str | None:
    """The LibreOffice binary, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert ``.docx`` files to PDFs in ``out_dir`` with one LibreOffice run, in a private profile."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="undoc-lo-") as profile:
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), *map(str, docx)]  # fmt: skip
        env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp", "HOME": profile}
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False)
    pdfs = [out_dir / f"{p.stem}.pdf" for p in docx]
    missing = [p.name for p in pdfs if not p.exists()]
    if done.returncode or missing:
        raise RuntimeError(f"LibreOffice failed (exit {done.returncode}; missing {missing[:3]}): {done.stderr.strip()[:300]}")
    return pdfs


def render(cases: Iterable[Case], out_dir: Path) -> dict[str, Path]:
    """Write each case's ``.docx`` and PDF into ``out_dir``; the PDFs by case stem."""
    cases = list(cases)
    docs: dict[tuple[str, str], Doc] = {}
    docx: list[Path] = []
    for case in cases:
        language = LANGUAGES[case.lang]
        key = (case.lang, case.source)
        if key not in docs:
            docs[key] = star_call(language.doc(case.source))
        docx.append(write_docx(docs[key], case.page, language.tongue, out_dir / f"{case.stem}.docx"))
    return {p.stem: p for p in to_pdf(docx, out_dir)}


def star_call(doc: Doc) -> Doc:
    """The agenda line's ``\\*`` is the call of the masthead note: a footnote with the custom mark ``*``."""
    if "*" not in doc.notes:
        return doc
    return replace(doc, agenda=doc.agenda.replace("\\*", "<sup>*</sup>", 1))


def build_fixtures(lang: str) -> list[Path]:
    """Write the variant sources and render the committed fixtures of a language into its fixture folder."""
    language = LANGUAGES[lang]
    wanted = set(FIXTURES[lang])
    cases = [c for c in sweep(lang) if c.stem in wanted]
    language.write_sources(c.source for c in cases)
    with tempfile.TemporaryDirectory(prefix="undoc-wp-") as tmp:
        pdfs = render(cases, Path(tmp))
        out = []
        for stem, pdf in pdfs.items():
            target = language.out_dir / f"{stem}.pdf"
            shutil.copyfile(pdf, target)
            out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--lang", choices=sorted(LANGUAGES), required=True)
    ap.add_argument("--list", action="store_true", help="print the sweep's case names")
    ap.add_argument("--sweep", action="store_true", help="render the whole sweep into --out-dir")
    ap.add_argument("--case", action="append", default=[], help="render these cases (by stem) into --out-dir")
    ap.add_argument("--fixtures", action="store_true", help="write the variant sources and the committed fixtures")
    ap.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "undoc-wordproc")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(c.stem for c in sweep(args.lang)))
        return 0
    if args.fixtures:
        for path in build_fixtures(args.lang):
            print(f"wrote {path}")
        return 0
    cases = sweep(args.lang) if args.sweep else [c for c in sweep(args.lang) if c.stem in set(args.case)]
    if not cases:
        ap.error("say --list, --sweep, --case STEM or --fixtures")
    for stem, pdf in render(cases, args.out_dir).items():
        print(f"{stem}: {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
