"""Nothing lost, nothing doubled: every character of a fixture's content is in exactly one output element.

For text fixtures the oracle reads the file independently of the reader. For PDFs it is the reader's
lines plus the furniture it dropped; that the reader itself keeps every character pdfplumber sees is
tested in test_read_pdf.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .conftest import FIXTURES, PDF_FIXTURES, TEXT_FIXTURES, content_characters, line_characters, parsed, read
from .oracle import input_characters


def _assert_same(expected: Counter[str], got: Counter[str]) -> None:
    missing, doubled = expected - got, got - expected
    assert not missing and not doubled, f"missing {dict(missing.most_common(10))}, doubled {dict(doubled.most_common(10))}"


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.name)
def test_every_content_character_is_in_exactly_one_output_element(path: Path) -> None:
    _assert_same(input_characters(path), content_characters(parsed(path)))


@pytest.mark.parametrize("path", PDF_FIXTURES, ids=lambda p: p.name)
def test_every_pdf_character_read_is_in_exactly_one_output_element(path: Path) -> None:
    raw = read(path)
    expected = Counter(c for line in raw.lines for c in line_characters(line) if not c.isspace())
    expected += Counter(c for dropped in raw.dropped for c in dropped.text if not c.isspace())
    _assert_same(expected, content_characters(parsed(path)))


DOCX_FIXTURES = sorted((FIXTURES / "pairs").glob("*.docx"))


def _docx_characters(path: Path) -> Counter[str]:
    """The printed text of a Word file, read without the reader: every ``w:t`` of the body, the notes, the headers
    and footers, except hidden runs and the fallback copies of drawings (``w:delText``/``w:instrText`` are other tags)."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    counts: Counter[str] = Counter()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("word/") and name.count("/") == 1 and name.endswith(".xml")):
                continue
            if not name[5:].startswith(("document", "footnotes", "endnotes", "header", "footer")):
                continue
            for text in etree.fromstring(archive.read(name)).iter(w + "t"):
                ancestors = list(text.iterancestors())
                run = next((a for a in ancestors if a.tag == w + "r"), None)
                hidden = run is not None and run.find(f"{w}rPr/{w}vanish") is not None
                separator = any(a.get(w + "type") in ("separator", "continuationSeparator") for a in ancestors)
                if not hidden and not separator and not any(a.tag == fallback for a in ancestors):
                    counts.update(c for c in text.text or "" if not c.isspace())
    return counts


@pytest.mark.parametrize("path", DOCX_FIXTURES, ids=lambda p: p.name)
def test_every_character_of_a_word_file_is_in_exactly_one_output_element(path: Path) -> None:
    doc = parsed(path)
    got = content_characters(doc)
    for root in doc.body:  # what the reader adds: Word's automatic note marks, at the call and on the note
        for node in root.walk():
            got -= Counter(c for r in node.footnote_refs for c in r.marker)
            for row in node.table.rows if node.table else ():
                got -= Counter(c for cell in row for r in cell.footnote_refs for c in r.marker)
    got -= Counter(c for note in doc.footnotes for c in note.marker)
    _assert_same(_docx_characters(path), got)
