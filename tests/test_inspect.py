"""undoc inspect: PNG pages with the parse drawn on them."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from parser.cli import main
from parser.errors import UsageError
from parser.inspect import _CLASS, document_marks, parse_pages
from parser.model import NodeType

from .conftest import FIXTURES, SEED, parsed

PDF = FIXTURES / "pdf" / "en" / "A_RES_48_246.en.pdf"


def test_inspect_writes_one_png_per_chosen_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(PDF), "--pages", "1-2", "-o", str(tmp_path), "--resolution", "40"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["A_RES_48_246.en.page-001.png", "A_RES_48_246.en.page-002.png"]
    assert all((tmp_path / n).read_bytes().startswith(b"\x89PNG") for n in names)


def test_marks_cover_every_class_with_ids_as_labels() -> None:
    marks = list(document_marks(parsed(FIXTURES / "pdf" / "en" / "A_80_179.en.pdf")))
    kinds = {m.kind for m in marks}
    assert {"heading", "paragraph", "footnote", "dropped", "call"} <= kinds
    assert any(m.label == "para_48" for m in marks) and any(m.label == "fn_13" for m in marks)


def test_every_node_type_has_a_class_to_be_drawn_in() -> None:
    assert set(_CLASS) == set(get_args(NodeType))  # a new node type must say how inspect draws it


def test_an_agenda_s_parts_are_drawn(tmp_path: Path) -> None:
    agenda = FIXTURES / "pdf" / "en" / "HRI_MC_2025_1.en.pdf"
    assert main(["inspect", str(agenda), "--pages", "2", "-o", str(tmp_path), "--resolution", "30"]) == 0
    labels = {m.label for m in document_marks(parsed(agenda))}
    assert {"agenda", "annotations", "annotations__item_9"} <= labels


def test_figures_are_drawn_in_their_own_colour_with_their_caption_and_notes() -> None:
    marks = [m for m in document_marks(parsed(FIXTURES / "pdf" / "en" / "A_80_82_p4_p5_p11.en.pdf")) if m.kind == "figure"]
    assert {m.page for m in marks} == {2, 3}
    assert {m.label for m in marks if m.label} >= {"fig_3", "fig_3__note_1", "fig_6", "fig_6__note_1"}


def test_page_ranges() -> None:
    assert parse_pages("1-3,7", 10) == [1, 2, 3, 7]
    assert parse_pages(None, 3) == [1, 2, 3]
    assert parse_pages("2, 2-3", 10) == [2, 3]
    for bad in ("x", "3-1", "0", "9-12", "1,,2"):
        with pytest.raises(UsageError, match="--pages"):
            parse_pages(bad, 10)


def test_inspecting_a_text_file_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SEED), "-o", str(tmp_path)]) == 19
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
