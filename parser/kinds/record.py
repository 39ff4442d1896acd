"""Verbatim and summary records (``A/79/PV.64``, ``E/C.12/SR.5``): the masthead ends where the proceedings
start (``The meeting was called to order …``, the first speaker); each intervention opens with its speaker."""

from __future__ import annotations

import regex

from ..furniture import SYMBOL_LINE
from ..model import Line
from ..rules import CONTINUE, Context, Start, masthead_open
from ..text_utils import ends_sentence
from ..vocab import AGENDA
from .base import Kind

RECORD_SYMBOL = regex.compile(r"^[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)*/(?:PV|SR)\.\d+\b")
"""A record's symbol: ``A/79/PV.64``, ``S/PV.9957``, ``E/C.12/2025/SR.5``."""

RECORD_HEADING = regex.compile(
    r"^(?:(?:Provisional\s+)?(?:Summary|Verbatim)\s+record\s+of\s+the\b|Compte\s+rendu\s+(?:analytique|sténographique)\b"
    r"|Acta\s+(?:resumida|literal)\b|Кратк\w+\s+отчет\b|Стенографическ\w+\s+отчет\b|简要记录|逐字记录|محضر\s+موجز|محضر\s+حرفي)"
)
"""``Summary record of the 5th meeting``: the heading of a record, in the six languages."""

PROCEEDINGS = regex.compile(
    r"^(?:The\s+meeting\s+(?:was\s+called\s+to\s+order|was\s+opened|rose|was\s+suspended|resumed)\b"
    r"|In\s+the\s+absence\s+of\s+the\s+(?:President|Chair)"
    r"|La\s+séance\s+(?:est\s+ouverte|est\s+levée|est\s+suspendue|reprend)\b|En\s+l['’]absence\s+d[ue]\s+(?:la\s+)?Présidente?"
    r"|Se\s+(?:abre|levanta|suspende|reanuda)\s+la\s+sesión\b|En\s+ausencia\s+del?\s+(?:la\s+)?President[ae]"
    r"|Заседание\s+(?:открывается|закрывается|объявляется)\b|В\s+отсутствие\s+Председател"
    r"|(?:上午|下午)\s*\d{1,2}\s*时.{0,10}(?:开会|宣布开会|散会)|主席缺席"
    r"|(?:افتتحت|افتُتحت|رفعت|رُفعت)\s+الجلسة)"
)
"""The first words of the proceedings: the meeting is called to order, a Vice-President takes the Chair."""

_NAME = r"[\p{Lu}][\p{L}'’.\-]*"
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|al|el|bin|ben|y|e)"
_PERSON = rf"(?:{_PARTICLE}\s+)*{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE})){{0,5}}"
_SPEAKER_HEAD = (
    r"^(?P<speaker>(?:The\s+(?:Acting\s+|Temporary\s+)?(?:President|Vice-President|Chair|Chairperson|Chairman|Secretary-General)"
    r"|Le\s+Président|La\s+Présidente|El\s+Presidente|La\s+Presidenta|Председатель|主席|الرئيس"
    rf"|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|M|Mme|Sr|Sra|Г-н|Г-жа)\.?\s+{_PERSON})"
    r"(?:\s*\([^)]{1,120}\))*)"
)
SPEAKER = regex.compile(_SPEAKER_HEAD + r"\s*[:：](?:\s|$)")
"""``The President:`` / ``Mr. Smith (France) (spoke in French):``: the speaker who takes the floor."""
SPEAKER_WRAPS = regex.compile(_SPEAKER_HEAD + r"\s*\([^)]{1,120}$")
"""``Ms. Sharma (Department for General Assembly and`` at a line end: a speaker whose name runs on to the next line."""


RECORD_NOTE = regex.compile(
    r"^(?:This\s+record\s+contains\s+the\s+text|Le\s+présent\s+compte\s+rendu\s+contient|La\s+presente\s+acta\s+contiene"
    r"|В\s+настоящем\s+отчете\s+содержится|本记录包括|يتضمن\s+هذا\s+المحضر|Corrections\s+(?:to\s+this\s+record\s+)?should\s+be\s+submitted)"
)
"""The box at the foot of a record's first page (what the record contains, where corrections go): masthead."""


BELOW_NOTE = regex.compile(r"^(?:\d{2}-\d{5}\s*\([A-Z]\)(?:\s+\d{6})*|\S+(?:\s+\S+){0,2})$")
"""What the first page prints under the note box: the job number, ``Accessible document``, ``Please recycle``."""


CONTINUED = regex.compile(r"^(?:[(（]\s*(?:continued|suite|continuación|продолжение|续|تابع)\s*[)）])?$", regex.IGNORECASE)
"""What may follow an agenda item's number on its own line in a record: ``(continued)``, ``(suite)`` …"""


def agenda_heading(text: str) -> bool:
    """``Agenda item 13 (continued)``, ``Agenda items 18 and 19``: a line that is only an agenda item, which in
    a record heads the debate on it."""
    match = AGENDA.match(text)
    return match is not None and match.start() == 0 and CONTINUED.match(text[match.end() :].strip()) is not None


def recognise(first: tuple[Line, ...]) -> bool:
    """A record's own symbol on a line of its own, or a record's heading: a report that cites records
    (``A/C.4/53/SR.3–6). The Committee took action …``) is none."""
    return any(_own_record_symbol(line.text.strip()) or RECORD_HEADING.match(line.text.strip()) for line in first)


def _own_record_symbol(text: str) -> bool:
    match = RECORD_SYMBOL.match(text)
    return match is not None and SYMBOL_LINE.match(text) is not None


def proceedings_rule(line: Line, ctx: Context) -> Start | None:
    """The proceedings end the masthead; each speaker who takes the floor opens an intervention; the note box at
    the foot of the first page (and what is printed under it on that page) is the masthead's."""
    text = line.text.strip()
    if RECORD_NOTE.match(text) and ctx.open_role != "record_note":
        return Start("masthead", line.spans, role="record_note")
    if PROCEEDINGS.match(text):
        return Start("text", line.spans, role="proceedings", ends_masthead=True)
    opens = masthead_open(line, ctx) or line.blank_before or line.page_start or ctx.open_kind != "text"
    if opens and (SPEAKER.match(text) or SPEAKER_WRAPS.match(text)):
        return Start("text", line.spans, role="speech", ends_masthead=True)
    if not masthead_open(line, ctx) and agenda_heading(text):
        return Start("heading", line.spans, role="agenda_item")
    if ctx.open_role == "agenda_item":
        title = not line.blank_before or agenda_heading(ctx.open_text.strip())
        if line.bold and not line.page_start and title:
            return CONTINUE  # the item's title, in bold under its number
        return Start("heading" if line.bold else "text", line.spans)  # ``Draft resolution (A/79/L.64)``
    if ctx.open_role == "record_note" and not line.page_start and (not line.blank_before or BELOW_NOTE.match(text)):
        return CONTINUE
    if ctx.open_role == "record_note" and not ends_sentence(ctx.last_body_text):
        return Start("text", line.spans, continues=True)  # the intervention goes on over the page
    if ctx.open_kind == "footnote" and not line.page_start and RECORD_NOTE.match(ctx.last_masthead_text):
        return Start("masthead", line.spans, role="record_note")  # the job number and bar code below the box
    return None


KIND = Kind("record", "debate", "record", recognise, (proceedings_rule,))
"""Written as an AKN ``debate`` named ``record`` (``write.to_xml_debate``): each intervention a ``speech``."""
