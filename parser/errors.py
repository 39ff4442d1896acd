"""undoc's exception family. The CLI maps each class to its own exit code.

Every message is one line that names the file and says what is wrong.
"""

from __future__ import annotations


class UndocError(Exception):
    """Base of every error undoc raises on purpose."""

    exit_code = 1
    code = "error"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(UndocError):
    """The input cannot be read as a document at all."""

    exit_code = 10
    code = "input"


class InputNotFound(InputError):
    exit_code = 10
    code = "not-found"


class InputIsDirectory(InputError):
    exit_code = 11
    code = "is-directory"


class EmptyInput(InputError):
    exit_code = 12
    code = "empty"


class BinaryInput(InputError):
    """Bytes that are neither text nor PDF."""

    exit_code = 13
    code = "binary"


class UndecodableText(InputError):
    exit_code = 14
    code = "undecodable"


class NotAUNDocument(UndocError):
    """Readable, but shows no UN document structure (no numbering, no masthead)."""

    exit_code = 15
    code = "not-un-document"


class PdfError(UndocError):
    exit_code = 20
    code = "pdf"


class CorruptPdf(PdfError):
    exit_code = 20
    code = "corrupt-pdf"


class EncryptedPdf(PdfError):
    exit_code = 21
    code = "encrypted-pdf"


class NoTextLayer(PdfError):
    exit_code = 22
    code = "no-text-layer"


class UnmappedFont(PdfError):
    """Glyphs come out as ``(cid:NNN)``: a font without a Unicode map."""

    exit_code = 23
    code = "unmapped-font"


class StrictModeFailure(UndocError):
    """``--strict`` and the document has numbering warnings."""

    exit_code = 4
    code = "strict"


class OutputError(UndocError):
    exit_code = 30
    code = "output"


class AlignmentError(UndocError):
    """Inputs that cannot be aligned (different symbols without ``--force``)."""

    exit_code = 40
    code = "alignment"
