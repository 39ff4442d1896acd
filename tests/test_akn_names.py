"""The AKN document name of deliberative documents, as AKN4UN names them: a resolution's ``resolution``, a decision's
``decision``, a draft's ``resolutionDraft`` (``decisionDraft`` for a draft decision), whatever AKN document type the
body's shape gives (``statement`` with a preamble, else ``doc``)."""

from __future__ import annotations

from typing import Any

import pytest

from parser import parse_bytes
from parser.kinds import akn_name
from parser.model import MastheadText, Metadata
from parser.write.to_xml import AKN_NS, document_to_xml
from parser.xmlsafe import parse_xml_bytes

BODY = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
CASES = [
    ("S/RES/2786 (2025)", "Distr.: General", "Resolution 2786 (2025)\n\nAdopted by the Security Council at its 9957th "
     "meeting, on 14 July 2025", "resolution"),
    ("S/2025/68", "Distr.: Limited", "United Kingdom of Great Britain and Northern Ireland:\ndraft resolution",
     "resolutionDraft"),
    ("E/2025/L.26", "Distr.: Limited", "El Salvador* and Philippines:* draft resolution", "resolutionDraft"),
    ("E/2025/L.13", "Distr.: Limited", "Draft decision submitted by the Vice-President of the Council, Ms. A (B)",
     "decisionDraft"),
    ("A/HRC/DEC/59/101", "Distr.: General", "Decision adopted by the Human Rights Council on 8 July 2025\n\n"
     "59/101. Outcome of the universal periodic review: Italy", "decision"),
]  # fmt: skip


@pytest.mark.parametrize(("symbol", "distr", "title", "name"), CASES)
def test_a_deliberative_document_takes_the_akn4un_name_of_its_kind(
    symbol: str, distr: str, title: str, name: str, akn_schema: Any
) -> None:
    text = f"United Nations\n{symbol}\nSecurity Council\n{distr}\n14 July 2025\n\n{title}\n\n{BODY}"
    doc = parse_bytes(text.encode("utf-8"), "t.txt")
    assert doc.metadata.kind == "resolution"
    tree = parse_xml_bytes(document_to_xml(doc))
    assert akn_schema.validate(tree), str(akn_schema.error_log)[:500]
    assert tree[0].tag == f"{{{AKN_NS}}}statement" and tree[0].get("name") == name


def test_a_limited_document_of_the_kind_is_a_draft_though_its_title_does_not_say_so() -> None:
    meta = Metadata(symbols=("A/AC.109/2025/L.25",), kind="resolution", title=MastheadText("Question of Tokelau"))
    assert akn_name(meta) == "resolutionDraft"


def test_a_resolution_whose_title_names_a_decision_is_still_a_resolution() -> None:
    meta = Metadata(symbols=("A/RES/80/5",), kind="resolution", title=MastheadText("80/5. Follow-up to decision 79/555"))
    assert akn_name(meta) == "resolution"


def test_other_kinds_keep_their_names() -> None:
    assert akn_name(Metadata(kind="letter")) == "letter"
    assert akn_name(Metadata(kind="report", title=MastheadText("Draft resolution"))) == "report"
    assert akn_name(Metadata(kind="nothing-known")) == "report"
