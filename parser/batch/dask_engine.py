"""The Dask engine: the same per-file task, run on a dask.distributed cluster.

``--scheduler tcp://host:8786`` connects to a running scheduler; ``local`` or ``local:N`` (the
default) starts a ``LocalCluster`` of N single-threaded worker processes on this machine. Each
Dask worker process keeps its own ``Sandbox`` processes, so per-file timeouts and memory limits
work exactly as in the local engine. Workers read the inputs and write the outputs themselves: on
a real cluster, inputs and the output directory must be on a file system every machine sees under
the same path. The manifest is written here, by the client, as in the local engine.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import EngineError
from .sandbox import Sandbox
from .task import Job, TaskResult, failure

__all__ = ["EngineError", "dask_task", "local_workers", "run_dask"]

CONNECT_SECONDS = 30
"""How long to keep trying to reach a scheduler before giving up."""
_IDLE: dict[int, list[Sandbox]] = {}
_LOCK = threading.Lock()


def dask_task(job: dict[str, Any], timeout: float | None, memory_mb: int) -> dict[str, Any]:
    """Runs on a Dask worker: one job in one of this worker process's sandboxes (plain dicts in and out)."""
    with _LOCK:
        idle = _IDLE.setdefault(memory_mb, [])
        sandbox = idle.pop() if idle else Sandbox(memory_mb)
    try:
        return sandbox.run(Job.from_dict(job), timeout).as_dict()
    finally:
        with _LOCK:
            _IDLE[memory_mb].append(sandbox)


def local_workers(scheduler: str | None, workers: int) -> int | None:
    """How many workers a ``local``/``local:N`` scheduler address asks for (``None`` for a real address)."""
    if scheduler is None or scheduler == "local":
        return workers
    if scheduler.startswith("local:"):
        count = scheduler.partition(":")[2]
        if not count.isdigit() or int(count) < 1:
            raise EngineError(scheduler, "a local scheduler is 'local' or 'local:N' with N ≥ 1 workers")
        return int(count)
    return None


def run_dask(jobs: Sequence[Job], *, scheduler: str | None, workers: int, timeout: float | None, memory_mb: int,
             on_result: Callable[[TaskResult], None]) -> None:  # fmt: skip
    """Run every job on the cluster; ``on_result`` is called in this thread, in completion order."""
    try:
        distributed: Any = importlib.import_module("distributed")  # untyped: used through Any
    except ImportError:
        raise EngineError("--engine dask", "dask.distributed is not installed: pip install 'undoc[dask]'") from None
    if not jobs:
        return
    count = local_workers(scheduler, workers)
    cluster = None
    try:
        if count is not None:
            cluster = distributed.LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)  # fmt: skip
        client = distributed.Client(cluster if cluster is not None else scheduler, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError, RuntimeError) as error:
        if cluster is not None:
            cluster.close()
        raise EngineError(str(scheduler), f"cannot reach the Dask scheduler ({error})") from None
    try:
        threads = sum(client.nthreads().values()) or max(1, workers)
        pending = iter(enumerate(jobs))
        by_key: dict[str, Job] = {}

        def submit() -> Any:
            item = next(pending, None)
            if item is None:
                return None
            index, job = item
            key = f"undoc-{index}-{job.sha256[:12] or 'nosha'}"
            by_key[key] = job
            return client.submit(dask_task, job.as_dict(), timeout, memory_mb, key=key, pure=False)

        futures = distributed.as_completed([f for f in (submit() for _ in range(2 * threads)) if f is not None])
        for future in futures:
            job = by_key.pop(future.key)
            try:
                result = TaskResult.from_dict(future.result())
            except Exception as error:  # a worker lost for good (KilledWorker), a cancelled task
                result = failure(job, "crash", f"dask: {type(error).__name__}: {error}", 0.0, exit_code=70)
            future.release()
            on_result(result)
            following = submit()
            if following is not None:
                futures.add(following)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
