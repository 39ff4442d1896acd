"""Which official language a document is in, from script statistics (and stop words for Latin script)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex

from .thresholds import LAYOUT

_SCRIPTS = (("zh", regex.compile(r"\p{Han}")), ("ar", regex.compile(r"\p{Arabic}")),
            ("ru", regex.compile(r"\p{Cyrillic}")), ("latin", regex.compile(r"\p{Latin}")))  # fmt: skip
_NOT_LATIN = regex.compile(r"[\p{Han}\p{Arabic}\p{Cyrillic}]")
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


def main_part_language(texts: list[str], ends_part: Callable[[str], bool]) -> str:
    """The language of a document: that of its main part, the text before the first line that ends it (an annex,
    a letter's signature: an English letter with an Arabic annex is English), unless that part is too short to tell."""
    part_end = next((i for i, text in enumerate(texts) if ends_part(text.strip())), len(texts))
    main = " ".join(texts[:part_end])
    if part_end < len(texts) and sum(map(len, _WORD.findall(main))) >= LAYOUT.min_main_part_letters:
        return detect_language(main)
    return detect_language(" ".join(texts))


def block_language(text: str, document: str) -> str | None:
    """The language of a block when it is plainly not its document's (an Arabic annex to an English letter, a
    French quotation in an English report), else ``None``: too short a block, or evidence that is not plain, is
    taken to be in the document's language."""
    counts = _script_counts(text)
    letters = sum(counts.values())
    if letters < LAYOUT.min_block_letters:
        return None
    best = max(counts, key=lambda code: counts[code])
    if counts[best] < LAYOUT.block_script_share * letters:
        return None
    if best != "latin":
        return best if best != document else None
    scores = _stop_word_scores(text)
    winner = max(scores, key=lambda code: scores[code])
    others = max((score for code, score in scores.items() if code != winner), default=0)
    if winner == document or scores[winner] < LAYOUT.block_stop_words:
        return None
    plain = scores[winner] >= 3 * max(scores.get(document, 0), 1) and scores[winner] >= 1.5 * others
    return winner if plain else None  # (French and Spanish share ``de``, ``la``, ``en``: the winner must lead)


def detect_language(text: str) -> str:
    """``zh``, ``ar``, ``ru``, ``en``, ``fr`` or ``es`` — the script that dominates, then stop words for Latin."""
    sample = text[:60000]
    counts = _script_counts(sample)
    best = max(counts, key=lambda code: counts[code])
    if best != "latin":
        return best
    scores = _stop_word_scores(sample)
    return max(scores, key=lambda code: scores[code])


def _script_counts(text: str) -> dict[str, int]:
    """Letters of each script (``zh``, ``ar``, ``ru``, ``latin``); Han characters carry a word each, so they are
    weighed up (three) against alphabetic letters."""
    if not _NOT_LATIN.search(text):  # no Han, Arabic or Cyrillic letter (most blocks): one pass, not three
        return {"zh": 0, "ar": 0, "ru": 0, "latin": len(_SCRIPTS[-1][1].findall(text))}
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS}
    counts["zh"] *= 3
    return counts


def _stop_word_scores(text: str) -> dict[str, int]:
    """How many of each Latin-script language's stop words the text holds."""
    words = Counter(map(str.lower, _WORD.findall(text)))
    return {code: sum(words[w] for w in stops) for code, stops in STOP_WORDS.items()}
