"""``undoc batch``: the sub-command's arguments and its run function (wired into ``parser.cli``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..convert import FORMATS
from .run import ENGINES, BatchSettings, BatchSummary, run_batch_settings
from .task import ConvertOptions

EXIT_SOME_FAILED = 5
"""The batch ran to its end but at least one input failed (see the manifest)."""
SHOWN_FAILURES = 10


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``batch`` to the ``undoc`` sub-commands (``subparsers`` from ``add_subparsers``)."""
    batch: argparse.ArgumentParser = subparsers.add_parser(
        "batch", help="convert many documents (files, directories, globs) in parallel, with a resumable manifest"
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories (searched recursively) or globs")
    batch.add_argument("-o", "--output", required=True, help="output directory (holds manifest.jsonl)")
    batch.add_argument("--workers", type=_positive_int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)")
    batch.add_argument("--engine", choices=ENGINES, default="local", help="local processes or a Dask cluster (default: local)")
    batch.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786), or local / local:N (default: local)")
    batch.add_argument("--timeout", type=float, default=300.0, help="seconds per file (0: none; default 300)")
    batch.add_argument("--memory", type=int, default=4096, metavar="MB", help="per-worker memory limit (0: none; 4096)")
    batch.add_argument("--format", default="json,xml", help="comma-separated: json, xml (default: json,xml)")
    batch.add_argument("--lang", choices=("ar", "zh", "en", "fr", "ru", "es"), help="language of every input (default: detected)")
    batch.add_argument("--tokens", action="store_true", help="add jieba word tokens (Chinese)")
    batch.add_argument("--strict", action="store_true", help="count numbering problems as errors")
    batch.add_argument("--force", action="store_true", help="convert every input again, even those already done")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    batch.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    return batch


def settings_from_args(args: argparse.Namespace) -> BatchSettings:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise SystemExit(f"undoc: error: --format takes json and/or xml, not {','.join(unknown) or 'nothing'}")
    if args.scheduler and args.engine != "dask":
        raise SystemExit("undoc: error: --scheduler needs --engine dask")
    options = ConvertOptions(formats=formats, language=args.lang, tokens=args.tokens, strict=args.strict)
    return BatchSettings(tuple(args.inputs), Path(args.output), options, workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler, timeout=args.timeout or None, memory_mb=max(0, args.memory),
                         force=args.force, progress=not (args.no_progress or args.quiet))  # fmt: skip


def run_batch(args: argparse.Namespace) -> int:
    """Run the batch; 0 when every input is converted (or was already), 5 when some failed."""
    settings = settings_from_args(args)
    summary = run_batch_settings(settings)
    report(summary, settings, quiet=args.quiet)
    return EXIT_SOME_FAILED if summary.failures else 0


def report(summary: BatchSummary, settings: BatchSettings, *, quiet: bool = False) -> None:
    if not quiet:
        for failure in summary.failures[:SHOWN_FAILURES]:
            print(f"undoc: {failure.status}: {failure.error or failure.path}", file=sys.stderr)
        if len(summary.failures) > SHOWN_FAILURES:
            print(f"undoc: … and {len(summary.failures) - SHOWN_FAILURES} more failures", file=sys.stderr)
    print(f"{summary.describe()}; manifest: {settings.out_dir / 'manifest.jsonl'}")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
