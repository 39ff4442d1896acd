"""How far each committed rendering (fixtures/renderings) parses like its reference: the agreement table.

For every rendering in ``fixtures/renderings/manifest.json`` (pdftotext raw and -layout, pdfplumber,
pymupdf4llm of the project's PDFs, made by tools/render/render_text.py) it parses the rendering, parses
its reference (the PDF's markdown source, or reads the PDF's golden parse) and prints the share of
paragraphs, sub-paragraphs, headings, footnotes and table cells that agree by official id
(``parser.diff.agreement``), the masthead fields that differ, the rendering style undoc recognised and
the warnings. The masthead fields are compared with the PDF's own parse where the reference is a markdown
source (which has no masthead): ~1 min.

    nice -n 10 .venv/bin/python bench/bench_renderings.py [--only PREFIX] [--json FILE] [--why]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser import parse  # noqa: E402
from parser.diff.agreement import CATEGORIES, agreement  # noqa: E402
from parser.write.to_json import document_to_dict  # noqa: E402

FIXTURES = ROOT / "fixtures"
RENDERINGS = FIXTURES / "renderings"
MASTHEAD_FIELDS = ("symbols", "organ", "distribution", "date", "original_language", "session", "agenda_item", "title")


def reference(path: str, cache: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if path not in cache:
        file = FIXTURES / path
        cache[path] = json.loads(file.read_text("utf-8")) if file.suffix == ".json" else document_to_dict(parse(file))
    return cache[path]


def masthead_reference(entry: dict[str, str], ref: dict[str, Any], cache: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the masthead of the rendered PDF says: its golden parse when that is the reference, else the PDF's own
    parse (a markdown source has no masthead: the PDF prints one, and the rendering carries it)."""
    if entry["reference"].endswith(".pdf.json"):
        return ref
    return reference(entry["pdf"], cache)


def masthead_differences(ref: dict[str, Any], got: dict[str, Any]) -> list[str]:
    a, b = ref["metadata"], got["metadata"]
    return [field for field in MASTHEAD_FIELDS if _plain(a.get(field)) != _plain(b.get(field))]


def _plain(value: Any) -> Any:
    """A masthead value without provenance, whitespace aside."""
    if isinstance(value, dict):
        return _plain(value.get("text"))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return "".join(value.split()) if isinstance(value, str) else value


def rows(only: list[str] | None) -> list[dict[str, Any]]:
    manifest: dict[str, dict[str, str]] = json.loads((RENDERINGS / "manifest.json").read_text("utf-8"))
    cache: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for name, entry in manifest.items():
        if only and not any(Path(name).name.startswith(o) for o in only):
            continue
        ref = reference(entry["reference"], cache)
        mast = masthead_reference(entry, ref, cache)
        got = document_to_dict(parse(RENDERINGS / name))
        agreed = agreement(ref, got, a_name=entry["reference"], b_name=name)
        out.append({"rendering": name, "style": entry["style"], "recognised": got["source"].get("rendering"),
                    **{t.category: t.as_dict() for t in (*agreed.tallies, agreed.total)},
                    "masthead_differs": masthead_differences(mast, got),
                    "warnings": sorted({w["code"] for w in got["warnings"]}),
                    "disagreements": [list(d) for d in agreed.disagreements]})  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--only", action="append", help="only renderings whose name starts with this")
    ap.add_argument("--json", type=Path, help="write the rows here")
    ap.add_argument("--why", action="store_true", help="list the first disagreeing ids of each rendering")
    ap.add_argument("--floors", action="store_true", help="print today's figures as tests/test_renderings.py's FLOORS")
    args = ap.parse_args(argv)
    table = rows(args.only)
    if args.floors:
        order = sorted(table, key=lambda r: ({"zh": 0, "en": 1, "ru": 2}.get(r["rendering"][:2], 3), r["rendering"]))
        for row in order:
            counts = ", ".join(str(row[c]["agreed"]) for c in ("paragraphs", "subparagraphs", "headings", "footnotes"))
            print(f'    "{row["rendering"]}": ({counts}),')
        return 0
    short = {
        "paragraphs": "para",
        "subparagraphs": "sub",
        "headings": "hdg",
        "footnotes": "notes",
        "tables": "tables",
        "table_cells": "cells",
    }
    print(f"{'rendering':64} {'style':17} " + " ".join(f"{short[c]:>9}" for c in CATEGORIES) + "     total  masthead differs")
    for row in table:
        cells = " ".join(f"{row[c]['agreed']:>4}/{row[c]['a']:<4}" for c in CATEGORIES)
        total = row["total"]
        print(f"{row['rendering']:64} {row['recognised'] or '-':17} {cells} {total['share_of_a']:>8.1%}  "
              f"{','.join(row['masthead_differs']) or '-'}")  # fmt: skip
        if args.why:
            print("    " + " ".join(f"{c}:{i}" for c, i in row["disagreements"][:12]) + f"  warnings: {row['warnings']}")
    agreed = sum(r["total"]["agreed"] for r in table)
    units = sum(r["total"]["a"] for r in table)
    print(f"all {len(table)} renderings: {agreed}/{units} units agree ({agreed / max(units, 1):.1%} of the references')")
    if args.json:
        args.json.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
