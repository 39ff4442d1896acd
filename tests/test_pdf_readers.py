"""The two PDF character sources (``parser.read.pdf_source``) give the same characters and rules.

Each pitfall of pdfium that the pdfium reader puts right (``parser.read.pdf_pdfium``'s docstring)
has a tiny PDF here, written by hand, read by both readers: the same characters (text, font,
upright/rising, boxes within ``BOX_TOL`` points) and the same drawn lines and rectangles, and
the same lines out of ``read_pdf``. One difference is allowed: the right edge of a space that
pdfium does not measure (a text object that draws only a space), which nothing after reading uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parser.errors import CorruptPdf, EmptyInput, EncryptedPdf, InputNotFound
from parser.read.pdf import read_pdf
from parser.read.pdf_source import READERS, Char, PageChars, pages

from .pdfbuild import HELVETICA, build_pdf, write

BOX_TOL = 0.3
"""Points two readers' boxes of one character may differ by (pdfium computes in single precision)."""

TIMES = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
WIDTHS = b"/FirstChar 32 /LastChar 126 /Widths [%s]" % b" ".join(b"278" if c == 32 else b"556" for c in range(32, 127))


def descriptor(name: bytes, descent: int = -210) -> bytes:
    return b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [-170 -225 1116 931] /ItalicAngle 0" % name + (
        b" /Ascent 720 /Descent %d /CapHeight 718 /StemV 88 >>" % descent
    )


def tiny_pdf(content: bytes, fonts: dict[str, bytes] | None = None, extra: tuple[bytes, ...] = ()) -> bytes:
    """A one-page A4 PDF in Helvetica unless other font dictionaries are given."""
    return build_pdf(content, fonts or {"F1": HELVETICA}, extra=extra)


def both(path: Path) -> tuple[list[PageChars], list[PageChars]]:
    return list(pages(path, "pdfplumber")), list(pages(path, "pdfium"))


def _key(c: Char) -> tuple[float, float, str]:
    return (round(c.top), round(c.x0), c.text)


def assert_same_chars(path: Path) -> list[Char]:
    """Both readers give the same characters (in any order) and rules; returns pdfplumber's characters."""
    plumber, pdfium = both(path)
    assert len(plumber) == len(pdfium)
    for a, b in zip(plumber, pdfium, strict=True):
        assert (round(a.width, 2), round(a.height, 2)) == (round(b.width, 2), round(b.height, 2))
        left, right = sorted(a.chars, key=_key), sorted(b.chars, key=_key)
        assert [c.text for c in left] == [c.text for c in right]
        for x, y in zip(left, right, strict=True):
            assert (x.font, x.upright, x.rising) == (y.font, y.upright, y.rising), (x, y)
            for field in ("x0", "x1", "top", "bottom", "size") if x.text != " " else ("x0", "top", "bottom", "size"):
                assert abs(getattr(x, field) - getattr(y, field)) <= BOX_TOL, (field, x, y)
        boxes = [sorted((round(o.x0, 1), round(o.top, 1), round(o.x1, 1), round(o.bottom, 1)) for o in p.objects) for p in (a, b)]
        assert boxes[0] == boxes[1]
    return [c for p in plumber for c in p.chars]


def lines(path: Path, reader: str) -> list[str]:
    return [line.text for line in read_pdf(path, reader).lines]


def test_readers_are_listed() -> None:
    assert READERS == ("pdfplumber", "pdfium")
    with pytest.raises(ValueError, match="unknown PDF reader"):
        list(pages(Path(__file__), "poppler"))


def test_standalone_space_objects_are_put_back(tmp_path: Path) -> None:
    """pdfium skips a text object that draws only a space; pdfminer lists it (``1.1.Summary`` otherwise)."""
    content = b"BT /F1 12 Tf 72 700 Td (1.1.) Tj ET BT /F1 12 Tf 90.7 700 Td ( ) Tj ET BT /F1 12 Tf 92.5 700 Td (Summary) Tj ET"
    path = write(tmp_path, "space.pdf", tiny_pdf(content))
    chars = assert_same_chars(path)
    assert " " in [c.text for c in chars]
    assert lines(path, "pdfium") == lines(path, "pdfplumber") == ["1.1. Summary"]


def test_spaces_pdfium_makes_up_are_dropped(tmp_path: Path) -> None:
    """A kerning gap inside one text object: pdfium inserts a space of its own (``P ursuant``), pdfminer none."""
    content = b"BT /F1 12 Tf 72 700 Td [(P) -180 (ursuant to) -2000 (it)] TJ ET"
    path = write(tmp_path, "kern.pdf", tiny_pdf(content))
    chars = assert_same_chars(path)
    assert "".join(c.text for c in chars) == "Pursuant toit"


def test_ligature_is_one_character(tmp_path: Path) -> None:
    """A glyph the ToUnicode map gives two letters (``fi``): one character, as pdfminer lists it."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /L def"
        b" 1 begincodespacerange <00> <FF> endcodespacerange"
        b" 3 beginbfchar <66> <00660069> <61> <0061> <6E> <006E> endbfchar"
        b" endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /LigaSans %s /FontDescriptor 6 0 R /ToUnicode 7 0 R >>" % WIDTHS
    stream = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    data = tiny_pdf(b"BT /F1 12 Tf 72 700 Td (fna) Tj ET", {"F1": font}, (descriptor(b"LigaSans"), stream))
    path = write(tmp_path, "liga.pdf", data)
    chars = assert_same_chars(path)
    assert [c.text for c in chars] == ["fi", "n", "a"]


def test_line_end_hyphen_stays_a_hyphen(tmp_path: Path) -> None:
    """pdfium marks a line-final hyphen as a hyphenation point (U+FFFE or U+0002): it is the hyphen drawn."""
    content = b"BT /F1 12 Tf 72 700 Td (non-renew-) Tj 0 -14 Td (able energy) Tj ET"
    path = write(tmp_path, "hyphen.pdf", tiny_pdf(content))
    chars = assert_same_chars(path)
    assert [c.text for c in chars].count("-") == 2
    assert lines(path, "pdfium") == lines(path, "pdfplumber")


def test_boxes_are_pdfminers_not_ink(tmp_path: Path) -> None:
    """Origin to advance width, from the descent up one font size: an ``f`` inks past its advance."""
    content = b"BT /F1 20 Tf 72 700 Td (of fjord) Tj ET BT /F2 20 Tf 72 650 Td (Times fjord) Tj ET"
    path = write(tmp_path, "boxes.pdf", tiny_pdf(content, {"F1": HELVETICA, "F2": TIMES}))
    chars = assert_same_chars(path)
    o = next(c for c in chars if c.text == "o")
    assert o.bottom - o.top == pytest.approx(20, abs=0.01)


def test_advance_of_text_drawn_through_a_matrix_with_rounding_residue(tmp_path: Path) -> None:
    """A text matrix whose skew terms are float residue (a chart drawn through a scaled form: ``2.559 -7e-08 -6e-08
    2.524``) runs along the axis: an ``f`` ends at its advance, not where its ink does (A/80/74's table cells read
    ``ofcountry``, the f's box reaching over the space after it)."""
    content = b"BT /F2 1 Tf 20 -0.00000007 -0.00000006 20 72 700 Tm (of country) Tj ET"
    path = write(tmp_path, "residue.pdf", tiny_pdf(content, {"F2": TIMES}))
    chars = assert_same_chars(path)
    f = next(c for c in chars if c.text == "f")
    assert f.x1 - f.x0 == pytest.approx(0.333 * 20, abs=0.05)


def test_replacement_text_letters_each_keep_their_place(tmp_path: Path) -> None:
    """pdfium gives every character of an ``/ActualText`` span the text object's origin: laid end to end again, a
    double letter is no duplicate and the words keep their order and spaces (a reissue's ``CALLS TO ACTION`` read
    ``CALS`` and ran its words together)."""
    content = (
        b"BT /F2 20 Tf 72 700 Td /Span <</ActualText (CALLS)>> BDC (CALLS) Tj EMC ( ) Tj"
        b" /Span <</ActualText (TO)>> BDC (TO) Tj EMC ( ) Tj /Span <</ActualText (ACTION)>> BDC (ACTION) Tj EMC ET"
    )
    path = write(tmp_path, "actualtext.pdf", tiny_pdf(content, {"F2": TIMES}))
    assert_same_chars(path)
    assert lines(path, "pdfium") == lines(path, "pdfplumber") == ["CALLS TO ACTION"]


def test_scaled_and_raised_text(tmp_path: Path) -> None:
    """A text matrix that scales the font, and a call raised with ``Ts``."""
    content = (
        b"BT /F1 1 Tf 10 0 0 10 72 700 Tm (Scaled) Tj ET"
        b" BT /F1 10 Tf 72 650 Td (Body) Tj 3 Ts /F1 7 Tf (12) Tj 0 Ts /F1 10 Tf ( more) Tj ET"
    )
    path = write(tmp_path, "scaled.pdf", tiny_pdf(content))
    assert_same_chars(path)
    assert lines(path, "pdfium") == lines(path, "pdfplumber")


def test_rotated_glyphs_follow_pdfminer(tmp_path: Path) -> None:
    content = (
        b"BT /F1 12 Tf 72 700 Td (Body text) Tj ET"
        b" BT /F1 12 Tf 0 1 -1 0 300 400 Tm (Up label) Tj ET"
        b" BT /F1 12 Tf 0 -1 1 0 400 400 Tm (Down label) Tj ET"
    )
    path = write(tmp_path, "rotated.pdf", tiny_pdf(content))
    chars = assert_same_chars(path)
    assert {c.rising for c in chars if not c.upright} == {True, False}
    assert lines(path, "pdfium") == lines(path, "pdfplumber") == ["Body text", "Up label", "Down label"]


def test_subset_font_names_keep_their_prefix(tmp_path: Path) -> None:
    """A subset font's name keeps its prefix, and its descent (so its boxes) comes from its descriptor."""
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arimo-Bold %s /FontDescriptor 6 0 R >>" % WIDTHS
    data = tiny_pdf(b"BT /F1 12 Tf 72 700 Td (Bold) Tj ET", {"F1": font}, (descriptor(b"ABCDEF+Arimo-Bold", -300),))
    path = write(tmp_path, "subset.pdf", data)
    chars = assert_same_chars(path)
    assert {c.font for c in chars} == {"ABCDEF+Arimo-Bold"}
    assert {round(c.below, 2) for c in chars} == {-3.6}


def test_fake_bold_reads_once(tmp_path: Path) -> None:
    """The masthead's fake bold: the same word drawn twice, a fraction of a point apart (pdfium keeps one)."""
    content = b"BT /F1 24 Tf 72 700 Td (UNITED) Tj ET BT /F1 24 Tf 72.4 700 Td (UNITED) Tj ET BT /F1 12 Tf 72 650 Td (Body) Tj ET"
    path = write(tmp_path, "fakebold.pdf", tiny_pdf(content))
    assert lines(path, "pdfium") == lines(path, "pdfplumber") == ["UNITED", "Body"]


def test_rules_and_rectangles(tmp_path: Path) -> None:
    """Lines, rectangles (``re`` and closed four-point paths), sub-paths apart, curves and unpainted paths left out."""
    content = (
        b"BT /F1 12 Tf 72 700 Td (Text) Tj ET"
        b" 0.5 w 72 200 m 180 200 l S"
        b" 72 150 100 0.6 re f"
        b" 72 120 m 172 120 l 172 121 l 72 121 l h f"
        b" 72 100 m 150 100 l 300 100 m 400 100 l S"
        b" 72 80 m 100 90 120 90 150 80 c S"
        b" 72 60 m 150 60 l n"
        b" q 1 0 0 1 10 -20 cm 72 60 m 150 60 l S Q"
    )
    path = write(tmp_path, "rules.pdf", tiny_pdf(content))
    assert_same_chars(path)
    plumber = next(pages(path, "pdfplumber"))
    assert len(plumber.objects) == 6


def test_curves_and_images(tmp_path: Path) -> None:
    """What charts are drawn with: curves (a Bézier, boxed by its end points as pdfminer does, a polyline, a slanted
    polygon) and an image, in both readers."""
    content = (
        b"BT /F1 12 Tf 72 700 Td (Text) Tj ET"
        b" 72 500 m 100 520 l 130 480 l 160 510 l S"
        b" 200 500 m 260 500 l 230 540 l h f"
        b" 72 400 m 72 440 120 440 120 400 c S"
        b" 72 300 100 0.6 re f"
        b" q 200 0 0 100 300 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    )
    path = write(tmp_path, "chart.pdf", tiny_pdf(content))
    boxes = {}
    for reader in READERS:
        page = next(pages(path, reader))
        rounded = [
            sorted((round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in found)
            for found in (page.curves, page.images)
        ]
        boxes[reader] = (len(page.objects), *rounded)
    assert boxes["pdfplumber"] == boxes["pdfium"]
    objects, curves, images = boxes["pdfium"]
    assert objects == 1
    assert curves == [(72, 322, 160, 362), (72, 442, 120, 442), (200, 302, 260, 342)]
    assert images == [(300, 542, 500, 642)]


@pytest.mark.parametrize("reader", READERS)
def test_bad_files_give_undoc_errors(tmp_path: Path, reader: str) -> None:
    with pytest.raises(InputNotFound):
        read_pdf(tmp_path / "missing.pdf", reader)
    with pytest.raises(EmptyInput):
        read_pdf(write(tmp_path, "empty.pdf", b""), reader)
    with pytest.raises(CorruptPdf):
        read_pdf(write(tmp_path, "garbage.pdf", b"%PDF-1.4\nnot really a pdf\n" * 50), reader)


def test_encrypted_pdf_is_refused_by_pdfium(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(EncryptedPdf):
        read_pdf(path, "pdfium")
