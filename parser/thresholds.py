"""The layout thresholds of classification and tree building, in one table: each with its unit and why.

The readers' own thresholds (how far apart two glyphs are a space, where the footer band starts) live
with the readers; these are the ones that decide what a line or an element *is*.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    flush_em: float = 0.1
    """em of body type: a line starting closer than this to the column's edge is flush with it (continuation
    lines of a paragraph are flush; a first-line indent is 0.5 em or more)."""
    first_line_indent_em: float = 0.3
    """em of body type: a line starting this much further in than the column's edge is indented: after a gap it
    opens a new paragraph; in the masthead it stands apart from the line above it."""
    tight_leading_em: float = 0.8
    """em of the line's size: white space above a line smaller than this is the leading of one wrapped block
    (masthead titles are set with more leading than the body, so a reader may take it for a gap)."""
    max_heading_chars: int = 220
    """characters: a chapter or section heading is never longer (a longer text after ``I.`` is a paragraph), unless
    its source marks it as a heading (a Word heading style, markdown ``#``)."""
    max_sub_heading_chars: int = 120
    """characters: a numbered sub-heading (``1. De facto replacement``) is a short line."""
    max_sub_heading_number: int = 20
    """a restarted number above this is a paragraph, not a numbered sub-heading."""
    min_paragraphs_before_sub_headings: int = 3
    """paragraphs: numbered sub-headings are told from paragraphs only once paragraph numbering has run this far."""
    max_paragraph_out_of_sequence: int = 999
    """a paragraph number above this (``1000.``) opens a paragraph only where it continues the numbering: at a line
    start a four-digit number followed by a full stop is more often a year ending a sentence."""
    heading_hang_em: float = 1.0
    """em of body type: a lettered line whose marker hangs this far left of the column's edge is a heading (UN
    heading styles set the number out in the margin, about 2.5 em; list items are indented, never hung out)."""
    max_unnumbered_heading_chars: int = 150
    """characters: an unnumbered heading (a bold line before a paragraph) is never longer..."""
    max_emphasized_heading_chars: int = 240
    """characters: ...unless set wholly in bold or italic: then it may run to three lines (``Budgetary impact and
    financial implications resulting from the recommendations of …``, a result's title in a budget fascicle)."""
    max_conclusion_chars: int = 200
    """characters: a resolution's adoption line after its last operative paragraph (``64th plenary meeting``,
    ``[Adopted by a recorded vote of 120 to 8, with 40 abstentions.]``) is never longer."""
    note_size_margin_pt: float = 0.3
    """pt: a line at least this much smaller than the body type is set in the notes' size."""
    size_change_pt: float = 1.0
    """pt: a line whose type is this much larger or smaller than the one-line block above it does not continue it
    (a table's title at 10 pt and its unit line at 7 pt under it)."""
    note_zone_body_share: float = 0.2
    """share of the ink: under a footnote separator no more than this is set in the body size (a rule over a chart
    or a table has the body's next paragraphs under it, notes are smaller than the body)."""
    note_text_letters: int = 1
    """letters: a note's first line has at least this many after its mark (``9 See …``, ``* A/80/150.``); a row
    of chart ticks ``10 20 30`` under an axis is not a note."""
    note_prose_words: int = 3
    """words (CJK characters): a note carried on from the page before opens the notes with a line of prose this long
    at least, not with a chart label."""
    carried_notes: int = 3
    """notes: how many notes a word processor may carry whole onto the next page's foot; their numbers come just
    below that page's own calls."""
    min_block_letters: int = 40
    """letters: a block shorter than this is too short to be told to be in another language than its document's."""
    block_script_share: float = 0.7
    """share of the letters (Han weighed as three): a block is in another script's language when that script holds
    at least this much of it."""
    block_stop_words: int = 4
    """stop words: a Latin-script block is in another Latin-script language when it holds at least this many of
    that language's stop words, three times as many as of its document's and half as many again as of any other."""
    min_main_part_letters: int = 200
    """letters: the main part of a document (before its first annex) decides its language when it holds this many
    (an English letter with an Arabic annex is English)."""
    max_signature_line_chars: int = 100
    """characters: a line of a letter's signature block (``Permanent Representative of … to the United Nations``)."""
    two_types_ratio: float = 1.5
    """ratio of type sizes: two runs of glyphs whose sizes differ by this much are set in two types (a masthead's
    organ at 17 pt, ``Distr.: General`` at 10 pt beside it): the gap between them is measured in the smaller one's
    em, as the larger type's em would hold a column gap."""
    masthead_title_ratio: float = 1.15
    """ratio of type sizes: a masthead line set in bold this much larger than the masthead's own text (``Distr.:
    General``, the date) is a title (a statement's ``Statement submitted by …`` at 12 pt over 10.1 pt); a title
    found by position gives way to a bold line this much larger than it (a two-organ masthead's second agenda
    title at 10 pt, then the title at 14 pt)."""


LAYOUT = Thresholds()
