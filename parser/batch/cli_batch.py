"""``undoc batch``: the sub-command's arguments and its run function (wired into ``parser.cli``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..cli_options import LANGUAGES, formats, integer, seconds
from ..convert import FORMATS
from ..errors import EXIT_SOME_FAILED, UsageError
from ..read.pdf_source import DEFAULT_READER
from ..read.pdf_source import READERS as PDF_READERS
from .run import ENGINES, BatchSettings, BatchSummary, run_batch_settings
from .task import ConvertOptions

__all__ = ["EXIT_SOME_FAILED", "add_batch_parser", "report", "run_batch", "settings_from_args"]
SHOWN_FAILURES = 10


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``batch`` to the ``undoc`` sub-commands (``subparsers`` from ``add_subparsers``)."""
    batch: argparse.ArgumentParser = subparsers.add_parser(
        "batch", help="convert many documents (files, directories, globs) in parallel, with a resumable manifest"
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories (searched recursively) or globs")
    batch.add_argument("-o", "--output", required=True, help="output directory (holds manifest.jsonl)")
    batch.add_argument("--workers", type=integer(1), default=os.cpu_count() or 1, help="worker processes (default: CPUs)")
    batch.add_argument("--engine", choices=ENGINES, default="local", help="local processes or a Dask cluster (default: local)")
    batch.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786), or local / local:N (default: local)")
    batch.add_argument("--timeout", type=seconds, default=300.0, help="seconds per file (0: none; default 300)")
    batch.add_argument("--memory", type=integer(0, unit=" MiB"), default=4096, metavar="MB",
                       help="per-worker memory limit in MiB (0: none; default 4096)")  # fmt: skip
    batch.add_argument("--format", type=formats, default=FORMATS, help="comma-separated: json, xml (default: json,xml)")
    batch.add_argument("--lang", choices=LANGUAGES, help="language of every input (default: detected)")
    batch.add_argument("--tokens", action="store_true", help="add jieba word tokens (Chinese)")
    batch.add_argument("--reader", choices=PDF_READERS, default=DEFAULT_READER,
                       help=f"where PDF characters come from (default: {DEFAULT_READER}; pdfium is faster)")  # fmt: skip
    batch.add_argument("--strict", action="store_true", help="count numbering problems as errors")
    batch.add_argument("--force", action="store_true", help="convert every input again, even those already done")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    batch.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    return batch


def settings_from_args(args: argparse.Namespace) -> BatchSettings:
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler", "needs --engine dask")
    options = ConvertOptions(formats=tuple(args.format), language=args.lang, tokens=args.tokens, strict=args.strict,
                             reader=args.reader)  # fmt: skip
    return BatchSettings(tuple(args.inputs), Path(args.output), options, workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler, timeout=args.timeout or None, memory_mb=args.memory,
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
