"""The data as every command reads it: a file that is not readable YAML is named first, once, and
the command stops there, rather than reporting what the file's absence hides ("unknown source")."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..data.load import LoadResult, load_timeline


def readable_data(root: Path, load: Callable[[Path], LoadResult] = load_timeline) -> LoadResult | None:
    """The loaded data (all of it, or what `load` reads: `load_sources` for the source commands), or
    None after printing the problems of the files that cannot be read."""
    result = load(root)
    if not result.unreadable:
        return result
    for problem in result.problems:  # only those of the unreadable files (see data/load.py)
        print(problem.format(), file=sys.stderr)
    files = " and ".join(result.unreadable)
    print(
        f"error: {files} cannot be read (above); fix {'it' if len(result.unreadable) == 1 else 'them'} first",
        file=sys.stderr,
    )
    return None


def said_problems(result: LoadResult, then: str) -> bool:
    """Print every problem of the data, then what the command did not do because of them."""
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    if result.problems:
        print(then, file=sys.stderr)
    return bool(result.problems)
