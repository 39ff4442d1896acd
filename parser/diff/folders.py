"""Two folders of undoc JSON outputs compared file by file (files matched by name)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compare import KINDS, DocumentDiff, diff_documents
from .load import load_document, output_names


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
    common = sorted(set(names_a) & set(names_b))
    diffs = [diff_documents(load_document(Path(a) / name), load_document(Path(b) / name), ignore_space=ignore_space,
                            a_name=name, b_name=name) for name in common]  # fmt: skip
    diffs.sort(key=lambda d: (-len(d.changes), d.a))
    return FolderDiff(str(a), str(b), tuple(diffs), tuple(n for n in names_a if n not in names_b),
                      tuple(n for n in names_b if n not in names_a))  # fmt: skip
