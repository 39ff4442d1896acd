"""PDF against Word on two real pairs (fixtures/pairs: the ODS PDF and the .docx it was printed from).

The Word parse is the reference: its counts are pinned (they change only if the Word reader does), and
the PDF parse must agree with it on at least the share it agrees on today, per kind of unit (same id,
same text with whitespace and hyphenation aside, headings at the same depth). A Word reader that lost
paragraphs, mis-numbered them, dropped notes or misplaced a call fails here, and so does a PDF reader
that loses what it agrees on today. The whole-corpus figures are printed by bench/bench_pairs.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parser.diff.agreement import agreement
from parser.write.to_json import document_to_dict

from .conftest import FIXTURES, parsed

PAIRS = FIXTURES / "pairs"
WORD_UNITS = {  # paragraphs, subparagraphs, headings, footnotes, table cells of the Word parse
    "A_80_604_Add.1.en": (44, 12, 29, 2, 434),
    "A_80_604_Add.6.en": (40, 8, 25, 2, 454),
}
FLOORS = {  # share of the Word file's units the PDF parse agrees on (the figure of 2026-12-04, rounded down)
    "A_80_604_Add.1.en": {"paragraphs": 1.0, "subparagraphs": 1.0, "headings": 1.0, "footnotes": 1.0, "table_cells": 0.95},
    "A_80_604_Add.6.en": {"paragraphs": 1.0, "subparagraphs": 1.0, "headings": 1.0, "footnotes": 1.0, "table_cells": 0.96},
}


def _json(path: Path) -> dict[str, Any]:
    return document_to_dict(parsed(path))


@pytest.mark.parametrize("stem", sorted(WORD_UNITS))
def test_the_word_parse_has_every_unit_of_the_document(stem: str) -> None:
    doc = parsed(PAIRS / f"{stem}.docx")
    result = agreement(_json(PAIRS / f"{stem}.docx"), _json(PAIRS / f"{stem}.pdf"))
    counts = tuple(result.tally(c).a for c in ("paragraphs", "subparagraphs", "headings", "footnotes", "table_cells"))
    assert counts == WORD_UNITS[stem]
    assert [p.id for p in doc.paragraphs()] == [f"para_{n}" for n in range(1, counts[0] + 1)]
    assert all(note.cited_by for note in doc.footnotes) and not doc.warnings


@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_the_pdf_parse_agrees_with_the_word_parse_at_least_as_well_as_today(stem: str) -> None:
    result = agreement(_json(PAIRS / f"{stem}.docx"), _json(PAIRS / f"{stem}.pdf"))
    shares = {category: round(result.tally(category).share_of_a, 4) for category in FLOORS[stem]}
    assert all(shares[c] >= floor for c, floor in FLOORS[stem].items()), shares
