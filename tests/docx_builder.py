"""Small Word files for tests, written from WordprocessingML fragments (a real ``.docx`` has the same parts)."""

from __future__ import annotations

import io
import zipfile

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')  # fmt: skip
STYLES = f"""<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="SingleTxt"><w:name w:val="__Single Txt"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="HCh"><w:name w:val="_ H _Ch"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="_ H_1"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="H23"><w:name w:val="_ H_2/3"/><w:basedOn w:val="H1"/>
  <w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TitleHCH"><w:name w:val="_ Title_H_CH"/><w:basedOn w:val="HCh"/></w:style>
</w:styles>"""


def p(text: str, style: str = "SingleTxt", extra: str = "") -> str:
    """A paragraph of one run (``text`` is inserted as XML: give runs of your own with ``<w:r>``)."""
    body = text if text.startswith("<") else f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{body}</w:p>'


def t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


TAB = "<w:r><w:tab/></w:r>"


def footnote_call(note: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note}"/></w:r>'


def note(note: int, text: str) -> str:
    return f'<w:footnote w:id="{note}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/></w:r>{t(text)}</w:p></w:footnote>'


MASTHEAD = (
    p("General Assembly", "Normal") + p("A/80/999", "Normal") + p("Distr.: General", "Normal") + p("7 January 2026", "Normal")
)


def docx(body: str, *, footnotes: str = "", numbering: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """A ``.docx`` whose body is ``body`` (paragraph and table XML), with optional notes and numbering."""
    parts: dict[str, bytes] = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": f'<?xml version="1.0"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'.encode(),
        "word/styles.xml": STYLES.encode(),
    }
    if footnotes:
        parts["word/footnotes.xml"] = f"<w:footnotes {NS}>{footnotes}</w:footnotes>".encode()
    if numbering:
        parts["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>".encode()
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
