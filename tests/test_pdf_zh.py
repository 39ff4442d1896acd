"""Chinese UN-layout PDFs rendered from the seed parse to the same result as their text renderings."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser.write.to_json import document_to_dict

from .conftest import FIXTURES, SEED, parsed, without_provenance

ZH = FIXTURES / "pdf" / "zh"
VARIANTS = sorted(p.name.removesuffix(".zh.pdf") for p in ZH.glob("variant_*.zh.pdf"))


def _same_structure(text_path: Path, pdf_path: Path) -> None:
    from_text = document_to_dict(parsed(text_path, symbol="A/73/254"))
    from_pdf = document_to_dict(parsed(pdf_path))
    assert without_provenance(from_pdf["body"]) == without_provenance(from_text["body"])
    assert without_provenance(from_pdf["footnotes"]) == without_provenance(from_text["footnotes"])
    for field in ("session", "agenda_item", "agenda_title", "title", "subtitle"):
        assert without_provenance(from_pdf["metadata"][field]) == without_provenance(from_text["metadata"][field]), field
    summary = from_text["metadata"]["summary"]
    assert without_provenance(from_pdf["metadata"]["summary"]) == without_provenance(summary)


def test_rendered_seed_pdf_parses_to_the_same_json_as_the_seed_text() -> None:
    _same_structure(SEED, ZH / "A_73_254.zh.pdf")


def test_rendered_seed_pdf_reads_its_masthead_and_drops_its_furniture() -> None:
    doc = parsed(ZH / "A_73_254.zh.pdf")
    assert doc.symbol == "A/73/254" and doc.metadata.symbol_origin == "document"
    assert doc.metadata.date_iso == "2018-07-16"
    kinds = {d.kind for d in doc.dropped}
    assert {"header", "job_number", "page_number", "barcode"} <= kinds
    assert all(n.sources and n.sources[0].page for n in doc.nodes())


@pytest.mark.parametrize("variant", VARIANTS)
def test_stress_variant_pdf_matches_its_source_text(variant: str) -> None:
    _same_structure(ZH / f"{variant}.zh.md", ZH / f"{variant}.zh.pdf")


def test_the_stress_variants_are_all_there() -> None:
    assert VARIANTS == [
        f"variant_{v}" for v in ("fake_bold", "footnote_continues", "fullwidth_digits", "no_footnotes", "three_pages")
    ]


def test_a_note_that_runs_over_to_the_next_page_is_one_note() -> None:
    doc = parsed(ZH / "variant_footnote_continues.zh.pdf")
    pages = {n.id: {s.page for s in n.sources} for n in doc.footnotes}
    assert any(len(p) == 2 for p in pages.values())
    assert not [w for w in doc.warnings if w.code.startswith("footnote")]


def test_a_paragraph_over_three_pages_comes_out_whole() -> None:
    doc = parsed(ZH / "variant_three_pages.zh.pdf")
    para = doc.get("para_12")
    assert len({s.page for s in para.sources}) == 3  # type: ignore[union-attr]
