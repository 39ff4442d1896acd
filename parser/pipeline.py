"""The pipeline: one ordered list of named stages from input bytes to a ``Document``.

Each stage takes the frozen ``Work`` record and returns a new one with its
product added. ``parse`` runs them all; ``STAGES`` is the list to read to
know what happens in which order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .annotate import annotate_tree
from .assemble import blocks_to_elements
from .calls import mark_bare_calls
from .checks import check_numbering
from .classify import lines_to_blocks
from .errors import NotAUNDocument
from .furniture import text_lines_to_body
from .kinds import Kind, lines_to_kind
from .kinds.letter import ends_main_part
from .kinds.report import KIND as REPORT
from .language import main_part_language
from .masthead import body_star_calls, elements_to_metadata
from .masthead_symbols import footer_symbol, labelled_symbol, ocr_symbol
from .model import Block, Document, Dropped, Element, Footnote, Issue, Line, Metadata, Node
from .read.pdf_ocr import SCAN_IMAGE, ocr_issues
from .read.pdf_source import DEFAULT_READER
from .read.pdf_textlayer import text_layer_issues
from .read.source import RawInput, raw_from_bytes, read_input
from .read.text_losses import column_order_issues, cut_page_issues, restore_year_ranges
from .read.text_notes import text_notes
from .read.text_pages import (
    calls_at_line_ends,
    join_broken_symbols,
    join_lone_markers,
    masthead_blocks,
    page_turns,
    spaced_lines,
    unnumbered_headings,
)
from .regions import gather_regions
from .sublists import split_inline_lists
from .toc import lines_to_toc
from .tree import elements_to_tree


@dataclass(frozen=True, slots=True)
class Options:
    language: str | None = None
    symbol: str | None = None
    tokens: bool = False
    reader: str = DEFAULT_READER
    """The PDF character source (``read.pdf_source.READERS``)."""


@dataclass(frozen=True, slots=True)
class Work:
    """Everything the stages have produced so far."""

    raw: RawInput
    options: Options
    lines: tuple[Line, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    language: str = ""
    kind: Kind = REPORT
    blocks: tuple[Block, ...] = ()
    elements: tuple[Element, ...] = ()
    notes: tuple[Footnote, ...] = ()
    metadata: Metadata = Metadata()  # noqa: RUF009 - frozen, so one shared empty instance is safe
    body: tuple[Node, ...] = ()
    issues: tuple[Issue, ...] = ()


def stage_furniture(work: Work) -> Work:
    if work.raw.info.format == "pdf":  # the reader took furniture out; glyphs its text layer maps wrongly are warned of
        return replace(work, issues=work.issues + text_layer_issues(work.dropped) + ocr_issues(work.dropped))
    if work.raw.info.format == "docx":  # Word keeps headers and footers apart: the reader recorded them
        return work
    body = text_lines_to_body(work.lines)
    lines = restore_year_ranges(join_lone_markers(join_broken_symbols(body.lines)))
    lines = calls_at_line_ends(page_turns(spaced_lines(text_notes(lines))))
    if work.raw.info.rendering != "markdown":  # markdown marks its headings and blocks; a plain rendering lost them
        lines = masthead_blocks(unnumbered_headings(lines))
    else:
        lines = masthead_blocks(lines, markdown=True)
    issues = work.issues + column_order_issues(lines)
    return replace(work, lines=lines, dropped=work.dropped + body.dropped, issues=issues)


def stage_language(work: Work) -> Work:
    if work.options.language:
        return replace(work, language=work.options.language)
    return replace(work, language=main_part_language([line.text for line in work.lines], ends_main_part))


def stage_toc(work: Work) -> Work:
    lines, leaders = lines_to_toc(work.lines, work.language)
    return replace(work, lines=lines, dropped=work.dropped + leaders)


def stage_kind(work: Work) -> Work:
    return replace(work, kind=lines_to_kind(work.lines))


def stage_classify(work: Work) -> Work:
    return replace(work, blocks=lines_to_blocks(work.lines, work.language, work.kind))


def stage_bare_calls(work: Work) -> Work:
    rendering = work.raw.info.format not in ("pdf", "docx")
    blocks = mark_bare_calls(work.blocks, guess_without_notes=rendering)
    issues = work.issues + cut_page_issues(blocks, work.lines) if rendering else work.issues
    return replace(work, blocks=blocks, issues=issues)


def stage_assemble(work: Work) -> Work:
    assembled = blocks_to_elements(work.blocks)
    return replace(work, elements=assembled.elements, notes=assembled.notes, issues=work.issues + assembled.issues)


def stage_regions(work: Work) -> Work:
    return replace(work, elements=gather_regions(work.elements))


def stage_masthead(work: Work) -> Work:
    masthead = tuple(e for e in work.elements if e.kind == "masthead")
    scanned = any(d.kind == SCAN_IMAGE and d.source.page == 1 for d in work.dropped)  # the OCR's type sizes
    metadata = elements_to_metadata(masthead, work.notes, by_type=not scanned)
    issues = work.issues
    if work.options.symbol:
        stated = metadata.symbols if metadata.symbol_origin == "document" else ()
        if stated and _symbol_key(work.options.symbol) not in {_symbol_key(s) for s in stated}:
            issues += (Issue("symbol-overridden", f"the document states {' and '.join(stated)}; "
                             f"using --symbol {work.options.symbol} instead"),)  # fmt: skip
        others = tuple(s for s in metadata.symbols if s != work.options.symbol)
        metadata = replace(metadata, symbols=(work.options.symbol, *others),
                           symbol_origin="argument")  # fmt: skip
    elif not metadata.symbols and dict(work.raw.info.front_matter).get("symbol"):
        metadata = replace(metadata, symbols=(dict(work.raw.info.front_matter)["symbol"],), symbol_origin="front_matter")
    elif not metadata.symbols and (printed := labelled_symbol(work.elements) or footer_symbol(work.dropped)):
        metadata = replace(metadata, symbols=(printed[0],), reissued=printed[1])
    elif not metadata.symbols and scanned and (read := ocr_symbol(masthead)) is not None:
        metadata = replace(metadata, symbols=(read[0],))
        issues += (Issue("symbol-ocr-repaired", f"the OCR text layer reads the symbol {read[1]!r}; taken as {read[0]}"),)
    elif not metadata.symbols:
        stem = Path(work.raw.info.name).name.split(".")[0]
        metadata = replace(metadata, symbols=(stem,), symbol_origin="filename")
        issues += (
            Issue(
                "symbol-from-filename", f"the document does not state its symbol; using the file name {stem!r} (give --symbol)"
            ),
        )
    if metadata.symbol_origin == "filename" and not _has_masthead(metadata):
        issues += (Issue("no-masthead", "no masthead (symbol, session, agenda item, distribution) and no UN symbol found: "
                         "is this a UN document? (give --symbol to say so)"),)  # fmt: skip
    emblems = tuple(Dropped("emblem", "", e.sources[0]) for e in work.elements if e.role == "emblem" and e.sources)
    body = body_star_calls(tuple(e for e in work.elements if e.kind != "masthead" and e.role != "emblem"), work.notes)
    return replace(work, metadata=replace(metadata, kind=work.kind.name), elements=body, issues=issues,
                   dropped=work.dropped + emblems)  # fmt: skip


def stage_tree(work: Work) -> Work:
    body = elements_to_tree(split_inline_lists(work.elements), unit=work.kind.unit)
    if not any(n.ordinal for root in body for n in root.walk()) and not _has_masthead(work.metadata):
        raise NotAUNDocument(
            work.raw.info.path, "no UN document structure found (no masthead, no numbered paragraphs or headings)"
        )
    return replace(work, body=body)


def stage_annotate(work: Work) -> Work:
    body, summary, notes = annotate_tree(work.body, work.metadata, work.notes, work.language, tokens=work.options.tokens)
    return replace(work, body=body, notes=notes, metadata=replace(work.metadata, summary=summary))


def stage_checks(work: Work) -> Work:
    return replace(work, issues=work.issues + check_numbering(work.body, work.notes))


STAGES: tuple[tuple[str, Callable[[Work], Work]], ...] = (
    ("furniture", stage_furniture),
    ("language", stage_language),
    ("toc", stage_toc),
    ("kind", stage_kind),
    ("classify", stage_classify),
    ("bare_calls", stage_bare_calls),
    ("assemble", stage_assemble),
    ("regions", stage_regions),
    ("masthead", stage_masthead),
    ("tree", stage_tree),
    ("annotate", stage_annotate),
    ("checks", stage_checks),
)


def parse(
    path: str | Path,
    *,
    language: str | None = None,
    symbol: str | None = None,
    tokens: bool = False,
    reader: str = DEFAULT_READER,
) -> Document:
    """Parse one UN document (a PDF with a text layer, a Word ``.docx``, or a text or markdown rendering) into a ``Document``.

    ``language`` (``ar``, ``zh``, ``en``, ``fr``, ``ru``, ``es``) overrides the detected language;
    ``symbol`` gives the symbol when the document does not state it (a different stated symbol is
    kept in ``doc.metadata.symbols`` and a ``symbol-overridden`` warning says so); ``tokens`` adds
    jieba word tokens to Chinese text; ``reader`` picks the PDF character source (``pdfplumber`` or
    ``pdfium``, which gives the same characters faster). Numbering problems are warnings in
    ``doc.warnings``, never exceptions. Write the result with ``parser.to_json(doc)`` / ``parser.to_xml(doc)``.

    Raises an ``UndocError`` (``parser.errors``) when the file cannot be a document: ``InputNotFound``,
    ``InputIsDirectory``, ``EmptyInput``, ``BinaryInput``, ``UndecodableText``, ``CorruptDocx``, ``UnsafeDocx``,
    ``UnsupportedFormat``, ``ImageInput``, ``NotAUNDocument``, or a ``PdfError`` (``CorruptPdf``,
    ``EncryptedPdf``, ``NoTextLayer``, ``UnmappedFont``).

    >>> doc = parse("fixtures/text/en/A_RES_80_5.txt")
    >>> doc.symbol, doc.metadata.symbol_origin, len(list(doc.paragraphs())) > 0
    ('A/RES/80/5', 'document', True)
    >>> parse("no/such/file.pdf")
    Traceback (most recent call last):
    parser.errors.InputNotFound: no/such/file.pdf: no such file
    """
    return parse_raw(read_input(path, reader), Options(language, symbol, tokens, reader))


def parse_bytes(data: bytes, name: str = "<input>", **options: object) -> Document:
    """Parse a document held in memory; ``name`` stands for the file in messages and in ``doc.source``.

    Takes the keyword options of ``parse`` and raises the same errors.

    >>> doc = parse_bytes("A/1/2\\n1. 第一段。\\n2. 第二段。".encode(), "note.txt")
    >>> doc.language, [(p.id, p.text) for p in doc.paragraphs()]
    ('zh', [('para_1', '第一段。'), ('para_2', '第二段。')])
    >>> parse_bytes(b"\\x89PNG\\r\\n\\x1a\\n...", "scan.png")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    parser.errors.ImageInput: scan.png: a PNG image, not a text, PDF or Word .docx document: OCR it first ...
    """
    settings = Options(**options)  # type: ignore[arg-type]
    return parse_raw(raw_from_bytes(data, name, reader=settings.reader), settings)


def parse_raw(raw: RawInput, options: Options) -> Document:
    work = Work(raw, options, lines=raw.lines, dropped=raw.dropped)
    for _name, stage in STAGES:
        work = stage(work)
    return Document(
        source=raw.info, language=work.language, metadata=work.metadata, body=work.body, footnotes=work.notes,
        warnings=work.issues, dropped=work.dropped, language_detected=options.language is None,
    )  # fmt: skip


def _symbol_key(symbol: str) -> str:
    """``a/73/254 `` and ``A/73/254`` are one symbol."""
    return "".join(symbol.split()).upper()


def _has_masthead(metadata: Metadata) -> bool:
    return (metadata.symbol_origin == "document" and bool(metadata.symbols)) or any(
        x is not None for x in (metadata.session, metadata.agenda, metadata.distribution)
    )
