"""The official numbering of UN documents in the six languages, as data.

A ``Family`` is one way of printing one level's numbers (Chinese chapters
``一.``, Arabic sections ``ألف -``, sub-paragraphs ``(a)``). ``markers_at``
returns every family that matches at the start of a text; ``choose`` settles
ambiguous markers (``I.`` chapter or section? ``(i)`` letter or roman?) from
what the document has numbered so far.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

from .model import Marker

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

AR_ORDINALS = (
    "أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
    "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر", "سادس عشر", "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون",
)  # fmt: skip
AR_LETTER_NAMES = (
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون",
    "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد", "ظاء", "غين",
)  # fmt: skip
AR_ABJAD = (
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
    "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
)  # fmt: skip
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
LATIN_LANGS = frozenset({"en", "fr", "es", "ru"})
ALL_LANGS = frozenset(LANGUAGES)

_KASHIDA = "\u0640"


def roman_to_int(text: str) -> int | None:
    text = text.lower()
    if not text or any(c not in ROMAN_VALUES for c in text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = ROMAN_VALUES[char]
        if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total).lower() == text else None


def int_to_roman(value: int) -> str:
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def zh_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十一 → 21, 一百零五 → 105."""
    if not text or any(c not in ZH_DIGITS and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = ZH_DIGITS[char]
    return total + current or None


def letter_to_int(text: str) -> int | None:
    """``a`` → 1, ``z`` → 26; a doubled letter goes on after ``z`` as UN lists do: ``aa`` → 27, ``bb`` → 28."""
    if len(text) == 1 and "a" <= text.lower() <= "z":
        return ord(text.lower()) - ord("a") + 1
    if len(text) == 2 and text[0] == text[1] and "a" <= text[0] <= "z":
        return ord(text[0]) - ord("a") + 27
    return None


def list_letter(value: int) -> str:
    """A sub-paragraph's letter: 1 → ``a``, 26 → ``z``, then doubled: 27 → ``aa``, 28 → ``bb``."""
    if value <= 26:
        return int_to_letter(value).lower()
    return chr(ord("a") + (value - 27) % 26) * (2 + (value - 27) // 26)


def int_to_letter(value: int) -> str:
    """1 → A, 26 → Z, 27 → AA (lower-case callers use ``.lower()``)."""
    letters = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _index_in(table: tuple[str, ...]) -> Callable[[str], int | None]:
    plain = tuple(t.replace(_KASHIDA, "") for t in table)  # ``هـ`` is written with a kashida, matched without

    def lookup(text: str) -> int | None:
        text = text.replace(_KASHIDA, "")
        return plain.index(text) + 1 if text in plain else None

    return lookup


def _cyrillic(text: str) -> int | None:
    index = CYRILLIC_LETTERS.find(text.lower())
    return index + 1 if len(text) == 1 and index >= 0 else None


def _digits(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def normalize_for_matching(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), for matching only; printed forms are kept."""
    return unicodedata.normalize("NFKC", text).replace(_KASHIDA, "")


@dataclass(frozen=True, slots=True)
class Family:
    level: str
    name: str
    languages: frozenset[str]
    pattern: regex.Pattern[str]
    to_ordinal: Callable[[str], int | None]
    id_style: str
    """How the language-neutral id part is written: ``int``, ``upper`` (A), ``lower`` (a) or ``roman`` (iv)."""


def _f(level: str, name: str, langs: frozenset[str], pattern: str,
       to_ordinal: Callable[[str], int | None], id_style: str) -> Family:  # fmt: skip
    return Family(level, name, langs, regex.compile(pattern), to_ordinal, id_style)


_AR_ORD = "|".join(sorted((o.replace(" ", r"\s+") for o in AR_ORDINALS), key=len, reverse=True))
_AR_NAMES = "|".join(sorted(AR_LETTER_NAMES, key=len, reverse=True))
_AR_ABJAD = "|".join(sorted((a.replace(_KASHIDA, "") for a in AR_ABJAD), key=len, reverse=True))
_DASH = r"\s*[-–—]\s*"
_END = r"(?=\s|$)"
_PARA_END = r"(?=\s|$|[\p{Han}“《(（])"

_PREFIXED = r"^(?P<pre>\d{1,3}[A-Z]?(?:\.[IVX]{1,5})?)\.(?P<num>\d{1,3})\s+(?=[\p{Lu}\p{Lo}“\"«(])"
"""``34.1 The Department …``, ``3.I.1 …``: a paragraph number prefixed with its budget section's (and the
section's part); a sentence starts after it (``1.5 million people`` is running text)."""

FAMILIES: tuple[Family, ...] = (
    _f("chapter", "roman", LATIN_LANGS, r"^(?P<num>[IVXLC]{1,7})\." + _END, roman_to_int, "int"),
    _f("chapter", "chapter_word", LATIN_LANGS,
       r"^(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO|Глава|ГЛАВА)\s+(?P<num>[IVXLC]{1,7})(?=\s*$)",
       roman_to_int, "int"),
    _f("chapter", "zh_numeral", frozenset({"zh"}), r"^(?P<num>[一二三四五六七八九十]{1,3})\s*[.、]", zh_to_int, "int"),
    _f("chapter", "ar_ordinal", frozenset({"ar"}), rf"^(?P<num>{_AR_ORD}){_DASH}", _index_in(AR_ORDINALS), "int"),
    _f("chapter", "roman_zh", frozenset({"zh"}), r"^(?P<num>[IVX]{1,5})\." + _END, roman_to_int, "int"),
    _f("section", "latin_upper", LATIN_LANGS | {"zh"}, r"^(?P<num>[A-Z])\." + _END, letter_to_int, "upper"),
    _f("section", "ar_letter_name", frozenset({"ar"}), rf"^(?P<num>{_AR_NAMES}){_DASH}", _index_in(AR_LETTER_NAMES), "upper"),
    _f("paragraph", "arabic", ALL_LANGS, r"^(?P<num>\d{1,4})\." + _PARA_END, _digits, "int"),
    _f("paragraph", "arabic_dash", frozenset({"ar"}), rf"^(?P<num>\d{{1,4}}){_DASH}", _digits, "int"),
    _f("paragraph", "section_prefixed", ALL_LANGS, _PREFIXED, _digits, "int"),
    _f("subparagraph", "latin_lower_paren", ALL_LANGS, r"^\((?P<num>([a-z])\2?)\)\.?" + _END, letter_to_int, "lower"),
    _f("subparagraph", "copyright_c", LATIN_LANGS, r"^(?P<num>©)" + _END, lambda _: 3, "lower"),
    _f("subparagraph", "latin_lower_half", frozenset({"fr", "es", "ru"}), r"^(?P<num>[a-z])\)" + _END, letter_to_int, "lower"),
    _f("subparagraph", "cyrillic_half", frozenset({"ru"}), r"^(?P<num>[а-я])\)" + _END, _cyrillic, "lower"),
    _f("subparagraph", "ar_abjad_paren", frozenset({"ar"}), rf"^\((?P<num>{_AR_ABJAD})\)", _index_in(AR_ABJAD), "lower"),
    _f("subsubparagraph", "roman_lower_paren", ALL_LANGS, r"^\((?P<num>[ivxl]{1,6})\)" + _END, roman_to_int, "roman"),
    _f("subsubparagraph", "roman_lower_half", frozenset({"fr", "es", "ru"}), r"^(?P<num>[ivxl]{1,6})\)" + _END, roman_to_int,
       "roman"),
)  # fmt: skip

ANNEX = regex.compile(
    r"^(?P<word>Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ|附件|المرفق)"
    r"(?:\s+(?P<num>[IVX]{1,5}|\d{1,2}|[一二三四五六七八九十]{1,3}))?(?:\s*\[[^\]]{1,40}\])?\s*$"
)
"""``Annex``, ``Annex II``, ``Annex III [English only]`` (the languages it is issued in) alone on a line."""


def markers_at(text: str, language: str) -> list[Marker]:
    """Every official marker that the start of ``text`` could be, in the table's order."""
    probe = normalize_for_matching(text[:40])
    found: list[Marker] = []
    for family in FAMILIES:
        if language not in family.languages:
            continue
        match = family.pattern.match(probe)
        if match is None:
            continue
        ordinal = family.to_ordinal(match.group("num"))
        if ordinal is None or ordinal <= 0:
            continue
        printed = _printed_prefix(text, match.end())
        start = match.start("pre") if "pre" in family.pattern.groupindex else match.start("num")
        num = _printed_prefix(text, match.end("num"))[len(_printed_prefix(text, start)) :]
        found.append(Marker(family.level, printed, num.strip(), ordinal))
    return found


def _printed_prefix(text: str, probe_end: int) -> str:
    """The part of ``text`` whose NFKC form is ``probe_end`` characters long (NFKC may change lengths),
    with the kashidas that stretch its last letter (``هـ``)."""
    if probe_end == 0:
        return ""
    for end in range(probe_end, min(len(text), probe_end + 24) + 1):
        if len(normalize_for_matching(text[:end])) >= probe_end:
            while text[end : end + 1] == _KASHIDA:
                end += 1
            return text[:end].rstrip()
    return text[:probe_end].rstrip()


def paragraph_prefix(marker: Marker) -> str:
    """The section number a paragraph's number is prefixed with (``34`` of ``34.1``, ``29A`` of ``29A.3``: a
    programme budget section numbers its paragraphs so), language-neutral; ``""`` for a plain number."""
    if marker.level != "paragraph":
        return ""
    return normalize_for_matching(marker.num).rpartition(".")[0]


@dataclass(frozen=True, slots=True)
class Expectation:
    """What comes next at each level, given what has been numbered so far."""

    chapter: int = 0
    section: int = 0
    paragraph: int = 0
    subparagraph: int = 0
    subsubparagraph: int = 0
    prefix: str = ""
    """The section number the document's paragraph numbers are prefixed with (``34`` once ``34.1`` has been seen)."""
    subsection: int = 0
    """The last numbered sub-heading (``3. British Virgin Islands``) in the chapter or section."""
    last_item: tuple[str, int] = ("", 0)
    """The level and number of the last sub-paragraph, kept across paragraphs: a list may run on through the
    paragraphs that discuss its items (``(iv) …`` / ``61. …`` / ``(v) …``)."""

    def last(self, level: str) -> int:
        return int(getattr(self, level, 0))


def choose(candidates: list[Marker], seen: Expectation) -> Marker | None:
    """Pick one reading of an ambiguous marker (``I.``, ``C.``, ``(i)``, ``(v)``).

    A reading that continues its level's sequence wins; otherwise a roman
    chapter wins over a section letter only where it starts or continues
    the chapters, and a letter wins over a roman sub-sub-paragraph unless a
    roman list is running (or, where no list is, the paragraph before ended
    one on the number before the roman's) or, where no lettered list is, the
    roman is ``(i)``.
    """
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    by_level = {m.level: m for m in candidates}
    if "subparagraph" in by_level and "subsubparagraph" in by_level:
        letter, roman = by_level["subparagraph"], by_level["subsubparagraph"]
        if letter.ordinal == seen.subparagraph + 1:
            return letter
        if letter.ordinal > 26:  # ``(ii)`` is a doubled letter only where it continues ``(hh)``
            return roman
        if roman.ordinal == seen.subsubparagraph + 1 and (seen.subparagraph or seen.subsubparagraph):
            return roman
        carried = [m for m in (letter, roman) if seen.last_item == (m.level, m.ordinal - 1)]
        if carried and not (seen.subparagraph or seen.subsubparagraph):
            return carried[0]
        return roman if roman.ordinal == 1 and not seen.subparagraph else letter  # no list starts at ``(i)``
    if "chapter" in by_level and "section" in by_level:
        letter = by_level["section"]
        if seen.section and letter.ordinal == seen.section + 1:
            return letter
        chapter = by_level["chapter"]
        if chapter.ordinal == seen.chapter + 1:
            return chapter
        return chapter if chapter.ordinal <= seen.chapter + 2 and not seen.section else letter
    continuing = [m for m in candidates if m.ordinal == seen.last(m.level) + 1]
    return continuing[0] if continuing else candidates[0]
