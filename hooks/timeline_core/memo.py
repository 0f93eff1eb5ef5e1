"""Results kept from one build to the next within one `mkdocs serve`, keyed by what made them.

A key is the inputs themselves (a file's bytes, frozen records), which a lookup compares for
equality, never a modification time or a digest alone: a result is reused only for the very
inputs it was made from, so a build that reuses results writes what a cold build writes
(`tests/test_memo.py`). What one build did not ask for is dropped after it (`sweep`), so an
edited file's old result does not stay in memory.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

T = TypeVar("T")


class Memo:
    """Made results by (kind, key); a miss makes and keeps one, a hit counts as kept for this build."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], object] = {}
        self._used: dict[tuple[str, Hashable], object] = {}
        self.hits = 0
        self.misses = 0

    def get(self, kind: str, key: Hashable, make: Callable[[], T]) -> T:
        """The result `make()` gives for `key`, made only if no build since the last sweep made it."""
        try:
            entry = (kind, key)
            found = self._used.get(entry, self._kept.get(entry, _MISSING))
        except TypeError:  # a key holding something unhashable: never kept, always made
            self.misses += 1
            return make()
        if found is _MISSING:
            self.misses += 1
            found = make()
        else:
            self.hits += 1
        self._used[entry] = found
        return found  # type: ignore[return-value]

    def find(self, kind: str, key: Hashable) -> object | None:
        """What was kept for `key` (see `keep`), or None: for results made outside a call to `get`."""
        entry = (kind, key)
        found = self._used.get(entry, self._kept.get(entry, _MISSING))
        if found is _MISSING:
            self.misses += 1
            return None
        self.hits += 1
        self._used[entry] = found
        return found

    def keep(self, kind: str, key: Hashable, value: object) -> None:
        self._used[(kind, key)] = value

    def sweep(self) -> None:
        """End a build: keep what it used, drop the rest."""
        self._kept, self._used = self._used, {}


class Fixed:
    """A large key part hashed once, however many keys of a build hold it."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: Hashable) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Fixed) and self._hash == other._hash and self.value == other.value)


def fixed(memo: Memo | None, kind: str, value: Hashable) -> Fixed:
    """`value` as a `Fixed`: the very object of the last build when the value is the same, so that
    the keys holding it compare by identity, not item by item."""
    made = Fixed(value)
    return made if memo is None else memo.get(kind, made, lambda: made)


def remember(memo: Memo | None, kind: str, key: Hashable, make: Callable[[], T]) -> T:
    """`memo.get(...)`, or simply `make()` when a build keeps nothing (every `mkdocs build`)."""
    return make() if memo is None else memo.get(kind, key, make)


def frozen(value: object) -> Hashable:
    """A page's context as a key: mappings and lists become tuples; frozen records stay as they are."""
    if isinstance(value, dict):
        if all(type(item) in _PLAIN for item in value.values()):  # an index of ids: hashed in C, once
            return Fixed(tuple(value.items()))
        return tuple((name, frozen(item)) for name, item in value.items())
    if isinstance(value, (list, tuple)):
        try:  # a tuple of records (the events of a page): hashed here once, not again by the memo
            return Fixed(tuple(value))
        except TypeError:
            return tuple(frozen(item) for item in value)
    if isinstance(value, set):
        return frozenset(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        try:
            return Fixed(cast(Hashable, value))
        except TypeError:  # a record holding a mapping (a page plan's index of where events are)
            return (type(value).__name__, *(frozen(getattr(value, f.name)) for f in dataclasses.fields(value)))
    return value


def all_but_events(timeline: object) -> Hashable:
    """Every field of a story but its events, as one key part: whatever the story holds besides
    (its sources, archives, history, language, publication day, tags' labels, and any field added
    later) is in every key made with it, without a list of fields to keep up to date."""
    return frozen(dataclasses.replace(cast(Any, timeline), events=()))


_MISSING = object()
_PLAIN = frozenset({str, int, float, bool, type(None)})
