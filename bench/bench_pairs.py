"""PDF against Word: how far the PDF parse of each pair in ``../shared/corpus/pairs`` agrees with its ``.docx``.

    nice -n 10 .venv/bin/python bench/bench_pairs.py ../shared/corpus/pairs [--disagreements N] [--json OUT]
        [--causes] [--outputs DIR [--reuse]] [--pdf-from BATCH_DIR] [--word-from BATCH_DIR]

The Word file is what the PDF was printed from, so its parse is the reference (side A): for each pair,
the share of the Word file's numbered paragraphs, sub-paragraphs, headings (same text, type and depth;
unnumbered ones in order under the same anchor, so one heading more or less counts once),
footnotes and table cells that the PDF parse has under the same id with the same text (whitespace,
soft hyphens and line-end hyphenation aside: ``parser.diff.agreement``), then the same over all pairs.
Then each pair's tables paired in order by their cells' texts whatever their ids (``parser.diff.tables``):
how many have the same rows and columns, how many cells the same text.
``--disagreements N`` lists the first N ids that disagree in each pair, to read with
``undoc diff A.docx A.pdf --ignore-space``. ``--causes`` lists every disagreement of each pair with its cause
(``parser.diff.causes``: paragraphs, headings and notes one by one, tables one line each with their cells),
then how many each cause accounts for over all pairs. ``--outputs DIR`` writes both parses of each pair there
(``X.docx.json``, ``X.pdf.json``); with ``--reuse`` the parses already there are read instead of parsing again
(the PDF side takes minutes), when they are of the same file (its sha256). ``--pdf-from BATCH_DIR`` reads the PDF
side from the output folder of an ``undoc batch`` (its ``manifest.jsonl`` names each input's JSON; same sha256,
else the PDF is parsed), read only, while the Word side is parsed afresh: ``--pdf-from /work/runs/base``;
``--word-from`` does the same for the Word side (both from one batch: the figures of the code that batch ran).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser.diff.agreement import CATEGORIES, Agreement, Tally, agreement  # noqa: E402
from parser.diff.causes import Cause, causes, summary  # noqa: E402
from parser.diff.tables import TableTally, table_tally  # noqa: E402
from parser.errors import UndocError  # noqa: E402
from parser.pipeline import parse  # noqa: E402
from parser.write.to_json import document_to_dict  # noqa: E402


def pairs(folder: Path) -> list[tuple[Path, Path]]:
    """``X.docx`` with its ``X.pdf``, by name."""
    return [(docx, docx.with_suffix(".pdf")) for docx in sorted(folder.glob("*.docx")) if docx.with_suffix(".pdf").exists()]


def parsed(path: Path, outputs: Path | None, reuse: bool) -> dict[str, Any]:
    """The JSON of ``path``'s parse: read back from ``outputs`` (``reuse``, same file), else parsed (and written there)."""
    saved = outputs / f"{path.name}.json" if outputs is not None else None
    if saved is not None and reuse and saved.exists():
        doc: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
        if (doc.get("source") or {}).get("sha256") == hashlib.sha256(path.read_bytes()).hexdigest():
            return doc
    doc = document_to_dict(parse(path))
    if saved is not None:
        saved.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return doc


def batch_outputs(folder: Path) -> dict[str, Path]:
    """Input file name → its JSON, from the ``manifest.jsonl`` an ``undoc batch`` wrote into ``folder``."""
    manifest = folder / "manifest.jsonl"
    if not manifest.exists():
        raise SystemExit(f"{folder}: no manifest.jsonl (not the output folder of undoc batch)")
    found: dict[str, Path] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line) if line.strip() else {}
        json_outputs = [name for name in entry.get("outputs") or () if name.endswith(".json")]
        if entry.get("status") == "ok" and json_outputs:
            found[Path(entry["path"]).name] = folder / json_outputs[0]
    return found


def from_batch(path: Path, batch: dict[str, Path]) -> dict[str, Any] | None:
    """``path``'s parse as a batch wrote it, when it is of the same file (its sha256)."""
    saved = batch.get(path.name)
    if saved is None or not saved.exists():
        return None
    doc: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
    return doc if (doc.get("source") or {}).get("sha256") == hashlib.sha256(path.read_bytes()).hexdigest() else None


def cell(tally: Tally) -> str:
    return f"{tally.agreed:>4}/{tally.a:<4} {100 * tally.share_of_a:5.1f}%" if tally.a else f"{'–':>16}"


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    top.add_argument("folder", type=Path, help="a folder of X.docx + X.pdf pairs")
    top.add_argument("--disagreements", type=int, default=0, metavar="N", help="list the first N disagreeing ids per pair")
    top.add_argument("--json", type=Path, help="write every pair's tallies as JSON")
    top.add_argument("--causes", action="store_true", help="list every disagreement with its cause, then the causes' counts")
    top.add_argument("--outputs", type=Path, metavar="DIR", help="write both parses of each pair to DIR")
    top.add_argument("--reuse", action="store_true", help="read the parses already in --outputs DIR instead of parsing")
    top.add_argument("--pdf-from", type=Path, metavar="BATCH_DIR", help="read the PDF parses from an undoc batch's outputs")
    top.add_argument("--word-from", type=Path, metavar="BATCH_DIR", help="read the Word parses from an undoc batch's outputs")
    args = top.parse_args(argv)
    batches = {kind: batch_outputs(folder) if folder is not None else {} for kind, folder in
               (("pdf", args.pdf_from), ("docx", args.word_from))}  # fmt: skip
    if args.outputs is not None:
        args.outputs.mkdir(parents=True, exist_ok=True)
    found = pairs(args.folder)
    if not found:
        print(f"{args.folder}: no X.docx with its X.pdf", file=sys.stderr)
        return 2
    print(f"{'pair':34} {'':>13}  " + "  ".join(f"{c:>16}" for c in CATEGORIES))
    results: list[Agreement] = []
    read = TableTally(0, 0, 0, 0, 0)
    shapes: list[str] = []
    timings = {"docx": 0.0, "pdf": 0.0}
    explained: list[Cause] = []
    for docx, pdf in found:
        sides = []
        for path, kind in ((docx, "docx"), (pdf, "pdf")):
            start = time.perf_counter()
            try:
                done = from_batch(path, batches[kind]) if batches[kind] else None
                sides.append(done if done is not None else parsed(path, args.outputs, args.reuse))
            except UndocError as error:
                print(f"{path.name}: {error}", file=sys.stderr)
                break
            timings[kind] += time.perf_counter() - start
        if len(sides) < 2:
            continue
        result = agreement(sides[0], sides[1], a_name=docx.name, b_name=pdf.name)
        tally = table_tally(sides[0], sides[1])
        read += tally
        shapes.append(f"{docx.stem[:34]:34} tables {tally.same_shape}/{tally.tables} same shape ({tally.found} paired), "
                      f"cells {tally.cells_agreed}/{tally.cells}")  # fmt: skip
        results.append(result)
        print(f"{docx.stem[:34]:34} {'':>13}  " + "  ".join(f"{cell(result.tally(c)):>16}" for c in CATEGORIES))
        for category, unit in result.disagreements[: args.disagreements]:
            print(f"    {category:14} {unit}")
        if args.causes:
            listed = causes(sides[0], sides[1])
            explained.extend(listed)
            for why in listed:
                print(f"    {why.category:13} {why.id:38} [{why.owner}] {why.cause}" + (f": {why.detail}" if why.detail else ""))
    totals = [Tally(c, *(sum(getattr(r.tally(c), f) for r in results) for f in ("a", "b", "agreed", "both"))) for c in CATEGORIES]
    print(f"{'all ' + str(len(results)) + ' pairs':34} {'':>13}  " + "  ".join(f"{cell(t):>16}" for t in totals))
    print("\ntables paired in order by their cells' texts, whatever their ids (parser.diff.tables):")
    print("\n".join(shapes))
    share = lambda n, d: f"{100 * n / d:.1f}%" if d else "–"  # noqa: E731
    shape, text = share(read.same_shape, read.tables), share(read.cells_agreed, read.cells)
    print(f"all pairs: {read.same_shape}/{read.tables} tables with the same rows and columns ({shape}), {read.found} paired; "
          f"cells {read.cells_agreed}/{read.cells} with the same text ({text})")  # fmt: skip
    print(f"parse time: Word {timings['docx']:.1f} s, PDF {timings['pdf']:.1f} s (agreed/Word units, share of the Word file's)")
    if args.causes:
        print(
            f"\nevery disagreement by cause ({len(explained)}; pdf: a PDF reader defect, word: a Word reader defect, "
            "files: a real difference between the files):"
        )
        for category, owner, cause, count in summary(explained):
            print(f"    {category:13} {count:5}  [{owner}] {cause}")
    if args.json:
        args.json.write_text(json.dumps([r.as_dict() for r in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
