"""What a document kind is: a name, its AKN document type and name, how it is recognised, its own rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Line, Metadata
from ..rules import Rule


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    """The kind's name (``report``, ``resolution`` …)."""
    akn_type: str
    """The AKN document type it is written as (``doc``, ``statement``, ``debate``)."""
    akn_name: str
    """The ``name`` of that AKN document (AKN4UN's usage where it has one)."""
    recognise: Callable[[tuple[Line, ...]], bool]
    """Whether the document's masthead and first lines show this kind."""
    rules: tuple[Rule, ...] = ()
    """Classification rules of this kind, tried after the numbering rules and before the masthead's."""
    name_of: Callable[[Metadata], str] | None = None
    """The AKN document name from the masthead, where the kind's documents take several (a resolution's, a
    decision's, a draft's); ``akn_name`` where it is ``None``."""
    unit: str = "para"
    """What its numbered paragraphs are called in their ids (``para_3``; an agenda's ``item_3``)."""
