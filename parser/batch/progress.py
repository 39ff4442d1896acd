"""The batch's progress bar (tqdm on stderr): files done, files/s, pages/s, and failures so far."""

from __future__ import annotations

import time
from types import TracebackType

from tqdm import tqdm

from .task import TaskResult


class Progress:
    def __init__(self, total: int, *, enabled: bool = True, skipped: int = 0) -> None:
        self.start = time.perf_counter()
        self.pages = 0
        self.failed = 0
        # disable=None: the bar hides itself when stderr is not a terminal
        self._bar = tqdm(total=total, initial=skipped, unit="file", dynamic_ncols=True, smoothing=0.1,
                         disable=None if enabled else True)  # fmt: skip

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._bar.close()

    def update(self, result: TaskResult) -> None:
        self.pages += result.pages or 0
        self.failed += result.status != "ok"
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        self._bar.set_postfix_str(f"{self.pages / elapsed:.1f} pages/s, {self.failed} failed", refresh=False)
        self._bar.update(1)
