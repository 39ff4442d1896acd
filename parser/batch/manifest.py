"""``DIR/manifest.jsonl``: one JSON line per input, appended as results arrive, compacted at the end.

Each line holds the input's ``path``, ``sha256``, ``symbol``, ``language``, ``status``,
``warnings`` (a count), ``error``, ``seconds``, ``pages``, the ``outputs`` written (names inside
``DIR``), the ``undoc`` version and the conversion ``options``. A crash of the batch can leave a
torn last line: reading skips it. A re-run skips an input whose sha256, undoc version and options
match an ``ok`` line whose outputs are still there and whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from .. import __version__
from ..errors import OutputError
from ..write.files import write_atomically
from ..xmlsafe import parse_xml_file
from .task import ConvertOptions, TaskResult

MANIFEST = "manifest.jsonl"
JSON_HEAD = 8192
"""Bytes of a JSON output read to find its ``source.sha256`` (it comes first in the file)."""
RECORD_KEYS = ("path", "sha256", "symbol", "language", "status", "warnings", "error", "code", "exit_code", "seconds",
               "pages", "outputs", "undoc", "options", "finished")  # fmt: skip


@dataclass(frozen=True, slots=True)
class ResumeKey:
    sha256: str
    version: str
    options: str

    @classmethod
    def of(cls, sha256: str, options: ConvertOptions, version: str = __version__) -> ResumeKey:
        return cls(sha256, version, json.dumps(options.as_dict(), sort_keys=True))


def result_to_record(result: TaskResult, options: ConvertOptions, finished: float) -> dict[str, Any]:
    data = result.as_dict()
    data.update(undoc=__version__, options=options.as_dict(), finished=round(finished, 3))
    return {key: data.get(key) for key in RECORD_KEYS}


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every well-formed record of the manifest, in order (torn or foreign lines are skipped)."""
    if not path.exists():
        return
    with path.open("r", encoding="utf-8", errors="replace") as manifest:
        for line in manifest:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                yield record


class Manifest:
    """The manifest of one output directory: resume look-ups, appending, compaction."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / MANIFEST
        self._good: dict[ResumeKey, dict[str, Any]] = {}
        try:
            records = list(read_records(self.path))
        except OSError as exc:
            raise OutputError(str(self.path), f"cannot read the manifest ({exc.strerror or exc})") from None
        for record in records:
            if record.get("status") == "ok" and isinstance(record.get("options"), dict):
                try:
                    options = ConvertOptions.from_dict(record["options"])
                except (KeyError, TypeError):
                    continue
                self._good[ResumeKey.of(str(record.get("sha256")), options, str(record.get("undoc")))] = record
        self._handle: BinaryIO | None = None

    def done(self, sha256: str, options: ConvertOptions) -> dict[str, Any] | None:
        """The earlier ``ok`` record for these bytes, this undoc version and these options, if its outputs are intact."""
        record = self._good.get(ResumeKey.of(sha256, options))
        if record is None or not sha256:
            return None
        outputs = record.get("outputs") or []
        if not outputs or not all(isinstance(name, str) and _intact(self.out_dir / name, sha256) for name in outputs):
            return None
        return record

    def append(self, record: dict[str, Any]) -> None:
        try:
            if self._handle is None:
                self._handle = self._open()
            data = memoryview((_dumps(record) + "\n").encode("utf-8"))
            while data:  # unbuffered: a failed write leaves nothing behind to fail again at exit
                data = data[self._handle.write(data) or 0 :]
        except OSError as exc:
            raise OutputError(str(self.path), f"cannot write the manifest ({exc.strerror or exc})") from None

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()

    def compact(self) -> None:
        """Rewrite the manifest with the last record of each path, in first-seen order (atomically)."""
        try:
            self.close()
            latest: dict[str, dict[str, Any]] = {}
            for record in read_records(self.path):
                latest[record["path"]] = record
        except OSError as exc:
            raise OutputError(str(self.path), f"cannot rewrite the manifest ({exc.strerror or exc})") from None
        text = "".join(_dumps(r) + "\n" for r in latest.values())
        write_atomically({self.path: text.encode("utf-8")})

    def _open(self) -> BinaryIO:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("ab", buffering=0)
        if handle.seek(0, os.SEEK_END) > 0:
            with self.path.open("rb") as existing:
                existing.seek(-1, os.SEEK_END)
                if existing.read(1) != b"\n":
                    handle.write(b"\n")  # after a torn last line
        return handle


def _dumps(record: dict[str, Any]) -> str:
    text = json.dumps(record, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name with undecodable bytes (surrogate escapes)
        text = json.dumps(record)
    return text


def _intact(path: Path, sha256: str) -> bool:
    """An earlier output is still there and whole: JSON that names these bytes and ends its object, or well-formed XML.

    (Outputs are renamed into place whole, so the JSON check reads only its head and its end.)
    """
    try:
        if path.suffix == ".json":
            with path.open("rb") as handle:
                head = handle.read(JSON_HEAD)
                handle.seek(max(0, path.stat().st_size - 16))
                end = handle.read()
            return f'"sha256": "{sha256}"'.encode() in head and end.rstrip().endswith(b"}")
        if path.suffix == ".xml":
            parse_xml_file(path)
            return True
    except (OSError, ValueError, etree.XMLSyntaxError):
        return False
    return path.is_file()
