"""What ``undoc diff`` compares: an undoc JSON output, any input undoc parses, or a folder of JSON outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError, InputNotFound, NotAUNDocument
from ..pipeline import parse
from ..write.to_json import FORMAT, document_to_dict

OUTPUT_SUFFIX = ".json"


def load_document(path: str | Path) -> dict[str, Any]:
    """An undoc JSON output as written, or the JSON form of a fresh parse of any other input."""
    name = str(path)
    if not name.lower().endswith(OUTPUT_SUFFIX):
        return document_to_dict(parse(name))
    if not os.path.exists(name):
        raise InputNotFound(name, "no such file")
    try:
        with open(name, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise NotAUNDocument(name, "is not an undoc JSON output (not UTF-8 text)") from None
    except ValueError as exc:
        raise NotAUNDocument(name, f"is not an undoc JSON output (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAUNDocument(name, f'is not an undoc JSON output (no "format": "{FORMAT}")')
    return data


def output_names(folder: str | Path) -> list[str]:
    """The JSON outputs directly inside ``folder``, by name (a batch's manifest is not one)."""
    return sorted(p.name for p in Path(folder).iterdir() if p.suffix.lower() == OUTPUT_SUFFIX and p.is_file())
