"""Agendas: the list of items and the annotations are parts numbering their items on their own."""

from __future__ import annotations

import json
from typing import Any

from parser import parse, parse_bytes, to_json, to_xml
from parser.kinds import lines_to_kind
from parser.read.pdf_furniture import running_titles
from parser.read.source import raw_from_bytes
from parser.write.to_xml import AKN_NS
from parser.xmlsafe import parse_xml_bytes

from .conftest import FIXTURES

ANNOTATED = """United Nations
HRI/MC/2025/1
International Human Rights Instruments
Distr.: General
28 March 2025
Original: English

Thirty-seventh meeting of the Chairs
Item 3 of the provisional agenda
Adoption of the agenda and organization of work

Provisional agenda and annotations

Provisional agenda

1. Opening of the meeting.

2. Election of officers.

3. Any other business.

Annotations

1. **Opening of the meeting**

The meeting will be opened by the Chair.

2. **Election of officers**

The Chair and Vice-Chair will be elected at the opening of the meeting.

Rule 103 applies.

3. **Any other business**
"""

WORDED = """United Nations
DP/2025/L.2
Executive Board of the United Nations Development Programme
Distr.: General
1 April 2025
Original: English

Annual session 2025
Item 1 of the provisional agenda
Organizational matters

Provisional agenda, annotations, list of documents and workplan

Annotations and list of documents

**Item 1 Organizational matters**

Under this item, the Executive Board will adopt the agenda.

Documentation:

Report of the first regular session 2025 (DP/2025/8)

Decisions adopted at the first regular session 2025 (DP/2025/9)

**Joint segment**

**Item 2 Internal audit and investigation**

The Executive Board may wish to adopt a decision on this item.
"""

PLAIN = """United Nations
A/80/150
General Assembly
Distr.: General
11 July 2025
Original: English

Eightieth session

Provisional agenda of the eightieth regular session of the General Assembly

1. Opening of the session by the President of the General Assembly.

2. Credentials of representatives to the eightieth session:

(a) Appointment of the members of the Credentials Committee;

(b) Report of the Credentials Committee.

3. General debate.
"""


def _doc(text: str):  # type: ignore[no-untyped-def]
    return parse_bytes(text.encode("utf-8"), "t.md", language="en")


def _kind(text: str) -> str:
    return lines_to_kind(raw_from_bytes(text.encode("utf-8"), "t.txt").lines).name


def test_an_annotated_agenda_has_its_list_and_its_annotations_as_parts(akn_schema: Any, json_validator: Any) -> None:
    doc = _doc(ANNOTATED)
    assert doc.metadata.kind == "agenda"
    assert doc.metadata.title is not None and doc.metadata.title.text == "Provisional agenda and annotations"
    parts = [(n.type, n.id, n.heading) for n in doc.body]
    assert parts == [("part", "agenda", "Provisional agenda"), ("part", "annotations", "Annotations")]
    assert [(n.id, n.text) for n in doc.body[0].children] == [
        ("agenda__item_1", "Opening of the meeting."),
        ("agenda__item_2", "Election of officers."),
        ("agenda__item_3", "Any other business."),
    ]
    assert not doc.warnings  # each part numbers its items from 1: no duplicates
    data = json.loads(to_json(doc))
    assert not [e.message for e in json_validator.iter_errors(data)]
    assert [n["role"] for n in data["body"]] == ["agenda", "annotations"]
    tree = parse_xml_bytes(to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    ns = {"a": AKN_NS}
    assert tree.xpath("//a:doc/@name", namespaces=ns) == ["agenda"]
    assert tree.xpath("//a:mainBody/a:hcontainer/@name", namespaces=ns) == ["agenda", "annotations"]


def test_an_annotated_agenda_s_items_are_titled_with_their_annotations_under_them(akn_schema: Any) -> None:
    doc = parse(FIXTURES / "pdf" / "en" / "HRI_MC_2025_1.en.pdf")
    assert [(n.type, n.id) for n in doc.body] == [("part", "agenda"), ("part", "annotations")]
    assert [n.id for n in doc.body[0].children] == [f"agenda__item_{i}" for i in range(1, 14)]
    ninth = doc.get("annotations__item_9")
    assert ninth is not None and (ninth.heading or "").startswith("Consultations with States Parties") and ninth.text is None
    assert [c.id for c in ninth.children] == ["annotations__item_9__p_1", "annotations__item_9__p_2"]
    assert (ninth.children[0].text or "").startswith("In paragraph 39 of its resolution 68/268")
    assert not doc.warnings
    tree = parse_xml_bytes(to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    titled = tree.xpath("//a:paragraph[@eId='annotations__item_9']", namespaces={"a": AKN_NS})[0]
    assert (titled.findtext(f"{{{AKN_NS}}}heading") or "").startswith("Consultations with States Parties")


def test_items_headed_by_the_word_item_are_the_annotations_items() -> None:
    """An Executive Board's annotations: ``Item 7`` heads its page, under the running header, and is no running title
    though ``Item 10`` and ``Item 12`` head pages too; the last document under ``Documentation:`` is no heading."""
    doc = parse(FIXTURES / "pdf" / "en" / "DP_2025_L.2_p1-8.en.pdf")
    assert doc.metadata.kind == "agenda"
    annotations = doc.get("annotations")
    assert annotations.heading == "Annotations and list of documents"
    items = [n for n in annotations.children if n.type == "paragraph"]
    assert [n.id for n in items] == [f"annotations__item_{i}" for i in range(1, 16)]
    assert items[0].marker == "Item 1" and items[0].heading == "Organizational matters"
    assert (items[6].heading or "").startswith("Update on the assessment of how the Executive Board")
    headings = [n.heading for n in annotations.children if n.type == "heading"]
    assert headings == ["Joint segment", "UNDP segment", "UNFPA segment"]
    assert not doc.warnings
    assert not [d for d in doc.dropped if d.text.startswith("Item")]


def test_an_agenda_without_parts_numbers_its_items_at_the_top_level() -> None:
    doc = _doc(PLAIN)
    assert doc.metadata.kind == "agenda"
    assert [n.id for n in doc.body] == ["item_1", "item_2", "item_3"]
    assert [c.id for c in doc.body[1].children] == ["item_2__list_1__point_a", "item_2__list_1__point_b"]


def test_agenda_titles_in_the_six_languages_and_what_is_not_one() -> None:
    masthead = "United Nations\nX/1\nDistr.: General\n1 May 2025\n\n{}\n\n1. Opening of the session.\n"
    for title in ("Annotated provisional agenda", "Ordre du jour provisoire annoté", "Programa provisional",
                  "Предварительная повестка дня", "临时议程", "جدول الأعمال المؤقت"):  # fmt: skip
        assert _kind(masthead.format(title)) == "agenda", title
    for title in ("Item 3 of the provisional agenda", "Report of the Secretary-General",
                  "Provisional agenda for the next session . . . . . 25"):  # fmt: skip
        assert _kind(masthead.format(title)) == "report", title


def test_a_report_is_not_an_agenda() -> None:
    assert parse(FIXTURES / "text" / "zh" / "A_73_254.zh.md").metadata.kind == "report"


def test_running_titles_repeat_their_numbers_or_move_with_the_page() -> None:
    tops = [["A/80/1", "Item 7"], ["A/80/1", "Item 10"], ["A/80/1", "Item 12"], ["Page 5"], ["Page 6"]]
    running = running_titles(tops, 6)
    assert "A/#/#" in running  # the same numbers on every page
    assert "Item #" not in running  # headings that happen to open three pages
    assert running_titles([["Page 2"], ["Page 3"], ["Page 4"]], 4) == frozenset({"Page #"})
