"""Does a word-processor PDF parse like its markdown source? Field by field, for the sweep test and bench.

``differences`` compares two undoc JSON documents (``document_to_dict``) on
what the issues ask: ids and texts of the body, the footnotes (with who cites
them), the front-matter fields (session, agenda item, agenda title, title,
subtitle, summary), the masthead fields that only a PDF has (organ,
distribution, date, original language, symbol: compared with what the
generator printed), nothing in ``metadata.other`` but the masthead lines kept
there (authority, symbol, language line), and warnings (the
PDF's must be the source's, apart from text-layer warnings, which the caller
may allow). Whitespace is compared or not (``whitespace``): without it, texts
lose their white space, call offsets count non-space characters only and
sentence bounds are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FRONT = ("session", "agenda_item", "agenda_title", "title", "subtitle", "summary")
TEXT_LAYER = "pdf_text_layer"
"""The warning code of a glyph the PDF's own text layer maps wrongly (allowed where the caller expects it)."""


def _squash_text(text: str, drop: str = "") -> tuple[str, list[int]]:
    """The text without white space (nor the characters of ``drop``), and for each offset of the original the
    offset in the squashed text."""
    out: list[str] = []
    at: list[int] = []
    for ch in text:
        at.append(len(out))
        if not ch.isspace() and ch not in drop:
            out.append(ch)
    at.append(len(out))
    return "".join(out), at


def without_whitespace(value: Any, drop: str = "") -> Any:
    """A JSON value with texts squashed, call offsets recounted on them and sentence bounds dropped. With
    ``drop``, these characters go too, and so do the sentences (a missing full stop joins two)."""
    if isinstance(value, list):
        return [without_whitespace(v, drop) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    text = value.get("text")
    at: list[int] | None = None
    if isinstance(text, str):
        squashed, at = _squash_text(text, drop)
        out["text"] = squashed
    for key, v in value.items():
        if key == "text" and at is not None:
            continue
        if key == "provenance" or (key == "sentences" and drop):
            continue
        if key == "sentences":
            out[key] = ["".join(s["text"].split()) for s in v]
        elif key == "footnote_refs" and at is not None:
            out[key] = [{**without_whitespace(r, drop), "offset": at[min(r["offset"], len(at) - 1)]} for r in v]
        elif key == "heading" and isinstance(v, str):
            out[key] = _squash_text(v, drop)[0]
        else:
            out[key] = without_whitespace(v, drop)
    return out


def without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_provenance(v) for k, v in value.items() if k != "provenance"}
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


def masthead_fields(doc: dict[str, Any]) -> dict[str, Any]:
    meta = doc["metadata"]
    return {
        "symbol": doc["symbol"],
        "organ": (meta["organ"] or {}).get("text"),
        "distribution": (meta["distribution"] or {}).get("text"),
        "date": (meta["date"] or {}).get("iso"),
        "original_language": (meta["original_language"] or {}).get("text"),
    }


def differences(source: dict[str, Any], pdf: dict[str, Any], masthead: dict[str, Any], *, whitespace: bool = True,
                allow: frozenset[str] = frozenset(), drop: str = "") -> dict[str, str]:  # fmt: skip
    """Field name -> a short description of the first difference; empty when the PDF parses like its source.

    ``drop``: characters set aside on both sides (those the PDF's text layer lacks, ``lacking``); white space is
    then not compared either."""
    norm = without_provenance if whitespace and not drop else (lambda v: without_whitespace(v, drop))
    out: dict[str, str] = {}
    pairs = {"body": (source["body"], pdf["body"]), "footnotes": (source["footnotes"], pdf["footnotes"])}
    pairs.update({f: (source["metadata"][f], pdf["metadata"][f]) for f in FRONT})
    for name, (want, got) in pairs.items():
        a, b = norm(want), norm(got)
        if a != b:
            out[name] = first_difference(a, b)
    got_mast = masthead_fields(pdf)
    wrong = {k: v for k, v in got_mast.items() if v != masthead[k]}  # "other": the masthead lines kept as they are
    if wrong:
        out["masthead"] = ", ".join(f"{k}={v!r}" for k, v in wrong.items())
    leaked = [o["text"] for o in pdf["metadata"]["other"] if o["text"] not in masthead["other"]]
    if leaked:
        out["other"] = "; ".join(t[:40] for t in leaked)
    want_w = [w["code"] for w in source["warnings"]]
    got_w = [w["code"] for w in pdf["warnings"] if w["code"] not in allow]
    if got_w != want_w:
        extra = [f"{w['code']}: {w['message'][:60]}" for w in pdf["warnings"] if w["code"] not in allow]
        out["warnings"] = "; ".join(extra[:3]) + (f" (+{len(extra) - 3})" if len(extra) > 3 else "")
    return out


def first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ, with both sides shortened."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            if a.get(key) != b.get(key):
                label = a.get("id") or b.get("id") or ""
                return first_difference(a.get(key), b.get(key), f"{path}{'/' + label if label else ''}.{key}")
    if isinstance(a, list) and isinstance(b, list):
        for k, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{path}[{k}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items, PDF {len(b)}"
    if isinstance(a, str) and isinstance(b, str):
        k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return f"{path}@{k}: …{a[max(0, k - 15) : k + 25]!r} | PDF …{b[max(0, k - 15) : k + 25]!r}"
    return f"{path}: {_short(a)} | PDF {_short(b)}"


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 90 else text[:60] + "…" + text[-25:]


def _strings(value: Any) -> Iterator[str]:
    """Texts, headings and markers of a JSON document part (sentences left out: they repeat the text)."""
    if isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for key, v in value.items():
            if key in ("text", "heading", "marker") and isinstance(v, str):
                yield v
            elif key not in ("sentences", "provenance", "footnote_refs"):
                yield from _strings(v)


def lacking(source: dict[str, Any], pdf: Path) -> Counter[str]:
    """Characters of the source that the PDF's text layer does not hold, with how many are missing.

    LibreOffice 7.4 draws no glyph for some fullwidth punctuation at the end of a justified CJK line (where it
    would hang in the margin; the line's other glyphs end flush with the column, so nothing on the page shows
    the loss); such a PDF cannot parse like its source whatever the reader does, and the sweep says so instead
    of blaming the reader. The text layer is read as undoc reads it (replacement text of marked content applied).
    """
    from parser.read.pdf_source import pages

    parts = (source["body"], source["footnotes"], *(source["metadata"][f] for f in FRONT))
    want = Counter(c for s in _strings(list(parts)) for c in s if not c.isspace())
    have = Counter(ch for page in pages(pdf, "pdfplumber") for c in page.chars for ch in c.text)
    return want - have


def pdf_lacks(source: dict[str, Any], pdf: Path) -> str:
    """``lacking`` as a short text, e.g. ``'，'×1 '。'×2``."""
    return " ".join(f"{c!r}×{n}" for c, n in lacking(source, pdf).most_common())
