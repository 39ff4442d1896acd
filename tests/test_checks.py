"""Numbering checks on deliberately broken copies of the seed: gaps, duplicates, disorder, and --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import parse
from parser.cli import main

from .conftest import SEED

SOURCE = SEED.read_text(encoding="utf-8")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SOURCE
    path = tmp_path / "broken.zh.md"
    path.write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    return path


def _codes(path: Path) -> list[tuple[str, str | None]]:
    return [(w.code, w.location) for w in parse(path, symbol="A/73/254").warnings]


def test_a_missing_paragraph_number_is_a_gap_warning_at_the_next_paragraph(tmp_path: Path) -> None:
    path = _broken(tmp_path, "\n12. 志愿服务正在提高", "\n志愿服务正在提高")
    assert ("numbering-gap", "para_13") in _codes(path)


def test_a_repeated_paragraph_number_is_a_duplicate_warning(tmp_path: Path) -> None:
    path = _broken(tmp_path, "\n13. 与之互为补充", "\n12. 与之互为补充")
    codes = _codes(path)
    assert ("numbering-duplicate", "para_12_2") in codes
    assert ("numbering-gap", "para_14") in codes


def test_swapped_paragraph_numbers_are_out_of_order(tmp_path: Path) -> None:
    text = SOURCE.replace("\n20. 志愿服务也可以", "\n21. 志愿服务也可以", 1).replace("\n21. 实现《2030", "\n20. 实现《2030", 1)
    path = tmp_path / "swapped.zh.md"
    path.write_text(text, encoding="utf-8")
    codes = _codes(path)
    assert ("numbering-order", "para_20") in codes


def test_a_missing_chapter_is_a_gap(tmp_path: Path) -> None:
    path = _broken(tmp_path, "#### 四. 行动计划评述", "#### 五. 行动计划评述")
    codes = _codes(path)
    assert ("numbering-gap", "chp_5") in codes and ("numbering-duplicate", "chp_5_2") in codes


def test_a_section_out_of_order_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "## B. 将志愿服务纳入", "## D. 将志愿服务纳入")
    codes = _codes(path)
    assert ("numbering-gap", "chp_3__sec_D") in codes and ("numbering-order", "chp_3__sec_C") in codes


def test_a_missing_footnote_definition_leaves_an_unresolved_call(tmp_path: Path) -> None:
    path = _broken(tmp_path, "<sup>4</sup> 志愿人员方案，“全球志愿服务基础设施趋势”，背景文件，2018 年。", "")
    codes = [c for c, _ in _codes(path)]
    assert "footnote-unresolved" in codes and "numbering-gap" in codes


def test_a_clean_seed_passes_strict(tmp_path: Path) -> None:
    assert main(["parse", str(SEED), "--symbol", "A/73/254", "--strict", "-o", str(tmp_path)]) == 0


def test_strict_fails_with_exit_4_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken(tmp_path, "\n12. 志愿服务正在提高", "\n志愿服务正在提高")
    out = tmp_path / "out"
    assert main(["parse", str(path), "--symbol", "A/73/254", "--strict", "-o", str(out)]) == 4
    assert not out.exists() or not any(out.iterdir())
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "numbering-gap" in err[0]
