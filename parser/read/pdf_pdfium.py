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
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from ..errors import CorruptPdf, EmptyInput, EncryptedPdf
from ..model import Box
from .pdf_source import Char, PageChars, pdf_error, truncated

Matrix = tuple[float, float, float, float, float, float]

FFFE = "\ufffe"
"""What pdfium gives for a hyphen it takes for a line-end hyphenation point."""
_PAIRS = ("()", "[]", "{}", "<>", "«»", "‹›", "⁅⁆", "⁽⁾", "₍₎", "〈〉", "《》", "「」", "『』", "【】", "（）", "［］", "｛｝")
MIRRORED = {pair[i]: pair[1 - i] for pair in _PAIRS for i in (0, 1)}
"""The pairs pdfium swaps in right-to-left text (Unicode's Bidi_Mirroring_Glyph, brackets)."""
WEAK = ("EN", "AN")
"""Unicode bidi classes pdfium's bidi pass takes as weak left to right (digits)."""
RTL_FROM = "\u0590"
"""No character below this code point is a strong right-to-left one (Hebrew starts here)."""
HYPHENS = frozenset((0x2D, 0x02, 0xAD, 0xFFFE))
"""What pdfium may give for a hyphen it takes for a hyphenation point (``FPDFText_IsHyphen``)."""
NEIGHBOURS = 2
"""How many glyphs either side (in pdfium's order) may be the one drawn right after a glyph."""
SAME_ORIGIN = 0.01
"""Two characters of one text object this close (pt) at their origins are one ligature glyph."""


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
        chars, seen = _chars(raw, textpage, ctm, height)
        texts: list[tuple[Any, Matrix, bool]] = []
        _walk(raw, handle, ctm, height, seen, (objects, curves, images), texts)
        if any(skipped for _, _, skipped in texts):
            drawn = [_bounds(raw, obj) for obj, _, skipped in texts if not skipped]
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


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _chars(raw: Any, textpage: Any, ctm: Matrix, height: float) -> tuple[list[Char], set[int]]:
    """The text page's characters (pdfium's own left out, ligatures joined) and the text objects they came from."""
    count = raw.FPDFText_CountChars(textpage)
    codes = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, codes)
    object_of = _object_address()
    page_address = ctypes.cast(textpage, ctypes.c_void_p).value
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    seen: set[int] = set()
    glyphs: list[list[Any]] = []
    # [text, object, origin, loose box, ink right edge, font, size, matrix, descent, ink box, letters, pdfium line]
    last_key = -1
    font, size, m = "", 0.0, ctm
    descent = 0.0
    line = 0
    for i, code in enumerate(codes[:count]):
        if code == 0x0D or code == 0x0A:
            line += 1  # pdfium ends each of its lines with a made-up CR LF
            continue
        if code == 0x20 and raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue  # pdfium makes up spaces only
        key = object_of(page_address, i) or 0
        if not key:
            continue  # a space pdfium made up without marking it generated: it belongs to no text object
        if key != last_key:
            seen.add(key)
            last_key = key
            length = raw.FPDFText_GetFontInfo(textpage, i, name, 256, flags)
            font = name.raw[: max(0, length - 1)].decode("utf-8", "replace")
            size = raw.FPDFText_GetFontSize(textpage, i)
            descent = _descent(raw, raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textpage, i)), font)
            raw.FPDFText_GetMatrix(textpage, i, matrix)
            m = _mult((matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0), ctm)
            m = (m[0], m[1], m[2], m[3], 0.0, 0.0)
        raw.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        origin = (ox.value, oy.value)
        if raw.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            text = "(cid:0)"
        elif code in HYPHENS and (code == 0xFFFE or raw.FPDFText_IsHyphen(textpage, i) == 1):
            text = "-"
        else:
            text = chr(code) if code else ""
        raw.FPDFText_GetLooseCharBox(textpage, i, rect)
        raw.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
        ink = (left.value, bottom.value, right.value, top.value)
        if glyphs and glyphs[-1][1] == key and _near(glyphs[-1][2], origin) and _same(glyphs[-1][9], ink):
            glyphs[-1][10].append(text)  # a ligature: one glyph (one origin, one ink box), several letters
            continue
        loose = (rect.left, rect.bottom, rect.right, rect.top)
        glyphs.append([text, key, origin, loose, ink[2], font, size, m, descent, ink, [text], line])
    _unmirror(glyphs)
    out: list[Char] = []
    for k, (text, _, origin, loose, ink_right, font, size, m, descent, *_) in enumerate(glyphs):
        if abs(loose[2] - ink_right) < 1e-3 and m[1] == 0 and m[2] == 0:
            # the ink reaches past the advance ('f', Arabic joins, a zero-width mark): the advance ends by the origin
            # of the glyph drawn next to it on the same baseline, at the latest (pdfium lists right-to-left runs in
            # reading order, so that glyph may come just before it)
            near = glyphs[max(0, k - NEIGHBOURS) : k + NEIGHBOURS + 1]
            ends = [g[2][0] for g in near if g is not glyphs[k] and abs(g[2][1] - origin[1]) < SAME_ORIGIN]
            ends = [x for x in ends if origin[0] <= x < loose[2]]
            if ends:
                loose = (loose[0], loose[1], min(ends), loose[3])
        out.append(_char(text, font, size, m, ctm, origin, loose, height, descent))
    return out, seen


_ADDRESS: list[Callable[[int | None, int], int | None]] = []


def _object_address() -> Callable[[int | None, int], int | None]:
    """``FPDFText_GetTextObject`` giving the object's address as an int (no pointer object to make and cast)."""
    if not _ADDRESS:
        import pypdfium2_raw.bindings as bindings

        prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        _ADDRESS.append(prototype(("FPDFText_GetTextObject", bindings._libs["pdfium"])))
    return _ADDRESS[0]


def _descent(raw: Any, handle: Any, font: str) -> float:
    """The font's descent per em (negative): pdfminer's built-in metrics for a standard font it knows, else the PDF's."""
    from pdfminer.fontmetrics import FONT_METRICS

    metrics = FONT_METRICS.get(font)
    if metrics is not None:
        return -abs(float(cast(float, metrics[0].get("Descent", 0)))) / 1000
    value = ctypes.c_float()
    if not handle or not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1.0), value):
        return 0.0
    return -abs(value.value)


def _unmirror(glyphs: list[list[Any]]) -> None:
    """Undo what pdfium's bidi pass did to right-to-left runs: mirrored brackets, ligatures' letters reversed.

    pdfium splits each of its lines, in drawing order, into runs of one direction (``CFX_BidiString``:
    strong left, weak (digits), strong right, neutral), takes the runs in reverse
    when right-to-left runs are at least as many as left-to-right ones, and reads a right-to-left run,
    or a neutral one met while the direction is right to left, backwards and mirrored. Doing the same on
    the line's glyphs ordered by their origins finds the glyphs it read so; each gets its own characters
    back (a ligature's letters in drawing order, brackets as drawn). A glyph's text is joined here.
    """
    lines: dict[int, list[int]] = {}
    for k, g in enumerate(glyphs):
        lines.setdefault(g[11], []).append(k)
    for members in lines.values():
        rtl = any(glyphs[k][0] >= RTL_FROM for k in members)  # no right-to-left letter: pdfium reversed nothing
        if rtl and any(glyphs[k][0] in MIRRORED or len(glyphs[k][10]) > 1 for k in members):
            for k in _backwards(glyphs, members):
                parts = glyphs[k][10]
                parts[:] = [MIRRORED.get(c, c) for c in reversed(parts)]
    for g in glyphs:
        g[0] = _join(g[10])


def _backwards(glyphs: list[list[Any]], members: list[int]) -> list[int]:
    """The glyphs of one pdfium line that its bidi pass read right to left."""
    runs: list[tuple[str, list[int]]] = []
    for k in sorted(members, key=lambda k: glyphs[k][2][0]):
        direction = _direction(glyphs[k][10][0])
        if runs and runs[-1][0] == direction:
            runs[-1][1].append(k)
        else:
            runs.append((direction, [k]))
    right = sum(1 for d, _ in runs if d == "R")
    current = "L"
    if right and right >= sum(1 for d, _ in runs if d == "L"):
        runs.reverse()
        current = "R"
    out: list[int] = []
    for direction, run in runs:
        if direction == "R" or (direction == "N" and current == "R"):
            current = "R"
            out.extend(run)
        elif direction != "W":
            current = "L"
    return out


def _join(parts: list[str]) -> str:
    """A glyph's characters as one string, UTF-16 surrogate halves (pdfium gives code units) made one character."""
    text = "".join(parts)
    if any("\ud800" <= c <= "\udfff" for c in text):
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _direction(text: str) -> str:
    """pdfium's direction of a character: L (strong left), W (digits: weak left), R (strong right), N (neutral)."""
    kind = unicodedata.bidirectional(text[0]) if text else ""
    if kind == "L":
        return "L"
    if kind in WEAK:
        return "W"
    if kind in ("R", "AL"):
        return "R"
    return "N"


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < SAME_ORIGIN and abs(a[1] - b[1]) < SAME_ORIGIN


def _same(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(abs(u - v) < SAME_ORIGIN for u, v in zip(a, b, strict=True))


def _char(text: str, font: str, size: float, m: Matrix, ctm: Matrix, origin: tuple[float, float],
          loose: tuple[float, float, float, float], height: float, descent: float) -> Char:  # fmt: skip
    """pdfminer's box for one glyph: origin to advance, from the descent up one font size, through the matrix."""
    a, b, c, d = m[0], m[1], m[2], m[3]
    upright = a * d > 0 and b * c <= 0
    px, py = _apply(ctm, *origin)
    # the loose box in device space gives the advance along the text direction and the descent across it
    lx0, ly0 = _apply(ctm, loose[0], loose[1])
    lx1, ly1 = _apply(ctm, loose[2], loose[3])
    lx0, lx1 = min(lx0, lx1), max(lx0, lx1)
    ly0, ly1 = min(ly0, ly1), max(ly0, ly1)
    if abs(b) < 1e-6 and abs(c) < 1e-6:  # horizontal, perhaps mirrored
        fs = size * (abs(d) or 1.0)
        below = descent * fs
        y0 = py + below if d > 0 else py - below - fs
        # the advance starts at the origin (an italic 'f' inks further left) and ends at the loose box's far side
        box = (px, y0, lx1, y0 + fs) if a > 0 else (lx0, y0, px, y0 + fs)
        char_size = fs
    elif abs(a) < 1e-6 and abs(d) < 1e-6:  # turned a quarter: the advance runs up or down the page
        fs = size * (abs(c) or 1.0)
        left = lx1 - fs if c < 0 else lx0  # the descent side is the glyph's right when it reads upwards
        box = (left, py, left + fs, ly1) if b > 0 else (left, ly0, left + fs, py)
        char_size = box[3] - box[1]  # pdfminer's size is the box's height: here the advance
        below = 0.0
    else:  # any other angle: pdfium's loose box, which holds the glyph
        box = (lx0, ly0, lx1, ly1)
        char_size = size * (a * a + b * b) ** 0.5
        below = ly0 - py
    return Char(text, font, char_size, box[0], box[2], height - box[3], height - box[1], below, upright,
                not upright and m[1] > 0)  # fmt: skip


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
            _walk(raw, obj, _mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm), height,
                  seen, drawn, skipped, form=True)  # fmt: skip
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            m = _mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
            _path_boxes(raw, obj, m, height, drawn[0], drawn[1])
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            m = _mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
            drawn[2].append(_points_box([_apply(m, u, v) for u in (0.0, 1.0) for v in (0.0, 1.0)], height))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            skipped.append((obj, ctm, (ctypes.cast(obj, ctypes.c_void_p).value or 0) not in seen))


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
        point = _apply(m, x.value, y.value)
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

    pdfium also leaves out a text object drawn again over one it kept (fake bold); undoc drops such
    duplicates itself (``pdf_chars.chars_to_glyphs``), so nothing is put back for them.
    """
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    bounds = (left.value, bottom.value, right.value, top.value)
    tol = max(1.0, 0.1 * (bounds[3] - bounds[1]))
    if any(all(abs(u - v) <= tol for u, v in zip(bounds, kept, strict=True)) for kept in drawn):
        return None
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size)
    m = _mult((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
    px, py = m[4], m[5]
    fs = size.value * (abs(m[3]) or 1.0)
    handle = raw.FPDFTextObj_GetFont(obj)
    font = _font_name(raw, handle)
    below = _descent(raw, handle, font) * fs
    # the advance is unknown (pdfium measures no glyph of such an object): a quarter em; only x0 places a space
    return Char(" ", font, fs, px, px + 0.25 * fs, height - (py + below + fs), height - (py + below), below,
                m[0] * m[3] > 0, False)  # fmt: skip


def _bounds(raw: Any, obj: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return (left.value, bottom.value, right.value, top.value)


def _font_name(raw: Any, font: Any) -> str:
    if not font:
        return ""
    buffer = ctypes.create_string_buffer(256)
    length = raw.FPDFFont_GetBaseFontName(font, buffer, 256)
    return buffer.raw[: max(0, length - 1)].decode("utf-8", "replace")
