"""Which official language a document is in, from script statistics (and stop words for Latin script)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex

from .thresholds import LAYOUT

_SCRIPTS = (("zh", regex.compile(r"\p{Han}")), ("ar", regex.compile(r"\p{Arabic}")),
            ("ru", regex.compile(r"\p{Cyrillic}")), ("latin", regex.compile(r"\p{Latin}")))  # fmt: skip
_WORD = regex.compile(r"\p{L}+")
STOP_WORDS = {
    "en": frozenset(
        ["the", "of", "and", "to", "in", "that", "for", "is", "on", "with", "by", "as", "are", "be", "this", "which"]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "des",
            "du",
            "et",
            "à",
            "en",
            "que",
            "pour",
            "est",
            "dans",
            "une",
            "un",
            "sur",
            "par",
            "au",
            "aux",
            "qui",
        ]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "de", "del", "y", "en", "que", "para", "por", "con", "una", "un", "se", "al", "su", "sus"]
    ),
}


def main_part_language(texts: list[str], opens_annex: Callable[[str], bool]) -> str:
    """The language of a document: that of its main part, the text before the first line that opens an annex
    (an English letter with an Arabic annex is English), unless that part is too short to tell."""
    first_annex = next((i for i, text in enumerate(texts) if opens_annex(text.strip())), len(texts))
    main = " ".join(texts[:first_annex])
    if first_annex < len(texts) and sum(map(len, _WORD.findall(main))) >= LAYOUT.min_main_part_letters:
        return detect_language(main)
    return detect_language(" ".join(texts))


def detect_language(text: str) -> str:
    """``zh``, ``ar``, ``ru``, ``en``, ``fr`` or ``es`` — the script that dominates, then stop words for Latin."""
    sample = text[:60000]
    counts = {code: len(pattern.findall(sample)) for code, pattern in _SCRIPTS}
    # Han characters carry a word each: weigh them up against alphabetic letters.
    counts["zh"] *= 3
    best = max(counts, key=lambda code: counts[code])
    if best != "latin":
        return best
    words = Counter(w.lower() for w in _WORD.findall(sample))
    scores = {code: sum(words[w] for w in stops) for code, stops in STOP_WORDS.items()}
    return max(scores, key=lambda code: scores[code])
