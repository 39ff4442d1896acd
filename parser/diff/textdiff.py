"""Text comparison for ``undoc diff``: the whitespace-blind form of a text and a compact character diff.

``char_diff("the old text", "the new text")`` gives ``the [-old-]{+new+} text``: each changed stretch
between ``[-…-]`` (removed) and ``{+…+}`` (added), with a little context around it and ``…`` where
unchanged text is left out.
"""

from __future__ import annotations

from bisect import bisect_left
from difflib import SequenceMatcher

import regex

CONTEXT = 24
"""Characters of unchanged text shown on each side of a change."""
MERGE_GAP = 3
"""Characters: two changes closer than this are shown as one (``[-cat-]{+dog+}``, not ``[-c-]{+d+}a[-t-]{+g+}``)."""
CHAR_LIMIT = 300
"""Characters: a changed stretch longer than this on either side is compared word by word, since a
character matcher is quadratic on text with few distinct characters (two unrelated 2,000-character
notes took 2.6 s)."""
MATCHER_LIMIT = 300
"""Units (characters or words) up to which a changed stretch goes to difflib's matcher, whose time
grows with the cube of the length on repetitive text (3,000 words of one repeated sentence: 160 s);
a longer one is first cut at the words it has only once (patience diff)."""
SHOWN = 160
"""Characters of a removed or added stretch shown; a longer one keeps its two ends around ``…``."""

_INVISIBLE = regex.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")
_HYPHEN_IN_WORD = regex.compile(r"(?<=\p{L})[-\u2010](?=\p{L})")
_WORDS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]\s*|\w+\s*|[^\w\s]\s*|\s+")
"""Words with their trailing space, punctuation marks, and each Han or kana character (no spaces to cut at)."""


def loose(text: str) -> str:
    """``text`` with whitespace, soft hyphens, zero-width characters and line-end hyphenation aside.

    A hyphen between two letters is taken out too: once a line-end ``inter-`` is joined to
    ``national`` nothing tells it from a compound, so ``inter-national``, ``inter- national`` and
    ``international`` all compare equal.
    """
    return _HYPHEN_IN_WORD.sub("", _INVISIBLE.sub("", text))


def char_diff(old: str, new: str, context: int = CONTEXT) -> str:
    """The changed stretches of ``old`` → ``new`` marked ``[-removed-]{+added+}``, with trimmed context."""
    pieces = _pieces(old, new)
    out: list[str] = []
    for index, (kind, a, b) in enumerate(pieces):
        if kind != "equal":
            out.append((f"[-{_shown(a)}-]" if a else "") + (f"{{+{_shown(b)}+}}" if b else ""))
            continue
        first, last = index == 0, index == len(pieces) - 1
        if first and last:
            out.append(_trim(a, context, context))
        elif first:
            out.append(_trim(a, 0, context))
        elif last:
            out.append(_trim(a, context, 0))
        else:
            out.append(_trim(a, context, context, middle=True))
    return "".join(out)


def _shown(text: str) -> str:
    half = SHOWN // 2
    return text if len(text) <= SHOWN else text[:half] + "…" + text[len(text) - half :]


def _trim(text: str, head: int, tail: int, *, middle: bool = False) -> str:
    """Keep ``head`` characters at the start and ``tail`` at the end of an unchanged stretch."""
    if len(text) <= head + tail + 1:
        return text
    if middle:
        return text[:head] + "…" + text[len(text) - tail :]
    if head == 0:
        return "…" + text[len(text) - tail :]
    return text[:head] + "…"


def _pieces(old: str, new: str) -> list[tuple[str, str, str]]:
    """(kind, old part, new part) in order; kind is ``equal`` or ``change``, short equal runs folded into changes."""
    if max(len(old), len(new)) <= CHAR_LIMIT:
        raw = _aligned(list(old), list(new))
    else:
        raw = []
        for kind, a, b in _aligned(_WORDS.findall(old), _WORDS.findall(new)):
            small = kind == "change" and a and b and max(len(a), len(b)) <= CHAR_LIMIT
            raw.extend(_aligned(list(a), list(b)) if small else [(kind, a, b)])
    merged: list[tuple[str, str, str]] = []
    for index, (kind, a, b) in enumerate(raw):
        between_changes = merged and merged[-1][0] == "change" and index + 1 < len(raw) and raw[index + 1][0] == "change"
        if kind == "equal" and len(a) < MERGE_GAP and between_changes:
            kind = "change"
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + a, merged[-1][2] + b)
        else:
            merged.append((kind, a, b))
    return merged


def _aligned(a: list[str], b: list[str]) -> list[tuple[str, str, str]]:
    """Two unit sequences (characters or words) as equal and changed stretches of text."""
    return [(kind, "".join(a[i1:i2]), "".join(b[j1:j2])) for kind, i1, i2, j1, j2 in _opcodes(a, b, 0, len(a), 0, len(b))
            if i1 < i2 or j1 < j2]  # fmt: skip


def _opcodes(a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[tuple[str, int, int, int, int]]:
    """Equal and changed ranges of ``a[a_lo:a_hi]`` against ``b[b_lo:b_hi]``.

    Common ends are taken off first; a small middle goes to difflib; a large one is cut at the units
    that occur once on each side and keep their order (patience diff), and a large middle without
    such anchors is one change: the time stays near-linear whatever the text.
    """
    head: list[tuple[str, int, int, int, int]] = []
    tail: list[tuple[str, int, int, int, int]] = []
    start_a, start_b = a_lo, b_lo
    while a_lo < a_hi and b_lo < b_hi and a[a_lo] == b[b_lo]:
        a_lo, b_lo = a_lo + 1, b_lo + 1
    head.append(("equal", start_a, a_lo, start_b, b_lo))
    end_a, end_b = a_hi, b_hi
    while a_hi > a_lo and b_hi > b_lo and a[a_hi - 1] == b[b_hi - 1]:
        a_hi, b_hi = a_hi - 1, b_hi - 1
    tail.append(("equal", a_hi, end_a, b_hi, end_b))
    if a_lo == a_hi or b_lo == b_hi:
        middle = [("change", a_lo, a_hi, b_lo, b_hi)]
    elif max(a_hi - a_lo, b_hi - b_lo) <= MATCHER_LIMIT:
        matcher = SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi], autojunk=False)
        middle = [("equal" if tag == "equal" else "change", a_lo + i1, a_lo + i2, b_lo + j1, b_lo + j2)
                  for tag, i1, i2, j1, j2 in matcher.get_opcodes()]  # fmt: skip
    else:
        middle = _between_anchors(a, b, a_lo, a_hi, b_lo, b_hi)
    return head + middle + tail


def _between_anchors(
    a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[str, int, int, int, int]]:
    once_a = _unique_positions(a, a_lo, a_hi)
    once_b = _unique_positions(b, b_lo, b_hi)
    pairs = sorted((i, once_b[unit]) for unit, i in once_a.items() if unit in once_b)
    kept = sorted(longest_increasing([j for _, j in pairs]))
    if not kept:
        return [("change", a_lo, a_hi, b_lo, b_hi)]
    out: list[tuple[str, int, int, int, int]] = []
    previous_a, previous_b = a_lo, b_lo
    for index in kept:
        i, j = pairs[index]
        out.extend(_opcodes(a, b, previous_a, i, previous_b, j))
        out.append(("equal", i, i + 1, j, j + 1))
        previous_a, previous_b = i + 1, j + 1
    out.extend(_opcodes(a, b, previous_a, a_hi, previous_b, b_hi))
    return out


def _unique_positions(units: list[str], lo: int, hi: int) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for index in range(lo, hi):
        unit = units[index]
        if unit in seen:
            repeated.add(unit)
        seen[unit] = index
    return {unit: index for unit, index in seen.items() if unit not in repeated}


def longest_increasing(values: list[int]) -> list[int]:
    """Indexes into ``values`` of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        place = bisect_left(tails, value)
        if place == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[place] = value
            tail_index[place] = index
        previous[index] = tail_index[place - 1] if place else -1
    kept: list[int] = []
    at = tail_index[-1] if tail_index else -1
    while at >= 0:
        kept.append(at)
        at = previous[at]
    return kept[::-1]
