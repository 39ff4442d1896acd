"""Turned text: a landscape page's furniture printed along its long edges is dropped as furniture, and turned
text is read in its own direction, set apart from the horizontal lines."""

from __future__ import annotations

from pathlib import Path

from parser.read.pdf import read_pdf
from parser.read.pdf_source import orientation, pages

from .pdfbuild import HELVETICA, build_pages, write

PORTRAIT = (595, 842)
LANDSCAPE = (842, 595)


def _text(x: float, y: float, text: bytes, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, text)


def _down(x: float, y: float, text: bytes, size: int = 9) -> bytes:
    """Text turned a quarter clockwise: it reads down the page from ``(x, y)``."""
    return b"BT /F1 %d Tf 0 -1 1 0 %.1f %.1f Tm (%s) Tj ET " % (size, x, y, text)


def _portrait_page(number: int) -> bytes:
    lines = b"".join(_text(72, 700 - 14 * i, b"Body line %d of the portrait page." % i) for i in range(6))
    return _text(72, 800, b"A/80/123", 9) + lines + _text(72, 40, b"25-01234") + _text(500, 40, b"%d/3" % number)


def _landscape_page() -> bytes:
    """A table of three rows; the portrait furniture turned along the right edge (symbol, the portrait top) and
    along the left edge (page number and job number, the portrait bottom)."""
    cells = ((100, b"Row %d"), (300, b"1 200.%d"), (500, b"3.%d"))
    rows = b"".join(_text(x, 500 - 20 * i, cell % i) for i in range(3) for x, cell in cells)
    furniture = _down(800, 560, b"A/80/123") + _down(40, 560, b"2/3") + _down(40, 120, b"25-01234")
    return rows + furniture


def _document(tmp_path: Path) -> Path:
    pages = [(_portrait_page(1), PORTRAIT), (_landscape_page(), LANDSCAPE), (_portrait_page(3), PORTRAIT)]
    return write(tmp_path, "landscape.pdf", build_pages(pages, {"F1": HELVETICA}))


def test_a_quarter_turn_with_rounding_residue_is_not_upright() -> None:
    residue = 6.123e-17
    assert orientation(residue, -1.02, 1.0, residue) == (False, False)
    assert orientation(residue, 1.0, -1.0, residue) == (False, True)
    assert orientation(1.0, 0.0, 0.0, 1.0) == (True, False)


def test_turned_glyphs_are_sized_across_their_line(tmp_path: Path) -> None:
    path = _document(tmp_path)
    chars = [c for p in pages(path) if p.number == 2 for c in p.chars if not c.upright]
    assert chars and all(not c.rising for c in chars)


def test_landscape_furniture_along_the_long_edges_is_dropped_with_its_kind(tmp_path: Path) -> None:
    read = read_pdf(_document(tmp_path))
    dropped = {(d.kind, d.text) for d in read.dropped if d.source.page == 2}
    assert dropped == {("header", "A/80/123"), ("page_number", "2/3"), ("job_number", "25-01234")}
    body = [line.text for line in read.lines if line.source.page == 2]
    assert body == ["Row 0 1 200.0 3.0", "Row 1 1 200.1 3.1", "Row 2 1 200.2 3.2"]


def test_turned_text_on_a_portrait_page_is_set_apart_after_its_lines(tmp_path: Path) -> None:
    """A turned label between two lines (a chart's axis title) is read whole, after them, as a block of its own."""
    content = _text(72, 700, b"First line above.") + _down(60, 690, b"Per cent of total") + _text(72, 600, b"Second line below.")
    read = read_pdf(write(tmp_path, "label.pdf", build_pages([(content, PORTRAIT)], {"F1": HELVETICA})))
    lines = list(read.lines)
    assert [line.text for line in lines] == ["First line above.", "Second line below.", "Per cent of total"]
    assert lines[2].blank_before
    assert not read.dropped
