"""Two folders of undoc JSON outputs compared file by file.

Outputs are matched by the input they were made from where both folders are ``undoc batch`` outputs (their
``manifest.jsonl`` names each output's input path): a PDF and the Word file of one document may be written under
the same name in two runs (``A_80_623.en.json`` and ``A_80_623.en.5134b774.json`` swap as the run's order
changes), and matching by name would hold the PDF against the Word file. Outputs no manifest names are matched by
name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..batch.manifest import MANIFEST, read_records
from .compare import KINDS, DocumentDiff, diff_documents
from .load import OUTPUT_SUFFIX, load_document, output_names


@dataclass(frozen=True, slots=True)
class FolderDiff:
    a: str
    b: str
    files: tuple[DocumentDiff, ...]
    """One diff per name found in both folders, the most changed first."""
    only_in_a: tuple[str, ...] = ()
    only_in_b: tuple[str, ...] = ()

    @property
    def changed(self) -> tuple[DocumentDiff, ...]:
        return tuple(d for d in self.files if d.changes)

    @property
    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = dict.fromkeys(KINDS, 0)
        for diff in self.files:
            for kind, n in diff.counts.items():
                totals[kind] += n
        return totals

    @property
    def identical(self) -> bool:
        return not self.changed and not self.only_in_a and not self.only_in_b

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "files": len(self.files), "files_changed": len(self.changed),
                "counts": self.counts, "only_in_a": list(self.only_in_a), "only_in_b": list(self.only_in_b),
                "diffs": [d.as_dict() for d in self.files]}  # fmt: skip


def diff_folders(a: str | Path, b: str | Path, *, ignore_space: bool = False) -> FolderDiff:
    names_a, names_b = output_names(a), output_names(b)
    pairs = _pairs(Path(a), Path(b), names_a, names_b)
    diffs = [diff_documents(load_document(Path(a) / x), load_document(Path(b) / y), ignore_space=ignore_space,
                            a_name=x, b_name=y) for x, y in pairs]  # fmt: skip
    diffs.sort(key=lambda d: (-len(d.changes), d.a))
    paired_a, paired_b = {x for x, _ in pairs}, {y for _, y in pairs}
    return FolderDiff(str(a), str(b), tuple(diffs), tuple(n for n in names_a if n not in paired_a),
                      tuple(n for n in names_b if n not in paired_b))  # fmt: skip


def _pairs(a: Path, b: Path, names_a: list[str], names_b: list[str]) -> list[tuple[str, str]]:
    """The outputs to compare: by input path where both manifests name it, then the rest by name."""
    inputs_a, inputs_b = _outputs_by_input(a, set(names_a)), _outputs_by_input(b, set(names_b))
    pairs = [(inputs_a[path], inputs_b[path]) for path in sorted(set(inputs_a) & set(inputs_b))]
    rest_a, rest_b = set(names_a) - set(inputs_a.values()), set(names_b) - set(inputs_b.values())
    return pairs + [(name, name) for name in sorted(rest_a & rest_b)]


def _outputs_by_input(folder: Path, names: set[str]) -> dict[str, str]:
    """The JSON output of each input the folder's manifest names (its last record), if the output is there."""
    found: dict[str, str] = {}
    for record in read_records(folder / MANIFEST):
        outputs = [o for o in record.get("outputs") or [] if isinstance(o, str) and o.lower().endswith(OUTPUT_SUFFIX)]
        found.pop(record["path"], None)
        if outputs and outputs[0] in names:
            found[record["path"]] = outputs[0]
    return found
