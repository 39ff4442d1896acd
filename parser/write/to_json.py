"""A ``Document`` as undoc/1 JSON: real UTF-8 characters, keys in a fixed order."""

from __future__ import annotations

import json
from typing import Any

import regex

from .. import __version__
from ..model import TEXT_TYPES, Document, Footnote, FootnoteRef, Issue, MastheadText, Metadata, Node, Source, Table

FORMAT = "undoc/1"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def document_to_dict(doc: Document, *, tokens: bool = False) -> dict[str, Any]:
    """The JSON-ready form; ``tokens`` adds each element's jieba tokens."""
    return {
        "format": FORMAT,
        "generator": f"undoc {__version__}",
        "source": {
            "name": doc.source.name,
            "format": doc.source.format,
            "rendering": doc.source.rendering,
            "encoding": doc.source.encoding,
            "sha256": doc.source.sha256,
            "pages": doc.source.pages,
            "front_matter": dict(doc.source.front_matter),
        },
        "symbol": doc.symbol,
        "language": doc.language,
        "language_detected": doc.language_detected,
        "metadata": metadata_to_dict(doc.metadata, tokens),
        "body": [node_to_dict(n, tokens) for n in doc.body],
        "footnotes": [footnote_to_dict(n) for n in doc.footnotes],
        "warnings": [issue_to_dict(w) for w in doc.warnings],
        "dropped": [{"kind": d.kind, "text": d.text, "provenance": provenance([d.source])} for d in doc.dropped],
    }


def document_to_json(doc: Document, *, tokens: bool = False) -> str:
    """Indented JSON where short records (a reference, a sentence, a box) sit on one line, for readable diffs."""
    text = dumps(document_to_dict(doc, tokens=tokens)) + "\n"
    # a lone surrogate (only reachable through the API) can be carried by JSON as an escape, never as UTF-8
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dumps(value: Any, indent: int = 0) -> str:
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or (len(flat) <= 100 and not _has_container_of_containers(value)):
        return flat
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, list):
        return "[\n" + ",\n".join(inner + dumps(v, indent + 1) for v in value) + "\n" + pad + "]"
    items = (inner + json.dumps(k, ensure_ascii=False) + ": " + dumps(v, indent + 1) for k, v in value.items())
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def _has_container_of_containers(value: dict[str, Any] | list[Any]) -> bool:
    children = value.values() if isinstance(value, dict) else value
    return any(
        isinstance(c, (dict, list)) and c and any(isinstance(g, (dict, list)) for g in (c.values() if isinstance(c, dict) else c))
        for c in children
    )


def metadata_to_dict(meta: Metadata, tokens: bool) -> dict[str, Any]:
    return {
        "symbols": list(meta.symbols),
        "symbol_origin": meta.symbol_origin,
        "reissued": meta.reissued,
        "kind": meta.kind,
        "organ": _text(meta.organ),
        "distribution": _text(meta.distribution),
        "date": _text(meta.date, iso=meta.date_iso) if meta.date else None,
        "original_language": _text(meta.original_language),
        "session": _text(meta.session, number=meta.session_number) if meta.session else None,
        "session_dates": _text(meta.session_dates),
        "agenda_item": _text(meta.agenda, number=meta.agenda_item) if meta.agenda else None,
        "agenda_title": _text(meta.agenda_title),
        "title": _text(meta.title),
        "subtitle": _text(meta.subtitle),
        "summary": {
            "heading": _text(meta.summary_heading),
            "paragraphs": [node_to_dict(n, tokens) for n in meta.summary],
        },
        "other": [_text(m) for m in meta.other],
    }


def node_to_dict(node: Node, tokens: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"type": node.type, "id": node.id, "num": node.num, "marker": node.marker}
    if node.heading is not None:
        out["heading"] = node.heading
    if node.text is not None:
        out["text"] = node.text
    if node.type in TEXT_TYPES or node.footnote_refs:
        out["footnote_refs"] = [ref_to_dict(r) for r in node.footnote_refs]
    if node.table is not None:
        out["table"] = table_to_dict(node.table)
    if node.type == "figure":
        out["labels"] = list(node.labels)
    if node.speaker is not None:
        out["speaker"] = {"text": node.speaker}
    if node.role:
        out["role"] = node.role
    if node.language:
        out["language"] = node.language
    if node.sentences:
        out["sentences"] = [{"text": s.text, "start": s.start, "end": s.end} for s in node.sentences]
    if tokens and node.tokens:
        out["tokens"] = [[t.text, t.start, t.end] for t in node.tokens]
    out["provenance"] = provenance(node.sources)
    out["children"] = [node_to_dict(c, tokens) for c in node.children]
    return out


def table_to_dict(table: Table) -> dict[str, Any]:
    """Rows of cells, header rows first; a cell covered by another's span is not repeated (as in HTML)."""
    return {
        "header_rows": table.header_rows,
        "columns": table.columns,
        "rows": [
            [
                {"text": c.text, "row_span": c.row_span, "col_span": c.col_span,
                 "footnote_refs": [ref_to_dict(r) for r in c.footnote_refs], "provenance": provenance(c.sources)}
                for c in row
            ]
            for row in table.rows
        ],
    }  # fmt: skip


def footnote_to_dict(note: Footnote) -> dict[str, Any]:
    return {"id": note.id, "marker": note.marker, "text": note.text, "cited_by": list(note.cited_by),
            "provenance": provenance(note.sources)}  # fmt: skip


def ref_to_dict(ref: FootnoteRef) -> dict[str, Any]:
    return {"note": ref.note, "marker": ref.marker, "offset": ref.offset}


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    return {"code": issue.code, "message": issue.message, "location": issue.location, "line": issue.line, "page": issue.page}


def provenance(sources: tuple[Source, ...] | list[Source]) -> dict[str, Any]:
    """Line ranges (first, last) for text input; pages and boxes for PDF input."""
    lines = sorted({s.line for s in sources if s.line is not None})
    out: dict[str, Any] = {}
    if lines:
        ranges: list[list[int]] = []
        for line in lines:
            if ranges and line == ranges[-1][1] + 1:
                ranges[-1][1] = line
            else:
                ranges.append([line, line])
        out["lines"] = ranges
    boxes = [s for s in sources if s.page is not None]
    if boxes:
        out["pages"] = sorted({s.page for s in boxes if s.page is not None})
        out["boxes"] = [
            {"page": s.page, "bbox": [round(s.bbox.x0, 1), round(s.bbox.top, 1), round(s.bbox.x1, 1), round(s.bbox.bottom, 1)]}
            for s in boxes
            if s.bbox is not None
        ]
    return out


def _text(item: MastheadText | None, **extra: Any) -> dict[str, Any] | None:
    if item is None:
        return None
    out: dict[str, Any] = {"text": item.text}
    out.update(extra)
    out["footnote_refs"] = [ref_to_dict(r) for r in item.footnote_refs]
    out["provenance"] = provenance(item.sources)
    return out
