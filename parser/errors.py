"""undoc's exception family: one class per exit code of the ``undoc`` command.

Every error undoc raises on purpose is an ``UndocError``; its message is one line that names the
file (or the option) and says what is wrong, ``code`` is a short stable name (the ``code`` of a
batch manifest line) and ``exit_code`` is what the CLI exits with. Catch ``UndocError`` to handle
them all, or a subclass for one kind:

>>> from parser import parse_bytes
>>> from parser.errors import UndocError
>>> try:
...     parse_bytes(b"", "empty.txt")
... except UndocError as error:
...     print(error.code, error.exit_code, error)
empty 12 empty.txt: file is empty

``exit_codes()`` lists every code the CLI can exit with, including those that are not errors.
"""

from __future__ import annotations


class UndocError(Exception):
    """Base of every error undoc raises on purpose; ``path`` is the file or option concerned."""

    exit_code = 1
    code = "error"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(UndocError):
    """A bad command line: an unknown option value, a number out of range, a missing argument."""

    exit_code = 2
    code = "usage"


class EngineError(UndocError):
    """The batch engine cannot start: dask is not installed, or the scheduler cannot be reached."""

    exit_code = 3
    code = "engine"


class StrictModeFailure(UndocError):
    """``--strict`` and the document has numbering warnings."""

    exit_code = 4
    code = "strict"


class InputError(UndocError):
    """The input cannot be read as a document at all (the file is missing or cannot be opened)."""

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
    """Bytes that are neither text nor PDF nor a format undoc recognises."""

    exit_code = 13
    code = "binary"


class UndecodableText(InputError):
    exit_code = 14
    code = "undecodable"


class NotAUNDocument(UndocError):
    """Readable, but shows no UN document structure (no numbering, no masthead)."""

    exit_code = 15
    code = "not-un-document"


class CorruptDocx(InputError):
    """A Word ``.docx`` that cannot be read: the zip is broken, a part it needs is missing, its XML is malformed."""

    exit_code = 16
    code = "corrupt-docx"


class UnsafeDocx(InputError):
    """A Word ``.docx`` built to harm its reader: a zip bomb, part names outside the package, XML with a DTD or entities."""

    exit_code = 24
    code = "unsafe-docx"


class UnsupportedFormat(InputError):
    """A known format undoc does not read: Word 97-2003, OpenDocument, spreadsheets, slides, archives, RTF."""

    exit_code = 17
    code = "unsupported-format"


class ImageInput(InputError):
    """An image (PNG, JPEG, GIF, TIFF, ...): there is no text to read until it is OCRed."""

    exit_code = 18
    code = "image"


class NotAPdf(InputError):
    """A command that draws PDF pages (``undoc inspect``) was given another kind of file."""

    exit_code = 19
    code = "not-pdf"


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


class OutputError(UndocError):
    """An output cannot be written: the folder is read-only, the disk is full, a name is unsafe."""

    exit_code = 30
    code = "output"


class OutputExists(OutputError):
    """``undoc parse`` would replace an output written from another input (``--force`` replaces it)."""

    exit_code = 31
    code = "output-exists"


class AlignmentError(UndocError):
    """Inputs that cannot be aligned (different symbols without ``--force``)."""

    exit_code = 40
    code = "alignment"


EXIT_OK = 0
EXIT_SOME_FAILED = 5
"""``undoc batch`` ran to its end but at least one input failed (see the manifest)."""
EXIT_INTERNAL = 70
"""A bug: an exception undoc did not expect."""
EXIT_INTERRUPTED = 130
"""Ctrl-C (SIGINT)."""


def error_classes() -> tuple[type[UndocError], ...]:
    """Every concrete error class, in exit-code order."""
    found: list[type[UndocError]] = []
    todo: list[type[UndocError]] = [UndocError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return tuple(sorted((c for c in found if c.__module__ == __name__ and c is not UndocError), key=lambda c: c.exit_code))


def exit_codes() -> dict[int, str]:
    """Every exit code of the ``undoc`` command and what it means (the README's table lists exactly these)."""
    codes = {EXIT_OK: "converted", EXIT_SOME_FAILED: "some batch inputs failed", EXIT_INTERNAL: "internal error",
             EXIT_INTERRUPTED: "interrupted"}  # fmt: skip
    for cls in error_classes():
        codes.setdefault(cls.exit_code, cls.code)
    return dict(sorted(codes.items()))
