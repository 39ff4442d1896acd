"""Why two parses of one document disagree: every disagreement ``agreement`` lists, with its cause.

Side A is the reference (the Word file a PDF was printed from), side B the parse held against it (the PDF).
For each unit that does not agree the rules below look for where the other side put its text (under another
id, in a table's cells, in a figure's labels, inside a longer paragraph, among the notes, in the masthead)
and name the cause from what they find, first rule that holds wins. Each cause says whose it is: ``pdf``, a
defect of the PDF reader (side B) to fix; ``word``, of the Word reader; ``files``, a real difference between
the two files (each prints its own text). Tables are listed one line each, their cells counted with them.

>>> found = causes(word_json, pdf_json)                          # doctest: +SKIP
>>> [(c.category, c.id, c.cause) for c in found][:1]             # doctest: +SKIP
[('headings', 'para_57__hdg_2', 'heading in a table the PDF does not find')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import regex

from .agreement import agreement
from .tables import TablePair, table_pairs
from .textdiff import char_diff, loose
from .units import Unit, document_units

MIN_CONTAINED = 8
"""Characters (loose): a shorter text is looked for only as a whole place, never inside a longer one
(``Objective`` stands in many paragraphs)."""
START = 40
"""Characters (loose): a unit on one side only whose whole text the other has nowhere is looked for by its start (an
item the PDF made of an enumeration inside a sentence, with the sentence's next items run into it)."""
ONE_PRINTED = "Word table one straight under another, nothing printed between: one table in the PDF"
SMALL_CHANGE = 3
"""Characters: a text that differs by at most this many on each side differs in a mark, not in words."""


@dataclass(frozen=True, slots=True)
class Cause:
    category: str
    id: str
    cause: str
    owner: str
    """``pdf`` (side B's reader), ``word`` (side A's reader) or ``files`` (a real difference between the files)."""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class _Place:
    kind: str
    """``heading``, ``text``, ``caption``, ``cell``, ``toc``, ``label``, ``note`` or ``masthead``."""
    id: str
    text: str
    """Loose (``textdiff.loose``)."""


class _Side:
    """One parse's units by id and every place its text stands, in document order."""

    def __init__(self, doc: dict[str, Any]) -> None:
        units = document_units(doc)
        self.units: dict[str, Unit] = {u.id: u for u in (*units["body"], *units["footnotes"])}
        self.places: list[_Place] = []
        self.order: list[str] = [u.id for u in units["body"] if u.type != "cell"]
        for unit in units["body"]:
            fields = dict(unit.texts)
            if unit.type == "cell":
                kind = "toc" if self.units[unit.parent].type == "toc" else "cell"
                self._add(kind, unit.id, fields.get("text", ""))
                continue
            region = unit.type in ("table", "figure", "toc")
            self._add("caption" if region else "heading", unit.id, fields.get("heading", ""))
            self._add("text", unit.id, fields.get("text", ""))
            self._add("label", unit.id, fields.get("labels", ""))
        for note in units["footnotes"]:
            self._add("note", note.id, dict(note.texts).get("text", ""))
        for unit in (*units["metadata"], *units["other"], *units["summary"]):
            self._add("masthead", unit.id, unit.content or unit.summary)

    def _add(self, kind: str, unit_id: str, text: str) -> None:
        for piece in text.split("\n") if kind == "label" else (text,):
            if piece.strip():
                self.places.append(_Place(kind, unit_id, loose(piece)))

    def text(self, unit_id: str, field: str = "text") -> str:
        return loose(self.raw(unit_id, field))

    def raw(self, unit_id: str, field: str = "text") -> str:
        unit = self.units.get(unit_id)
        return dict(unit.texts).get(field, "") if unit is not None else ""

    def find(self, text: str, *, besides: str = "") -> _Place | None:
        """Where ``text`` (loose) stands: a place holding just it, else (when long enough) one holding it, not ``besides``."""
        if not text:
            return None
        whole = [p for p in self.places if p.text == text and p.id != besides]
        if whole:
            return whole[0]
        if len(text) < MIN_CONTAINED:
            return None
        return next((p for p in self.places if text in p.text and p.id != besides), None)

    def before(self, unit_id: str) -> Unit | None:
        """The body unit before ``unit_id`` in document order (tables and figures included, cells not)."""
        at = self.order.index(unit_id) if unit_id in self.order else 0
        return self.units.get(self.order[at - 1]) if at > 0 else None


def causes(a: dict[str, Any], b: dict[str, Any]) -> list[Cause]:
    """Every disagreement between ``a`` (the reference) and ``b``, with its cause."""
    side_a, side_b = _Side(a), _Side(b)
    found: list[Cause] = []
    for category, unit_id in agreement(a, b).disagreements:
        if category in ("tables", "table_cells"):
            continue
        rule = _note if category == "footnotes" else _heading if category == "headings" else _text
        found.append(rule(category, unit_id, side_a, side_b))
    found.extend(_tables(a, b, side_a, side_b))
    return found


def summary(found: list[Cause]) -> list[tuple[str, str, str, int]]:
    """(category, owner, cause, count), most frequent first within each category."""
    counts = Counter((c.category, c.owner, c.cause) for c in found)
    return sorted(((cat, owner, cause, n) for (cat, owner, cause), n in counts.items()), key=lambda r: (r[0], -r[3], r[2]))


_WHERE = {
    "cell": ("in a table's cells", "a table"),
    "toc": ("in the table of contents", "the table of contents"),
    "label": ("in a figure's labels", "a figure"),
    "caption": ("in a table's or figure's caption", "a caption"),
    "note": ("in the notes", "a note"),
    "masthead": ("in the masthead", "the masthead"),
    "heading": ("as a heading", "a heading"),
    "text": ("in running text", "running text"),
}


def _heading(category: str, unit_id: str, side_a: _Side, side_b: _Side) -> Cause:
    """A heading one side lacks: under an anchor the other side does not have (a table or figure it did not find, a
    paragraph it numbered otherwise), at another level under the same anchor, or read as something else."""
    own, other = (side_a, side_b) if unit_id in side_a.units else (side_b, side_a)
    word = own is side_a
    text = own.text(unit_id, "heading")
    anchor = _anchor(unit_id)
    if anchor and anchor in own.units and anchor not in other.units:
        kind = own.units[anchor].type
        place = other.find(text)
        where = f", read {_WHERE[place.kind][0]}" if place is not None else ""
        swapped = _REGION_SWAP.sub(lambda m: "table_" if m.group(0) == "fig_" else "fig_", anchor)
        if swapped != anchor and swapped in other.units and own.units[anchor].type in ("figure", "table"):
            other_kind = other.units[swapped].type
            why = f"reads as a {other_kind}" if word else f"makes of a Word {other_kind}"
            why = f"under a {kind} the PDF {why}"
            return Cause(category, unit_id, f"heading {why}", "pdf", f"{anchor}; {swapped}")
        if word:
            return Cause(category, unit_id, f"heading under a {kind} the PDF does not find or numbers otherwise{where}", "pdf",
                         f"{anchor}; {place.id}" if place else anchor)  # fmt: skip
        return Cause(category, unit_id, f"heading under a {kind} only the PDF has{where}", "pdf",
                     f"{anchor}; {place.id}" if place else anchor)  # fmt: skip
    same = [p for p in other.places if p.kind == "heading" and p.text == text and _anchor(p.id) == anchor]
    if same:
        return Cause(category, unit_id, "heading at another level", "pdf",
                     f"{_level(own, unit_id)} vs {same[0].id} {_level(other, same[0].id)}")  # fmt: skip
    place = other.find(text)
    if place is None and word:
        return _split_or_missing(category, unit_id, text, side_b, _region_before(side_a, unit_id))
    if place is None:
        return Cause(category, unit_id, "heading only in the PDF", "files", own.raw(unit_id, "heading")[:60])
    if place.kind == "heading":
        return Cause(category, unit_id, "heading under another anchor", "pdf", place.id)
    if not word:
        return Cause(category, unit_id, _PDF_ONLY_HEADING[place.kind], "pdf", place.id)
    near = _region_before(side_a, unit_id)
    if place.kind not in ("cell", "label", "toc") and near:
        return Cause(category, unit_id, f"heading after {near} the PDF does not find, read {_WHERE[place.kind][0]}", "pdf",
                     place.id)  # fmt: skip
    return Cause(category, unit_id, f"heading read {_WHERE[place.kind][0]} in the PDF", "pdf", place.id)


_PDF_ONLY_HEADING = {
    "cell": "a Word table's cell read as a heading (the PDF does not find the table)",
    "toc": "a contents entry read as a heading",
    "label": "a Word figure's text read as a heading (the PDF does not find the figure)",
    "caption": "a Word table's or figure's caption read as a heading",
    "note": "a note read as a heading (note zone)",
    "masthead": "a masthead line read as a heading",
    "text": "a line of Word running text read as a heading",
}
_REGION_SWAP = regex.compile(r"(?:(?<=__)|^)(?:fig_|table_)(?=[^_]*$)")
"""The kind in a figure's or a table's id (``fig_29A-III`` / ``table_29A-III``): the same number read as the other kind."""
_ANCHORED = regex.compile(r"^(?P<anchor>.*)__hdg_\d+(?:_\d+)?$")


def _anchor(unit_id: str) -> str:
    """The official id an unnumbered heading is counted from (``table_26-2`` of ``table_26-2__hdg_1``)."""
    match = _ANCHORED.match(unit_id)
    return match.group("anchor") if match else ""


def _split_or_missing(category: str, unit_id: str, text: str, side_b: _Side, near: str) -> Cause:
    """A heading found nowhere whole: its start or its end read elsewhere (split, or run into something)."""
    half = len(text) // 2
    for piece in (text[:half], text[half:]):
        place = side_b.find(piece)
        if place is not None:
            where = f" after {near} the PDF does not find" if near else ""
            return Cause(category, unit_id, f"heading cut{where}, part of it read {_WHERE[place.kind][0]}", "pdf", place.id)
    return Cause(category, unit_id, "heading not in the PDF", "files", text[:60])


def _region_before(side: _Side, unit_id: str) -> str:
    """``a table`` / ``a figure`` when the unit follows one (or is the first thing under one's heading)."""
    before = side.before(unit_id)
    return f"a {before.type}" if before is not None and before.type in ("table", "figure") else ""


def _level(side: _Side, unit_id: str) -> str:
    unit = side.units[unit_id]
    depth = 0
    while unit.parent in side.units:
        depth, unit = depth + 1, side.units[unit.parent]
    return f"{side.units[unit_id].type}@{depth}"


def _text(category: str, unit_id: str, side_a: _Side, side_b: _Side) -> Cause:
    """A paragraph or sub-paragraph: cut, run on into what follows, elsewhere, or with other characters."""
    if unit_id in side_a.units and unit_id in side_b.units:
        mine, theirs = side_a.text(unit_id), side_b.text(unit_id)
        if theirs.startswith(mine) or mine.startswith(theirs):
            longer = theirs.startswith(mine)
            rest = theirs[len(mine) :] if longer else mine[len(theirs) :]
            place = (side_a if longer else side_b).find(rest[: max(MIN_CONTAINED, min(len(rest), 40))], besides=unit_id)
            where = _WHERE[place.kind][1] if place is not None else "more text"
            if longer:
                return Cause(
                    category, unit_id, f"{where} (Word) read into it in the PDF", "pdf", place.id if place else rest[:60]
                )
            return Cause(category, unit_id, f"its end read into {where} in the PDF", "pdf", place.id if place else rest[:60])
        return _changed(category, unit_id, (side_a.raw(unit_id), side_b.raw(unit_id)), side_a, side_b)
    own, other = (side_a, side_b) if unit_id in side_a.units else (side_b, side_a)
    text = own.text(unit_id)
    place = other.find(text) or other.find(text[:START], besides=unit_id)
    side = "Word" if own is side_a else "PDF"
    if place is None:
        return Cause(category, unit_id, f"only in the {side} parse", "files", own.raw(unit_id)[:60])
    if place.kind == "text":
        return Cause(category, unit_id, "numbered or placed otherwise in the PDF", "pdf", f"{side} only; other id {place.id}")
    return Cause(category, unit_id, f"{side} only: {_WHERE[place.kind][0]} in the other", "pdf", place.id)


def _changed(category: str, unit_id: str, texts: tuple[str, str], side_a: _Side, side_b: _Side) -> Cause:
    """The same unit with other characters: a mark (a raised digit, a symbol) or words one file has and not the other."""
    diff = char_diff(*texts, context=16)
    removed = sum(len(x) for x in _stretches(diff, "[-", "-]"))
    added = sum(len(x) for x in _stretches(diff, "{+", "+}"))
    if removed <= SMALL_CHANGE and added <= SMALL_CHANGE:
        return Cause(category, unit_id, "a few characters differ", "pdf", diff)
    if all(side_b.find(loose(x)) is None for x in _stretches(diff, "[-", "-]")) and all(
        side_a.find(loose(x)) is None for x in _stretches(diff, "{+", "+}")
    ):
        return Cause(category, unit_id, "each file prints its own words", "files", diff)
    return Cause(category, unit_id, "text read in another order or from elsewhere", "pdf", diff)


def _stretches(diff: str, opening: str, closing: str) -> list[str]:
    out = []
    start = diff.find(opening)
    while start >= 0:
        end = diff.find(closing, start + 2)
        if end < 0:
            break
        out.append(diff[start + 2 : end])
        start = diff.find(opening, end + 2)
    return out


def _note(category: str, unit_id: str, side_a: _Side, side_b: _Side) -> Cause:
    """A note: cut at the foot of its page, run on into body text, taken by a figure, or only on one side."""
    if unit_id in side_a.units and unit_id in side_b.units:
        mine, theirs = side_a.text(unit_id), side_b.text(unit_id)
        if theirs.startswith(mine):
            place = side_a.find(theirs[len(mine) : len(mine) + 40], besides=unit_id)
            where = _WHERE[place.kind][1] if place else "more text"
            return Cause(category, unit_id, f"note zone: {where} (Word) read into the note", "pdf", place.id if place else "")
        if mine.startswith(theirs):
            place = side_b.find(mine[len(theirs) : len(theirs) + 40], besides=unit_id)
            where = _WHERE[place.kind][1] if place else "nowhere"
            return Cause(
                category, unit_id, f"note zone: the note cut, its end read into {where}", "pdf", place.id if place else ""
            )
        return _changed(category, unit_id, (side_a.raw(unit_id), side_b.raw(unit_id)), side_a, side_b)
    own, other = (side_a, side_b) if unit_id in side_a.units else (side_b, side_a)
    place = other.find(own.text(unit_id)[:60])
    side = "Word" if own is side_a else "PDF"
    if place is None:
        return Cause(category, unit_id, f"note only in the {side} parse", "files", own.raw(unit_id)[:60])
    return Cause(category, unit_id, f"{side} note is {_WHERE[place.kind][1]} in the other", "pdf", place.id)


def _tables(a: dict[str, Any], b: dict[str, Any], side_a: _Side, side_b: _Side) -> list[Cause]:
    """One line per table of A that B did not read alike (not found, another shape, cells that differ)."""
    out: list[Cause] = []
    pairs = table_pairs(a, b)
    joined = _printed_as_one(pairs, side_a, side_b)
    for pair in pairs:
        shape_a = _shape(side_a, pair.a)
        if pair.a in joined:
            out.append(Cause("tables", pair.a, ONE_PRINTED, "files", f"{shape_a}, with {joined[pair.a]}"))
        elif pair.b is None:
            first = next((p for p in side_a.places if p.kind == "cell" and p.id.startswith(pair.a + "/") and p.text), None)
            place = side_b.find(first.text) if first is not None else None
            where = f", its first cell {_WHERE[place.kind][0]}" if place is not None else ""
            out.append(Cause("tables", pair.a, f"table the PDF does not find{where}", "pdf", f"{shape_a}, {pair.cells} cells"))
        elif not pair.same_shape:
            other = f"{pair.b} {_shape(side_b, pair.b)}"
            differ = pair.cells - pair.cells_agreed
            out.append(Cause("tables", pair.a, "table found with other rows or columns", "pdf",
                             f"{shape_a} vs {other}, {differ} cells differ"))  # fmt: skip
        elif pair.cells_agreed < pair.cells:
            out.append(Cause("tables", pair.a, "table of the same shape, cells differ", "pdf",
                             f"{pair.cells - pair.cells_agreed} of {pair.cells} cells; {pair.b}"))  # fmt: skip
    return out


def _printed_as_one(pairs: list[TablePair], side_a: _Side, side_b: _Side) -> dict[str, str]:
    """Word tables that print as one: a table and the next unit after it, a table as wide (an empty paragraph
    between, or a page or column break: nothing a reader sees), both in one PDF table that has the rows of the
    two; each with the other's id."""
    out: dict[str, str] = {}
    for first, second in pairwise(pairs):
        if first.b is None or second.b not in (None, first.b) or side_a.before(second.a) is not side_a.units.get(first.a):
            continue
        (r1, c1), (r2, c2), (rb, cb) = (_size(side, t) for side, t in ((side_a, first.a), (side_a, second.a), (side_b, first.b)))
        if c1 == c2 == cb and rb == r1 + r2:
            out[first.a], out[second.a] = second.a, first.a
    return out


def _size(side: _Side, table_id: str) -> tuple[int, str]:
    rows, columns = _shape(side, table_id).split("x")
    return int(rows), columns


def _shape(side: _Side, table_id: str) -> str:
    """Rows x columns of a table, from its cells' grid positions (``table_2/r3c1``)."""
    rows = [
        int(u.id.rsplit("/r", 1)[1].split("c", 1)[0]) for u in side.units.values() if u.type == "cell" and u.parent == table_id
    ]
    return f"{max(rows, default=0)}x{dict(side.units[table_id].attrs).get('table.columns', '0')}"
