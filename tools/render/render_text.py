#!/usr/bin/env python3
"""Render the project's PDFs to text the way the common tools do, for undoc's text path to read.

People who convert UN documents hold renderings made by ``pdftotext`` (raw and ``-layout``),
pdfplumber's ``extract_text`` and pymupdf4llm's markdown. This script makes those renderings of
the project's own PDFs (the WeasyPrint and LibreOffice Chinese ones, the English and Russian
fixtures) into ``fixtures/renderings/<lang>/<pdf stem>.<style>.<txt|md>`` and writes
``fixtures/renderings/manifest.json``: for each rendering, its PDF, the tool and its version, and
the reference its parse is checked against (the PDF's markdown source, or the PDF's golden).
The tests read the committed files; they need none of these tools.

Needs (Debian 12):
    apt-get install -y poppler-utils            # pdftotext 22.12.0 (poppler-utils 22.12.0-2+deb12u3)
    .venv/bin/pip install -e '.[render]'        # pymupdf4llm 0.3.4, PyMuPDF 1.28.2; pdfplumber is a dependency
Run from the repository root:
    .venv/bin/python tools/render/render_text.py            # every rendering (~1 min)
    .venv/bin/python tools/render/render_text.py --style pdftotext --only A_73_254.zh
The output is the same bytes from run to run with the same tool versions. A style whose tool is
missing is skipped with a message (its committed renderings stay as they are).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "fixtures" / "pdf"
OUT = ROOT / "fixtures" / "renderings"


@dataclass(frozen=True)
class Subject:
    pdf: str
    """Under fixtures/pdf."""
    reference: str
    """What the rendering must parse like, under fixtures/: the PDF's markdown source or its golden parse."""


SUBJECTS = (
    # WeasyPrint (tools/render/render_un_pdf.py) from the seed and its variants
    Subject("zh/A_73_254.zh.pdf", "text/zh/A_73_254.zh.md"),
    Subject("zh/variant_footnote_continues.zh.pdf", "pdf/zh/variant_footnote_continues.zh.md"),
    Subject("zh/variant_three_pages.zh.pdf", "pdf/zh/variant_three_pages.zh.md"),
    # LibreOffice (tools/render/render_wordproc.py): real Word footnotes, the job-number footer with the page number
    Subject("zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdf", "text/zh/A_73_254.zh.md"),
    Subject("zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdf", "text/zh/A_73_254.zh.md"),
    Subject("zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdf", "pdf/zh/wordproc_tight.zh.md"),
    # the same UN report in English and Russian (real ODS PDFs); the reference is undoc's reviewed parse of the PDF
    Subject("en/A_HRC_WG.6_34_ITA_3.en.pdf", "expected/A_HRC_WG.6_34_ITA_3.en.pdf.json"),
    Subject("ru/A_HRC_WG.6_34_ITA_3.ru.pdf", "expected/A_HRC_WG.6_34_ITA_3.ru.pdf.json"),
)


def pdftotext(pdf: Path, *, layout: bool) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def pdfplumber_text(pdf: Path) -> str:
    """``extract_text()`` of every page, joined by a newline: what most scripts that use pdfplumber write."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages) + "\n"


def pymupdf4llm_markdown(pdf: Path) -> str:
    import pymupdf4llm  # type: ignore[import-not-found, unused-ignore]

    text: str = pymupdf4llm.to_markdown(str(pdf), show_progress=False)
    return text


def _poppler_version() -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    words = (out.stderr or out.stdout).split()
    return f"pdftotext {words[2]}" if len(words) > 2 else "pdftotext"


def _module_version(*names: str) -> str | None:
    try:
        return ", ".join(f"{name} {metadata.version(name)}" for name in names)
    except metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class Style:
    name: str
    suffix: str
    render: Callable[[Path], str]
    version: Callable[[], str | None]


STYLES = (
    Style("pdftotext", "txt", lambda pdf: pdftotext(pdf, layout=False), _poppler_version),
    Style("pdftotext-layout", "txt", lambda pdf: pdftotext(pdf, layout=True), _poppler_version),
    Style("pdfplumber", "txt", pdfplumber_text, lambda: _module_version("pdfplumber", "pdfminer.six")),
    Style("pymupdf4llm", "md", pymupdf4llm_markdown, lambda: _module_version("pymupdf4llm", "pymupdf")),
)


def rendering_name(subject: Subject, style: Style) -> str:
    stem = Path(subject.pdf).name.removesuffix(".pdf")
    return f"{Path(subject.pdf).parent}/{stem}.{style.name}.{style.suffix}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--style", action="append", choices=[s.name for s in STYLES], help="only these styles")
    ap.add_argument("--only", action="append", help="only PDFs whose name starts with this")
    args = ap.parse_args(argv)
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    for style in STYLES:
        if args.style and style.name not in args.style:
            continue
        version = style.version()
        if version is None:
            print(f"render_text: {style.name}: its tool is not installed; skipped", file=sys.stderr)
            continue
        for subject in SUBJECTS:
            if args.only and not any(Path(subject.pdf).name.startswith(o) for o in args.only):
                continue
            name = rendering_name(subject, style)
            text = style.render(PDFS / subject.pdf)
            target = OUT / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
            manifest[name] = {"pdf": f"pdf/{subject.pdf}", "style": style.name, "tool": version, "reference": subject.reference}
            print(f"{name}: {len(text)} characters ({version})")
    ordered = {key: manifest[key] for key in sorted(manifest)}
    manifest_path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
