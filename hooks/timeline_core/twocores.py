"""Two cores for a big cold build: items shared with a forked process, each taking the next when free.

Reading event files and rendering pages are most of a large build, and each file or page is
made on its own, so on a machine with a second core a forked child makes some of them while
this process makes the rest, each claiming the next run of items when it is done with the last.
The child inherits everything already loaded (the model, the compiled templates) and sends back
only its results. Only where fork is safe and cheap (Linux) and only for many items; if the
child fails in any way, this process makes its items itself, so the output never depends on it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
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


CLAIMS = 512  # at most this many runs of items to claim: their numbers fit a pipe's buffer (1 kB)


def _runs(count: int) -> list[range]:
    """The items in at most CLAIMS runs of consecutive ones, each claimed as one."""
    size = max(1, -(-count // CLAIMS))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _claimed(claims: int) -> Iterator[int]:
    """The numbers of the runs this process claims, one at a time, until none is left. Every number
    was written before the fork in one write; a read of its two bytes takes them whole (Linux reads
    a pipe under its lock), so no run is claimed twice."""
    while len(data := os.read(claims, 2)) == 2:
        yield int.from_bytes(data, "little")


def made_in_two_processes(items: Sequence[T], make: Callable[[T], R]) -> list[R]:
    """`[make(item) for item in items]`, with a forked child making some of them. Each process
    claims the next run of items whenever it is free, so the one that runs faster (the other core
    shared with the machine's other work, or its items quicker) makes more, and neither waits for
    the other at the end longer than one run takes: a fixed half left the child idle for a second
    of a 10,000-event build when the parent's core was the slower. The child sends each run as it
    is made, and this process reads them between its own, so neither sending nor reading them is
    left to the end."""
    runs = _runs(len(items))
    claims, unclaimed = os.pipe()
    os.write(unclaimed, b"".join(number.to_bytes(2, "little") for number in range(len(runs))))
    os.close(unclaimed)
    read, write = os.pipe()
    _widened(write)
    pid = os.fork()
    if pid == 0:  # the child: make what it claims, send each run, and leave without running exit hooks
        os.close(read)
        with contextlib.suppress(BaseException):  # whatever it was, the parent makes the rest itself
            for number in _claimed(claims):
                frame = pickle.dumps((number, [make(items[i]) for i in runs[number]]), pickle.HIGHEST_PROTOCOL)
                _write_all(write, len(frame).to_bytes(4, "little") + frame)
        os._exit(0)
    os.close(write)
    os.set_blocking(read, False)
    made: dict[int, list[R]] = {}
    sent = bytearray()
    for number in _claimed(claims):
        made[number] = [make(items[i]) for i in runs[number]]
        _received(read, sent, made, wait=False)
    os.close(claims)
    _received(read, sent, made, wait=True)
    os.close(read)
    os.waitpid(pid, 0)
    every: list[R] = []
    for number, run in enumerate(runs):
        part = made.get(number)
        if part is None or len(part) != len(run):  # claimed by a child that failed: made here
            part = [make(items[i]) for i in run]
        every += part
    return every


PIPE_BYTES = 1 << 20  # Linux's largest pipe for a user, by default


def _widened(fd: int) -> None:
    """Room in the pipe for the runs the child sends between two reads here (Linux only)."""
    with contextlib.suppress(ImportError, OSError, AttributeError):
        import fcntl  # noqa: PLC0415 - not on every system, and only Linux forks here

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _received(fd: int, sent: bytearray, made: dict[int, list], wait: bool) -> None:
    """Read what the child has sent (`wait`: until it closes the pipe) and put each whole run it
    holds into `made`; a run cut off by the child's end is left for this process to make."""
    os.set_blocking(fd, wait)
    while True:
        try:
            data = os.read(fd, PIPE_BYTES)
        except BlockingIOError:
            data = None
        if data:
            sent += data
        while len(sent) >= 4 and len(sent) >= 4 + (size := int.from_bytes(sent[:4], "little")):
            try:
                number, part = pickle.loads(sent[4 : 4 + size])
            except Exception:  # noqa: BLE001, S112 - a run that does not read back is made here
                pass
            else:
                made.setdefault(number, part)
            del sent[: 4 + size]
        if not data:  # nothing more for now, or the end
            return


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
        # streamed, never whole in memory here or there: the parent reads it once it is busier
        with contextlib.suppress(BaseException), os.fdopen(write, "wb") as pipe:
            pickle.dump(make(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        os._exit(0)  # whatever it was, the parent makes it itself
    os.close(write)

    def result() -> R:
        with os.fdopen(read, "rb") as pipe:
            try:
                made, sent = pickle.load(pipe), True
            except Exception:  # noqa: BLE001 - nothing sent, or a child killed halfway
                sent = False
        os.waitpid(pid, 0)
        return made if sent else make()

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
