"""Where a PDF's characters and drawn rules come from: one interface, two readers.

A reader turns a PDF file into ``PageChars`` records, page by page, in
pdfplumber's conventions (top-down coordinates, pdfminer's character boxes:
origin to advance width, from the font's descent up one font size), so that
everything after reading is the same whichever reader ran. ``pdfplumber`` is
the reference (pure Python, pdfminer.six); ``pdfium`` (``pdf_pdfium``) gives
the same records from pypdfium2, several times faster. Each reader raises
undoc's PDF errors, one line naming the file.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import CorruptPdf, EmptyInput, EncryptedPdf, InputIsDirectory, InputNotFound
from ..model import Box

READERS = ("pdfplumber", "pdfium")
"""The character sources ``--reader`` chooses from."""
DEFAULT_READER = "pdfplumber"
"""The reader used unless another is asked for."""
_CHOSEN: ContextVar[str] = ContextVar("undoc_pdf_reader", default=DEFAULT_READER)


@contextmanager
def pdf_reader(reader: str) -> Iterator[None]:
    """Within the block, PDFs are read with ``reader`` (the input readers keep one signature for every format)."""
    if reader not in READERS:
        raise ValueError(f"unknown PDF reader {reader!r}: one of {', '.join(READERS)}")
    token = _CHOSEN.set(reader)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Within the block Python's cyclic garbage collector does not run by itself: the caller collects the youngest
    generation between pages (``gc.collect(0)``), so that the records a page is made of (tens of thousands, alive until
    the page is done) are not scanned again every 700 allocations, and the document's long-lived ones are not scanned
    again at all (about a tenth of a page's time with the pdfium reader); cycles are still freed, page by page."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def chosen_reader() -> str:
    """The PDF reader asked for around this call (``pdf_reader``), else ``DEFAULT_READER``."""
    return _CHOSEN.get()


class Char(NamedTuple):
    """One character as drawn, in pdfplumber's top-down coordinates and pdfminer's box conventions."""

    text: str
    font: str
    """The font's PostScript name with its subset prefix (``BCDGEE+TimesNewRomanPS-BoldMT``)."""
    size: float
    """The box's height (its width for a vertical font): the font size times the text matrix's scale."""
    x0: float
    x1: float
    top: float
    bottom: float
    below: float
    """How far the box's lower edge lies below the glyph's origin (pdfminer's ``y0 - matrix[5]``): descent and rise."""
    upright: bool
    rising: bool
    """Rotated text that reads bottom to top."""


@dataclass(frozen=True, slots=True)
class PageChars:
    """One page's characters in drawing order and the boxes of its drawn lines and rectangles."""

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    objects: tuple[Box, ...]
    """Drawn straight lines and rectangles (pdfplumber's ``page.lines + page.rects``), top-down."""
    curves: tuple[Box, ...] = ()
    """Boxes of the other painted sub-paths (pdfplumber's ``page.curves``: Bézier curves, polygons, polylines), control
    points included: what charts and drawings are made of."""
    images: tuple[Box, ...] = ()
    """Where images are placed on the page (pdfplumber's ``page.images``), clipped to nothing: their full boxes."""


Source = Callable[[Path, str], Iterator[PageChars]]
"""``(path, name for messages) → pages``; raises undoc's input and PDF errors."""


def pages(path: str | Path, reader: str | None = None) -> Iterator[PageChars]:
    """The pages of the PDF at ``path`` as ``reader`` (``READERS``; by default ``chosen_reader()``) gives them."""
    reader = reader or chosen_reader()
    name = str(path)
    file = Path(path)
    check_file(file, name)
    if reader == "pdfium":
        from .pdf_pdfium import pdfium_pages

        return pdfium_pages(file, name)
    if reader != "pdfplumber":
        raise ValueError(f"unknown PDF reader {reader!r}: one of {', '.join(READERS)}")
    return plumber_pages(file, name)


def check_file(path: Path, name: str) -> None:
    if not path.exists():
        raise InputNotFound(name, "no such file")
    if path.is_dir():
        raise InputIsDirectory(name, "is a directory, not a PDF file")
    if path.stat().st_size == 0:
        raise EmptyInput(name, "the file is empty")


def orientation(a: float, b: float, c: float, d: float) -> tuple[bool, bool]:
    """``(upright, rising)`` of a glyph drawn through the matrix ``[a b c d]``.

    pdfminer's own test (``a * d > 0 and b * c <= 0``) takes a quarter turn for upright when the cosines are
    floating-point residue (``6e-17``): a header printed up the long edge of a landscape page then reads as a
    stack of one-letter rows. Here the terms must outweigh that residue (a millionth of the matrix's scale).
    """
    tol = 1e-6 * (a * a + b * b + c * c + d * d)
    upright = a * d > tol and b * c <= tol
    return upright, not upright and b > 0


def plumber_chars(chars: Sequence[Mapping[str, Any]]) -> tuple[Char, ...]:
    """pdfplumber's ``page.chars`` as ``Char`` records."""
    out: list[Char] = []
    for c in chars:
        if not c["text"]:
            continue  # a glyph whose span's replacement text went to another glyph (pdf_actualtext)
        matrix = c["matrix"]
        upright, rising = orientation(*matrix[:4])
        out.append(
            Char(
                c["text"],
                c["fontname"],
                float(c["size"]),
                float(c["x0"]),
                float(c["x1"]),
                float(c["top"]),
                float(c["bottom"]),
                float(c["y0"]) - float(matrix[5]),
                upright,
                rising,
            )
        )
    return tuple(out)


def object_boxes(objects: Sequence[Mapping[str, Any]]) -> tuple[Box, ...]:
    return tuple(Box(float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"])) for o in objects)


def plumber_pages(path: Path, name: str) -> Iterator[PageChars]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise pdf_error(name, exc, "cannot be opened") from None
    try:
        yield from _plumber_pages(pdf, path, name)
    finally:
        with suppress(Exception):  # closing re-reads a broken page tree; the error is already on its way
            pdf.close()


def _plumber_pages(pdf: Any, path: Path, name: str) -> Iterator[PageChars]:
    """Each page's characters and rules, the page closed as soon as its objects are out."""
    from .pdf_actualtext import read_layout

    try:
        pages = list(pdf.pages)
    except Exception as exc:
        raise pdf_error(name, exc, "its page tree cannot be read") from None
    if not pages:
        if truncated(path):
            raise CorruptPdf(name, "no pages can be read and the file does not end with %%EOF: truncated?")
        if _declared_pages(pdf) != 0:
            raise CorruptPdf(name, "no page can be read although the file does not say it has none: damaged?")
        raise EmptyInput(name, "the PDF has no pages")
    for number, page in enumerate(pages, 1):
        try:
            read_layout(page)  # /ActualText spans applied (pdf_actualtext)
            chars = plumber_chars(page.chars)
            objects = object_boxes(page.lines + page.rects)
            curves, images = object_boxes(page.curves), object_boxes(page.images)
            width, height = float(page.width), float(page.height)
        except Exception as exc:
            raise pdf_error(name, exc, f"page {number} cannot be read") from None
        finally:
            page.close()
        yield PageChars(number, width, height, chars, objects, curves, images)


def pdf_error(name: str, exc: BaseException, where: str) -> CorruptPdf | EncryptedPdf:
    """Translate a pdfplumber/pdfminer/pypdfium2 exception into undoc's error, on one line (``MemoryError`` goes on)."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if e in seen:
            continue
        seen.append(e)
        if isinstance(e, MemoryError):  # out of memory is not damage: the caller's limit decides
            raise MemoryError(f"{name}: {where}") from None
        if "Password" in type(e).__name__ or "Encrypt" in type(e).__name__:
            return EncryptedPdf(name, "the PDF is encrypted and needs a password")
        todo.extend(a for a in e.args if isinstance(a, BaseException))
        todo.extend(c for c in (e.__cause__, e.__context__) if c is not None)
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc  # pdfplumber wraps pdfminer's
    detail = " ".join(f"{type(inner).__name__}: {inner}".split()).rstrip(": ")[:160]
    return CorruptPdf(name, f"{where}: {detail}")


def _declared_pages(pdf: Any) -> int | None:
    """The page count the document's page tree states, or ``None`` when the tree cannot be read."""
    try:
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        return int(count)
    except Exception:  # a damaged catalog: the caller says so
        return None


def truncated(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 2048))
        return b"%%EOF" not in f.read()
