"""Validate every Akoma Ntoso XML file under the given folders against the bundled XSD.

    .venv/bin/python bench/validate_xml.py DIR_OR_FILE... [--show 3]

Prints one line per invalid file (its first schema error) and a summary grouped by error kind;
exits 0 when every file validates, 1 when one does not, 2 when there is nothing to validate.
Use it on the output folder of a corpus run, e.g. after
``undoc batch /work/shared/corpus/ods -o /tmp/out --workers 1``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from parser.xmlsafe import parse_xml_file  # noqa: E402

AKN_XSD = ROOT / "schemas" / "akn" / "akomantoso30.xsd"
_DETAIL = regex.compile(r"'[^']*'|\d+")


def xml_files(items: list[str]) -> list[Path]:
    found: list[Path] = []
    for item in items:
        path = Path(item)
        found.extend(sorted(p for p in path.rglob("*.xml") if ".undoc" not in p.parts) if path.is_dir() else [path])
    return found


def first_error(schema: etree.XMLSchema, path: Path) -> str | None:
    """``None`` when ``path`` validates, else its first error as ``line N: message``."""
    try:
        tree = parse_xml_file(path)
    except (OSError, etree.XMLSyntaxError) as error:
        return f"not well-formed: {error}"
    if schema.validate(tree.getroottree()):
        return None
    error = schema.error_log[0]
    return f"line {error.line}: {error.message}"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("inputs", nargs="+", help="folders (searched recursively for *.xml) or XML files")
    options.add_argument("--show", type=int, default=3, help="example files per error kind in the summary")
    args = options.parse_args(argv)
    files = xml_files(args.inputs)
    if not files:
        print("validate_xml: no XML files found", file=sys.stderr)
        return 2
    schema = etree.XMLSchema(parse_xml_file(AKN_XSD).getroottree())
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for path in files:
        error = first_error(schema, path)
        if error is None:
            continue
        print(f"{path}: {error}")
        kind = _DETAIL.sub("…", error.partition(": ")[2])
        kinds[kind] += 1
        examples.setdefault(kind, []).append(path.name)
    print(f"{len(files) - sum(kinds.values())} of {len(files)} XML files validate against {AKN_XSD.name}")
    for kind, count in kinds.most_common():
        print(f"  {count} × {kind}  e.g. {', '.join(examples[kind][: args.show])}")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
