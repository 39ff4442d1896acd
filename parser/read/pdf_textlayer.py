"""A page's glyphs checked against what they draw, before rows are made of them.

The text map of a PDF (``ToUnicode``) says which characters each glyph
stands for; producers get it wrong in ways a reader can see and undo:

* **Mirrored brackets.** A bracket drawn in a right-to-left run uses its
  partner's mirrored glyph; a map made from each glyph's first use then gives
  every bracket glyph of that font its partner's character, in left-to-right
  runs too (``18-12345 )A(``). Drawn pairs always look ``(…)`` from left to
  right, so per font a page whose same-line pairs read ``)…(`` more often than
  ``(…)`` has its brackets swapped: they are put back to the drawn shapes here,
  before furniture is matched and lines are ordered (``pdf_bidi`` then mirrors
  the brackets of right-to-left runs as text wants them). Decided per font,
  not per document: a separate Latin font is usually mapped right.
* **Stretching glyphs.** Justified cursive text (Arabic) is stretched with
  kashida glyphs between joined letters. When such a glyph has no Unicode
  entry (``(cid:N)``) it is no text; when the map gives it a character of
  another script (``–``, ``q``: a map made from another use of the glyph) the
  text layer is wrong: no Latin letter or dash is drawn touching joined letters
  on both sides, in their own font. Either way the
  glyph is taken out and recorded: ``Dropped("kashida")`` for an unmapped one,
  ``Dropped("text_layer")`` for a wrongly mapped one, which becomes a warning
  naming the page and the glyph (``text_layer_issues``).
* **A letter split in two.** A font that draws ``أ`` as a bare alef plus a
  zero-width hamza mark may get a map that gives the alef ``ا`` and the mark
  the whole ``أ``: the text reads ``اأ``. Or the alef half of a lam-alef
  ligature has no map at all (``(cid:11)``) and the mark at its left edge
  carries the letter: sorted by position the mark falls after the next
  letter (``المأم`` for ``الأمم``). The mark's letter replaces the glyph it
  sits on, in its place; the bare ``ا`` or the unmapped glyph is recorded as
  ``Dropped("text_layer_part")`` and warned of. This runs before stretching
  glyphs are taken out, which would take the unmapped half for a kashida.
* **Glyphs without a character.** Any other unmapped glyph (``(cid:157)``, the
  commas of a Latin note in Scheherazade) is no text the reader can give: it
  is taken out, recorded (``text_layer_unknown``) and warned of with its page,
  rather than written as ``(cid:157)``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Dropped, Issue, Source
from .pdf_bidi import MIRRORS, bracket_balance
from .pdf_chars import Glyph, glyphs_box

TOUCH = 0.15
"""Two glyphs whose boxes are less than this many ems apart touch (a stretch glyph joins the letters it sits between)."""
TEXT_LAYER = "pdf_text_layer"
"""Warning code of a glyph whose text map is wrong."""


@dataclass(frozen=True, slots=True)
class CleanPage:
    glyphs: list[Glyph]
    dropped: list[Dropped]


def clean_page(glyphs: Sequence[Glyph], page: int, brackets: dict[str, int] | None = None) -> CleanPage:
    """Brackets back to their drawn shapes (per font), stretching glyphs out and split letters joined, recorded.

    ``brackets``: per font, the bracket balance of the pages read before (``swapped_fonts``), updated with this
    page's: a page whose pairs all break across lines (``(`` ending one line, ``)`` opening the next) shows no
    evidence of its own, and its font's map is the one of the earlier pages."""
    unswapped = _unswap_brackets(glyphs, {} if brackets is None else brackets)
    halves = alef_halves(unswapped)
    kept, parts = _join_split_letters(unswapped, page)
    kept, unmapped = _read_alef_halves(kept, halves, page)
    kept, dropped = _drop_stretch(kept, page)
    if not _any_unmapped(kept):
        return CleanPage(list(kept), dropped + parts + unmapped)
    unknown = [Dropped("text_layer_unknown", g.text, Source(page=page, bbox=glyphs_box([g]))) for g in kept if _unmapped(g)]
    return CleanPage([g for g in kept if not _unmapped(g)], dropped + parts + unmapped + unknown)


def _any_unmapped(glyphs: Sequence[Glyph]) -> bool:
    """Whether any glyph may be unmapped (``(cid:N)``): one search over the page's text, not one test per glyph."""
    return "(cid:" in "".join([g.text for g in glyphs])


def _unmapped(g: Glyph) -> bool:
    return g.text.startswith("(cid:")


ALEF = "\u0627"
MARKED_ALEFS = frozenset("\u0622\u0623\u0625")
"""آ أ إ: what a zero-width hamza or madda mark is wrongly mapped to when it sits on a bare alef."""
ZERO_WIDTH = 0.05
"""A glyph narrower than this many points has no advance (a mark)."""


def _join_split_letters(glyphs: list[Glyph], page: int) -> tuple[list[Glyph], list[Dropped]]:
    marks = [k for k, g in enumerate(glyphs) if g.text in MARKED_ALEFS and g.x1 - g.x0 < ZERO_WIDTH]
    if not marks:
        return glyphs, []
    replace: dict[int, str] = {}
    gone: set[int] = set()
    for k in marks:
        z = glyphs[k]
        tol = 0.05 * z.size
        on = [j for j, h in enumerate(glyphs) if _alef_body(h) and j not in replace and h.x1 - h.x0 >= ZERO_WIDTH]
        host = next((j for j in on if glyphs[j].top < z.bottom and z.top < glyphs[j].bottom
                     and glyphs[j].x0 - tol <= z.x0 <= glyphs[j].x1), None)  # fmt: skip
        if host is not None:
            replace[host] = z.text
            gone.add(k)
    if not replace:
        return glyphs, []
    dropped = [
        Dropped("text_layer_part", glyphs[j].text, Source(page=page, bbox=glyphs_box([glyphs[j]]))) for j in sorted(replace)
    ]
    kept = [g._replace(text=replace[j]) if j in replace else g for j, g in enumerate(glyphs) if j not in gone]
    return kept, dropped


LAM = "\u0644"
MIN_HALVES = 2
"""An unmapped glyph is the alef half of a lam-alef when it ends a lam at least this often on the page, and always."""


def alef_halves(glyphs: Sequence[Glyph]) -> frozenset[tuple[str, str]]:
    """(font, ``(cid:N)``) of unmapped glyphs that only ever stand at a lam's left edge, touching it: the alef half
    of a lam-alef ligature drawn in two (Scheherazade); a kashida stretches other letters too."""
    after: dict[tuple[str, str], list[bool]] = defaultdict(list)
    if not _any_unmapped(glyphs):
        return frozenset()  # no unmapped glyph, no half (most pages)
    for row in _rows(glyphs):
        for pos, g in enumerate(row):
            if g.text.startswith("(cid:"):
                right = next((h for h in row[pos + 1 :] if h.x1 - h.x0 >= ZERO_WIDTH), None)
                touches = right is not None and right.x0 - g.x1 <= TOUCH * g.size
                after[(g.font, g.text)].append(touches and right is not None and right.text == LAM)
    return frozenset(key for key, seen in after.items() if len(seen) >= MIN_HALVES and all(seen))


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    rows: dict[int, list[Glyph]] = defaultdict(list)
    for g in glyphs:
        if g.upright and not g.text.isspace():
            rows[round(g.base)].append(g)
    return [sorted(row, key=lambda g: g.x0) for row in rows.values()]


def _read_alef_halves(glyphs: list[Glyph], halves: frozenset[tuple[str, str]], page: int) -> tuple[list[Glyph], list[Dropped]]:
    """The alef halves no mark sat on read as ``ا``; each unmapped glyph recorded (``text_layer_unmapped``)."""
    if not halves:
        return glyphs, []
    hit = [k for k, g in enumerate(glyphs) if (g.font, g.text) in halves]
    dropped = [Dropped("text_layer_unmapped", glyphs[k].text, Source(page=page, bbox=glyphs_box([glyphs[k]]))) for k in hit]
    return [g._replace(text=ALEF) if (g.font, g.text) in halves else g for g in glyphs], dropped


def _alef_body(g: Glyph) -> bool:
    """A glyph a zero-width hamza or madda mark may sit on as the rest of its letter: a bare alef, or an unmapped
    glyph (the alef half of a lam-alef ligature drawn in two, Scheherazade)."""
    return g.text == ALEF or g.text.startswith("(cid:")


def swapped_fonts(glyphs: Iterable[Glyph], before: dict[str, int] | None = None) -> frozenset[str]:
    """Fonts whose bracket glyphs map to their partners: same-line pairs drawn ``)…(`` outnumber ``(…)``, here and
    on the pages before (``before``, each font's balance so far, updated in place)."""
    lines: dict[tuple[str, int], list[Glyph]] = defaultdict(list)
    for g in glyphs:
        if g.upright and g.text in MIRRORS:
            lines[(g.font, round(g.base))].append(g)
    balance: dict[str, int] = defaultdict(int)
    for (font, _), line in lines.items():
        line.sort(key=lambda g: g.x0)
        balance[font] += bracket_balance(["".join(g.text for g in line)])
    if before is not None:
        for font, b in balance.items():
            before[font] = before.get(font, 0) + b
        balance = defaultdict(int, before)
    return frozenset(font for font, b in balance.items() if b < 0)


def _unswap_brackets(glyphs: Sequence[Glyph], before: dict[str, int]) -> list[Glyph]:
    fonts = swapped_fonts(glyphs, before)
    if not fonts:
        return list(glyphs)
    return [g._replace(text=MIRRORS[g.text]) if g.font in fonts and g.text in MIRRORS else g for g in glyphs]


JOINING_FROM = "\u0600"
"""The first code point of a cursive right-to-left script (Arabic): no joining letter lies below it."""


def _is_joining_letter(text: str) -> bool:
    """A letter of a cursive right-to-left script (Arabic, Syriac, N'Ko…) that a kashida can stretch."""
    return len(text) >= 1 and unicodedata.bidirectional(text[-1]) == "AL" and unicodedata.category(text[-1]).startswith("L")


def _drop_stretch(glyphs: list[Glyph], page: int) -> tuple[list[Glyph], list[Dropped]]:
    """Unmapped or dash-mapped glyphs touching joining letters on both sides, on their line, are kashidas."""
    if not glyphs or max("".join([g.text for g in glyphs])) < JOINING_FROM:
        return glyphs, []  # no character of a cursive right-to-left script on the page (most pages: one pass in C)
    if not any(g.text and g.text[-1] >= JOINING_FROM and _is_joining_letter(g.text) for g in glyphs):
        return glyphs, []  # nothing to stretch: no joining letter on the page (the usual page, quickly)
    rows: dict[int, list[int]] = defaultdict(list)
    for k, g in enumerate(glyphs):
        if g.upright and not g.text.isspace():
            rows[round(g.base)].append(k)
    drop: dict[int, str] = {}
    for indices in rows.values():
        indices.sort(key=lambda k: glyphs[k].x0)
        for pos, k in enumerate(indices):
            g = glyphs[k]
            if not _stretch_candidate(g):
                continue
            left = _neighbour(glyphs, indices, pos, -1)
            right = _neighbour(glyphs, indices, pos, 1)
            if left is None or right is None or not (_is_joining_letter(left.text) and _is_joining_letter(right.text)):
                continue
            unmapped = g.text.startswith("(cid:")
            if unmapped or g.font in (left.font, right.font):
                drop[k] = "kashida" if unmapped else "text_layer"
    if not drop:
        return glyphs, []
    dropped = [Dropped(kind, glyphs[k].text, Source(page=page, bbox=glyphs_box([glyphs[k]]))) for k, kind in sorted(drop.items())]
    kept: list[Glyph] = []
    for k, g in enumerate(glyphs):
        if k in drop:
            continue
        stretch = [glyphs[j] for j in _stretch_right(glyphs, k, drop)]
        kept.append(g._replace(x1=max(s.x1 for s in stretch)) if stretch else g)  # the letter it elongates takes its width
    return kept, dropped


def _stretch_right(glyphs: list[Glyph], k: int, drop: dict[int, str]) -> list[int]:
    """The dropped stretch glyphs that start where glyph ``k`` ends (on its line), so no gap is left for a space."""
    g = glyphs[k]
    if drop.get(k) or not g.upright:
        return []
    tol = TOUCH * g.size
    return [j for j in drop if round(glyphs[j].base) == round(g.base) and g.x1 - tol <= glyphs[j].x0 <= g.x1 + tol]


def _stretch_candidate(g: Glyph) -> bool:
    """Unmapped, or a Latin letter, a dash (not a hyphen) or a maths sign (``=``): what no text draws touching
    joined letters on both sides.

    Slashes, hyphens, digits and punctuation do touch Arabic letters (``أيلول/سبتمبر``) and are left alone.
    """
    if g.text.startswith("(cid:"):
        return True
    if len(g.text) != 1:
        return False
    category = unicodedata.category(g.text)
    latin = category.startswith("L") and unicodedata.bidirectional(g.text) == "L"
    return latin or category == "Sm" or (category == "Pd" and g.text not in "-\u2010")


def _neighbour(glyphs: list[Glyph], indices: list[int], pos: int, step: int) -> Glyph | None:
    """The nearest glyph on that side that is not itself a stretch glyph, if the chain between touches."""
    here = glyphs[indices[pos]]
    j = pos + step
    while 0 <= j < len(indices):
        g = glyphs[indices[j]]
        gap = (here.x0 - g.x1) if step < 0 else (g.x0 - here.x1)
        if gap > TOUCH * max(g.size, here.size):
            return None
        if not _stretch_candidate(g):
            return g
        here, j = g, j + step
    return None


WHAT = {
    "text_layer": "glyph(s) between joined letters mapped to {glyph} by the PDF's text layer: a kashida drawn, a wrong "
    "character mapped; dropped as stretching",
    "text_layer_part": "bare alef or unmapped glyph(s) {glyph} under a zero-width mark the PDF's text layer maps to "
    "the whole letter (أ read as اأ, or after the next letter); the mark's letter kept in its place",
    "text_layer_unmapped": "unmapped glyph(s) {glyph} that only ever end a lam: the alef half of a lam-alef "
    "ligature the PDF's text layer does not map; read as ا",
    "text_layer_unknown": "glyph(s) {glyph} the PDF's text layer gives no character (a comma or a ligature, say): "
    "dropped, the text lacks them",
}


def text_layer_issues(dropped: Iterable[Dropped]) -> tuple[Issue, ...]:
    """One warning per page, kind and wrongly mapped character: the page and the glyph, and how often."""
    counts: dict[tuple[int, str, str], int] = defaultdict(int)
    for d in dropped:
        if d.kind in WHAT:
            counts[(d.source.page or 0, d.kind, d.text)] += 1
    return tuple(
        Issue(TEXT_LAYER, f"page {page}: {n} " + WHAT[kind].format(glyph=_glyph_name(text)), page=page)
        for (page, kind, text), n in sorted(counts.items())
    )


def _glyph_name(text: str) -> str:
    """``'–' (U+2013)``; an unmapped glyph as the PDF library names it (``(cid:11)``)."""
    return text if text.startswith("(cid:") else f"{text!r} (U+{ord(text[0]):04X})"
