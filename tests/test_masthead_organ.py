"""The organ in a masthead: set in large type beside ``Distr.`` on one baseline, and named by its place where the
vocabulary does not know it (an Executive Board, a meeting of States parties)."""

from __future__ import annotations

from parser.masthead import elements_to_metadata, masthead_role
from parser.model import Box, Element, Source
from parser.read.pdf_chars import Glyph, split_segments

from .conftest import FIXTURES, parsed

PDF = FIXTURES / "pdf" / "en"


def _glyphs(text: str, x0: float, size: float) -> list[Glyph]:
    """One glyph per character, each half an em wide, on the baseline at 90 pt."""
    out, x = [], x0
    for ch in text:
        w = 0.5 * size
        out.append(Glyph(ch, x, x + w, 90 - size, 90, 90, size, size, "Times", False, False, True, False, False, False))
        x += w
    return out


def _element(text: str, x0: float, top: float, x1: float, bottom: float) -> Element:
    return Element("masthead", text, (Source(page=1, bbox=Box(x0, top, x1, bottom)),))


def test_a_gap_between_two_types_is_measured_in_the_smaller_ones_em() -> None:
    organ = _glyphs("Council", 300, 20)  # ends at 370; a gap of 27 pt is 1.35 em at 20 pt, 2.7 em at 10 pt
    distr = _glyphs("Distr.:", 397, 10)
    assert [len(s) for s in split_segments(organ + distr)] == [7, 7]


def test_a_gap_in_one_type_is_measured_in_its_em() -> None:
    left = _glyphs("Council", 300, 20)
    right = _glyphs("Distr.:", 397, 16)  # 1.25 times smaller: one type, a gap of 1.35 em is no column gap
    assert len(split_segments(left + right)) == 1


def test_the_organ_in_large_type_beside_the_distribution_is_its_own_field() -> None:
    meta = parsed(PDF / "E_2025_L.13.en.pdf").metadata
    assert meta.organ is not None and meta.organ.text == "Economic and Social Council"
    assert meta.distribution is not None and meta.distribution.text == "Distr.: Limited"
    assert not [o for o in meta.other if "Distr" in o.text]


def test_an_organ_the_vocabulary_does_not_know_is_the_element_left_of_the_distribution() -> None:
    elements = (
        _element("United Nations", 123, 46, 206, 61),
        _element("DP/2025/12", 493, 53, 555, 73),
        _element("Executive Board of the United Nations Development Programme", 123, 87, 281, 140),
        _element("Distr.: General", 397, 93, 456, 103),
        _element("7 April 2025", 397, 105, 448, 115),
    )
    meta = elements_to_metadata(elements, ())
    assert meta.organ is not None and meta.organ.text.startswith("Executive Board")
    assert [o.text for o in meta.other] == ["United Nations", "DP/2025/12"]


def test_an_element_below_the_distribution_row_is_no_organ() -> None:
    elements = (
        _element("Distr.: General", 397, 93, 456, 103),
        _element("Annual session 2025", 60, 217, 152, 227),
        _element("2 to 5 June 2025, New York", 60, 230, 179, 240),
    )
    assert elements_to_metadata(elements, ()).organ is None


def test_an_executive_board_organ_in_a_real_masthead() -> None:
    meta = parsed(PDF / "DP_2025_L.2_p1-8.en.pdf").metadata
    assert meta.organ is not None and meta.organ.text.startswith("Executive Board of the United Nations")


def test_executive_board_sessions() -> None:
    for text in ("Annual session of 2025", "Annual session 2025", "First regular session 2025",
                 "Second regular session of 2024"):  # fmt: skip
        assert masthead_role(text) == "session", text


def test_a_special_or_ad_hoc_committee_is_a_subsidiary_body_never_a_title() -> None:
    for text in ("Special Committee on Peacekeeping Operations", "Ad Hoc Committee on the Indian Ocean",
                 "Специальный комитет по операциям по поддержанию мира"):  # fmt: skip
        assert masthead_role(text) == "body", text
    elements = (
        Element("masthead", "Distr.: Limited", (Source(page=1),), size=10.0),
        Element("masthead", "Special Committee on Peacekeeping Operations", (Source(page=1),), size=12.0, bold=True),
    )
    assert elements_to_metadata(elements, ()).title is None
