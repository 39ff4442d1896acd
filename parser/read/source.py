"""Input files to ``Line`` streams: sniff the format, pick its reader, and say clearly why a file cannot be read.

The format comes from the bytes (``sniff.FORMATS``); ``READERS`` maps a format's name to its reader.
Bytes no format claims are decoded as text (plain or markdown).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EmptyInput, InputError, InputIsDirectory, InputNotFound, UndocError
from ..model import Dropped, Line, SourceInfo
from .decode import decode_bytes
from .pdf_source import DEFAULT_READER, pdf_reader
from .sniff import PDF_HEADER_WINDOW, sniff
from .text import looks_like_markdown, text_to_lines
from .text_style import rendering_style

if TYPE_CHECKING:
    from .pdf import PdfRead


@dataclass(frozen=True, slots=True)
class RawInput:
    info: SourceInfo
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]


def read_input(path: str | Path, reader: str = DEFAULT_READER) -> RawInput:
    """Read the file at ``path``; ``reader`` is the PDF character source (``pdf_source.READERS``)."""
    name = str(path)
    if not os.path.exists(name):
        raise InputNotFound(name, "no such file")
    if os.path.isdir(name):
        raise InputIsDirectory(name, "is a directory, not a document (use `undoc batch` for directories)")
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    return raw_from_bytes(data, name, name, reader)


def is_pdf(data: bytes) -> bool:
    sniffed = sniff(data[:PDF_HEADER_WINDOW])
    return sniffed is not None and sniffed.name == "pdf"


def raw_from_bytes(data: bytes, name: str, path: str | None = None, reader: str = DEFAULT_READER) -> RawInput:
    """Read ``data``; ``path``, when given, is the file the bytes came from (the PDF reader opens files)."""
    if not data:
        raise EmptyInput(name, "file is empty")
    digest = hashlib.sha256(data).hexdigest()
    sniffed = sniff(data)
    if sniffed is not None:
        read = READERS.get(sniffed.name)
        if read is None:
            raise sniffed.refusal(name)
        with pdf_reader(reader):
            return read(data, name, path, digest)
    decoded = decode_bytes(data, name)
    markdown = looks_like_markdown(decoded.text, name)
    read_text = text_to_lines(decoded.text, markdown=markdown)
    info = SourceInfo(name, Path(name).name, "markdown" if markdown else "text", decoded.encoding, digest,
                      None, read_text.front_matter, rendering_style(decoded.text, markdown=markdown))  # fmt: skip
    return RawInput(info, read_text.lines, ())


def _pdf_input(data: bytes, name: str, path: str | None, digest: str) -> RawInput:
    read = _read_pdf(data, name, path)
    info = SourceInfo(name, Path(name).name, "pdf", None, digest, read.pages)
    return RawInput(info, read.lines, read.dropped)


def _docx_input(data: bytes, name: str, path: str | None, digest: str) -> RawInput:
    from .docx import read_docx

    read = read_docx(data, name)
    info = SourceInfo(name, Path(name).name, "docx", None, digest, None)
    return RawInput(info, read.lines, read.dropped)


Reader = Callable[[bytes, str, str | None, str], RawInput]
"""``(data, name, path or None, sha256) → RawInput``: one per readable format of ``sniff.FORMATS`` (the PDF
character source asked for is ``pdf_source.chosen_reader()``)."""
READERS: dict[str, Reader] = {
    "pdf": _pdf_input,
    "docx": _docx_input,
}


def _read_pdf(data: bytes, name: str, path: str | None) -> PdfRead:
    """The PDF reader on ``path``, or on a temporary copy of ``data``; errors name ``name``, not the copy."""
    from .pdf import read_pdf

    if path is not None:
        return read_pdf(path)
    with tempfile.TemporaryDirectory(prefix="undoc-") as folder:
        copy = os.path.join(folder, "input.pdf")
        with open(copy, "wb") as handle:
            handle.write(data)
        try:
            return read_pdf(copy)
        except UndocError as error:
            raise type(error)(name, error.reason) from None
