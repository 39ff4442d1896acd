"""A worker process that converts one file at a time, and can be killed and replaced when a file hangs.

The engines never convert in their own process: each worker slot owns a ``Sandbox``, a child
Python (``python -m parser.batch.sandbox``) with an address-space limit (``RLIMIT_AS``), fed one
job per line of JSON on its stdin and answering one result per line on its stdout. A file that
takes longer than the timeout gets its worker killed (and a fresh one started for the next
file); a worker that dies (a segfault in a PDF library, the kernel's OOM killer) is recorded as
``crash`` and replaced. The child exits by itself when its parent goes away.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from typing import IO

from .task import Job, TaskResult, failure, run_task

STARTUP_TIMEOUT = 120.0
"""Seconds a new worker may take to import undoc before it is given up on."""


class Sandbox:
    """One worker process, started on first use, restarted after a timeout, a memory error or a death."""

    def __init__(self, memory_mb: int = 0) -> None:
        self.memory_mb = memory_mb
        self.started = 0
        """How many processes this slot has started (1 + replacements)."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def run(self, job: Job, timeout: float | None) -> TaskResult:
        """Run ``job`` in the worker; a ``timeout`` (seconds) or a dead worker becomes a failed result."""
        start = time.perf_counter()
        try:
            proc = self._ensure_started()
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(job.as_dict()).encode("ascii") + b"\n")
            proc.stdin.flush()
        except (OSError, RuntimeError) as error:
            self.stop()
            return failure(job, "crash", f"worker could not be started or fed: {error}", time.perf_counter() - start)
        line = self._read_line(None if timeout is None else start + timeout)
        if line is None:
            self.stop()
            return failure(job, "timeout", f"no result after {timeout:g} s; the worker was stopped and replaced",
                           time.perf_counter() - start)  # fmt: skip
        if not line:
            return failure(job, "crash", f"the worker died ({self._death()}); it was replaced", time.perf_counter() - start,
                           exit_code=70)  # fmt: skip
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
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "parser.batch.sandbox", str(self.memory_mb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
        )  # fmt: skip
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
        if code is not None and code < 0:
            return f"signal {-code}"
        return f"exit code {code}"


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
