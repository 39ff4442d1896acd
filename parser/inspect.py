"""``undoc inspect``: PNG pages with the parse drawn over pdfplumber's own page rendering.

Boxes are coloured by class (heading, paragraph, sub-paragraph or unnumbered
text, footnote, footnote call, dropped page furniture) and labelled with the
element's id, so a conversion can be checked at a glance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Box, Document, Source
from .pipeline import parse
from .read.source import is_pdf

COLOURS = {
    "heading": (31, 119, 180),
    "paragraph": (44, 160, 44),
    "text": (23, 190, 207),
    "footnote": (255, 127, 14),
    "call": (214, 39, 40),
    "dropped": (127, 127, 127),
}
_CLASS = {"annex": "heading", "chapter": "heading", "section": "heading", "subsection": "heading", "heading": "heading",
          "paragraph": "paragraph", "subparagraph": "text", "block": "text"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mark:
    """One box to draw: its page, rectangle, class and label."""

    page: int
    box: Box
    kind: str
    label: str


def document_marks(doc: Document) -> Iterator[Mark]:
    """Every box the parse knows, with the class it is drawn in."""
    for node in doc.nodes():
        yield from _marks(node.sources, _CLASS[node.type], node.id)
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


def parse_pages(spec: str | None, count: int) -> list[int]:
    """``1-3,7`` → [1, 2, 3, 7]; every page when ``spec`` is empty."""
    if not spec:
        return list(range(1, count + 1))
    pages: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise ValueError(f"--pages takes page numbers and ranges like 1-3,7, not {spec!r}")
        pages.extend(range(int(first), int(last or first) + 1))
    return [p for p in pages if 1 <= p <= count]


def inspect_pdf(path: str | Path, out_dir: Path, pages: str | None = None, resolution: int = 100) -> list[Path]:
    """Write ``<name>.page-NNN.png`` for the chosen pages of a PDF and return their paths."""
    import pdfplumber
    from PIL import ImageDraw

    path = Path(path)
    if path.is_file() and not is_pdf(path.read_bytes()[:1024]):
        raise InputError(str(path), "inspect draws PDF pages; this file is not a PDF")
    doc = parse(path)
    by_page: dict[int, list[Mark]] = {}
    for mark in document_marks(doc):
        by_page.setdefault(mark.page, []).append(mark)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with pdfplumber.open(str(path)) as pdf:
        for number in parse_pages(pages, len(pdf.pages)):
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
            canvas.save(target)
            written.append(target)
            page.close()
    return written
