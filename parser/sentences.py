"""Sentence splitting for the six languages.

Chinese (and the full-width stops of CJK text) ends a sentence after 。！？
and any closing quotes or brackets; the other languages after ``.!?`` that
are followed by a space and a capital, a digit or an opening quote, unless
the word before the stop is a known abbreviation (``para.``, ``No.``,
``art.``, ``Sr.``, ``г.``) or a single initial.
"""

from __future__ import annotations

import regex

from .model import Sentence

_CLOSE = "”’」』）)》〉】\"'»"
_CJK_END = regex.compile(rf"[。！？!?][{regex.escape(_CLOSE)}]*")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")
"""The word (letters and full stops) a sentence-end candidate follows."""
_LATIN_END = regex.compile(
    rf"(?P<stop>[.!?…]+)(?P<close>[{regex.escape(_CLOSE)}]*)(?P<space>\s+)(?=[\p{{Lu}}\p{{N}}“\"«¿¡(\p{{Arabic}}])"
)
_ARABIC_END = regex.compile(rf"[.!?؟][{regex.escape(_CLOSE)}]*(?=\s)")

ABBREVIATIONS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "para paras No Nos art arts Art vol Vol p pp chap sect Mr Mrs Ms Dr Prof St e.g i.e etc al Corr Rev Add Suppl"
        " Inc Ltd Co Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec fig Fig ibid Ibid op cit viz cf resp approx",
        "fr": "par paras art arts no nos No Nos vol p pp chap M MM Mme Mmes Mlle Dr Pr St etc cf al Corr Rev Add Suppl"
        " janv févr avr juil sept oct nov déc fig",
        "es": "párr párrs art arts núm núms No Nos vol págs pág cap Sr Sra Sres Sras Srta Dr Dra Ud Uds etc al Corr Rev Add"
        " Suppl fig",
        "ru": "п пп ст гл г гг т тт см стр рис др пр им англ рус No док пункт Corr Rev Add Suppl",
        "ar": "",
        "zh": "",
    }.items()
}


def split_sentences(text: str, language: str) -> tuple[Sentence, ...]:
    """Sentences of ``text`` with their character offsets; whitespace between sentences belongs to none."""
    if language == "zh":
        ends = [m.end() for m in _CJK_END.finditer(text)]
    else:
        ends = _latin_ends(text, language)
        ends += [m.end() for m in _CJK_END.finditer(text) if "。" in m.group(0)]
    return _cut(text, sorted(set(ends)))


def _latin_ends(text: str, language: str) -> list[int]:
    abbreviations = ABBREVIATIONS.get(language, ABBREVIATIONS["en"])
    pattern = _ARABIC_END if language == "ar" else _LATIN_END
    ends: list[int] = []
    for match in pattern.finditer(text):
        start = match.start()
        word = _WORD_BEFORE.search(text[:start])
        previous = word.group(1) if word else ""
        if match.group(0).startswith(".") and (previous in abbreviations or previous.rstrip(".") in abbreviations):
            continue
        if match.group(0).startswith(".") and len(previous) == 1 and previous.isupper():
            continue  # an initial: "Lester M. Salamon"
        stop_end = match.end("close") if language != "ar" else match.end()
        ends.append(stop_end)
    return ends


def _cut(text: str, ends: list[int]) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for end in ends + [len(text)]:
        if end <= start:
            continue
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            sentences.append(Sentence(piece.strip(), start + lead, end - trail))
        start = end
    return tuple(sentences)
