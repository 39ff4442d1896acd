"""Time to align two parsed language versions against the time to parse them (target: under 5%).

    .venv/bin/python bench/bench_align.py [--runs 5]

Uses the largest real pair in the corpus, A/HRC/WG.6/34/ITA/3 in English (16 pages) and
Russian (18 pages), with and without sentence alignment.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser import parse  # noqa: E402
from parser.align import align_documents  # noqa: E402

PAIR = (ROOT / "fixtures/pdf/en/A_HRC_WG.6_34_ITA_3.en.pdf", ROOT / "fixtures/pdf/ru/A_HRC_WG.6_34_ITA_3.ru.pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    docs = [parse(path) for path in PAIR]
    parse_seconds = time.perf_counter() - start
    pages = sum(d.source.pages or 0 for d in docs)
    for sentences in (False, True):
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            aligned = align_documents(docs, sentences=sentences)
            times.append(time.perf_counter() - start)
        align_seconds = statistics.median(times)
        share = align_seconds / parse_seconds
        print(f"align{' --sentences' if sentences else ''}: {align_seconds * 1000:.1f} ms for {len(aligned.units)} units; "
              f"parse of both ({pages} pages): {parse_seconds:.2f} s; share {share:.2%} "
              f"(target < 5%: {'met' if share < 0.05 else 'MISSED'})")  # fmt: skip


if __name__ == "__main__":
    main()
