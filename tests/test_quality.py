"""The corpus quality figures of issues 8 and 9, each on a tiny inline JSON document, and the report around them."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from parser.quality.corpus import corpus_figures, inputs_of, xml_problem
from parser.quality.figures import DocumentFigures, document_figures
from parser.quality.printed import page_one_lines, symbol_is_printed
from parser.quality.report import compare_text, report_dict, worst_first

from .conftest import AKN_XSD, FIXTURES, ROOT


def para(number: int, text: str, *, page: int = 1, scope: str = "", suffix: str = "") -> dict[str, Any]:
    return {"type": "paragraph", "id": f"{scope}para_{number}{suffix}", "num": str(number), "marker": f"{number}.",
            "text": text, "provenance": {"pages": [page]}, "children": []}  # fmt: skip


def note(id_: str, text: str, *, cited: bool = True, pages: tuple[int, ...] = (1,)) -> dict[str, Any]:
    return {"id": id_, "marker": id_.split("_")[1], "text": text, "cited_by": ["para_1"] if cited else [],
            "provenance": {"pages": list(pages)}}  # fmt: skip


def line(text: str, page: int = 1) -> dict[str, Any]:
    return {"text": text, "footnote_refs": [], "provenance": {"pages": [page]}}


def doc(
    *body: dict[str, Any], notes: tuple[dict[str, Any], ...] = (), warnings: tuple[str, ...] = (), **metadata: Any
) -> dict[str, Any]:
    meta = {"symbols": ["A/80/1"], "summary": {"heading": None, "paragraphs": []}, "other": [], **metadata}
    return {"format": "undoc/1", "symbol": "A/80/1", "metadata": meta, "body": list(body), "footnotes": list(notes),
            "warnings": [{"code": c.split("@")[0], "message": "", "location": c.split("@")[1]} for c in warnings]}  # fmt: skip


def figures(document: dict[str, Any], **extra: Any) -> DocumentFigures:
    return document_figures(document, name="x.pdf", folder="ods", **extra)


REPORT = doc(para(1, "The Council met."), para(2, "It adopted the report."), notes=(note("fn_1", "See A/79/1."),))


def test_a_clean_document_has_no_defects() -> None:
    assert not any(figures(REPORT).defects().values())


def test_a_missing_paragraph_number_starting_a_sentence_in_a_note_is_swallowed() -> None:
    swallowed = doc(
        para(1, "First."), para(3, "Third."), notes=(note("fn_1", "Source: Database. 2. To help address the gap, we act."),)
    )
    found = figures(swallowed).swallowed
    assert len(found) == 1 and found[0].startswith("2 in fn_1: ")


def test_a_number_of_the_body_or_a_citation_in_a_note_is_not_swallowed() -> None:
    cited = doc(para(1, "First."), para(2, "Second."), para(4, "Fourth."),
                notes=(note("fn_1", "See ibid., para. 3. The text."), note("fn_2", "As in 2. The same.")))  # fmt: skip
    assert figures(cited).swallowed == ()


def test_the_first_paragraph_of_an_empty_body_in_the_masthead_is_swallowed_and_the_body_is_empty() -> None:
    letter = doc(other=[line("Letter dated 1 May 2025. 1. I have the honour to inform you of the following.")])
    found = figures(letter)
    assert found.empty_body and [s.split(":")[0] for s in found.swallowed] == ["1 in metadata.other[1]"]


def test_a_paragraph_number_inside_another_paragraph_is_swallowed() -> None:
    merged = doc(para(1, "First point. 2. The second point follows here."), para(3, "Third."))
    assert [s.split(":")[0] for s in figures(merged).swallowed] == ["2 in para_1"]


def test_a_body_paragraph_is_judged_against_its_own_numbering_scope() -> None:
    quoting = doc(para(1, "a"), para(2, "It reads: 3. The Council decides."), para(3, "c"),
                  para(1, "x", scope="annex_1__"), para(2, "y", scope="annex_1__"))  # fmt: skip
    assert figures(quoting).swallowed == ()  # 3 is missing from the annex, not from the body


def test_masthead_lines_from_a_later_page_count_unless_the_summary_box_runs_over() -> None:
    summary = {"heading": line("Summary"), "paragraphs": [
        {"type": "block", "id": "summary__p_1", "text": "Box.", "provenance": {"pages": [1, 2]}, "children": []}]}  # fmt: skip
    later = figures(doc(REPORT["body"][0], title=line("Report", 1), other=[line("I have the honour", 2)]))
    assert later.masthead_later == ("other[1] p.2",)
    in_box = figures(doc(REPORT["body"][0], summary=summary, other=[line("end of the box", 2)]))
    assert in_box.masthead_later == ()


def test_long_other_and_empty_body_are_counted() -> None:
    long_other = figures(doc(para(1, "x"), other=[line("y" * 1501)]))
    assert long_other.defects()["other_long"] == 1
    assert figures(doc()).defects()["empty_body"] == 0  # no text at all: truly empty


def test_numbering_problems_come_from_the_warnings_and_from_the_paragraph_ids() -> None:
    warned = figures(doc(para(1, "a"), para(3, "c"), warnings=("numbering-gap@para_3",)))
    assert warned.numbered and warned.numbering_problems == ("numbering-gap@para_3",)
    unwarned = figures(doc(para(1, "a"), para(2, "b"), para(2, "again", suffix="_2")))
    assert unwarned.numbering_problems == ("numbering-duplicate@para_2_2",)
    annexes = figures(doc(para(1, "a"), para(2, "b"), para(1, "annex a", scope="annex__")))
    assert annexes.numbering_problems == ()


def test_notes_cited_and_notes_from_continuation_lines() -> None:
    notes = (note("fn_1", "Adopted on"), note("fn_17", "March 2022, and later."), note("fn_2", "See A/1."),
             note("fn_2_2", "See A/2.", cited=False), note("fn_3", "Available at https://un.org/x"),
             note("fn_5", "Later."))  # fmt: skip
    found = figures(doc(para(1, "x"), notes=notes))
    assert (found.notes, found.notes_cited) == (6, 5)
    assert found.suffixed_notes == ("fn_2_2",)
    assert [b.split(":")[0] for b in found.sequence_breaks] == ["fn_17"]  # fn_5 follows a URL, an ended note


def test_notes_numbered_again_in_an_annex_are_no_continuation_notes_but_again_in_the_same_scope_are() -> None:
    def cited(id_: str, by: str) -> dict[str, Any]:
        return {**note(id_, "See A/1."), "cited_by": [by]}

    annex = (cited("fn_1", "para_2"), cited("fn_2", "para_3"), cited("fn_1_2", "annex_1__para_1"),
             cited("fn_2_2", "annex_1__para_4"), cited("fn_3", "annex_1__para_5"),
             cited("fn_1_3", "annex_1__para_2__qs_1"))  # fmt: skip
    assert figures(doc(para(1, "x"), notes=annex)).suffixed_notes == ()
    same = (cited("fn_1", "para_2"), cited("fn_2", "para_3"), cited("fn_1_2", "para_4"), cited("fn_2_2", "para_5"))
    assert figures(doc(para(1, "x"), notes=same)).suffixed_notes == ("fn_1_2", "fn_2_2")


def test_body_text_inside_a_note_is_found_and_citations_or_initials_are_not() -> None:
    notes = (note("fn_1", "Source: Database. 17. To help address these challenges, the Office acts."),
             note("fn_2", "John. A. Harrison and others, “Year-2020 global data”."),
             note("fn_3", "A/53/23 (Part IV), chap. VIII. For the final text, see below."),
             note("fn_4", "Report 2024. C. Progress in implementing the areas."))  # fmt: skip
    found = figures(doc(para(1, "x"), notes=notes)).body_in_notes
    assert [f.split(":")[0] for f in found] == ["fn_1", "fn_4"]


def test_a_note_longer_than_its_page_could_hold_is_flagged() -> None:
    body = [para(1, "b" * 500, page=1), para(2, "b" * 3000, page=2)]
    notes = (note("fn_1", "n" * 3001, pages=(2,)), note("fn_2", "n" * 1200, pages=(1,)), note("fn_3", "n" * 1200, pages=(2,)),
             note("fn_4", "short", pages=(1, 5)))  # fmt: skip
    found = figures(doc(*body, notes=notes))
    assert [f.split(":")[0] for f in found.long_notes] == ["fn_1", "fn_2", "fn_4"] and found.longest_note == 3001


def test_a_long_note_set_in_note_type_fits_under_a_short_body_and_body_type_in_a_note_does_not() -> None:
    def boxed(item: dict[str, Any], height: float, lines: int) -> dict[str, Any]:
        boxes = [{"page": 2, "bbox": [100.0, 500.0 + 11 * k, 480.0, 500.0 + 11 * k + height]} for k in range(lines)]
        return {**item, "provenance": {**item["provenance"], "boxes": boxes}}

    body = [boxed(para(1, "b" * 900, page=2), 9.9, 10), boxed(para(2, "b" * 400, page=3), 9.9, 5)]
    small = boxed(note("fn_1", "n" * 1800, pages=(2,)), 8.5, 21)  # S/2025/22 fn_5: a long note under a short body
    mixed = boxed(note("fn_2", "n" * 1800, pages=(2,)), 8.5, 12)
    mixed["provenance"]["boxes"] += [{"page": 2, "bbox": [100.0, 700.0, 480.0, 709.9]}]  # a body line read into it
    found = figures(doc(*body, notes=(small, mixed)))
    assert [f.split(":")[0] for f in found.long_notes] == ["fn_2"]


def test_a_symbol_counts_as_printed_only_whole() -> None:
    lines = ("United Nations A/80/81-E/2025/62", "A/ES-10/1022-S/2025/92", "United Nations A /80/66", "S/2025/383*")
    assert symbol_is_printed("A/80/81", lines) and symbol_is_printed("E/2025/62", lines)
    assert symbol_is_printed("A/80/66", lines) and symbol_is_printed("S/2025/383", lines)
    assert not symbol_is_printed("A/ES", lines)  # cut short
    assert not symbol_is_printed("S/2025/383*", lines)  # reissue marker taken into the symbol
    assert not symbol_is_printed("A_80_66", lines)  # the file name's spelling


def test_a_scan_prints_its_symbol_through_a_stray_ocr_full_stop_but_nothing_else_is_forgiven() -> None:
    scan = ("fUNNAITTIEODNS A", "General Assembly Distr.", "A./47/435", "E/CNA/UO")
    assert symbol_is_printed("A/47/435", scan)
    assert not symbol_is_printed("A/47/43", scan) and not symbol_is_printed("E/CN.4/110", scan)
    assert not symbol_is_printed("A_47_435", scan)


def test_a_document_that_prints_no_symbol_is_not_judged_when_the_parse_says_it_has_none() -> None:
    brief = ("United Nations University", "POLICY BRIEF", "No. 49, 2025")
    nameless = doc(para(1, "Text."), symbol_origin="filename") | {"symbol": "UNDoc-4077798"}
    assert figures(nameless, printed=brief).symbol_printed is None
    scan = ("fUNNAITTIEODNS A", "General Assembly Distr.", "A./47/435")  # OCR misread the symbol: still judged
    assert figures(nameless, printed=scan).symbol_printed is False
    assert figures(doc(para(1, "Text.")), printed=brief).symbol_printed is False  # a symbol the page does not print


def test_page_one_of_a_pdf_prints_its_symbol_with_the_large_first_letter_joined() -> None:
    lines = page_one_lines(FIXTURES / "pdf" / "en" / "A_80_179.en.pdf")
    assert lines is not None and symbol_is_printed("A/80/179", lines) and symbol_is_printed("S/2025/468", lines)


def test_xml_that_does_not_validate_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><nonsense/></akomaNtoso>')
    assert "nonsense" in xml_problem(str(bad), str(AKN_XSD))
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso>")
    assert xml_problem(str(broken), str(AKN_XSD)).startswith("not well-formed")


def test_worst_documents_come_first_and_a_comparison_says_what_got_better_or_worse() -> None:
    clean = figures(REPORT)
    bad = document_figures(doc(para(1, "x"), para(3, "y"), warnings=("numbering-gap@para_3",)), name="bad.pdf", folder="ods")
    failed = DocumentFigures("gone.pdf", "ods", "timeout")
    assert [f.name for f in worst_first([clean, bad, failed])] == ["gone.pdf", "bad.pdf", "x.pdf"]
    before = report_dict([clean, bad])
    fixed = document_figures(doc(para(1, "x"), para(2, "y")), name="bad.pdf", folder="ods")
    broken = document_figures(doc(para(1, "x"), notes=(note("fn_1", "a", cited=False),)), name="x.pdf", folder="ods")
    lines = list(compare_text(before, report_dict([broken, fixed])))
    assert "  ods/bad.pdf: numbering 1 → 0" in lines and "  ods/x.pdf: uncited_notes 0 → 1" in lines
    assert any(line.startswith("ods: numbering complete") and line.endswith("(better)") for line in lines)
    assert before["totals"]["all"]["numbering"] == {"count": 1, "of": 2, "share": 0.5}


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    """Two inputs, one converted (JSON + XML in the outputs) and one that timed out, with their manifest."""
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    (inputs / "a.txt").write_text("A/80/1\n\n1. The Council met.\n", encoding="utf-8")
    (inputs / "b.txt").write_text("slow\n", encoding="utf-8")
    (outputs / "A_80_1.en.json").write_text(json.dumps(REPORT), encoding="utf-8")
    records = [{"path": "elsewhere/a.txt", "sha256": hashlib.sha256((inputs / "a.txt").read_bytes()).hexdigest(),
                "status": "ok", "seconds": 0.5, "pages": None, "outputs": ["A_80_1.en.json"]},
               {"path": "elsewhere/b.txt", "sha256": hashlib.sha256((inputs / "b.txt").read_bytes()).hexdigest(),
                "status": "timeout", "outputs": []}]  # fmt: skip
    (outputs / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return inputs, outputs


def test_outputs_are_found_through_the_manifest_by_the_inputs_bytes(tmp_path: Path) -> None:
    inputs, outputs = _folder(tmp_path)
    found = corpus_figures(inputs_of([str(inputs)]), outputs, schema=None)
    assert [(f.name, f.status) for f in found] == [("a.txt", "ok"), ("b.txt", "timeout")]
    assert found[0].seconds == 0.5 and found[0].symbol_printed is None and found[0].xml_error is None


def test_the_report_with_outputs_parses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs, outputs = _folder(tmp_path)
    spec = importlib.util.spec_from_file_location("corpus_quality", ROOT / "bench" / "corpus_quality.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr("parser.diff.load.parse", no_parsing)
    monkeypatch.setattr("parser.quality.corpus.run_batch_settings", no_parsing)
    saved = tmp_path / "report.json"
    assert script.main([str(inputs), "--outputs", str(outputs), "--save", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "in/b.txt: not converted (timeout)" in out and "numbering complete" in out
    assert json.loads(saved.read_text(encoding="utf-8"))["totals"]["in"]["converted"]["count"] == 1


def test_a_pages_table_cells_count_as_its_text_beside_a_long_note() -> None:
    cells = [[{"text": "c" * 400}, {"text": "c" * 400}], [{"text": "c" * 400}, {"text": "c" * 400}]]
    table = {"type": "table", "id": "table_1", "table": {"rows": cells}, "provenance": {"pages": [3]}, "children": []}
    found = figures(doc(para(1, "b" * 300, page=3), table, notes=(note("fn_1", "n" * 1200, pages=(3,)),)))
    assert found.long_notes == ()
