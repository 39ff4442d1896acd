"""Alignment of the real language pairs in the corpus, through their official ids."""

from __future__ import annotations

from parser.align import align_documents

from .conftest import FIXTURES, parsed

PDF = FIXTURES / "pdf"


def test_hrc_summary_english_and_russian_align_every_unit() -> None:
    en = parsed(PDF / "en" / "A_HRC_WG.6_34_ITA_3.en.pdf")
    ru = parsed(PDF / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdf")
    aligned = align_documents([en, ru])
    ids = [u.id for u in aligned.complete()]
    assert [u.id for u in aligned.complete() if u.type == "paragraph"] == [f"para_{n}" for n in range(1, 95)]
    assert [i for i in ids if i.startswith("fn_") and i[3:].isdigit()] == [f"fn_{n}" for n in range(1, 170)]
    assert aligned.leftovers() == {"en": [], "ru": []}
    para = dict(next(u for u in aligned.units if u.id == "para_1").texts)
    assert para["en"].startswith("The present report was prepared") and para["ru"].startswith("Настоящий доклад")


def test_resolution_48_246_english_and_spanish_align_preamble_operative_and_notes() -> None:
    en = parsed(PDF / "en" / "A_RES_48_246.en.pdf")
    es = parsed(PDF / "es" / "A_RES_48_246.es.pdf")
    aligned = align_documents([en, es], sentences=True)
    ids = [u.id for u in aligned.complete()]
    assert [u.id for u in aligned.complete() if u.type == "paragraph"] == [f"para_{n}" for n in range(1, 13)]
    assert [i for i in ids if i.startswith("preamble__p_")] == [f"preamble__p_{n}" for n in range(1, 12)]
    assert not [i for i in ids if i.startswith("body__")]  # the whole preamble is the preamble
    assert {"fn_1", "fn_2", "metadata.title", "conclusions__p_1"} <= set(ids)  # "92nd plenary meeting", after para 12
    assert aligned.leftovers() == {"en": [], "es": []}
    unit = next(u for u in aligned.units if u.id == "preamble__p_3")
    assert dict(unit.texts)["en"].startswith("Bearing in mind") and dict(unit.texts)["es"].startswith("Teniendo presente")
    assert all(len(pair.texts) == 2 for pair in unit.sentences)
