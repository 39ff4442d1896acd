"""Page furniture in line-by-line text renderings of PDFs.

A raw text extraction keeps running headers, job-number footers, page
numbers and barcodes between the body lines. This stage removes them, records
each as ``Dropped``, marks the lines under a footnote separator as the
footnote zone and flags the first body line after a page break. PDF input
does this by position in the PDF reader; the patterns are shared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from .model import Dropped, Line

_SYMBOL_PART = (
    r"(?:E?S-\d+|Part\s[A-Z]\b|[A-Z][A-Za-z]{0,7}(?:\.\d+)?(?:\(\d{1,3}\))?|\d+(?:\.\d+)?)"
    r"(?:\s?\((?:Sect|Part)\.?\s?\d{1,3}[A-Z]?\))?"
)
"""One part of a symbol after a ``/``: ``ES-10``, ``RES``, ``WG.6``, ``COP(8)``, ``L.13``, ``2025``, ``Part A``
(a fascicle's part), with a budget section after it (``6 (Sect. 34)``: ``A/81/6 (Sect. 34)/Part A``)."""
_PART = (
    r"(?:Part\s+[IVX]{1,4}|(?:Premi[eè]re|Deuxi[eè]me|Troisi[eè]me|Quatri[eè]me)\s+partie"
    r"|(?:Primera|Segunda|Tercera|Cuarta)\s+parte)"
)
"""A part of a report printed in its symbol: ``(Part II)``, French ``(Première partie)``, Spanish ``(Primera parte)``."""
SYMBOL = regex.compile(
    r"(?<![A-Za-z0-9/.])(?=[A-Za-z0-9/.()\-]*\d)"  # a symbol holds a number somewhere: ``HIV/AIDS`` is none
    rf"(?P<symbol>[A-Z]{{1,8}}(?:\.\d+)?(?:/{_SYMBOL_PART})+(?:\s?\((?:19|20)\d{{2}}\)|\s?\({_PART}\))?)"
    r"(?P<reissued>\**)(?![A-Za-z0-9/])"
)
"""A document symbol as printed: ``A/80/179``, ``A/ES-10/1027``, ``ICCD/COP(8)/16``, ``S/RES/2776 (2025)``,
``A/80/15 (Part II)``, ``E/ICEF/672(Première partie)``; a reissue's asterisk (``S/2025/383*``) follows it, apart
from the symbol (``reissued``)."""
_ANY_SYMBOL = SYMBOL.pattern.replace("?P<symbol>", "?:").replace("?P<reissued>", "?:")
QUALIFIER = r"\[[\p{L} ]{3,30}\]"
"""What a symbol line may print after the symbol, in square brackets: ``JIU/REP/2025/1 [Expanded report]``,
``[English only]`` (not part of the symbol)."""
JOINT = "[-–−—]"
"""What joins the symbols of a joint document: ``A/80/82–E/2025/63`` (hyphen, en dash, minus, em dash)."""
_JOB = r"(?:(?:GE|V)\.\s?)?\d{2}-\d{5}[A-Z]?\*?(?:\s*\([ACEFRS]\))?"
"""A job number: ``25-11624``, ``GE.25-05162 (E)``, ``V. 25-05608X (E)`` (a letter after the number: a document
printed outside New York), ``25-08791* (E)`` (a reissue)."""
JOB_NUMBER = regex.compile(rf"^{_JOB}(?:\s+\d{{6}}){{0,2}}$")
JOB_NUMBER_OLD = regex.compile(r"^\d{2}-\d{5}(?:\s+\d{3,5}[a-z]?)?(?:\.[ACEFRS]|\s*\([ACEFRS]\))?(?:\s+\d{6}){1,2}$")
"""A 1990s job number with the typist's code and the dates: ``92-43708 3486i (E) 130992 140992``."""
BARCODE = regex.compile(r"^\*\d{7}\*$")
PAGE_NUMBER = regex.compile(r"^(?:Page\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?$")
_PAGE_OF = r"(?:\d{1,3}/\d{1,3}|[ivxlc]{1,7})"
"""A footer's page number beside the job number: ``3/21``, or the roman number of a front-matter page (``iii``)."""
JOB_AND_PAGE = regex.compile(rf"^(?:{_JOB}(?:\s+\d{{6}}){{0,2}}\s+{_PAGE_OF}|{_PAGE_OF}\s+{_JOB}(?:\s+\d{{6}}){{0,2}})$")
LIBRARY_STAMP = regex.compile(r"^Digitized\s+by\s+(?:the\s+)?Dag\s+Hammarskj[öo]ld\s+Library$", regex.IGNORECASE)
"""The stamp the UN library prints on each page it scanned."""
SEPARATOR = regex.compile(r"^_{5,}$")
SYMBOL_LINE = regex.compile(rf"^{_ANY_SYMBOL}(?:\s*{JOINT}?\s*{_ANY_SYMBOL})*(?:\s*{QUALIFIER})*$")
LANGUAGE_LINE = regex.compile(r"^(?:English|French|Français|Spanish|Español|Russian|Русский|Arabic|Chinese)$", regex.IGNORECASE)
"""The language line of an old running header, under the symbol: ``A/47/466`` / ``English`` / ``Page 3``."""
SYMBOL_PAGE = regex.compile(rf"^{_ANY_SYMBOL}\s+(?:(?:English|Français|Español)\s+)?(?:[Pp]age|Página)\s+\d{{1,4}}$")
"""An old running header on one row: ``E/CN.4/110 page 2``, ``A/47/466 English Page 3``."""
RECYCLING = regex.compile(
    r"^(?:Accessible\s+document|Document\s+accessible|Documento\s+accesible|Доступный\s+документ)$"
    r"|^(?:(?:Accessible\s+document|Document\s+accessible|Documento\s+accesible)\s*)?(?:Please\s+recycle|Merci\s+de\s+recycler|Se\s+ruega\s+reciclar|Просьба\s+отправить\s+на\s+вторичную\s+переработку"
    r"|请回收|请循环使用|(?:يرجى|الرجاء|نرجو)\s+إعادة\s+(?:الاستعمال|التدوير|الاستخدام))\W*$|^[\u2672-\u267d]+$",
    regex.IGNORECASE,
)
"""``Please recycle`` under a page's text, and the ``Accessible document`` mark printed beside it."""
_FOOTER_ATOMS = {
    "job_number": _JOB,
    "barcode": r"\*\d{7}\*",
    "page_number": r"\d{1,3}\s*/\s*\d{1,3}",
    "recycling": r"请回收|请循环使用|Please\s+recycle",
    "date": r"\d{6}",
}
_FOOTER_ATOM = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _FOOTER_ATOMS.items())
FOOTER_LINE = regex.compile(rf"^(?:{_FOOTER_ATOM})(?:\s+(?:{_FOOTER_ATOM}))*$")
"""A footer line as a text rendering runs its parts together: ``18-12345 (C) 3/16``, ``*1812345* 请回收``."""
DATE_PIECE = regex.compile(r"^\d{6}$")
"""``200818``: the job number's date, on a line of its own where a rendering split the footer."""
BARE_PAGE_NUMBER = regex.compile(r"^\d{1,3}$")


def decode_symbol_font(text: str) -> str:
    """Map private-use glyphs of symbol-encoded fonts (U+F020-F07E) back to ASCII, one for one."""
    return "".join(chr(ord(ch) - 0xF000) if "\uf020" <= ch <= "\uf07e" else ch for ch in text)


JOB_AND_NUMBER = regex.compile(rf"^(?:{_JOB}\s+\d{{1,3}}|\d{{1,3}}\s+{_JOB})$")
"""A text rendering's footer line: the job number and the bare page number beside it, on either side (Geneva
documents: ``2 GE.19-13879``, ``GE.19-13879 3``). Whole lines of text only: a PDF's footer is read by its place."""


def furniture_kind(text: str) -> str | None:
    """The kind of page furniture a whole line is, by its pattern alone (a barcode font's private-use glyphs, as a
    text rendering keeps them, read as the ASCII they draw)."""
    text = decode_symbol_font(text).strip()
    if JOB_NUMBER.match(text) or JOB_NUMBER_OLD.match(text) or JOB_AND_PAGE.match(text) or JOB_AND_NUMBER.match(text):
        return "job_number"
    if BARCODE.match(text):
        return "barcode"
    if SEPARATOR.match(text):
        return "separator"
    if PAGE_NUMBER.match(text) and "/" in text:
        return "page_number"
    if RECYCLING.match(text):
        return "recycling"
    if LIBRARY_STAMP.match(text):
        return "stamp"
    if SYMBOL_PAGE.match(text):
        return "header"
    footer = FOOTER_LINE.match(text)
    if footer is not None:
        kinds = [kind for kind in _FOOTER_ATOMS if footer.captures(kind)]
        if kinds != ["date"]:
            return kinds[0]
    return None


@dataclass(frozen=True, slots=True)
class BodyLines:
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]


def text_lines_to_body(lines: tuple[Line, ...]) -> BodyLines:
    """Drop page furniture from a text rendering and mark footnote zones and page starts."""
    kinds: list[str | None] = [furniture_kind(line.text) for line in lines]
    fed = any(line.page_start for line in lines)
    _mark_symbol_headers(lines, kinds)
    _mark_running_titles(lines, kinds)
    _mark_footer_pieces(lines, kinds)
    kept: list[Line] = []
    dropped: list[Dropped] = []
    in_notes = False
    after_break = False
    for line, kind in zip(lines, kinds, strict=True):
        after_break = after_break or line.page_start  # a form feed before this line
        if kind is not None:
            dropped.append(Dropped(kind, line.text.strip(), line.source))
            if kind == "separator":
                in_notes = True
            else:
                # with form feeds, they alone break pages: a footer can come before the page's notes (LibreOffice)
                after_break = after_break or (not fed and kind in ("job_number", "page_number", "header"))
                in_notes = False if kind in ("header", "page_number", "job_number") else in_notes
            continue
        if in_notes:
            line = replace(line, zone="footnote", footnote_block=True)
        elif after_break:
            line = replace(line, page_start=True)
        elif line.page_start:
            line = replace(line, page_start=False)
        after_break = False
        kept.append(line)
    return BodyLines(tuple(kept), tuple(dropped))


def _mark_symbol_headers(lines: tuple[Line, ...], kinds: list[str | None]) -> None:
    """A line that is only the document symbol is a running header, except its first (masthead) occurrence. The
    masthead may print it beside other fields (``联合国 A/73/254``) or a rendering break it over two lines (``A`` /
    ``/73/254``): a symbol the text above already holds, white space aside, is the header's."""
    seen: set[str] = set()
    before = ""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if kinds[index] is None and SYMBOL_LINE.match(text) and "".join(text.split()) in seen:
            kinds[index] = "header"
        for joined in (text, before + text):  # the line, and the line joined to the one above (a broken symbol)
            seen.update("".join(m.group("symbol").split()) for m in SYMBOL.finditer(joined))
        before = text


def _mark_running_titles(lines: tuple[Line, ...], kinds: list[str | None], window: int = 4) -> None:
    """Short lines repeated on three or more pages, each time beside other furniture, are running titles."""
    texts = (line.text.strip() for line in lines)
    counts = Counter(text for text in texts if 8 <= len(text) < 160 and not _SENTENCE_END.search(text))
    for text, count in counts.items():
        if count < 3 or SYMBOL_LINE.match(text):
            continue
        near = [i for i, line in enumerate(lines) if line.text.strip() == text and _near_furniture(i, kinds, window)]
        if len(near) >= 3:
            for i in near:
                kinds[i] = kinds[i] or "header"


_SENTENCE_END = regex.compile(r"[.。!?！？]\s*$")
"""A line that ends a sentence is text (a note repeated on several pages: ``同上。``), never a running title."""


def _near_furniture(index: int, kinds: list[str | None], window: int) -> bool:
    return _near(index, kinds, window, ("job_number", "page_number", "header", "barcode"))


def _mark_footer_pieces(lines: tuple[Line, ...], kinds: list[str | None], window: int = 3) -> None:
    """Pieces of a footer a rendering put on lines of their own: the job number's dates (``200818``) next to the
    job number, and a bare page number next to the running header or the job number, or at a form feed. Where
    form feeds count the pages, a bare number is a page number only on its own page and where the page does not
    carry its number otherwise (``3`` above the footer of page 2, or above ``3/16``, is note 3's number)."""
    pages = page_numbers(lines)
    numbered = {pages[i] for i, kind in enumerate(kinds) if kind == "page_number"} if pages else set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if kinds[index] is not None:
            continue
        if DATE_PIECE.match(text) and _near(index, kinds, window, ("job_number", "barcode", "recycling")):
            kinds[index] = "job_number"
        elif BARE_BARCODE.match(text) and any(_digits(lines[i].text) == text for i in _around(index, kinds, window)):
            kinds[index] = "barcode"
        elif BARE_PAGE_NUMBER.match(text) and (
            _at_form_feed(lines, index, fed=pages is not None) or _near(index, kinds, 2, ("header", "job_number"))
        ):
            kinds[index] = "page_number" if pages is None or (int(text) == pages[index] not in numbered) else None
        elif pages is not None and BARE_PAGE_NUMBER.match(text) and _after_lone_number(lines, index):
            kinds[index] = "page_number" if int(text) == pages[index] not in numbered else None
    _last_page_number(lines, kinds)


def _after_lone_number(lines: tuple[Line, ...], index: int) -> bool:
    """``1`` / ``10`` / ``The stakeholders …``: a note's number alone, then the page's own number, which raw
    ``pdftotext`` wrote before the note's text (taken only where it is the page's count and the page shows its number
    nowhere else)."""
    return index > 0 and BARE_PAGE_NUMBER.match(lines[index - 1].text.strip()) is not None


def _last_page_number(lines: tuple[Line, ...], kinds: list[str | None]) -> None:
    """The rendering's last line, a bare number one above the last page number found (``**16**`` after ``**15**``,
    with no running header after it to tell it by): the last page's number."""
    if not lines or kinds[-1] is not None or not BARE_PAGE_NUMBER.match(text := lines[-1].text.strip()):
        return
    found = [lines[i].text.strip() for i, kind in enumerate(kinds) if kind == "page_number"]
    numbers = [int(n) for n in found if n.isdigit()]
    if numbers and numbers[-1] == int(text) - 1:
        kinds[-1] = "page_number"


BARE_BARCODE = regex.compile(r"^\d{7}$")
"""``1812290``: the barcode as a markdown rendering keeps it, its stars (``***1812290***``) taken for emphasis."""


def _around(index: int, kinds: list[str | None], window: int) -> list[int]:
    """The job-number lines within ``window`` lines of ``index``."""
    return [i for i in _window(index, kinds, window) if kinds[i] == "job_number"]


def _digits(text: str) -> str:
    """A job number's digits, as its barcode prints them (``18-12290 (C) 200818`` → ``1812290``)."""
    match = regex.match(r"\D*(\d{2})-(\d{5})", text.strip())
    return match.group(1) + match.group(2) if match else ""


def page_numbers(lines: tuple[Line, ...]) -> list[int] | None:
    """The page each line is on, counting form feeds (``None`` where the rendering has none)."""
    if not any(line.page_start for line in lines):
        return None
    out: list[int] = []
    page = 1
    for index, line in enumerate(lines):
        page += line.page_start and index > 0
        out.append(page)
    return out


def _near(index: int, kinds: list[str | None], window: int, wanted: tuple[str, ...]) -> bool:
    return any(kinds[i] in wanted for i in _window(index, kinds, window) if i != index)


def _window(index: int, kinds: list[str | None], window: int) -> range:
    """The lines within ``window`` lines of ``index``, itself included."""
    return range(max(0, index - window), min(len(kinds), index + window + 1))


def _at_form_feed(lines: tuple[Line, ...], index: int, *, fed: bool) -> bool:
    """The line opens a page, or is the last before one (the reader marks the line after a form feed), or is the
    rendering's last line where form feeds end its pages (the last page's number before the final feed)."""
    if lines[index].page_start or (index + 1 < len(lines) and lines[index + 1].page_start):
        return True
    return fed and index == len(lines) - 1
