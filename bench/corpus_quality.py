"""The corpus quality report of issues 8 and 9: per document (worst first) and in total, per folder.

    .venv/bin/python bench/corpus_quality.py ../shared/corpus/ods ../shared/corpus/pairs --outputs /tmp/base/out
    .venv/bin/python bench/corpus_quality.py ../shared/corpus/ods --parse-into /tmp/after --save after.json --compare before.json

With ``--outputs`` it reads an existing folder of outputs and its ``manifest.jsonl`` (matched to
the inputs by sha256) and parses nothing; otherwise it converts the inputs first with the batch
engine (timeouts and crashes recorded), into ``--parse-into`` or a temporary folder. Page 1 of
each PDF is read with pdfplumber to check the parsed symbol against the printed one; each XML
output is validated against the AKN schema. ``--save`` writes every figure as JSON; ``--compare``
prints what got better and worse since a saved report. The checks are in ``parser/quality``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser.batch.manifest import MANIFEST  # noqa: E402
from parser.quality.corpus import READERS, corpus_figures, inputs_of, parse_folders  # noqa: E402
from parser.quality.report import FORMAT, compare_text, documents_text, legend, report_dict, totals_text  # noqa: E402

SCHEMA = ROOT / "schemas" / "akn" / "akomantoso30.xsd"


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    top.add_argument("folders", nargs="+", metavar="DIR", help="folders of inputs (searched recursively)")
    top.add_argument("--outputs", type=Path, help="an existing folder of outputs with manifest.jsonl: parse nothing")
    top.add_argument("--parse-into", type=Path, help="convert into this folder (kept; resumes) instead of a temporary one")
    top.add_argument("--save", type=Path, help="write every document's figures and the totals as JSON")
    top.add_argument("--compare", type=Path, help="a report saved by --save: print what got better and worse")
    top.add_argument("--workers", type=int, default=1, help="processes for parsing and for reading outputs (default 1)")
    top.add_argument("--reader", default=",".join(READERS), help=f"input formats to take: {', '.join(READERS)} (default: all)")
    top.add_argument("--examples", type=int, default=1, help="examples shown per defect and document (default 1)")
    top.add_argument("--schema", type=Path, default=SCHEMA, help="AKN XSD to validate the XML outputs against")
    args = top.parse_args(argv)
    readers = [r.strip() for r in args.reader.split(",") if r.strip()]
    if not readers or any(r not in READERS for r in readers):
        top.error(f"--reader takes {', '.join(READERS)}, not {args.reader!r}")
    if args.outputs and args.parse_into:
        top.error("--outputs reads existing outputs; --parse-into makes new ones: give one of them")
    old = _load_report(top, args.compare) if args.compare else None
    inputs = inputs_of(args.folders, readers)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="undoc-quality-") as scratch:
        out_dir = args.outputs or args.parse_into or Path(scratch)
        if args.outputs is not None and not (out_dir / MANIFEST).is_file():
            top.error(f"{out_dir} has no {MANIFEST}: run undoc batch into it first, or give --parse-into")
        if args.outputs is None:
            print(parse_folders([str(p) for _, p in inputs], out_dir, workers=args.workers).describe(), file=sys.stderr)
        figures = corpus_figures(inputs, out_dir, schema=args.schema if args.schema.is_file() else None, workers=args.workers)
    report = report_dict(figures)
    lines = list(documents_text(figures, examples=args.examples))
    failing = sum(1 for f in figures if f.status != "ok" or any(f.defects().values()))
    print(f"{failing} of {len(figures)} documents fail a check; worst first:")
    print("\n".join(lines))
    print("\nchecks:\n" + "\n".join(legend()))
    print("\n" + "\n".join(totals_text(report)))
    print(f"\n{len(figures)} documents read in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if old is not None:
        print(f"\ncompared with {args.compare}:")
        print("\n".join(compare_text(old, report)))
    return 0


def _load_report(top: argparse.ArgumentParser, path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        top.error(f"--compare {path}: {error}")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        top.error(f"--compare {path}: not a report saved by --save")
    return data


if __name__ == "__main__":
    sys.exit(main())
