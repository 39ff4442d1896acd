"""Corpus-wide reader equality: the same PDFs converted with ``--reader pdfplumber`` and ``--reader pdfium``, compared.

Reads two ``undoc batch`` output folders (their ``manifest.jsonl`` pairs outputs by input path), or, with ``--run``,
makes them first (``undoc batch`` over the inputs with each reader). Every PDF's JSON is compared as the goldens are
(``tests.golden``: every value equal, boxes within 0.5 pt, the generator aside) and each document that differs is put
in the worst class its differences reach:

* ``boxes``: only numbers further apart than 0.5 pt;
* ``spaces``: texts that differ only in their whitespace (a space more or less);
* ``text``: texts that differ in their letters, or lists of different lengths (units added, removed, split).

Printed: the count per class, then each differing document with its class, its number of differences, the first
few, and the cause where one is known (``CAUSES``: found by reading the characters both readers give).

    .venv/bin/python bench/bench_readers.py PLUMBER_DIR PDFIUM_DIR [--show 2]
    .venv/bin/python bench/bench_readers.py --run OUT [--workers 1] [INPUT ...]   (default inputs: the corpus)
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.golden import BOX_TOLERANCE, normalized  # noqa: E402  (the goldens' comparison)

CORPUS = Path("/work/shared/corpus")
CLASSES = ("same", "boxes", "spaces", "text")
CAUSES = {
    "***.en.pdf": "/ActualText spans of small capitals: pdfium gives the span's letters (lower case) and no glyph "
    "positions; undoc lays them out over the font's advances of those letters, narrower than the drawn small "
    "capitals, so words run into the comma after them (' ,') and some columns change order",
}
"""Causes found so far, by the input's file name (a report of this bench, never a rule of the parser)."""


Difference = tuple[str, str, Any, Any]
"""``(class, path, a's value, b's value)``."""


def leaves(a: Any, b: Any, where: str = "$") -> list[Difference]:
    """Where ``a`` and ``b`` differ, each with its class; numbers within ``BOX_TOLERANCE`` agree."""
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            return [("text", where, list(a), list(b))]
        return [d for key in a for d in leaves(a[key], b[key], f"{where}.{key}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [("text", f"{where} (items)", len(a), len(b))]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in leaves(x, y, f"{where}[{i}]")]
    if type(a) is type(b) and a == b:
        return []
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b))
    if numbers:
        return [] if math.isclose(a, b, rel_tol=0, abs_tol=BOX_TOLERANCE) else [("boxes", where, a, b)]
    if isinstance(a, str) and isinstance(b, str) and "".join(a.split()) == "".join(b.split()):
        return [("spaces", where, a, b)]
    return [("text", where, a, b)]


def kind(found: list[Difference]) -> str:
    """The worst class ``found`` reaches (``CLASSES``)."""
    return max((d[0] for d in found), key=CLASSES.index, default="same")


def outputs(folder: Path) -> dict[str, Path | str]:
    """Input path → its JSON output, or the error code of an input that failed (from ``manifest.jsonl``)."""
    out: dict[str, Path | str] = {}
    for line in (folder / "manifest.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if not entry["path"].endswith(".pdf"):
            continue
        found = [o for o in entry.get("outputs") or [] if o.endswith(".json")]
        out[entry["path"]] = folder / Path(found[0]).name if found else f"error: {entry.get('code')}"
    return out


def run(out: Path, inputs: list[str], workers: int) -> tuple[Path, Path]:
    folders = out / "pdfplumber", out / "pdfium"
    for folder in folders:
        command = [sys.executable, "-m", "parser.cli", "batch", *inputs, "-o", str(folder), "--reader", folder.name,
                   "--workers", str(workers), "--format", "json", "--no-progress", "-q"]  # fmt: skip
        subprocess.run(command, check=True, cwd=ROOT)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="the pdfplumber and the pdfium batch output folders")
    parser.add_argument("--run", type=Path, metavar="OUT", help="convert first, into OUT/pdfplumber and OUT/pdfium")
    parser.add_argument("--inputs", nargs="*", default=[str(CORPUS / "ods"), str(CORPUS / "pairs")])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--show", type=int, default=2, help="differences to print per differing document")
    args = parser.parse_args()
    if args.run:
        plumber, pdfium = run(args.run, args.inputs, args.workers)
    elif len(args.folders) == 2:
        plumber, pdfium = args.folders
    else:
        parser.error("give the two output folders, or --run OUT")
    left, right = outputs(plumber), outputs(pdfium)
    classes: Counter[str] = Counter()
    rows: list[tuple[str, str, list[Difference]]] = []
    for path in sorted(set(left) & set(right)):
        a, b = left[path], right[path]
        if isinstance(a, str) or isinstance(b, str):
            found = (
                [] if a == b else [("text", "$", a if isinstance(a, str) else "output", b if isinstance(b, str) else "output")]
            )
        else:
            found = leaves(normalized(json.loads(a.read_text())), normalized(json.loads(b.read_text())))
        classes[kind(found)] += 1
        if found:
            rows.append((path, kind(found), found))
    total = sum(classes.values())
    print(f"{total} PDFs converted by both readers: " + ", ".join(f"{c} {classes[c]}" for c in CLASSES))
    for path, cls, found in sorted(rows, key=lambda r: (-CLASSES.index(r[1]), -len(r[2]))):
        name = Path(path).name
        worst = sorted(found, key=lambda d: -CLASSES.index(d[0]))  # stable: the worst first, in document order
        shown = " | ".join(f"{w}: {a!r} → {b!r}"[:150] for _, w, a, b in worst[: args.show])
        print(f"  {cls:<6} {len(found):>4}  {name}: {shown}")
        print(f"{'':14}cause: {CAUSES.get(name, 'not yet explained')}")


if __name__ == "__main__":
    main()
