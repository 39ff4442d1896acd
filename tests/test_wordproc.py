"""PDFs printed by a word processor (tools/render/render_wordproc.py: docx → LibreOffice) parse like their markdown.

The committed fixtures (fixtures/pdf/{zh,ar}/wordproc_*.pdf) are checked without LibreOffice; a few more layouts of
the sweep are rendered once per session into a cache folder and checked where LibreOffice is installed (``.ci/run``
installs it); the whole sweep is bench/bench_wordproc.py. Each PDF must give the same ids, texts, notes (and who
cites them), front-matter and masthead fields as its source, and no warning the source does not give, except the
text-layer warning where the PDF's own text layer is wrong, which must then name the page and the glyph.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from parser import parse
from parser.write.to_json import document_to_dict

from .conftest import ROOT, parsed

sys.path.insert(0, str(ROOT / "tools" / "render"))
import render_wordproc as wp
import wordproc_check as check

OTHERS: dict[str, str] = {}
"""Committed fixtures that defects owned by other issues still break (the reader's part of them parses right)."""
TEXT_LAYER_WRONG = {"wordproc_indic_kacstone_13pt_1_a4_just.ar"}
"""Layouts whose PDF text layer maps kashida glyphs to a Latin letter: the warning is deserved."""
WHITESPACE_EXACT = {"wordproc_tight_notosans_10pt_1_a4_noauto.zh", "wordproc_report_naskh_11pt_1.15_a4_rag.ar"}
"""Layouts whose text must match whitespace too (no automatic CJK–Latin spacing in the first)."""
SWEEP_SAMPLE = ("wordproc_tight_notosans_10pt_1_a4_auto.zh", "wordproc_report_notosans_11pt_1_a4_rag.ar")
"""Layouts rendered here when LibreOffice is there (the committed ones are not rendered again)."""


def _case(stem: str) -> wp.Case:
    lang = stem.rsplit(".", 1)[1]
    return next(c for c in wp.sweep(lang) if c.stem == stem)


def _source(case: wp.Case, folder: Path) -> Path:
    """The case's markdown as a file: the committed one, or written into ``folder`` from the report."""
    language = wp.LANGUAGES[case.lang]
    path = language.markdown_path(case.source)
    if not path.exists():
        path = folder / f"{case.source}.{case.lang}.md"
        path.write_text(language.markdown(case.source), encoding="utf-8")
    return path


def _masthead(case: wp.Case) -> dict[str, Any]:
    t = wp.LANGUAGES[case.lang].tongue
    return {"symbol": t.symbol, "organ": t.organ, "distribution": t.distribution, "date": "2018-07-16",
            "original_language": t.original, "other": {t.authority, t.symbol, t.language}}  # fmt: skip


def _differences(stem: str, pdf: Path, folder: Path) -> dict[str, str]:
    case = _case(stem)
    source = document_to_dict(parse(_source(case, folder), symbol="A/73/254"))
    got = document_to_dict(parsed(pdf))
    allow = frozenset({check.TEXT_LAYER}) if stem in TEXT_LAYER_WRONG else frozenset()
    return check.differences(source, got, _masthead(case), whitespace=stem in WHITESPACE_EXACT, allow=allow)


def _committed(stem: str) -> Path:
    return wp.LANGUAGES[stem.rsplit(".", 1)[1]].out_dir / f"{stem}.pdf"


COMMITTED = [stem for lang in ("zh", "ar") for stem in wp.FIXTURES[lang]]


@pytest.mark.parametrize(
    "stem", [pytest.param(s, marks=pytest.mark.xfail(reason=OTHERS[s], strict=False)) if s in OTHERS else s for s in COMMITTED]
)
def test_committed_word_processor_pdf_parses_like_its_source(stem: str, tmp_path: Path) -> None:
    assert _differences(stem, _committed(stem), tmp_path) == {}


def test_the_committed_variant_sources_are_what_the_generator_writes() -> None:
    used = {(_case(stem).lang, _case(stem).source) for stem in COMMITTED} - {("zh", "report"), ("ar", "report")}
    assert used
    for lang, source in used:
        language = wp.LANGUAGES[lang]
        assert language.markdown_path(source).read_text(encoding="utf-8") == language.generated(source)


def test_a_wrongly_mapped_kashida_is_warned_of_with_its_page_and_glyph() -> None:
    doc = parsed(_committed("wordproc_indic_kacstone_13pt_1_a4_just.ar"))
    warnings = [w for w in doc.warnings if w.code == check.TEXT_LAYER]
    assert warnings and all(w.page and w.message.startswith(f"page {w.page}: ") and "(U+" in w.message for w in warnings)
    assert any("'C' (U+0043)" in w.message for w in warnings)
    kinds = {d.kind for d in doc.dropped}
    between_letters = re.compile(r"[\u0620-\u064a]C|C[\u0620-\u064a]")
    assert "text_layer" in kinds and not any(between_letters.search(n.text or "") for n in doc.nodes())


def test_replacement_text_of_marked_content_is_read_not_the_glyph_map() -> None:
    """LibreOffice draws an Arabic-Indic digit with its ASCII digit's glyph and says ``/ActualText`` around it; Amiri's
    lam drawn as a lam and a kashida glyph mapped to a dash is one span reading ``ل``: no warning is deserved."""
    indic = parsed(_committed("wordproc_indic_kacstone_13pt_1_a4_just.ar"))
    texts = " ".join(n.text or "" for n in indic.nodes())
    assert "٥٢/١٧" in texts and "٢٠١٨" in texts and "٥2" not in texts
    amiri = parsed(_committed("wordproc_report_amiri_12pt_1_a4_just.ar"))
    assert not [w for w in amiri.warnings if w.code == check.TEXT_LAYER]
    assert not any("–" in (n.text or "") for n in amiri.nodes())


def test_word_processor_furniture_is_dropped_not_read_as_text() -> None:
    for stem in COMMITTED:
        doc = parsed(_committed(stem))
        kinds = {d.kind for d in doc.dropped}
        assert {"header", "job_number", "page_number", "barcode", "recycling"} <= kinds, stem
        texts = [n.text or "" for n in doc.footnotes] + [n.text or "" for n in doc.nodes()]
        assert not [t for t in texts if "18-12345" in t or "1812345" in t], stem


@pytest.fixture(scope="session")
def sweep_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if wp.soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui and the fonts; .ci/run does)")
    folder = tmp_path_factory.mktemp("wordproc")
    return wp.render([_case(s) for s in SWEEP_SAMPLE], folder)


@pytest.mark.parametrize("stem", SWEEP_SAMPLE)
def test_a_freshly_rendered_sweep_layout_parses_like_its_source(stem: str, sweep_sample: dict[str, Path]) -> None:
    pdf = sweep_sample[stem]
    assert _differences(stem, pdf, pdf.parent) == {}
