"""How an export makes its per-event parts: each in turn, or through `mkdocs serve`'s memo.

Every export is a head, one part per event, and a tail. Made through `Each`, the parts can be
kept between builds by their events and what they read besides (see `export_files`), so one edited
event makes its run of parts again, not ten thousand.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

from ..memo import Fixed, Memo, remember
from ..model.records import Event

T = TypeVar("T")
Each = Callable[[str, Callable[[Event], T], Iterable[Event]], list[T]]


def every(kind: str, make: Callable[[Event], T], events: Iterable[Event]) -> list[T]:
    """Each part made in turn: what every `mkdocs build` does."""
    return [make(event) for event in events]


RUN = 256  # events in a run of parts that `mkdocs serve` keeps as one, on average


def remembered(memo: Memo, key: Hashable) -> Each:
    """Each part through `mkdocs serve`'s memo, kept by runs of events (with `key`, what the parts
    read besides their event): a rebuild looks up forty runs, not ten thousand parts, and an edited
    event makes its run's parts again (a run's key holds its events themselves)."""

    def each(kind: str, make: Callable[[Event], T], events: Iterable[Event]) -> list[T]:
        parts: list[T] = []
        for run in _runs(events):
            parts += remember(memo, kind, (Fixed(run), key), functools.partial(_made, make, run))
        return parts

    return each


def _made(make: Callable[[Event], T], run: tuple[Event, ...]) -> list[T]:
    return [make(event) for event in run]


def _runs(events: Iterable[Event]) -> Iterator[tuple[Event, ...]]:
    """Events in runs that end after an event whose id's checksum is a multiple of RUN: where a run
    ends depends on the events, not on their positions, so an added or moved event changes one or
    two runs, not every run after it."""
    run: list[Event] = []
    for event in events:
        run.append(event)
        if zlib.crc32(event.id.encode("utf-8")) % RUN == 0:
            yield tuple(run)
            run = []
    if run:
        yield tuple(run)
