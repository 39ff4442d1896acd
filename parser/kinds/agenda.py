"""Agendas (``Provisional agenda``, ``Annotated provisional agenda``, ``Provisional agenda and annotations``): the
document is a list of numbered items, and often a second part that takes each item again with its annotations.

Each part numbers its items on its own (the annotations repeat the agenda's numbers), so a part is a container with
its own numbering (``agenda__item_3``, ``annotations__item_3``); an agenda without parts numbers its items at the top
level (``item_3``, ``item_16__list_1__point_a``: item 16 (a)).
"""

from __future__ import annotations

import regex

from ..model import Line, Marker
from ..rules import CONTINUE, Context, Start, after_marker, masthead_open, title_runs_on
from .base import Kind

AGENDA_TITLE = regex.compile(
    r"^(?:(?:Annotated|Revised|Revised\s+annotated)\s+)?provisional\s+agenda\b|^Ordre\s+du\s+jour\s+provisoire\b"
    r"|^Programa\s+provisional\b|^(?:Пересмотренная\s+|Аннотированная\s+)?предварительная\s+повестка\s+дня\b"
    r"|^(?:订正)?(?:附加说明的)?临时议程(?!\s*\**\s*项目)|^جدول\s+الأعمال\s+المؤقت",
    regex.IGNORECASE,
)
"""The title of an agenda, in the six languages: ``Provisional agenda of the eightieth regular session``,
``Annotated provisional agenda``, ``Ordre du jour provisoire annoté``, ``临时议程和说明``."""

_CALL = r"\s*(?:\*{1,3}|\d{1,3})?\s*$"
"""What may follow a part's heading: a note call (``Provisional agenda*``)."""

AGENDA_PART = regex.compile(
    r"^(?:Provisional\s+agenda|Ordre\s+du\s+jour\s+provisoire|Programa\s+provisional|Предварительная\s+повестка\s+дня"
    rf"|临时议程|جدول\s+الأعمال\s+المؤقت){_CALL}",
    regex.IGNORECASE,
)
"""The heading of the agenda's list of items, standing alone on its line."""

ANNOTATIONS_PART = regex.compile(
    r"^(?:Annotations(?:\s+to\s+the\s+provisional\s+agenda)?(?:\s+and\s+list\s+of\s+documents)?"
    r"|Annotations(?:\s+(?:à|de)\s+l['’]ordre\s+du\s+jour\s+provisoire)?(?:\s+et\s+liste\s+des\s+documents)?"
    r"|Anotaciones(?:\s+al\s+programa\s+provisional)?(?:\s+y\s+lista\s+de\s+documentos)?"
    r"|Аннотации(?:\s+к\s+предварительной\s+повестке\s+дня)?(?:\s+и\s+перечень\s+документов)?"
    rf"|(?:临时议程)?(?:说明|附加说明)(?:和文件清单)?|(?:ال)?شروح(?:\s+جدول\s+الأعمال\s+المؤقت)?){_CALL}",
    regex.IGNORECASE,
)
"""The heading of the annotations: ``Annotations``, ``Annotations and list of documents``, ``Аннотации`` …"""

ITEM = regex.compile(r"^(?P<word>Item|Point|Tema|Пункт|项目|البند)\s*(?P<num>\d{1,3})(?=\s|$)")
"""``Item 3 Internal audit``: an item of the annotations, its number in words."""

CONTENTS_ENTRY = regex.compile(r"(?:\.\s?){3}|\s\d{1,3}$")
"""Dot leaders or a page number at the end: a line of a table of contents."""

PARTS = {"agenda_list": "agenda", "agenda_annotations": "annotations"}
"""The heading roles that open an agenda's parts, and the parts' names (their ids)."""


FIRST_NUMBER = regex.compile(r"^(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])\.\s|^[一二三四五六七八九十]+[.、]")
"""A line opening with an official number: the masthead is over before it."""


def recognise(first: tuple[Line, ...]) -> bool:
    """An agenda's title in the masthead, before the first numbered line (a report that quotes the provisional
    agenda of its next session is no agenda; a contents line ``Provisional agenda … 25`` is no title)."""
    for line in first:
        text = line.text.strip()
        if FIRST_NUMBER.match(text):
            return False
        if AGENDA_TITLE.match(text) and not CONTENTS_ENTRY.search(text) and not text[:1].islower():
            return True  # (``… and provisional agenda of its next session``, a title's second line, is no agenda's)
    return False


def parts_rule(line: Line, ctx: Context) -> Start | None:
    """A line that is only ``Provisional agenda`` or ``Annotations`` opens that part (the masthead's title is
    ``Provisional agenda and annotations``: the part's heading under it ends the masthead); ``Item 3 Title`` opens
    an item of the annotations."""
    text = line.text.strip()
    part = "agenda_list" if AGENDA_PART.match(text) else "agenda_annotations" if ANNOTATIONS_PART.match(text) else ""
    if masthead_open(line, ctx):
        if part and AGENDA_TITLE.match(ctx.last_masthead_text.strip()):
            return Start("heading", line.spans, role=part, ends_masthead=True, own_numbering=True)
        if ctx.open_role == "agenda_doc_title" and title_runs_on(line, ctx):
            return CONTINUE  # ``Provisional agenda of the eightieth regular session of the`` / ``General Assembly``
        if AGENDA_TITLE.match(text) and "agenda_doc_title" not in ctx.masthead_roles:
            return Start("masthead", line.spans, role="agenda_doc_title")
        return None
    if part:
        return Start("heading", line.spans, role=part, own_numbering=True)
    item = ITEM.match(text)
    opens = line.blank_before or line.page_start or line.bold != ctx.open_bold
    if item and opens:
        marker = Marker("paragraph", item[0], item["num"], int(item["num"]))
        return Start("paragraph", after_marker(line, item.end()), marker, role="agenda_entry", ends_masthead=True)
    return None


KIND = Kind("agenda", "doc", "agenda", recognise, (parts_rule,), unit="item")
"""Written as an AKN ``doc`` named ``agenda``; its parts as ``hcontainer`` elements named after them."""
