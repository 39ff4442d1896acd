"""Masthead vocabulary of the six official languages, as data.

Some masthead lines stay in English in every language version
(``Distr.: General``, the date, ``Original: English``); they are matched in
every language.
"""

from __future__ import annotations

import regex

AUTHORITY = regex.compile(
    r"^(?:United Nations|联合国|Naciones Unidas|Nations Unies|Организация Объединенных Наций|الأمم\s*المتحدة|الأمــم المتحـدة)\b"
)
ORGANS = {
    "General Assembly": "un-ga", "大会": "un-ga", "Asamblea General": "un-ga", "Assemblée générale": "un-ga",
    "Генеральная Ассамблея": "un-ga", "الجمعية العامة": "un-ga",
    "Security Council": "un-sc", "安全理事会": "un-sc", "Consejo de Seguridad": "un-sc",
    "Conseil de sécurité": "un-sc", "Совет Безопасности": "un-sc", "مجلس الأمن": "un-sc",
    "Economic and Social Council": "un-ecosoc", "经济及社会理事会": "un-ecosoc", "Consejo Económico y Social": "un-ecosoc",
    "Conseil économique et social": "un-ecosoc", "Экономический и Социальный Совет": "un-ecosoc",
    "المجلس الاقتصادي والاجتماعي": "un-ecosoc",
    "Human Rights Council": "un-hrc", "人权理事会": "un-hrc", "Consejo de Derechos Humanos": "un-hrc",
    "Conseil des droits de l’homme": "un-hrc", "Conseil des droits de l'homme": "un-hrc", "Совет по правам человека": "un-hrc",
    "مجلس حقوق الإنسان": "un-hrc",
}  # fmt: skip
DISTRIBUTION = regex.compile(
    r"^(?:Distr\.?\s*:?\s*(?:General|GENERAL|Limited|LIMITED|Restricted|générale|general|restreinte|limitada|limitée)|Distr\.)"
)
MONTHS: dict[str, int] = {
    name: number
    for names in (
        "January February March April May June July August September October November December",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    )
    for number, name in enumerate(names.split(), 1)
}
DATE = regex.compile(
    r"^(?:(?P<day>\d{1,2})(?:er)?\s+(?:de\s+)?(?P<month>\p{L}+)\s+(?:de\s+)?(?P<year>\d{4})(?:\s*года|\s*г\.)?"
    r"|(?P<zy>\d{4})\s*年\s*(?P<zm>\d{1,2})\s*月\s*(?P<zd>\d{1,2})\s*日)$"
)
LANGUAGE_NAME = regex.compile(r"^(?:English|French|Spanish|Russian|Chinese|Arabic|Français|Español|Русский|中文|عربي)$")
ORIGINAL = regex.compile(r"^(?:Original|ORIGINAL)\s*:\s*(?P<lang>\w+)")
SESSION = regex.compile(
    r"^(?:第.{1,6}届(?:常会|会议|特别会议)|.*\b(?:session|year)$|.*сессия$|.*período de sesiones$|.*\bsession$|الدورة\s.+"
    r"|(?:Annual|(?:First|Second|Third)\s+regular|Regular|Special|Resumed)\s+session\s+(?:of\s+)?\d{4}"  # an Executive Board's
    r"|(?:Session\s+annuelle|(?:Première|Deuxième|Troisième)\s+session\s+ordinaire)\s+de\s+\d{4}"
    r"|Período\s+de\s+sesiones\s+(?:anual|ordinario)(?:\s+\w+)?\s+de\s+\d{4}|.*сессия\s+\d{4}\s+года"
    r"|\d{4}\s*年(?:年度|第[一二三]次常会)会议?)$",
    regex.IGNORECASE,
)
_ITEMS = r"\d+\s*(?:\([a-z]\))?(?:\s*(?:,|and|et|y|и|和|、|و)\s*\d+\s*(?:\([a-z]\))?)*"
"""One agenda item number or several: ``21 (a)``, ``32, 61, 69 and 132``, ``18 et 19``."""
_ITEMS_BARE = r"\d+\s*(?:[a-z]\))?(?:\s*(?:,|et|y)\s*\d+\s*(?:[a-z]\))?)*"
"""The same with sub-items written ``21 a)`` (French, Spanish)."""
AGENDA = regex.compile(
    rf"(?:(?:临时)?议程(?:\s*\*{{1,3}})?\s*项目\s*(?P<zh>{_ITEMS})"
    rf"|(?:Agenda\s+items?|Items?)\s+(?P<en>{_ITEMS})"
    rf"|Пункты?\s+(?P<ru>{_ITEMS})\s+(?:предварительной\s+)?повестки"
    rf"|Temas?\s+(?P<es>{_ITEMS_BARE})\s+del\s+programa"
    rf"|Points?\s+(?P<fr>{_ITEMS_BARE})\s+de\s+l['’]ordre"
    r"|البند(?:ان)?\s+(?P<ar>\d+\s*(?:\([^)]+\))?(?:\s*(?:،|و)\s*\d+\s*(?:\([^)]+\))?)*)\s+من\s+جدول)",
    regex.IGNORECASE,
)
DOC_TYPE = regex.compile(
    r"^(?:.{0,60}的报告|.{0,60}的说明|Report of the .{3,120}|Note by the .{3,80}|Resolution adopted by the .{3,120}"
    r"|Доклад .{3,120}|Записка .{3,80}|Резолюция, принятая .{3,120}|Informe de(?:l)? .{3,120}|Nota de(?:l)? .{3,80}"
    r"|Resolución aprobada por .{3,120}|Rapport d(?:u|e|e la|es) .{3,120}|Note d(?:u|e) .{3,80}|Résolution adoptée par .{3,120}"
    r"|تقرير .{3,120}|مذكرة .{3,80}|قرار اتخذته .{3,120}|大会决议.*|Resoluci[oó]n aprobada por .{3,120})$",
    regex.IGNORECASE,
)
BODY = regex.compile(
    r"^(?:Working Group|Committee|Commission|Conference|Preparatory Committee|Special Committee|Ad Hoc Committee"
    r"|Рабочая группа|Комитет|Комиссия|Конференция|Специальный комитет|特别委员会"
    r"|Grupo de Trabajo|Comité|Comisión|Conferencia|Groupe de travail|Commission|Conférence"
    r"|工作组|委员会|会议|الفريق العامل|اللجنة|المؤتمر)\b"
)
SESSION_DATES = regex.compile(
    r"^\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+\p{L}+(?:\s*[–-]\s*\d{1,2}\s+\p{L}+)?\s+(?:de\s+)?\d{4}(?:\s*(?:года|г\.))?$"
)
SUMMARY = regex.compile(r"^(?:摘要|Summary|Резюме|Resumen|Résumé|موجز)$")
DOC_PART = regex.compile(
    r"^(?:Addendum|Corrigendum|Additif|Rectificatif|Adición|Corrección|Corrigéndum|Добавление|Исправление|增编|更正|إضافة|تصويب)$"
)
"""The line that names a part of a document on its own (``Addendum`` under a report's title): never its title."""
CONTENTS = regex.compile(r"^(?:目录|Contents|Содержание|Índice|Table des matières|المحتويات)$")
PREAMBLE_START = regex.compile(
    r"^(?:The General Assembly|The Security Council|The Economic and Social Council|The Human Rights Council"
    r"|The Executive Board|El Consejo|La Asamblea General|L['’]Assemblée générale|Le Conseil(?: de sécurité| économique et social"
    r"| des droits de l['’]homme)?|La Junta Ejecutiva|Le Conseil d['’]administration|Генеральная Ассамблея|Совет Безопасности"
    r"|Экономический и Социальный Совет|Совет по правам человека|Исполнительный совет"
    r"|大会|安全理事会|经济及社会理事会|人权理事会|执行局"
    r"|إن الجمعية العامة|إن مجلس الأمن|إن المجلس الاقتصادي والاجتماعي|إن مجلس حقوق الإنسان|إن المجلس التنفيذي)\s*[,，،]?$"
)
"""The line that opens a resolution's preamble (its own or one quoted in a report)."""
