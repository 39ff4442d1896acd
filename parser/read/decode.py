"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from ..errors import BinaryInput, EmptyInput, UndecodableText

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab, newline, carriage return, form feed.
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_PLAUSIBLE = regex.compile(r"[\p{Han}\p{Latin}\p{Cyrillic}\p{Arabic}\p{N}\p{P}\p{Zs}\n]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode a text file, or raise a one-line error saying why it is not text."""
    if not data.strip():
        raise EmptyInput(path, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding, path)
            except UnicodeDecodeError as exc:
                raise UndecodableText(path, f"invalid {encoding} after its byte-order mark at byte {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise BinaryInput(path, "binary data (NUL bytes), not a text or PDF document")
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise UndecodableText(path, f"not valid UTF-8 (byte {utf8_error.start}), UTF-16 or GB18030 text") from None
        if _plausible_share(text) < 0.9:
            raise UndecodableText(path, f"not valid UTF-8 (byte {utf8_error.start}), UTF-16 or GB18030 text") from None
        return _checked(text, "gb18030", path)


def _plausible_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 1.0
    return len(_PLAUSIBLE.findall(sample)) / len(sample)


def _checked(text: str, encoding: str, path: str) -> Decoded:
    if not text.strip():
        raise EmptyInput(path, "file holds only whitespace")
    controls = len(_BAD_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 200):
        raise BinaryInput(path, f"binary data ({controls} control characters), not a text document")
    return Decoded(text, encoding)
