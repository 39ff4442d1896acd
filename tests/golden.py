"""Golden files: compared whole; a missing golden fails; regenerated only with UNDOC_UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import UPDATE_GOLDEN


def normalized(data: dict[str, Any]) -> dict[str, Any]:
    """The output without what changes from release to release (the generator's version)."""
    return {k: v for k, v in data.items() if k != "generator"}


def check_golden(path: Path, actual_json: str) -> None:
    actual = normalized(json.loads(actual_json))
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual_json, encoding="utf-8")
    assert path.exists(), f"golden file {path} is missing: review the output, then create it with UNDOC_UPDATE_GOLDEN=1"
    expected = normalized(json.loads(path.read_text(encoding="utf-8")))
    assert actual == expected, f"output differs from {path.name}; review the difference, never regenerate to pass"
