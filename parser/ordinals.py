"""Session numbers written as ordinal words in the six languages: ``Seventy-third`` → 73,
``Тридцать четвертая`` → 34, ``Quatre-vingtième`` → 80, ``الحادية والسبعون`` → 71, ``第七十三届`` → 73."""

from __future__ import annotations

import regex

from .numbering import zh_to_int

# Each table maps a word (or a word's stem, for Russian) to its value; a number is the sum of its words.
_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_FR = {
    "premier": 1, "première": 1, "unième": 1, "un": 1, "deux": 2, "deuxième": 2, "second": 2, "seconde": 2, "trois": 3,
    "troisième": 3, "quatre": 4, "quatrième": 4, "cinq": 5, "cinquième": 5, "six": 6, "sixième": 6, "sept": 7,
    "septième": 7, "huit": 8, "huitième": 8, "neuf": 9, "neuvième": 9, "dix": 10, "dixième": 10, "onze": 11,
    "onzième": 11, "douze": 12, "douzième": 12, "treize": 13, "treizième": 13, "quatorze": 14, "quatorzième": 14,
    "quinze": 15, "quinzième": 15, "seize": 16, "seizième": 16, "vingt": 20, "vingtième": 20, "trente": 30,
    "trentième": 30, "quarante": 40, "quarantième": 40, "cinquante": 50, "cinquantième": 50, "soixante": 60,
    "soixantième": 60,
}  # fmt: skip
_ES = {
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
    "séptimo": 7, "octavo": 8, "noveno": 9, "décimo": 10, "undécimo": 11, "duodécimo": 12, "vigésimo": 20,
    "trigésimo": 30, "cuadragésimo": 40, "quincuagésimo": 50, "sexagésimo": 60, "septuagésimo": 70,
    "octogésimo": 80, "nonagésimo": 90,
}  # fmt: skip
_RU_STEMS = (
    ("девяност", 90), ("восьмидесят", 80), ("семидесят", 70), ("шестидесят", 60), ("пятидесят", 50), ("сороков", 40),
    ("девятнадцат", 19), ("восемнадцат", 18), ("семнадцат", 17), ("шестнадцат", 16), ("пятнадцат", 15),
    ("четырнадцат", 14), ("тринадцат", 13), ("двенадцат", 12), ("одиннадцат", 11), ("тридцат", 30), ("двадцат", 20),
    ("девяносто", 90), ("восемьдесят", 80), ("семьдесят", 70), ("шестьдесят", 60), ("пятьдесят", 50), ("сорок", 40),
    ("тридцать", 30), ("двадцать", 20), ("десят", 10), ("девят", 9), ("восьм", 8), ("седьм", 7), ("шест", 6),
    ("пят", 5), ("четв", 4), ("трет", 3), ("втор", 2), ("перв", 1),
)  # fmt: skip
_AR = {
    "الأولى": 1, "الأول": 1, "الحادية": 1, "الحادي": 1, "الثانية": 2, "الثاني": 2, "الثالثة": 3, "الثالث": 3,
    "الرابعة": 4, "الرابع": 4, "الخامسة": 5, "الخامس": 5, "السادسة": 6, "السادس": 6, "السابعة": 7, "السابع": 7,
    "الثامنة": 8, "الثامن": 8, "التاسعة": 9, "التاسع": 9, "العاشرة": 10, "العاشر": 10, "عشرة": 10, "عشر": 10,
    "العشرون": 20, "الثلاثون": 30, "الأربعون": 40, "الخمسون": 50, "الستون": 60, "السبعون": 70, "الثمانون": 80,
    "التسعون": 90,
}  # fmt: skip
_VINGT = (["vingt"], ["vingts"], ["vingtième"])
_WORD = regex.compile(r"[\p{L}]+")


def session_number(text: str) -> int | None:
    """The number of a session written as digits or as ordinal words in any of the six languages."""
    zh = regex.search(r"第(.{1,6}?)届", text)
    if zh:
        return zh_to_int(zh.group(1))
    digits = regex.search(r"\d+", text)
    if digits:
        return int(digits.group(0))
    words = [w.lower() for w in _WORD.findall(text.replace("-", " "))]
    if "quatre" in words and words[words.index("quatre") + 1 : words.index("quatre") + 2] in _VINGT:
        return _quatre_vingt(words)
    total = 0
    for word in words:
        total += _value(word)
    return total or None


def _value(word: str) -> int:
    for table in (_EN, _FR, _ES):
        if word in table:
            return table[word]
    if word.startswith("و") and word[1:] in _AR:
        return _AR[word[1:]]
    if word in _AR:
        return _AR[word]
    for stem, value in _RU_STEMS:
        if word.startswith(stem):
            return value
    return 0


def _quatre_vingt(words: list[str]) -> int:
    """French 80–99: ``quatre-vingt-treizième`` = 4 × 20 + 13."""
    at = words.index("quatre")
    rest = words[at + 2 :]
    return 80 + sum(_FR.get(w, 0) for w in rest)
