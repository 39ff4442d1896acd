"""``undoc diff`` results as terminal text: one line per change, or one line per file for folders."""

from __future__ import annotations

from .compare import Change, DocumentDiff
from .folders import FolderDiff

EXCERPT = 100
"""Characters of an added or removed unit's text shown."""
SIGNS = {"added": "+", "removed": "-", "moved": ">", "changed": "~"}


def document_diff_text(diff: DocumentDiff) -> str:
    lines = [f"--- {diff.a}", f"+++ {diff.b}"]
    lines.extend(change_line(c) for c in diff.changes)
    lines.append(_tally(diff.counts, len(diff.changes)))
    return "\n".join(lines) + "\n"


def change_line(change: Change) -> str:
    where = change.id if change.section == "body" else f"{change.section} {change.id}"
    head = f"{SIGNS[change.kind]} {where} ({change.type})"
    if change.kind == "added":
        return f"{head}: {_excerpt(change.new)}"
    if change.kind == "removed":
        return f"{head}: {_excerpt(change.old)}"
    if change.kind == "moved":
        if change.field == "parent":
            return f"{head}: now under {change.new} (was under {change.old})"
        if change.field == "id":
            return f"{head}: same text now under {change.new_id}"
        return f"{head}: out of order among its siblings"
    renamed = f" → {change.new_id}" if change.new_id else ""
    if change.diff or change.field in ("text", "heading"):
        return f"{head}{renamed} {change.field}: {_visible(change.diff)}"
    return f"{head}{renamed} {change.field}: {_short(change.old)} → {_short(change.new)}"


def folder_diff_text(diff: FolderDiff) -> str:
    lines = [f"--- {diff.a}", f"+++ {diff.b}"]
    if diff.changed:
        lines.append(f"{'changes':>8} {'added':>6} {'removed':>7} {'moved':>6} {'changed':>7}  file")
    for doc in diff.changed:
        counts = doc.counts
        sections = ", ".join(f"{section} {n}" for section, n in doc.by_section.items())
        lines.append(f"{len(doc.changes):>8} {counts['added']:>6} {counts['removed']:>7} {counts['moved']:>6} "
                     f"{counts['changed']:>7}  {doc.a}  ({sections})")  # fmt: skip
    for label, names in (("only in A", diff.only_in_a), ("only in B", diff.only_in_b)):
        if names:
            lines.append(f"{label} ({len(names)}): {', '.join(names)}")
    changes = sum(len(d.changes) for d in diff.files)
    lines.append(f"{len(diff.files)} files compared, {len(diff.changed)} differ; " + _tally(diff.counts, changes))
    return "\n".join(lines) + "\n"


def _tally(counts: dict[str, int], total: int) -> str:
    if not total:
        return "no differences"
    return f"{total} differences: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())


def _excerpt(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return f"“{flat[:EXCERPT]}…”" if len(flat) > EXCERPT else f"“{flat}”"


def _short(value: str | None) -> str:
    flat = "(none)" if value is None else " ".join(value.split())
    return flat[:EXCERPT] + "…" if len(flat) > EXCERPT else flat


def _visible(text: str) -> str:
    """A diff on one line: line breaks and tabs shown as ⏎ and ⇥, every other character kept."""
    return text.replace("\r", "").replace("\n", "⏎").replace("\t", "⇥")
