"""Masthead elements to ``Metadata``: symbol, organ, session, agenda item, title, summary.

Every masthead line lands in exactly one field; a line with no role of its
own is kept in ``other``. The masthead's asterisk calls (``临时议程*``,
``Africa**``) are linked to the ``*`` notes like any footnote call.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .furniture import SYMBOL, SYMBOL_LINE
from .ids import summary_id
from .model import Element, Footnote, FootnoteRef, MastheadText, Metadata, Node, Source
from .numbering import AR_ABJAD, int_to_letter
from .ordinals import session_number
from .thresholds import LAYOUT
from .vocab import (
    AGENDA,
    AUTHORITY,
    BODY,
    CONTENTS,
    DATE,
    DISTRIBUTION,
    DOC_PART,
    DOC_TYPE,
    LANGUAGE_NAME,
    MONTHS,
    ORGANS,
    ORIGINAL,
    SESSION,
    SESSION_DATES,
    SUMMARY,
)  # fmt: skip

NAMED_FIELDS = ("organ", "distribution", "date", "original_language", "session", "session_dates", "agenda",
                "agenda_title", "title", "doc_type", "summary_heading")  # fmt: skip
"""Roles with a field of their own in ``Metadata`` (the first line of each role fills it)."""

_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_SEP = r"(?:\s*[–-]\s*|\s*,\s*(?:and\s+|et\s+|y\s+)?|\s+(?:to|and|au|et|al|y)\s+)"
_DAYS = rf"\d{{1,2}}(?:{_SEP}\d{{1,2}})*"
_DATES = rf"{_DAYS}\s+{_MONTH}(?:\s+(?:19|20)\d{{2}})?(?:{_SEP}{_DAYS}\s+{_MONTH}(?:\s+(?:19|20)\d{{2}})?)*(?<=\d{{4}})"
_PLACE = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,2}"
SESSION_PLACE_DATES = regex.compile(
    rf"(?:{SESSION_DATES.pattern})|^(?:{_PLACE},\s+)?{_DATES}(?:,\s+{_PLACE})?\.?$"
    r"|^To\s+(?:convene|be\s+held|open)\s+at\s.{3,200}\b(?:19|20)\d{2}\b"
)
"""The dates of a session, with its place before or after them: ``4–7 February 2025``, ``Geneva, 2–5 June 2025``,
``2 to 5 June 2025, New York``, ``New York, 19–23, 28 and 29 May and 5 June 2025``, ``25 July 2024–30 July 2025``;
an agenda's ``To convene at United Nations Headquarters, New York, on Tuesday, 9 September 2025, at 3 p.m.``;
a lone date is the document's (``DATE``, tried first). Dates in brackets are no line of their own: a cover's
``Biennial Report (19 April 2023-9 April 2025)``, a title's ``(2 to 5 June 2025, New York)`` run on."""
DANGLING = regex.compile(r"(?:^|\s)(?:the|of|and|for|from|to|on|in|by|with|at|a|an|du|de|des|la|le|les|et|el|los|las|y|del)$")
"""A masthead line that ends on one of these words is not over: the next line carries it on, whatever role its
own words announce (``… election of members of the`` / ``Human Rights Council``, ``… for the period from`` /
``1 July 2024 to 30 June 2025``, ``… defer the submission of`` / ``Commission resolution 2025/1 …``)."""
STAR_CALL = regex.compile(r"(?<=\S)\s?(\*{1,3})(?=\s|$|\p{Han})")
_ROLE_TESTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("authority", AUTHORITY),
    ("symbol", SYMBOL_LINE),
    ("distribution", DISTRIBUTION),
    ("date", DATE),
    ("language", LANGUAGE_NAME),
    ("original_language", ORIGINAL),
    ("summary_heading", SUMMARY),
    ("contents", CONTENTS),
    ("doc_type", DOC_TYPE),
    ("agenda", AGENDA),
    ("session", SESSION),
    ("session_dates", SESSION_PLACE_DATES),
    ("body", BODY),
)


def masthead_role(text: str) -> str:
    """The role a masthead line announces by its own words, or ``""``: none where it opens in lower case."""
    text = text.strip()
    if text in ORGANS:
        return "organ"
    if text[:1].islower():
        return ""  # a line that opens in lower case carries on the one above (``seventy-seventh executive session``)
    for role, pattern in _ROLE_TESTS:
        match = pattern.search(text) if role == "agenda" else pattern.match(text)
        if match is None:
            continue
        rest = text[match.end() :].strip()
        if role == "authority" and rest and not SYMBOL_LINE.match(rest):
            continue  # ``United Nations conferences and summits:``, a title's line, is no authority
        return role
    return ""


def elements_to_metadata(elements: tuple[Element, ...], notes: tuple[Footnote, ...], *, by_type: bool = True) -> Metadata:
    """Give each masthead element its role and gather them into ``Metadata``; ``by_type=False`` where the type sizes
    are not the document's (an OCR text layer over a scanned page 1)."""
    star_notes = {n.marker.strip(): n.id for n in notes if set(n.marker.strip()) == {"*"}}
    elements = _with_sponsors(elements)
    roles = _roles(elements, by_type=by_type)
    named: dict[str, MastheadText] = {}
    other: list[MastheadText] = []
    summary: list[Node] = []
    for element, role in zip(elements, roles, strict=True):
        item = _with_star_calls(MastheadText(element.text, element.refs, element.sources), star_notes)
        if role == "summary":
            summary.append(Node("block", summary_id(len(summary) + 1), None, None, None, text=item.text,
                                footnote_refs=item.footnote_refs, sources=item.sources))  # fmt: skip
        elif role in NAMED_FIELDS and role not in named:
            named[role] = item
        else:
            other.append(item)  # a second organ, the symbol line, a subsidiary body …: kept, never dropped
    symbols, reissued = _symbols(elements)
    session, agenda, date = named.get("session"), named.get("agenda"), named.get("date")
    return Metadata(
        symbols=symbols,
        reissued=reissued,
        organ=named.get("organ"),
        distribution=named.get("distribution"),
        date=date,
        date_iso=_iso_date(date.text) if date else None,
        original_language=named.get("original_language"),
        session=session,
        session_number=session_number(session.text) if session else None,
        session_dates=named.get("session_dates"),
        agenda=agenda,
        agenda_item=_agenda_item(agenda.text) if agenda else None,
        agenda_title=named.get("agenda_title"),
        title=named.get("title"),
        subtitle=named.get("doc_type"),
        summary_heading=named.get("summary_heading"),
        summary=tuple(summary),
        other=tuple(sorted(other, key=_position)),
    )


_KIND_ROLES = {"resolution_title": "title", "letter_title": "title", "agenda_doc_title": "title", "adoption": "doc_type",
               "draft_title": "doc_type"}  # fmt: skip
"""Masthead roles a document kind's rules gave, as the field they fill."""
_UNTITLED_DRAFT = {"draft_title": "title"}
"""A draft with no title of its own (a Security Council draft: ``United States of America: draft resolution``, then
the preamble) is titled by its draft line."""


def body_star_calls(elements: tuple[Element, ...], notes: tuple[Footnote, ...]) -> tuple[Element, ...]:
    """Link the ``*`` calls printed as plain text in body text (a letter's ``… of the Security Council.*``)
    to the ``*`` notes, as in the masthead."""
    star_notes = {n.marker.strip(): n.id for n in notes if set(n.marker.strip()) == {"*"}}
    if not star_notes:
        return elements
    out = []
    for element in elements:
        if element.kind in ("masthead", "table", "figure") or "*" not in element.text:
            out.append(element)
            continue
        item = _with_star_calls(MastheadText(element.text, element.refs, element.sources), star_notes)
        out.append(replace(element, text=item.text, refs=item.footnote_refs))
    return tuple(out)


def _with_sponsors(elements: tuple[Element, ...]) -> tuple[Element, ...]:
    """``United Kingdom of Great Britain and Northern Ireland:`` over ``draft resolution``: the sponsors and the
    draft's title are one title."""
    out: list[Element] = []
    for element in elements:
        previous = out[-1] if out else None
        sponsors = previous is not None and not previous.role and previous.text.rstrip().endswith((":", "："))
        titled = element.role in ("resolution_title", "draft_title")
        if titled and previous is not None and sponsors and not masthead_role(previous.text):
            shift = len(previous.text) + 1
            refs = previous.refs + tuple(replace(r, offset=r.offset + shift) for r in element.refs)
            out[-1] = replace(element, text=f"{previous.text} {element.text}", refs=refs,
                              sources=previous.sources + element.sources)  # fmt: skip
            continue
        out.append(element)
    return tuple(out)


def _roles(elements: tuple[Element, ...], *, by_type: bool = True) -> list[str]:
    """Roles from each line's own words, then from position: the agenda title follows the agenda item (the titles
    of plural items follow it in its type), the title follows the agenda titles or stands right before the document
    type (a resolution's numbered title wins), the summary follows its heading."""
    kind_roles = _KIND_ROLES if any(e.role == "resolution_title" for e in elements) else _KIND_ROLES | _UNTITLED_DRAFT
    roles = [kind_roles.get(e.role) or masthead_role(e.text) for e in elements]
    organ = _organ_beside_distribution(elements, roles)
    if organ is not None:
        roles[organ] = "organ"
    has_title = "title" in roles
    state, more, first = "", 0, 0
    for index, role in enumerate(list(roles)):
        if state == "after_agenda_title" and more and role in ("", "doc_type") and _same_type(elements[index], elements[first]):
            roles[index], more = "agenda_title_more", more - 1  # ``Agenda items 89 and 12``: the second item's title
            continue
        if role == "agenda":
            more = len((_agenda_item(elements[index].text) or "").split(", ")) - 1
        if role:
            if role in ("summary_heading", "contents", "agenda", "doc_type") or state in ("summary_heading", "contents"):
                state = role if role != "doc_type" else ""
            continue  # organ, session or date lines of a second masthead column do not end the title search
        if state == "summary_heading":
            roles[index] = "summary"
        elif state == "contents":
            roles[index] = "contents"
        elif state == "agenda":
            roles[index], state, first = "agenda_title", "after_agenda_title", index
        elif state == "after_agenda_title" and not has_title:
            roles[index], state, has_title = "title", "", True
        else:
            roles[index] = ""
    if not has_title:  # no agenda item to follow: the title is what stands right before "Report of …"
        for index, role in enumerate(roles[1:], 1):
            if role == "doc_type" and roles[index - 1] == "":
                roles[index - 1] = "title"
                break
    if by_type and not any(e.role in _KIND_ROLES for e in elements):
        _title_by_type(elements, roles)
    return [role or "other" for role in roles]


def _title_by_type(elements: tuple[Element, ...], roles: list[str]) -> None:
    """Where the reader saw the type: the title is page 1's masthead line set in the largest bold type, when that
    type is larger than the masthead's own text (``LAYOUT.masthead_title_ratio``) and than the title found by
    position, if any, under which it stands. It may be the line taken for the agenda item's title where no other
    stands under it (an Executive Board's item line has the document's title under it), the document-type line
    (``Report of the Committee …`` on a supplement's cover, or where no other line is the title), or on a cover
    with no ``Distr.`` line the name of the body that reports (``Commission on Science and Technology for
    Development`` over ``Report on the twenty-eighth session``) where no other line is set as large; never the name
    over the emblem, an ``Addendum`` line nor a line wholly in brackets. A bold line right under a title found so,
    smaller than it, is its document type (``Forty-second report of the Secretary-General``)."""
    own = [e.size for e, r in zip(elements, roles, strict=True) if r and r != "doc_type" and e.size and _on_page_one(e)]
    if not own:
        return
    floor = min(own) * LAYOUT.masthead_title_ratio
    cover = "distribution" not in roles  # a supplement's cover, titled by the body that reports
    candidates = [
        i for i, (e, r) in enumerate(zip(elements, roles, strict=True))
        if (r in _TITLE_ROLES or (r == "body" and cover)) and e.bold and e.size >= floor and _on_page_one(e)
        and not HEADER.match(e.text.strip()) and not DOC_PART.match(e.text.strip()) and not BRACKETED.match(e.text)
    ]  # fmt: skip
    candidates = [i for i in candidates if roles[i] != "agenda_title" or i == candidates[-1]]  # else the item's own
    if not candidates:
        return
    best = max(elements[i].size for i in candidates)
    largest = [i for i in candidates if elements[i].size >= best - _SAME_SIZE]
    chosen = next((i for i in largest if roles[i] != "body"), largest[0])
    if "title" in roles:
        current = roles.index("title")
        if chosen <= current or best < elements[current].size * LAYOUT.masthead_title_ratio:
            return  # never over it: what is set large above the agenda block is the emblem's name or the organ
        roles[current] = ""
    was_type = roles[chosen] == "doc_type"
    roles[chosen] = "title"
    after = chosen + 1
    if was_type or "doc_type" in roles or after >= len(elements) or roles[after]:
        return
    phrase = len(elements[after].text.split()) >= _PHRASE_WORDS  # not the first heading of a list (``CHAIRPERSON``)
    if phrase and elements[after].bold and 0 < elements[after].size < elements[chosen].size - _SAME_SIZE:
        roles[after] = "doc_type"


_PHRASE_WORDS = 3
"""words: a document-type line is a phrase (``Report of the Secretary-General``)."""


_TITLE_ROLES = ("", "title", "doc_type", "agenda_title")
"""Roles a line may hold and still be found to be the title by its type."""
BRACKETED = regex.compile(r"^\s*[(\[].*[)\]]\s*$", regex.DOTALL)
"""A line wholly in brackets (a session's dates, ``(New York, 24–27 March 2025)``): never a title."""
_SAME_SIZE = 0.2
"""pt: two type sizes closer than this are one size (a font's sizes are rounded differently from line to line)."""


def _same_type(a: Element, b: Element) -> bool:
    """Set in one type, as the reader saw it (never where it saw none)."""
    return a.size > 0 and abs(a.size - b.size) < _SAME_SIZE and a.bold == b.bold


def _on_page_one(element: Element) -> bool:
    return not element.sources or element.sources[0].page in (None, 1)


HEADER = regex.compile(
    r"^(?:United Nations|UNITED NATIONS|Nations Unies|Naciones Unidas|Организация Объединенных Наций|联合国|الأمم المتحدة)$"
)
"""The name over the masthead, beside the emblem: never the organ."""


def _organ_beside_distribution(elements: tuple[Element, ...], roles: list[str]) -> int | None:
    """Where no line names an organ of the vocabulary: the masthead element set to the left of ``Distr.``, on its row
    (an Executive Board, a conference, a meeting of States parties), as the organ stands in every UN masthead."""
    if "organ" in roles or "distribution" not in roles:
        return None
    anchor = elements[roles.index("distribution")].sources[0]
    if anchor.bbox is None:
        return None
    row = anchor.bbox
    for index, (element, role) in enumerate(zip(elements, roles, strict=True)):
        if role or HEADER.match(element.text.strip()):
            continue
        for source in element.sources:
            box = source.bbox
            beside = box is not None and box.x1 <= row.x0 and box.top < row.bottom and row.top < box.bottom
            if beside and source.page == anchor.page:
                return index
    return None


def _with_star_calls(item: MastheadText, star_notes: dict[str, str]) -> MastheadText:
    """Take ``*`` calls out of a masthead text and link them to the ``*`` notes."""
    if not star_notes or "*" not in item.text:
        return item
    text, refs, shift = item.text, list(item.footnote_refs), 0
    for match in list(STAR_CALL.finditer(item.text)):
        stars = match.group(1)
        if stars not in star_notes:
            continue
        start, end = match.start() - shift, match.end() - shift
        text = text[:start] + text[end:]
        refs = [r if r.offset <= start else replace(r, offset=r.offset - (end - start)) for r in refs]
        refs.append(FootnoteRef(star_notes[stars], stars, start))
        shift += end - start
    if text.endswith(" ") or "  " in text:
        text = regex.sub(r"\s{2,}", " ", text).rstrip()
    return MastheadText(text, tuple(sorted(refs, key=lambda r: r.offset)), item.sources)


def _position(item: MastheadText) -> tuple[int, int]:
    source: Source = item.sources[0] if item.sources else Source()
    return (source.page or 0, source.line or 0)


def _symbols(elements: tuple[Element, ...]) -> tuple[tuple[str, ...], bool]:
    """The symbols the masthead prints, and whether one carries the reissue asterisk (``S/2025/383*``)."""
    found: list[str] = []
    reissued = False
    for element in elements:
        if masthead_role(element.text) in ("symbol", "authority") or SYMBOL_LINE.match(element.text.strip()):
            for match in SYMBOL.finditer(element.text):
                reissued = reissued or bool(match.group("reissued"))
                if match.group("symbol") not in found:
                    found.append(match.group("symbol"))
    return tuple(found), reissued


def _agenda_item(text: str) -> str | None:
    match = AGENDA.search(text)
    if match is None:
        return None
    found = next(v for v in match.groupdict().values() if v)
    items = [regex.sub(r"\s+", "", item) for item in _ITEM_SEPARATOR.split(found.strip()) if item.strip()]
    return ", ".join(regex.sub(r"\((\p{Arabic}+)\)", _latin_sub_item, item) for item in items)


_ITEM_SEPARATOR = regex.compile(r"\s*(?:,|،|、|和|\band\b|\bet\b|\by\b|\bи\b|\sو\s)\s*")
"""Between the numbers of a plural agenda line: ``Agenda items 32, 61 and 132`` → ``32, 61, 132``."""


def _latin_sub_item(match: regex.Match[str]) -> str:
    """An Arabic sub-item letter as the Latin one of the other language versions: ``29 (ب)`` → ``29(b)``."""
    letter = match.group(1).replace("\u0640", "")
    return f"({int_to_letter(AR_ABJAD.index(letter) + 1).lower()})" if letter in AR_ABJAD else match.group(0)


def _iso_date(text: str) -> str | None:
    """``16 July 2025``, ``11 de mayo de 1994``, ``14 августа 2019 года``, ``2018年7月20日`` → ISO 8601."""
    match = DATE.match(text.strip())
    if match is None:
        return None
    if match.group("zy"):
        year, month, day = int(match.group("zy")), int(match.group("zm")), int(match.group("zd"))
    else:
        month_name = match.group("month").lower()
        month = next((n for name, n in MONTHS.items() if name.lower() == month_name), 0)
        year, day = int(match.group("year")), int(match.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
