"""Ids: language-neutral, from the official numbering; unnumbered units anchored to the number before them."""

from __future__ import annotations

from parser import parse_bytes


def _ids(text: str) -> list[str]:
    doc = parse_bytes(text.encode("utf-8"), "t.md", symbol="A/1/1", language="en")
    return [n.id for n in doc.nodes()]


def test_unnumbered_units_are_anchored_to_the_number_before_them() -> None:
    ids = _ids("# I. Intro\n\nOpening words.\n\n1. First.\n\n**A heading**\n\n2. Second.\n\nClosing words.\n")
    assert ids == ["chp_1", "chp_1__p_1", "para_1", "para_1__hdg_1", "para_2", "para_2__p_1"]


def test_an_unnumbered_unit_added_earlier_does_not_shift_later_ids() -> None:
    before = _ids("# I. Intro\n\n1. First.\n\n**A heading**\n\n2. Second.\n\nClosing words.\n")
    after = _ids(
        "# I. Intro\n\nA new opening.\n\n1. First.\n\nAn inserted remark.\n\n**A heading**\n\n2. Second.\n\nClosing words.\n"
    )
    assert {"para_1__hdg_1", "para_2__p_1"} <= set(before) & set(after)
    assert "para_1__p_1" in after and "chp_1__p_1" in after


def test_unnumbered_text_inside_a_paragraph_is_counted_with_it() -> None:
    ids = _ids("# I. Intro\n\n1. We decide to:\n\nAct now;\n\nAct later.\n\nA remark.\n\n2. Next.\n")
    assert ids == ["chp_1", "para_1", "para_1__p_1", "para_1__p_2", "para_1__p_3", "para_2"]
