"""Letters and notes verbales: the title (``Letter dated … from … addressed to …``) ends the masthead; the
body is the letter's text: salutation, paragraphs, the signature block, then its annexes."""

from __future__ import annotations

import regex

from ..model import Line, Marker
from ..numbering import ANNEX
from ..rules import CONTINUE, Context, Start, masthead_open, title_runs_on
from ..text_utils import ends_sentence
from ..thresholds import LAYOUT
from .base import Kind

LETTER_TITLE = regex.compile(
    r"^(?:(?:Identical\s+)?(?:Letters?|letters?)\s+dated\s|Identical\s+notes\s+verbales\s+dated\s|Notes?\s+verbales?\s+dated\s"
    r"|Lettres?\s+(?:identiques\s+)?datées?\s+du\s|Notes?\s+verbales?\s+(?:identiques\s+)?datées?\s+du\s"
    r"|Cartas?\s+(?:idénticas\s+)?de\s+fecha\s|Notas?\s+verbal(?:es)?\s+(?:idénticas\s+)?de\s+fecha\s"
    r"|(?:Идентичные\s+письма|Письмо|Вербальная\s+нота|Идентичные\s+вербальные\s+ноты)\s+\p{L}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\S{0,60}?(?:常驻|代表|秘书长|主席|给|致)"
    r"|(?:رسالة|رسالتان|رسائل\s+متطابقة|مذكرة\s+شفوية|مذكرتان\s+شفويتان)\s+(?:متطابقتان\s+)?مؤرخ)"
)
"""The title of a letter or note verbale, in the six languages (the first line of it)."""

SIGNED = regex.compile(r"^\s*[(（]\s*(?:Signed|Signé|Firmado|Подпись|Подписано|签名|توقيع)\s*[)）]")
"""``(Signed) Name``: the signature of a letter as the document system prints it."""

SALUTATION = regex.compile(
    r"^(?:Excellency|Your Excellency|Sir|Madam|Dear\s.{1,60}|Mr\.\s+President|Madam\s+President|Monsieur.{0,40}|Madame.{0,40}"
    r"|Excelentísim[oa].{0,40}|Señor.{0,40}|Señora.{0,40}|Ваше\s+Превосходительство|Уважаем.{1,60}|阁下|سعادة.{0,40})\s*[,:，،]$"
)
"""``Excellency,`` / ``Sir,``: a letter's salutation on a line of its own."""

ANNEX_TITLE = regex.compile(
    r"^(?P<word>Annex|Enclosure|Appendix|Attachment)(?:\s+(?P<num>[IVX]{1,5}|\d{1,2}|[A-Z]))?"
    r"(?:\s+to\s+the\s+(?:identical\s+)?(?:letters?|notes?\s+verbales?)\s|\s*$|(?<=[IVX\d]|\s[A-Z])\s*[–—:-]\s+\S)"
    r"|^(?P<word>Annexe|Pièce\s+jointe|Appendice)(?:\s+(?P<num>[IVX]{1,5}|\d{1,2}|[A-Z]))?"
    r"(?:\s+(?:à|de)\s+la\s+(?:lettre|note\s+verbale)\s|\s+aux\s+lettres\s|\s*$|(?<=[IVX\d]|\s[A-Z])\s*[–—:-]\s+\S)"
    r"|^(?P<word>Anexo|Apéndice)(?:\s+(?P<num>[IVX]{1,5}|\d{1,2}|[A-Z]))?"
    r"(?:\s+de\s+la\s+(?:carta|nota\s+verbal)\s|\s+de\s+las\s+cartas\s|\s*$|(?<=[IVX\d]|\s[A-Z])\s*[–—:-]\s+\S)"
    r"|^(?P<word>Приложение|Добавление)(?:\s+(?P<num>[IVX]{1,5}|\d{1,2}|[А-Я]))?"
    r"(?:\s+к\s+(?:идентичным\s+)?(?:письму|письмам|вербальной\s+ноте)\s|\s*$|(?<=[IVX\d]|\s[А-Я])\s*[–—:-]\s+\S)"
    r"|^(?P<word>附件|附文)(?P<num>[一二三四五六七八九十]{1,3}|\d{1,2})?\s*$|^\d{4}\s*年.{4,120}(?:信|照会)(?P<word>的附件)$"
    r"|^(?P<word>مرفق|المرفق)\s+(?:الأول\s+|الثاني\s+|الثالث\s+)?(?:ال)?(?:رسالة|المذكرة\s+الشفوية|للرسالة)(?:\s|$)|^(?P<word>المرفق)\s*$"
)
"""A line that opens one of a letter's annexes: ``Annex to the letter dated … from …``, ``Annex II``,
``Enclosure``, ``Annex A – Title``, ``Appendix 1: Title``, in the six languages."""

ANNEX_START = regex.compile(
    r"^(?:Annex|Annexe|Anexo|Enclosure|Pièce\s+jointe|Appendix|Appendice|Apéndice|Приложение|Добавление|附件|附文|المرفق|الضميمة)\b"
)
"""A line that opens an annex, an enclosure or an appendix (it ends a signature block)."""


def annex_rule(line: Line, ctx: Context) -> Start | None:
    """An annex, enclosure or appendix of the letter: a heading that numbers its own paragraphs (ids scoped
    under the annex), whose title runs on over its lines."""
    text = line.text.strip()
    if masthead_open(line, ctx) or len(text) > LAYOUT.max_heading_chars:
        return None
    match = ANNEX_TITLE.match(text)
    if match is None:
        return None
    num = match.group("num") or ""
    return Start("heading", line.spans, Marker("annex", match.group("word"), num, 1), role="annex", ends_masthead=True)


def ends_main_part(text: str) -> bool:
    """Whether a line ends the main part of a document: it opens an annex (``Annex`` / ``Annex II`` alone, a
    letter's annex title) or it is a letter's signature, after which come its annexes."""
    return bool(ANNEX.match(text) or ANNEX_TITLE.match(text) or SIGNED.match(text))


def recognise(first: tuple[Line, ...]) -> bool:
    return any(LETTER_TITLE.match(line.text.strip()) for line in first)


def title_rule(line: Line, ctx: Context) -> Start | None:
    """``Letter dated … from … addressed to …``: the letter's title, which runs on over its lines, ends the
    masthead; the next gap starts the letter."""
    text = line.text.strip()
    if ctx.open_role == "letter_title" and title_runs_on(line, ctx):
        return CONTINUE
    if masthead_open(line, ctx) and LETTER_TITLE.match(text):
        return Start("masthead", line.spans, role="letter_title")
    return None


def letter_rule(line: Line, ctx: Context) -> Start | None:
    """The salutation stands alone; ``(Signed) Name`` opens the signature block, which holds the signatory's
    titles below it (short lines with no full stop) up to the next annex or page."""
    if masthead_open(line, ctx):
        return None
    text = line.text.strip()
    if SIGNED.match(text):
        return Start("text", line.spans, role="signature")
    if SALUTATION.match(text):
        return Start("text", line.spans, role="salutation")
    if ctx.open_role == "salutation":
        return Start("text", line.spans)
    signatory = len(text) <= LAYOUT.max_signature_line_chars and not ends_sentence(text) and not ANNEX_START.match(text)
    if ctx.open_role == "signature" and not line.page_start and signatory:
        return CONTINUE
    return None


KIND = Kind("letter", "doc", "letter", recognise, (title_rule, annex_rule, letter_rule))
