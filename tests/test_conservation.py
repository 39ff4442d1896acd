"""Nothing lost, nothing doubled: every character of a fixture's content is in exactly one output element.

For text fixtures the oracle reads the file independently of the reader. For PDFs it is the reader's
lines plus the furniture it dropped; that the reader itself keeps every character pdfplumber sees is
tested in test_read_pdf.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .conftest import PDF_FIXTURES, TEXT_FIXTURES, content_characters, parsed, read
from .oracle import input_characters


def _assert_same(expected: Counter[str], got: Counter[str]) -> None:
    missing, doubled = expected - got, got - expected
    assert not missing and not doubled, f"missing {dict(missing.most_common(10))}, doubled {dict(doubled.most_common(10))}"


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_every_content_character_is_in_exactly_one_output_element(path: Path) -> None:
    _assert_same(input_characters(path), content_characters(parsed(path)))


@pytest.mark.parametrize("path", PDF_FIXTURES, ids=lambda p: p.name)
def test_every_pdf_character_read_is_in_exactly_one_output_element(path: Path) -> None:
    raw = read(path)
    expected = Counter(c for line in raw.lines for c in line.text if not c.isspace())
    expected += Counter(c for dropped in raw.dropped for c in dropped.text if not c.isspace())
    _assert_same(expected, content_characters(parsed(path)))
