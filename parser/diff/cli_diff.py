"""``undoc diff``: the sub-command's arguments and its run function (wired into ``parser.cli``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .compare import diff_documents
from .folders import diff_folders
from .load import load_document
from .render import document_diff_text, folder_diff_text

EXIT_SAME = 0
EXIT_DIFFERENT = 1
"""As diff(1): the two sides differ."""
EXIT_USAGE = 2
"""A bad command line, as argparse gives it."""


def add_diff_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``diff`` to the ``undoc`` sub-commands (``subparsers`` from ``add_subparsers``)."""
    diff: argparse.ArgumentParser = subparsers.add_parser(
        "diff", help="compare two parses unit by unit by official id (JSON outputs, inputs, or folders of JSON outputs)"
    )
    diff.add_argument("a", metavar="A", help="an undoc JSON output, an input to parse, or a folder of JSON outputs")
    diff.add_argument("b", metavar="B", help="the same for the other side")
    diff.add_argument("--json", action="store_true", help="print the differences as JSON")
    diff.add_argument(
        "--ignore-space", action="store_true", help="texts compared with whitespace, soft hyphens, line-end hyphens aside"
    )
    return diff


def run_diff(args: argparse.Namespace) -> int:
    """0 when the two sides agree, 1 when they differ; input errors raise as in ``undoc parse``."""
    folders = os.path.isdir(args.a), os.path.isdir(args.b)
    if folders[0] != folders[1]:
        print("undoc: error: diff compares two folders or two files, not a folder with a file", file=sys.stderr)
        return EXIT_USAGE
    if all(folders):
        result = diff_folders(args.a, args.b, ignore_space=args.ignore_space)
        text, data, same = folder_diff_text(result), result.as_dict(), result.identical
    else:
        one = diff_documents(load_document(args.a), load_document(args.b), ignore_space=args.ignore_space,
                             a_name=args.a, b_name=args.b)  # fmt: skip
        text, data, same = document_diff_text(one), one.as_dict(), not one.changes
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n" if args.json else text)
    return EXIT_SAME if same else EXIT_DIFFERENT
