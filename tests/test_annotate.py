"""Sentences in every language and jieba tokens for Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import parse
from parser.sentences import split_sentences
from parser.tokens import cache_dir, tokenize_zh

from .conftest import SEED


def test_chinese_sentences_end_after_stops_and_their_closing_quotes() -> None:
    text = "他说：“好。”然后离开了！还有吗？最后一句"
    assert [s.text for s in split_sentences(text, "zh")] == ["他说：“好。”", "然后离开了！", "还有吗？", "最后一句"]


@pytest.mark.parametrize(
    "language, text, count",
    [
        ("en", "See para. 12 of the report. The Secretary-General (A/73/254, No. 3) agreed. Mr. Smith left.", 3),
        ("en", "Lester M. Salamon wrote it. It was vol. 82 of the journal.", 2),
        ("fr", "Voir par. 12 du rapport. M. Dupont a parlé. Fin.", 3),
        ("es", "Véase el párr. 12. El Sr. García habló. ¿Y luego? Fin.", 4),
        ("ru", "Принят в 2015 г. Генеральной Ассамблеей. См. ст. 5. Конец.", 3),
    ],
)
def test_abbreviations_do_not_end_sentences(language: str, text: str, count: int) -> None:
    sentences = split_sentences(text, language)
    assert len(sentences) == count, [s.text for s in sentences]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_tokens_cover_the_text_with_offsets() -> None:
    text = "志愿人员方案在其《2018 年世界志愿服务状况报告》中估计"
    tokens = tokenize_zh(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == text.replace(" ", "")
    assert "志愿" in {t.text for t in tokens} or "志愿人员" in {t.text for t in tokens}


def test_jieba_cache_lives_in_the_user_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UNDOC_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache" and cache_dir().is_dir()
    monkeypatch.delenv("UNDOC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "undoc"


def test_tokens_only_when_asked() -> None:
    plain = parse(SEED, symbol="A/73/254")
    assert all(not n.tokens for n in plain.nodes())
    tokenized = parse(SEED, symbol="A/73/254", tokens=True)
    para = next(tokenized.paragraphs())
    assert para.tokens and all((para.text or "")[t.start : t.end] == t.text for t in para.tokens)


def test_paddle_mode_is_never_used() -> None:
    source = (Path(__file__).resolve().parent.parent / "parser" / "tokens.py").read_text(encoding="utf-8")
    assert "use_paddle" not in source and "enable_paddle" not in source
