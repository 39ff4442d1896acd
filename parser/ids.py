"""Every id of a parsed document is minted here.

Ids are language-neutral: they come from the ordinal of the official number, not from how it is
printed (Chinese ``三`` and English ``III`` both give ``chp_3``; Arabic ``باء`` gives ``sec_B``), so
every language version of a document shares them. The forms follow the AKN naming convention:

* numbered units: ``chp_3``, ``chp_3__sec_A``, ``chp_3__sec_A__subsec_1``; paragraphs by their own
  number, since paragraph numbers run through the whole document (``para_48``); an annex numbers its
  own (``annex_1__para_3``), and so does a quoted structure (``para_1__qs_1__para_3``: the first text
  paragraph 1 quotes); sub-paragraphs under their paragraph (``para_8__list_1__point_a``);
  captioned tables and figures by their caption's number (``table_2``, ``fig_3``);
* unnumbered units (headings ``hdg``, text blocks ``p``, tables and figures without a number) are
  anchored to the nearest official number before them in the same container, or to the container
  when none precedes them, and counted from that anchor: ``para_21__hdg_1`` is the first heading
  after paragraph 21, ``chp_2__p_1`` the first text block of chapter II before any paragraph. An
  unnumbered unit added earlier in the document therefore never shifts them;
* a resolution's preamble and conclusions by name, their units counted in them (``preamble__p_3``); an agenda's
  items by their number (``item_3``), in its parts (``agenda__item_3``, ``annotations__item_3``);
* a record's interventions in their order (``speech_3``), what was said under them (``speech_3__p_2``);
* footnotes by their marker (``fn_12``, ``fn_star_1`` for ``*``), summary paragraphs ``summary__p_1``.

A number printed twice (a real duplicate in the source) gets ``_2``, ``_3`` … on its second use.
"""

from __future__ import annotations

from collections import Counter

import regex

from .model import Marker
from .numbering import int_to_letter, int_to_roman, list_letter, paragraph_prefix, roman_to_int, zh_to_int

ROOT = "body"
"""The id the top-level units are anchored to when no number precedes them."""

_PREFIX = {"annex": "annex", "chapter": "chp", "section": "sec", "subsection": "subsec", "paragraph": "para",
           "table": "table", "figure": "fig"}  # fmt: skip
_UNNUMBERED = {"heading": "hdg", "block": "p", "table": "table", "figure": "fig", "toc": "toc"}


def neutral_num(marker: Marker) -> str:
    """The language-neutral id part: ``三`` → ``3``, ``باء`` → ``B``, ``(iv)`` → ``iv``."""
    if marker.level == "paragraph" and paragraph_prefix(marker):  # ``34.1`` → ``34-1`` (AKN NC: ``11.2`` → ``11-2``)
        return f"{paragraph_prefix(marker).replace('.', '-')}-{marker.ordinal}"
    if marker.level in ("chapter", "subsection", "paragraph", "annex"):
        return str(marker.ordinal)
    if marker.level == "section":
        return int_to_letter(marker.ordinal)
    if marker.level == "subsubparagraph":
        return int_to_roman(marker.ordinal).lower()
    return list_letter(marker.ordinal)


class Ids:
    """The ids of one document, minted in document order (the tree builder asks as it places units)."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._anchor: dict[str, str] = {}
        """For each container (by id): the last numbered unit placed in it."""
        self._after: Counter[tuple[str, str]] = Counter()
        """Unnumbered units of each kind counted after each anchor."""
        self._speeches = 0

    def _unique(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self._used:
            n += 1
            candidate = f"{wanted}_{n}"
        self._used.add(candidate)
        return candidate

    def _numbered(self, container: str, wanted: str) -> str:
        node_id = self._unique(wanted)
        self._anchor[container] = node_id
        return node_id

    def container(self, container: str, scope: str, marker: Marker) -> str:
        """An annex, chapter, section or subsection in ``container`` (``scope``: the ids it is prefixed with)."""
        if marker.level == "annex":
            suffix = "" if not marker.num else f"_{_annex_num(marker)}"
        else:
            suffix = f"_{neutral_num(marker)}"
        return self._numbered(container, _scoped(scope, _PREFIX[marker.level] + suffix))

    def paragraph(self, container: str, annex: str, marker: Marker, unit: str = "para") -> str:
        """A numbered paragraph: its own number, inside its annex (or part) if it has one; ``unit`` names what the
        document numbers (``item_3``: an agenda's item 3)."""
        return self._numbered(container, _scoped(annex, f"{unit}_{neutral_num(marker)}"))

    def point(self, parent: str, marker: Marker, list_number: int = 1) -> str:
        """A sub-paragraph ``(a)`` / ``(i)`` of ``parent`` (a paragraph, a sub-paragraph or a container), in the
        ``list_number``-th list ``parent`` holds (``starts_list``)."""
        return self._numbered(parent, f"{parent}__list_{list_number}__point_{neutral_num(marker)}")

    def captioned(self, container: str, annex: str, kind: str, marker: Marker) -> str:
        """A table or figure numbered by its caption: ``Table 2`` → ``table_2``, ``Table A.1`` → ``table_A-1``."""
        number = str(marker.ordinal) if marker.ordinal else marker.num
        return self._numbered(container, _scoped(annex, f"{_PREFIX[kind]}_{regex.sub(r'[^0-9A-Za-z]+', '-', number)}"))

    def unnumbered(self, container: str, kind: str) -> str:
        """An unnumbered heading, text block, table or figure placed in ``container``: anchored to the last
        numbered unit placed there (or to the container itself) and counted from it."""
        anchor = self._anchor.get(container, container)
        self._after[anchor, kind] += 1
        return self._unique(f"{anchor}__{_UNNUMBERED[kind]}_{self._after[anchor, kind]}")

    def quote(self, anchor: str) -> str:
        """A quoted structure (a draft resolution a report quotes), under the paragraph or container quoting it:
        ``para_1__qs_2``. Its own units are numbered inside it (``para_1__qs_2__para_3``)."""
        self._after[anchor, "quote"] += 1
        return self._unique(f"{anchor}__qs_{self._after[anchor, 'quote']}")

    def speech(self) -> str:
        """A record's intervention: ``speech_1``, ``speech_2`` … in the order they were made."""
        self._speeches += 1
        return self._unique(f"speech_{self._speeches}")  # not an anchor: a heading after it is the container's

    def part(self, name: str) -> str:
        """A resolution's ``preamble`` or ``conclusions``: its units are anchored to it (``preamble__p_3``, the
        third preambular paragraph)."""
        return self._unique(name)

    def note_child(self, parent: str, index: int) -> str:
        """A table's or figure's ``Source:`` / ``Note:`` line."""
        return self._unique(f"{parent}__note_{index}")


def starts_list(ordinal: int | None, previous: str | None, points_before: bool) -> bool:
    """Whether a sub-paragraph opens another list in the unit holding it: it is numbered ``(a)`` (or ``(i)``) again
    after text or a heading that came between it and the unit's earlier items (``With regard to Guam:`` /
    ``(a) Welcomed …``, ``Non-State actors`` / ``(a) Al-Qaida …``). ``previous``: the type of the unit's last child
    before it."""
    return ordinal == 1 and points_before and previous not in (None, "subparagraph")


def note_id(marker: str, taken: set[str]) -> str:
    """A footnote's id from its marker: ``fn_12``, ``fn_a`` for a lettered note, ``fn_star_2`` for ``**``, ``fn_x``
    otherwise; a marker defined twice gets ``_2``."""
    lettered = len(marker) == 1 and "a" <= marker <= "z"
    base = f"fn_{marker}" if marker.isdigit() or lettered else f"fn_star_{len(marker)}" if set(marker) == {"*"} else "fn_x"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


def summary_id(index: int) -> str:
    """The ``index``-th paragraph (from 1) of the masthead's summary box."""
    return f"summary__p_{index}"


def _scoped(scope: str, local: str) -> str:
    return f"{scope}__{local}" if scope else local


def _annex_num(marker: Marker) -> str:
    num = marker.num
    value = roman_to_int(num) or zh_to_int(num) or (int(num) if num.isdigit() else None)
    return str(value) if value else num
