"""pdfium's text page to pdfplumber's characters, in few calls per character (``pdf_pdfium`` reads the page).

pdfium has no call that gives every character's boxes at once, so a page costs four calls per
character; each goes through ctypes without argument conversion (the function pointers are taken
from the library without pypdfium2's argument types, and every argument is made once per page),
and one buffer holds a character's origin and loose box, read back in one ``struct`` unpack. The
text of the whole page comes from one ``FPDFText_GetText``. The rest is plain Python over the page's
glyphs (plain tuples), with the work a page does not need skipped: pdfium's bidi pass is undone only
on a page that has a strong right-to-left character, replacement text laid out only on a page that
has two glyphs at one origin, and what depends on a text object alone (font, size, matrix, descent,
which way it runs) is looked up once per object and once per run of its glyphs.
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Callable
from operator import itemgetter
from typing import Any, cast

from .pdf_bidi import RTL_FROM
from .pdf_pdfium_bidi import reads_right_to_left, unmirror
from .pdf_source import Char, orientation

Matrix = tuple[float, float, float, float, float, float]

HYPHENS = frozenset((0x2D, 0x02, 0xAD, 0xFFFE))
"""What pdfium may give for a hyphen it takes for a hyphenation point (``FPDFText_IsHyphen``)."""
NEIGHBOURS = 2
"""How many glyphs either side (in pdfium's order) may be the one drawn right after a glyph."""
SAME_ORIGIN = 0.01
"""Two characters of one text object this close (pt) at their origins are one ligature glyph."""
FLAT = 1e-6
"""A matrix entry smaller than this is zero: the text runs along an axis."""
INK_EDGE = 1e-3
"""A loose box whose right edge is this close (pt) to the ink's was widened to the ink: the advance is not known."""

_Object = tuple[str, float, Matrix, float, bool, bool, int]
"""A text object's font name, font size, matrix (no translation), descent per em, orientation (upright, rising) and
font handle."""
Glyph = tuple[list[str], int, float, float, float, float, float, float, int, int]
"""One glyph of the text page, as pdfium measured it (page space, bottom-up): its letters (one, or a ligature's), the
text object it belongs to (its address), its origin x and y, its loose box (x0, y0, x1, y1), its first character's
index in the text page and pdfium's line (its bidi pass works line by line)."""
_AROUND = tuple(offset for offset in range(-NEIGHBOURS, NEIGHBOURS + 1) if offset)
_ORIGIN_AND_LOOSE_BOX = struct.Struct("2d4f")
"""A character's origin (x, y: doubles) then its loose box (``FS_RECTF``: left, top, right, bottom), in one buffer."""
_X, _Y = itemgetter(2), itemgetter(3)
_UNKNOWN = -1.0
"""Not yet looked up (``_chars``' per-run advances: ``None`` is an advance the font does not know)."""
_CALLS: dict[str, Any] = {}


def pdfium_calls() -> dict[str, Any]:
    """pdfium's per-character functions without argument types: ctypes passes what it is given (made once).

    They are taken through a ``ctypes.PyDLL`` over pypdfium2's own handle of the library: such a call keeps the GIL
    (pdfium's text calls are short and call nothing back), which saves releasing and taking it again on each of the
    four calls per character (about a sixth of a call's cost)."""
    if not _CALLS:
        import pypdfium2_raw.bindings as bindings

        loaded = bindings._libs["pdfium"]
        library = ctypes.PyDLL(loaded._name, handle=loaded._handle)  # the same library, not loaded again
        for name, restype in (("FPDFText_GetTextObject", ctypes.c_void_p), ("FPDFText_GetCharOrigin", ctypes.c_int),
                              ("FPDFText_GetLooseCharBox", ctypes.c_int), ("FPDFText_GetCharBox", ctypes.c_int),
                              ("FPDFText_HasUnicodeMapError", ctypes.c_int), ("FPDFText_IsGenerated", ctypes.c_int),
                              ("FPDFText_IsHyphen", ctypes.c_int), ("FPDFFont_GetGlyphWidth", ctypes.c_int),
                              ("FPDFTextObj_GetFont", ctypes.c_void_p), ("FPDFText_GetFontSize", ctypes.c_double),
                              ("FPDFText_GetMatrix", ctypes.c_int), ("FPDFPageObj_GetBounds", ctypes.c_int)):  # fmt: skip
            function = library[name]  # a new function pointer: pypdfium2's own keeps its argument types
            function.restype = restype
            _CALLS[name] = function
    return _CALLS


def text_chars(raw: Any, textpage: Any, ctm: Matrix, height: float) -> tuple[list[Char], set[int]]:
    """The text page's characters (pdfium's own left out, ligatures joined) and the text objects they came from."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], set()
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    codes = buffer[:count]
    calls = pdfium_calls()
    object_of, origin_of, loose_of = (
        calls["FPDFText_GetTextObject"],
        calls["FPDFText_GetCharOrigin"],
        calls["FPDFText_GetLooseCharBox"],
    )
    ink_of, unmapped, generated = (
        calls["FPDFText_GetCharBox"],
        calls["FPDFText_HasUnicodeMapError"],
        calls["FPDFText_IsGenerated"],
    )
    hyphen = calls["FPDFText_IsHyphen"]
    page = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    measured = ctypes.create_string_buffer(_ORIGIN_AND_LOOSE_BOX.size)
    ox, oy, loose_box = ctypes.byref(measured, 0), ctypes.byref(measured, 8), ctypes.byref(measured, 16)
    unpack = _ORIGIN_AND_LOOSE_BOX.unpack_from
    values = (ctypes.c_double * 4)()  # ink box: left, right, bottom, top
    ink_box = tuple(ctypes.byref(values, 8 * k) for k in range(4))

    def ink_right(index: int) -> float:
        ink_of(page, index, *ink_box)
        right_edge: float = values[1]
        return right_edge

    per_object = _ObjectCalls(raw, textpage, page)
    objects: dict[int, _Object] = {}
    glyphs: list[Glyph] = []
    append = glyphs.append
    last_key = 0
    parts: list[str] = []
    lx = ly = ll = lr = lb = lt = 0.0
    line = 0
    pieces = False  # two glyphs of one object at one origin (a span's replacement text): laid out afterwards
    near = SAME_ORIGIN  # (``-near < d < near``: ``abs(d) < near`` without a call)
    for i, code in enumerate(codes):
        if code <= 0x20:
            if code == 0x0D or code == 0x0A:
                line += 1  # pdfium ends each of its lines with a made-up CR LF
                continue
            if code == 0x20 and generated(page, i) == 1:
                continue  # pdfium makes up spaces only
        key = object_of(page, i)
        if not key:
            continue  # a space pdfium made up without marking it generated: it belongs to no text object
        origin_of(page, i, ox, oy)
        loose_of(page, i, loose_box)
        x, y, rl, rt, rr, rb = unpack(measured)
        if unmapped(page, i) == 1:
            text = "(cid:0)"
        elif code in HYPHENS and (code == 0xFFFE or hyphen(page, i) == 1):
            text = "-"
        else:
            text = chr(code) if code else ""
        if key == last_key:
            if -near < lx - x < near and -near < ly - y < near:
                if -near < ll - rl < near and -near < lr - rr < near and -near < lb - rb < near and -near < lt - rt < near:
                    parts.append(text)  # a ligature: one glyph (one origin, one box), several letters
                    continue
                pieces = True
        else:
            last_key = key
            if key not in objects:
                objects[key] = per_object.text_object(i, key, ctm)
        lx, ly, ll, lr, lb, lt = x, y, rl, rr, rb, rt
        parts = [text]
        append((parts, key, x, y, rl, rb, rr, rt, i, line))
    if max(codes) >= RTL_FROM and reads_right_to_left(codes):
        unmirror(glyphs)
    if pieces:
        _lay_out_pieces(glyphs, objects, ctm, per_object.glyph_width)
    return _chars(glyphs, objects, ctm, height, ink_right, per_object.glyph_width), set(objects)


def _lay_out_pieces(glyphs: list[Glyph], objects: dict[int, _Object], ctm: Matrix,
                    glyph_width: Callable[[int, str], float]) -> None:  # fmt: skip
    """Give the characters of a span's replacement text (``/ActualText``) each its own place along the line.

    pdfium reads such a span's text instead of its glyphs, and gives every character of it the origin of the text
    object and an equal share of the object's box: left so, the letters of one word stand at one place (one of two
    ``L`` in ``CALLS`` read as a duplicate, the words out of order). Upright and left to right, the characters are
    laid end to end from the origin, each over its advance in the font, as pdfminer places the glyphs of a span
    whose text is theirs. (Where the span's text is not the glyphs' own, small capitals drawn for lower-case letters,
    the font's advances of the text's letters are not the drawn glyphs': places are off by a fraction of an em.)
    """
    c0 = ctm[0]
    k = 0
    while k < len(glyphs):
        first = glyphs[k]
        end = k + 1
        while (end < len(glyphs) and glyphs[end][1] == first[1] and abs(glyphs[end][2] - first[2]) < SAME_ORIGIN
               and abs(glyphs[end][3] - first[3]) < SAME_ORIGIN):  # fmt: skip
            end += 1
        _, size, m, _, _, _, handle = objects[first[1]]
        if end - k > 1 and m[0] > 0 and c0 > 0 and abs(m[1]) < FLAT and abs(m[2]) < FLAT:
            run = glyphs[k:end]
            widths = [glyph_width(handle, g[0][0]) if len(g[0]) == 1 else 0.0 for g in run]
            scale = size * m[0] / c0  # the font's advances, in points
            if not all(w > 0 for w in widths):  # an advance unknown: equal shares of the object's box, as pdfium gives
                widths, scale = [1.0] * len(run), (run[-1][6] - first[2]) / len(run)
            x = first[2]
            for j, (g, width) in enumerate(zip(run, widths, strict=True)):
                glyphs[k + j] = (g[0], g[1], x, g[3], x, g[5], x + width * scale, g[7], g[8], g[9])
                x += width * scale
        k = end


class _ObjectCalls:
    """pdfium's calls made once per text object or per character of a font, on one text page: function pointers
    without argument types (``pdfium_calls``) and their buffers made once per page."""

    def __init__(self, raw: Any, textpage: Any, page: ctypes.c_void_p) -> None:
        calls = pdfium_calls()
        self.raw, self.textpage, self.page = raw, textpage, page
        self.fonts: dict[int, tuple[str, float]] = {}
        """Per font handle: its name and descent, looked up once per font of the page."""
        self.font_of, self.font_size = calls["FPDFTextObj_GetFont"], calls["FPDFText_GetFontSize"]
        self.get_matrix, self.get_width = calls["FPDFText_GetMatrix"], calls["FPDFFont_GetGlyphWidth"]
        self.matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self.width, self.one = ctypes.c_float(), ctypes.c_float(1.0)

    def text_object(self, index: int, key: int, ctm: Matrix) -> _Object:
        """Font name, font size, text matrix (with the page's, no translation) and descent of the object the character
        at ``index`` is in (``key``: the object's address)."""
        handle = self.font_of(ctypes.c_void_p(key)) or 0
        known = self.fonts.get(handle)
        if known is None:
            raw, textpage = self.raw, self.textpage
            name = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            length = raw.FPDFText_GetFontInfo(textpage, index, name, 256, flags)
            font = name.raw[: max(0, length - 1)].decode("utf-8", "replace")
            font_handle = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textpage, index))
            known = self.fonts[handle] = (font, font_descent(raw, font_handle, font))
        size: float = self.font_size(self.page, index)
        matrix = self.matrix
        if not self.get_matrix(self.page, index, matrix):
            ctypes.memset(matrix, 0, ctypes.sizeof(matrix))  # as a fresh matrix the call left alone
        m = mult((matrix[0], matrix[1], matrix[2], matrix[3], 0.0, 0.0), ctm)
        upright, rising = orientation(m[0], m[1], m[2], m[3])
        return (known[0], size, (m[0], m[1], m[2], m[3], 0.0, 0.0), known[1], upright, rising, handle)

    def glyph_width(self, handle: int, char: str) -> float:
        """A character's advance in a font per point of size, from the PDF's widths (pdfminer's), or 0 when unknown."""
        if not handle or len(char) != 1:
            return 0.0
        width = self.width
        if not self.get_width(ctypes.c_void_p(handle), ctypes.c_uint(ord(char)), self.one, ctypes.byref(width)):
            return 0.0
        return max(0.0, width.value)


def font_descent(raw: Any, handle: Any, font: str) -> float:
    """The font's descent per em (negative): pdfminer's built-in metrics for a standard font it knows, else the PDF's."""
    from pdfminer.fontmetrics import FONT_METRICS

    metrics = FONT_METRICS.get(font)
    if metrics is not None:
        return -abs(float(cast(float, metrics[0].get("Descent", 0)))) / 1000
    value = ctypes.c_float()
    if not handle or not raw.FPDFFont_GetDescent(handle, ctypes.c_float(1.0), value):
        return 0.0
    return -abs(value.value)


def mult(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _chars(glyphs: list[Glyph], objects: dict[int, _Object], ctm: Matrix, height: float,
           ink_right: Callable[[int], float], glyph_width: Callable[[int, str], float]) -> list[Char]:  # fmt: skip
    """pdfminer's box for each glyph: origin to advance, from the descent up one font size, through the matrix.

    ``glyph_width``: a character's width in a font (by its handle) per point of size, 0 when unknown. What depends on
    the text object alone is worked out when the object changes (a page's glyphs come object by object).
    """
    widths: dict[int, dict[str, float]] = {}
    runs: dict[tuple[int, float, float], dict[str, float | None]] = {}
    out: list[Char] = []
    append = out.append
    new = tuple.__new__
    c0, c1, c2, c3, c4, c5 = ctm
    level = c1 == 0.0  # the page is not turned a quarter: a glyph's height on the page depends on its y alone
    last = len(glyphs) - 1
    xs: list[float] = []
    ys: list[float] = []
    last_key = 0
    font, size, a, b, c, d, descent, upright, rising = "", 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, True, False
    flat = advances = False
    fs = below = top = bottom = 0.0
    last_y: float | None = None
    font_widths: dict[str, float] = {}
    advance_of: dict[str, float | None] = {}
    for k, (parts, key, x, y, lx0, ly0, lx1, ly1, index, _) in enumerate(glyphs):
        if key != last_key:
            last_key = key
            font, size, m, descent, upright, rising, handle = objects[key]
            a, b, c, d = m[0], m[1], m[2], m[3]
            flat = abs(b) < FLAT and abs(c) < FLAT  # along the axis (a chart's form may leave float residue: 7e-08)
            advances = a > 0 and c0 > 0  # the font's advances apply (upright page, left to right)
            font_widths = widths.setdefault(handle, {})
            advance_of = runs.setdefault((handle, size, a), {})
            last_y = None
            if flat:
                fs = size * (abs(d) or 1.0)
                below = descent * fs
        first = parts[0]
        single = len(parts) == 1
        text = first if single and not "\ud800" <= first <= "\udfff" else _join(parts)
        if flat:
            # when the ink reaches past the advance ('f', Arabic joins, a zero-width mark) pdfium's loose box ends where
            # the ink does: the advance is then the font's width of the character (a single one, upright page, left to
            # right), else it ends by the origin of the glyph drawn next to it on the same baseline, at the latest
            # (pdfium lists right-to-left runs in reading order, so that glyph may come just before it)
            end = lx1
            advance: float | None = None
            if single and advances:
                advance = advance_of.get(first, _UNKNOWN)
                if advance is _UNKNOWN:  # the advance in points, once per character of a font, size and scale
                    known = font_widths.get(first)
                    if known is None:
                        known = font_widths[first] = glyph_width(handle, first)
                    advance = advance_of[first] = known * size * a / c0 if known > 0 else None
            if advance is not None:
                end = x + advance
                shrink = end < lx1 - SAME_ORIGIN
            else:
                if not xs:
                    xs, ys = list(map(_X, glyphs)), list(map(_Y, glyphs))
                for offset in _AROUND:
                    j = k + offset
                    if 0 <= j <= last and x <= xs[j] < end and abs(ys[j] - y) < SAME_ORIGIN:
                        end = xs[j]
                shrink = end < lx1
            if shrink and abs(lx1 - ink_right(index)) < INK_EDGE:  # the ink box only when it can matter
                lx1 = end
            # horizontal, perhaps mirrored: the loose box in device space gives the advance along the text direction
            px = c0 * x + c2 * y + c4
            ax = c0 * lx0 + c2 * ly0 + c4
            bx = c0 * lx1 + c2 * ly1 + c4
            if y != last_y or not level:  # the glyphs of a run on one baseline share their top and bottom
                py = c1 * x + c3 * y + c5
                y0 = py + below if d > 0 else py - below - fs
                top, bottom = height - (y0 + fs), height - y0
                last_y = y
            # the advance starts at the origin (an italic 'f' inks further left) and ends at the loose box's far side
            if a > 0:
                append(new(Char, (text, font, fs, px, bx if bx > ax else ax, top, bottom, below, upright, rising)))
            else:
                append(new(Char, (text, font, fs, bx if bx < ax else ax, px, top, bottom, below, upright, rising)))
            continue
        px, py = c0 * x + c2 * y + c4, c1 * x + c3 * y + c5
        # the loose box in device space gives the advance along the text direction and the descent across it
        ax, ay = c0 * lx0 + c2 * ly0 + c4, c1 * lx0 + c3 * ly0 + c5
        bx, by = c0 * lx1 + c2 * ly1 + c4, c1 * lx1 + c3 * ly1 + c5
        x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        if abs(a) < FLAT and abs(d) < FLAT:  # turned a quarter: the advance runs up or down the page
            quarter = size * (abs(c) or 1.0)
            edge = x1 - quarter if c < 0 else x0  # the descent side is the glyph's right when it reads upwards
            bottom, top = (py, y1) if b > 0 else (y0, py)
            append(new(Char, (text, font, top - bottom, edge, edge + quarter, height - top, height - bottom, 0.0, upright,
                              rising)))  # fmt: skip
        else:  # any other angle: pdfium's loose box, which holds the glyph
            char_size = size * (a * a + b * b) ** 0.5
            append(new(Char, (text, font, char_size, x0, x1, height - y1, height - y0, y0 - py, upright, rising)))
    return out


def _join(parts: list[str]) -> str:
    """A glyph's characters as one string, UTF-16 surrogate halves (pdfium gives code units) made one character."""
    text = "".join(parts)
    if any("\ud800" <= c <= "\udfff" for c in text):
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text
