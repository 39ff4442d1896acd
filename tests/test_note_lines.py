"""Note lines split into notes: a wrapped line that opens with a number or a date carries on its note."""

from __future__ import annotations

from parser.assemble import blocks_to_elements
from parser.classify import lines_to_blocks
from parser.model import Line, Source, Span, Zone


def _body(text: str, *calls: str) -> Line:
    spans = (Span(text), *(Span(c, sup=True) for c in calls))
    return Line(spans, Source(line=1), zone="body", typeset=True)


def _note(text: str, indent: float, sup: str = "", *, page_start: bool = False) -> Line:
    spans = ((Span(sup, sup=True),) if sup else ()) + (Span(text),)
    zone: Zone = "footnote"
    return Line(spans, Source(line=1), zone=zone, typeset=True, indent=indent, page_start=page_start)


def _notes(lines: list[Line]) -> list[tuple[str, str]]:
    blocks = lines_to_blocks(tuple(lines), "en")
    return [(b.marker.num if b.marker else "", b.text) for b in blocks if b.kind == "footnote"]


BODY = [_body("1. The Committee met twice.", "16"), _body("2. It adopted its report.", "17")]


def test_a_wrapped_note_line_opening_with_a_date_carries_on_the_note() -> None:
    lines = [*BODY, _note(" See the letter dated", -1.3, "16"), _note("17 March 2022, and the reply.", 0.0),
             _note(" Resolution 44/25 of", -1.3, "17"), _note("20 November 1989.", 0.0)]  # fmt: skip
    assert _notes(lines) == [("16", "See the letter dated\n17 March 2022, and the reply."),
                             ("17", "Resolution 44/25 of\n20 November 1989.")]  # fmt: skip


def test_a_plain_number_where_note_numbers_stand_is_a_note_when_it_is_the_next_or_a_called_one() -> None:
    lines = [*BODY, _note("16 See the letter.", -1.3), _note("17 Resolution 44/25.", -1.3)]
    assert [n for n, _ in _notes(lines)] == ["16", "17"]


def test_without_typography_a_number_out_of_sequence_and_never_called_carries_on_the_note() -> None:
    body = [Line((Span("1. The Committee met."), Span("3", sup=True)), Source(line=1))]
    plain = [Line((Span(t),), Source(line=i), zone="footnote") for i, t in enumerate(
        ["3 See the report of the Committee on", "2 November 1989, para. 4.", "4 Ibid."], 2)]  # fmt: skip
    assert [n for n, _ in _notes([*body, *plain])] == ["3", "4"]


def test_on_a_new_page_a_number_that_cannot_be_the_next_note_resumes_the_note_of_the_page_before() -> None:
    lines = [*BODY, _note(" Vol. 13", -1.3, "16"), _note("13 (September 2015).", 0.0, page_start=True)]
    blocks = [b for b in lines_to_blocks(tuple(lines), "en") if b.kind == "footnote"]
    assert [(b.marker is None, b.continues) for b in blocks] == [(False, False), (True, True)]


def test_a_raised_letter_opens_a_lettered_note_that_only_calls_before_it_reach() -> None:
    summary = Line((Span("The data are in the annex."), Span("a", sup=True)), Source(line=1), zone="body", typeset=True)
    note = Line((Span("a", sup=True), Span(" Available at www.un.org.")), Source(line=2), zone="footnote", typeset=True)
    later = Line((Span("Partially estimated."), Span("a", sup=True)), Source(line=3), zone="body", typeset=True)
    blocks = lines_to_blocks((summary, note, later), "en")
    assert [(b.kind, b.marker.num if b.marker else "") for b in blocks][1] == ("footnote", "a")
    assembled = blocks_to_elements(blocks)
    assert [(n.id, n.text) for n in assembled.notes] == [("fn_a", "Available at www.un.org.")]
    assert [[r.note for r in e.refs] for e in assembled.elements] == [["fn_a"], []]
    assert assembled.elements[1].text == "Partially estimated.a"


def test_a_raised_2_or_3_after_a_figure_and_a_unit_of_length_is_its_power_not_a_call() -> None:
    """A/80/590 para. 28: ``collecting 2,050 m³ of general waste`` where the document has a note 3: the raised 3
    squares no call; a raised 3 after a word is the call."""
    spans = (Span("1. It collected 2,050 m"), Span("3", sup=True), Span(" of waste and cleared 2 million m"),
             Span("2", sup=True), Span(" of land."), Span("3", sup=True))  # fmt: skip
    body = Line(spans, Source(line=1), zone="body", typeset=True)
    note = Line((Span("3", sup=True), Span(" See the report.")), Source(line=2), zone="footnote", typeset=True)
    paragraph = blocks_to_elements(lines_to_blocks((body, note), "en")).elements[0]
    assert paragraph.text == "It collected 2,050 m3 of waste and cleared 2 million m2 of land."
    assert [ref.note for ref in paragraph.refs] == ["fn_3"]
