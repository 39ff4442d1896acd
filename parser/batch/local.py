"""The local engine: one worker process per worker slot on this machine.

A thread per slot feeds its ``Sandbox`` one job at a time from a shared list and hands each
result to the caller's thread through a queue, so the caller (which writes the manifest) stays
single-threaded. A hung file costs its slot the timeout, then the slot goes on with a new process.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence

from .sandbox import Sandbox
from .task import Job, TaskResult


def run_local(jobs: Sequence[Job], *, workers: int, timeout: float | None, memory_mb: int,
              on_result: Callable[[TaskResult], None]) -> None:  # fmt: skip
    """Run every job on ``workers`` worker processes; ``on_result`` is called in this thread, in completion order."""
    if not jobs:
        return
    results: queue.Queue[TaskResult | BaseException] = queue.Queue()
    todo = iter(jobs)
    lock = threading.Lock()
    stop = threading.Event()
    slots = [Sandbox(memory_mb) for _ in range(max(1, min(workers, len(jobs))))]

    def next_job() -> Job | None:
        with lock:
            return None if stop.is_set() else next(todo, None)

    def work(slot: Sandbox) -> None:
        try:
            with slot:
                while (job := next_job()) is not None:
                    results.put(slot.run(job, timeout))
        except BaseException as error:  # reported to the caller, never lost in a thread
            results.put(error)

    threads = [threading.Thread(target=work, args=(slot,), name=f"undoc-slot-{i}", daemon=True) for i, slot in enumerate(slots)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(len(jobs)):
            item = results.get()
            if isinstance(item, BaseException):
                raise item
            on_result(item)
    finally:
        stop.set()
        for slot in slots:
            slot.kill()
        for thread in threads:
            thread.join(timeout=10)
