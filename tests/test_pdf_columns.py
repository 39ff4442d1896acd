"""Pages after the first set in two columns: each column is read whole, and only columns of prose are columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parser.read.pdf import read_pdf

from .pdfbuild import HELVETICA, build_pages, write

PAGE = (595, 842)


def _text(x: float, y: float, text: bytes, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, text)


def _first_page() -> bytes:
    return b"".join(_text(72, 700 - 14 * i, b"Line %d of the first page, set in one column across it." % i) for i in range(6))


def _two_columns(left: bytes = b"Left column line %02d of its running text", right_x: float = 320) -> bytes:
    """A heading across the page, then ten lines in each column on the same baselines."""
    heading = _text(72, 760, b"A heading set across the page over both of its columns of text")
    return heading + _rows(lambda i: _text(72, 740 - 14 * i, left % i) + _text(right_x, 740 - 14 * i, RIGHT % i))


RIGHT = b"Right column line %02d of its text too"


def _rows(row: Callable[[int], bytes]) -> bytes:
    return b"".join(row(i) for i in range(10))


def _read(tmp_path: Path, second: bytes) -> list[tuple[str, float]]:
    pdf = build_pages([(_first_page(), PAGE), (second, PAGE)], {"F1": HELVETICA})
    read = read_pdf(write(tmp_path, "columns.pdf", pdf))
    return [(line.text, line.indent) for line in read.lines if line.source.page == 2]


def test_a_page_in_two_columns_after_the_first_is_read_column_by_column(tmp_path: Path) -> None:
    lines = _read(tmp_path, _two_columns())
    texts = [t for t, _ in lines]
    assert texts[0].startswith("A heading")
    assert texts[1:11] == [f"Left column line {i:02d} of its running text" for i in range(10)]
    assert texts[11:] == [f"Right column line {i:02d} of its text too" for i in range(10)]
    assert {round(indent, 1) for _, indent in lines[11:]} == {0.0}  # measured from the right column's own edge


def test_cells_that_do_not_fill_their_column_are_no_columns(tmp_path: Path) -> None:
    """A table's label column beside its text (lines of every length) keeps its rows."""
    ragged = _rows(lambda i: _text(72, 740 - 14 * i, b"Label %s" % (b"x" * (i * 3))) + _text(320, 740 - 14 * i, RIGHT % i))
    texts = [t for t, _ in _read(tmp_path, ragged)]
    assert texts[0].startswith("Label") and texts[0].endswith("Right column line 00 of its text too")


def test_a_narrow_second_column_is_no_column(tmp_path: Path) -> None:
    """Figures in a narrow column at the right (a legend, a column of amounts) are not prose."""
    amounts = _rows(lambda i: _text(72, 740 - 14 * i, b"Left column line %02d of its text" % i) + _text(480, 740 - 14 * i, b"7"))
    texts = [t for t, _ in _read(tmp_path, amounts)]
    assert texts[0] == "Left column line 00 of its text 7"
