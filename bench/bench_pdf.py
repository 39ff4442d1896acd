"""undoc's full PDF parse against pdfplumber's bare ``page.extract_text()``, and peak memory.

Both run in one process on the same PDFs (every page of each): pages per
second for both, their ratio (target: undoc at most 1.5x extract_text), and,
in a fresh process, the resident memory after each page of A/80/188 and the
peak (target: under 300 MB and flat as pages go by).

    .venv/bin/python bench/bench_pdf.py [--runs 3] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = sorted(p for p in (ROOT / "fixtures" / "pdf").rglob("*.pdf") if "negative" not in p.parts)
MEMORY_PDF = ROOT / "fixtures" / "pdf" / "en" / "A_80_188.en.pdf"


def bare_extract(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return pages


def full_parse(path: Path) -> int:
    from parser import parse

    return parse(path).source.pages or 0


def timed(function: object, path: Path, runs: int) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        pages = function(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), pages


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def memory_profile(path: Path) -> dict[str, object]:
    """Run in a fresh process: RSS after each page read, and the peak over the whole parse."""
    import parser.read.pdf as reader

    samples: list[float] = []
    original = reader.chars_to_glyphs

    def counting(chars):  # type: ignore[no-untyped-def]
        samples.append(round(rss_mb(), 1))
        return original(chars)

    reader.chars_to_glyphs = counting  # type: ignore[assignment]
    from parser import parse

    start = rss_mb()
    parse(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pdf": path.name, "rss_start_mb": round(start, 1), "rss_per_page_mb": samples, "peak_mb": round(peak, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        print(json.dumps(memory_profile(args.memory)))
        return
    full_parse(args.pdfs[0])  # imports and jieba-free warm-up
    total_bare = total_full = 0.0
    total_pages = 0
    print(f"{'PDF':<34} {'pages':>5} {'extract_text':>13} {'undoc parse':>12} {'ratio':>6} {'undoc pages/s':>14}")
    for path in args.pdfs:
        bare, pages = timed(bare_extract, path, args.runs)
        full, _ = timed(full_parse, path, args.runs)
        total_bare, total_full, total_pages = total_bare + bare, total_full + full, total_pages + pages
        print(f"{path.name:<34} {pages:>5} {bare:>12.2f}s {full:>11.2f}s {full / bare:>6.2f} {pages / full:>14.1f}")
    ratio = total_full / total_bare
    print(
        f"{'all':<34} {total_pages:>5} {total_bare:>12.2f}s {total_full:>11.2f}s {ratio:>6.2f} {total_pages / total_full:>14.1f}"
    )
    print(f"extract_text: {total_pages / total_bare:.1f} pages/s; undoc: {total_pages / total_full:.1f} pages/s; "
          f"ratio {ratio:.2f} (target <= 1.5: {'met' if ratio <= 1.5 else 'MISSED'})")  # fmt: skip
    result = subprocess.run([sys.executable, __file__, "--memory", str(MEMORY_PDF)], capture_output=True, text=True, check=True)
    memory = json.loads(result.stdout)
    per_page = memory["rss_per_page_mb"]
    print(f"memory on {memory['pdf']}: start {memory['rss_start_mb']} MB, after page 1 {per_page[0]} MB, "
          f"after page {len(per_page)} {per_page[-1]} MB, peak {memory['peak_mb']} MB "
          f"(target < 300 MB: {'met' if memory['peak_mb'] < 300 else 'MISSED'})")  # fmt: skip
    print("rss per page (MB):", per_page)


if __name__ == "__main__":
    main()
