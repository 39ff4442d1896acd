"""Arabic: the markdown rendering of A/73/254, its right-to-left PDFs, and the visual-to-logical reordering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from parser import parse_bytes
from parser.language import detect_language
from parser.model import Span
from parser.read.pdf_bidi import (
    bracket_balance,
    is_presentation_form,
    line_context,
    line_direction,
    logical_text,
    normalize_presentation_forms,
    visual_to_logical,
)
from parser.sentences import split_sentences
from parser.write.to_json import document_to_dict, document_to_json
from parser.write.to_xml import document_to_xml
from parser.xmlsafe import parse_xml_bytes

from .conftest import FIXTURES, parsed, pdf_read, without_provenance

AR_MD = FIXTURES / "text" / "ar" / "A_73_254.ar.md"
AR = FIXTURES / "pdf" / "ar"
AR_PDF = AR / "A_73_254.ar.pdf"
VARIANTS = ("indic_digits", "presentation_forms")
PAIRS = [(AR_MD, AR_PDF)] + [(AR / f"variant_{v}.ar.md", AR / f"variant_{v}.ar.pdf") for v in VARIANTS]
PDFS = [pdf for _, pdf in PAIRS]


def r(text: str) -> str:
    """An Arabic run as pdfplumber lists its glyphs: reversed."""
    return text[::-1]


# --- the markdown ---------------------------------------------------------------


def test_markdown_numbering_gives_chapter_section_paragraph_and_point_ids() -> None:
    doc = parsed(AR_MD)
    nodes = list(doc.nodes())
    assert [n.id for n in nodes if n.type == "chapter"] == ["chp_1", "chp_2", "chp_3"]
    assert [(n.id, n.num) for n in nodes if n.type == "section"] == [("chp_3__sec_A", "ألف"), ("chp_3__sec_B", "بـــاء")]
    assert [n.id for n in doc.paragraphs()] == [f"para_{i}" for i in range(1, 16)]
    assert [(n.id, n.marker) for n in nodes if n.type == "subparagraph"] == [
        ("para_2__list_1__point_a", "(أ)"),
        ("para_2__list_1__point_b", "(ب)"),
        ("para_2__list_1__point_c", "(ج)"),
    ]
    para = doc.get("para_12")
    assert (para.marker, para.num, para.ordinal) == ("12 -", "12", 12)
    assert doc.get("chp_3").heading.startswith("خطة العمل")
    assert not doc.warnings


def test_markdown_footnotes_are_linked_to_their_calls() -> None:
    doc = parsed(AR_MD)
    assert [(n.id, n.cited_by) for n in doc.footnotes] == [
        ("fn_star_1", ("metadata.agenda_item",)),
        ("fn_1", ("para_6",)), ("fn_2", ("para_6",)), ("fn_3", ("para_6",)), ("fn_4", ("para_8",)),
        ("fn_5", ("para_9",)), ("fn_6", ("para_12",)), ("fn_7", ("para_15",)),
    ]  # fmt: skip
    para = doc.get("para_6")
    text = para.text or ""
    assert [(ref.note, text[: ref.offset][-8:]) for ref in para.footnote_refs] == [
        ("fn_1", "عام 2018"), ("fn_2", "يار شخص."), ("fn_3", " المائة."),
    ]  # fmt: skip
    assert doc.get("fn_2").text.startswith("Lester M. Salamon")


def test_markdown_masthead_session_agenda_and_titles() -> None:
    doc = parsed(AR_MD)
    meta = doc.metadata
    assert (doc.symbol, meta.symbol_origin) == ("A/73/254", "front_matter")
    assert meta.session is not None and meta.session.text == "الدورة الثالثة والسبعون" and meta.session_number == 73
    assert meta.agenda is not None and meta.agenda.text == "البند 29 (ب) من جدول الأعمال المؤقت"
    assert meta.agenda_item == "29(b)"  # the Arabic sub-item letter as in the other language versions
    assert [(r.note, r.marker) for r in meta.agenda.footnote_refs] == [("fn_star_1", "*")]
    assert meta.title is not None and meta.title.text == "إدماج العمل التطوعي في خطة التنمية المستدامة لعام 2030"
    assert meta.subtitle is not None and meta.subtitle.text == "تقرير الأمين العام"
    assert meta.summary_heading is not None and meta.summary_heading.text == "موجز" and len(meta.summary) == 2


def test_arabic_sentences_end_at_full_stops_not_at_initials_or_inside_symbols() -> None:
    para = parsed(AR_MD).get("para_1")
    assert [s.text[-12:] for s in para.sentences] == ["ذ والمتابعة.", "ج الاجتماعي."]
    note = parsed(AR_MD).get("fn_2")
    assert note.text.count("M. Salamon") == 1


def test_abjad_points_run_past_the_kashida_letter() -> None:
    text = "## أولا - مقدمة\n\n1 - حدد التقرير ما يلي:\n\n" + "\n\n".join(
        f"({letter}) بند من البنود؛" for letter in ("أ", "ب", "ج", "د", "هـ", "و")
    )
    doc = parse_bytes(text.encode(), "points.ar.md")
    points = [n for n in doc.nodes() if n.type == "subparagraph"]
    assert [n.id.rsplit("_", 1)[1] for n in points] == ["a", "b", "c", "d", "e", "f"]
    assert (points[4].marker, points[4].num) == ("(هـ)", "هـ")


def test_arabic_sentences_split_at_question_and_exclamation_marks_not_at_semicolons() -> None:
    got = split_sentences("هل هذا صحيح؟ نعم، هذا صحيح! البند الأول؛ والبند الثاني. انظر A/73/150. انتهى", "ar")
    assert [s.text for s in got] == ["هل هذا صحيح؟", "نعم، هذا صحيح!", "البند الأول؛ والبند الثاني.", "انظر A/73/150.", "انتهى"]


# --- language -------------------------------------------------------------------


@pytest.mark.parametrize("path", [AR_MD, *PDFS], ids=lambda p: p.name)
def test_language_is_detected_as_arabic(path: Path) -> None:
    doc = parsed(path)
    assert (doc.language, doc.language_detected) == ("ar", True)


def test_detect_language_on_arabic_text_with_latin_runs() -> None:
    assert detect_language("انظر www.unv.org و IMPACT2030 والتقرير A/73/150 لعام 2018.") == "ar"


# --- the PDFs -------------------------------------------------------------------


@pytest.mark.parametrize(("text_path", "pdf_path"), PAIRS, ids=lambda p: p.name)
def test_rendered_pdf_parses_to_the_same_json_as_its_markdown(text_path: Path, pdf_path: Path) -> None:
    from_text = document_to_dict(parsed(text_path))
    from_pdf = document_to_dict(parsed(pdf_path))
    assert without_provenance(from_pdf["body"]) == without_provenance(from_text["body"])
    assert without_provenance(from_pdf["footnotes"]) == without_provenance(from_text["footnotes"])
    for field in ("session", "agenda_item", "agenda_title", "title", "subtitle", "summary"):
        assert without_provenance(from_pdf["metadata"][field]) == without_provenance(from_text["metadata"][field]), field
    assert [w["code"] for w in from_pdf["warnings"]] == [w["code"] for w in from_text["warnings"]]


def test_rendered_pdf_reads_its_masthead_and_drops_its_furniture() -> None:
    doc = parsed(AR_PDF)
    meta = doc.metadata
    assert (doc.symbol, meta.symbol_origin, meta.date_iso) == ("A/73/254", "document", "2018-07-16")
    assert meta.organ is not None and meta.organ.text == "الجمعية العامة"
    assert meta.date is not None and meta.date.text == "16 July 2018"  # a left-to-right line in a right-to-left page
    assert {"header", "job_number", "page_number", "barcode", "separator"} <= {d.kind for d in doc.dropped}
    assert ("job_number", "18-12290 (A) 200818 200818") in {(d.kind, d.text) for d in doc.dropped}


def test_a_paragraph_cut_by_a_page_with_notes_comes_out_whole() -> None:
    doc = parsed(AR_PDF)
    para = doc.get("para_7")
    assert {s.page for s in para.sources} == {2, 3}
    assert {s.page for n in doc.footnotes if n.id in ("fn_1", "fn_2", "fn_3") for s in n.sources} == {2}
    assert "(www.onlinevolunteering.org) لآلاف المتطوعين" in (para.text or "")


def test_right_to_left_lines_are_indented_from_the_right_edge() -> None:
    lines = [line for line in pdf_read(AR_PDF).lines if line.zone == "body" and line.source.page == 2]
    first = next(line for line in lines if line.text.startswith("3 - "))
    assert first.indent == pytest.approx(-2.125, abs=0.05)  # -25.5 pt in ems of the 12 pt body type
    after = lines[lines.index(first) + 1]
    assert abs(after.indent) < 0.1 and after.text.startswith("70/1، فاعترفت")
    assert lines[0].page_start and abs(lines[0].indent) < 0.1  # (أ) continues at the column edge


def test_note_lines_start_with_their_raised_marker_even_in_an_english_note() -> None:
    notes = [line for line in pdf_read(AR_PDF).lines if line.zone == "footnote" and line.source.page == 2]
    markers = [(line.spans[0].text, line.spans[0].sup) for line in notes if line.spans[0].sup]
    assert markers == [("1", True), ("2", True), ("3", True)]
    english = next(line for line in notes if line.spans[0].text == "2")
    assert english.text.startswith("2 Lester M. Salamon, S. Wojciech Sokolowski")


def test_presentation_forms_of_the_text_map_become_base_letters() -> None:
    path = AR / "variant_presentation_forms.ar.pdf"
    with pdfplumber.open(path) as pdf:
        raw = [c["text"] for page in pdf.pages for c in page.chars]
    assert sum(any(is_presentation_form(ch) for ch in text) for text in raw) > 1000
    text = "".join(line.text for line in pdf_read(path).lines)
    assert not any(is_presentation_form(ch) for ch in text)
    assert "الجمعية العامة" in text and "لا" in text


def test_arabic_indic_paragraph_numbers_keep_their_digits() -> None:
    doc = parsed(AR / "variant_indic_digits.ar.pdf")
    assert [(p.id, p.marker) for p in doc.paragraphs()][:3] == [("para_1", "١ -"), ("para_2", "٢ -"), ("para_3", "٣ -")]
    assert "للفترة ٢٠١٥-٢٠٣٠ (القرار ٦٩/٢٨٣)" in (doc.get("para_9").text or "")


@pytest.mark.parametrize("path", [AR_MD, *PDFS], ids=lambda p: p.name)
def test_json_and_xml_validate(path: Path, json_validator: Any, akn_schema: Any) -> None:
    doc = parsed(path)
    errors = [e.message for e in json_validator.iter_errors(json.loads(document_to_json(doc)))]
    assert not errors, errors[:3]
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    assert tree.xpath("string(//*[local-name()='FRBRlanguage']/@language)") == "ara"


# --- pdf_bidi on tiny visual-order lines ----------------------------------------


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        (r("الأمين العام"), "الأمين العام"),
        (r("أعلنت") + " 2018 " + r("في عام"), "في عام 2018 أعلنت"),
        (r("المقدم") + " (A/73/150) " + r("تقرير"), "تقرير (A/73/150) المقدم"),
        (r("خطة") + " ،(A/70/118/Corr.1 و A/70/118) " + r("المقبل"), "المقبل (A/70/118 و A/70/118/Corr.1)، خطة"),
        ("IMPACT2030 و www.unv.org " + r("انظر"), "انظر www.unv.org و IMPACT2030"),
        (r("للقرار") + " 70/129 " + r("وفقا"), "وفقا 70/129 للقرار"),
        (r("وما") + " 2030-2015 " + r("للفترة"), "للفترة 2015-2030 وما"),
        (r("من") + " %57 " + r("بنسبة"), "بنسبة 57% من"),
        (r("المائة") + " " + r("في") + " 57 " + r("نسبتهن"), "نسبتهن 57 في المائة"),
        (r("وتكمل") + " - ١٢", "١٢ - وتكمل"),
        (r("وتكمل") + " - 12", "12 - وتكمل"),
        ("." + r("الفقرة") + " 20 ،A/70/118 " + r("انظر"), "انظر A/70/118، 20 الفقرة."),
        (".Salamon, Measuring, vol. 3 (September 2011)", "Salamon, Measuring, vol. 3 (September 2011)."),
    ],
)
def test_visual_order_is_read_back_in_logical_order(visual: str, logical: str) -> None:
    assert logical_text(visual) == logical


def test_brackets_mapped_to_their_partners_are_detected_and_mirrored_back() -> None:
    visual = r("المقدم") + " )A/73/150( " + r("تقرير")
    assert bracket_balance([visual]) < 0 < bracket_balance([r("المقدم") + " (A/73/150) " + r("تقرير")])
    assert logical_text(visual) == logical_text(visual, swapped=True) == "تقرير (A/73/150) المقدم"
    assert logical_text(")" + r("ب") + "(", swapped=True) == "(ب)"


def test_a_call_is_an_object_of_the_right_to_left_flow() -> None:
    units = [Span("4", sup=True), Span("."), Span("2"), Span("0"), Span("1"), Span("8"), Span(" "), *map(Span, r("مايو"))]
    assert visual_to_logical(units) == (Span("مايو 2018."), Span("4", sup=True))
    units = [Span("1", sup=True), Span("2", sup=True), *map(Span, r("شخص."))]
    assert visual_to_logical(units) == (Span("شخص."), Span("12", sup=True))


def test_the_marker_of_an_english_note_stays_first_and_never_swallows_a_space() -> None:
    units = [*map(Span, ".Salamon, vol. 3 (2011)"), Span(" "), Span("2", sup=True, size=7.0)]
    assert visual_to_logical(units) == (Span("2", sup=True, size=7.0), Span(" Salamon, vol. 3 (2011)."))


def test_a_ligature_glyph_keeps_its_letters_in_order() -> None:
    units = [Span("لا"), Span(" "), *map(Span, r("هو"))]
    assert "".join(s.text for s in visual_to_logical(units)) == "هو لا"


def test_presentation_forms_are_normalized_and_nothing_else() -> None:
    assert normalize_presentation_forms("ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ") == "الجمعية العامة"
    assert normalize_presentation_forms("ﻻ ﷲ") == "لا الله"
    assert normalize_presentation_forms("\ufe76") == "\u064e"  # an isolated fatha: the mark, without NFKC's space
    untouched = "１２ ﬁ ² Ⅳ A/73/150 العام"  # full-width digits, a Latin ligature, a superscript: NFKC would change them
    assert normalize_presentation_forms(untouched) is untouched


def test_line_direction_counts_strong_characters() -> None:
    assert line_direction("انظر A/73/150") == "rtl"
    assert line_direction("Distr.: General ب") == "ltr"
    assert line_direction("2018. (70/129)") is None


def test_a_comma_touching_a_latin_word_with_a_space_after_it_is_that_words() -> None:
    """A Latin note wrapped in an Arabic document: the line ends ``Haddock,`` with the note's number at its right."""
    units = [*map(Span, "Lester Haddock,"), Span(" "), Span("2", sup=True, size=7.0)]
    assert visual_to_logical(units) == (Span("2", sup=True, size=7.0), Span(" Lester Haddock,"))


def test_the_lines_around_a_right_to_left_line_decide_the_neutrals_at_its_ends() -> None:
    units = [*map(Span, '"Measuring the value,')]
    assert "".join(s.text for s in visual_to_logical(units)) == ',Measuring the value"'  # alone: Arabic around
    context = line_context("Lester Haddock, 2", "estimates and a roadmap")
    assert context == ("L", "L")
    assert "".join(s.text for s in visual_to_logical(units, context=context)) == '"Measuring the value,'
    assert line_context(None, r("تقرير")) == ("R", "R")
