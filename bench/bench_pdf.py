"""undoc with each PDF reader against pdfplumber's bare ``extract_text()``, where the time goes, and peak memory.

In one process, on the same PDFs (by default every k-th of ``../shared/corpus/ods`` and ``pairs``,
sorted, so the same sample each run; or the PDFs named), each PDF is read with pdfplumber's
``page.extract_text()`` (every page) and parsed by undoc with ``--reader pdfplumber`` and with
``--reader pdfium``. Printed: pages per second of each and the ratios to ``extract_text`` measured in
this same run (the machine may be shared: compare ratios, not seconds, across runs; target: undoc
with pdfium at least 6x extract_text); for each reader the split of undoc's time between its stages:

* ``read``: the character source (``pdf_source.pages``: the PDF library and its characters' boxes);
* ``glyphs``: characters to deduplicated glyphs, checked against the text layer, rows and their items;
* ``lines``: page furniture, footnote zones, reading order and lines (the rest of ``read_pdf``);
* ``structure``: every stage after reading (``pipeline.STAGES``: classification, ids, notes, sentences);

the identity check (documents whose JSON is the same with both readers: every value equal, boxes
within 0.5 pt; the same error when both fail, with the first differences of the others); and, in
a fresh process per reader, the resident memory after each page of A/80/188 and its peak (target:
under 150 MB and flat as pages go by).

    .venv/bin/python bench/bench_pdf.py [--sample 20] [--runs 1] [--show 3] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.golden import differences, normalized  # noqa: E402  (the goldens' comparison: boxes within 0.5 pt)

CORPUS = ROOT.parent.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")
MEMORY_PDF = ROOT / "fixtures" / "pdf" / "en" / "A_80_188.en.pdf"
READERS = ("pdfplumber", "pdfium")
TARGET_RATIO = 6.0
"""undoc with pdfium at least this many times as fast as pdfplumber's extract_text (issue 14)."""
TARGET_PEAK_MB = 150.0
STAGES = ("read", "glyphs", "lines", "structure")


def sample(count: int) -> list[Path]:
    pdfs = sorted([*(CORPUS / "ods").glob("*.pdf"), *(CORPUS / "pairs").glob("*.pdf")])
    if count <= 0 or count >= len(pdfs):
        return pdfs
    step = len(pdfs) / count
    return [pdfs[int(i * step)] for i in range(count)]


def bare_extract(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return pages


class StageClock:
    """Seconds spent in each of ``STAGES``, by wrapping the functions that make them (see the module docstring)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        import parser.pipeline as pipeline
        import parser.read.pdf as reader

        self._timed(reader, "read_pdf", "_read_pdf_total")
        for name in ("chars_to_glyphs", "clean_page", "glyphs_to_rows", "row_to_item", "rules_from_objects"):
            self._timed(reader, name, "glyphs")
        original_pages = reader.pages

        def pages(*args: Any, **kwargs: Any) -> Iterator[Any]:
            stream = iter(original_pages(*args, **kwargs))
            while True:
                start = time.perf_counter()
                try:
                    page = next(stream)
                except StopIteration:
                    return
                finally:
                    self.seconds["read"] += time.perf_counter() - start
                yield page

        reader.pages = pages  # type: ignore[assignment]
        pipeline.STAGES = tuple((name, self._stage(stage)) for name, stage in pipeline.STAGES)

    def _timed(self, module: Any, name: str, stage: str) -> None:
        original = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        setattr(module, name, timed)

    def _stage(self, stage: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def timed(work: Any) -> Any:
            start = time.perf_counter()
            try:
                return stage(work)
            finally:
                self.seconds["structure"] += time.perf_counter() - start

        return timed

    def take(self) -> dict[str, float]:
        """The split since the last call: ``lines`` is what ``read_pdf`` spent outside reading and glyphs."""
        s = self.seconds
        split = {"read": s["read"], "glyphs": s["glyphs"], "structure": s["structure"]}
        split["lines"] = max(0.0, s["_read_pdf_total"] - s["read"] - s["glyphs"])
        self.seconds = defaultdict(float)
        return split


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


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def memory_profile(path: Path, reader: str) -> dict[str, object]:
    """Run in a fresh process: RSS after each page read, and the peak over the whole parse."""
    import parser.read.pdf as pdf_reader

    samples: list[float] = []
    original = pdf_reader.chars_to_glyphs

    def counting(chars):  # type: ignore[no-untyped-def]
        samples.append(round(rss_mb(), 1))
        return original(chars)

    pdf_reader.chars_to_glyphs = counting  # type: ignore[assignment]
    from parser import parse

    start = rss_mb()
    parse(path, reader=reader)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pdf": path.name, "rss_start_mb": round(start, 1), "rss_per_page_mb": samples, "peak_mb": round(peak, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=20, help="corpus PDFs to take, evenly spread (0: all)")
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement (the median is kept)")
    parser.add_argument("--show", type=int, default=3, help="differences to print per differing document")
    parser.add_argument("--memory", nargs=2, metavar=("PDF", "READER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        print(json.dumps(memory_profile(Path(args.memory[0]), args.memory[1])))
        return
    pdfs = args.pdfs or sample(args.sample)
    outputs: dict[tuple[str, str], str] = {}
    columns: dict[str, Callable[[Path], int]] = {"extract_text": bare_extract}
    columns.update({f"undoc {reader}": parsing(reader, outputs) for reader in READERS})
    for reader in READERS:
        parsing(reader, {})(pdfs[0])  # imports and warm-up
    clock = StageClock()
    clock.take()
    totals = dict.fromkeys(columns, 0.0)
    split = {reader: dict.fromkeys(STAGES, 0.0) for reader in READERS}
    total_pages = 0
    same: list[str] = []
    differing: list[tuple[str, list[str]]] = []
    print(f"{'PDF':<40} {'pages':>5} " + " ".join(f"{name:>16}" for name in columns) + "  same JSON")
    for path in pdfs:
        seconds: dict[str, float] = {}
        pages = 0
        for name, function in columns.items():
            clock.take()
            seconds[name], counted = timed(function, path, args.runs)
            if name.startswith("undoc "):
                for stage, spent in clock.take().items():
                    split[name.split()[1]][stage] += spent / args.runs
            pages = max(pages, counted)
            totals[name] += seconds[name]
        total_pages += pages
        found = differences(*(normalized(json.loads(outputs[(str(path), reader)])) for reader in READERS))
        (differing.append((path.name, found)) if found else same.append(path.name))
        cells = " ".join(f"{seconds[name]:>15.2f}s" for name in columns)
        print(f"{path.name[:40]:<40} {pages:>5} {cells}  {'yes' if not found else f'NO ({len(found)})'}")
    print(f"{'all':<40} {total_pages:>5} " + " ".join(f"{totals[name]:>15.2f}s" for name in columns))
    base = totals["extract_text"]
    print("pages/s: " + ", ".join(f"{name} {total_pages / max(totals[name], 1e-9):.1f}" for name in columns))
    ratios = {name: base / max(totals[name], 1e-9) for name in columns if name != "extract_text"}
    print("ratio to extract_text (higher is faster): " + ", ".join(f"{name} {r:.2f}x" for name, r in ratios.items()))
    met = "met" if ratios["undoc pdfium"] >= TARGET_RATIO else "MISSED"
    print(f"undoc with pdfium: {ratios['undoc pdfium']:.2f}x extract_text (target >= {TARGET_RATIO:g}x: {met})")
    for reader in READERS:
        spent = split[reader]
        whole = max(sum(spent.values()), 1e-9)
        print(f"undoc with {reader}, ms per page: "
              + ", ".join(f"{stage} {1000 * spent[stage] / max(total_pages, 1):.1f} ({100 * spent[stage] / whole:.0f} %)"
                          for stage in STAGES))  # fmt: skip
    print(f"identical JSON with both readers: {len(same)} of {len(pdfs)} documents")
    for name, found in differing:
        print(f"  {name}: {len(found)} differences, e.g. " + " | ".join(d[:160] for d in found[: args.show]))
    for reader in READERS:
        command = [sys.executable, __file__, "--memory", str(MEMORY_PDF), reader]
        memory = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        per_page = memory["rss_per_page_mb"]
        ok = "met" if memory["peak_mb"] < TARGET_PEAK_MB else "MISSED"
        print(f"memory with {reader} on {memory['pdf']}: start {memory['rss_start_mb']} MB, after page 1 {per_page[0]} MB, "
              f"after page {len(per_page)} {per_page[-1]} MB, peak {memory['peak_mb']} MB "
              f"(target < {TARGET_PEAK_MB:g} MB: {ok})")  # fmt: skip


if __name__ == "__main__":
    main()
