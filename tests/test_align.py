"""Aligning language versions by their official ids, with JSONL and TMX output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parser import parse
from parser.align import align_documents
from parser.align.sentences import gale_church
from parser.align.write import aligned_to_tmx
from parser.cli import main
from parser.errors import AlignmentError
from parser.xmlsafe import parse_xml_bytes, parse_xml_file

from .conftest import FIXTURES, SEED

LDC_EN = FIXTURES / "text" / "en" / "LDC_PoA_resolution_excerpt.en.txt"
LDC_ZH = FIXTURES / "text" / "zh" / "LDC_PoA_resolution_excerpt.zh.txt"


def test_ldc_excerpt_english_and_chinese_align_paragraphs_1_to_19() -> None:
    aligned = align_documents([parse(LDC_EN), parse(LDC_ZH)])
    assert [u.id for u in aligned.complete()] == [f"para_{i}" for i in range(1, 20)]
    assert aligned.leftovers() == {"en": [], "zh": []}
    first = dict(aligned.units[0].texts)
    assert first["en"].startswith("Takes note of the report") and first["zh"] == "注意到秘书长的报告；"


def test_units_missing_from_one_version_are_listed_not_dropped(tmp_path: Path) -> None:
    lines = LDC_ZH.read_text(encoding="utf-8").splitlines()
    cut = [line for line in lines if not line.startswith("7. ")]
    short = tmp_path / "LDC_PoA_resolution_excerpt.zh.txt"
    short.write_text("\n".join(cut) + "\n", encoding="utf-8")
    aligned = align_documents([parse(LDC_EN), parse(short)])
    assert "para_7" in aligned.leftovers()["zh"]
    unit = next(u for u in aligned.units if u.id == "para_7")
    assert unit.missing == ("zh",) and dict(unit.texts)["en"].startswith("Also reaffirms")


def test_different_symbols_are_an_error_unless_forced() -> None:
    en, zh = parse(LDC_EN), parse(SEED, symbol="A/73/254")
    with pytest.raises(AlignmentError):
        align_documents([en, zh])
    assert align_documents([en, zh], force=True).languages == ("en", "zh")


def test_gale_church_pairs_sentences_by_length_with_chinese_weighted() -> None:
    en = ["The report was adopted.", "It covers volunteering in many countries around the world today.", "Thanks."]
    zh = ["报告获得通过。", "它涵盖当今世界许多国家的志愿服务。", "谢谢。"]
    assert gale_church(en, zh) == [([0], [0]), ([1], [1]), ([2], [2])]
    assert gale_church(en[:2], ["报告获得通过，它涵盖当今世界许多国家的志愿服务。"]) == [([0, 1], [0])]


def test_align_command_writes_jsonl_and_tmx(tmp_path: Path) -> None:
    assert main(["align", str(LDC_EN), str(LDC_ZH), "-o", str(tmp_path), "--sentences"]) == 0
    stem = "LDC_PoA_resolution_excerpt.en-zh"
    records = [json.loads(line) for line in (tmp_path / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 19 and set(records[0]["text"]) == {"en", "zh"} and records[0]["sentences"]
    tmx = parse_xml_file(tmp_path / f"{stem}.tmx")
    assert tmx.get("version") == "1.4"
    tus = tmx.findall(".//tu")
    assert len(tus) == 19
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tus[0].findall("tuv")]
    assert langs == ["en", "zh"]
    assert (tmp_path / f"{stem}.sentences.tmx").exists()


def test_tmx_header_has_the_attributes_tmx_requires() -> None:
    root = parse_xml_bytes(aligned_to_tmx(align_documents([parse(LDC_EN), parse(LDC_ZH)])))
    header = root.find("header")
    assert header is not None
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
