"""Language per block: a node whose text is plainly in another language than its document's says so."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parser import parse_bytes, to_json, to_xml
from parser.language import block_language
from parser.xmlsafe import parse_xml_bytes

ARABIC = "يسرني أن أحيل إليكم طيه البيان الصادر عن وزارة الخارجية بشأن الحالة في المنطقة."
FRENCH = "Le Conseil de sécurité a examiné la question de la situation dans la région et des mesures prises par les parties."
ENGLISH = "The Council considered the situation in the region and the steps taken by the parties to the agreement."

LETTER = f"""United Nations
S/2025/141
Security Council
Distr.: General
6 March 2025
Original: English

Letter dated 6 March 2025 from the Permanent Representative of Denmark to the
United Nations addressed to the President of the Security Council

I have the honour to transmit herewith the statement issued by the Ministry of Foreign Affairs on the situation.

The statement reads in French as follows:

{FRENCH}

I should be grateful if the present letter and its annex could be circulated as a document of the Security Council.

(Signed) Christina Markus Lassen
Ambassador

Annex

{ARABIC} {ARABIC}
"""


@pytest.mark.parametrize(
    ("text", "document", "expected"),
    [
        (ARABIC, "en", "ar"),
        (ARABIC, "ar", None),  # the document's own language is not recorded
        (FRENCH, "en", "fr"),
        (ENGLISH, "fr", "en"),
        (ENGLISH, "en", None),
        ("第七十三届会议 议程项目 29 联合国志愿人员方案的工作和在志愿服务领域的贡献", "en", "zh"),
        ("Доклад Генерального секретаря о работе Организации и о положении в регионе", "en", "ru"),
        ("Réunion de haut niveau", "en", None),  # too short to tell
        ("The Coordinator of the Observatoire de la Violence Armée and the Secretary of the Union des patriotes", "en", None),
        ("A/73/254 的第 29 段 UNV 志愿人员 Volunteer", "en", None),  # no script holds most of it
    ],
)
def test_a_block_is_in_another_language_only_when_plainly_so(text: str, document: str, expected: str | None) -> None:
    assert block_language(text, document) == expected


def test_an_english_letter_records_its_french_quotation_and_arabic_annex_per_node(json_validator: Any, akn_schema: Any) -> None:
    doc = parse_bytes(LETTER.encode("utf-8"), "t.txt")
    assert doc.language == "en"
    languages = {n.id: n.language for n in doc.nodes() if n.text}
    french = next(n for n in doc.nodes() if (n.text or "").startswith("Le Conseil"))
    arabic = next(n for n in doc.nodes() if ARABIC[:10] in (n.text or ""))
    assert french.language == "fr" and arabic.language == "ar"
    assert {v for k, v in languages.items() if k not in (french.id, arabic.id)} == {None}
    assert [s.text for s in french.sentences] == [FRENCH]
    data = json.loads(to_json(doc))
    assert not [e.message for e in json_validator.iter_errors(data)]
    tree = parse_xml_bytes(to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    marked = {e.get("eId"): e.get(lang) for e in tree.iter() if e.get(lang)}
    assert marked == {french.id: "fr", arabic.id: "ar"}


def test_a_chinese_report_s_english_paragraph_is_split_into_english_sentences_and_not_tokenized() -> None:
    text = (
        "A/1/2\n\n1. 志愿服务正在提高人们的能力。志愿人员在各地工作。"
        "志愿服务是实现可持续发展目标的重要手段，各国政府应当支持。\n\n"
        "2. The Volunteer Groups Alliance met in New York. It adopted the plan of action for the next decade.\n"
    )
    doc = parse_bytes(text.encode("utf-8"), "t.txt", tokens=True)
    assert doc.language == "zh"
    english = doc.get("para_2")
    assert english.language == "en" and len(english.sentences) == 2 and not english.tokens
    chinese = doc.get("para_1")
    assert chinese.language is None and chinese.tokens
