"""The PDF reader: real UN PDFs from the corpus, and tiny hand-built PDFs for the bad cases."""

from __future__ import annotations

import random
from pathlib import Path

import pdfplumber
import pytest
import regex

from parser.errors import CorruptPdf, EmptyInput, EncryptedPdf, NoTextLayer, UnmappedFont
from parser.model import Line
from parser.read.pdf import PdfRead, read_pdf
from parser.read.pdf_glyphs import chars_to_glyphs
from parser.read.pdf_source import plumber_chars

from .conftest import line_characters, pdf_read
from .pdfbuild import HELVETICA, build_pdf, write

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
A_80_179 = FIXTURES / "en" / "A_80_179.en.pdf"
A_80_188 = FIXTURES / "en" / "A_80_188.en.pdf"
HRC_EN = FIXTURES / "en" / "A_HRC_WG.6_34_ITA_3.en.pdf"
HRC_RU = FIXTURES / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdf"
RES_EN = FIXTURES / "en" / "A_RES_48_246.en.pdf"
RES_ES = FIXTURES / "es" / "A_RES_48_246.es.pdf"
NEGATIVE = FIXTURES / "negative" / "ods_document_not_found.pdf"


def read(path: Path) -> PdfRead:
    """The fixture as the PDF reader gives it, read once per session and shared with every other test."""
    return pdf_read(path)  # type: ignore[no-any-return]


def page_lines(path: Path, page: int) -> list[Line]:
    return [line for line in read(path).lines if line.source.page == page]


def texts(path: Path, page: int) -> list[str]:
    return [line.text for line in page_lines(path, page)]


def line_with(path: Path, page: int, start: str) -> Line:
    return next(line for line in page_lines(path, page) if line.text.startswith(start))


def ink(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


# --- hand-built PDFs ----------------------------------------------------------

SONG = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts"
    b" [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>"
)
NO_UNICODE_MAP = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts"
    b" [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>] >>"
)


def ucs2(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().encode() + b">"


# --- masthead -----------------------------------------------------------------


def test_symbol_split_by_big_first_letter_is_rejoined() -> None:
    first = texts(A_80_179, 1)
    assert "A/80/179-S/2025/468" in first  # the hyphen is a real character of the text layer
    symbol = line_with(A_80_179, 1, "A/80/179")
    assert [s.size for s in symbol.spans if s.text in ("A", "S")] == [20.0, 20.0]
    assert not any(s.sup for s in symbol.spans)
    assert "A/HRC/WG.6/34/ITA/3" in texts(HRC_EN, 1)
    assert "A/HRC/WG.6/34/ITA/3" in texts(HRC_RU, 1)


def test_masthead_columns_are_read_block_by_block() -> None:
    first = texts(A_80_179, 1)
    expected = [
        "United Nations",
        "A/80/179-S/2025/468",
        "General Assembly",
        "Security Council",
        "Distr.: General",
        "16 July 2025",
        "Original: English",
        "General Assembly",
        "Eightieth session",
        "Item 66 (b) of the provisional agenda*",
    ]
    assert first[: len(expected)] == expected
    left_block_end = first.index("peace and sustainable development in Africa")
    assert first[left_block_end + 1 : left_block_end + 3] == ["Security Council", "Eightieth year"]
    assert first[left_block_end + 3] == "Promotion of durable peace through sustainable"


def test_title_call_raised_by_a_point_is_a_sup_span() -> None:
    title = line_with(A_80_179, 1, "development in Africa")
    assert title.spans[-1].text == "**" and title.spans[-1].sup
    assert title.bold


def test_fake_bold_masthead_is_deduplicated() -> None:
    first = texts(RES_EN, 1)
    assert first[:3] == ["UNITED", "NATIONS", "A"]
    assert not any("UUNN" in t or t == "AA" for t in first)
    assert texts(RES_ES, 1)[:3] == ["NACIONES", "UNIDAS", "A"]
    assert "A/RES/48/246" in first


# --- furniture ----------------------------------------------------------------


def test_job_number_footer_is_dropped_not_lost() -> None:
    dropped = {(d.source.page, d.kind, d.text) for d in read(A_80_179).dropped}
    assert (1, "job_number", "25-11624 (E) 290725") in dropped
    assert (1, "barcode", "*2511624*") in dropped
    assert (3, "job_number", "25-11624") in dropped
    assert (3, "page_number", "3/21") in dropped
    assert not any("25-11624" in line.text for line in read(A_80_179).lines)


def test_running_header_symbols_are_dropped_from_every_later_page() -> None:
    result = read(A_80_179)
    headers = [(d.source.page, d.text) for d in result.dropped if d.kind == "header"]
    assert headers == [(page, symbol) for page in range(2, 22) for symbol in ("A/80/179", "S/2025/468")]
    es = {(d.source.page, d.kind, d.text) for d in read(RES_ES).dropped}
    assert {(2, "header", "A/RES/48/246"), (2, "page_number", "Página 2"), (1, "continuation", "/...")} <= es


def test_barcode_in_symbol_font_is_dropped_as_barcode() -> None:
    barcodes = [d.text for d in read(HRC_EN).dropped if d.kind == "barcode"]
    assert barcodes == ["*1913879*"]
    assert ("job_number", "GE.19-13879(E)") in {(d.kind, d.text) for d in read(HRC_EN).dropped}


@pytest.mark.parametrize("path", [A_80_179, HRC_EN, RES_EN, RES_ES, NEGATIVE], ids=lambda p: p.name)
def test_no_char_is_lost_between_lines_and_dropped(path: Path) -> None:
    result = read(path)
    with pdfplumber.open(path) as pdf:
        expected = []
        for page in pdf.pages:
            expected.append(sum(ink(g.text) for g in chars_to_glyphs(plumber_chars(page.chars))))
            page.close()
    got = [0] * len(expected)
    for item in (*result.lines, *result.dropped):
        assert item.source.page is not None
        got[item.source.page - 1] += ink(line_characters(item) if isinstance(item, Line) else item.text)
    assert got == expected


# --- superscripts and footnote zones ------------------------------------------


def test_superscript_call_is_a_sup_span_on_its_own_line() -> None:
    line = line_with(A_80_179, 3, "overstretched institutions.")
    assert line.spans[-1].text == "1" and line.spans[-1].sup
    assert line.spans[-1].size < line.size
    assert "1" not in texts(A_80_179, 3)
    mid = line_with(A_80_188, 5, "large-scale renewables, particularly offshore projects.")
    assert "projects.8 These" in mid.text  # no space pushed in before a call


def test_footnotes_under_text_separator_are_in_footnote_zone() -> None:
    notes = [line for line in page_lines(A_80_179, 3) if line.zone == "footnote"]
    assert [line.spans[0].text for line in notes if line.spans[0].sup] == ["1", "2", "3"]
    assert notes[0].text.startswith("1 African Development Bank")
    assert notes[0].size == 8.5 and notes[0].footnote_block
    seps = [d for d in read(A_80_179).dropped if d.kind == "separator" and d.source.page == 3]
    assert [d.text for d in seps] == ["__________________"]


def test_drawn_separator_opens_footnote_zone_on_first_page() -> None:
    notes = [line.text for line in page_lines(A_80_179, 1) if line.zone == "footnote"]
    assert notes[0] == "* A/80/150."
    assert any(d.kind == "separator" and d.text == "" and d.source.page == 1 for d in read(A_80_179).dropped)


def test_calls_and_note_numbers_match_one_for_one() -> None:
    for path in (A_80_188, HRC_EN, HRC_RU):
        lines = read(path).lines
        calls = [s.text.strip() for line in lines if line.zone == "body" for s in line.spans if s.sup]
        marks = [line.spans[0].text.strip() for line in lines if line.zone == "footnote" and line.spans[0].sup]
        assert calls == marks
        assert calls == [str(n) for n in range(1, len(calls) + 1)]


def test_endnotes_section_is_footnote_zone() -> None:
    for path, heading in ((HRC_EN, "Notes"), (HRC_RU, "Примечания")):
        lines = read(path).lines
        at = next(i for i, line in enumerate(lines) if line.text == heading)
        assert lines[at].zone == "body"
        assert all(line.zone == "footnote" for line in lines[at + 1 :])
        assert lines[at + 1].spans[0].sup and lines[at + 1].spans[0].text == "1"
        assert lines[-1].text == "169 JS6, p.14."


def test_old_style_footnotes_follow_underscore_rule_and_underlines_are_not_rules() -> None:
    notes = [line.text for line in read(RES_EN).lines if line.zone == "footnote"]
    assert notes == ["1/ A/48/803.", "2/ See A/C.5/48/SR.59."]
    assert line_with(RES_EN, 1, "31 August 1993").zone == "body"


# --- line attributes ----------------------------------------------------------


def test_first_body_line_of_each_later_page_is_page_start() -> None:
    result = read(A_80_179)
    for page in range(1, result.pages + 1):
        body = [line for line in page_lines(A_80_179, page) if line.zone == "body"]
        assert [line.page_start for line in body] == [page > 1] + [False] * (len(body) - 1)


def test_paragraph_gap_sets_blank_before() -> None:
    assert line_with(A_80_179, 3, "2. In 2021").blank_before
    assert not line_with(A_80_179, 3, "annual report focused").blank_before
    assert line_with(RES_EN, 2, "1. Reaffirms").blank_before


def test_indent_is_in_ems_of_body_type_from_the_text_column() -> None:
    assert abs(line_with(A_80_179, 3, "annual report focused").indent) < 0.1
    assert line_with(A_80_179, 3, "I. Introduction").indent < -1.0  # the chapter number hangs left of the column
    assert line_with(A_80_179, 1, "The present report is submitted").indent == pytest.approx(2.4, abs=0.1)  # 24 pt at 10 pt
    assert line_with(RES_EN, 2, "1. Reaffirms").indent == pytest.approx(3.6, abs=0.05)


def test_pdf_lines_say_their_typography_and_breaks_are_measured() -> None:
    line = line_with(A_80_179, 3, "annual report focused")
    assert line.typeset and line.exact_breaks
    assert line.gap_before is not None and 0 <= line.gap_before < 0.8  # wrapped under the line above it


def test_heading_line_is_bold_with_its_size() -> None:
    heading = line_with(A_80_179, 3, "II. The State")
    assert heading.bold and heading.size == 14.0
    assert not line_with(A_80_179, 3, "4. Governments").bold


def test_negative_document_reads_as_plain_lines() -> None:
    result = read(NEGATIVE)
    assert result.pages == 1 and not result.dropped
    picture, first = result.lines[:2]  # the page's icon is an image, a figure without text
    assert picture.region is not None and picture.region.kind == "figure" and not picture.region.labels
    assert first.text.startswith("The document you are looking for does not exist")


def test_cyrillic_lines_keep_their_words_apart() -> None:
    words = {w for line in read(HRC_RU).lines for w in line.text.split()}
    assert {"проведено", "не"} <= words
    assert "Организация Объединенных Наций" in texts(HRC_RU, 1)


def test_no_space_between_han_characters(tmp_path: Path) -> None:
    content = (
        b"BT /F1 12 Tf 4 Tc 72 700 Td " + ucs2("可持续发展议程") + b" Tj ET"
        b" BT /F2 7 Tf 0 Tc 184 705 Td (1) Tj ET"
        b" BT /F1 12 Tf 190 700 Td " + ucs2("大会") + b" Tj ET"
        b" BT /F2 12 Tf 72 680 Td (2030) Tj 30 0 Td (A/73/254) Tj ET"
    )
    path = write(tmp_path, "zh.pdf", build_pdf(content, {"F1": SONG, "F2": HELVETICA}))
    first, second = read_pdf(path).lines
    assert [(s.text, s.sup) for s in first.spans] == [("可持续发展议程", False), ("1", True), ("大会", False)]
    assert second.text == "2030 A/73/254"


ZH_FIXTURES = sorted((FIXTURES / "zh").glob("*.pdf"))
HAN_GAP = regex.compile(r"\p{Han} +\p{Han}")


@pytest.mark.skipif(not ZH_FIXTURES, reason="no Chinese PDF fixtures rendered yet")
@pytest.mark.parametrize("path", ZH_FIXTURES, ids=lambda p: p.name)
def test_chinese_fixture_lines_have_no_space_between_han(path: Path) -> None:
    result = read_pdf(path)
    assert not [line.text for line in result.lines if HAN_GAP.search(line.text)]
    assert any(s.sup for line in result.lines if line.zone == "body" for s in line.spans)


# --- bad PDFs -----------------------------------------------------------------


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_corrupt_pdf_raises_corrupt_pdf_error(tmp_path: Path, cut: float) -> None:
    data = A_80_179.read_bytes()
    path = write(tmp_path, "truncated.pdf", data[: int(len(data) * cut)])
    with pytest.raises(CorruptPdf, match=r"truncated\.pdf: "):
        read_pdf(path)


def test_garbage_and_scrambled_bytes_raise_corrupt_pdf(tmp_path: Path) -> None:
    with pytest.raises(CorruptPdf):
        read_pdf(write(tmp_path, "garbage.pdf", b"%PDF-1.4\nnot really a pdf\n" * 50))
    scrambled = bytearray(RES_EN.read_bytes())
    rng = random.Random(7)
    for _ in range(400):
        scrambled[rng.randrange(200, len(scrambled))] = rng.randrange(256)
    with pytest.raises(CorruptPdf) as caught:
        read_pdf(write(tmp_path, "scrambled.pdf", bytes(scrambled)))
    assert "\n" not in str(caught.value)


def test_unreadable_page_raises_corrupt_pdf_naming_the_page(tmp_path: Path) -> None:
    broken_font = b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts 99 0 R >>"
    path = write(tmp_path, "page.pdf", build_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", {"F1": broken_font}))
    with pytest.raises(CorruptPdf, match="page 1"):
        read_pdf(path)


def test_malformed_page_box_raises_corrupt_pdf(tmp_path: Path) -> None:
    data = build_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", {"F1": HELVETICA}).replace(b"[0 0 595 842]", b"[0 0 x]")
    with pytest.raises(CorruptPdf):
        read_pdf(write(tmp_path, "box.pdf", data))


def test_encrypted_pdf_raises_encrypted_pdf_error(tmp_path: Path) -> None:
    encrypt = (
        b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
        b" /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] "
    )
    path = write(tmp_path, "locked.pdf", build_pdf(b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET", {"F1": HELVETICA}, encrypt))
    with pytest.raises(EncryptedPdf, match="password"):
        read_pdf(path)


def test_pdf_without_text_layer_raises_no_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", build_pdf(b"72 72 200 100 re f"))
    with pytest.raises(NoTextLayer, match="OCR"):
        read_pdf(path)


def test_glyphs_without_unicode_map_raise_unmapped_font(tmp_path: Path) -> None:
    rows = b"".join(b"BT /F1 10 Tf 72 %d Td <0011002200330044005500660077> Tj ET " % (700 - 12 * i) for i in range(40))
    path = write(tmp_path, "cid.pdf", build_pdf(rows, {"F1": NO_UNICODE_MAP}))
    with pytest.raises(UnmappedFont, match="cid"):
        read_pdf(path)


def test_empty_file_and_pdf_without_pages_are_empty_input(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput):
        read_pdf(write(tmp_path, "empty.pdf", b""))
    no_pages = build_pdf(b"").replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0").replace(b"/Type /Page ", b"/Type /Foo ")
    with pytest.raises(EmptyInput):
        read_pdf(write(tmp_path, "nopages.pdf", no_pages))


def test_rotated_text_reads_in_its_own_direction(tmp_path: Path) -> None:
    content = (
        b"BT /F1 12 Tf 72 700 Td (Body text) Tj ET"
        b" BT /F1 12 Tf 0 1 -1 0 300 400 Tm (Up label) Tj ET"
        b" BT /F1 12 Tf 0 -1 1 0 400 400 Tm (Down label) Tj ET"
    )
    path = write(tmp_path, "rotated.pdf", build_pdf(content, {"F1": HELVETICA}))
    assert [line.text for line in read_pdf(path).lines] == ["Body text", "Up label", "Down label"]
