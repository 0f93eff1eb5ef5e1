"""How an export makes its per-event parts: each in turn, or through `mkdocs serve`'s memo.

Every export is a head, one part per event, and a tail. Made through `Each`, a part can be
kept between builds by its event and what it reads besides (see `export_files`), so one edited
event makes one part again, not ten thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from ..model.records import Event

T = TypeVar("T")
Each = Callable[[str, Callable[[Event], T], Iterable[Event]], list[T]]


def every(kind: str, make: Callable[[Event], T], events: Iterable[Event]) -> list[T]:
    """Each part made in turn: what every `mkdocs build` does."""
    return [make(event) for event in events]
