"""What a text rendering lost (parser.read.text_losses): a year range's hyphen is put back, a call glued to a law's
number of a year is found, a list written column by column and a page's cut end are warned of."""

from __future__ import annotations

from parser import parse_bytes
from parser.model import Line, Node, Source, Span
from parser.read.text_losses import column_order_issues, restore_year_ranges

from .conftest import FIXTURES, parsed

RENDERINGS = FIXTURES / "renderings"
ZH_RAW = RENDERINGS / "zh" / "A_73_254.zh.pdftotext.txt"


def _lines(*texts: str, zone: str = "body") -> tuple[Line, ...]:
    return tuple(Line((Span(t),), Source(line=i + 1), zone=zone) for i, t in enumerate(texts))  # type: ignore[arg-type]


def test_a_year_range_whose_hyphen_the_tool_dropped_at_a_line_end_gets_it_back() -> None:
    joined = restore_year_ranges(_lines("孟加拉国统计局在 20162017 年季度劳动力调查中"))
    assert joined[0].text == "孟加拉国统计局在 2016-2017 年季度劳动力调查中"
    apart = restore_year_ranges(_lines("孟加拉国统计局在 2016", "2017 年季度劳动力调查中"))
    assert [line.text for line in apart] == ["孟加拉国统计局在 2016-", "2017 年季度劳动力调查中"]


def test_two_years_that_cannot_be_a_range_and_longer_numbers_stay_as_they_are() -> None:
    texts = ("in 20172016 and 201620178", "the years 1990 2045", "counted 2016", "2017. It", "since 2016", "1999")
    out = restore_year_ranges(_lines(*texts))
    assert [line.text for line in out[:2]] == list(texts[:2])
    assert out[2].text == "counted 2016"  # ``2017.`` opens a sentence of its own, no range
    assert out[4].text == "since 2016"  # 1999 comes before 2016


def test_a_range_restored_in_the_renderings_that_lost_it_reads_like_the_pdf() -> None:
    for tool in ("pdftotext.txt", "pymupdf4llm.md"):
        doc = parsed(RENDERINGS / "zh" / f"wordproc_report_zenhei_11pt_1.15_a4_just.zh.{tool}")
        para = doc.get("para_48")
        assert isinstance(para, Node) and "孟加拉国统计局在 2016-2017 年季度劳动力调查中" in (para.text or ""), tool


def test_a_call_glued_to_a_laws_number_of_a_year_is_the_next_notes_call() -> None:
    doc = parsed(RENDERINGS / "ru" / "A_HRC_WG.6_34_ITA_3.ru.pdftotext.txt", language="ru")
    para = doc.get("para_91")
    assert isinstance(para, Node) and (para.text or "").endswith("в соответствии с Законом № 46/2017.")
    assert [r.marker for r in para.footnote_refs] == ["164"]
    assert not [w for w in doc.warnings if w.code == "footnote-uncited"]


def test_a_list_written_column_by_column_is_warned_of_and_one_written_row_by_row_is_not() -> None:
    by_columns = _lines("ICTUR", "IHRC", "LFJL", "LMPT", "OSCE-ODIHR", "Joint submissions:", "JS1",
                        "International Centre for Trade Union Rights (United Kingdom", "The Islamic Human Rights",
                        zone="footnote")  # fmt: skip
    (issue,) = column_order_issues(by_columns)
    assert issue.code == "rendering-order" and "ICTUR … JS1" in issue.message and issue.line == 1
    by_rows = _lines("ICTUR", "International Centre for Trade Union Rights", "IHRC", "The Islamic Human Rights Commission",
                     "LFJL", "Lawyers for Justice in Libya", "LMPT", "La Manif")  # fmt: skip
    assert column_order_issues(by_rows) == ()
    doc = parsed(RENDERINGS / "en" / "A_HRC_WG.6_34_ITA_3.en.pdftotext.txt", language="en")
    assert [w.code for w in doc.warnings] == ["rendering-order"]


def test_a_page_whose_end_the_rendering_cut_is_warned_of() -> None:
    text = ZH_RAW.read_text("utf-8")
    cut = "\n".join(line for line in text.split("\n") if "便是例证。" not in line)  # page 6's last body line
    assert cut != text
    doc = parse_bytes(cut.encode(), "A_73_254.zh.pdftotext.txt")
    (issue,) = [w for w in doc.warnings if w.code == "rendering-cut"]
    assert issue.message.startswith("paragraph 33 stops mid-sentence") and "next page opens a new number" in issue.message
    assert not [w for w in parsed(ZH_RAW).warnings if w.code.startswith("rendering")]


def test_a_note_whose_text_the_rendering_lost_is_warned_of() -> None:
    lines = ZH_RAW.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("17 Danielle Hong"))
    doc = parse_bytes("\n".join(lines[:at] + lines[at + 2 :]).encode(), "A_73_254.zh.pdftotext.txt")
    codes = {w.code: w.message for w in doc.warnings}
    assert codes["footnote-unresolved"] == "footnote call 17 has no note in the document"
    assert codes["numbering-gap"] == "footnote 17 missing before footnote 18"
