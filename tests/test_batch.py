"""undoc batch, local engine: manifest, resume, failures that do not stop the batch, and safe output names.

The ``*_convert`` functions below are converter hooks (``ConvertOptions.converter``) that the
worker processes import by name to simulate a hanging, crashing, dying or memory-hungry file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from parser.batch import BatchSettings, ConvertOptions, run_batch_settings
from parser.batch.cli_batch import EXIT_SOME_FAILED, add_batch_parser, run_batch
from parser.batch.inputs import expand_inputs
from parser.batch.manifest import MANIFEST, RECORD_KEYS, read_records
from parser.batch.names import claim_stem, inside
from parser.batch.run import _locked
from parser.convert import Converted, convert
from parser.errors import OutputError
from parser.write.files import MAX_STEM, safe_stem
from parser.xmlsafe import parse_xml_bytes, parse_xml_file

from .conftest import FIXTURES, ROOT

TEXT = FIXTURES / "text"
LDC_EN = TEXT / "en" / "LDC_PoA_resolution_excerpt.en.txt"
SMALL_PDF = FIXTURES / "pdf" / "es" / "A_RES_48_246.es.pdf"
BIG_PDF = FIXTURES / "pdf" / "en" / "A_80_179.en.pdf"
HOOKS = "tests.test_batch"
HANG_SECONDS = 8.0
"""Time limit for tests with a hanging file: far above converting a small text even on a loaded machine (a
conversion over it would be recorded as a timeout too); the hanging file costs this much waiting, no CPU."""


# --- converter hooks, run inside the worker processes ----------------------------------------------
def hang_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    if "hang" in Path(path).name:
        time.sleep(3600)
    return convert(path, out_dir, **options)


def crash_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    if "crash" in Path(path).name:
        raise RuntimeError("boom\nsecond line")
    if "die" in Path(path).name:
        print("libfoo: fatal: cannot map page 7", file=sys.stderr, flush=True)
        os._exit(3)
    return convert(path, out_dir, **options)


def hog_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    if "hog" in Path(path).name:
        hoard = [bytearray(64 * 2**20) for _ in range(64)]  # 4 GiB, over the 1 GiB limit
        del hoard
    return convert(path, out_dir, **options)


def symbol_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    """The symbol comes from ``<path>.symbol.json`` (so that it can hold a NUL or be 500 characters long)."""
    symbol = json.loads(Path(f"{path}.symbol.json").read_text(encoding="utf-8"))
    return convert(path, out_dir, symbol=symbol, **options)


# --- helpers ------------------------------------------------------------------------------------
def batch(inputs: list[Path | str], out: Path, **settings: Any) -> Any:
    options = settings.pop("options", ConvertOptions())
    settings.setdefault("workers", 2)
    settings.setdefault("progress", False)
    return run_batch_settings(BatchSettings(tuple(map(str, inputs)), out, options, **settings))


def records(out: Path) -> dict[str, dict[str, Any]]:
    return {Path(r["path"]).name: r for r in read_records(out / MANIFEST)}


def variant(source: Path, target: Path, tag: str) -> Path:
    """A copy of ``source`` with different bytes (so a different sha256) and the same document."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes() + f"\n\n{tag}\n".encode())
    return target


# --- the batch itself ---------------------------------------------------------------------------
def test_batch_converts_every_fixture_and_writes_one_manifest_line_each(tmp_path: Path) -> None:
    inputs: list[Path | str] = [TEXT, SMALL_PDF] if SMALL_PDF.exists() else [TEXT]
    summary = batch(inputs, tmp_path / "out")
    lines = (tmp_path / "out" / MANIFEST).read_text(encoding="utf-8").splitlines()
    got = [json.loads(line) for line in lines]
    assert len(got) == len(summary.results) == len(expand_inputs(map(str, inputs)))
    for record in got:
        assert list(record) == list(RECORD_KEYS)
        assert record["status"] == "ok", record
        assert record["sha256"] == hashlib.sha256(Path(record["path"]).read_bytes()).hexdigest()
        assert record["symbol"] and record["language"] and record["undoc"]
        assert isinstance(record["warnings"], int) and record["seconds"] >= 0 and record["error"] is None
        for name in record["outputs"]:
            assert (tmp_path / "out" / name).is_file() and "/" not in name
    if SMALL_PDF.exists():
        assert records(tmp_path / "out")[SMALL_PDF.name]["pages"] == 3
    assert "converted" in summary.describe() and summary.counts["ok"] == len(got)


def test_rerun_skips_unchanged_good_results_and_redoes_changed_or_missing_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(TEXT, src)
    out = tmp_path / "out"
    count = len(expand_inputs([str(src)]))
    first = batch([src], out)
    assert first.skipped == 0 and first.counts["ok"] == count >= 5
    again = batch([src], out)
    assert again.skipped == count and not again.results
    changed = src / "en" / "LDC_PoA_resolution_excerpt.en.txt"
    changed.write_bytes(changed.read_bytes() + b"\n20. Decides to remain seized of the matter.\n")
    (out / records(out)["A_73_254.zh.md"]["outputs"][1]).unlink()  # an output lost since
    third = batch([src], out)
    assert sorted(Path(r.path).name for r in third.results) == ["A_73_254.zh.md", "LDC_PoA_resolution_excerpt.en.txt"]
    assert len(list(read_records(out / MANIFEST))) == count  # still one line per input
    other_options = batch([src], out, options=ConvertOptions(formats=("json",)))
    assert other_options.skipped == 0 and other_options.counts["ok"] == count


def test_a_damaged_earlier_output_is_converted_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    zh = TEXT / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"
    batch([LDC_EN, zh], out)
    json_out, _ = records(out)[LDC_EN.name]["outputs"]
    _, xml_out = records(out)[zh.name]["outputs"]
    (out / json_out).write_bytes((out / json_out).read_bytes()[:-200])
    (out / xml_out).write_bytes(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;')
    again = batch([LDC_EN, zh], out)
    assert again.skipped == 0 and again.counts["ok"] == 2
    assert parse_xml_file(out / xml_out).tag.endswith("akomaNtoso")


def test_a_torn_manifest_line_from_a_crash_is_ignored_and_the_batch_resumes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch([LDC_EN], out)
    with (out / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write('{"path": "half-writ')
    (out / ".A_1.en.json.abc.part").write_text("partial")
    summary = batch([LDC_EN, TEXT / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"], out)
    assert summary.skipped == 1 and summary.counts["ok"] == 1
    assert len((out / MANIFEST).read_text(encoding="utf-8").splitlines()) == 2
    assert not list(out.glob(".*.part"))


INTERRUPTIBLE = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from parser.cli import main; sys.exit(main(sys.argv[1:]))"
)
"""``undoc`` with Python's own Ctrl-C handling, even when this test runs with SIGINT ignored (``nohup``, ``&``)."""


@pytest.mark.skipif(not BIG_PDF.exists(), reason="no PDF fixture")
def test_ctrl_c_stops_the_batch_cleanly_and_the_next_run_resumes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-c", INTERRUPTIBLE, "batch", str(LDC_EN), str(BIG_PDF), "-o", str(out), "--workers", "1"]
    ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a child of nohup or of `cmd &` inherits
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    finally:
        signal.signal(signal.SIGINT, ignored)
    deadline = time.monotonic() + 30
    while not (out / MANIFEST).exists() or not (out / MANIFEST).read_text(encoding="utf-8").strip():
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)  # while the PDF is being converted
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and b"interrupted" in err
    assert [r["path"] for r in read_records(out / MANIFEST)] == [str(LDC_EN)]
    assert not list(out.glob(".*.part")) and not list(out.glob("A_80_179*"))
    # the time limit is not part of what a re-run compares, so a short one shows the resume without a full parse
    summary = batch([LDC_EN, BIG_PDF], out, workers=1, timeout=1.0)
    assert summary.skipped == 1 and [Path(r.path).name for r in summary.results] == [BIG_PDF.name]


def test_a_hanging_file_times_out_and_the_batch_goes_on(tmp_path: Path) -> None:
    hang = variant(LDC_EN, tmp_path / "in" / "hang.en.txt", "x")
    start = time.perf_counter()
    batch([hang, LDC_EN, TEXT / "zh"], tmp_path / "out", timeout=HANG_SECONDS,
                    options=ConvertOptions(converter=f"{HOOKS}:hang_convert"))  # fmt: skip
    assert time.perf_counter() - start < 30
    got = records(tmp_path / "out")
    assert got["hang.en.txt"]["status"] == "timeout" and f"{HANG_SECONDS:g} s" in got["hang.en.txt"]["error"]
    assert [r["status"] for name, r in got.items() if name != "hang.en.txt"] == ["ok"] * 3


def test_bad_inputs_are_recorded_as_errors_with_their_code_and_the_batch_goes_on(tmp_path: Path) -> None:
    binary = tmp_path / "in" / "binary.txt"
    binary.parent.mkdir()
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "in" / "empty.md"
    empty.write_bytes(b"")
    summary = batch([binary, empty, tmp_path / "in" / "missing.pdf", LDC_EN], tmp_path / "out")
    got = records(tmp_path / "out")
    assert (got["binary.txt"]["status"], got["binary.txt"]["code"], got["binary.txt"]["exit_code"]) == ("error", "binary", 13)
    assert (got["empty.md"]["code"], got["missing.pdf"]["code"]) == ("empty", "not-found")
    assert "missing.pdf" in got["missing.pdf"]["error"] and "\n" not in got["missing.pdf"]["error"]
    assert got[LDC_EN.name]["status"] == "ok" and len(summary.failures) == 3


def test_crashes_dead_workers_and_memory_hogs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    crash, die = variant(LDC_EN, src / "crash.txt", "a"), variant(LDC_EN, src / "die.txt", "b")
    summary = batch([crash, die, LDC_EN], tmp_path / "out", options=ConvertOptions(converter=f"{HOOKS}:crash_convert"))
    got = records(tmp_path / "out")
    assert got["crash.txt"]["status"] == "crash" and got["crash.txt"]["error"].startswith("RuntimeError: boom second line")
    assert got["die.txt"]["status"] == "crash" and "died (exit code 3)" in got["die.txt"]["error"]
    assert "libfoo: fatal: cannot map page 7" in got["die.txt"]["error"]  # the worker's last words
    assert got[LDC_EN.name]["status"] == "ok" and len(summary.results) == 3
    hog = variant(LDC_EN, src / "hog.txt", "c")
    batch([hog, LDC_EN], tmp_path / "out2", memory_mb=1024, options=ConvertOptions(converter=f"{HOOKS}:hog_convert"))
    got = records(tmp_path / "out2")
    assert got["hog.txt"]["status"] == "memory" and got[LDC_EN.name]["status"] == "ok"


def test_two_inputs_with_one_symbol_and_language_get_distinct_names(tmp_path: Path) -> None:
    md, txt = TEXT / "en" / "A_RES_80_5.md", TEXT / "en" / "A_RES_80_5.txt"
    out = tmp_path / "out"
    batch([md, txt], out, workers=1)
    got = records(out)
    sha = hashlib.sha256(txt.read_bytes()).hexdigest()
    assert got[md.name]["outputs"] == ["A_RES_80_5.en.json", "A_RES_80_5.en.xml"]
    assert got[txt.name]["outputs"] == [f"A_RES_80_5.en.{sha[:8]}.json", f"A_RES_80_5.en.{sha[:8]}.xml"]
    assert json.loads((out / "A_RES_80_5.en.json").read_text(encoding="utf-8"))["source"]["name"] == md.name
    batch([txt, md], out, workers=1, force=True)  # the same inputs keep their names, whatever the order
    assert records(out)[txt.name]["outputs"] == got[txt.name]["outputs"]


@pytest.mark.parametrize("symbol", ["../../etc/passwd", "/abs", "a\x00b", "x" * 500, "CON", "..", "a/../../b", "\u202e../x"])
def test_unsafe_symbols_give_names_inside_the_output_directory(tmp_path: Path, symbol: str) -> None:
    src = variant(LDC_EN, tmp_path / "in" / "doc.txt", "x")
    Path(f"{src}.symbol.json").write_text(json.dumps(symbol), encoding="utf-8")
    out = tmp_path / "a" / "b" / "out"
    batch([src], out, workers=1, options=ConvertOptions(converter=f"{HOOKS}:symbol_convert"))
    record = records(out)["doc.txt"]
    assert record["status"] == "ok" and record["symbol"] == symbol
    for name in record["outputs"]:
        assert (out / name).resolve().parent == out.resolve()
        assert len(name.encode()) <= MAX_STEM + 30 and "\x00" not in name and not name.startswith(".")
    written = {p for p in tmp_path.rglob("*") if p.is_file() and ".undoc" not in p.parts}
    assert written == {src, Path(f"{src}.symbol.json"), out / MANIFEST, *(out / n for n in record["outputs"])}


def test_safe_stem_neutralizes_traversal_controls_reserved_and_overlong_names() -> None:
    assert safe_stem("A/73/254") == "A_73_254"
    assert safe_stem("../../etc/passwd") == "etc_passwd"
    assert safe_stem("a\x00b\x1fc") == "a_b_c"
    assert safe_stem("..") == safe_stem("") == safe_stem("///") == "document"
    assert safe_stem("nul.txt") == "nul_.txt" and safe_stem("CON") == "CON_"
    assert ".." not in safe_stem("a..b") and len(safe_stem("é" * 400 + "x" * 400)) <= MAX_STEM


def test_output_names_are_checked_against_the_directory(tmp_path: Path) -> None:
    assert inside(tmp_path, "a.json") == tmp_path / "a.json"
    for bad in ("../a.json", "..", "a\x00.json", "/etc/x"):
        with pytest.raises(OutputError):
            inside(tmp_path, bad)
    (tmp_path / "link.json").symlink_to("/tmp/elsewhere.json")
    with pytest.raises(OutputError):
        inside(tmp_path, "link.json")


def test_claims_give_the_same_name_to_the_same_bytes_and_a_suffix_to_others(tmp_path: Path) -> None:
    assert claim_stem(tmp_path, "A_1.en", "a" * 64) == "A_1.en"
    assert claim_stem(tmp_path, "A_1.en", "a" * 64) == "A_1.en"
    assert claim_stem(tmp_path, "a_1.en", "b" * 64) == "a_1.en.bbbbbbbb"  # case-insensitive file systems too


def test_inputs_expand_directories_and_globs_in_a_stable_order_without_duplicates(tmp_path: Path) -> None:
    for name in ("b/2.pdf", "b/1.md", "a/x.txt", "a/.hidden.txt", ".git/h.txt", "a/notes.docx", "a/old.doc", "c/deep/3.markdown"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("1. a")
    got = expand_inputs([str(tmp_path / "b"), str(tmp_path / "a"), str(tmp_path / "**" / "*.md"), str(tmp_path / "c"),
                         str(tmp_path / "none*.pdf"), str(tmp_path / "a" / "x.txt")])  # fmt: skip
    assert [p.relative_to(tmp_path).as_posix() for p in got] == [
        "b/1.md", "b/2.pdf", "a/notes.docx", "a/x.txt", "c/deep/3.markdown", "none*.pdf"]  # fmt: skip
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "y.txt").write_text("1. a")
    assert "out/y.txt" not in [
        p.relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)], exclude=tmp_path / "out")
    ]


def test_a_second_batch_on_the_same_directory_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _locked(out), pytest.raises(OutputError, match="another undoc batch"):
        batch([LDC_EN], out)


def test_cli_returns_5_when_some_inputs_failed_and_0_when_all_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = argparse.ArgumentParser(prog="undoc")
    add_batch_parser(top.add_subparsers(dest="command"))
    args = top.parse_args(["batch", str(LDC_EN), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o"), "--workers", "1"])
    assert run_batch(args) == EXIT_SOME_FAILED
    captured = capsys.readouterr()
    assert "1 converted" in captured.out and "not-found" not in captured.out and "missing.txt" in captured.err
    args = top.parse_args(["batch", str(LDC_EN), "-o", str(tmp_path / "o2"), "-q"])
    assert run_batch(args) == 0


def test_xml_is_read_without_entities_dtds_or_network(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]><x>&e;</x>'.encode()
    assert b"TOP-SECRET" not in __import__("lxml.etree").etree.tostring(parse_xml_bytes(xxe))
    laughs = b'<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>'
    assert "aaaaaaaaaa" not in (parse_xml_bytes(laughs).text or "")
    (tmp_path / "x.xml").write_bytes(xxe)
    assert parse_xml_file(tmp_path / "x.xml").tag == "x"


def test_batch_reader_is_chosen_and_part_of_the_resume_key(tmp_path: Path) -> None:
    """``--reader pdfium`` reaches every worker, the manifest records it, and the other reader converts again."""
    top = argparse.ArgumentParser(prog="undoc")
    add_batch_parser(top.add_subparsers(dest="command"))
    out = tmp_path / "out"
    args = top.parse_args(["batch", str(SMALL_PDF), "-o", str(out), "--workers", "1", "--reader", "pdfium", "-q"])
    assert run_batch(args) == 0
    record = records(out)[SMALL_PDF.name]
    assert record["status"] == "ok" and record["options"]["reader"] == "pdfium"
    again = batch([SMALL_PDF], out, options=ConvertOptions(reader="pdfium"), workers=1)
    assert again.skipped == 1
    other = batch([SMALL_PDF], out, options=ConvertOptions(reader="pdfplumber"), workers=1)
    assert other.skipped == 0 and other.counts["ok"] == 1
    with pytest.raises(SystemExit):
        top.parse_args(["batch", str(SMALL_PDF), "-o", str(out), "--reader", "poppler"])


def test_manifest_written_before_readers_resumes_as_pdfplumber() -> None:
    old = ConvertOptions().as_dict()
    del old["reader"]
    assert ConvertOptions.from_dict(old) == ConvertOptions(reader="pdfplumber")
