"""The ``undoc`` command: a thin layer over the library (``parser.convert``, ``parser.parse``).

Errors are one line on stderr and a documented exit code (``parser.errors``); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .batch.cli_batch import add_batch_parser, run_batch
from .cli_options import LANGUAGES, ArgumentParser, formats, integer
from .convert import FORMATS, convert
from .diff.cli_diff import add_diff_parser, run_diff
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, UndocError, UsageError
from .inspect import MAX_RESOLUTION, MIN_RESOLUTION, check_pages
from .read.pdf_source import DEFAULT_READER
from .read.pdf_source import READERS as PDF_READERS
from .write.to_json import document_to_json
from .write.to_xml import document_to_xml


def build_parser() -> ArgumentParser:
    top = ArgumentParser(prog="undoc", description="Official UN documents to structured JSON and Akoma Ntoso XML.")
    top.add_argument("--version", action="version", version=f"undoc {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="convert one document (PDF, text or markdown)")
    parse.add_argument("input", help="the document to convert")
    parse.add_argument("-o", "--output", default="output", help="output directory, or - for stdout (default: output/)")
    parse.add_argument("--format", type=formats, help="comma-separated: json, xml (default: json,xml; with -o -: json)")
    parse.add_argument("--lang", choices=LANGUAGES, help="document language (default: detected)")
    parse.add_argument("--symbol", help="document symbol, e.g. A/73/254, when the input does not state it")
    parse.add_argument("--tokens", action="store_true", help="add jieba word tokens (Chinese)")
    parse.add_argument("--reader", choices=PDF_READERS, default=DEFAULT_READER,
                       help=f"where PDF characters come from (default: {DEFAULT_READER}; pdfium is faster)")  # fmt: skip
    parse.add_argument("--strict", action="store_true", help="fail (exit 4) on numbering, note or rendering-loss warnings")
    parse.add_argument("--force", action="store_true", help="replace outputs that another input wrote")
    parse.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    inspect = commands.add_parser("inspect", help="draw the parse over PDF pages as PNG images")
    inspect.add_argument("input", help="a PDF")
    inspect.add_argument("--pages", type=check_pages, help="pages to draw, e.g. 1-3,7 (default: all)")
    inspect.add_argument("-o", "--output", default="output", help="output directory (default: output/)")
    inspect.add_argument("--resolution", type=integer(MIN_RESOLUTION, MAX_RESOLUTION, " pixels per inch"), default=100,
                         help=f"pixels per inch, {MIN_RESOLUTION} to {MAX_RESOLUTION} (default: 100)")  # fmt: skip
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

    for path in inspect_pdf(args.input, Path(args.output), args.pages, args.resolution):
        print(path)
    return 0


def run_align(args: argparse.Namespace) -> int:
    from .align.files import align_files

    if len(args.inputs) < 2:
        raise UsageError("align", "needs at least two inputs (language versions of one document)")
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
    to_stdout = args.output == "-"
    chosen: tuple[str, ...] = args.format or (("json",) if to_stdout else FORMATS)
    if to_stdout and len(chosen) > 1:
        raise UsageError("-o -", "prints one format on stdout: give --format json or --format xml")
    result = convert(args.input, None if to_stdout else Path(args.output), formats=chosen, language=args.lang,
                     symbol=args.symbol, tokens=args.tokens, strict=args.strict, force=args.force,
                     reader=args.reader)  # fmt: skip
    if to_stdout:
        doc = result.document
        _print_bytes(document_to_xml(doc) if chosen == ("xml",) else document_to_json(doc, tokens=args.tokens).encode("utf-8"))
    if not args.quiet:
        for warning in result.document.warnings:
            where = f" ({warning.location})" if warning.location else ""
            print(f"undoc: warning: {args.input}: {warning.code}{where}: {warning.message}", file=sys.stderr)
    for path in result.outputs:
        print(path)
    return 0


def _print_bytes(data: bytes) -> None:
    """Bytes to stdout as they are (UTF-8), whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


COMMANDS = {"parse": run_parse, "align": run_align, "inspect": run_inspect, "batch": run_batch, "diff": run_diff}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or a bad command line (already reported on one line)
        return done.code if isinstance(done.code, int) else 0
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
