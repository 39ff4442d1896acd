"""Chinese word tokens with jieba.

The dictionary is loaded once per process, in precise mode only (never
paddle), and jieba's model cache is kept in the user's cache directory
(``$XDG_CACHE_HOME/undoc`` or ``~/.cache/undoc``) rather than a shared /tmp file.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from .model import Token

_lock = threading.Lock()
_tokenizer: object | None = None


def cache_dir() -> Path:
    base = os.environ.get("UNDOC_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "undoc"
    )
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _jieba() -> object:
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(cache_dir())
            tokenizer.initialize()
            _tokenizer = tokenizer
        return _tokenizer


def load() -> None:
    """Load the dictionary now (benchmarks exclude this one-time cost)."""
    _jieba()


def tokenize_zh(text: str) -> tuple[Token, ...]:
    """jieba tokens of ``text`` in precise mode, with character offsets; whitespace is not a token."""
    tokenizer = _jieba()
    return tuple(
        Token(word, start, end)
        for word, start, end in tokenizer.tokenize(text, mode="default", HMM=True)  # type: ignore[attr-defined]
        if word.strip()
    )
