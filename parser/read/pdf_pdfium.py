"""The pdfium character source: pypdfium2's text page turned into pdfplumber's character records.

pdfium reads a page several times faster than pdfminer, but it does not list
characters as pdfminer does, and each difference would change undoc's lines:

* it skips text objects that draw no ink (a standalone space between two
  words, 8 % of a report's spaces): one space is put back per such object,
  at the object's origin, or ``1.1.Summary`` would result;
* it inserts characters of its own (spaces inside objects, line ends): those
  it marks as generated are dropped;
* a ligature glyph comes back as its letters, each at the glyph's origin: they
  become one character, as pdfminer gives it;
* a line-final hyphen comes back as U+FFFE: it is a hyphen again;
* its boxes are ink boxes up to the font's ascent: the box is rebuilt
  pdfminer's way, from the origin, the advance width (the loose box's width)
  and the font's descent, one font size high;
* rotated glyphs take pdfminer's conventions (the box's height is the size);
* drawn rules come from the page's path objects, split into sub-paths as
  pdfminer does (a straight segment is a line, an axis-aligned closed
  four-point path a rectangle, any other sub-path a curve); an image's box
  is its unit square through its matrix.

Coordinates are turned into pdfplumber's: from the media box's top-left
corner, with the page's ``/Rotate`` applied.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from math import inf
from pathlib import Path
from typing import Any

from ..errors import CorruptPdf, EmptyInput, EncryptedPdf
from ..model import Box
from .pdf_pdfium_text import Matrix, apply, font_descent, mult, pdfium_calls, text_chars
from .pdf_source import Char, PageChars, pdf_error, truncated


def pdfium_pages(path: Path, name: str) -> Iterator[PageChars]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf(name, "the PDF is encrypted and needs a password") from None
        raise pdf_error(name, exc, "cannot be opened") from None
    try:
        count = len(doc)
        if count == 0:
            if truncated(path):
                raise CorruptPdf(name, "no pages can be read and the file does not end with %%EOF: truncated?")
            raise EmptyInput(name, "the PDF has no pages")
        for number in range(1, count + 1):
            try:
                page = doc[number - 1]
            except pdfium.PdfiumError as exc:
                raise pdf_error(name, exc, f"page {number} cannot be read") from None
            try:
                yield _page(page, number)
            finally:
                page.close()
    finally:
        doc.close()


def _page(page: Any, number: int) -> PageChars:
    import pypdfium2.raw as raw

    handle = page.raw
    x0, y0, x1, y1 = page.get_mediabox()
    rotation = page.get_rotation() % 360
    ctm = _rotation_ctm(rotation, x0, y0, x1, y1)
    width, height = (y1 - y0, x1 - x0) if rotation in (90, 270) else (x1 - x0, y1 - y0)
    textpage = raw.FPDFText_LoadPage(handle)
    objects: list[Box] = []
    curves: list[Box] = []
    images: list[Box] = []
    spaces: list[Char] = []
    try:
        chars, seen = text_chars(raw, textpage, ctm, height)
        texts: list[tuple[Any, Matrix, bool]] = []
        _walk(raw, handle, ctm, height, seen, (objects, curves, images), texts)
        if any(skipped for _, _, skipped in texts):
            bounds = _Bounds()
            drawn = sorted(bounds(obj) for obj, _, skipped in texts if not skipped)
            for obj, matrix, skipped in texts:
                space = _skipped_space(raw, obj, matrix, height, drawn) if skipped else None
                if space is not None:
                    spaces.append(space)
    finally:
        raw.FPDFText_ClosePage(textpage)
    return PageChars(number, float(width), float(height), tuple(chars + spaces), tuple(objects), tuple(curves), tuple(images))


def _rotation_ctm(rotation: int, x0: float, y0: float, x1: float, y1: float) -> Matrix:
    """pdfminer's device matrix: the media box's lower-left corner to 0, the page's rotation applied."""
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def _walk(raw: Any, parent: Any, ctm: Matrix, height: float, seen: set[int], drawn: tuple[list[Box], list[Box], list[Box]],
          skipped: list[tuple[Any, Matrix, bool]], form: bool = False) -> None:  # fmt: skip
    """Drawn lines and rectangles, curves and images (``drawn``), and the text objects (with whether the text page
    skipped them), through forms."""
    count = raw.FPDFFormObj_CountObjects(parent) if form else raw.FPDFPage_CountObjects(parent)
    matrix = raw.FS_MATRIX()
    for k in range(count):
        obj = raw.FPDFFormObj_GetObject(parent, k) if form else raw.FPDFPage_GetObject(parent, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            _walk(raw, obj, mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm), height,
                  seen, drawn, skipped, form=True)  # fmt: skip
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            m = mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
            _path_boxes(raw, obj, m, height, drawn[0], drawn[1])
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            m = mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
            drawn[2].append(_points_box([apply(m, u, v) for u in (0.0, 1.0) for v in (0.0, 1.0)], height))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            skipped.append((obj, ctm, (ctypes.c_void_p.from_buffer(obj).value or 0) not in seen))  # its address


def _path_boxes(raw: Any, obj: Any, m: Matrix, height: float, out: list[Box], curves: list[Box]) -> None:
    """pdfminer's lines and rectangles of one painted path into ``out`` (each sub-path a straight line, or an
    axis-aligned box), its other sub-paths into ``curves``."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or (fill.value == 0 and not stroke.value):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    paths: list[list[tuple[float, float]]] = []
    curved: list[bool] = []
    controls = 0  # a Bézier is three segments: two control points (left out, as pdfminer does), then its end
    for k in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, k)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_BEZIERTO and controls < 2:
            controls += 1
            continue
        controls = 0
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = apply(m, x.value, y.value)
        if kind == raw.FPDF_SEGMENT_MOVETO or not paths:
            paths.append([point])
            curved.append(False)
        else:
            paths[-1].append(point)
            curved[-1] = curved[-1] or kind == raw.FPDF_SEGMENT_BEZIERTO
    for points, bent in zip(paths, curved, strict=True):
        if len(points) > 2 and points[-1] == points[0]:
            points = points[:-1]  # the closing corner
        if len(points) < 2:
            continue
        if not bent and (len(points) == 2 or (len(points) == 4 and _axis_aligned(points))):
            out.append(_points_box(points, height))
        else:
            curves.append(_points_box(points, height))


def _points_box(points: list[tuple[float, float]], height: float) -> Box:
    """The top-down box around points in PDF space."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs), height - max(ys), max(xs), height - min(ys))


def _axis_aligned(points: list[tuple[float, float]]) -> bool:
    """Four corners of a rectangle with sides along the page's axes."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _skipped_space(raw: Any, obj: Any, ctm: Matrix, height: float, drawn: list[tuple[float, float, float, float]]) -> Char | None:
    """The space a text object without ink draws, at its origin (pdfium's text page leaves such objects out).

    ``drawn``: the bounds of the text objects the text page kept, sorted.

    pdfium also leaves out a text object drawn again over one it kept (fake bold); undoc drops such
    duplicates itself (``pdf_chars.chars_to_glyphs``), so nothing is put back for them.
    """
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    bounds = (left.value, bottom.value, right.value, top.value)
    tol = max(1.0, 0.1 * (bounds[3] - bounds[1]))
    near = drawn[bisect_left(drawn, (bounds[0] - tol,)) : bisect_right(drawn, (bounds[0] + tol, inf))]
    x0, y0, x1, y1 = bounds
    for kx0, ky0, kx1, ky1 in near:  # a kept object at the same place (each edge within ``tol``), written out
        if abs(x0 - kx0) <= tol and abs(y0 - ky0) <= tol and abs(x1 - kx1) <= tol and abs(y1 - ky1) <= tol:
            return None
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size)
    m = mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
    px, py = m[4], m[5]
    fs = size.value * (abs(m[3]) or 1.0)
    handle = raw.FPDFTextObj_GetFont(obj)
    font = _font_name(raw, handle)
    below = font_descent(raw, handle, font) * fs
    # the advance is unknown (pdfium measures no glyph of such an object): a quarter em; only x0 places a space
    return Char(" ", font, fs, px, px + 0.25 * fs, height - (py + below + fs), height - (py + below), below,
                m[0] * m[3] > 0, False)  # fmt: skip


class _Bounds:
    """A page object's bounds (left, bottom, right, top; zeros where pdfium has none), through a function pointer
    without argument types and one buffer (every text object of a page that skipped one is asked)."""

    def __init__(self) -> None:
        self.get = pdfium_calls()["FPDFPageObj_GetBounds"]
        self.values = (ctypes.c_float * 4)()
        self.refs = tuple(ctypes.byref(self.values, 4 * k) for k in range(4))

    def __call__(self, obj: Any) -> tuple[float, float, float, float]:
        values = self.values
        if not self.get(obj, *self.refs):
            return (0.0, 0.0, 0.0, 0.0)  # as fresh floats the call left alone
        return (values[0], values[1], values[2], values[3])


def _font_name(raw: Any, font: Any) -> str:
    if not font:
        return ""
    buffer = ctypes.create_string_buffer(256)
    length = raw.FPDFFont_GetBaseFontName(font, buffer, 256)
    return buffer.raw[: max(0, length - 1)].decode("utf-8", "replace")
