"""Text files in the encodings UN renderings come in, and clear errors for the rest."""

from __future__ import annotations

import codecs

import pytest

from parser.errors import BinaryInput, EmptyInput, UndecodableText
from parser.read.decode import decode_bytes

TEXT = "1. 大会第 52/17 号决议宣布 2001 年为志愿人员国际年。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb18030"],
)
def test_supported_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_empty_and_whitespace_files_are_empty_input() -> None:
    with pytest.raises(EmptyInput):
        decode_bytes(b"", "x.txt")
    with pytest.raises(EmptyInput):
        decode_bytes(b" \n\t\n", "x.txt")


def test_binary_junk_is_reported_as_binary() -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(256)) * 8, "x.bin")


def test_bytes_that_no_supported_encoding_reads_are_undecodable() -> None:
    with pytest.raises(UndecodableText) as error:
        decode_bytes(b"\x81\x30\xff\xfe\xfd" * 50, "x.txt")
    assert "x.txt" in str(error.value) and "\n" not in str(error.value)


def test_invalid_utf16_after_a_bom_is_undecodable() -> None:
    with pytest.raises(UndecodableText):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "x.txt")
