"""The ``undoc`` command: a thin layer over the library (``parser.convert``, ``parser.parse``).

Errors are one line on stderr and a documented exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .convert import FORMATS, convert
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
    return top


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


COMMANDS = {"parse": run_parse}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UndocError as error:
        print(f"undoc: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("undoc: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        print(f"undoc: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
