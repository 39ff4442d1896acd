"""The ``.docx`` package: a zip of XML parts, opened with limits and parsed with everything external off.

A Word file is untrusted input. Before any part is parsed the archive is checked: member names must be
plain relative paths (no ``..``, no absolute or drive paths), the number of members and the size each
declares are bounded, and a part is decompressed only up to ``MAX_PART_BYTES`` (a member that inflates
beyond it, whatever its header claims, is a zip bomb). XML is parsed by lxml with entity resolution, DTD
loading and network access off, and a part that declares a DTD at all is refused: Office Open XML has
none, so one is either a broken file or an attack (``billion laughs``, external entities).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from ...errors import CorruptDocx, UnsafeDocx

MAX_MEMBERS = 5000
"""Members: Word files have tens; thousands of tiny members is a way to exhaust the reader."""
MAX_PART_BYTES = 256 << 20
"""Bytes one part may inflate to (a 100-page report's ``document.xml`` is a few MiB)."""
MAX_TOTAL_BYTES = 1 << 30
"""Bytes all the parts undoc reads may inflate to together."""
MAX_RATIO = 200
"""Inflated to compressed size: XML compresses about 10:1; far beyond this a part is a bomb."""
RATIO_FLOOR = 1 << 20
"""Bytes: parts smaller than this are never judged by their ratio (a small repetitive part compresses well)."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
"""The WordprocessingML namespace, as lxml writes it in tags and attribute names."""
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Package:
    """The parts of one ``.docx`` undoc reads, each parsed on demand."""

    name: str
    archive: zipfile.ZipFile

    def has(self, part: str) -> bool:
        try:
            self.archive.getinfo(part)
        except KeyError:
            return False
        return True

    def xml(self, part: str) -> etree._Element:
        """The root element of ``part``; a missing or malformed part is a ``CorruptDocx``."""
        if not self.has(part):
            raise CorruptDocx(self.name, f"the Word file has no {part} part")
        data = self._inflate(part)
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise UnsafeDocx(self.name, f"{part} declares a DTD or entities, which Word files never do")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise CorruptDocx(self.name, f"{part} is not well-formed XML ({exc.msg})") from None
        if root.getroottree().docinfo.internalDTD is not None:
            raise UnsafeDocx(self.name, f"{part} declares a DTD, which Word files never do")
        return root

    def optional(self, part: str) -> etree._Element | None:
        return self.xml(part) if self.has(part) else None

    def relationships(self, part: str) -> dict[str, str]:
        """``rId`` → target part name (resolved against ``part``'s folder) of ``part``'s relationships."""
        folder, base = posixpath.split(part)
        rels = self.optional(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return {}
        out: dict[str, str] = {}
        for rel in rels.iter(_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
            out[rel.get("Id", "")] = resolved
        return out

    def _inflate(self, part: str) -> bytes:
        info = self.archive.getinfo(part)
        try:
            with self.archive.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise CorruptDocx(self.name, f"{part} cannot be decompressed ({exc})") from None
        if len(data) > MAX_PART_BYTES:
            raise UnsafeDocx(self.name, f"{part} inflates to more than {MAX_PART_BYTES >> 20} MiB (a zip bomb?)")
        return data


def open_package(data: bytes, name: str) -> Package:
    """Open and check the archive (names, member count, declared sizes); parts are read later, with limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocx(name, f"not a readable Word file (the zip is broken: {exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise UnsafeDocx(name, f"the Word file has {len(infos)} parts (more than {MAX_MEMBERS})")
    total = 0
    for info in infos:
        if not safe_member_name(info.filename):
            raise UnsafeDocx(name, f"the Word file has a part named {info.filename!r}, outside the package")
        total += info.file_size
        ratio_bomb = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or ratio_bomb:
            raise UnsafeDocx(name, f"{info.filename} inflates to {info.file_size} bytes from {info.compress_size} (a zip bomb?)")
    if total > MAX_TOTAL_BYTES:
        raise UnsafeDocx(name, f"the Word file inflates to {total} bytes (more than {MAX_TOTAL_BYTES >> 20} MiB)")
    return Package(name, archive)


def safe_member_name(member: str) -> bool:
    """A plain relative path inside the package: no ``..`` step, no absolute, drive or backslash path.

    >>> [safe_member_name(n) for n in ("word/document.xml", "../evil.xml", "/etc/passwd", "C:x", "a\\\\b")]
    [True, False, False, False, False]
    """
    if not member or member.startswith("/") or "\\" in member or ":" in member or "\x00" in member:
        return False
    return ".." not in member.split("/")
