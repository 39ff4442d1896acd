"""Document kinds on small text renderings: the masthead ends where the letter, the resolution or the record
starts, and each kind's body keeps its own structure."""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from parser import parse, parse_bytes, to_json, to_xml
from parser.kinds import lines_to_kind
from parser.kinds.letter import ANNEX_TITLE, LETTER_TITLE
from parser.kinds.record import SPEAKER, agenda_heading
from parser.model import Line, Source, Span
from parser.read.source import raw_from_bytes
from parser.write.to_json import document_to_json
from parser.write.to_xml import AKN_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

from .conftest import FIXTURES

LETTER = """United Nations
S/2025/141
Security Council
Distr.: General
6 March 2025
Original: English

Letter dated 6 March 2025 from the Permanent Representative of Denmark to the
United Nations addressed to the President of the Security Council

Excellency,

I have the honour to transmit herewith a concept note for the open debate.*

* Circulated in the language of submission only.

I would be grateful if the present letter and its annex could be circulated as a document of the Security Council.

(Signed) Christina Markus Lassen
Ambassador
Permanent Representative of Denmark to the United Nations

Annex to the letter dated 6 March 2025 from the Permanent Representative of
Denmark to the United Nations addressed to the President of the Security Council

Concept note

1. For more than 75 years, peace operations have been indispensable.

2. This call for change is not new.

Annex II

1. A second annex numbers its paragraphs again.
"""


def _doc(text: str):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "t.txt", language="en")


def _kind(text: str) -> str:
    return lines_to_kind(raw_from_bytes(text.encode("utf-8"), "t.txt").lines).name


def test_a_letter_title_ends_the_masthead_and_the_letter_is_the_body() -> None:
    doc = _doc(LETTER)
    assert _kind(LETTER) == "letter"
    title = doc.metadata.title
    assert title is not None and title.text.startswith("Letter dated 6 March 2025") and title.text.endswith("Security Council")
    assert [o.text for o in doc.metadata.other] == ["United Nations", "S/2025/141"]  # the organ has its field
    top = [(n.type, n.text) for n in doc.body if n.type == "block"]
    assert top[0] == ("block", "Excellency,")
    assert top[1][1] == "I have the honour to transmit herewith a concept note for the open debate."
    assert doc.get("fn_star_1").cited_by == (doc.body[1].id,)  # type: ignore[union-attr]
    signature = "(Signed) Christina Markus Lassen Ambassador Permanent Representative of Denmark to the United Nations"
    assert top[-1] == ("block", signature)
    roles = [(n.role, n.text) for n in doc.body if n.role]
    assert roles == [("salutation", "Excellency,"), ("signature", signature)]  # kept on the nodes, in order


def test_a_letter_s_salutation_and_signature_are_marked_in_json_and_akn(akn_schema: Any, json_validator: Any) -> None:
    doc = _doc(LETTER)
    data = json.loads(document_to_json(doc))
    assert [n["role"] for n in data["body"] if "role" in n] == ["salutation", "signature"]
    assert not [e.message for e in json_validator.iter_errors(data)]
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    ns = {"a": AKN_NS}
    assert tree.xpath("//a:mainBody/a:paragraph[@class='salutation']//a:p/text()", namespaces=ns) == ["Excellency,"]
    signed = tree.xpath("//a:mainBody/a:paragraph[@class='signature']//a:p/a:signature/text()", namespaces=ns)
    assert len(signed) == 1 and signed[0].startswith("(Signed) Christina Markus Lassen")


def test_each_annex_of_a_letter_is_an_annex_with_its_own_paragraph_ids() -> None:
    doc = _doc(LETTER)
    annexes = [n for n in doc.body if n.type == "annex"]
    assert [a.id for a in annexes] == ["annex", "annex_2"]
    assert (annexes[0].heading or "").startswith("Annex to the letter dated 6 March 2025")
    assert [p.id for p in annexes[0].walk() if p.type == "paragraph"] == ["annex__para_1", "annex__para_2"]
    assert [p.id for p in annexes[1].walk() if p.type == "paragraph"] == ["annex_2__para_1"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_letter_titles_and_annex_titles_in_the_six_languages() -> None:
    for title in (
        "Letter dated 6 March 2025 from the Permanent Representative",
        "Identical letters dated 22 August 2025 from the Permanent Observer",
        "Note verbale dated 3 April 2025 from the Permanent Mission",
        "Lettre datée du 6 mars 2025, adressée au Président",
        "Carta de fecha 6 de marzo de 2025 dirigida a la Presidencia",
        "Письмо Постоянного представителя Дании при Организации Объединенных Наций",
        "2025年3月6日丹麦常驻联合国代表给安全理事会主席的信",
        "رسالة مؤرخة 6 آذار/مارس 2025 موجهة إلى رئيس مجلس الأمن",
    ):
        assert LETTER_TITLE.match(title), title
    assert not LETTER_TITLE.match("2025年3月6日")  # the date line of a Chinese masthead
    for line in ("Annex to the letter dated 6 March 2025 from", "Annex II", "Enclosure", "Annex A – Items subject to a process",
                 "Appendix 1: Terms of reference", "Annexe à la lettre datée du 6 mars 2025", "Anexo de la carta de fecha 6",
                 "Приложение к письму Постоянного представителя", "附件", "المرفق"):  # fmt: skip
        assert ANNEX_TITLE.match(line), line
    for line in ("Annex II to the present report contains the figures.", "Annexes I and II", "Annex A of the Treaty"):
        assert not ANNEX_TITLE.match(line), line


def test_a_security_council_resolution_keeps_its_title_and_adoption_line_in_the_masthead() -> None:
    text = (
        "United Nations\nS/RES/2786 (2025)\nSecurity Council\nDistr.: General\n14 July 2025\n\nResolution 2786 (2025)\n\n"
        "Adopted by the Security Council at its 9957th meeting, on\n14 July 2025\n\nThe Security Council,\n\n"
        "Recalling all its previous relevant resolutions,\n\n1. Decides to extend the mandate;\n\n"
        "2. Decides to remain actively seized of the matter.\n"
    )
    doc = _doc(text)
    assert _kind(text) == "resolution"
    assert doc.metadata.title is not None and doc.metadata.title.text == "Resolution 2786 (2025)"
    assert doc.metadata.subtitle is not None and doc.metadata.subtitle.text.endswith("meeting, on 14 July 2025")
    preamble = doc.body[0]
    assert (preamble.type, preamble.id) == ("preamble", "preamble")
    assert [(n.id, n.text) for n in preamble.children] == [
        ("preamble__p_1", "The Security Council,"),
        ("preamble__p_2", "Recalling all its previous relevant resolutions,"),
    ]
    assert [p.id for p in doc.paragraphs()] == ["para_1", "para_2"]
    assert [n.type for n in doc.body] == ["preamble", "paragraph", "paragraph"]  # no adoption lines after paragraph 2


def test_a_record_masthead_ends_where_the_proceedings_start() -> None:
    text = (
        "United Nations\nA/79/PV.64\nGeneral Assembly\nSeventy-ninth session\n64th plenary meeting\n"
        "Wednesday, 16 April 2025, 10 a.m.\nNew York\n\nPresident: Mr. Yang . . . . . . (Cameroon)\n\n"
        "The meeting was called to order at 10.05 a.m.\n\nThe President: I give the floor to the representative of the Congo.\n\n"
        "Mr. Makayat-Safouesse (Congo) (spoke in French): On behalf of the Republic of the Congo, I thank all delegations.\n"
        "This record contains the text of speeches delivered in English and of the translation of speeches delivered in\n"
        "other languages.\n\nThe meeting rose at 1 p.m.\n"
    )
    doc = _doc(text)
    assert _kind(text) == "record"
    other = [o.text for o in doc.metadata.other]
    assert other[-1].startswith("This record contains") and not any("called to order" in o for o in other)
    assert [(n.type, n.id, n.speaker) for n in doc.body] == [
        ("block", "body__p_1", None),
        ("speech", "speech_1", "The President"),
        ("speech", "speech_2", "Mr. Makayat-Safouesse (Congo) (spoke in French)"),
        ("block", "body__p_2", None),
    ]
    assert doc.body[0].text == "The meeting was called to order at 10.05 a.m."
    assert [c.text for c in doc.body[2].children] == ["On behalf of the Republic of the Congo, I thank all delegations."]
    assert doc.body[-1].text == "The meeting rose at 1 p.m."  # the proceedings end the intervention


def test_a_record_is_an_akn_debate_of_speeches(json_validator: Any, akn_schema: Any) -> None:
    text = (
        "United Nations\nS/PV.9957\nSecurity Council\n9957th meeting\n\nThe meeting was called to order at 10 a.m.\n\n"
        "Adoption of the agenda\n\nThe President: The agenda is adopted.\n\nMs. Smith (France) (spoke in French):\n"
        "France welcomes the resolution.\n\nWe thank the penholders.\n\nThe meeting rose at 10.30 a.m.\n"
    )
    doc = _doc(text)
    data = json.loads(to_json(doc))
    json_validator.validate(data)
    france = [n for n in data["body"] if n["type"] == "speech" and "(France)" in n["speaker"]["text"]]
    assert [c["text"] for c in france[0]["children"]] == ["France welcomes the resolution.", "We thank the penholders."]
    xml = etree.fromstring(to_xml(doc))
    assert akn_schema.validate(xml), akn_schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert xml.find("a:debate", ns).get("name") == "record"  # type: ignore[union-attr]
    speeches = xml.findall(".//a:speech", ns)
    assert [s.findtext("a:from", namespaces=ns) for s in speeches] == ["The President", "Ms. Smith (France) (spoke in French)"]
    people = {p.get("eId"): p.get("showAs") for p in xml.findall(".//a:TLCPerson", ns)}
    assert people[speeches[1].get("by", "").lstrip("#")] == "Ms. Smith (France) (spoke in French)"


def test_an_intervention_runs_on_past_the_note_box_of_the_first_page() -> None:
    text = (
        "United Nations\nA/79/PV.64\nGeneral Assembly\n\nThe meeting was called to order at 10.05 a.m.\n\n"
        "Mr. Makayat-Safouesse (Congo): We thank all\n\nThis record contains the text of speeches delivered in English.\n"
        "Corrections should be submitted to the original languages only.\n\ndelegations for their constructive work.\n"
    )
    doc = _doc(text)
    assert [c.text for c in doc.body[1].children] == ["We thank all delegations for their constructive work."]
    assert doc.metadata.other[-1].text.startswith("This record contains") and doc.metadata.other[-1].text.endswith("only.")


def test_speakers_are_told_from_the_presiding_officer_line_of_the_masthead() -> None:
    assert SPEAKER.match("Mr. Heartney (United States of America): As President Trump")
    assert SPEAKER.match("The Acting President: We shall now proceed")
    assert SPEAKER.match("Ms. Sharma (Department for General Assembly and Conference Management): I should")
    assert not SPEAKER.match("President: Mr. Yang . . . . (Cameroon)")
    assert not SPEAKER.match("Mr. Smith said that the draft: was fine")


def test_an_english_letter_with_an_arabic_annex_is_english() -> None:
    annex = "يسرني أن أحيل إليكم طيه البيان الصادر عن وزارة الخارجية بشأن الحالة في المنطقة. " * 12
    text = LETTER.split("Annex to the letter")[0] + "Annex\n\n" + annex + "\n"
    doc = parse_bytes(text.encode("utf-8"), "t.txt")
    assert doc.language == "en" and doc.language_detected
    assert doc.body[-1].type == "annex" and "البيان" in (doc.body[-1].children[0].text or "")


def test_a_draft_resolution_takes_its_sponsors_into_its_title_and_its_preamble_into_the_body() -> None:
    text = (
        "United Nations\nS/2025/68\nSecurity Council\nDistr.: Limited\n30 January 2025\n\n"
        "United Kingdom of Great Britain and Northern Ireland:\ndraft resolution\n\nThe Security Council,\n\n"
        "Welcoming the report of the Secretary-General,\n\n1. Reaffirms all its relevant resolutions;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    doc = _doc(text)
    assert _kind(text) == "resolution"
    assert doc.metadata.title is not None
    assert doc.metadata.title.text == "United Kingdom of Great Britain and Northern Ireland: draft resolution"
    assert [o.text for o in doc.metadata.other] == ["United Nations", "S/2025/68"]
    preamble = doc.body[0].children
    assert [n.text for n in preamble[:2]] == ["The Security Council,", "Welcoming the report of the Secretary-General,"]


def test_a_draft_line_is_the_document_type_and_the_drafts_own_title_under_it_is_the_title() -> None:
    """An Executive Board's draft decision (E/ICEF/2025/L.9) and an ECOSOC one (E/2025/L.19): the draft line says
    what the document is and whose; the line under it, after a gap, is the draft's title, not a body heading."""
    board = (
        "United Nations\nE/ICEF/2025/L.9\nEconomic and Social Council\nDistr.: Limited\n11 June 2025\n\n"
        "United Nations Children’s Fund\nExecutive Board\nAnnual session 2025\n10–13 June 2025\nAgenda item 5\n\n"
        "Draft decision submitted to the Executive Board\n\nAnnual report on UNICEF humanitarian action\n\n"
        "The Executive Board\n\nTakes note of the annual report on UNICEF humanitarian action (E/ICEF/2025/19).\n"
    )
    council = (
        "United Nations\nE/2025/L.19\nEconomic and Social Council\nDistr.: Limited\n20 June 2025\n\n2025 session\n"
        "Agenda item 4\nElections, nominations, confirmations and appointments\n\n"
        "Draft decision submitted by the Vice-President of the Council, Lok Bahadur\nThapa (Nepal)\n\n"
        "Appointment of an additional member of the Ad Hoc Advisory\nGroup on Haiti\n\n"
        "The Economic and Social Council, recalling its resolution 2024/20, decides to appoint Chile.\n"
    )
    for text, title, draft in (
        (board, "Annual report on UNICEF humanitarian action", "Draft decision submitted to the Executive Board"),
        (council, "Appointment of an additional member of the Ad Hoc Advisory Group on Haiti",
         "Draft decision submitted by the Vice-President of the Council, Lok Bahadur Thapa (Nepal)"),
    ):  # fmt: skip
        doc = _doc(text)
        assert _kind(text) == "resolution" and doc.metadata.title is not None and doc.metadata.subtitle is not None
        assert doc.metadata.title.text == title and doc.metadata.subtitle.text == draft
        assert not [n for n in doc.body if n.type == "heading"] and title not in [o.text for o in doc.metadata.other]
        assert b'name="decisionDraft"' in to_xml(doc)


def test_an_english_letter_with_an_arabic_annex_reads_its_english_pages_left_to_right() -> None:
    """Pages 1-2 of S/2025/354: an English letter, then its annex in Arabic. The document is English, and its
    justified English lines, which end at the right margin like the Arabic ones, are not reversed."""
    doc = parse(FIXTURES / "pdf" / "en" / "S_2025_354_p1-2.en.pdf")
    assert doc.language == "en" and doc.metadata.kind == "letter"
    assert doc.metadata.date is not None and doc.metadata.date.text == "20 June 2025"
    texts = [n.text or "" for n in doc.body]
    assert texts[1].startswith("The detailed report, which covers the period from January to March 2025, reflects")
    assert texts[5].startswith("(Signed) Al-Harith Idriss Al-Harith")
    assert any("\u0627" in text for text in texts[6:])  # the Arabic annex is kept, right to left


def test_an_agenda_item_line_in_a_record_heads_the_debate_on_it(akn_schema: Any) -> None:
    text = (
        "United Nations\nA/79/PV.64\nGeneral Assembly\nSeventy-ninth session\n64th plenary meeting\n\n"
        "The meeting was called to order at 10.05 a.m.\n\nAgenda item 13 (continued)\n\n"
        "The President: I give the floor to the representative of the Congo.\n\n"
        "Mr. Makayat-Safouesse (Congo): We thank all delegations.\n\nAgenda items 18 and 19\n\n"
        "The President: We turn to the next items.\n\nThe meeting rose at 1 p.m.\n"
    )
    doc = _doc(text)
    assert [(n.type, n.heading or n.speaker) for n in doc.body if n.type in ("heading", "speech")] == [
        ("heading", "Agenda item 13 (continued)"), ("speech", "The President"), ("speech", "Mr. Makayat-Safouesse (Congo)"),
        ("heading", "Agenda items 18 and 19"), ("speech", "The President"),
    ]  # fmt: skip
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    items = tree.xpath("//a:debateSection[@name='item']/a:heading/text()", namespaces={"a": AKN_NS})
    assert items == ["Agenda item 13 (continued)", "Agenda items 18 and 19"]
    for line in ("Agenda item 13 was considered at the 5th meeting.", "Agenda item 13 (continued) and the next"):
        assert not agenda_heading(line), line


def _typeset(text: str, page: int, page_start: bool = False) -> Line:
    return Line((Span(text),), Source(page=page), typeset=True, exact_breaks=True, page_start=page_start)


def test_the_kind_is_page_ones_where_pages_are_known() -> None:
    report = (
        _typeset("S/2025/10", 1),
        _typeset("Report of the Secretary-General", 1),
        _typeset("1. The present report is submitted pursuant to resolution 2702 (2023).", 1),
        _typeset("Annex", 2, page_start=True),
        _typeset("Letter dated 6 March 2025 from the Permanent Representative of Denmark", 2),
    )
    assert lines_to_kind(report).name == "report"  # a report quoting a letter later stays a report
    assert lines_to_kind(report[3:]).name == "letter"


def test_without_known_pages_the_first_lines_decide() -> None:
    letter = "Letter dated 6 March 2025 from the Permanent Representative of Denmark"
    lines = (
        Line((Span("Report of the Secretary-General"),), Source(line=1)),
        Line((Span(letter),), Source(line=2), page_start=True),
    )
    assert lines_to_kind(lines).name == "letter"  # a text rendering's page start may be page 1's own footer


def test_a_report_that_cites_summary_records_on_page_1_is_no_record() -> None:
    """A/53/601: a committee report whose first paragraphs cite the meetings' records at a line start."""
    text = (
        "United Nations\nA/53/601\nGeneral Assembly\nDistr.: General\n23 October 1998\n\nFifty-third session\n"
        "Agenda item 87\n\nReport of the Fourth Committee\n\nI. Introduction\n\n"
        "1. The general debate was held at the 3rd to 6th meetings (see\nA/C.4/53/SR.3–6). The Committee took action.\n"
    )
    assert _kind(text) == "report"
    assert _kind("United Nations\nA/79/PV.64\nGeneral Assembly\n\nThe meeting was called to order at 10 a.m.\n") == "record"


def test_a_masthead_line_that_ends_on_the_or_of_runs_on_whatever_the_next_line_announces() -> None:
    """A/80/66: the agenda title's last line is the name of an organ (``Human Rights Council``)."""
    text = (
        "United Nations\nA/80/66\nGeneral Assembly\nDistr.: General\n25 February 2025\n\nEightieth session\n"
        "Item 116 (c) of the preliminary list\nElections to fill vacancies in subsidiary organs\n"
        "and other elections: election of members of the\nHuman Rights Council\n\n"
        "Note verbale dated 18 February 2025 from the Permanent Mission of Chile to the United Nations addressed to\n"
        "the President of the General Assembly\n\nThe Permanent Mission of Chile has the honour to refer to its candidature.\n"
    )
    doc = _doc(text)
    assert doc.metadata.agenda_title is not None and doc.metadata.agenda_title.text.endswith(
        "members of the Human Rights Council"
    )
    assert "Human Rights Council" not in [o.text for o in doc.metadata.other]


def test_a_note_s_transmittal_is_body_text_not_a_masthead_line() -> None:
    """A/80/188, E/2025/19: ``Note by the Secretary-General`` and, with no gap or number before it, its text."""
    text = (
        "United Nations\nA/80/188\nGeneral Assembly\nDistr.: General\n18 July 2025\n\nEightieth session\n"
        "Item 72 (b) of the provisional agenda\nPromotion and protection of human rights\n\n"
        "Human rights and climate change\n\nNote by the Secretary-General\n"
        "The Secretary-General has the honour to transmit to the General Assembly the report of the Special\n"
        "Rapporteur, submitted in accordance with Human Rights Council resolution 48/14.\n\n"
        "I. Introduction\n\n1. Reliance on renewable energy enables the phasing out of fossil fuels.\n"
    )
    doc = _doc(text)
    assert doc.metadata.subtitle is not None and doc.metadata.subtitle.text == "Note by the Secretary-General"
    assert not [o.text for o in doc.metadata.other if "honour" in o.text]
    assert (doc.body[0].text or "").startswith("The Secretary-General has the honour to transmit")


def test_the_original_languages_run_on_to_a_line_that_opens_in_lower_case() -> None:
    """E/HLPF/2025/5: ``Original: Arabic, English, Russian`` / ``and Spanish``."""
    text = (
        "United Nations\nE/HLPF/2025/5\nEconomic and Social Council\nDistr.: General\n2 May 2025\nEnglish\n"
        "Original: Arabic, English, Russian\nand Spanish\n\nHigh-level political forum on sustainable development\n\n"
        "Compilation of main messages\n\nNote by the Secretariat\n\n1. The text.\n"
    )
    doc = _doc(text)
    assert doc.metadata.original_language is not None
    assert doc.metadata.original_language.text == "Original: Arabic, English, Russian and Spanish"
    assert "and Spanish" not in [o.text for o in doc.metadata.other]
