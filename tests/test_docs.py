"""What the documentation promises holds: the README's and the docstrings' examples run, the public API is
documented, CI runs what the README says, and the suite gives the same result however it is started."""

from __future__ import annotations

import doctest
import importlib
import inspect
import json
import pkgutil
from pathlib import Path

import pytest
from hypothesis import settings

import parser
from parser.errors import error_classes

from .conftest import ROOT, SCHEMA_PATH
from .golden import BOX_TOLERANCE, check_golden

MODULES = sorted(m.name for m in pkgutil.walk_packages(parser.__path__, "parser."))
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", ["parser", *MODULES])
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name fixtures by their path in the repository
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=FLAGS, report=True)
    assert failed == 0


def test_the_modules_with_the_public_api_have_examples() -> None:
    finder = doctest.DocTestFinder()
    for name in ("parser", "parser.pipeline", "parser.errors", "parser.read.sniff"):
        examples = sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
        assert examples >= 3, name


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=FLAGS, report=True)
    assert result.attempted >= 5 and result.failed == 0


def test_the_public_api_is_documented() -> None:
    for name in ("parse", "parse_bytes", "to_json", "to_xml", "Document", "Node", "Footnote", "UndocError"):
        doc = inspect.getdoc(getattr(parser, name)) or ""
        assert len(doc) > 60, name
    assert "raise" in (inspect.getdoc(parser.parse) or "").lower()
    assert all(inspect.getdoc(c) for c in error_classes())
    assert "numbered paragraphs" in (inspect.getdoc(parser.Document.paragraphs) or "")
    assert "unnumbered paragraphs" not in (inspect.getdoc(parser.Document.paragraphs) or "")


def test_paragraphs_are_the_numbered_paragraphs_as_documented() -> None:
    doc = parser.parse_bytes(b"A/1/2\n1. One.\n\nAn unnumbered paragraph.\n\n2. Two.\n", "x.txt")
    assert [(p.type, p.num) for p in doc.paragraphs()] == [("paragraph", "1"), ("paragraph", "2")]
    assert any(n.type == "block" for n in doc.nodes())


def test_the_json_schema_path_is_published() -> None:
    assert parser.SCHEMA_PATH == SCHEMA_PATH and parser.SCHEMA_PATH.is_file()
    assert json.loads(parser.SCHEMA_PATH.read_text(encoding="utf-8"))["title"]


def test_ci_runs_lint_types_and_exactly_the_readmes_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_line = next(line for line in readme.splitlines() if line.startswith("python3 -m venv .venv") and "pytest" in line)
    assert test_line in ci
    for tool in (".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy --strict"):
        assert tool in ci, tool
    assert "-eq 5" in ci  # pytest collecting nothing is a failure
    assert "'.[dev]'" in test_line  # the lint tools come from the project's own extras


def test_hypothesis_runs_the_same_examples_on_every_run() -> None:
    assert settings.default.derandomize and settings.default.database is None


def test_goldens_take_a_box_moved_by_a_rounding_step_and_nothing_else(tmp_path: Path) -> None:
    golden = tmp_path / "x.json"
    base = {"format": "undoc/1", "body": [{"id": "para_1", "text": "Text.", "bbox": [60.0, 100.0, 300.5, 110.2]}]}
    golden.write_text(json.dumps(base))

    def moved(dx: float, text: str = "Text.") -> str:
        box = [v + dx for v in base["body"][0]["bbox"]]  # type: ignore[index]
        return json.dumps({**base, "body": [{"id": "para_1", "text": text, "bbox": box}]})

    check_golden(golden, moved(BOX_TOLERANCE * 0.6))
    for change in (moved(BOX_TOLERANCE * 4), moved(0.0, "Text!")):
        with pytest.raises(AssertionError, match="differs"):
            check_golden(golden, change)
