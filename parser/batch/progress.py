"""The batch's progress on stderr: files done, files/s, pages/s and failures so far.

On a terminal it is a tqdm bar. Without one (CI, ``nohup``, a log file) a bar would only show at
the end, so a plain line is printed every ``LOG_SECONDS`` instead, whether or not a file finished.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import suppress
from types import TracebackType
from typing import TextIO

from tqdm import tqdm

from .task import TaskResult

LOG_SECONDS = 5.0
"""Seconds between two progress lines when stderr is not a terminal."""


class Progress:
    def __init__(self, total: int, *, enabled: bool = True, skipped: int = 0, stream: TextIO | None = None,
                 interval: float | None = None) -> None:  # fmt: skip
        self.start = time.perf_counter()
        self.total = total
        self.done = skipped
        self.skipped = skipped
        self.pages = 0
        self.failed = 0
        self._stream = stream or sys.stderr
        self._interval = interval or LOG_SECONDS
        self._stop = threading.Event()
        self._logger: threading.Thread | None = None
        terminal = enabled and _isatty(self._stream)
        self._bar = tqdm(total=total, initial=skipped, unit="file", dynamic_ncols=True, smoothing=0.1, file=self._stream,
                         disable=not terminal)  # fmt: skip
        if enabled and not terminal and total > skipped:
            self._logger = threading.Thread(target=self._log_every_interval, daemon=True, name="undoc-progress")
            self._logger.start()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        if self._logger is not None:
            self._logger.join()
        self._bar.close()

    def update(self, result: TaskResult) -> None:
        self.done += 1
        self.pages += result.pages or 0
        self.failed += result.status != "ok"
        self._bar.set_postfix_str(f"{self._page_rate():.1f} pages/s, {self.failed} failed", refresh=False)
        self._bar.update(1)

    def line(self) -> str:
        """One progress line: ``undoc batch: 12/200 files (3 already done), 1 failed, 4.2 pages/s, 31 s``."""
        elapsed = time.perf_counter() - self.start
        already = f" ({self.skipped} already done)" if self.skipped else ""
        return (f"undoc batch: {self.done}/{self.total} files{already}, {self.failed} failed, "
                f"{self._page_rate():.1f} pages/s, {elapsed:.0f} s")  # fmt: skip

    def _page_rate(self) -> float:
        return self.pages / max(time.perf_counter() - self.start, 1e-9)

    def _log_every_interval(self) -> None:
        while not self._stop.wait(self._interval):
            with suppress(OSError, ValueError):  # stderr closed: nobody to tell
                print(self.line(), file=self._stream, flush=True)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
