"""Nothing lost, nothing doubled: every character of a fixture's content is in exactly one output element."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import parse

from .conftest import TEXT_FIXTURES, content_characters
from .oracle import input_characters


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_every_content_character_is_in_exactly_one_output_element(path: Path) -> None:
    doc = parse(path)
    expected = input_characters(path)
    got = content_characters(doc)
    missing = expected - got
    doubled = got - expected
    assert not missing and not doubled, f"missing {dict(missing.most_common(10))}, doubled {dict(doubled.most_common(10))}"
