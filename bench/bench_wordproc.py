"""The whole word-processor sweep: render every layout (docx → LibreOffice), parse each PDF, compare with its source.

Prints one row per PDF: pages, whether it parses like its markdown source (whitespace aside: ``yes``; ``lacks``
where it does once the characters the PDF's text layer lacks are set aside; ``NO``), ``ws`` where whitespace is
equal too, and which fields differ with the first difference of each; then the totals. Needs LibreOffice and
the fonts (see tools/render/render_wordproc.py). Renders in batches of ``--batch`` documents per LibreOffice run.

    nice -n 10 .venv/bin/python bench/bench_wordproc.py [--lang zh|ar] [--limit N] [--step K] [--out-dir DIR]
        [--json FILE] [--reuse] [--only STEM-PART]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "render"))

import render_wordproc as wp  # noqa: E402
import wordproc_check as check  # noqa: E402

from parser import parse  # noqa: E402
from parser.write.to_json import document_to_dict  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--lang", action="append", choices=sorted(wp.LANGUAGES))
    ap.add_argument("--limit", type=int, default=0, help="only the first N cases of each language")
    ap.add_argument("--step", type=int, default=1, help="every STEP-th case only (a sample across the sweep)")
    ap.add_argument("--only", action="append", help="only the cases whose stem contains this (repeatable)")
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "undoc-wordproc-sweep")
    ap.add_argument("--json", type=Path, help="write the result rows here")
    ap.add_argument("--table", type=Path, help="write the result table (markdown: font × size × spacing × paper) here")
    ap.add_argument("--reuse", action="store_true", help="parse the PDFs already in --out-dir; render only the missing")
    args = ap.parse_args(argv)
    rows: list[dict[str, object]] = []
    for lang in args.lang or sorted(wp.LANGUAGES):
        cases = [c for c in wp.sweep(lang) if not args.only or any(o in c.stem for o in args.only)]
        cases = cases[:: args.step][: args.limit or None]
        language = wp.LANGUAGES[lang]
        tongue = language.tongue
        masthead = {"symbol": tongue.symbol, "organ": tongue.organ, "distribution": tongue.distribution,
                    "date": "2018-07-16", "original_language": tongue.original,
                    "other": {tongue.authority, tongue.symbol, tongue.language}}  # fmt: skip
        sources: dict[str, dict[str, object]] = {}
        allow = frozenset({check.TEXT_LAYER})
        start = time.perf_counter()
        for k in range(0, len(cases), args.batch):
            batch = cases[k : k + args.batch]
            have = {c.stem: args.out_dir / f"{c.stem}.pdf" for c in batch} if args.reuse else {}
            todo = [c for c in batch if not have.get(c.stem, Path()).is_file()] if args.reuse else batch
            pdfs = {**have, **(wp.render(todo, args.out_dir) if todo else {})}
            for case in batch:
                if case.source not in sources:
                    md = args.out_dir / f"{case.source}.{lang}.md"
                    md.write_text(language.markdown(case.source), encoding="utf-8")
                    sources[case.source] = document_to_dict(parse(md, symbol="A/73/254"))
                got = document_to_dict(parse(pdfs[case.stem]))
                src = sources[case.source]
                loose = check.differences(src, got, masthead, whitespace=False, allow=allow)
                exact = check.differences(src, got, masthead, whitespace=True, allow=allow)
                layer = sum(1 for w in got["warnings"] if w["code"] == check.TEXT_LAYER)  # type: ignore[index, union-attr]
                missing = check.lacking(src, pdfs[case.stem]) if loose else Counter[str]()
                # the PDF lacks glyphs: does it parse like its source with those characters set aside?
                drop = "".join(missing)
                rest = check.differences(src, got, masthead, whitespace=False, allow=allow, drop=drop) if drop else loose
                verdict = "yes" if not loose else "lacks" if not rest else "NO"
                lacks = " ".join(f"{c!r}×{n}" for c, n in missing.most_common())
                page = case.page
                layout = {"font": page.font, "latin": page.latin, "size": page.size, "spacing": page.spacing,
                          "paper": page.paper, "justified": page.justify, "autospace": page.autospace, "hang": page.hang,
                          "source": case.source}  # fmt: skip
                row = {"pdf": case.stem, **layout, "pages": got["source"]["pages"], "same": not loose,  # type: ignore[index]
                       "verdict": verdict, "same_whitespace": not exact, "fields": sorted(rest), "text_layer_warnings": layer,
                       "pdf_lacks": lacks, "first": {k: v[:160] for k, v in rest.items()}}  # fmt: skip
                rows.append(row)
                fields = ",".join(sorted(rest)) or "-"
                notes = f"text-layer:{layer} " if layer else ""
                notes += f"PDF lacks {lacks}" if lacks else ""
                print(f"{case.stem:58} {row['pages']:>3}p  {verdict:5} "
                      f"{'ws' if not exact else '  '}  {fields}  {notes}", flush=True)  # fmt: skip
        done = [r for r in rows if str(r["pdf"]).endswith(f".{lang}")]
        same = sum(1 for r in done if r["verdict"] == "yes")
        short = sum(1 for r in done if r["verdict"] == "lacks")
        print(f"{lang}: {same}/{len(done)} parse like their source, {short} more but for glyphs the PDF lacks; "
              f"{time.perf_counter() - start:.0f} s\n", flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.table:
        args.table.write_text(table(rows), encoding="utf-8")
    return 0


def cell(row: dict[str, object]) -> str:
    """One result: ``yes``, ``lacks '。'×2`` (parses like its source but for glyphs the PDF lacks), or ``NO: fields``."""
    if row["verdict"] == "yes":
        return "yes" + (" (ws)" if row["same_whitespace"] else "")
    if row["verdict"] == "lacks":
        return f"lacks {row['pdf_lacks']}"
    return "**NO**: " + ", ".join(row["fields"])  # type: ignore[arg-type]


def table(rows: list[dict[str, object]]) -> str:
    """The sweep's result table in markdown: per language, one line per font × size × spacing of the plain source,
    one column per paper × alignment; then the other cases (variant sources, automatic spacing off, hanging
    punctuation, the Arabic layouts) one per line. ``(ws)``: whitespace equal too."""
    out: list[str] = []
    for lang in sorted({str(r["pdf"]).rsplit(".", 1)[1] for r in rows}):
        done = [r for r in rows if str(r["pdf"]).endswith(f".{lang}")]
        grid = [r for r in done if r["source"] == "report" and r["autospace"] and not r["hang"]]
        columns = sorted({(str(r["paper"]), bool(r["justified"])) for r in grid}, key=lambda c: (c[0], not c[1]))
        keys = sorted({(str(r["font"]), float(r["size"]), float(r["spacing"])) for r in grid})  # type: ignore[arg-type]
        same = sum(1 for r in done if r["verdict"] == "yes")
        short = sum(1 for r in done if r["verdict"] == "lacks")
        out.append(f"### {lang}: {same}/{len(done)} parse like their source, {short} more but for glyphs the PDF lacks\n")
        if len(columns) > 1 and len(keys) * len(columns) == len(grid):
            head = " | ".join(f"{paper} {'justified' if just else 'ragged'}" for paper, just in columns)
            out += [f"| font | size | spacing | {head} |", "|---|---|---|" + "---|" * len(columns)]
            for font, size, spacing in keys:
                cells = []
                for paper, just in columns:
                    match = [r for r in grid if (r["font"], r["size"], r["spacing"], r["paper"], r["justified"])
                             == (font, size, spacing, paper, just)]  # fmt: skip
                    cells.append(cell(match[0]) if match else "-")
                out.append(f"| {font} | {size:g} pt | {spacing:g} | " + " | ".join(cells) + " |")
            out.append("")
            rest = [r for r in done if r not in grid]
        else:
            rest = done
        if rest:
            out += ["| rendering | pages | result |", "|---|---|---|"]
            out += [f"| `{r['pdf']}` | {r['pages']} | {cell(r)} |" for r in rest]
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
