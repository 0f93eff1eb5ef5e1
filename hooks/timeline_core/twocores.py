"""Two cores for a big cold build: every other item made in a forked process.

Reading event files and rendering pages are most of a large build, and each file or page is
made on its own, so on a machine with a second core a forked child makes half of them while
this process makes the rest. The child inherits everything already loaded (the model, the
compiled templates) and sends back only its results. Only where fork is safe and cheap (Linux)
and only for many items; if the child fails in any way, this process makes its items itself,
so the output never depends on it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64  # below this, starting a process costs more than it saves
# A child whose work is waited for only later runs at this niceness: about a tenth of a core while
# two processes render pages, the whole of one when they wait.
BESIDE_NICENESS = 10


def worth_two_processes(count: int) -> bool:
    return count >= MIN_ITEMS and sys.platform == "linux" and (os.cpu_count() or 1) >= 2


def _shares(count: int, child_share: float) -> tuple[list[int], list[int]]:
    """Which items this process makes and which the child makes: the child's spread evenly among
    them (every other one for half), so that slow and quick items fall to both."""
    theirs = [i for i in range(count) if int((i + 1) * child_share) > int(i * child_share)]
    taken = set(theirs)
    return [i for i in range(count) if i not in taken], theirs


def made_in_two_processes(items: Sequence[T], make: Callable[[T], R], child_share: float = 0.5) -> list[R]:
    """`[make(item) for item in items]`, with `child_share` of the items (every other one for a
    half) made in a forked child. A child whose results are costly to send back and read (records
    rather than text) is given less than half, so that both processes finish together."""
    mine_at, theirs_at = _shares(len(items), child_share)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: make its share, send it, and leave without running any exit hooks
        os.close(read)
        try:
            payload = pickle.dumps([make(items[i]) for i in theirs_at], protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - whatever it was, the parent makes these items itself
            payload = b""
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write)
    mine = [make(items[i]) for i in mine_at]
    with os.fdopen(read, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    try:
        theirs = pickle.loads(payload) if payload else None
    except Exception:  # noqa: BLE001 - a child killed halfway: make its items here
        theirs = None
    if theirs is None or len(theirs) != len(theirs_at):
        theirs = [make(items[i]) for i in theirs_at]
    made: list[R] = [None] * len(items)  # type: ignore[list-item]
    for at, result in zip((*mine_at, *theirs_at), (*mine, *theirs), strict=True):
        made[at] = result
    return made


def made_beside(make: Callable[[], R]) -> Callable[[], R]:
    """`make()` in a forked child while this process goes on with other work; call what is
    returned to wait for the result. A cold build's exports are made this way while the pages are
    worked out and rendered, and waited for only after MkDocs has read every page's Markdown. The
    child yields the cores to the processes rendering pages meanwhile (it is niced), and works
    while they wait or read Markdown alone. If the child fails in any way, the result is made here
    when asked for."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        with contextlib.suppress(OSError):
            os.nice(BESIDE_NICENESS)
        try:
            payload = pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - whatever it was, the parent makes it itself
            payload = b""
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write)

    def result() -> R:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
        try:
            return pickle.loads(payload) if payload else make()
        except Exception:  # noqa: BLE001 - a child killed halfway
            return make()

    return result


@dataclass(frozen=True)
class InTurn:
    """What `made_in_turn_beside` returns: `made(n)` waits until the child has made item n, in
    order, and says whether it did; `stop()` ends the child where the work is given up."""

    made: Callable[[int], bool]
    stop: Callable[[], None]


def made_in_turn_beside(count: int, make: Callable[[int], bool]) -> InTurn:
    """A forked child calls `make(0)`, `make(1)` … in turn, each putting its result where it
    belongs (a page into the built site), and tells this process as each is done. `made(n)` is
    False when it did not (`make` returned False or raised, or the child died): this process then
    makes that item and every later one itself. Only a byte an item goes through the pipe, so the
    child never waits for this process to read what it made."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        with os.fdopen(write, "wb", buffering=0) as pipe:
            for number in range(count):
                try:
                    done = make(number)
                except BaseException:  # noqa: BLE001 - whatever it was, the parent makes the rest
                    done = False
                if not done:
                    break
                pipe.write(b"\x01")
        os._exit(0)
    os.close(write)
    pipe = os.fdopen(read, "rb", buffering=0)
    told = [0]  # how many items the child has said are made

    def stop() -> None:
        if not pipe.closed:
            pipe.close()
            with contextlib.suppress(ProcessLookupError):
                if pid > 0:  # never 0, which would signal this whole process group
                    os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    def made(number: int) -> bool:
        while not pipe.closed and told[0] <= number:
            if pipe.read(1) == b"\x01":
                told[0] += 1
            else:  # the end of the pipe: the child stopped before this item
                stop()
        if told[0] >= count:
            stop()
        return told[0] > number

    return InTurn(made, stop)
