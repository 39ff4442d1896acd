"""Every way a command line or an input can be wrong: one line on stderr naming the option or the file, and
the exit code the README's table gives for it (and the table lists exactly the codes undoc can exit with)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parser.cli import main
from parser.errors import exit_codes

from .conftest import FIXTURES, ROOT, SEED

RES_PDF = FIXTURES / "pdf" / "en" / "A_RES_48_246.en.pdf"  # 3 pages
RES_TXT = FIXTURES / "text" / "en" / "A_RES_80_5.txt"
LDC_EN = FIXTURES / "text" / "en" / "LDC_PoA_resolution_excerpt.en.txt"
LDC_ZH = FIXTURES / "text" / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"


def readme_exit_codes() -> dict[int, str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", section, re.MULTILINE)}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(args)
    return code, capsys.readouterr().err.strip().splitlines()


def test_the_readme_lists_exactly_the_exit_codes_undoc_has() -> None:
    assert sorted(readme_exit_codes()) == sorted(exit_codes())


USAGE = [
    (["parse", str(SEED), "--format", "pdf"], "--format"),
    (["parse", str(SEED), "--lang", "xx"], "--lang"),
    (["parse", str(SEED), "-o", "-", "--format", "json,xml"], "-o -"),
    (["batch", str(SEED), "-o", "out", "--format", "txt"], "--format"),
    (["batch", str(SEED), "-o", "out", "--timeout", "-1"], "--timeout"),
    (["batch", str(SEED), "-o", "out", "--timeout", "nan"], "--timeout"),
    (["batch", str(SEED), "-o", "out", "--memory", "-5"], "--memory"),
    (["batch", str(SEED), "-o", "out", "--workers", "0"], "--workers"),
    (["batch", str(SEED), "-o", "out", "--scheduler", "tcp://x:8786"], "--scheduler"),
    (["batch", str(SEED)], "-o"),
    (["align", str(RES_PDF)], "align"),
    (["inspect", str(RES_PDF), "--pages", "abc"], "--pages"),
    (["inspect", str(RES_PDF), "--pages", "3-1"], "--pages"),
    (["inspect", str(RES_PDF), "--pages", "0"], "--pages"),
    (["inspect", str(RES_PDF), "--resolution", "100000"], "--resolution"),
    (["inspect", str(RES_PDF), "--resolution", "-5"], "--resolution"),
    (["inspect", str(RES_PDF), "--resolution", "0"], "--resolution"),
    (["frobnicate"], "frobnicate"),
]


@pytest.mark.parametrize("args, option", USAGE, ids=[" ".join(a[:1] + a[2:]) for a, _ in USAGE])
def test_a_bad_command_line_is_exit_2_with_one_line_naming_the_option(
    args: list[str], option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run(args, capsys)
    assert code == 2 and readme_exit_codes()[2].startswith("bad command line")
    assert len(err) == 1 and err[0].startswith("undoc: error: ") and option in err[0], err
    assert not list(tmp_path.iterdir())  # nothing written


def test_pages_past_the_end_of_the_pdf_is_exit_2_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for pages in ("50", "2-4"):
        code, err = run(["inspect", str(RES_PDF), "--pages", pages, "-o", str(tmp_path / "out")], capsys)
        assert code == 2 and len(err) == 1 and "--pages" in err[0] and "3 pages" in err[0]
    assert not (tmp_path / "out").exists()


def test_inspecting_a_file_that_is_not_a_pdf_is_exit_19_naming_its_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(["inspect", str(SEED), "-o", str(tmp_path)], capsys)
    assert code == 19 and len(err) == 1 and str(SEED) in err[0] and "not a PDF" not in err[0] and "text document" in err[0]
    assert readme_exit_codes()[19].startswith("`inspect`")


def test_aligning_two_versions_in_one_language_is_exit_40(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["align", str(LDC_EN), str(LDC_EN), "-o", str(tmp_path)], capsys)
    assert code == 40 and len(err) == 1 and "same language" in err[0]
    assert "align" in readme_exit_codes()[40]


def test_parse_refuses_to_overwrite_the_output_of_another_input_with_exit_31(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md, txt = FIXTURES / "text" / "en" / "A_RES_80_5.md", RES_TXT
    out = tmp_path / "out"
    assert run(["parse", str(md), "-o", str(out), "-q"], capsys)[0] == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    code, err = run(["parse", str(txt), "-o", str(out), "-q"], capsys)
    assert code == 31 and len(err) == 1 and "A_RES_80_5.en.json" in err[0] and "A_RES_80_5.md" in err[0] and "--force" in err[0]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first  # untouched, both files
    assert run(["parse", str(md), "-o", str(out), "-q"], capsys)[0] == 0  # its own output is replaced
    assert run(["parse", str(txt), "-o", str(out), "-q", "--force"], capsys)[0] == 0
    assert b"A_RES_80_5.txt" in (out / "A_RES_80_5.en.xml").read_bytes()
    assert run(["parse", str(md), "-o", str(out), "-q", "--format", "xml"], capsys)[0] == 31  # XML says whose it is too


def test_a_file_undoc_did_not_write_is_not_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "A_RES_80_5.en.json").write_text('{"mine": true}')
    code, err = run(["parse", str(RES_TXT), "-o", str(tmp_path), "-q"], capsys)
    assert code == 31 and "did not write" in err[0]
    assert (tmp_path / "A_RES_80_5.en.json").read_text() == '{"mine": true}'
