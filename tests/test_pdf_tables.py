"""Tables in PDFs: found from their rules, read as rows of cells, out of the running text (issue 9)."""

from __future__ import annotations

from parser.model import Region

from .conftest import FIXTURES, pdf_read

ADD1 = FIXTURES / "pairs" / "A_80_604_Add.1.en.pdf"


def _tables(page: int) -> list[Region]:
    return [line.region for line in pdf_read(ADD1).lines if line.region is not None and line.source.page == page]


def _texts(region: Region) -> list[list[str]]:
    return [[cell.text for cell in row] for row in region.rows]


def test_ruled_budget_table_has_its_heading_rows_spans_and_body_rows() -> None:
    first = _tables(6)[0]
    rows = _texts(first)
    assert first.header_rows == 3  # two heading rows cut by the partial rule under "Variance", then the spacer
    assert [(c.row_span, c.col_span) for c in first.rows[0]] == [(2, 1)] * 6 + [(1, 2)]
    assert rows[0][-1] == "Variance" and rows[1] == ["Amount", "Percentage"]
    assert rows[2] == [""] * 8
    assert rows[3] == ["Military and police personnel", "41 945.0", "41 386.3", "43 122.3", "21 543.0", "36 680.1",
                       "(6 442.2)", "(14.9)"]  # fmt: skip
    assert len(rows) == 7


def test_calls_in_cells_stay_superscripts_and_table_rows_leave_the_running_text() -> None:
    second = _tables(6)[1]
    authorized = second.rows[0][1]
    assert authorized.text == "Authorized 2024/25a" and authorized.spans[-1].sup
    body = [line.text for line in pdf_read(ADD1).lines if line.source.page == 6 and line.region is None]
    assert not any("41 945.0" in text or text.startswith("Category") for text in body)
    assert "a Representing the highest level of authorized strength." in body
