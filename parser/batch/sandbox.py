"""A worker process that converts one file at a time, and can be killed and replaced when a file hangs.

The engines never convert in their own process: each worker slot owns a ``Sandbox``, a child
Python with an address-space limit (``RLIMIT_AS``), fed one job per line of JSON on its stdin and
answering one result per line on its stdout. A file that takes longer than the timeout gets its
worker killed (and a fresh one started for the next file); a worker that dies (a segfault in a PDF
library, the kernel's OOM killer) is recorded as ``crash`` with the headline and last lines of its
stderr (as ``memory`` when, under a memory limit, those say it ran out), and replaced. The child
exits by itself when its parent goes away.

The child is an isolated interpreter (``python -I``: no current folder, no ``PYTHON*`` variables,
no user site) whose import path is the parent's with the folder that holds this ``parser``
package first, so that it imports the same undoc as the parent and never a ``parser.py`` or
``parser/`` in the folder it was started from.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path
from typing import IO

import regex

from .task import Job, TaskResult, failure, run_task

STARTUP_TIMEOUT = 120.0
"""Seconds a new worker may take to import undoc before it is given up on."""
STDERR_LINES = 60
"""Last lines of a worker's stderr kept, to tell why it died (a crash dump runs to some 40 lines)."""
SHOWN_LINES = 3
"""Of those, how many go into the manifest: the error's headline first, then the last lines."""
LINE_CHARS = 90
"""Characters of each shown line at most (a manifest error line holds 400)."""
_OUT_OF_MEMORY = regex.compile(r"MemoryError|Cannot allocate memory|out of memory|bad_alloc", regex.IGNORECASE)
"""What a worker that died of its memory limit says last (Python's fatal error, C++'s ``std::bad_alloc``)."""
_HEADLINE = regex.compile(r"(?:Fatal Python error|Segmentation fault|Killed|terminate called|[\w.]*(?:Error|Exception)\b)")
DRAIN_SECONDS = 2.0
"""How long to wait for a dead worker's last stderr lines to arrive."""
PACKAGE_HOME = str(Path(__file__).resolve().parent.parent.parent)
"""The folder that holds this ``parser`` package: first on the worker's import path."""
_BOOT = "import json, sys; sys.path[:0] = json.loads(sys.argv[1]); from parser.batch.sandbox import main; main(sys.argv[2:])"
"""The worker's program (``python -I -c``): the import path comes from the parent, never from the current folder."""


class Sandbox:
    """One worker process, started on first use, restarted after a timeout, a memory error or a death."""

    def __init__(self, memory_mb: int = 0) -> None:
        self.memory_mb = memory_mb
        self.started = 0
        """How many processes this slot has started (1 + replacements)."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._stderr: deque[str] = deque(maxlen=STDERR_LINES)
        self._drain: threading.Thread | None = None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def run(self, job: Job, timeout: float | None) -> TaskResult:
        """Run ``job`` in the worker; over ``timeout`` seconds (from when the worker is ready) or a dead worker
        becomes a failed result."""
        start = time.perf_counter()
        try:
            proc = self._ensure_started()
            start = time.perf_counter()  # the time limit is the file's: a replacement worker's start-up is not counted
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(job.as_dict()).encode("ascii") + b"\n")
            proc.stdin.flush()
        except (OSError, RuntimeError) as error:
            last_words = self._last_words()
            self.stop()
            return failure(job, "crash", f"worker could not be started or fed: {error}{last_words}", time.perf_counter() - start,
                           exit_code=70)  # fmt: skip
        line = self._read_line(None if timeout is None else start + timeout)
        if line is None:
            self.stop()
            return failure(job, "timeout", f"no result after {timeout:g} s; the worker was stopped and replaced",
                           time.perf_counter() - start)  # fmt: skip
        if not line:
            death, last_words = self._death(), self._last_words()
            if self.memory_mb and any(_OUT_OF_MEMORY.search(line) for line in self._stderr):
                return failure(job, "memory", f"{job.path}: over the worker's memory limit; the worker died ({death}) "
                               f"and was replaced{last_words}", time.perf_counter() - start)  # fmt: skip
            return failure(job, "crash", f"the worker died ({death}); it was replaced{last_words}",
                           time.perf_counter() - start, exit_code=70)  # fmt: skip
        result = TaskResult.from_dict(json.loads(line))
        if result.status == "memory":
            self.stop()  # the next file gets a process that did not run out of memory
        return result

    def kill(self) -> None:
        """Kill the worker from another thread; the thread running a job sees it die and cleans up."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def stop(self) -> None:
        proc, self._proc, self._buffer = self._proc, None, b""
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self.stop()
        self._proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOT, json.dumps(worker_path()), str(self.memory_mb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        self._stderr.clear()
        self._drain = threading.Thread(target=self._keep_stderr, args=(self._proc.stderr,), daemon=True, name="undoc-stderr")
        self._drain.start()
        self.started += 1
        ready = self._read_line(time.perf_counter() + STARTUP_TIMEOUT)
        if not ready:
            self.stop()
            raise RuntimeError("no ready signal")
        return self._proc

    def _read_line(self, deadline: float | None) -> bytes | None:
        """The next line from the worker; ``None`` at the deadline, ``b""`` when the worker is gone."""
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while b"\n" not in self._buffer:
            wait = None if deadline is None else max(0.0, deadline - time.perf_counter())
            readable, _, _ = select.select([fd], [], [], wait)
            if not readable:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b""
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _death(self) -> str:
        proc, self._proc, self._buffer = self._proc, None, b""
        code = proc.wait() if proc else None
        for stream in (proc.stdin, proc.stdout) if proc else ():
            if stream is not None:
                stream.close()
        if code is None or code >= 0:
            return f"exit code {code}"
        try:
            name = f" ({signal.Signals(-code).name})"
        except ValueError:
            name = ""
        limit = f", under a {self.memory_mb} MiB memory limit: out of memory?" if self.memory_mb else ""
        return f"signal {-code}{name}{limit}"

    def _keep_stderr(self, stream: IO[bytes]) -> None:
        """Read the worker's stderr to its end (so that it never blocks on a full pipe), keeping the last lines."""
        with stream:
            for raw in stream:
                line = raw.decode("utf-8", "replace").strip()
                if line:
                    self._stderr.append(line)

    def _last_words(self) -> str:
        """``; stderr: …`` with the end of what the dead worker printed, or nothing."""
        if self._drain is not None:
            self._drain.join(DRAIN_SECONDS)
        lines = list(self._stderr)
        if not lines:
            return ""
        heads = [i for i, line in enumerate(lines) if _HEADLINE.match(line)]
        shown = sorted({*heads[-1:], *range(max(0, len(lines) - SHOWN_LINES + bool(heads)), len(lines))})
        text = " | ".join(lines[i][:LINE_CHARS] + ("…" if len(lines[i]) > LINE_CHARS else "") for i in shown)
        return f"; its stderr: {text}"


def worker_path() -> list[str]:
    """The worker's import path: this package's folder, then the parent's path without the current folder."""
    here = os.getcwd()
    rest = [p for p in sys.path if p and os.path.abspath(p) != here and p != PACKAGE_HOME]
    return [PACKAGE_HOME, *rest]


def main(argv: list[str]) -> None:
    """The worker's side: one JSON job per stdin line, one JSON result per stdout line."""
    protocol: IO[str] = os.fdopen(os.dup(1), "w", encoding="ascii")
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the protocol
    memory_mb = int(argv[0]) if argv else 0
    _watch_parent(os.getppid())
    # imported before the first file so that start-up is not timed
    import parser.pipeline
    import parser.read.pdf  # noqa: F401

    if memory_mb > 0:
        import resource

        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    protocol.write('{"ready": true}\n')
    protocol.flush()
    for line in sys.stdin:
        result = run_task(Job.from_dict(json.loads(line)))
        protocol.write(json.dumps(result.as_dict()) + "\n")
        protocol.flush()


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="undoc-parent-watch").start()


if __name__ == "__main__":
    main(sys.argv[1:])
