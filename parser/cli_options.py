"""Command-line plumbing shared by the ``undoc`` sub-commands: an argument parser whose errors are one
line and exit 2, and option types that check their values once, with messages that say what to give.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import NoReturn

from .convert import FORMATS
from .errors import UsageError

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


class ArgumentParser(argparse.ArgumentParser):
    """``argparse`` with one-line errors (``undoc: error: …``) and exit code ``UsageError.exit_code`` (2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(UsageError.exit_code, f"undoc: error: {self.prog}: {message} (see `{self.prog} --help`)\n")


def formats(text: str) -> tuple[str, ...]:
    """``json,xml`` → ``("json", "xml")``; anything else is refused."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"takes json and/or xml (comma-separated), not {text!r}")
    return chosen


def integer(low: int, high: int | None = None, unit: str = "") -> Callable[[str], int]:
    """An option type for whole numbers in ``[low, high]``."""

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"takes a whole number {bounds}{unit}, not {text!r}")
        return value

    return check


def seconds(text: str) -> float:
    """A time limit in seconds: a finite number ≥ 0 (0: no limit)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"takes seconds ≥ 0 (0 for no limit), not {text!r}")
    return value
