"""How fast Word files parse: each ``.docx`` of a folder, read and parsed (best of ``--repeat`` runs), with its page count.

    nice -n 10 .venv/bin/python bench/bench_docx.py ../shared/corpus/pairs [--repeat 3] [--pages 100]

The page count is the one Word saved in ``docProps/app.xml`` (the reader needs none: Word XML has no
layout to analyse). Prints seconds per file (wall clock and the process's CPU time: on a shared machine the
wall clock also counts the time other processes took the cores), milliseconds per page and the slowest file
scaled to 100 pages. Then it parses a real document of at least ``--pages`` pages: the folder's file with the
most pages per second of CPU (the slowest to parse per page) with its body repeated until it has that many
pages (``long_docx``: each copy's footnotes are copies too, so every call has its note and no part is shared),
which is the figure the issue asks to stay under 2 s for 100 pages.
"""

from __future__ import annotations

import argparse
import copy
import io
import math
import re
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser.pipeline import parse, parse_bytes  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_pages(data: bytes) -> int:
    """The page count Word recorded when it last saved the file (0 when it did not)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            app = archive.read("docProps/app.xml").decode("utf-8", "replace")
        except KeyError:
            return 0
    match = re.search(r"<Pages>(\d+)</Pages>", app)
    return int(match.group(1)) if match else 0


def long_docx(data: bytes, copies: int) -> bytes:
    """The Word file ``data`` with its body ``copies`` times over, each copy calling copies of its footnotes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(W + "body")
    assert body is not None
    content = [child for child in body if child.tag != W + "sectPr"]
    section = body.find(W + "sectPr")
    notes = etree.fromstring(parts["word/footnotes.xml"]) if "word/footnotes.xml" in parts else None
    originals = [n for n in notes if n.get(W + "type", "normal") == "normal"] if notes is not None else []
    step = 1 + max((int(n.get(W + "id", "0")) for n in originals), default=0)
    for k in range(1, copies):
        for child in content:
            twin = copy.deepcopy(child)
            for ref in twin.iter(W + "footnoteReference"):
                ref.set(W + "id", str(int(ref.get(W + "id", "0")) + k * step))
            body.insert(len(body) - (section is not None), twin)
        for note in originals:
            twin = copy.deepcopy(note)
            twin.set(W + "id", str(int(note.get(W + "id", "0")) + k * step))
            assert notes is not None
            notes.append(twin)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    if notes is not None:
        parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def timed(data: bytes, name: str, repeat: int) -> tuple[float, float]:
    """The best wall-clock and CPU seconds of ``repeat`` parses."""
    best = (math.inf, math.inf)
    for _ in range(max(1, repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        parse_bytes(data, name)
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    top.add_argument("folder", type=Path)
    top.add_argument("--repeat", type=int, default=3, help="runs per file; the best is kept (default 3)")
    top.add_argument("--pages", type=int, default=100, help="pages of the long document parsed last (0: none)")
    args = top.parse_args(argv)
    files = sorted(args.folder.glob("*.docx"))
    if not files:
        print(f"{args.folder}: no .docx", file=sys.stderr)
        return 2
    parse(files[0])  # imports and lazy tables loaded before anything is timed
    total_s = total_pages = 0.0
    worst, slowest = 0.0, files[0]
    print(f"{'file':40} {'pages':>5} {'wall s':>7} {'cpu s':>6} {'cpu ms/page':>11}")
    for path in files:
        data = path.read_bytes()
        wall, cpu = timed(data, path.name, args.repeat)
        pages = word_pages(data)
        total_s += cpu
        total_pages += pages
        per_page = cpu / pages if pages > 1 else 0.0  # a section saved as one page has no page count to go by
        if per_page > worst:
            worst, slowest = per_page, path
        print(f"{path.name[:40]:40} {pages:>5} {wall:7.2f} {cpu:6.2f} {1000 * per_page:11.1f}")
    print(f"{len(files)} files, {total_pages:.0f} pages in {total_s:.1f} s of CPU: {total_pages / total_s:.1f} pages/s; "
          f"the slowest per page would parse 100 pages in {100 * worst:.2f} s")  # fmt: skip
    if args.pages:
        data = slowest.read_bytes()
        copies = math.ceil(args.pages / word_pages(data))
        long = long_docx(data, copies)
        wall, cpu = timed(long, f"long-{slowest.name}", args.repeat)
        pages = copies * word_pages(data)
        print(f"{slowest.name} ×{copies} ({pages} pages, {len(long) >> 10} KiB): wall {wall:.2f} s, CPU {cpu:.2f} s "
              f"({100 * cpu / pages:.2f} s of CPU per 100 pages)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
