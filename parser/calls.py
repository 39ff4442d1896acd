"""Footnote calls in plain text, where superscripts have become ordinary digits.

A text extraction of a PDF prints the call ``²`` as ``2``: ``Development.2``,
``session,3 and``, ``《宣言》8`` at a line end. Two rules find them:

* guided by the notes: when the document defines numbered notes, calls are
  looked for in order (1, then 2, …), each as a bare number glued to the end of
  a word or punctuation, so ``4 to 6 November`` is not mistaken for call 4;
* CJK line ends: a one-to-three-digit number at the very end of a line, glued
  to a Han character or CJK punctuation (``注意到秘书长的报告；6``). This rule runs
  in the text reader, where line ends are still known.

A note marked with stars that nothing calls yet (no superscript, no star typed in the masthead) is called
by the same stars typed at the end of a word of the body, a table's cell or a contents entry (``… in
2025***``: the budget sections call their ``***`` note from the contents).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .model import Block, Span
from .text_utils import is_cjk, split_spans_at

CJK_LINE_END_CALL = regex.compile(r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef》」』”’）])(?P<n>\d{1,3})$")
_OLD_STYLE = regex.compile(r"(?<=\s)(?P<n>\d{1,3}/)(?=[\s\p{P}]|$)")
_MARKS = regex.compile(r"[,，、\s]+")
_STOP_AFTER = regex.compile(r"(?<=\d)\.$")
_CJK_CALL_BEFORE = "。，；：、》」』）】"
_SYMBOL_PART_BEFORE = regex.compile(r"/[A-Z][a-z]{1,5}\.$")
"""``A/70/118/Corr.1``, ``S/2025/10/Add.32``: the number of a symbol's part, not a call."""
_NEW_SENTENCE = regex.compile(r"\s+[\p{Lu}“\"]|\s*$")
"""What follows a call glued to a full stop after a capital or a digit: a new sentence, or the end of the text."""
_DATE_UNIT_AFTER = regex.compile(r"\s?[年月日]")
_ACRONYM_BEFORE = regex.compile(r"(?:\b[A-Z]{1,4}|\bCOVID-|\bG|\bCO)$")
_CAPITALS_BEFORE = regex.compile(r"\b\p{Lu}{1,4}$")
"""A number glued to a short all-capitals word of any script is part of it (``СП8``: joint submission 8, ``JS8``)."""


CJK_COUNTER = regex.compile(r"\s?[年月日号项名人个次份种岁倍万亿千百多余%％]")
"""What follows a number of Chinese running text that counts or dates (``9月``, ``12项``, ``6 000多名``): no call."""
_GROUPED = regex.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
"""A thousands group after a number (``6 000``, ``700 000``): the number goes on, no call ends it."""


def line_end_call(spans: tuple[Span, ...], next_line: str = "") -> tuple[Span, ...]:
    """Turn a CJK line's trailing bare number into a superscript call, unless the next line goes on with the
    number's unit (``自2016年9`` / ``月以来``: a date broken at the line's end) or its thousands group."""
    text = "".join(s.text for s in spans).rstrip()
    match = CJK_LINE_END_CALL.search(text)
    if match is None or len(text) == match.end("n") - match.start("n"):
        return spans
    if not _call_may_follow(text[: match.start("n")]) and CJK_COUNTER.match(next_line.lstrip()):
        return spans
    if _GROUPED.match(" " + next_line.lstrip()):
        return spans
    head, tail = split_spans_at(spans, match.start("n"))
    return head + (Span(tail[0].text.strip() if len(tail) == 1 else match.group("n"), sup=True),)


def call_marks(text: str) -> list[str]:
    """The marks a superscript calls (``1, 2`` → ``1`` and ``2``); a full stop set in the superscript after the number
    (``vacant.⁵.``) is part of the call's notation, like the space before a call."""
    return [m for m in _MARKS.split(_STOP_AFTER.sub("", text.strip())) if m]


def mark_bare_calls(blocks: tuple[Block, ...], *, guess_without_notes: bool = True) -> tuple[Block, ...]:
    """Find, in order, the calls of numbered notes that no superscript calls yet.

    ``guess_without_notes`` (text renderings) also takes a number glued to a word
    as a call when the document defines no notes at all (an excerpt).

    The next two notes still uncalled are looked for together, so one call the
    rendering lost (``2001-20107``) does not stop the search for the rest.
    """
    blocks = _typed_star_calls(blocks)
    sups = [s.text for b in blocks if b.kind != "footnote" for s in b.spans if s.sup]
    body_sups = {m.rstrip("/") for text in sups for m in call_marks(text)}
    numbered = sorted({int(b.marker.num) for b in blocks if b.kind == "footnote" and b.marker and b.marker.num.isdigit()})
    if any(b.marker.printed.endswith("/") for b in blocks if b.kind == "footnote" and b.marker):
        return _old_style_calls(blocks, {str(n) for n in numbered})
    if not numbered:
        if body_sups or not guess_without_notes:
            return blocks
        return tuple(_glued_calls(b) if b.kind not in ("footnote", "masthead") else b for b in blocks)
    queue = [n for n in numbered if str(n) not in body_sups]
    bare = _bare_capitals(blocks) if guess_without_notes else frozenset()  # a PDF raises its calls
    last = 0
    out: list[Block] = []
    for block in blocks:
        if block.kind in ("footnote", "masthead") or not queue:
            out.append(block)
            continue
        spans, start = block.spans, 0
        heading = block.kind == "heading" and guess_without_notes  # a rendering's heading, after call n - 1
        while queue:
            found = [(n, _find_call(spans, n, start, heading=heading and n == last + 1, bare=bare)) for n in queue[:2]]
            hits = [(at, n) for n, at in found if at is not None]
            if not hits:
                break
            (begin, end), number = min(hits)
            head, rest = split_spans_at(spans, begin)
            digits, tail = split_spans_at(rest, end - begin)
            spans = head + (Span("".join(s.text for s in digits), sup=True),) + tail
            start = begin + 1
            del queue[: queue.index(number) + 1]
            last = number
        out.append(replace(block, spans=spans) if spans is not block.spans else block)
    return tuple(out)


_STARS_TYPED = regex.compile(r"(?<=[^\s*])\*{1,3}(?![*\w])")
"""Stars glued to the end of a word (``2025***``, ``Council.*``), not a run of more."""
_MASTHEAD_STARS = regex.compile(r"(?<=\S)\s?(\*{1,3})(?=\s|$|\p{Han})")
"""A star call in the masthead, as the masthead stage reads it (``parser.masthead.STAR_CALL``)."""


def _typed_star_calls(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The first typed call of each star note nothing calls yet, as a superscript (see the module's docstring)."""
    marks = {b.marker.num for b in blocks if b.kind == "footnote" and b.marker and set(b.marker.num) == {"*"}}
    for block in blocks:
        if block.kind == "masthead":
            marks -= {m.group(1) for m in _MASTHEAD_STARS.finditer(block.text)}
        elif block.kind != "footnote":
            marks -= {m for s in block.spans if s.sup for m in call_marks(s.text)}
    if not marks:
        return blocks
    out: list[Block] = []
    for block in blocks:
        if block.kind not in ("footnote", "masthead") and marks:
            spans = _raise_stars(block.spans, marks)
            rows = block.region.rows if block.region is not None else ()
            new_rows = tuple(tuple(replace(c, spans=_raise_stars(c.spans, marks)) if marks else c for c in row) for row in rows)
            if spans is not block.spans or new_rows != rows:
                region = replace(block.region, rows=new_rows) if block.region is not None else None
                block = replace(block, spans=spans, region=region)
        out.append(block)
    return tuple(out)


def _raise_stars(spans: tuple[Span, ...], marks: set[str]) -> tuple[Span, ...]:
    """``spans`` with the first typed call of one of ``marks`` raised (and its mark taken from ``marks``)."""
    for match in _STARS_TYPED.finditer("".join(s.text for s in spans)):
        head, rest = split_spans_at(spans, match.start())
        if match.group() in marks and not rest[0].sup:
            marks.discard(match.group())
            tail = split_spans_at(rest, match.end() - match.start())[1]
            return head + (Span(match.group(), sup=True),) + tail
    return spans


_YEAR_RANGE = r"(?<=\b(?:19|20)\d\d\s?[–-]\s?(?:19|20)\d\d)"
"""A call glued to the end of a year range: ``Decade 2024–203412 and`` is 2024–2034 and call 12."""
_NUMBER_OF_YEAR = r"(?<=(?<![\p{N}/])\d{1,5}/(?:19|20)\d\d)"
"""A call glued to a law's or decree's number of a year: ``Закон № 46/2017164.`` is law 46/2017 and call 164 (looked
for only as the next note's call, never guessed)."""
_GLUED = regex.compile(r"(?<=[a-z)”’;,])(?<![A-Z][a-z]?[A-Z]\w*)(?P<n>\d{1,2})(?=\s|$)")


def _glued_calls(block: Block) -> Block:
    """Without notes to guide: a one- or two-digit number glued to the end of a word (``Declaration8 adopted``)."""
    text = "".join(s.text for s in block.spans)
    spans = block.spans
    found = list(_GLUED.finditer(text)) + list(regex.finditer(rf"{_YEAR_RANGE}(?P<n>\d{{1,2}})(?=\s|$|[,;.])", text))
    for match in sorted(found, key=lambda m: m.start("n"), reverse=True):
        if _ACRONYM_BEFORE.search(text[: match.start("n")]):
            continue
        head, rest = split_spans_at(spans, match.start("n"))
        number, tail = split_spans_at(rest, match.end("n") - match.start("n"))
        spans = head + (Span("".join(s.text for s in number), sup=True),) + tail
    return replace(block, spans=spans) if spans is not block.spans else block


def _old_style_calls(blocks: tuple[Block, ...], numbers: set[str]) -> tuple[Block, ...]:
    """The 1990s ``1/`` style is unmistakable: every ``N/`` after a space, for a note N that exists, is a call
    (a note may be called more than once)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind in ("footnote", "masthead"):
            out.append(block)
            continue
        spans = block.spans
        text = "".join(s.text for s in spans)
        for match in reversed(list(_OLD_STYLE.finditer(text))):
            if match.group("n").rstrip("/") in numbers:
                head, rest = split_spans_at(spans, match.start("n"))
                mark, tail = split_spans_at(rest, match.end("n") - match.start("n"))
                spans = head + (Span("".join(s.text for s in mark), sup=True),) + tail
        out.append(replace(block, spans=spans) if spans is not block.spans else block)
    return tuple(out)


def _call_may_follow(before: str) -> bool:
    """A number after this text may be a call whatever follows it: after CJK punctuation (``实例。13人口``) or
    after no Han letter at all."""
    glued = before.rstrip()[-1:]
    return not glued or glued in _CJK_CALL_BEFORE or glued in "”’》」』）" or not regex.match(r"\p{Han}", glued)


def _bare_capitals(blocks: tuple[Block, ...]) -> frozenset[str]:
    """The short all-capitals words the text also uses with no number after them (``НПЗУ``, ``NHRI``): a number glued
    to one is a call; a word only ever written with a number (``СП8``, ``JS8``) is a name with its number."""
    text = " ".join(b.text for b in blocks if b.kind not in ("footnote", "masthead"))
    return frozenset(_CAPITALS_ALONE.findall(text))


_CAPITALS_ALONE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{2,4}(?![\p{L}\p{N}])")


def _capitals_name(before: str, bare: frozenset[str]) -> bool:
    """The digits glued after ``before`` are part of a short all-capitals name (``СП8``, ``COVID-19``), unless a
    rendering's text uses that word alone too (``… создания НПЗУ11.``: the call of note 11 after the acronym)."""
    capitals = _CAPITALS_BEFORE.search(before)
    if capitals is not None and capitals.group(0) in bare:
        return False
    return capitals is not None or _ACRONYM_BEFORE.search(before) is not None


def _find_call(
    spans: tuple[Span, ...], number: int, start: int, *, heading: bool = False, bare: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Where call ``number`` is: glued to a word or punctuation, or after a space when it follows
    a capitalized word or punctuation (``Social Development 1 and``, ``2023, 4 as``, ``立法。 4志愿``: a renderer's
    gap before a raised digit, or the call wrapped onto a line of its own), or a word when a comma or full stop
    closes the clause right after it (``материалов 1, полученных``, ``дискриминации 17. В``), or a word at the very
    end of a ``heading`` of a text rendering right after call ``number - 1`` (``… business and human rights 34``: a
    heading ends with no full stop; never in a PDF, whose calls are raised: ``under agenda item 7``)."""
    text = "".join(s.text for s in spans)
    after_years = regex.compile(rf"(?:{_YEAR_RANGE}|{_NUMBER_OF_YEAR})(?P<n>{number})(?=[\s\p{{P}}]|$)").search(text, start)
    if after_years is not None:
        return after_years.start("n"), after_years.end("n")
    pattern = regex.compile(rf"(?<![\p{{N}}/\-–])(?P<n>{number})(?=[\s\p{{P}}\p{{Han}}]|$)(?![.,/]\d)")
    for match in pattern.finditer(text, start):
        if _DATE_UNIT_AFTER.match(text, match.end("n")):
            continue  # ``12 月5日``: a month or a year, not a call
        before = text[: match.start("n")]
        if not _call_may_follow(before) and (CJK_COUNTER.match(text, match.end("n")) or _GROUPED.match(text, match.end("n"))):
            continue  # ``有12项``, ``的11人``, ``拥有6 000多名``: a number that counts, after a Han word
        glued = before[-1:]
        if not glued or glued.isspace():
            word = regex.search(r"(\S+)\s$", before)
            previous = word.group(1) if word else ""
            after_mark = previous[-1:] in tuple(",;:.”’»)" + _CJK_CALL_BEFORE)
            ends_clause = previous.isalpha() and regex.match(r"[,;:.](?:\s|$)", text[match.end("n") :]) is not None
            ends_clause = ends_clause or (heading and previous.isalpha() and not text[match.end("n") :].strip())
            if not previous or not (after_mark or (previous[0].isupper() and previous.isalpha()) or ends_clause):
                continue
            if _ACRONYM_BEFORE.search(before.rstrip()):
                continue
        elif not (glued.isalpha() or glued in ",;:.”’»)%％" or glued in _CJK_CALL_BEFORE):  # ``130,4%50``
            continue
        elif regex.match(r"\p{Han}", text[match.end("n") : match.end("n") + 1]) and not (is_cjk(glued) or glued in "”’)"):
            continue  # a call runs into Han text only after Han text or CJK punctuation (``报告》1中``)
        elif glued == "." and not (before[-2:-1].islower() or before[-2:-1] in "”’)" or _NEW_SENTENCE.match(text, match.end())):
            continue  # "E.96" is a sales number, "Development.2" a call, and so is "NHRI.11 Amnesty" or "in 2016.30"
        elif _SYMBOL_PART_BEFORE.search(before) or _capitals_name(before, bare):
            continue
        return match.start("n"), match.end("n")
    return None
