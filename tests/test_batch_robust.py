"""undoc batch where a new user's machine differs: a ``parser.py`` in the working folder, an output folder
that cannot be written, a full disk, a worker out of memory, and a run without a terminal."""

from __future__ import annotations

import errno
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from parser.batch import BatchSettings, ConvertOptions, Job, run_batch_settings, run_task
from parser.batch import progress as progress_module
from parser.batch.manifest import MANIFEST, read_records
from parser.batch.sandbox import worker_path
from parser.cli import main
from parser.convert import Converted, convert

from .conftest import FIXTURES, ROOT

LDC_EN = FIXTURES / "text" / "en" / "LDC_PoA_resolution_excerpt.en.txt"
RES_TXT = FIXTURES / "text" / "en" / "A_RES_80_5.txt"
HOOKS = "tests.test_batch_robust"
CONSOLE = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from parser.cli import main; sys.exit(main(sys.argv[1:]))"
"""What the ``undoc`` console script does: its folder, not the current one, is first on the path (``-I``)."""


def slow_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    time.sleep(1.2)
    return convert(path, out_dir, **options)


def enomem_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    raise OSError(errno.ENOMEM, "Cannot allocate memory")


def oom_death_convert(path: str, out_dir: Path | None, **options: Any) -> Converted:
    """Dies as Python does when even raising MemoryError needs memory."""
    print("Fatal Python error: _PyErr_NormalizeException: Cannot recover from MemoryErrors", file=sys.stderr, flush=True)
    os._exit(1)


def undoc(args: list[str], cwd: Path, **popen: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-I", "-c", CONSOLE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False, **popen)  # fmt: skip


def records(out: Path) -> dict[str, dict[str, Any]]:
    return {Path(r["path"]).name: r for r in read_records(out / MANIFEST)}


def test_a_parser_module_in_the_working_folder_does_not_reach_the_workers(tmp_path: Path) -> None:
    (tmp_path / "parser.py").write_text('raise SystemExit("this parser.py is not undoc")\n', encoding="utf-8")
    (tmp_path / "regex.py").write_text('raise SystemExit("nor is this regex.py")\n', encoding="utf-8")
    result = undoc(["batch", str(LDC_EN), str(RES_TXT), "-o", "out", "--workers", "1", "-q"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["status"] for r in records(tmp_path / "out").values()] == ["ok", "ok"]


def test_the_workers_import_path_starts_with_this_undoc_and_leaves_out_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    path = worker_path()
    assert path[0] == str(ROOT) and str(tmp_path) not in path and "" not in path


def test_an_output_folder_that_cannot_be_written_is_exit_30_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".undoc").write_text("a file where undoc keeps its state")  # as root, chmod would not stop a write
    assert main(["batch", str(LDC_EN), "-o", str(out), "--workers", "1", "-q"]) == 30
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(out) in err[0] and "internal error" not in err[0]


def test_a_read_only_file_system_is_exit_30(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(os, "open", read_only)
    assert main(["batch", str(LDC_EN), "-o", str(tmp_path / "out"), "--workers", "1", "-q"]) == 30
    err = capsys.readouterr().err
    assert "Read-only file system" in err and str(tmp_path / "out") in err and len(err.strip().splitlines()) == 1


def _tiny_files() -> None:
    """A file-size limit of a few bytes: every write to a file fails with EFBIG, as a full disk fails with ENOSPC."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))


def test_a_full_disk_stops_batch_with_exit_30_naming_the_manifest(tmp_path: Path) -> None:
    result = undoc(["batch", str(LDC_EN), str(RES_TXT), "-o", "out", "--workers", "1", "-q"], tmp_path,
                   preexec_fn=_tiny_files)  # fmt: skip
    assert result.returncode == 30, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "manifest.jsonl" in lines[0] and "File too large" in lines[0]


def test_a_full_disk_in_parse_names_the_output_it_could_not_write(tmp_path: Path) -> None:
    result = undoc(["parse", str(RES_TXT), "-o", "out"], tmp_path, preexec_fn=_tiny_files)
    assert result.returncode == 30
    assert "out/A_RES_80_5.en.json: cannot write output (File too large)" in result.stderr
    assert not list((tmp_path / "out").iterdir())


def test_a_worker_that_cannot_claim_an_output_name_records_an_output_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / ".undoc").write_text("not a folder")
    result = run_task(Job(str(LDC_EN), "", str(tmp_path)))
    assert (result.status, result.code, result.exit_code) == ("error", "output", 30)
    assert str(tmp_path) in (result.error or "")


def test_running_out_of_memory_is_memory_whatever_the_library_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_task(Job(str(LDC_EN), "", str(tmp_path), ConvertOptions(converter=f"{HOOKS}:enomem_convert")))
    assert (result.status, result.code) == ("memory", "memory") and LDC_EN.name in (result.error or "")
    import pdfplumber

    def no_memory(*_: Any, **__: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(pdfplumber, "open", no_memory)  # pdfminer out of memory used to read as a corrupt PDF
    pdf = run_task(Job(str(FIXTURES / "pdf" / "es" / "A_RES_48_246.es.pdf"), "", str(tmp_path)))
    assert (pdf.status, pdf.code) == ("memory", "memory")


def test_a_worker_that_dies_out_of_memory_under_the_limit_is_memory_and_without_a_limit_a_crash(tmp_path: Path) -> None:
    options = ConvertOptions(converter=f"{HOOKS}:oom_death_convert")
    for memory_mb, status in ((2048, "memory"), (0, "crash")):
        out = tmp_path / str(memory_mb)
        run_batch_settings(BatchSettings((str(LDC_EN),), out, options, workers=1, memory_mb=memory_mb, progress=False))
        record = records(out)[LDC_EN.name]
        assert record["status"] == status and "Cannot recover from MemoryErrors" in record["error"]


def test_without_a_terminal_batch_prints_a_progress_line_every_few_seconds(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    stream = io.StringIO()  # not a terminal
    monkeypatch.setattr(progress_module, "LOG_SECONDS", 0.3)
    monkeypatch.setattr(sys, "stderr", stream)
    settings = BatchSettings((str(LDC_EN), str(RES_TXT)), tmp_path / "out", ConvertOptions(converter=f"{HOOKS}:slow_convert"),
                             workers=1, progress=True)  # fmt: skip
    run_batch_settings(settings)
    lines = [line for line in stream.getvalue().splitlines() if line.startswith("undoc batch: ")]
    assert len(lines) >= 3, stream.getvalue()
    assert "0/2 files" in lines[0] and "failed" in lines[0] and "pages/s" in lines[0]
    assert any("1/2 files" in line for line in lines)


def test_the_manifest_keeps_one_line_per_input_after_output_errors(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "A_RES_80_5.en.json").mkdir()  # a folder where an output file goes
    summary = run_batch_settings(BatchSettings((str(RES_TXT), str(LDC_EN)), out, workers=1, progress=False))
    got = records(out)
    assert (got[RES_TXT.name]["status"], got[RES_TXT.name]["exit_code"]) == ("error", 30)
    assert got[LDC_EN.name]["status"] == "ok" and len(summary.failures) == 1
    assert not (out / "A_RES_80_5.en.xml").exists()  # outputs of one input appear together or not at all
