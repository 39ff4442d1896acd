"""Unruled two-column tables set in two page columns (a budget fascicle's legislative mandates), issue 9."""

from __future__ import annotations

from pathlib import Path

from parser.model import Cell, Line, Region, Source, Span
from parser.read.pdf import read_pdf
from parser.read.pdf_tables_merge import join_continued

from .pdfbuild import HELVETICA, build_pdf, write


def _text(x: float, y: float, size: float, s: str) -> bytes:
    return b"BT /F1 %.1f Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, s.encode())


BODY = "The list below provides all mandates entrusted to the programme in the year to come."


def _mandates_pdf(
    tmp_path: Path, left: list[tuple[str, list[str]]], right: list[tuple[str, list[str]]], offset: float = 74
) -> Path:
    """Body prose, a heading, then rows of a number and its title (wrapped) in 8.5 pt down the left half from
    x 60 (titles at 134) and down the right half from x 312 (titles at 386), then a heading in the body type."""
    content = b"".join(_text(72, 780 - 12 * k, 10, BODY) for k in range(5)) + _text(60, 700, 10, "General Assembly resolutions")
    for x, rows, at in ((60.0, left, 74.0), (312.0, right, offset)):
        y = 684.0
        for number, title in rows:
            content += _text(x, y, 8.5, number)
            for k, part in enumerate(title):
                content += _text(x + at, y - 10 * k, 8.5, part)
            y -= 10 * max(1, len(title)) + 4
    content += _text(60, 560, 10, "Security Council resolutions")
    return write(tmp_path, "mandates.pdf", build_pdf(content, {"F1": HELVETICA}))


def _rows(path: Path) -> tuple[list[list[str]], list[str]]:
    lines = read_pdf(path).lines
    tables = [line.region for line in lines if line.region is not None]
    rows = [[cell.text for cell in row] for table in tables for row in table.rows]
    return rows, [line.text for line in lines if line.region is None]


def test_a_number_and_title_list_in_two_halves_is_one_table_left_half_first(tmp_path: Path) -> None:
    left = [
        ("46/232", ["Revitalization of the Secretariat"]),
        ("72/262 C", ["Special subjects relating to", "the budget"]),
    ]
    right = [("79/264", ["Promotion of durable peace", "in Africa"]), ("80/72", ["Peaceful settlement"])]
    rows, text = _rows(_mandates_pdf(tmp_path, left, right))
    assert rows == [["46/232", "Revitalization of the Secretariat"], ["72/262 C", "Special subjects relating to the budget"],
                    ["79/264", "Promotion of durable peace in Africa"], ["80/72", "Peaceful settlement"]]  # fmt: skip
    assert text[-2:] == ["General Assembly resolutions", "Security Council resolutions"]


def test_numbers_alone_in_two_halves_are_a_table_and_a_third_stop_is_not_this_layout(tmp_path: Path) -> None:
    rows, _ = _rows(_mandates_pdf(tmp_path, [("1325 (2000)", []), ("1645 (2005)", [])], [("2419 (2018)", [])]))
    assert rows == [["1325 (2000)", ""], ["1645 (2005)", ""], ["2419 (2018)", ""]]
    ragged = [("46/232", ["Revitalization"]), ("47/1", ["Other"]), ("47/2", ["More"])]
    content = _mandates_pdf(tmp_path, ragged, ragged).read_bytes().replace(b"134.0 670.0 Td", b"100.0 670.0 Td")
    rows, _ = _rows(write(tmp_path, "ragged.pdf", content))
    assert rows == []  # "Other" starts at neither the number's stop nor the title's: text, not this table


def _page_table(page: int, rows: list[str]) -> Line:
    region = Region("table", tuple((Cell((Span(t),)), Cell((Span("x"),))) for t in rows))
    return Line((), Source(page=page), region=region)


def test_a_table_over_three_pages_is_one_table() -> None:
    lines = [_page_table(1, ["a"]), _page_table(2, ["b"]), _page_table(3, ["c"]), Line((Span("1. After."),), Source(page=3))]
    joined, _ = join_continued(lines)
    assert len(joined) == 2 and joined[0].region is not None
    assert [row[0].text for row in joined[0].region.rows] == ["a", "b", "c"]


def test_halves_set_unalike_are_four_columns_of_another_table_not_a_list(tmp_path: Path) -> None:
    left = [("Chair:", ["Mr. B. Richard", "(Switzerland)"]), ("Vice-Chair:", ["Ms. D. Schwarz (Austria)"]), ("Chair:", ["Ms. A"])]
    right = [("71st session", ["E/2025/37"]), ("72nd session", ["E/2025/38"]), ("73rd session", ["E/2025/39"])]
    rows, _ = _rows(_mandates_pdf(tmp_path, left, right, offset=110))
    assert rows == []  # titles 74 pt right of the numbers on the left, 110 pt on the right


def test_a_title_carried_over_to_the_next_half_or_page_ends_the_title_above(tmp_path: Path) -> None:
    left = [("46/232", ["Revitalization of the Secretariat"]), ("72/262 C", ["Special subjects relating to"])]
    right = [("", ["the budget"]), ("80/72", ["Peaceful settlement"])]
    rows, _ = _rows(_mandates_pdf(tmp_path, left, right))
    assert rows == [["46/232", "Revitalization of the Secretariat"], ["72/262 C", "Special subjects relating to the budget"],
                    ["80/72", "Peaceful settlement"]]  # fmt: skip
    more = Line(
        (), Source(page=2), region=Region("table", ((Cell(()), Cell((Span("and more"),))), (Cell((Span("b"),)), Cell(()))))
    )
    joined, _ = join_continued([_page_table(1, ["a"]), more])
    assert joined[0].region is not None and [[c.text for c in row] for row in joined[0].region.rows] == [
        ["a", "x and more"],
        ["b", ""],
    ]
