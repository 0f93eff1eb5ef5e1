"""Problems found in the data, reported as `path:line:column: error: message` (or `warning:`).

One shape for every problem lets `timeline check`, the MkDocs build and the
tests print and compare exactly the same text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, pointing at the line a contributor must edit."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "warning" (GitHub's annotation kinds); the check fails on every problem it prints

    def format(self, output_format: str = "text") -> str:
        """`path:line:column: error: message`, or ("github") a GitHub Actions annotation, which shows
        on the pull request's diff at that line ('%', CR and LF escaped, as Actions needs)."""
        if output_format == "github":
            message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return f"::{self.severity} file={self.path},line={self.line},col={self.column}::{message}"
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


class Mark(NamedTuple):
    """A 1-based position in a data file (a tuple: every YAML node has one, so it must be cheap)."""

    line: int
    column: int


class DataError(Exception):
    """A single problem raised from deep inside a parser, caught and collected by the loader."""

    def __init__(self, message: str, mark: Mark | None = None):
        super().__init__(message)
        self.message = message
        self.mark = mark


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, or '' when none is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
