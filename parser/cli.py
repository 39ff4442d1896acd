"""The ``undoc`` command: a thin layer over the library (``parser.convert``, ``parser.parse``).

Errors are one line on stderr and a documented exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .batch.cli_batch import add_batch_parser, run_batch
from .convert import FORMATS, convert
from .diff.cli_diff import add_diff_parser, run_diff
from .errors import UndocError
from .write.to_json import document_to_json

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="undoc", description="Official UN documents to structured JSON and Akoma Ntoso XML.")
    top.add_argument("--version", action="version", version=f"undoc {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="convert one document (PDF, text or markdown)")
    parse.add_argument("input", help="the document to convert")
    parse.add_argument("-o", "--output", default="output", help="output directory, or - for JSON on stdout (default: output/)")
    parse.add_argument("--format", default="json,xml", help="comma-separated: json, xml (default: json,xml)")
    parse.add_argument("--lang", choices=("ar", "zh", "en", "fr", "ru", "es"), help="document language (default: detected)")
    parse.add_argument("--symbol", help="document symbol, e.g. A/73/254, when the input does not state it")
    parse.add_argument("--tokens", action="store_true", help="add jieba word tokens (Chinese)")
    parse.add_argument("--strict", action="store_true", help="fail (exit 4) on numbering gaps, duplicates or disorder")
    parse.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    inspect = commands.add_parser("inspect", help="draw the parse over PDF pages as PNG images")
    inspect.add_argument("input", help="a PDF")
    inspect.add_argument("--pages", help="pages to draw, e.g. 1-3,7 (default: all)")
    inspect.add_argument("-o", "--output", default="output", help="output directory (default: output/)")
    inspect.add_argument("--resolution", type=int, default=100, help="pixels per inch (default: 100)")
    align = commands.add_parser("align", help="align two or more language versions of one document by their official ids")
    align.add_argument("inputs", nargs="+", metavar="INPUT", help="language versions (PDF or text, any mix)")
    align.add_argument("-o", "--output", default="output", help="output directory (default: output/)")
    align.add_argument("--sentences", action="store_true", help="also align sentences inside aligned paragraphs (Gale-Church)")
    align.add_argument("--force", action="store_true", help="align even when the inputs' symbols differ")
    align.add_argument("--symbol", help="symbol for inputs that do not state it")
    add_batch_parser(commands)
    add_diff_parser(commands)
    return top


def run_inspect(args: argparse.Namespace) -> int:
    from .inspect import inspect_pdf

    try:
        written = inspect_pdf(args.input, Path(args.output), args.pages, args.resolution)
    except ValueError as error:
        raise SystemExit(f"undoc: error: {error}") from None
    for path in written:
        print(path)
    return 0


def run_align(args: argparse.Namespace) -> int:
    from .align.files import align_files

    if len(args.inputs) < 2:
        raise SystemExit("undoc: error: align needs at least two inputs")
    result = align_files(args.inputs, Path(args.output), force=args.force, sentences=args.sentences, symbol=args.symbol)
    aligned = result.aligned
    print(f"{aligned.symbol}: {len(aligned.complete())} units aligned across {', '.join(aligned.languages)}")
    for lang, ids in aligned.leftovers().items():
        if ids:
            print(f"  missing in {lang}: {len(ids)} ({', '.join(ids[:8])}{' …' if len(ids) > 8 else ''})")
    for path in result.outputs:
        print(path)
    return 0


def run_parse(args: argparse.Namespace) -> int:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise SystemExit(f"undoc: error: --format takes json and/or xml, not {','.join(unknown) or 'nothing'}")
    to_stdout = args.output == "-"
    result = convert(args.input, None if to_stdout else Path(args.output), formats=formats, language=args.lang,
                     symbol=args.symbol, tokens=args.tokens, strict=args.strict)  # fmt: skip
    if to_stdout:
        sys.stdout.write(document_to_json(result.document, tokens=args.tokens))
    if not args.quiet:
        for warning in result.document.warnings:
            where = f" ({warning.location})" if warning.location else ""
            print(f"undoc: warning: {args.input}: {warning.code}{where}: {warning.message}", file=sys.stderr)
    for path in result.outputs:
        print(path, file=sys.stderr if to_stdout else sys.stdout)
    return 0


COMMANDS = {"parse": run_parse, "align": run_align, "inspect": run_inspect, "batch": run_batch, "diff": run_diff}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UndocError as error:
        print(f"undoc: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("undoc: interrupted (a batch resumes when run again)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        print(f"undoc: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
