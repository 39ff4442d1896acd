"""What a new user feeds undoc: Word, Office, images and archives get a one-line error naming the format and
what to do; text without a masthead or a symbol is read with a warning; a ``--symbol`` that contradicts the
document is used with a warning; ``-o -`` prints the format asked for."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from parser import parse_bytes
from parser.cli import main
from parser.errors import BinaryInput, CorruptDocx, ImageInput, UndocError, UnsupportedFormat
from parser.model import SourceInfo
from parser.read import source
from parser.read.sniff import FORMATS, sniff
from parser.xmlsafe import parse_xml_bytes

from .conftest import FIXTURES, SEED

RES_TXT = FIXTURES / "text" / "en" / "A_RES_80_5.txt"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def ole(stream: str) -> bytes:
    """The start of an OLE2 compound file whose directory names ``stream`` (as Word, Excel and PowerPoint write)."""
    return OLE + bytes(504) + stream.encode("utf-16-le") + bytes(600)


def image(kind: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format=kind)
    return out.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
CASES = [
    ("budget.xlsx", zipped({"[Content_Types].xml": b"", "xl/workbook.xml": b""}), UnsupportedFormat, "Excel .xlsx"),
    ("slides.pptx", zipped({"[Content_Types].xml": b"", "ppt/presentation.xml": b""}), UnsupportedFormat, "PowerPoint .pptx"),
    ("letter.odt", zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b""}), UnsupportedFormat,
     "OpenDocument text"),
    ("files.zip", zipped({"a.pdf": b"%PDF-1.4"}), UnsupportedFormat, "ZIP archive"),
    ("old.doc", ole("WordDocument"), UnsupportedFormat, "Word 97-2003 .doc"),
    ("old.xls", ole("Workbook"), UnsupportedFormat, "Excel 97-2003"),
    ("note.rtf", b"{\\rtf1\\ansi Hello}", UnsupportedFormat, "RTF document"),
    ("scan.png", image("PNG"), ImageInput, "PNG image"),
    ("scan.jpg", image("JPEG"), ImageInput, "JPEG image"),
    ("scan.gif", image("GIF"), ImageInput, "GIF image"),
    ("scan.tiff", image("TIFF"), ImageInput, "TIFF image"),
    ("scan.bmp", image("BMP"), ImageInput, "BMP image"),
]  # fmt: skip


@pytest.mark.parametrize("name, data, error, words", CASES, ids=[c[0] for c in CASES])
def test_a_known_binary_format_is_named_with_what_to_do(name: str, data: bytes, error: type[UndocError], words: str) -> None:
    with pytest.raises(error) as raised:
        parse_bytes(data, name)
    message = str(raised.value)
    assert message.startswith(f"{name}: ") and words in message and "\n" not in message
    assert "NUL bytes" not in message
    advice = {ImageInput: "OCR it first", UnsupportedFormat: "convert"}[error]
    assert advice in message
    if name.endswith((".doc", ".odt", ".rtf")):  # a word-processor file: undoc reads it once saved as .docx
        assert "save it as Word .docx" in message


def test_a_broken_docx_is_named_as_a_broken_word_file() -> None:
    with pytest.raises(CorruptDocx, match=r"^report\.docx: word/document\.xml is not well-formed XML") as raised:
        parse_bytes(DOCX, "report.docx")
    assert "\n" not in str(raised.value)


def test_the_format_comes_from_the_bytes_not_the_name() -> None:
    with pytest.raises(CorruptDocx):
        parse_bytes(DOCX, "renamed.txt")
    assert parse_bytes(RES_TXT.read_bytes(), "renamed.docx").symbol == "A/RES/80/5"
    with pytest.raises(BinaryInput, match="binary data"):
        parse_bytes(bytes(range(256)) * 8, "unknown.bin")


def test_each_refused_format_has_its_own_documented_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data, code in (("report.docx", DOCX, 16), ("letter.doc", ole("WordDocument"), 17), ("scan.png", image("PNG"), 18)):
        (tmp_path / name).write_bytes(data)
        assert main(["parse", str(tmp_path / name), "-o", str(tmp_path / "out")]) == code
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and str(tmp_path / name) in err[0]
    assert not (tmp_path / "out").exists()


def test_a_reader_for_a_refused_format_plugs_in_with_one_table_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_docx(data: bytes, name: str, path: str | None, digest: str) -> source.RawInput:
        text = source.raw_from_bytes(RES_TXT.read_bytes(), name)  # stands in for a Word reader's lines
        return source.RawInput(SourceInfo(name, name, "text", None, digest), text.lines, ())

    monkeypatch.setitem(source.READERS, "docx", read_docx)
    assert parse_bytes(DOCX, "report.docx").symbol == "A/RES/80/5"
    assert [f.name for f in FORMATS].count("docx") == 1 and sniff(DOCX) is not None


def test_a_shopping_list_parses_with_a_no_masthead_warning() -> None:
    doc = parse_bytes(b"1. Milk\n2. Eggs\n3. Bread\n", "shopping.txt")
    assert "no-masthead" in [w.code for w in doc.warnings]
    assert [p.text for p in doc.paragraphs()] == ["Milk", "Eggs", "Bread"]  # accepted, not refused


@pytest.mark.parametrize("extra", [{}, {"symbol": "A/1/2"}])
def test_un_texts_with_a_masthead_or_a_symbol_get_no_masthead_warning(extra: dict[str, Any]) -> None:
    stated = parse_bytes(RES_TXT.read_bytes(), "A_RES_80_5.txt", **extra)
    given = parse_bytes(b"1. Milk\n2. Eggs\n", "excerpt.txt", symbol="A/RES/80/5")
    assert "no-masthead" not in [w.code for w in stated.warnings + given.warnings]


def test_a_symbol_that_contradicts_the_document_is_used_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    doc = parse_bytes(RES_TXT.read_bytes(), "A_RES_80_5.txt", symbol="A/99/999")
    warning = next(w for w in doc.warnings if w.code == "symbol-overridden")
    assert "A/RES/80/5" in warning.message and "A/99/999" in warning.message and doc.symbol == "A/99/999"
    same = parse_bytes(RES_TXT.read_bytes(), "A_RES_80_5.txt", symbol="a/res/80/5 ")
    assert "symbol-overridden" not in [w.code for w in same.warnings]
    assert main(["parse", str(RES_TXT), "--symbol", "A/99/999", "-o", "-"]) == 0
    assert "symbol-overridden" in capsys.readouterr().err


def test_dash_output_prints_the_xml_when_xml_is_asked_for(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", str(SEED), "--symbol", "A/73/254", "-o", "-", "--format", "xml", "-q"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<?xml") and parse_xml_bytes(out).tag.endswith("akomaNtoso")
    assert main(["parse", str(SEED), "--symbol", "A/73/254", "-o", "-", "-q"]) == 0
    assert capsysbinary.readouterr().out.startswith(b'{\n  "format": "undoc/1"')
