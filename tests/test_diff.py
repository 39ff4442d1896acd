"""undoc diff: units compared by official id (added, removed, moved, changed), folders, --ignore-space, agreement."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest

from parser.cli import main
from parser.diff import agreement, char_diff, diff_documents, diff_folders, loose

from .conftest import SEED


def node(type_: str, id_: str, text: str | None = None, *, heading: str | None = None, children: tuple[Any, ...] = (),
         **extra: Any) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {"type": type_, "id": id_, "num": None, "marker": None}
    if heading is not None:
        out["heading"] = heading
    if text is not None:
        out["text"] = text
    out.update(extra)
    out["provenance"] = {"pages": [1]}
    out["children"] = list(children)
    return out


def document(*body: dict[str, Any], notes: tuple[dict[str, Any], ...] = (), warnings: tuple[dict[str, Any], ...] = (),
             **metadata: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "format": "undoc/1", "generator": "undoc test", "source": {"name": "x.pdf", "sha256": "0"}, "symbol": "A/1/1",
        "language": "en", "metadata": {"symbols": ["A/1/1"], "title": None, "summary": {"heading": None, "paragraphs": []},
                                       "other": [], **metadata},
        "body": list(body), "footnotes": list(notes), "warnings": list(warnings), "dropped": [],
    }  # fmt: skip


def masthead(text: str, page: int = 1) -> dict[str, Any]:
    return {"text": text, "footnote_refs": [], "provenance": {"pages": [page]}}


def note(id_: str, text: str, cited_by: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": id_, "marker": id_.split("_")[-1], "text": text, "cited_by": list(cited_by), "provenance": {}}


def warning(code: str, location: str, message: str = "m") -> dict[str, Any]:
    return {"code": code, "message": message, "location": location, "line": None, "page": None}


BASE = document(
    node("chapter", "chp_1", heading="Introduction", children=(
        node("paragraph", "para_1", "The Council met in Geneva."),
        node("paragraph", "para_2", "It adopted the report."),
    )),
    node("chapter", "chp_2", heading="Findings", children=(node("paragraph", "para_3", "Three findings stand out."),)),
    notes=(note("fn_1", "See A/79/1.", ("para_1",)),),
)  # fmt: skip


def edited(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    change(doc)
    return doc


def kinds(diff: Any) -> list[tuple[str, str, str]]:
    return [(c.kind, c.id, c.field) for c in diff.changes]


def test_a_document_has_no_differences_with_itself() -> None:
    assert diff_documents(BASE, copy.deepcopy(BASE)).changes == ()


def test_provenance_and_sentences_are_not_content() -> None:
    def move_boxes(doc: dict[str, Any]) -> None:
        doc["body"][0]["children"][0]["provenance"] = {"pages": [7]}
        doc["body"][0]["children"][0]["sentences"] = [{"text": "x", "start": 0, "end": 1}]

    assert diff_documents(BASE, edited(move_boxes)).changes == ()


def test_changed_text_is_shown_as_a_character_diff() -> None:
    def reword(doc: dict[str, Any]) -> None:
        doc["body"][0]["children"][1]["text"] = "It adopted the amended report."

    diff = diff_documents(BASE, edited(reword))
    assert kinds(diff) == [("changed", "para_2", "text")]
    assert diff.changes[0].diff == "It adopted the {+amended +}report."


def test_added_and_removed_units_are_found_by_id() -> None:
    def add_and_remove(doc: dict[str, Any]) -> None:
        doc["body"][1]["children"].append(node("paragraph", "para_4", "A fourth paragraph."))
        del doc["body"][0]["children"][1]

    diff = diff_documents(BASE, edited(add_and_remove))
    assert sorted(kinds(diff)) == [("added", "para_4", ""), ("removed", "para_2", "")]
    assert diff.counts == {"added": 1, "removed": 1, "moved": 0, "changed": 0}


def test_a_unit_under_another_parent_is_moved() -> None:
    def regroup(doc: dict[str, Any]) -> None:
        doc["body"][1]["children"].insert(0, doc["body"][0]["children"].pop())

    diff = diff_documents(BASE, edited(regroup))
    assert kinds(diff) == [("moved", "para_2", "parent")]
    assert (diff.changes[0].old, diff.changes[0].new) == ("chp_1", "chp_2")


def test_siblings_out_of_order_are_moved_and_the_rest_stay() -> None:
    def swap(doc: dict[str, Any]) -> None:
        doc["body"] = doc["body"][::-1]

    assert kinds(diff_documents(BASE, edited(swap))) == [("moved", "chp_1", "order")]


def test_the_same_text_under_another_id_is_moved_not_added_and_removed() -> None:
    def renumber(doc: dict[str, Any]) -> None:
        doc["body"][1]["children"][0]["id"] = "para_3_2"

    diff = diff_documents(BASE, edited(renumber))
    assert kinds(diff) == [("moved", "para_3", "id")] and diff.changes[0].new_id == "para_3_2"


def test_table_cells_are_compared_cell_by_cell_at_their_grid_position() -> None:
    def table(second: str) -> dict[str, Any]:
        cell = lambda text, cols=1: {"text": text, "row_span": 1, "col_span": cols, "footnote_refs": [], "provenance": {}}  # noqa: E731
        rows = [[cell("Posts", 2), cell("2025")], [cell("P-4"), cell("P-5"), cell(second)]]
        return document(node("table", "table_1", heading="Table 1", table={"header_rows": 1, "columns": 3, "rows": rows}))

    diff = diff_documents(table("12"), table("13"))
    assert kinds(diff) == [("changed", "table_1/r2c3", "text")]
    assert diff.changes[0].type == "cell" and diff.changes[0].diff == "1[-2-]{+3+}"


def test_figure_labels_are_compared() -> None:
    old = document(node("figure", "fig_1", heading="Figure I", labels=["2020", "2021"]))
    new = document(node("figure", "fig_1", heading="Figure I", labels=["2020", "2022"]))
    assert kinds(diff_documents(old, new)) == [("changed", "fig_1", "labels")]


def test_node_types_and_fields_it_does_not_know_are_compared_too() -> None:
    old = document(node("speech", "speech_1", "I thank the President.", speaker={"text": "Mr. Smith (France)"}))
    new = document(node("speech", "speech_1", "I thank the President.", speaker={"text": "Ms. Smith (France)"}))
    assert kinds(diff_documents(old, new)) == [("changed", "speech_1", "speaker")]


def test_masthead_fields_footnotes_and_warnings_are_compared() -> None:
    old = document(title=masthead("Report of the Committee"), notes=(note("fn_1", "See A/79/1."),),
                   warnings=(warning("numbering-gap", "para_5"), warning("footnote-uncited", "fn_1")))  # fmt: skip
    new = document(title=masthead("Report of the Special Committee"), notes=(note("fn_1", "See A/79/2."),),
                   warnings=(warning("footnote-uncited", "fn_1"),))  # fmt: skip
    changes = {(c.section, c.kind, c.id) for c in diff_documents(old, new).changes}
    assert changes == {("metadata", "changed", "title"), ("footnotes", "changed", "fn_1"),
                       ("warnings", "removed", "numbering-gap@para_5")}  # fmt: skip


def test_a_masthead_line_inserted_among_other_lines_is_one_addition() -> None:
    old = document(other=[masthead("United Nations"), masthead("Eightieth year")])
    new = document(other=[masthead("United Nations"), masthead("Security Council"), masthead("Eightieth year")])
    diff = diff_documents(old, new)
    assert [(c.section, c.kind, c.new) for c in diff.changes] == [("other", "added", "Security Council")]


def test_ignore_space_sets_aside_whitespace_soft_hyphens_and_line_end_hyphenation() -> None:
    pdf = document(node("paragraph", "para_1", "The inter- national\u00a0commu\u00adnity  agreed."))
    word = document(node("paragraph", "para_1", "The international community agreed."))
    assert diff_documents(pdf, word).changes != ()
    assert diff_documents(pdf, word, ignore_space=True).changes == ()
    assert loose("well-being") == loose("well- being") == loose("wellbeing")


def test_a_long_text_diff_keeps_only_context_around_each_change() -> None:
    old = "Alpha " * 50 + "the old word " + "Omega " * 50
    shown = char_diff(old, old.replace("old", "new"))
    assert "[-old-]{+new+}" in shown and shown.startswith("…") and shown.endswith("…") and len(shown) < 80


def test_changes_close_together_read_as_one() -> None:
    assert char_diff("the cat sat", "the dog sat") == "the [-cat-]{+dog+} sat"


def test_a_diff_of_two_long_unrelated_notes_stays_fast() -> None:
    old = " ".join(f"word{i}" for i in range(4000))
    new = " ".join(f"term{i}" for i in range(4000))
    start = time.perf_counter()
    char_diff(old, new)
    assert time.perf_counter() - start < 2.0


def test_agreement_counts_paragraphs_headings_notes_and_cells_that_agree() -> None:
    cell = lambda text: {"text": text, "row_span": 1, "col_span": 1, "footnote_refs": [], "provenance": {}}  # noqa: E731
    word = document(
        node("chapter", "chp_1", heading="Introduction", children=(
            node("paragraph", "para_1", "The Council met."),
            node("paragraph", "para_2", "It adopted the report."),
            node("section", "chp_1__sec_A", heading="Budget"),
        )),
        node("table", "table_1", table={"header_rows": 0, "columns": 2, "rows": [[cell("P-4"), cell("12")]]}),
        notes=(note("fn_1", "See A/79/1."),),
    )  # fmt: skip
    pdf = copy.deepcopy(word)
    pdf["body"][0]["children"][1]["text"] = "It adopted the re- port."  # same text, whitespace aside
    pdf["body"][0]["children"].pop()  # the section heading …
    pdf["body"].insert(1, node("section", "chp_1__sec_A", heading="Budget"))  # … at another level
    pdf["body"][2]["table"]["rows"][0][1]["text"] = "13"
    result = agreement(word, pdf)
    assert result.tally("paragraphs").as_dict()["agreed"] == 2
    headings = result.tally("headings")
    assert (headings.a, headings.b, headings.agreed) == (2, 2, 1)
    cells = result.tally("table_cells")
    assert (cells.a, cells.agreed, cells.share) == (2, 1, 0.5)
    assert result.tally("footnotes").share == 1.0
    assert ("headings", "chp_1__sec_A") in result.disagreements and ("table_cells", "table_1/r1c2") in result.disagreements
    assert result.tally("tables").as_dict()["agreed"] == 1  # as many rows and columns on both sides
    assert result.total.agreed == 2 + 1 + 1 + 1 + 1 and result.total.a == 8
    pdf["body"][2]["table"]["rows"].append([cell("P-5"), cell("3")])
    assert agreement(word, pdf).tally("tables").as_dict()["agreed"] == 0  # a row more: not the same table


def test_a_heading_missing_under_an_anchor_disagrees_once_not_for_every_heading_after_it() -> None:
    titles = ["Mandates", "General Assembly resolutions", "Security Council resolutions", "Deliverables"]
    word = document(node("paragraph", "para_1", "Text."),
                    *(node("heading", f"para_1__hdg_{n}", heading=t) for n, t in enumerate(titles, 1)))  # fmt: skip
    kept = titles[:2] + titles[3:]
    pdf = document(node("paragraph", "para_1", "Text."),
                   *(node("heading", f"para_1__hdg_{n}", heading=t) for n, t in enumerate(kept, 1)))  # fmt: skip
    result = agreement(word, pdf)
    headings = result.tally("headings")
    assert (headings.a, headings.b, headings.agreed) == (4, 3, 3)
    assert [d for d in result.disagreements if d[0] == "headings"] == [("headings", "para_1__hdg_3")]
    pdf["body"][2]["type"] = "section"  # the same text at another level does not agree
    assert agreement(word, pdf).tally("headings").agreed == 2


def test_folders_are_compared_file_by_file_worst_first(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    small = edited(lambda d: d["body"][0]["children"][0].update(text="The Council met in New York."))
    large = edited(lambda d: d["body"].pop())
    for folder, docs in ((old, {"a.json": BASE, "b.json": BASE, "gone.json": BASE}),
                         (new, {"a.json": small, "b.json": large, "new.json": BASE})):  # fmt: skip
        for name, doc in docs.items():
            (folder / name).write_text(json.dumps(doc), encoding="utf-8")
        (folder / "manifest.jsonl").write_text("{}\n", encoding="utf-8")
    result = diff_folders(old, new)
    assert [d.a for d in result.changed] == ["b.json", "a.json"]
    assert (result.only_in_a, result.only_in_b) == (("gone.json",), ("new.json",))
    assert result.counts["removed"] == 2 and not result.identical


def test_batch_outputs_are_matched_by_the_input_they_were_made_from_not_by_name(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    edited_pdf = edited(lambda d: d["body"][0]["children"][0].update(text="The Council met in New York."))
    word = edited(lambda d: d["body"].pop())
    # the PDF and the Word file of one document: the run's order decides which gets the plain name
    runs = ((old, {"x.pdf": ("A.en.json", BASE), "x.docx": ("A.en.1a2b.json", word), "y.pdf": ("B.en.json", BASE)}),
            (new, {"x.pdf": ("A.en.3c4d.json", edited_pdf), "x.docx": ("A.en.json", word),
                   "z.pdf": ("C.en.json", BASE)}))  # fmt: skip
    for folder, inputs in runs:
        folder.mkdir()
        records = []
        for path, (name, doc) in inputs.items():
            (folder / name).write_text(json.dumps(doc), encoding="utf-8")
            records.append(json.dumps({"path": f"/corpus/{path}", "status": "ok", "outputs": [name]}))
        (folder / "manifest.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    result = diff_folders(old, new)
    assert [(d.a, d.b) for d in result.files] == [("A.en.json", "A.en.3c4d.json"), ("A.en.1a2b.json", "A.en.json")]
    assert [d.a for d in result.changed] == ["A.en.json"]  # the PDF against its own earlier parse, not the Word file
    assert (result.only_in_a, result.only_in_b) == (("B.en.json",), ("C.en.json",))


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_exit_codes_say_same_different_bad_command_line_or_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same, other = tmp_path / "same.json", tmp_path / "other.json"
    same.write_text(json.dumps(BASE), encoding="utf-8")
    other.write_text(json.dumps(edited(lambda d: d["footnotes"].clear())), encoding="utf-8")
    (tmp_path / "foreign.json").write_text('{"hello": 1}', encoding="utf-8")
    assert _cli([str(same), str(same)], capsys)[0] == 0
    code, out, _ = _cli([str(same), str(other), "--json"], capsys)
    assert code == 1 and json.loads(out)["counts"]["removed"] == 1
    code, _, err = _cli([str(tmp_path), str(same)], capsys)
    assert code == 2 and err.startswith("undoc: error: ") and len(err.strip().splitlines()) == 1
    assert main(["diff", str(same)]) == 2
    assert _cli([str(same), str(tmp_path / "missing.json")], capsys)[0] == 10
    code, _, err = _cli([str(same), str(tmp_path / "foreign.json")], capsys)
    assert code == 15 and "not an undoc JSON output" in err


def test_cli_parses_an_input_and_finds_it_equal_to_its_own_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "-o", str(tmp_path), "-q"]) == 0
    written = next(tmp_path.glob("*.json"))
    capsys.readouterr()
    code, out, _ = _cli([str(written), str(SEED)], capsys)
    assert code == 0 and out.endswith("no differences\n")


def test_tables_are_paired_in_order_by_their_cells_whatever_their_ids() -> None:
    from parser.diff.tables import table_tally

    cell = lambda text: {"text": text, "row_span": 1, "col_span": 1}  # noqa: E731
    grid = lambda *rows: {"header_rows": 0, "columns": len(rows[0]), "rows": [[cell(t) for t in r] for r in rows]}  # noqa: E731
    word = document(
        node("table", "para_1__table_1", table=grid(["Posts", "12"], ["Travel", "3"])),
        node("table", "para_2__table_1", table=grid(["Staff", "P-4"], ["Total", "9"])),
    )
    pdf = document(
        node("table", "body__table_1", table=grid(["Posts", "12"], ["Travel", "3"])),  # another anchor
        node("table", "body__table_2", table=grid(["Staff", "P-4"], ["Total", "9"], ["Note", ""])),  # a row more
    )
    tally = table_tally(word, pdf)
    assert (tally.tables, tally.found, tally.same_shape, tally.cells, tally.cells_agreed) == (2, 2, 1, 8, 8)
    assert table_tally(word, document()).found == 0


def test_every_disagreement_has_a_cause_found_where_the_other_parse_put_the_text() -> None:
    from parser.diff.causes import causes, summary

    cell = lambda text: {"text": text, "row_span": 1, "col_span": 1, "footnote_refs": [], "provenance": {}}  # noqa: E731
    rows = {"header_rows": 0, "columns": 1, "rows": [[cell("Posts by grade")], [cell("P-4")]]}
    word = document(
        node("paragraph", "para_1", "Staffing is set out below."),
        node("heading", "para_1__hdg_1", heading="Posts by grade"),
        node("figure", "fig_1", heading="Vacancy rates", labels=["2024", "2025"]),
        node("heading", "fig_1__hdg_1", heading="Result 2: more countries served"),
        node("paragraph", "para_2", "The Mission spent 2,050 m3 of water."),
        notes=(note("fn_1", "See A/79/1, which covers the period from 1 July to 30 June."),),
    )  # fmt: skip
    pdf = document(
        node("paragraph", "para_1", "Staffing is set out below."),
        node("table", "para_1__table_1", table=rows),
        node("paragraph", "para_2", "The Mission spent 2,050 m of water.", children=(
            node("heading", "para_2__hdg_1", heading="Result 2: more countries served"),)),
        notes=(note("fn_1", "See A/79/1, which covers"),),
    )  # fmt: skip
    found = {c.id: c for c in causes(word, pdf)}
    assert found["para_1__hdg_1"].cause == "heading read in a table's cells in the PDF"
    assert found["fig_1__hdg_1"].cause.startswith("heading under a figure the PDF does not find")
    assert found["para_2"].cause == "a few characters differ" and "[-3-]" in found["para_2"].detail
    assert found["fn_1"].cause.startswith("note zone: the note cut")
    assert found["para_2__hdg_1"].owner == "pdf" and all(c.owner in ("pdf", "word", "files") for c in found.values())
    assert sum(n for *_, n in summary(list(found.values()))) == len(found)


def test_an_item_only_one_parse_has_is_found_by_its_start_where_the_other_runs_it_into_a_sentence() -> None:
    """A/80/623 para. 85 (b): the PDF makes an item of the ``(i)`` a line opened with, and runs the sentence's next
    items into it; the Word parse has its text inside (b). That is a PDF reader's defect, not a difference between
    the files; a text the other parse has nowhere is one."""
    from parser.diff.causes import causes

    start = "a lower actual average ceiling individual daily rate compared with the budgeted levels"
    word = document(node("subparagraph", "para_1__list_1__point_b", f"lower costs due to (i) {start}; and (ii) less."))
    pdf = document(
        node("subparagraph", "para_1__list_1__point_b", "lower costs due to"),
        node("subparagraph", "para_1__list_1__point_b__list_1__point_i", f"{start}; and (ii) less; (c) the rest."),
        node("subparagraph", "para_1__list_1__point_c", "a text no Word paragraph has anywhere at all."),
    )
    found = {c.id: c for c in causes(word, pdf)}
    assert found["para_1__list_1__point_b__list_1__point_i"].owner == "pdf"
    assert (found["para_1__list_1__point_c"].owner, found["para_1__list_1__point_c"].cause) == ("files", "only in the PDF parse")


def test_two_word_tables_one_straight_under_the_other_read_as_one_in_the_pdf_are_a_difference_of_the_files() -> None:
    from parser.diff.causes import ONE_PRINTED, causes

    cell = lambda text: {"text": text, "row_span": 1, "col_span": 1, "footnote_refs": [], "provenance": {}}  # noqa: E731
    grid = lambda *rows: {"header_rows": 0, "columns": 2, "rows": [[cell(t) for t in r] for r in rows]}  # noqa: E731
    word = document(
        node("paragraph", "para_1", "The list below gives the mandates."),
        node("table", "para_1__table_1", table=grid(["46/232", "Revitalization"], ["47/1", "Other"])),
        node("table", "para_1__table_2", table=grid(["80/72", "Peaceful"])),  # in the page's next column
        node("heading", "para_1__hdg_1", heading="Security Council resolutions"),
        node("table", "para_1__table_3", table=grid(["1325 (2000)", ""], ["1645 (2005)", ""])),
    )  # fmt: skip
    pdf = document(
        node("paragraph", "para_1", "The list below gives the mandates."),
        node("table", "para_1__table_1", table=grid(["46/232", "Revitalization"], ["47/1", "Other"], ["80/72", "Peaceful"])),
        node("heading", "para_1__hdg_1", heading="Security Council resolutions"),
        node("table", "para_1__table_2", table=grid(["1325 (2000)", ""], ["1645 (2005)", ""], ["2419 (2018)", ""])),
    )  # fmt: skip
    found = {c.id: c for c in causes(word, pdf) if c.category == "tables"}
    assert found["para_1__table_1"].cause == found["para_1__table_2"].cause == ONE_PRINTED
    assert found["para_1__table_1"].owner == "files"
    assert found["para_1__table_3"].cause == "table found with other rows or columns"  # a heading between: not this


def test_a_heading_under_a_figure_the_pdf_reads_as_a_table_says_so() -> None:
    """A/81/6 (Sect. 29A) figure 29A.III: the PDF makes a table of the chart (``table_29A-III``), so the headings after
    it hang under another anchor on each side; the cause names the figure read as a table, not a lost figure."""
    from parser.diff.causes import causes

    word = document(node("figure", "fig_29A-III", heading="Clients"), node("heading", "fig_29A-III__hdg_1", heading="Result 2"))
    pdf = document(node("table", "table_29A-III", heading="Clients"), node("heading", "table_29A-III__hdg_1", heading="Result 2"))
    found = {c.id: c.cause for c in causes(word, pdf)}
    assert found["fig_29A-III__hdg_1"] == "heading under a figure the PDF reads as a table"
    assert found["table_29A-III__hdg_1"] == "heading under a table the PDF makes of a Word figure"
