"""Sentence alignment inside aligned paragraphs: Gale and Church's length-based method.

Lengths are counted in characters with every Han character weighted as
``HAN_WEIGHT`` Latin characters (a Chinese character carries about as much as
three letters of English), so the length ratio between versions stays near
one whatever the pair of languages. Each paragraph's own length ratio sets the
expected ratio, so a pair of languages needs no trained constants.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from ..sentences import split_sentences

HAN_WEIGHT = 3.0
VARIANCE = 6.8
_HAN = regex.compile(r"\p{Han}")
# Gale & Church's prior probabilities of the alignment types.
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


@dataclass(frozen=True, slots=True)
class SentencePair:
    """One group of sentences per language that translate each other."""

    texts: tuple[tuple[str, str], ...]


def weighted_length(text: str) -> float:
    han = len(_HAN.findall(text))
    return han * HAN_WEIGHT + (len(text.replace(" ", "")) - han)


def align_sentences(texts: tuple[tuple[str, str], ...], pivot: str) -> tuple[SentencePair, ...]:
    """Align each version's sentences with the pivot language's; versions beyond two follow the pivot's grouping."""
    split = {lang: [s.text for s in split_sentences(text, lang)] for lang, text in texts}
    pivot_sentences = split[pivot]
    groups: dict[str, list[tuple[list[int], list[int]]]] = {}
    for lang, _ in texts:
        if lang != pivot:
            groups[lang] = gale_church(pivot_sentences, split[lang])
    if len(groups) == 1:
        ((lang, beads),) = groups.items()
        return tuple(
            SentencePair(
                ((pivot, _join(pivot, [pivot_sentences[i] for i in a])), (lang, _join(lang, [split[lang][j] for j in b])))
            )
            for a, b in beads
        )
    return _pivot_groups(pivot, pivot_sentences, split, groups)


def _join(lang: str, sentences: list[str]) -> str:
    return ("" if lang == "zh" else " ").join(sentences)


def _pivot_groups(pivot: str, pivot_sentences: list[str], split: dict[str, list[str]],
                  groups: dict[str, list[tuple[list[int], list[int]]]]) -> tuple[SentencePair, ...]:  # fmt: skip
    """With three or more versions, pivot sentences are the unit; each other version's beads attach to them."""
    pairs = []
    for lang_beads in groups.values():
        if any(len(a) != 1 for a, _ in lang_beads):
            break
    else:
        for index, sentence in enumerate(pivot_sentences):
            row = [(pivot, sentence)]
            for lang, beads in groups.items():
                row.append((lang, _join(lang, [split[lang][j] for a, b in beads if a == [index] for j in b])))
            pairs.append(SentencePair(tuple(row)))
        return tuple(pairs)
    whole = [(pivot, _join(pivot, pivot_sentences))] + [(lang, _join(lang, split[lang])) for lang in groups]
    return (SentencePair(tuple(whole)),)


def gale_church(source: list[str], target: list[str]) -> list[tuple[list[int], list[int]]]:
    """Beads (source sentence indexes, target sentence indexes) of the most probable alignment."""
    if not source or not target:
        return [(list(range(len(source))), list(range(len(target))))] if source or target else []
    ls = [weighted_length(s) for s in source]
    lt = [weighted_length(t) for t in target]
    ratio = (sum(lt) or 1.0) / (sum(ls) or 1.0)
    n, m = len(ls), len(lt)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in PRIORS.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = cost[i][j] + _bead_cost(sum(ls[i:ni]), sum(lt[j:nj]), ratio, prior)
                if c < cost[ni][nj]:
                    cost[ni][nj], back[ni][nj] = c, (di, dj)
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def _bead_cost(source_len: float, target_len: float, ratio: float, prior: float) -> float:
    if source_len == 0 and target_len == 0:
        return 0.0
    mean = (source_len + target_len / ratio) / 2
    delta = (target_len - source_len * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE)
    probability = 2 * (1 - _normal_cdf(abs(delta)))
    return -math.log(max(prior, 1e-12)) - math.log(max(probability, 1e-12))


def _normal_cdf(z: float) -> float:
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))
