"""An independent reading of a text fixture's content: the characters a parse must account for.

Deliberately simple and separate from the reader: it only takes markup off
(markdown heading marks, rules, ``<sup>`` tags, ``[^N]`` and ``[^N]:``, link
addresses, emphasis asterisks, backslash escapes) and the extraction front matter.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path


def _decode(data: bytes) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def input_characters(path: Path) -> Counter[str]:
    text = _decode(path.read_bytes())
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1)
        lines = lines[end + 1 :]
    markdown = path.suffix == ".md"
    out: list[str] = []
    for line in lines:
        if markdown:
            if re.fullmatch(r"\s*([-*])(\s*\1){2,}\s*", line):
                continue
            line = re.sub(r"^#{1,6}\s+", "", line)
            line = re.sub(r"\[\^([^\]]+)\]:?", r"\1", line)
            line = re.sub(r"</?sup>", "", line)
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
            line = re.sub(r"(?<!\\)\*", "", line)
            line = re.sub(r"\\(.)", r"\1", line)
        out.append(line)
    return Counter(c for c in "".join(out) if not c.isspace())
