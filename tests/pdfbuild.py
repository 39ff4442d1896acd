"""Tiny hand-made PDF files for the reader tests: one serializer, one one-page layout."""

from __future__ import annotations

from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_file(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A well-formed PDF file around ``objects`` (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def build_pdf(
    content: bytes, fonts: dict[str, bytes] | None = None, trailer: bytes = b"", extra: tuple[bytes, ...] = ()
) -> bytes:
    """A one-page A4 PDF: this content stream, these font dictionaries (objects 5, 6, ...), then ``extra``
    objects, and these extra trailer entries."""
    fonts = fonts or {}
    refs = b" ".join(b"/%s %d 0 R" % (name.encode(), 5 + i) for i, name in enumerate(fonts))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << " + refs + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *fonts.values(),
        *extra,
    ]
    return pdf_file(objects, trailer)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def build_pages(pages: list[tuple[bytes, tuple[int, int]]], fonts: dict[str, bytes] | None = None) -> bytes:
    """A PDF of several pages, each a content stream and its size in points (``(842, 595)``: A4 landscape);
    the fonts are shared by every page."""
    fonts = fonts or {}
    first_font = 3 + 2 * len(pages)
    refs = b" ".join(b"/%s %d 0 R" % (name.encode(), first_font + i) for i, name in enumerate(fonts))
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))]
    for i, (content, (width, height)) in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << " % (width, height)
            + refs
            + b" >> >> /Contents %d 0 R >>" % (4 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return pdf_file([*objects, *fonts.values()])
