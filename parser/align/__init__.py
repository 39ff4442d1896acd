"""Language versions of one document, aligned element by element through their official ids."""

from .units import Aligned, AlignedUnit, align_documents

__all__ = ["Aligned", "AlignedUnit", "align_documents"]
