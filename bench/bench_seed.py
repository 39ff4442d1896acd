"""Median time to parse the Chinese seed report in-process, without and with jieba tokens.

Interpreter start-up and jieba's one-time dictionary load are excluded (both are
done before timing). Target: under 30 ms per parse without tokens.

    .venv/bin/python bench/bench_seed.py [--runs 30]
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
from parser.pipeline import STAGES, Options, Work  # noqa: E402
from parser.read.source import read_input  # noqa: E402
from parser.tokens import load  # noqa: E402

SEED = ROOT / "fixtures" / "text" / "zh" / "A_73_254.zh.md"


def median_ms(runs: int, **options: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parse(SEED, symbol="A/73/254", **options)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def stage_ms(runs: int) -> dict[str, float]:
    """Median time of each named stage (reading excluded), to see where the time goes."""
    raw = read_input(SEED)
    totals: dict[str, list[float]] = {name: [] for name, _ in STAGES}
    for _ in range(runs):
        work = Work(raw, Options(symbol="A/73/254"), lines=raw.lines, dropped=raw.dropped)
        for name, stage in STAGES:
            start = time.perf_counter()
            work = stage(work)
            totals[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    load()
    parse(SEED, symbol="A/73/254", tokens=True)  # warm-up
    plain = median_ms(args.runs)
    tokens = median_ms(args.runs, tokens=True)
    print(f"seed parse, median of {args.runs}: {plain:.1f} ms (target < 30 ms: {'met' if plain < 30 else 'MISSED'})")
    print(f"seed parse with --tokens, median of {args.runs}: {tokens:.1f} ms")
    for name, ms in stage_ms(args.runs).items():
        print(f"  stage {name:<11} {ms:6.2f} ms")


if __name__ == "__main__":
    main()
