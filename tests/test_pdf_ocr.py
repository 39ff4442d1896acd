"""Scanned pages with an OCR text layer and the furniture of old and new layouts (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import parse
from parser.furniture import furniture_kind
from parser.model import Box
from parser.read.pdf_chars import Glyph
from parser.read.pdf_ocr import OCR_TEXT_LAYER, SCAN_IMAGE, scan_box

from .conftest import FIXTURES, parsed
from .pdfbuild import build_pages, write

E_CN_4_110 = FIXTURES / "pdf" / "en" / "E_CN.4_110.en.pdf"
"""A 1948 Commission on Human Rights document as the library scanned it: a page image under an ABBYY text layer."""

A4 = (595, 842)
FONTS = {"F1": b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"}
TAGGED = {
    "F1": b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Times-Roman /Encoding /WinAnsiEncoding /FontDescriptor"
    b" << /Type /FontDescriptor /FontName /ABCDEF+Times-Roman /Flags 34 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
    b" /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >> /FirstChar 32 /LastChar 255 /Widths [" + b"500 " * 224 + b"] >>"
}
"""The same font as a word processor names the subset it embeds."""
SCAN = b"q 595 0 0 842 0 0 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \xff\xee\xdd\xcc EI Q "
"""A page-sized picture (an inline image stretched over the whole page), as a scanner's PDF has under its text."""


def _text(y: int, text: bytes, x: int = 72) -> bytes:
    return b"BT /F1 11 Tf %d %d Td (%s) Tj ET " % (x, y, text)


STAMP = _text(20, b"Digitized by Dag Hammarskj\xf6ld Library", x=220)
PAGE_1 = (
    _text(700, b"1. In the last progress report of the Secretary-General, dated 13 September 1991, my")
    + _text(686, b"predecessor reported that the talks had continued under his auspices and would go on.")
    + _text(60, b"92-43708 3486i (E) 130992 140992")
    + STAMP
)
PAGE_2 = (
    _text(800, b"A/47/466")
    + _text(788, b"English")
    + _text(776, b"Page 2")
    + _text(700, b"2. Regrettably, however, after much of the groundwork had been laid, the visit did not")
    + _text(686, b"take place as planned and the talks were put off until the next year.")
    + _text(60, b"/.", x=500)
    + STAMP
)
PAGE_3 = (  # the same header as an OCR read it
    _text(800, b"E/lCEF/6\xee2(Premi\xe8re partie)")
    + _text(788, b"Franc air:")
    + _text(776, b"Pape 7")
    + _text(700, b"3. The third paragraph of the report goes on across the page as the others did before it.")
    + STAMP
)


def _scan(tmp_path: Path, fonts: dict[str, bytes] = FONTS, image: bytes = SCAN) -> Path:
    pages = [(image + page, A4) for page in (PAGE_1, PAGE_2, PAGE_3)]
    return write(tmp_path, "scan.pdf", build_pages(pages, fonts))


def test_a_scanned_document_is_parsed_with_an_ocr_warning(tmp_path: Path) -> None:
    doc = parse(_scan(tmp_path), symbol="A/47/466")
    ocr = [w for w in doc.warnings if w.code == OCR_TEXT_LAYER]
    assert len(ocr) == 1 and ocr[0].message.startswith("pages 1–3 are scanned images") and ocr[0].page == 1
    assert [d.source.page for d in doc.dropped if d.kind == SCAN_IMAGE] == [1, 2, 3]
    texts = {n.id: n.text for n in doc.body}
    assert texts["para_2"].startswith("Regrettably") and texts["para_2"].endswith("next year.")
    assert texts["para_3"].startswith("The third paragraph") and len(texts) == 3


def test_the_library_stamp_old_headers_and_job_numbers_are_furniture(tmp_path: Path) -> None:
    doc = parse(_scan(tmp_path), symbol="A/47/466")
    dropped = [(d.kind, d.text, d.source.page) for d in doc.dropped if d.kind != SCAN_IMAGE]
    assert ("stamp", "Digitized by Dag Hammarskjöld Library", 2) in dropped
    assert [d for d in dropped if d[0] == "stamp"] and len([d for d in dropped if d[0] == "stamp"]) == 3
    assert ("job_number", "92-43708 3486i (E) 130992 140992", 1) in dropped
    assert {("header", "A/47/466", 2), ("header", "English", 2), ("page_number", "Page 2", 2)} <= set(dropped)
    assert {("header", "Franc air:", 3), ("page_number", "Pape 7", 3), ("continuation", "/.", 2)} <= set(dropped)


def test_text_over_no_picture_or_in_embedded_fonts_is_no_scan(tmp_path: Path) -> None:
    plain = parse(_scan(tmp_path, image=b""), symbol="A/47/466")
    cover = parse(_scan(tmp_path, fonts=TAGGED), symbol="A/47/466")  # a brochure's photo under its own text
    for doc in (plain, cover):
        assert not [w for w in doc.warnings if w.code == OCR_TEXT_LAYER]
        assert not [d for d in doc.dropped if d.kind == SCAN_IMAGE]
    # the fuzzy reading of an old header is for scans only: on a born-digital page that row is text
    assert "Franc air:" in " ".join(n.text for n in plain.body)


def test_a_real_scan_with_its_ocr_layer() -> None:
    doc = parsed(E_CN_4_110)
    assert [w.code for w in doc.warnings].count(OCR_TEXT_LAYER) == 1
    assert "présumée innocente" in " ".join(n.text or "" for n in doc.body)


def test_scan_box_needs_most_of_the_page_covered() -> None:
    glyphs = [Glyph("a", 72, 78, 100, 111, 109, 11, 11, "Courier", False, False, True, False)]
    assert scan_box(glyphs, [Box(0, -40, 560, 880)], 594, 842) == Box(0, -40, 560, 880)
    assert scan_box(glyphs, [Box(72, 100, 300, 400)], 594, 842) is None  # a photo beside the text
    assert scan_box([], [Box(0, 0, 594, 842)], 594, 842) is None  # no text layer at all: another error


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("25-05502X (E) 240425", "job_number"),
        ("V. 25-05608X (E) 140425", "job_number"),
        ("25-08791* (E) 110725", "job_number"),
        ("GE.25-05162 (E) 060525 080525 iii", "job_number"),
        ("25-10420 iv", "job_number"),
        ("xii 25-10420", "job_number"),
        ("92-43708 3486i (E) 130992 140992", "job_number"),
        ("Digitized by Dag Hammarskjöld Library", "stamp"),
        ("E/CN.4/110 page 2", "header"),
        ("A/47/466 English Page 3", "header"),
        ("25-10420 is the number", None),
        ("iv", None),
        ("Page 2 of the report", None),
    ],
)
def test_furniture_variants(text: str, kind: str | None) -> None:
    assert furniture_kind(text) == kind


OCR_MASTHEAD = _text(800, b"General Assembly", x=72) + _text(800, b"A./47/466", x=420) + _text(770, b"Forty-seventh session")
"""Page 1's masthead as an OCR read it: a speck before the symbol's slash became a full stop."""


def test_a_scan_symbol_with_a_stray_ocr_full_stop_is_read_with_a_warning_on_scans_only(tmp_path: Path) -> None:
    pages = [(SCAN + OCR_MASTHEAD + PAGE_1, A4), (SCAN + PAGE_2, A4)]
    doc = parse(write(tmp_path, "scan.pdf", build_pages(pages, FONTS)))
    assert doc.metadata.symbols == ("A/47/466",) and doc.metadata.symbol_origin == "document"
    assert [w.message for w in doc.warnings if w.code == "symbol-ocr-repaired"] == [
        "the OCR text layer reads the symbol 'A./47/466'; taken as A/47/466"
    ]
    plain = parse(write(tmp_path, "plain.pdf", build_pages([(OCR_MASTHEAD + PAGE_1, A4), (PAGE_2, A4)], FONTS)))
    assert plain.metadata.symbol_origin == "filename"  # a born-digital page prints what it prints
