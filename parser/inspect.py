"""``undoc inspect``: PNG pages with the parse drawn over pdfplumber's own page rendering.

Boxes are coloured by class (heading, paragraph, sub-paragraph or unnumbered
text, footnote, footnote call, dropped page furniture, table, figure) and
labelled with the element's id, so a conversion can be checked at a glance.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from .errors import NotAPdf, OutputError, UsageError
from .model import Box, Document, Source
from .pipeline import parse
from .read.sniff import OLE_STREAM_WINDOW, sniff

MIN_RESOLUTION = 10
"""Pixels per inch: below this an A4 page is under 83 pixels wide and its labels cannot be read."""
MAX_RESOLUTION = 600
"""Pixels per inch: an A4 page is then 5,000 × 7,000 pixels (~100 MB as RGB); more is print, not inspection."""
_PAGES = regex.compile(r"\s*[0-9]+\s*(?:-\s*[0-9]+\s*)?")

COLOURS = {
    "heading": (31, 119, 180),
    "paragraph": (44, 160, 44),
    "text": (23, 190, 207),
    "footnote": (255, 127, 14),
    "call": (214, 39, 40),
    "dropped": (127, 127, 127),
    "table": (148, 103, 189),
    "figure": (227, 119, 194),
}
_CLASS = {"annex": "heading", "part": "heading", "chapter": "heading", "section": "heading", "subsection": "heading",
          "heading": "heading", "quote": "heading", "speech": "text", "preamble": "text", "conclusions": "text",
          "paragraph": "paragraph", "subparagraph": "text", "block": "text",
          "table": "table", "toc": "table", "figure": "figure"}  # fmt: skip
"""The class each node type is drawn in; a table's or figure's notes are drawn in its class."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One box to draw: its page, rectangle, class and label."""

    page: int
    box: Box
    kind: str
    label: str


def document_marks(doc: Document) -> Iterator[Mark]:
    """Every box the parse knows, with the class it is drawn in."""
    regions = {child.id: _CLASS[node.type] for node in doc.nodes() if node.type in ("table", "figure") for child in node.children}
    for node in doc.nodes():
        yield from _marks(node.sources, regions.get(node.id, _CLASS[node.type]), node.id)
        for ref in node.footnote_refs:
            if ref.source is not None:
                yield from _marks((ref.source,), "call", ref.marker)
    for note in doc.footnotes:
        yield from _marks(note.sources, "footnote", note.id)
    for dropped in doc.dropped:
        yield from _marks((dropped.source,), "dropped", dropped.kind)


def _marks(sources: tuple[Source, ...], kind: str, label: str) -> Iterator[Mark]:
    first = True
    for source in sources:
        if source.page is not None and source.bbox is not None:
            yield Mark(source.page, source.bbox, kind, label if first else "")
            first = False


def check_pages(spec: str) -> str:
    """The ``--pages`` option type: ``1-3,7`` is checked for its form here, against the page count later."""
    for part in spec.split(","):
        if not _PAGES.fullmatch(part):
            raise argparse.ArgumentTypeError(f"takes page numbers and ranges like 1-3,7, not {spec!r}")
        first, _, last = part.partition("-")
        if int(first) < 1:
            raise argparse.ArgumentTypeError(f"pages are numbered from 1, not {spec!r}")
        if last and int(last) < int(first):
            raise argparse.ArgumentTypeError(f"{part.strip()} is a backward range; write {last.strip()}-{first.strip()}")
    return spec


def parse_pages(spec: str | None, count: int) -> list[int]:
    """``1-3,7`` → [1, 2, 3, 7]; every page when ``spec`` is empty; a page past ``count`` is a ``UsageError``."""
    if not spec:
        return list(range(1, count + 1))
    try:
        check_pages(spec)
    except argparse.ArgumentTypeError as error:
        raise UsageError("--pages", str(error)) from None
    pages: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    beyond = [p for p in pages if p > count]
    if beyond:
        raise UsageError("--pages", f"page {beyond[0]} is past the end: the PDF has {count} page{'s' if count != 1 else ''}")
    return list(dict.fromkeys(pages))


def inspect_pdf(path: str | Path, out_dir: Path, pages: str | None = None, resolution: int = 100) -> list[Path]:
    """Write ``<name>.page-NNN.png`` for the chosen pages of a PDF and return their paths."""
    import pdfplumber
    from PIL import ImageDraw

    path = Path(path)
    if path.is_file():
        with path.open("rb") as handle:
            sniffed = sniff(handle.read(OLE_STREAM_WINDOW))
        if sniffed is None or sniffed.name != "pdf":
            kind = sniffed.label if sniffed else "a text document"
            raise NotAPdf(str(path), f"inspect draws the pages of a PDF; this is {kind} (use `undoc parse` for it)")
    if not MIN_RESOLUTION <= resolution <= MAX_RESOLUTION:
        raise UsageError("--resolution", f"takes {MIN_RESOLUTION} to {MAX_RESOLUTION} pixels per inch, not {resolution}")
    doc = parse(path)
    chosen = parse_pages(pages, doc.source.pages or 0)
    by_page: dict[int, list[Mark]] = {}
    for mark in document_marks(doc):
        by_page.setdefault(mark.page, []).append(mark)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot create the output directory ({exc.strerror or exc})") from None
    written: list[Path] = []
    with pdfplumber.open(str(path)) as pdf:
        for number in chosen:
            page = pdf.pages[number - 1]
            image = page.to_image(resolution=resolution)
            canvas = image.annotated.convert("RGB")
            draw = ImageDraw.Draw(canvas, "RGBA")
            scale = resolution / 72
            for mark in by_page.get(number, []):
                colour = COLOURS[mark.kind]
                rect = [mark.box.x0 * scale, mark.box.top * scale, mark.box.x1 * scale, mark.box.bottom * scale]
                draw.rectangle(rect, outline=colour + (255,), fill=colour + (40,), width=1 if mark.kind == "call" else 2)
                if mark.label and mark.kind != "call":
                    draw.text((rect[0], max(0, rect[1] - 10)), mark.label, fill=colour + (255,))
            target = out_dir / f"{path.stem}.page-{number:03d}.png"
            try:
                canvas.save(target)
            except OSError as exc:
                raise OutputError(str(target), f"cannot write output ({exc.strerror or exc})") from None
            written.append(target)
            page.close()
    return written
