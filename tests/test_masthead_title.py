"""The masthead's title told by its type: the largest bold line of page 1's masthead, the document-type line where it
is that line (a supplement's cover), never the name over the emblem nor an ``Addendum`` line; and the masthead lines
around it (a line opening in lower case, an emblem, a line in another type)."""

from __future__ import annotations

from parser.classify import lines_to_blocks
from parser.masthead import elements_to_metadata, masthead_role
from parser.model import Element, Line, Region, Source, Span


def _el(text: str, size: float = 10.0, *, bold: bool = False, role: str = "", page: int = 1) -> Element:
    return Element("masthead", text, (Source(page=page),), role=role, size=size, bold=bold, emphasized=bold)


HEAD = (_el("United Nations", 14.0), _el("E/CN.5/2025/NGO/12", 20.0), _el("Economic and Social Council", 20.0, bold=True),
        _el("Distr.: General", 10.1), _el("7 November 2024", 10.1))  # fmt: skip


def test_a_statement_s_title_is_the_bold_line_in_larger_type_not_the_bold_agenda_title_above_it() -> None:
    elements = (*HEAD, _el("Commission for Social Development", 12.0, bold=True), _el("Sixty-third session", bold=True),
                _el("Follow-up to the World Summit for Social Development", 10.1, bold=True),
                _el("Statement submitted by a non-governmental organization", 12.0, bold=True),
                _el("The Secretary-General has received the following statement.", 10.1))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Statement submitted by a non-governmental organization"
    assert "Follow-up to the World Summit for Social Development" in [o.text for o in meta.other]


def test_a_title_found_after_the_agenda_title_gives_way_to_a_bold_line_in_much_larger_type() -> None:
    elements = (*HEAD, _el("Agenda item 7 (a)"), _el("Operational activities", bold=True), _el("2025 session", bold=True),
                _el("25 July 2024–30 July 2025"), _el("Implementation of resolution 79/226", 14.0, bold=True),
                _el("Report of the Secretary-General", 12.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Implementation of resolution 79/226"
    assert meta.subtitle is not None and meta.subtitle.text == "Report of the Secretary-General"
    assert meta.session_dates is not None and meta.session_dates.text == "25 July 2024–30 July 2025"  # kept, in its field


def test_a_line_in_large_type_above_the_title_found_by_position_never_replaces_it() -> None:
    elements = (_el("fUNITED", 24.0, bold=True), _el("General Assembly", 20.0, bold=True), _el("Distr.: General"),
                _el("Agenda item 96"), _el("Question of East Timor", bold=True),
                _el("Progress report of the Secretary-General", 10.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Progress report of the Secretary-General"


def test_under_an_executive_board_s_item_line_the_line_in_the_title_s_type_is_the_title() -> None:
    elements = (*HEAD, _el("For information", bold=True), _el("United Nations Children’s Fund", 12.0, bold=True),
                _el("Executive Board"), _el("Annual session 2025", bold=True), _el("Item 6 of the provisional agenda*"),
                _el("Annual report on the implementation of the UNICEF Gender Action Plan", 14.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text.startswith("Annual report on the implementation")
    assert meta.agenda_title is None


def test_the_titles_of_plural_agenda_items_set_in_one_type_are_all_agenda_titles_never_the_title() -> None:
    elements = (*HEAD, _el("Agenda items 89 and 12"),
                _el("Implementation of the Declaration on the Granting of Independence", 14.0, bold=True),
                _el("Report of the Economic and Social Council", 14.0, bold=True),
                _el("Report of the Special Political and Decolonization Committee", 12.0, bold=True),
                _el("Rapporteur: Mr. A (B)"))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.agenda_title is not None and meta.agenda_title.text.startswith("Implementation of the Declaration")
    assert meta.title is not None and meta.title.text == "Report of the Special Political and Decolonization Committee"
    assert "Report of the Economic and Social Council" in [o.text for o in meta.other]


def test_after_the_titles_of_plural_agenda_items_the_next_line_is_the_title() -> None:
    elements = (*HEAD, _el("Agenda items 138 and 139"), _el("Proposed programme budget for 2027", bold=True),
                _el("Programme planning", bold=True), _el("Proposed programme budget for 2027", 17.0, bold=True),
                _el("Part IV International cooperation for development", 14.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Proposed programme budget for 2027"
    assert "Programme planning" in [o.text for o in meta.other]


def test_a_title_found_by_position_in_the_largest_type_stays() -> None:
    elements = (*HEAD, _el("Agenda item 7"), _el("Human rights questions", bold=True),
                _el("Human rights and climate change", 14.0, bold=True),
                _el("Note by the Secretary-General", 12.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Human rights and climate change"
    assert meta.subtitle is not None and meta.subtitle.text == "Note by the Secretary-General"


def test_on_a_supplement_s_cover_the_document_type_line_in_the_largest_type_is_the_title() -> None:
    elements = (_el("E/2025/27", 10.0), _el("United Nations", 20.0, bold=True),
                _el("Report of the Commission on the Status of Women", 28.5, bold=True),
                _el("(27 March 2024 and 10–21 March 2025)", 20.0, bold=True), _el("Economic and Social Council", 20.0, bold=True),
                _el("Official Records, 2025 Supplement No. 7", 14.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Report of the Commission on the Status of Women"
    assert meta.subtitle is None


def test_a_bold_line_under_a_title_found_by_type_and_smaller_is_its_document_type() -> None:
    elements = (_el("United Nations", 14.0), _el("S/2025/320", 20.0), _el("Security Council", 20.0, bold=True),
                _el("Distr.: General"), _el("Implementation of paragraph 4 of resolution 2107 (2013)", 14.0, bold=True),
                _el("Forty-second report of the Secretary-General", 12.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text.startswith("Implementation of paragraph 4")
    assert meta.subtitle is not None and meta.subtitle.text == "Forty-second report of the Secretary-General"


def test_the_name_over_the_emblem_an_addendum_line_and_a_line_in_the_masthead_s_own_type_are_never_the_title() -> None:
    elements = (_el("United Nations", 24.0, bold=True), _el("A/1/1/Add.1", 20.0), _el("General Assembly", 20.0, bold=True),
                _el("Distr.: General"), _el("Addendum", 14.0, bold=True),
                _el("New York, 3–5 May 2025", 10.0, bold=True))  # fmt: skip
    assert elements_to_metadata(elements, ()).title is None


def test_on_a_cover_with_no_distribution_line_the_reporting_body_set_alone_largest_is_the_title() -> None:
    elements = (_el("E/2025/31", 10.0), _el("United Nations", 20.0, bold=True),
                _el("Commission on Science and Technology for Development", 28.6, bold=True, role="body"),
                _el("Report on the twenty-eighth session", 20.0, bold=True), _el("(7–11 April 2025)", 20.0, bold=True),
                _el("Economic and Social Council", 20.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "Commission on Science and Technology for Development"


def test_a_line_wholly_in_brackets_is_never_the_title() -> None:
    elements = (_el("E/2025/45/Add.1", 10.0), _el("(New York, 24–27 March 2025)", 20.0, bold=True),
                _el("Economic and Social Council", 20.0, bold=True))  # fmt: skip
    assert elements_to_metadata(elements, ()).title is None


def test_a_one_word_list_heading_under_a_title_found_by_type_is_no_document_type() -> None:
    elements = (*HEAD, _el("LIST OF PARTICIPANTS", 14.0, bold=True), _el("CHAIRPERSON", 12.0, bold=True))
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "LIST OF PARTICIPANTS"
    assert meta.subtitle is None


def test_over_a_scanned_page_the_ocr_s_type_sizes_tell_no_title() -> None:
    elements = (*HEAD, _el("CONSEIL ECONOMIC", 24.0, bold=True))
    assert elements_to_metadata(elements, ()).title is not None
    assert elements_to_metadata(elements, (), by_type=False).title is None


def test_without_typography_no_title_is_told_by_type() -> None:
    elements = (_el("A/1/1", 0.0), _el("Distr.: General", 0.0), _el("Draft programme of work", 0.0))
    assert elements_to_metadata(elements, ()).title is None


def test_a_line_on_page_two_is_never_the_title() -> None:
    elements = (*HEAD, _el("Statement by an organization", 14.0, bold=True, page=2))
    assert elements_to_metadata(elements, ()).title is None


def test_a_resolution_s_numbered_title_is_never_replaced() -> None:
    elements = (_el("A/RES/80/5", 20.0), _el("Distr.: General"), _el("Resolution adopted by the General Assembly", bold=True),
                _el("80/5. Doha Political Declaration", 12.0, bold=True, role="resolution_title"),
                _el("Annex heading set large", 16.0, bold=True))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.title is not None and meta.title.text == "80/5. Doha Political Declaration"


def test_a_line_opening_in_lower_case_announces_no_masthead_role() -> None:
    assert masthead_role("Seventy-seventh executive session") == "session"
    assert masthead_role("seventy-seventh executive session") == ""
    assert masthead_role("report of the Special Rapporteur on the right to food") == ""
    assert masthead_role("Report of the Special Rapporteur on the right to food") == "doc_type"


def _line(text: str, n: int, size: float = 10.0, *, bold: bool = False, **extra: object) -> Line:
    return Line((Span(text, bold=bold, size=size),), Source(line=n, page=1), typeset=True, exact_breaks=True, size=size,
                bold=bold, **extra)  # type: ignore[arg-type]  # fmt: skip


def _masthead(blocks: tuple[object, ...]) -> list[str]:
    return [b.plain_text for b in blocks if b.kind == "masthead"]  # type: ignore[attr-defined]


def test_a_document_type_line_wrapped_onto_a_line_in_lower_case_is_one_line() -> None:
    lines = (_line("A/80/15 (Part II)", 0, 20.0), _line("Distr.: General", 1, blank_before=True),
             _line("Eightieth session", 2, bold=True, blank_before=True),
             _line("Report of the Trade and Development Board on its", 3, 14.0, bold=True, blank_before=True),
             _line("seventy-seventh executive session", 4, 14.0, bold=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en"))[-1] == (
        "Report of the Trade and Development Board on its\nseventy-seventh executive session"
    )


def test_an_emblem_over_a_cover_s_masthead_does_not_end_the_masthead() -> None:
    lines = (_line("A/80/55", 0), Line((), Source(line=1, page=1), blank_before=True, region=Region("figure")),
             _line("United Nations", 2, 20.0, bold=True, blank_before=True),
             _line("Report of the Committee on the Rights of Persons with Disabilities", 3, 28.6, bold=True,
                   blank_before=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en"))[1:] == [
        "United Nations", "Report of the Committee on the Rights of Persons with Disabilities"
    ]  # fmt: skip


def test_a_picture_opening_page_one_before_any_masthead_line_is_no_emblem_inside_a_masthead() -> None:
    lines = (Line((), Source(line=0, page=1), region=Region("figure")),
             _line("Meeting report", 1, 20.0, bold=True, blank_before=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en")) == []


def test_a_picture_under_a_brochure_s_first_line_that_names_no_masthead_role_ends_the_masthead() -> None:
    lines = (_line("UNITED NATIONS CONFERENCE ON TRADE AND DEVELOPMENT", 0, 9.0),
             Line((), Source(line=1, page=1), blank_before=True, region=Region("figure")),
             _line("OVERVIEW", 2, 20.0, blank_before=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en")) == ["UNITED NATIONS CONFERENCE ON TRADE AND DEVELOPMENT"]


def test_a_figure_with_text_of_its_own_still_ends_the_masthead() -> None:
    chart = Region("figure", labels=((Span("2024"),), (Span("2025"),)))
    lines = (_line("A/80/55", 0), Line((), Source(line=1, page=1), blank_before=True, region=chart),
             _line("United Nations", 2, 20.0, bold=True, blank_before=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en")) == ["A/80/55"]


def test_a_role_line_in_another_type_under_a_title_opens_its_own_masthead_line() -> None:
    lines = (_line("A/80/56", 0), _line("Report of the Committee on", 1, 28.6, bold=True, blank_before=True),
             _line("Enforced Disappearances", 2, 28.6, bold=True, runs_on=True),
             _line("Twenty-seventh session", 3, 20.0, bold=True, runs_on=True))  # fmt: skip
    assert _masthead(lines_to_blocks(lines, "en"))[1:] == [
        "Report of the Committee on\nEnforced Disappearances", "Twenty-seventh session"
    ]  # fmt: skip


def test_a_formula_with_its_article_and_no_comma_under_a_draft_decision_s_title_starts_the_body() -> None:
    lines = (_line("E/ICEF/2025/L.9", 0, 20.0), _line("Distr.: Limited", 1, blank_before=True),
             _line("Agenda item 5", 2, blank_before=True),
             _line("Draft decision submitted to the Executive Board", 3, bold=True, blank_before=True),
             _line("Annual report on UNICEF humanitarian action", 4, 12.0, bold=True, blank_before=True),
             _line("The Executive Board", 5, blank_before=True),
             _line("Takes note of the annual report on UNICEF humanitarian action.", 6, blank_before=True))  # fmt: skip
    blocks = lines_to_blocks(lines, "en")
    assert [b.plain_text for b in blocks if b.kind != "masthead"] == [
        "The Executive Board", "Takes note of the annual report on UNICEF humanitarian action."
    ]  # fmt: skip


def test_an_organ_s_bare_name_in_the_masthead_does_not_end_it() -> None:
    lines = (_line("A/RES/80/5", 0, 20.0), _line("Генеральная Ассамблея", 1, 20.0, bold=True, blank_before=True),
             _line("Distr.: General", 2, blank_before=True))  # fmt: skip
    assert all(b.kind == "masthead" for b in lines_to_blocks(lines, "ru"))


def test_a_session_s_place_and_dates_are_its_own_field_not_other_lines() -> None:
    printed = ("Geneva, 2–5 June 2025", "2 to 5 June 2025, New York", "New York, 19–23, 28 and 29 May and 5 June 2025",
               "Durban, 28 November to 3 December 2011", "27 March 2024 and 10–21 March 2025", "4–7 February 2025",
               "To convene at United Nations Headquarters, New York, on Tuesday, 9 September 2025, at 3 p.m.")  # fmt: skip
    for text in printed:
        assert masthead_role(text) == "session_dates", text
    for text in (
        "6 June 1995",
        "Friday, 14 March",
        "Tuesday, 3 June 2025",
        "Official Records, 2025",
        "(2 to 5 June 2025, New York)",
    ):
        assert masthead_role(text) != "session_dates", text
    elements = (*HEAD, _el("Conference of the Parties"), _el("Third session"), _el("Geneva, 2–5 June 2025"),
                _el("Item 5 of the provisional agenda"), _el("Review of the work programme"))  # fmt: skip
    meta = elements_to_metadata(elements, ())
    assert meta.session_dates is not None and meta.session_dates.text == "Geneva, 2–5 June 2025"
    assert "Geneva, 2–5 June 2025" not in [o.text for o in meta.other]
