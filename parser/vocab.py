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
ENGLISH_DATE = regex.compile(
    r"^(?P<day>\d{1,2})\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year>\d{4})$"
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LANGUAGE_NAME = regex.compile(r"^(?:English|French|Spanish|Russian|Chinese|Arabic|Français|Español|Русский|中文|عربي)$")
ORIGINAL = regex.compile(r"^(?:Original|ORIGINAL)\s*:\s*(?P<lang>\w+)")
SESSION = regex.compile(
    r"^(?:第.{1,6}届(?:常会|会议|特别会议)|.*\b(?:session|year)$|.*сессия$|.*período de sesiones$|.*\bsession$|الدورة\s.+)",
    regex.IGNORECASE,
)
AGENDA = regex.compile(
    r"(?:(?:临时)?议程(?:\s*\*{1,3})?\s*项目\s*(?P<zh>\d+\s*(?:\([a-z]\))?)"
    r"|(?:Agenda\s+item|Item)\s+(?P<en>\d+\s*(?:\([a-z]\))?)"
    r"|Пункты?\s+(?P<ru>\d+\s*(?:\([a-z]\))?)\s+(?:предварительной\s+)?повестки"
    r"|Temas?\s+(?P<es>\d+\s*(?:[a-z]\))?)\s+del\s+programa"
    r"|Points?\s+(?P<fr>\d+\s*(?:[a-z]\))?)\s+de\s+l['’]ordre"
    r"|البند\s+(?P<ar>\d+\s*(?:\([^)]+\))?)\s+من\s+جدول)",
    regex.IGNORECASE,
)
DOC_TYPE = regex.compile(
    r"^(?:秘书长的报告|秘书长的说明|Report of the Secretary-General|Note by the Secretary-General|Report of the .{3,80}"
    r"|Resolution adopted by the General Assembly.*|Доклад Генерального секретаря|Записка Генерального секретаря"
    r"|Informe del Secretario General|Nota del Secretario General|Rapport du Secrétaire général"
    r"|Note du Secrétaire général|تقرير الأمين العام|مذكرة من الأمين العام|大会决议.*)$"
)
SUMMARY = regex.compile(r"^(?:摘要|Summary|Резюме|Resumen|Résumé|موجز)$")
CONTENTS = regex.compile(r"^(?:目录|Contents|Содержание|Índice|Table des matières|المحتويات)$")

EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def english_ordinal(words: str) -> int | None:
    """``Seventy-third`` → 73, ``Eightieth`` → 80."""
    parts = words.lower().replace("–", "-").split("-")
    if len(parts) == 1:
        return EN_ORDINALS.get(parts[0])
    if len(parts) == 2 and parts[0] in EN_TENS and parts[1] in EN_ORDINALS and EN_ORDINALS[parts[1]] < 10:
        return EN_TENS[parts[0]] + EN_ORDINALS[parts[1]]
    return None
