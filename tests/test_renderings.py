"""Text renderings of the project's PDFs by the common tools (fixtures/renderings, made by tools/render/render_text.py).

Each rendering must parse like its reference (the PDF's markdown source, or the PDF's reviewed parse) by
official id. ``FLOORS`` pins how many paragraphs, sub-paragraphs, headings and notes agree today: a floor
may only go up; a rule of the text path that breaks makes one of them fail.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest

from parser.diff.agreement import agreement
from parser.write.to_json import document_to_dict

from .conftest import FIXTURES, parsed

RENDERINGS = FIXTURES / "renderings"
MANIFEST: dict[str, dict[str, str]] = json.loads((RENDERINGS / "manifest.json").read_text(encoding="utf-8"))
RECOGNISED = {"pdftotext": "pdftotext", "pdftotext-layout": "pdftotext-layout", "pdfplumber": "text", "pymupdf4llm": "markdown"}

# (paragraphs, sub-paragraphs, headings, footnotes) agreeing with the reference; zh first, then en and ru
FLOORS: dict[str, tuple[int, int, int, int]] = {
    "zh/A_73_254.zh.pdfplumber.txt": (48, 0, 8, 0),
    "zh/A_73_254.zh.pdftotext-layout.txt": (48, 0, 8, 0),
    "zh/A_73_254.zh.pdftotext.txt": (0, 0, 5, 0),
    "zh/A_73_254.zh.pymupdf4llm.md": (45, 0, 8, 0),
    "zh/variant_footnote_continues.zh.pdfplumber.txt": (8, 3, 4, 0),
    "zh/variant_footnote_continues.zh.pdftotext-layout.txt": (10, 3, 4, 0),
    "zh/variant_footnote_continues.zh.pdftotext.txt": (0, 0, 3, 0),
    "zh/variant_footnote_continues.zh.pymupdf4llm.md": (9, 3, 4, 0),
    "zh/variant_three_pages.zh.pdfplumber.txt": (0, 0, 1, 0),
    "zh/variant_three_pages.zh.pdftotext-layout.txt": (1, 0, 1, 0),
    "zh/variant_three_pages.zh.pdftotext.txt": (0, 0, 0, 0),
    "zh/variant_three_pages.zh.pymupdf4llm.md": (1, 0, 1, 0),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdfplumber.txt": (45, 3, 8, 1),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdftotext-layout.txt": (48, 3, 8, 0),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pdftotext.txt": (0, 0, 5, 0),
    "zh/wordproc_report_notoserif_10pt_1_a4_just_hang.zh.pymupdf4llm.md": (47, 3, 8, 0),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdfplumber.txt": (44, 0, 8, 1),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext-layout.txt": (48, 0, 8, 0),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pdftotext.txt": (0, 0, 4, 0),
    "zh/wordproc_report_zenhei_11pt_1.15_a4_just.zh.pymupdf4llm.md": (39, 0, 6, 0),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdfplumber.txt": (45, 0, 8, 1),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdftotext-layout.txt": (48, 0, 8, 0),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pdftotext.txt": (0, 0, 5, 0),
    "zh/wordproc_tight_notosans_10pt_1_a4_noauto.zh.pymupdf4llm.md": (47, 0, 8, 0),
    "en/A_HRC_WG.6_34_ITA_3.en.pdfplumber.txt": (1, 0, 5, 0),
    "en/A_HRC_WG.6_34_ITA_3.en.pdftotext-layout.txt": (1, 0, 12, 0),
    "en/A_HRC_WG.6_34_ITA_3.en.pdftotext.txt": (1, 0, 1, 0),
    "en/A_HRC_WG.6_34_ITA_3.en.pymupdf4llm.md": (0, 0, 7, 0),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdfplumber.txt": (0, 0, 3, 0),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdftotext-layout.txt": (0, 0, 9, 0),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt": (0, 0, 1, 0),
    "ru/A_HRC_WG.6_34_ITA_3.ru.pymupdf4llm.md": (0, 0, 7, 0),
}
CATEGORIES = ("paragraphs", "subparagraphs", "headings", "footnotes")


@functools.cache
def reference(path: str) -> dict[str, Any]:
    file = FIXTURES / path
    if file.suffix == ".json":
        data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
        return data
    return document_to_dict(parsed(file))


def test_the_manifest_lists_every_committed_rendering_and_each_has_a_floor() -> None:
    on_disk = {str(p.relative_to(RENDERINGS)) for p in RENDERINGS.rglob("*") if p.is_file() and p.name != "manifest.json"}
    assert set(MANIFEST) == on_disk == set(FLOORS)
    for entry in MANIFEST.values():
        assert (FIXTURES / entry["pdf"]).is_file() and (FIXTURES / entry["reference"]).is_file()


@pytest.mark.parametrize("name", sorted(MANIFEST), ids=str)
def test_the_rendering_style_is_recognised_and_recorded(name: str) -> None:
    doc = parsed(RENDERINGS / name)
    assert doc.source.rendering == RECOGNISED[MANIFEST[name]["style"]]
    assert document_to_dict(doc)["source"]["rendering"] == doc.source.rendering


@pytest.mark.parametrize("name", list(FLOORS), ids=str)
def test_the_rendering_agrees_with_its_reference_by_official_id_at_least_as_far_as_the_floor(name: str) -> None:
    ref = reference(MANIFEST[name]["reference"])
    got = document_to_dict(parsed(RENDERINGS / name, symbol=ref["symbol"]))
    agreed = agreement(ref, got)
    counts = tuple(agreed.tally(c).agreed for c in CATEGORIES)
    below = [f"{c} {n} < {f}" for c, n, f in zip(CATEGORIES, counts, FLOORS[name], strict=True) if n < f]
    assert not below, f"{name}: {below}; disagreeing: {agreed.disagreements[:8]}"


def test_a_plain_text_file_is_text_and_a_pdf_has_no_rendering() -> None:
    assert parsed(FIXTURES / "text" / "en" / "A_RES_80_5.txt").source.rendering == "text"
    assert parsed(FIXTURES / "text" / "zh" / "A_73_254.zh.md").source.rendering == "markdown"


def test_rendering_style_by_form_feeds_and_character_cell_layout() -> None:
    from parser.read.text_style import rendering_style

    raw = "A/73/254\n1.\n大会第 52/17 号决议宣布\n\f2.\n2015 年\n"
    laid_out = "             联合国                    A/73/254\n    1.    大会第 52/17 号决议\n          的宝贵贡献。\n\f"
    assert rendering_style(raw, markdown=False) == "pdftotext"
    assert rendering_style(laid_out, markdown=False) == "pdftotext-layout"
    assert rendering_style(raw.replace("\f", ""), markdown=False) == "text"
    assert rendering_style(raw, markdown=True) == "markdown"
