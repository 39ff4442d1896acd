"""The per-file task of a batch: one ``Job`` to one small ``TaskResult``, the same for every engine.

``run_task`` runs inside a worker process (``parser.batch.sandbox``). It never raises: undoc's own
errors become status ``error`` with their code and exit code, running out of the memory limit
becomes ``memory``, anything else (a bug) becomes ``crash`` with a one-line message. The engines
add ``timeout`` (and ``crash`` for a worker that died) from outside.
"""

from __future__ import annotations

import errno
import gc
import importlib
import os
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..convert import FORMATS, Converted
from ..errors import OutputError, UndocError
from ..model import Document
from ..read.pdf_source import DEFAULT_READER
from ..write.files import write_atomically
from ..write.to_json import document_to_json
from ..write.to_xml import document_to_xml
from .names import base_stem, claim_stem, inside

STATUSES = ("ok", "error", "crash", "timeout", "memory")
"""``ok`` converted; ``error`` a documented undoc error; ``crash`` a bug or a dead worker;
``timeout`` over the per-file time limit; ``memory`` over the per-worker memory limit."""
DEFAULT_CONVERTER = "parser.convert:convert"


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """What every file of a batch is converted with; part of the resume key."""

    formats: tuple[str, ...] = FORMATS
    language: str | None = None
    tokens: bool = False
    strict: bool = False
    reader: str = DEFAULT_READER
    """The PDF character source (``pdf_source.READERS``)."""
    converter: str = DEFAULT_CONVERTER
    """``module:function`` with the signature of ``parser.convert.convert`` (a hook for tests and extensions)."""

    def as_dict(self) -> dict[str, Any]:
        return {"formats": list(self.formats), "language": self.language, "tokens": self.tokens,
                "strict": self.strict, "reader": self.reader, "converter": self.converter}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConvertOptions:
        reader = str(data.get("reader", DEFAULT_READER))  # a manifest written before readers could be chosen
        return cls(tuple(data["formats"]), data["language"], bool(data["tokens"]), bool(data["strict"]), reader,
                   data["converter"])  # fmt: skip


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    sha256: str
    """Of the input's bytes as the batch read them ("" when it could not read them)."""
    out_dir: str
    options: ConvertOptions = field(default_factory=ConvertOptions)

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "out_dir": self.out_dir, "options": self.options.as_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        return cls(data["path"], data["sha256"], data["out_dir"], ConvertOptions.from_dict(data["options"]))


@dataclass(frozen=True, slots=True)
class TaskResult:
    path: str
    sha256: str
    status: str
    seconds: float
    symbol: str | None = None
    language: str | None = None
    pages: int | None = None
    warnings: int = 0
    outputs: tuple[str, ...] = ()
    """File names inside the output directory."""
    code: str | None = None
    exit_code: int | None = None
    error: str | None = None
    rss_mb: float | None = None
    """Resident memory of the worker right after this file (to see growth from file to file)."""
    peak_rss_mb: float | None = None
    worker: int | None = None
    """Process id of the worker that ran the file."""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["outputs"] = list(self.outputs)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TaskResult:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["outputs"] = tuple(values.get("outputs") or ())
        return cls(**values)


def failure(job: Job, status: str, message: str, seconds: float, *, code: str | None = None,
            exit_code: int | None = None) -> TaskResult:  # fmt: skip
    """A result for a file that did not convert, with a one-line message."""
    return TaskResult(job.path, job.sha256, status, round(seconds, 3), code=code or status, exit_code=exit_code,
                      error=one_line(message))  # fmt: skip


def run_task(job: Job) -> TaskResult:
    """Convert ``job.path`` and write its outputs under a claimed, safe name; never raises."""
    start = time.perf_counter()
    try:
        doc = _converter(job.options.converter)(job.path, None, formats=job.options.formats,
                                                language=job.options.language, tokens=job.options.tokens,
                                                strict=job.options.strict, reader=job.options.reader).document  # fmt: skip
        outputs = _write(doc, job)
        result = TaskResult(job.path, job.sha256 or doc.source.sha256, "ok", 0.0, doc.symbol, doc.language,
                            doc.source.pages, len(doc.warnings), outputs)  # fmt: skip
    except UndocError as error:
        result = failure(job, "error", str(error), 0.0, code=error.code, exit_code=error.exit_code)
    except Exception as error:
        if isinstance(error, MemoryError) or (isinstance(error, OSError) and error.errno == errno.ENOMEM):
            result = failure(job, "memory", f"{job.path}: over the worker's memory limit", 0.0)
        else:  # a bug: recorded, and the batch goes on
            result = failure(job, "crash", f"{type(error).__name__}: {error}{_where(error)}", 0.0, exit_code=70)
    gc.collect()
    rss, peak = memory_mb()
    fields_ = {f.name: getattr(result, f.name) for f in fields(TaskResult)}
    seconds = round(time.perf_counter() - start, 3)
    return TaskResult(**{**fields_, "seconds": seconds, "rss_mb": rss, "peak_rss_mb": peak, "worker": os.getpid()})


def one_line(message: str, limit: int = 400) -> str:
    return " ".join(message.split())[:limit]


def memory_mb() -> tuple[float | None, float]:
    """This process's resident memory now (Linux only, else ``None``) and at its peak, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None, round(peak, 1)
    return round(rss, 1), round(peak, 1)


def _write(doc: Document, job: Job) -> tuple[str, ...]:
    out_dir = Path(job.out_dir)
    try:
        stem = claim_stem(out_dir, base_stem(doc.symbol, doc.language), job.sha256 or doc.source.sha256)
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot claim an output name ({exc.strerror or exc})") from None
    files: dict[Path, bytes] = {}
    if "json" in job.options.formats:
        files[inside(out_dir, f"{stem}.json")] = document_to_json(doc, tokens=job.options.tokens).encode("utf-8")
    if "xml" in job.options.formats:
        files[inside(out_dir, f"{stem}.xml")] = document_to_xml(doc)
    write_atomically(files)
    return tuple(p.name for p in files)


def _converter(name: str) -> Callable[..., Converted]:
    module, _, function = (name or DEFAULT_CONVERTER).partition(":")
    converter: Callable[..., Converted] = getattr(importlib.import_module(module), function)
    return converter


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    return f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
