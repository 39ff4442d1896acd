"""A whole batch: expand the inputs, skip what is already done, run the rest on an engine, keep the manifest.

Only this process writes the manifest, one line as each result arrives, so a crash or Ctrl-C
loses at most the files in flight; their outputs are written atomically by the workers, and the
next run converts them again. A lock file keeps two batches from writing into one directory.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from .inputs import expand_inputs
from .manifest import Manifest, result_to_record
from .names import STATE_DIR
from .progress import Progress
from .task import ConvertOptions, Job, TaskResult

ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class BatchSettings:
    inputs: tuple[str, ...]
    out_dir: Path
    options: ConvertOptions = field(default_factory=ConvertOptions)
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    """Dask scheduler address (``tcp://host:8786``), or ``local``/``local:N`` for a LocalCluster."""
    timeout: float | None = 300.0
    """Seconds one file may take; ``None`` for no limit."""
    memory_mb: int = 4096
    """Address-space limit of each worker process in MiB; 0 for none."""
    force: bool = False
    """Convert every input again, even those the manifest says are done."""
    progress: bool = True


@dataclass(frozen=True, slots=True)
class BatchSummary:
    results: tuple[TaskResult, ...]
    """This run's results, in completion order (skipped inputs excluded)."""
    skipped: int
    seconds: float

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.status for r in self.results)

    @property
    def pages(self) -> int:
        return sum(r.pages or 0 for r in self.results)

    @property
    def failures(self) -> tuple[TaskResult, ...]:
        return tuple(r for r in self.results if r.status != "ok")

    def describe(self) -> str:
        counts = self.counts
        rate = len(self.results) / self.seconds if self.seconds else 0.0
        page_rate = self.pages / self.seconds if self.seconds else 0.0
        failed = ", ".join(f"{counts[s]} {s}" for s in ("error", "timeout", "memory", "crash") if counts[s])
        return (f"{len(self.results) + self.skipped} inputs: {counts['ok']} converted, {self.skipped} already done"
                f"{', ' + failed if failed else ''}; {self.pages} pages in {self.seconds:.1f} s "
                f"({rate:.2f} files/s, {page_rate:.1f} pages/s)")  # fmt: skip


def run_batch_settings(settings: BatchSettings, on_result: Callable[[TaskResult], None] | None = None) -> BatchSummary:
    """Run one batch; failed files are recorded in the manifest and the summary, never raised."""
    start = time.perf_counter()
    out_dir = settings.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot create the output directory ({exc.strerror or exc})") from None
    with _locked(out_dir):
        _remove_partial_files(out_dir)
        manifest = Manifest(out_dir)
        jobs: list[Job] = []
        skipped = 0
        for path in expand_inputs(settings.inputs, exclude=out_dir):
            sha = file_sha256(path)
            if not settings.force and sha and manifest.done(sha, settings.options) is not None:
                skipped += 1
                continue
            jobs.append(Job(str(path), sha, str(out_dir), settings.options))
        results: list[TaskResult] = []
        with Progress(len(jobs) + skipped, enabled=settings.progress, skipped=skipped) as progress:

            def record(result: TaskResult) -> None:
                manifest.append(result_to_record(result, settings.options, time.time()))
                results.append(result)
                progress.update(result)
                if on_result is not None:
                    on_result(result)

            try:
                _engine(settings, jobs, record)
            except BaseException:
                with suppress(OutputError):  # the error on its way says more than a failed compaction
                    manifest.compact()
                raise
            manifest.compact()
    return BatchSummary(tuple(results), skipped, time.perf_counter() - start)


def _engine(settings: BatchSettings, jobs: list[Job], record: Callable[[TaskResult], None]) -> None:
    if settings.engine == "dask":
        from .dask_engine import run_dask

        run_dask(jobs, scheduler=settings.scheduler, workers=settings.workers, timeout=settings.timeout,
                 memory_mb=settings.memory_mb, on_result=record)  # fmt: skip
    else:
        from .local import run_local

        run_local(jobs, workers=settings.workers, timeout=settings.timeout, memory_mb=settings.memory_mb, on_result=record)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, as the manifest records each input (``""`` when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""  # the worker reports why it cannot be read
    return digest.hexdigest()


def _remove_partial_files(out_dir: Path) -> None:
    """Temporary ``.name.XXXX.part`` files of a batch that was killed while writing."""
    for partial in out_dir.glob(".*.part"):
        with suppress(OSError):
            partial.unlink()


@contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    state = out_dir / STATE_DIR
    try:
        state.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(str(state), f"cannot write to the output directory ({exc.strerror or exc})") from None
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    try:
        handle = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(str(state / "lock"), f"cannot write to the output directory ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(str(out_dir), "another undoc batch is writing to this directory") from None
        yield
    finally:
        os.close(handle)
