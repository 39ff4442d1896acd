"""The quality figures of one parsed document, read from its undoc JSON output alone.

Each check of issues 8 and 9 is a count of defects (0 is good), named in ``CHECKS``. The figures
are computed from the JSON, never from the parser's internals, so they judge any version of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from itertools import pairwise
from statistics import median_high
from typing import Any

import regex

from .patterns import body_starts, numbers_at_sentence_starts
from .printed import prints_a_symbol, symbol_is_printed

CHECKS = {
    "swallowed": "paragraph number of the body inside a note, a masthead field or another paragraph",
    "masthead_later": "masthead lines taken from a page after the first",
    "other_long": "metadata.other over 1,500 characters",
    "empty_body": "empty body while the document has text",
    "numbering": "official numbering incomplete (gaps, duplicates, disorder)",
    "uncited_notes": "footnotes never cited",
    "continuation_notes": "notes made from a continuation line",
    "symbol": "symbol not printed on page 1",
    "xml": "XML does not validate against the AKN schema",
    "body_in_notes": "body text (a numbered paragraph or heading start) inside a note",
    "long_notes": "notes longer than their page could hold",
}
OTHER_LIMIT = 1500
"""Characters of ``metadata.other`` above which a document's masthead holds more than masthead lines (issue 8)."""
NOTE_LIMIT = 3000
"""Characters: a footnote this long holds more than a note (issue 9: "flag notes over ~3,000 characters")."""
NOTE_NOTABLE = 1000
"""Characters: a note at least this long that is also longer than the body text of its page is suspect
(shorter ones are common on pages that are mostly notes, such as endnotes)."""
NUMBERING_CODES = ("numbering-gap", "numbering-duplicate", "numbering-order")
NUMBERED_TYPES = frozenset({"chapter", "section", "subsection", "paragraph", "subparagraph"})

_PARAGRAPH_ID = regex.compile(r"^(?P<scope>(?:.*__)?)para_(?P<n>\d+)(?:_\d+)?$")
_SUFFIXED = regex.compile(r"^(?P<base>.+)_\d+$")
_QUOTED_SCOPE = regex.compile(r"(?:^|__)qs_\d+__$")
_FULL_STOP = regex.compile(r"(?:[.!?。;]|https?://\S+)[”\"’)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class DocumentFigures:
    name: str
    folder: str
    status: str
    """``ok``, a batch failure (``error``, ``timeout``, ``memory``, ``crash``) or ``missing`` (no manifest line)."""
    error: str = ""
    symbol: str = ""
    pages: int = 0
    seconds: float = 0.0
    swallowed: tuple[str, ...] = ()
    masthead_later: tuple[str, ...] = ()
    other_chars: int = 0
    empty_body: bool = False
    numbered: bool = False
    numbering_problems: tuple[str, ...] = ()
    notes: int = 0
    notes_cited: int = 0
    suffixed_notes: tuple[str, ...] = ()
    sequence_breaks: tuple[str, ...] = ()
    symbol_printed: bool | None = None
    """``None`` when page 1 could not be read (not a PDF, or not readable), or prints no symbol and the parse
    took none from it."""
    xml_error: str | None = None
    """``""`` valid, ``None`` not checked (no XML output)."""
    body_in_notes: tuple[str, ...] = ()
    longest_note: int = 0
    long_notes: tuple[str, ...] = ()
    node_types: dict[str, int] = field(default_factory=dict)
    warning_codes: dict[str, int] = field(default_factory=dict)

    def defects(self) -> dict[str, int]:
        """Each check's count of defects (0: fine); empty for a document that was not converted."""
        if self.status != "ok":
            return {}
        return {
            "swallowed": len(self.swallowed),
            "masthead_later": len(self.masthead_later),
            "other_long": int(self.other_chars > OTHER_LIMIT),
            "empty_body": int(self.empty_body),
            "numbering": len(self.numbering_problems),
            "uncited_notes": self.notes - self.notes_cited,
            "continuation_notes": len(self.suffixed_notes) + len(self.sequence_breaks),
            "symbol": int(self.symbol_printed is False),
            "xml": int(bool(self.xml_error)),
            "body_in_notes": len(self.body_in_notes),
            "long_notes": len(self.long_notes),
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentFigures:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(**values)


def document_figures(doc: dict[str, Any], *, name: str, folder: str, record: dict[str, Any] | None = None,
                     printed: tuple[str, ...] | None = None, xml_error: str | None = None) -> DocumentFigures:  # fmt: skip
    """The figures of one converted document; ``printed`` are page 1's top lines, ``record`` its manifest line."""
    record = record or {}
    body = [n for root in doc.get("body") or () for n in _walk(root)]
    notes = doc.get("footnotes") or []
    metadata = doc.get("metadata") or {}
    masthead = list(_masthead_texts(metadata))
    symbol = str(doc.get("symbol") or "")
    return DocumentFigures(
        name=name, folder=folder, status="ok", symbol=symbol,
        pages=int(record.get("pages") or (doc.get("source") or {}).get("pages") or 0),
        seconds=float(record.get("seconds") or 0.0),
        swallowed=tuple(_swallowed(body, notes, masthead)),
        masthead_later=tuple(_masthead_later(metadata)),
        other_chars=sum(len(line.get("text") or "") for line in metadata.get("other") or ()),
        empty_body=not body and (any(text for _, text in masthead) or any(n.get("text") for n in notes)),
        numbered=any(n.get("type") in NUMBERED_TYPES and n.get("num") is not None for n in body),
        numbering_problems=tuple(_numbering_problems(body, doc.get("warnings") or [])),
        notes=len(notes), notes_cited=sum(1 for n in notes if n.get("cited_by")),
        suffixed_notes=tuple(_suffixed_notes(notes)), sequence_breaks=tuple(_sequence_breaks(notes)),
        symbol_printed=_symbol_printed(symbol, metadata, printed),
        xml_error=xml_error,
        body_in_notes=tuple(f"{n.get('id')}: {hit}" for n in notes for hit in list(body_starts(n.get("text") or ""))[:1]),
        longest_note=max((len(n.get("text") or "") for n in notes), default=0),
        long_notes=tuple(_long_notes(body, notes)),
        node_types=dict(Counter(str(n.get("type")) for n in body)),
        warning_codes=dict(Counter(str(w.get("code")) for w in doc.get("warnings") or ())),
    )  # fmt: skip


def _symbol_printed(symbol: str, metadata: dict[str, Any], printed: tuple[str, ...] | None) -> bool | None:
    """Whether the parsed symbol is the one page 1 prints; ``None`` when page 1 could not be read, or when it
    prints nothing like a symbol and the parse says so (its symbol is the file name's)."""
    if printed is None or (metadata.get("symbol_origin") == "filename" and not prints_a_symbol(printed)):
        return None
    return symbol_is_printed(symbol, printed)


def _walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children") or ():
        yield from _walk(child)


def _masthead_texts(metadata: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) of every masthead field and line, summary paragraphs included."""
    for key, value in metadata.items():
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            yield f"metadata.{key}", value["text"]
    summary = metadata.get("summary") or {}
    if summary.get("heading"):
        yield "metadata.summary.heading", summary["heading"].get("text") or ""
    for paragraph in summary.get("paragraphs") or ():
        yield f"metadata.summary.{paragraph.get('id')}", paragraph.get("text") or ""
    for index, line in enumerate(metadata.get("other") or (), 1):
        yield f"metadata.other[{index}]", line.get("text") or ""


def paragraph_numbers(body: list[dict[str, Any]]) -> dict[str, list[tuple[int, str]]]:
    """(number, id) of each numbering scope's paragraphs in order: the body, each annex, each quoted structure."""
    scopes: dict[str, list[tuple[int, str]]] = {}
    for node in body:
        match = _PARAGRAPH_ID.match(str(node.get("id"))) if node.get("type") == "paragraph" else None
        if match:
            scopes.setdefault(match.group("scope"), []).append((int(match.group("n")), str(node.get("id"))))
    return scopes


def _swallowed(body: list[dict[str, Any]], notes: list[dict[str, Any]], masthead: list[tuple[str, str]]) -> Iterator[str]:
    """Numbers missing from a scope's paragraphs (or the one after its last) that start a sentence elsewhere:
    in a note or the masthead (any scope's), or in a body node (its own scope's)."""
    scopes = paragraph_numbers(body)
    scopes.setdefault("", [])
    wanted: dict[str, set[int]] = {}
    for scope, found in scopes.items():
        numbers = {number for number, _ in found}
        wanted[scope] = set(range(1, max(numbers, default=0) + 2)) - numbers
    anywhere = set().union(*wanted.values())
    holders = [*((str(n.get("id")), n.get("text") or "", anywhere) for n in notes),
               *((where, text, anywhere) for where, text in masthead),
               *((str(n.get("id")), n.get("text") or "", wanted[_scope_of(str(n.get("id")), wanted)]) for n in body)]  # fmt: skip
    for where, text, missing in holders:
        for number, excerpt in numbers_at_sentence_starts(text):
            if number in missing:
                yield f"{number} in {where}: {excerpt}"


def _scope_of(node_id: str, scopes: dict[str, set[int]]) -> str:
    """The numbering scope a node sits in: the longest scope prefix of its id."""
    return max((scope for scope in scopes if node_id.startswith(scope)), key=len)


def _masthead_later(metadata: dict[str, Any]) -> Iterator[str]:
    """Masthead fields and lines from a page after the first, the summary box continuing over a page aside."""
    summary_pages = sorted({p for n in (metadata.get("summary") or {}).get("paragraphs") or () for p in _pages(n)})
    box = set(summary_pages) if summary_pages[:1] == [1] else set()
    items = [(key, value) for key, value in metadata.items() if isinstance(value, dict) and "text" in value]
    heading = (metadata.get("summary") or {}).get("heading")
    if heading:
        items.append(("summary.heading", heading))
    items.extend((f"other[{i}]", line) for i, line in enumerate(metadata.get("other") or (), 1))
    for where, item in items:
        pages = _pages(item)
        if any(p > 1 for p in pages) and not set(pages) <= box:
            yield f"{where} p.{','.join(map(str, pages))}"


def _cells_size(node: dict[str, Any]) -> int:
    """Characters in a table node's cells (a page that is mostly a table holds its text there)."""
    rows = (node.get("table") or {}).get("rows") or []
    return sum(len(cell.get("text") or "") for row in rows for cell in row)


_PROSE = frozenset({"paragraph", "subparagraph"})
NOTE_TYPE = 0.95
"""A note whose every line is less than this share of the body's usual line height is set in note type: a page
holds it below its body however long it is beside that body (S/2025/22 fn_5: 21 lines of 8.5 pt boxes under
paragraphs of 9.9 pt). Body text read into a note keeps its body type."""


def _line_heights(item: dict[str, Any]) -> list[float]:
    boxes = (item.get("provenance") or {}).get("boxes") or ()
    return [float(b["bbox"][3]) - float(b["bbox"][1]) for b in boxes if isinstance(b, dict) and len(b.get("bbox") or ()) == 4]


def _in_note_type(note: dict[str, Any], body_line: float) -> bool:
    """Every line of the note smaller than the body's usual line (where the parse has boxes: PDFs)."""
    heights = _line_heights(note)
    return bool(heights) and body_line > 0 and max(heights) < NOTE_TYPE * body_line


def _pages(item: dict[str, Any]) -> list[int]:
    return [int(p) for p in (item.get("provenance") or {}).get("pages") or ()]


def _numbering_problems(body: list[dict[str, Any]], warnings: list[dict[str, Any]]) -> Iterator[str]:
    """The parser's numbering warnings, and any paragraph gap, duplicate or disorder they do not already name (a
    quoted text's paragraphs may start at any number: a corrigendum quotes paragraph 49 as it is to read)."""
    seen: set[str] = set()
    for warning in warnings:
        if warning.get("code") in NUMBERING_CODES:
            seen.add(str(warning.get("location")))
            yield f"{warning.get('code')}@{warning.get('location')}"
    for key, scope in paragraph_numbers(body).items():
        previous, used = (scope[0][0] - 1 if _QUOTED_SCOPE.search(key) else 0), set()
        for number, node_id in scope:
            problem = "duplicate" if number in used else "order" if number < previous else "gap" if number > previous + 1 else ""
            if problem and node_id not in seen:
                yield f"numbering-{problem}@{node_id}"
            used.add(number)
            previous = max(previous, number)


def _suffixed_notes(notes: list[dict[str, Any]]) -> Iterator[str]:
    """Notes whose id is another note's with a ``_2`` suffix (the same number defined twice), unless the numbering
    restarts there in a new scope: an annex, a quoted text or a table numbers its notes from 1 (or ``*``) again.
    A run of notes that restarts so goes on note by note; a suffixed note that neither opens such a run nor
    carries one on is a number read as a note (a continuation line's ``17 March 2022``)."""
    ids = {str(n.get("id")) for n in notes}
    previous: dict[str, Any] | None = None
    run_ok = False
    for note in notes:
        note_id, marker = str(note.get("id")), _marker_ordinal(note)
        if previous is not None and marker is not None and marker in (1, 0):
            run_ok = _note_scope(note) != _note_scope(previous)
        elif previous is None or marker is None or _marker_ordinal(previous) != marker - 1:
            run_ok = False
        match = _SUFFIXED.match(note_id)
        if match and match.group("base") in ids and not run_ok:
            yield note_id
        previous = note


def _marker_ordinal(note: dict[str, Any]) -> int | None:
    """A note's number (``0`` for an asterisk, which also opens a scope's notes), ``None`` for any other mark."""
    marker = str(note.get("marker") or "").rstrip("/.")
    return int(marker) if marker.isdigit() else 0 if marker and set(marker) == {"*"} else None


_SCOPE_PART = regex.compile(r"^(?:annex|qs_|table_)")


def _note_scope(note: dict[str, Any]) -> str:
    """Where a note is first called: the annex, quoted text or table in the id of its first citing node (``""``: the
    document's own text; ``metadata``: the masthead; ``?``: uncited)."""
    cited = [str(c) for c in note.get("cited_by") or ()]
    if not cited:
        return "?"
    if cited[0].startswith("metadata"):
        return "metadata"
    parts = cited[0].split("__")
    last = max((k for k, part in enumerate(parts) if _SCOPE_PART.match(part)), default=-1)
    return "__".join(parts[: last + 1])


def _sequence_breaks(notes: list[dict[str, Any]]) -> Iterator[str]:
    """Numbered notes that break the note sequence while the note before ends without a full stop."""
    previous: dict[str, Any] | None = None
    for note in notes:
        marker = str(note.get("marker") or "").rstrip("/")
        if not marker.isdigit():
            continue
        if previous is not None:
            expected = int(str(previous.get("marker")).rstrip("/")) + 1
            if int(marker) != expected and not _FULL_STOP.search(previous.get("text") or ""):
                yield f"{note.get('id')}: {' '.join(str(note.get('text') or '').split())[:60]}"
        previous = note


def _long_notes(body: list[dict[str, Any]], notes: list[dict[str, Any]]) -> Iterator[str]:
    page_body: Counter[int] = Counter()
    for node in body:
        pages = _pages(node)
        size = len(node.get("text") or "") + len(node.get("heading") or "") + _cells_size(node)
        for page in pages:
            page_body[page] += size // len(pages)
    prose_lines = [h for node in body if node.get("type") in _PROSE for h in _line_heights(node)]
    body_line = median_high(prose_lines) if prose_lines else 0.0
    for note in notes:
        size, pages = len(note.get("text") or ""), sorted(set(_pages(note)))
        first = pages[0] if pages else 0
        if size > NOTE_LIMIT:
            yield f"{note.get('id')}: {size:,} characters"
        elif size >= NOTE_NOTABLE and pages and size > page_body[first] and not _in_note_type(note, body_line):
            yield f"{note.get('id')}: {size:,} characters, body of page {first}: {page_body[first]:,}"
        elif any(b - a > 1 for a, b in pairwise(pages)):
            yield f"{note.get('id')}: text from pages {', '.join(map(str, pages))}"
