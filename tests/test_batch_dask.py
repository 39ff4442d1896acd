"""undoc batch on Dask: a 2-worker LocalCluster gives the same manifest statuses and the same files as the local engine."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parser.batch import ConvertOptions, dask_engine
from parser.batch.dask_engine import EngineError, local_workers

from .conftest import FIXTURES
from .test_batch import HANG_SECONDS, HOOKS, LDC_EN, SMALL_PDF, TEXT, batch, records, variant

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as running:  # fmt: skip
        yield running


def inputs(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "in" / "binary.txt"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(bytes(range(256)) * 4)
    found = [TEXT, bad, tmp_path / "in" / "missing.md"]
    return found + ([SMALL_PDF] if SMALL_PDF.exists() else [])


def outputs(out: Path, names: list[str]) -> list[bytes]:
    return [(out / name).read_bytes() for name in names]


def essentials(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record[key] for key in ("status", "code", "sha256", "symbol", "language", "pages", "warnings"))


def unsuffixed(names: list[str]) -> list[str]:
    return [re.sub(r"\.[0-9a-f]{8}(?=\.(json|xml)$)", "", name) for name in names]


def test_dask_engine_gives_the_local_engines_manifest_and_files(tmp_path: Path, cluster: Any) -> None:
    given = inputs(tmp_path)
    batch(given, tmp_path / "local", workers=2)
    summary = batch(given, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    local, dask = records(tmp_path / "local"), records(tmp_path / "dask")
    assert summary.counts["ok"] == sum(r["status"] == "ok" for r in local.values()) >= 5
    assert {k: essentials(r) for k, r in local.items()} == {k: essentials(r) for k, r in dask.items()}
    # two inputs share a symbol here: which one gets the plain name depends on which finishes first
    assert {k: unsuffixed(r["outputs"]) for k, r in local.items()} == {k: unsuffixed(r["outputs"]) for k, r in dask.items()}
    for name in local:
        assert outputs(tmp_path / "local", local[name]["outputs"]) == outputs(tmp_path / "dask", dask[name]["outputs"])
    assert len(list((tmp_path / "dask").glob("*.*"))) == len(list((tmp_path / "local").glob("*.*")))
    again = batch(given, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert again.skipped == summary.counts["ok"]


def test_dask_engine_records_a_hanging_file_as_timeout(tmp_path: Path, cluster: Any) -> None:
    hang = variant(LDC_EN, tmp_path / "in" / "hang.en.txt", "x")
    batch([hang, LDC_EN], tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address, timeout=HANG_SECONDS,
          options=ConvertOptions(converter=f"{HOOKS}:hang_convert"))  # fmt: skip
    got = records(tmp_path / "out")
    assert (got["hang.en.txt"]["status"], got[LDC_EN.name]["status"]) == ("timeout", "ok")


def test_dask_engine_starts_its_own_local_cluster(tmp_path: Path) -> None:
    summary = batch([LDC_EN, FIXTURES / "text" / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"], tmp_path / "out",
                    engine="dask", scheduler="local:1")  # fmt: skip
    assert summary.counts["ok"] == 2


def test_scheduler_addresses() -> None:
    assert local_workers(None, 3) == 3 and local_workers("local", 2) == 2 and local_workers("local:4", 1) == 4
    assert local_workers("tcp://10.0.0.1:8786", 2) is None
    with pytest.raises(EngineError):
        local_workers("local:x", 2)


def test_an_unreachable_scheduler_is_an_engine_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 2)
    with pytest.raises(EngineError, match="cannot reach"):
        batch([LDC_EN], tmp_path / "out", engine="dask", scheduler="tcp://127.0.0.1:9")
