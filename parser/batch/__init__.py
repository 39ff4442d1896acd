"""``undoc batch``: many documents in parallel, on this machine or a Dask cluster, with a resumable manifest.

``inputs`` (files, directories, globs → a sorted file list) → ``run`` (skip what the manifest says is
done, dispatch to an engine, record each result) → ``local`` / ``dask_engine`` (worker slots) →
``sandbox`` (a killable worker process with a memory limit) → ``task`` (one file → one result record).
"""

from __future__ import annotations

from .run import BatchSettings, BatchSummary, run_batch_settings
from .task import ConvertOptions, Job, TaskResult, run_task

__all__ = ["BatchSettings", "BatchSummary", "ConvertOptions", "Job", "TaskResult", "run_batch_settings", "run_task"]
