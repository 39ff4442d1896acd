"""``numbering.xml``: the text of Word's automatic numbers (``w:numPr``), counted as Word counts them.

A paragraph's ``w:numPr`` (its own, or its style's) names a list (``numId``) and a level (``ilvl``). The
list points to an abstract definition whose levels give a start value, a format (decimal, letters, roman
numerals) and a pattern (``%1.``, ``(%2)``); counters are kept per abstract definition, so lists that share
one continue each other, a list with a ``w:lvlOverride``/``w:startOverride`` restarts where it is first
used, and a level restarts whenever a higher level advances (or the level its ``w:lvlRestart`` names).
Bullets are not numbers: they give no text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .package import W
from .styles import twips

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
          (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "\t"
    restart_after: int | None = None
    """Restart when this level (0-based) advances; ``None``: after any higher level."""
    legal: bool = False


@dataclass(slots=True)
class Numbering:
    """The document's lists, and the counters as the paragraphs are read in order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    lists: dict[str, str] = field(default_factory=dict)
    """``numId`` → ``abstractNumId``."""
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    """``numId`` → level → start value the list restarts at when it is first used."""
    counters: dict[str, list[int]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def number(self, num_id: str, level: int) -> str:
        """The text Word shows before the paragraph (``12.⇥``, ``(a)⇥``); ``""`` for a bullet or an unknown list."""
        abstract_id = self.lists.get(num_id)
        if abstract_id is None or num_id == "0":
            return ""
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        counts = self.counters.setdefault(abstract_id, [levels[i].start - 1 if i in levels else 0 for i in range(9)])
        if num_id not in self.used:
            self.used.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                if 0 <= lvl < 9:
                    counts[lvl] = start - 1
        counts[level] += 1
        for lower in range(level + 1, 9):
            below = levels.get(lower)
            if below is not None and (below.restart_after is None or below.restart_after <= level):
                counts[lower] = below.start - 1
        this = levels[level]
        if this.fmt in ("bullet", "none"):
            return ""
        text = this.text
        for i in range(level + 1):
            shown = levels.get(i, Level())
            value = counts[i] if counts[i] >= shown.start else shown.start  # a level not reached yet shows its start
            text = text.replace(f"%{i + 1}", format_number(value, "decimal" if this.legal else shown.fmt))
        return text + this.suffix if text else ""


def read_numbering(root: etree._Element | None) -> Numbering:
    """The lists of ``numbering.xml`` (an empty set when the package has none)."""
    numbering = Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(W + "abstractNum"):
        numbering.abstract[abstract.get(W + "abstractNumId", "")] = {
            twips(lvl.get(W + "ilvl")): _level(lvl) for lvl in abstract.iter(W + "lvl")
        }
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        ref = num.find(W + "abstractNumId")
        numbering.lists[num_id] = ref.get(W + "val", "") if ref is not None else ""
        for override in num.iter(W + "lvlOverride"):
            level = twips(override.get(W + "ilvl"))
            start = override.find(W + "startOverride")
            lvl = override.find(W + "lvl")
            if lvl is not None:  # a level redefined for this list alone: give it an abstract of its own
                own = f"{numbering.lists[num_id]}/{num_id}"
                numbering.abstract[own] = {**numbering.abstract.get(numbering.lists[num_id], {}), level: _level(lvl)}
                numbering.lists[num_id] = own
            if start is not None:
                numbering.overrides.setdefault(num_id, {})[level] = twips(start.get(W + "val"))
    return numbering


def _level(lvl: etree._Element) -> Level:
    def val(tag: str) -> str | None:
        element = lvl.find(W + tag)
        return element.get(W + "val") if element is not None else None

    suffix = {"space": " ", "nothing": ""}.get(val("suff") or "tab", "\t")
    restart = val("lvlRestart")
    return Level(twips(val("start") or "1"), val("numFmt") or "decimal", val("lvlText") or "", suffix,
                 twips(restart) - 1 if restart is not None else None, lvl.find(W + "isLgl") is not None)  # fmt: skip


def format_number(value: int, fmt: str) -> str:
    """``value`` in a Word number format.

    >>> [format_number(4, f) for f in ("decimal", "lowerLetter", "upperRoman", "lowerRoman", "decimalZero")]
    ['4', 'd', 'IV', 'iv', '04']
    >>> format_number(28, "lowerLetter")
    'bb'
    """
    if fmt in ("lowerLetter", "upperLetter") and value > 0:  # Word repeats the letter after z: aa, bb
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        roman = "".join(_roman(value))
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> list[str]:
    out: list[str] = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return out
