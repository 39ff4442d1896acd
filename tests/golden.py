"""Golden files: compared whole; a missing golden fails; regenerated only with UNDOC_UPDATE_GOLDEN=1.

Boxes (PDF provenance, in points) are compared within ``BOX_TOLERANCE``: a point release of
pdfplumber/pdfminer.six may move a glyph's box by a rounding step without anything being wrong;
every other value (text, ids, numbers, the structure) must be equal.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .conftest import UPDATE_GOLDEN

BOX_TOLERANCE = 0.5
"""Points: more than the 0.1 pt rounding of the output and far less than a line (~10 pt) or a space (~2.5 pt)."""


def normalized(data: dict[str, Any]) -> dict[str, Any]:
    """The output without what changes from release to release (the generator's version)."""
    return {k: v for k, v in data.items() if k != "generator"}


def differences(expected: Any, actual: Any, where: str = "$") -> list[str]:
    """Where ``actual`` differs from ``expected``: floats within ``BOX_TOLERANCE``, everything else exactly."""
    if isinstance(expected, float) or isinstance(actual, float):
        if isinstance(expected, (int, float)) and isinstance(actual, (int, float)) and not isinstance(expected, bool):
            return [] if math.isclose(expected, actual, rel_tol=0, abs_tol=BOX_TOLERANCE) else [f"{where}: {expected} → {actual}"]
        return [f"{where}: {expected!r} → {actual!r}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        if list(expected) != list(actual):
            return [f"{where}: keys {list(expected)} → {list(actual)}"]
        return [d for key in expected for d in differences(expected[key], actual[key], f"{where}.{key}")]
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{where}: {len(expected)} items → {len(actual)}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for d in differences(e, a, f"{where}[{i}]")]
    return [] if type(expected) is type(actual) and expected == actual else [f"{where}: {expected!r} → {actual!r}"]


def check_golden(path: Path, actual_json: str) -> None:
    actual = normalized(json.loads(actual_json))
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual_json, encoding="utf-8")
    assert path.exists(), f"golden file {path} is missing: review the output, then create it with UNDOC_UPDATE_GOLDEN=1"
    expected = normalized(json.loads(path.read_text(encoding="utf-8")))
    found = differences(expected, actual)
    assert not found, f"output differs from {path.name} ({len(found)}: {found[:5]}); review it, never regenerate to pass"
