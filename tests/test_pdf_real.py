"""Real UN PDFs from the corpus: numbering without gaps, every note found and linked, headings at
their level, no page furniture inside the text, and reviewed golden outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from parser import Document
from parser.write.to_json import document_to_json

from .conftest import EXPECTED, FIXTURES, parsed
from .golden import check_golden

PDF = FIXTURES / "pdf"
# file, symbol(s), language, paragraphs, numbered notes, asterisk notes
CASES = [
    ("en/A_80_179.en.pdf", ("A/80/179", "S/2025/468"), "en", 58, 52, 2),
    ("en/A_80_188.en.pdf", ("A/80/188",), "en", 81, 102, 1),
    ("en/A_HRC_WG.6_34_ITA_3.en.pdf", ("A/HRC/WG.6/34/ITA/3",), "en", 94, 169, 1),
    ("ru/A_HRC_WG.6_34_ITA_3.ru.pdf", ("A/HRC/WG.6/34/ITA/3",), "ru", 94, 169, 1),
    ("en/A_RES_48_246.en.pdf", ("A/RES/48/246",), "en", 12, 2, 0),
    ("es/A_RES_48_246.es.pdf", ("A/RES/48/246",), "es", 12, 2, 0),
]
HEADINGS = {
    "en/A_80_179.en.pdf": [
        ("chp_1", "Introduction"),
        ("chp_4__sec_B__subsec_1", "De facto replacement"),
        ("chp_8", "Recommendations"),
    ],
    "en/A_80_188.en.pdf": [("chp_2__sec_H", "Conflicts and organized crime"), ("chp_6", "Conclusions and recommendations")],
    "en/A_HRC_WG.6_34_ITA_3.en.pdf": [("chp_2__sec_C__subsec_4", "Rights of specific persons or groups")],
    "ru/A_HRC_WG.6_34_ITA_3.ru.pdf": [
        ("chp_1", "Справочная информация"),
        ("chp_2__sec_C__subsec_2", "Гражданские и политические права"),
    ],
}


def _doc(name: str) -> Document:
    return parsed(PDF / name)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name, symbols, language, paragraphs, notes, stars", CASES, ids=[c[0] for c in CASES])
def test_symbol_language_and_paragraph_numbers_without_gaps(name: str, symbols: tuple[str, ...], language: str,
                                                             paragraphs: int, notes: int, stars: int) -> None:  # fmt: skip
    doc = _doc(name)
    assert doc.metadata.symbols == symbols and doc.language == language
    assert [p.ordinal for p in doc.paragraphs() if p.ordinal] == list(range(1, paragraphs + 1))
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


@pytest.mark.parametrize("name, symbols, language, paragraphs, notes, stars", CASES, ids=[c[0] for c in CASES])
def test_every_footnote_is_found_and_linked(name: str, symbols: tuple[str, ...], language: str,
                                            paragraphs: int, notes: int, stars: int) -> None:  # fmt: skip
    doc = _doc(name)
    numbered = [n for n in doc.footnotes if n.marker.rstrip("/").isdigit()]
    assert [n.id for n in numbered] == [f"fn_{i}" for i in range(1, notes + 1)]
    assert len(doc.footnotes) == notes + stars
    assert all(n.cited_by for n in doc.footnotes), [n.id for n in doc.footnotes if not n.cited_by]
    for node in doc.nodes():
        for ref in node.footnote_refs:
            assert 0 <= ref.offset <= len(node.text or node.heading or "")


@pytest.mark.parametrize("name", sorted(HEADINGS))
def test_headings_are_found_at_their_level(name: str) -> None:
    doc = _doc(name)
    for node_id, start in HEADINGS[name]:
        node = doc.get(node_id)
        assert (node.heading or "").startswith(start), node_id  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_no_header_or_footer_text_inside_paragraphs_or_notes(name: str) -> None:
    doc = _doc(name)
    assert {"header"} <= {d.kind for d in doc.dropped}
    jobs = {m.group(0) for d in doc.dropped if d.kind == "job_number" for m in regex.finditer(r"\d{2}-\d{5}", d.text)}
    pages = doc.source.pages
    furniture = regex.compile(rf"\*\d{{7}}\*|(?<![/\w.])\d{{1,2}}/{pages}\b(?!/)" + "".join(f"|{j}" for j in jobs))
    texts = [n.text or n.heading or "" for n in doc.nodes()] + [n.text for n in doc.footnotes]
    leaked = [t for t in texts if furniture.search(t)]
    assert not leaked, leaked[:2]


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_every_element_records_its_pages_and_boxes(name: str) -> None:
    doc = _doc(name)
    for node in doc.nodes():
        assert node.sources and all(s.page and s.bbox for s in node.sources), node.id


def test_joint_document_keeps_both_symbols_and_both_masthead_notes() -> None:
    doc = _doc("en/A_80_179.en.pdf")
    assert doc.metadata.agenda is not None and doc.metadata.agenda_item == "66(b)"
    assert doc.metadata.title is not None and doc.metadata.title.text.startswith("Promotion of durable peace")
    stars = {n.marker: n.cited_by for n in doc.footnotes if n.marker.startswith("*")}
    assert stars == {"*": ("metadata.agenda_item",), "**": ("metadata.title",)}


def test_not_a_un_document_pdf_is_rejected() -> None:
    from parser import parse
    from parser.errors import NotAUNDocument

    with pytest.raises(NotAUNDocument):
        parse(PDF / "negative" / "ods_document_not_found.pdf")


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_pdf_json_matches_the_reviewed_golden_file(name: str) -> None:
    golden = EXPECTED / (Path(name).name.removesuffix(".pdf") + ".pdf.json")
    check_golden(golden, document_to_json(_doc(name)))
