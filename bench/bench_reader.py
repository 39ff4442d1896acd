"""undoc with each PDF reader against pdfplumber's bare ``extract_text()``, and whether the two readers agree.

In one process, on a sample of corpus PDFs (every k-th of ``../shared/corpus/ods`` and ``pairs``,
sorted, so the same sample each run), each PDF is: read with pdfplumber's ``page.extract_text()``
(every page), parsed by undoc with ``--reader pdfplumber`` and with ``--reader pdfium``, and read
by each character source alone (``pdf_source.pages``: the reading share of each parse). Printed:
pages per second of each, the ratios to ``extract_text`` measured in this same run (the machine
may be shared: compare ratios, not seconds, across runs), and the identity check: documents whose
JSON is the same with both readers (every value equal, boxes within 0.5 pt; the same error when
both fail), with the first differences of the others.

    .venv/bin/python bench/bench_reader.py [--sample 20] [--runs 1] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pdf import bare_extract as extract_text  # noqa: E402  (the same bare extract_text() bench_pdf times)
from tests.golden import differences, normalized  # noqa: E402  (the goldens' comparison: boxes within 0.5 pt)

CORPUS = ROOT.parent.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")


def sample(count: int) -> list[Path]:
    pdfs = sorted([*(CORPUS / "ods").glob("*.pdf"), *(CORPUS / "pairs").glob("*.pdf")])
    if count <= 0 or count >= len(pdfs):
        return pdfs
    step = len(pdfs) / count
    return [pdfs[int(i * step)] for i in range(count)]


def reading(reader: str) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        from parser.read.pdf_chars import chars_to_glyphs
        from parser.read.pdf_source import pages

        count = 0
        for page in pages(path, reader):
            chars_to_glyphs(page.chars)
            count += 1
        return count

    return run


def parsing(reader: str, outputs: dict[tuple[str, str], str]) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        from parser import parse, to_json
        from parser.errors import UndocError

        try:
            doc = parse(path, reader=reader)
        except UndocError as error:
            outputs[(str(path), reader)] = json.dumps({"error": error.code})
            return 0
        outputs[(str(path), reader)] = to_json(doc)
        return doc.source.pages or 0

    return run


def timed(function: Callable[[Path], int], path: Path, runs: int) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        try:
            pages = function(path)
        except Exception as exc:  # a PDF pdfplumber itself cannot read: timed as it fails
            print(f"  {path.name}: {type(exc).__name__}: {str(exc)[:80]}", file=sys.stderr)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=20, help="corpus PDFs to take, evenly spread (0: all)")
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement (the median is kept)")
    parser.add_argument("--show", type=int, default=3, help="differences to print per differing document")
    args = parser.parse_args()
    pdfs = args.pdfs or sample(args.sample)
    outputs: dict[tuple[str, str], str] = {}
    columns: dict[str, Callable[[Path], int]] = {
        "extract_text": extract_text,
        "read plumber": reading("pdfplumber"),
        "read pdfium": reading("pdfium"),
        "undoc plumber": parsing("pdfplumber", outputs),
        "undoc pdfium": parsing("pdfium", outputs),
    }
    parsing("pdfium", {})(pdfs[0])  # imports and warm-up
    totals = dict.fromkeys(columns, 0.0)
    total_pages = 0
    same: list[str] = []
    differing: list[tuple[str, list[str]]] = []
    print(f"{'PDF':<40} {'pages':>5} " + " ".join(f"{name:>13}" for name in columns) + "  same JSON")
    for path in pdfs:
        seconds: dict[str, float] = {}
        pages = 0
        for name, function in columns.items():
            seconds[name], counted = timed(function, path, args.runs)
            pages = max(pages, counted)
            totals[name] += seconds[name]
        total_pages += pages
        a = normalized(json.loads(outputs[(str(path), "pdfplumber")]))
        b = normalized(json.loads(outputs[(str(path), "pdfium")]))
        found = differences(a, b)
        (differing.append((path.name, found)) if found else same.append(path.name))
        cells = " ".join(f"{seconds[name]:>12.2f}s" for name in columns)
        print(f"{path.name[:40]:<40} {pages:>5} {cells}  {'yes' if not found else f'NO ({len(found)})'}")
    print(f"{'all':<40} {total_pages:>5} " + " ".join(f"{totals[name]:>12.2f}s" for name in columns))
    base = totals["extract_text"]
    print("pages/s: " + ", ".join(f"{name} {total_pages / max(totals[name], 1e-9):.1f}" for name in columns))
    print("ratio to extract_text (higher is faster): "
          + ", ".join(f"{name} {base / max(totals[name], 1e-9):.2f}x" for name in columns if name != "extract_text"))  # fmt: skip
    for reader in ("plumber", "pdfium"):
        read, full = totals[f"read {reader}"], totals[f"undoc {reader}"]
        print(f"undoc with {reader}: reading {read:.2f}s ({100 * read / max(full, 1e-9):.0f} %), the rest {full - read:.2f}s")
    print(f"identical JSON with both readers: {len(same)} of {len(pdfs)} documents")
    for name, found in differing:
        print(f"  {name}: {len(found)} differences, e.g. " + " | ".join(d[:160] for d in found[: args.show]))


if __name__ == "__main__":
    main()
