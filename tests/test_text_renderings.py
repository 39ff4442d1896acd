"""Other text renderings: plain PDF text with hard line breaks and bare call numbers, and A/RES/80/5 as markdown and raw text."""

from __future__ import annotations

import re

import pytest

from parser import Document

from .conftest import FIXTURES, parsed

LDC_ZH = FIXTURES / "text" / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"
LDC_EN = FIXTURES / "text" / "en" / "LDC_PoA_resolution_excerpt.en.txt"
RES_TXT = FIXTURES / "text" / "en" / "A_RES_80_5.txt"
RES_MD = FIXTURES / "text" / "en" / "A_RES_80_5.md"


def test_chinese_plain_text_joins_hard_breaks_without_spaces_and_takes_bare_calls_out() -> None:
    doc = parsed(LDC_ZH)
    paras = list(doc.paragraphs())
    assert [p.ordinal for p in paras] == list(range(1, 20))
    p3 = paras[2].text or ""
    assert "《宣言》的承诺，其中他们再次承诺在迈向脱贫" in p3
    assert [(r.marker, p3[: r.offset][-4:]) for r in paras[2].footnote_refs] == [("8", "《宣言》")]
    assert [r.marker for p in paras for r in p.footnote_refs] == ["6", "2", "7", "8", "1"]
    assert all("\n" not in (p.text or "") for p in paras)


def test_english_plain_text_finds_calls_glued_to_words_and_year_ranges() -> None:
    doc = parsed(LDC_EN, language="en")
    paras = list(doc.paragraphs())
    assert [p.ordinal for p in paras] == list(range(1, 20))
    assert [r.marker for p in paras for r in p.footnote_refs] == ["6", "2", "7", "8", "1"]
    assert "Decade 2001-2010 as an initiative" in (paras[1].text or "")
    assert (paras[0].text or "").endswith("Secretary-General;")


@pytest.fixture(scope="module", params=[RES_TXT, RES_MD], ids=["raw-text", "markdown"])
def resolution(request: pytest.FixtureRequest) -> Document:
    return parsed(request.param)


def test_resolution_symbol_masthead_and_annex(resolution: Document) -> None:
    assert resolution.symbol == "A/RES/80/5"
    assert resolution.metadata.agenda_item == "25(b)"
    assert resolution.metadata.title is not None and resolution.metadata.title.text.startswith("80/5. Doha Political Declaration")
    annex = [n for n in resolution.body if n.type == "annex"]
    assert len(annex) == 1 and annex[0].id == "annex"


def test_resolution_annex_paragraphs_run_1_to_44(resolution: Document) -> None:
    assert [p.ordinal for p in resolution.paragraphs() if p.ordinal] == list(range(1, 45))
    assert all(p.id == f"annex__para_{p.ordinal}" for p in resolution.paragraphs() if p.ordinal)


def test_resolution_15_notes_are_all_called(resolution: Document) -> None:
    assert [n.id for n in resolution.footnotes] == [f"fn_{i}" for i in range(1, 16)]
    assert all(n.cited_by for n in resolution.footnotes)
    assert not [w for w in resolution.warnings if w.code.startswith("footnote")]


def test_raw_text_page_furniture_is_dropped_and_recorded_never_inside_paragraphs() -> None:
    doc = parsed(RES_TXT)
    kinds = {d.kind for d in doc.dropped}
    assert {"header", "job_number", "page_number", "barcode", "separator"} <= kinds
    assert sum(1 for d in doc.dropped if d.kind == "page_number") == 17
    assert sum(1 for d in doc.dropped if d.kind == "header") == 3 * 17
    for node in doc.nodes():
        text = node.text or node.heading or ""
        assert "25-17700" not in text and not re.search(r"\b\d{1,2}/18\b", text), node.id
        assert "under the title “the Second World Summit for Social Development” under the" not in text
    assert not doc.warnings


def test_raw_text_lettered_subparagraphs_continue_across_page_breaks() -> None:
    doc = parsed(RES_TXT)
    para_18 = doc.get("annex__para_18")
    assert [c.num for c in para_18.children] == list("abcdefghi")  # type: ignore[union-attr]
    point_b = para_18.children[1]  # type: ignore[union-attr]
    assert (point_b.text or "").endswith("including nearly 2 billion children;")


def test_markdown_paragraphs_run_together_on_one_line_are_split_by_their_numbers() -> None:
    doc = parsed(RES_MD)
    assert (doc.get("annex__para_2").text or "").startswith("We acknowledge the urgent need")  # type: ignore[union-attr]
    assert (doc.get("annex__para_1").text or "").endswith("2030 Agenda for Sustainable Development.")  # type: ignore[union-attr]


def test_a_call_set_apart_before_a_comma_or_full_stop_is_found_and_a_number_glued_to_capitals_is_not() -> None:
    """pdftotext leaves a gap before a raised call (``материалов 1,``); ``СП8`` is joint submission 8, not call 8."""
    doc = parsed(FIXTURES / "renderings" / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt")
    paras = {p.id: p for p in doc.paragraphs()}
    refs = {
        p: [(r.marker, (paras[p].text or "")[: r.offset][-10:]) for r in paras[p].footnote_refs] for p in ("para_1", "para_3")
    }
    assert refs["para_1"] == [("1", "материалов")]
    assert refs["para_3"] == [("6", " 1997 года"), ("7", " 2006 года")]
    assert "В СП8 Италии" in (paras["para_3"].text or "")
