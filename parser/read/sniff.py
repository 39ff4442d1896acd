"""What kind of file the bytes are, from their content (never from the file name).

``FORMATS`` is one table, tried in order: each row has a name, a label for messages, a test on the
bytes and, for a format undoc does not read, the error to raise and what the user can do. Text has
no row: bytes no row claims go to the text decoder. A reader is attached to a row's name in
``parser.read.source.READERS``; a row with a reader is read, a row without one is refused with its
message.

>>> sniff(b"%PDF-1.7 ...").name
'pdf'
>>> sniff(b"\\x89PNG\\r\\n\\x1a\\n....").label
'a PNG image'
>>> sniff("1. Plain text".encode()) is None
True
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ImageInput, InputError, UnsupportedFormat

PDF_HEADER_WINDOW = 1024
"""Bytes: a PDF's ``%PDF-`` header may follow up to this much junk (what PDF viewers accept)."""
ZIP_HEADER_WINDOW = 1 << 20
"""Bytes of a damaged zip searched for the local headers of its members."""
OLE_STREAM_WINDOW = 1 << 16
"""Bytes of a Word 97-2003 (OLE2) file searched for the name of its main stream."""

_OCR = "OCR it first (for example into a PDF with a text layer) and convert that"
_SAVE = "save it as PDF or plain text and convert that"
_SAVE_WORD = "open it in a word processor, save it as Word .docx (or PDF) and convert that"


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    """How a message names it: ``a PNG image``, ``a Word .docx document``."""
    test: Callable[[bytes], bool]
    error: type[InputError] = UnsupportedFormat
    advice: str = _SAVE
    """What to do instead (for a format no reader is attached to)."""

    def refusal(self, path: str) -> InputError:
        """The one-line error for a file of this format when undoc has no reader for it."""
        return self.error(path, f"{self.label}, not a text, PDF or Word .docx document: {self.advice}")


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(magics)


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:PDF_HEADER_WINDOW]


def _zip_names(data: bytes) -> tuple[set[str], bytes]:
    """The member names of a ZIP file and its ``mimetype`` member (OpenDocument, EPUB); empty when unreadable."""
    if not data.startswith(b"PK\x03\x04"):
        return set(), b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        return set(), b""
    return names, mimetype


def _zip_member(member: str) -> Callable[[bytes], bool]:
    return lambda data: member in _zip_names(data)[0]


def _zip_folder(folder: str) -> Callable[[bytes], bool]:
    """A member in ``folder``: a Word file that lost its ``word/document.xml`` is still a (broken) Word file, and so
    is a zip too damaged to list (truncated: no central directory) whose local headers name a part in ``folder``."""

    def test(data: bytes) -> bool:
        names = _zip_names(data)[0]
        if names:
            return any(name.startswith(folder) for name in names)
        return data.startswith(b"PK\x03\x04") and _local_names(data, folder)

    return test


def _local_names(data: bytes, folder: str) -> bool:
    """Whether one of the local file headers in the first ``ZIP_HEADER_WINDOW`` bytes names a member in ``folder``."""
    window = data[:ZIP_HEADER_WINDOW]
    start = window.find(b"PK\x03\x04")
    while start != -1 and start + 30 <= len(window):
        length = int.from_bytes(window[start + 26 : start + 28], "little")
        if window[start + 30 : start + 30 + length].decode("cp437").startswith(folder):
            return True
        start = window.find(b"PK\x03\x04", start + 4)
    return False


def _zip_mimetype(prefix: bytes) -> Callable[[bytes], bool]:
    return lambda data: _zip_names(data)[1].startswith(prefix)


def _ole_stream(name: str) -> Callable[[bytes], bool]:
    """An OLE2 compound file (Office 97-2003) whose directory names this stream."""
    utf16 = name.encode("utf-16-le")
    return lambda data: data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and utf16 in data[:OLE_STREAM_WINDOW]


def _is_tiff(data: bytes) -> bool:
    return data.startswith((b"II*\x00", b"MM\x00*"))


def _is_webp(data: bytes) -> bool:
    return data.startswith(b"RIFF") and data[8:12] == b"WEBP"


def _is_bmp(data: bytes) -> bool:
    """``BM`` and a file size field that matches: two letters alone would also start plain text."""
    return data.startswith(b"BM") and len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data)


FORMATS: tuple[Format, ...] = (
    Format("docx", "a Word .docx document", _zip_folder("word/")),
    Format("xlsx", "an Excel .xlsx spreadsheet", _zip_member("xl/workbook.xml")),
    Format("pptx", "a PowerPoint .pptx presentation", _zip_member("ppt/presentation.xml")),
    Format("odt", "an OpenDocument text (.odt)", _zip_mimetype(b"application/vnd.oasis.opendocument.text"), advice=_SAVE_WORD),
    Format("ods", "an OpenDocument spreadsheet (.ods)", _zip_mimetype(b"application/vnd.oasis.opendocument.spreadsheet")),
    Format("odp", "an OpenDocument presentation (.odp)", _zip_mimetype(b"application/vnd.oasis.opendocument.presentation")),
    Format("epub", "an EPUB book", _zip_mimetype(b"application/epub+zip")),
    Format("zip", "a ZIP archive", _starts(b"PK\x03\x04", b"PK\x05\x06"), advice="extract it and convert the files inside"),
    Format("doc", "a Word 97-2003 .doc document", _ole_stream("WordDocument"), advice=_SAVE_WORD),
    Format("xls", "an Excel 97-2003 .xls spreadsheet", _ole_stream("Workbook")),
    Format("ppt", "a PowerPoint 97-2003 .ppt presentation", _ole_stream("PowerPoint Document")),
    Format("ole", "a Microsoft Office 97-2003 file", _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
    Format("rtf", "an RTF document", _starts(b"{\\rtf"), advice=_SAVE_WORD),
    Format("png", "a PNG image", _starts(b"\x89PNG\r\n\x1a\n"), ImageInput, _OCR),
    Format("jpeg", "a JPEG image", _starts(b"\xff\xd8\xff"), ImageInput, _OCR),
    Format("gif", "a GIF image", _starts(b"GIF87a", b"GIF89a"), ImageInput, _OCR),
    Format("tiff", "a TIFF image", _is_tiff, ImageInput, _OCR),
    Format("webp", "a WebP image", _is_webp, ImageInput, _OCR),
    Format("bmp", "a BMP image", _is_bmp, ImageInput, _OCR),
    Format("gzip", "a gzip archive", _starts(b"\x1f\x8b"), advice="extract it and convert the files inside"),
    Format("7z", "a 7-Zip archive", _starts(b"7z\xbc\xaf\x27\x1c"), advice="extract it and convert the files inside"),
    Format("rar", "a RAR archive", _starts(b"Rar!\x1a\x07"), advice="extract it and convert the files inside"),
    Format("pdf", "a PDF document", _is_pdf),  # last: its header may follow other bytes
)  # fmt: skip


def sniff(data: bytes) -> Format | None:
    """The first format of ``FORMATS`` the bytes are in, or ``None`` (text, or bytes the text decoder judges)."""
    return next((f for f in FORMATS if f.test(data)), None)
