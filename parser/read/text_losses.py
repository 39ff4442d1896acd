"""What a text rendering lost: put back what a tool certainly removed, warn of what it cannot give back.

A tool's rendering may lose things its PDF prints. Two kinds are certain and are put back:

* a year range's hyphen at a line end: raw ``pdftotext`` joins ``2016-`` / ``2017`` into ``20162017`` (it takes
  every line-final hyphen for a soft one) and pymupdf4llm may drop it (``2016`` / ``2017``). Two years glued
  together, the second the later, are nothing else in running text: the hyphen goes back.

Two kinds cannot be undone, and are said in a warning rather than guessed:

* ``rendering-order``: a two-column list (abbreviations and names, labels and texts) written column by column, as
  raw ``pdftotext`` writes a list that goes over a page: four or more short label lines in a row, then their
  texts. The words are all there, not in the page's order.
* ``rendering-cut``: a numbered paragraph that stops mid-sentence at a page's end while the next page opens a new
  number: the rendering cut the page's end (a typeset page never ends a paragraph without its full stop).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import regex

from ..model import Block, Issue, Line
from ..text_utils import ends_sentence

_GLUED_YEARS = regex.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)")
_LAST_YEAR = regex.compile(r"(?<![\d.,/])((?:19|20)\d\d)$")
_FIRST_YEAR = regex.compile(r"^((?:19|20)\d\d)(?![\d.,/:])")
RANGE_SPAN = 30
"""years: the longest range put back (``2015-2030``); two years further apart are not taken for one."""


def _is_range(first: str, last: str) -> bool:
    return 0 < int(last) - int(first) <= RANGE_SPAN


def restore_year_ranges(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with each year range's lost hyphen put back (see the module's docstring)."""
    out: list[Line] = []
    for line in lines:
        spans = tuple(replace(s, text=_glued_ranges(s.text)) for s in line.spans)
        if any(a.text != b.text for a, b in zip(spans, line.spans, strict=True)):
            line = replace(line, spans=spans)
        previous = out[-1] if out else None
        if previous is not None and previous.zone == line.zone and not line.heading_level and previous.spans:
            last, first = _LAST_YEAR.search(previous.text.rstrip()), _FIRST_YEAR.match(line.text.lstrip())
            if last and first and _is_range(last.group(1), first.group(1)):
                tail = previous.spans[-1]
                out[-1] = replace(previous, spans=(*previous.spans[:-1], replace(tail, text=tail.text.rstrip() + "-")))
        out.append(line)
    return tuple(out)


def _glued_ranges(text: str) -> str:
    return _GLUED_YEARS.sub(lambda m: f"{m[1]}-{m[2]}" if _is_range(m[1], m[2]) else m[0], text)


_LABEL = regex.compile(r"^(?:\p{Lu}[\p{Lu}\p{N}&.\-]{1,11}(?: \p{Lu}[\p{Lu}\p{N}&.\-]{1,11})?|\p{Lu}\p{L}+ \p{L}+:)$")
"""A short label of a two-column list: an abbreviation (``ICTUR``, ``OSCE-ODIHR``, ``EU FRA``, ``JS5``) or a
group's title ending with a colon (``Joint submissions:``)."""
LABEL_RUN = 4
"""lines: the shortest run of labels with no text beside them that says a list was written column by column."""


def column_order_issues(lines: tuple[Line, ...]) -> tuple[Issue, ...]:
    """A ``rendering-order`` warning for each run of label lines followed by text lines (see the module)."""
    issues: list[Issue] = []
    run: list[Line] = []
    for line in (*lines, None):
        text = line.text.strip() if line is not None else ""
        if line is not None and _LABEL.match(text) and (not run or run[-1].zone == line.zone):
            run.append(line)
            continue
        abbreviations = [r for r in run if not r.text.rstrip().endswith(":")]
        if (
            len(abbreviations) >= LABEL_RUN
            and line is not None
            and not _LABEL.match(text)
            and len(text) > 2 * max(len(r.text.strip()) for r in abbreviations)
        ):
            where = "a note" if run[0].zone == "footnote" else "the text"
            issues.append(Issue("rendering-order", f"{len(run)} short lines in a row in {where} ({run[0].text.strip()} … "
                                f"{run[-1].text.strip()}), then their texts: the rendering wrote a two-column list column "
                                "by column, so its words are not in the page's order", line=run[0].source.line))  # fmt: skip
        run = []
    return tuple(issues)


_CLAUSE_OPEN = regex.compile(r"[;；:：]$")


def cut_page_issues(blocks: tuple[Block, ...], lines: tuple[Line, ...]) -> tuple[Issue, ...]:
    """A ``rendering-cut`` warning for each numbered paragraph that stops mid-sentence at a page's end where the next
    page opens a new number (see the module's docstring)."""
    starts = {line.source.line for line in lines if line.page_start and line.zone != "footnote"}
    body = [b for b in blocks if b.kind not in ("footnote", "masthead") and b.sources]
    issues: list[Issue] = []
    for before, after in pairwise(body):
        if after.sources[0].line not in starts or after.continues or after.marker is None:
            continue
        if before.region is not None or not (before.kind in ("paragraph", "subparagraph") or before.continues):
            continue
        text = before.plain_text.rstrip()
        if text and not ends_sentence(text) and not _CLAUSE_OPEN.search(text):
            label = f"paragraph {before.marker.num}" if before.marker else "a paragraph"
            issues.append(Issue("rendering-cut", f"{label} stops mid-sentence (… {text[-20:]}) at a page's end and the "
                                "next page opens a new number: the rendering lost the end of the page",
                                line=before.sources[-1].line))  # fmt: skip
    return tuple(issues)
