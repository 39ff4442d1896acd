"""Reports and every document with no kind of its own: the common rules alone."""

from __future__ import annotations

from ..model import Line
from .base import Kind


def recognise(first: tuple[Line, ...]) -> bool:
    return True


KIND = Kind("report", "doc", "report", recognise)
