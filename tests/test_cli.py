"""The undoc command: outputs, stdout mode, and one-line errors with distinct exit codes for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parser.cli import main

from .conftest import SEED


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parse_writes_json_and_xml_named_after_the_symbol(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(["parse", str(SEED), "--symbol", "A/73/254", "-o", str(tmp_path)], capsys)
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A_73_254.zh.json", "A_73_254.zh.xml"]
    text = (tmp_path / "A_73_254.zh.json").read_text(encoding="utf-8")
    assert "第七十三届会议" in text and "\\u" not in text


def test_dash_output_prints_json_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["parse", str(SEED), "--symbol", "A/73/254", "-o", "-", "-q"], capsys)
    assert code == 0 and json.loads(out)["symbol"] == "A/73/254"


def test_format_selects_one_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(["parse", str(SEED), "--symbol", "A/73/254", "--format", "xml", "-o", str(tmp_path)], capsys)
    assert code == 0 and [p.suffix for p in tmp_path.iterdir()] == [".xml"]


def test_missing_symbol_falls_back_to_the_file_name_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["parse", str(SEED), "-o", str(tmp_path)], capsys)
    assert code == 0 and "symbol-from-filename" in err
    assert (tmp_path / "A_73_254.zh.json").exists()


def _junk(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make, code, words",
    [
        (lambda t: t / "nope.txt", 10, "no such file"),
        (lambda t: t, 11, "directory"),
        (lambda t: _junk(t, "empty.txt", b""), 12, "empty"),
        (lambda t: _junk(t, "junk.txt", bytes(range(256)) * 40), 13, "binary"),
        (lambda t: _junk(t, "gbk.txt", b"\x81\x30\xff\xfe\xfd" * 40), 14, "not valid UTF-8"),
        (
            lambda t: _junk(t, "prose.txt", "这是一段普通的文字，没有任何联合国文件的结构。\n另一行。\n".encode()),
            15,
            "no UN document structure",
        ),
    ],
    ids=["missing", "directory", "empty", "binary", "undecodable", "not-un"],
)
def test_bad_input_gets_one_line_error_distinct_code_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, code: int, words: str
) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    out_dir = tmp_path / "out"
    got, _, err = _run(["parse", str(target), "-o", str(out_dir)], capsys)
    assert got == code
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("undoc: error: ") and str(target) in lines[0] and words in lines[0]
    assert "Traceback" not in err and not out_dir.exists()


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    junk = _junk(tmp_path, "junk.txt", bytes(range(256)) * 40)
    result = subprocess.run([sys.executable, "-m", "parser.cli", "parse", str(junk), "-o", str(tmp_path / "o")],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 13 and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
