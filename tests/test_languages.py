"""The six official languages on small text inputs: numbering families, masthead vocabulary,
language detection, and ids that are the same in every language."""

from __future__ import annotations

import pytest

from parser import Document, parse_bytes
from parser.language import detect_language
from parser.ordinals import session_number

DOCS = {
    "en": """Seventy-third session
Agenda item 29 (b)
Social development
Report of the Secretary-General

I. Introduction

1. The report was requested by the Assembly. It covers the period (see para. 3).

II. Progress

A. National action

2. Governments have acted as follows:

(a) adopting laws;

(b) funding volunteers.

3. Mr. Smith reported progress in 2018. Results improved.
""",
    "fr": """Soixante-treizième session
Point 29 b) de l'ordre du jour provisoire
Développement social
Rapport du Secrétaire général

I. Introduction

1. Le présent rapport est soumis en application de la résolution de l'Assemblée. Il porte sur la période.

II. Progrès accomplis

A. Action nationale

2. Les gouvernements ont agi comme suit :

a) adoption de lois;

b) financement des volontaires.

3. M. Dupont a fait rapport en 2018. Les résultats se sont améliorés.
""",
    "es": """Septuagésimo tercer período de sesiones
Tema 29 b) del programa provisional
Desarrollo social
Informe del Secretario General

I. Introducción

1. El presente informe se presenta en cumplimiento de la resolución de la Asamblea. Abarca el período.

II. Progresos realizados

A. Medidas nacionales

2. Los gobiernos han actuado de la siguiente manera:

a) aprobación de leyes;

b) financiación de los voluntarios.

3. El Sr. García informó de los progresos en 2018. Los resultados mejoraron.
""",
    "ru": """Семьдесят третья сессия
Пункт 29 (b) предварительной повестки дня
Социальное развитие
Доклад Генерального секретаря

I. Введение

1. Настоящий доклад представляется во исполнение резолюции Ассамблеи. Он охватывает указанный период.

II. Достигнутый прогресс

A. Национальные меры

2. Правительства приняли следующие меры:

a) принятие законов;

b) финансирование добровольцев.

3. В 2018 г. был отмечен прогресс. Результаты улучшились.
""",
    "zh": """第七十三届会议
临时议程项目 29(b)
社会发展
秘书长的报告

一. 导言

1. 本报告是应大会的要求提交的。报告涵盖上述期间。

二. 进展情况

A. 国家行动

2. 各国政府采取了以下行动：

(a) 通过法律；

(b) 资助志愿人员。

3. 2018 年取得了进展。成果有所改善。
""",
    "ar": """الدورة الثالثة والسبعون
البند 29 (ب) من جدول الأعمال المؤقت
التنمية الاجتماعية
تقرير الأمين العام

أولا - مقدمة

1 - يقدم هذا التقرير عملا بقرار الجمعية العامة. وهو يغطي الفترة المشمولة بالتقرير.

ثانيا - التقدم المحرز

ألف - الإجراءات الوطنية

2 - اتخذت الحكومات الإجراءات التالية:

(أ) اعتماد القوانين؛

(ب) تمويل المتطوعين.

3 - أحرز تقدم في عام 2018. وتحسنت النتائج.
""",
}


@pytest.fixture(scope="module", params=sorted(DOCS))
def case(request: pytest.FixtureRequest) -> tuple[str, Document]:
    language = request.param
    return language, parse_bytes(DOCS[language].encode("utf-8"), f"x.{language}.txt", symbol="A/73/254")


def test_language_is_detected_from_the_text(case: tuple[str, Document]) -> None:
    language, doc = case
    assert doc.language == language and doc.language_detected


def test_ids_are_the_same_in_every_language(case: tuple[str, Document]) -> None:
    _, doc = case
    ids = [n.id for n in doc.nodes()]
    assert ids == ["chp_1", "para_1", "chp_2", "chp_2__sec_A", "para_2", "para_2__list_1__point_a",
                   "para_2__list_1__point_b", "para_3"]  # fmt: skip
    assert not doc.warnings


def test_masthead_session_agenda_and_document_type(case: tuple[str, Document]) -> None:
    _, doc = case
    meta = doc.metadata
    assert meta.session_number == 73
    assert meta.agenda_item in ("29(b)", "29b)", "29(ب)")
    assert meta.subtitle is not None


def test_sentences_do_not_end_at_abbreviations_or_numbers(case: tuple[str, Document]) -> None:
    _, doc = case
    para_3 = doc.get("para_3")
    assert len(para_3.sentences) == 2, [s.text for s in para_3.sentences]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text, language",
    [
        ("The General Assembly decides to", "en"),
        ("L'Assemblée générale décide de la", "fr"),
        ("La Asamblea General decide que los", "es"),
        ("Генеральная Ассамблея постановляет", "ru"),
        ("大会决定", "zh"),
        ("إن الجمعية العامة تقرر", "ar"),
    ],
)
def test_script_statistics_pick_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_session_numbers_in_words() -> None:
    assert session_number("Quatre-vingtième session") == 80
    assert session_number("الدورة الثمانون") == 80
    assert session_number("Восьмидесятая сессия") == 80
