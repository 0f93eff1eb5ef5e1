"""The cyclic garbage collector paused while a build makes its many small objects, and while
serving, run when a rebuild is done.

Loading and rendering allocate hundreds of thousands of objects and free almost none until
they end: the collector would only rescan them again and again (a fifth of loading and a tenth
of rendering at 10,000 events). Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import atexit
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(freeze_survivors: bool = False) -> Iterator[None]:
    """The collector off for the block. `freeze_survivors`: what the block leaves (a cold build's
    model and pages' text, kept for the whole build) is frozen out of every later collection's
    sight. Objects made while the collector is off wait in its youngest generation: turned on
    again, its first collections would scan them all, and MkDocs' full ones the whole model again
    and again (a tenth of a second after loading at 10,000 events, and more later). `thaw` gives
    them back when the build ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze_survivors:
                gc.freeze()
            gc.enable()


def thaw() -> None:
    """What `paused_gc(freeze_survivors=True)` froze, back in the collector's sight: a build is over, and a process
    that goes on (a test's) frees what it left."""
    gc.unfreeze()


def hold_collection() -> None:
    """While serving: no collection during a rebuild (the one `collect_later` makes follows it).

    A rebuild's own objects are the memo's lookups and MkDocs' pages, freed by reference counting
    or by that collection; the young collections during it cost a tenth of a second at 10,000
    events, and its memory stays within the first build's.
    """
    gc.disable()


def collect_later(seconds: float) -> threading.Timer:
    """A full collection `seconds` from now, on its own thread, then everything left frozen and
    the collector on again.

    While serving, the heap holds the memo's results of 10,000 events, and a full collection
    during a rebuild (one every rebuild or so) rescans all of it: a quarter of a second of a
    served edit. Made once the rebuild is shown, and with what survives frozen (out of every later
    collection's sight), the next rebuild's collections see only the objects it makes. Unfrozen
    first, so garbage frozen by the last one is freed now.
    """
    timer = threading.Timer(seconds, _collect_and_freeze)
    timer.daemon = True
    timer.start()
    return timer


def _collect_and_freeze() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.enable()


def nothing_collected_at_exit() -> None:
    """When this process ends, whatever it still holds is frozen first (at exit, however often
    this is called). The interpreter's teardown clears every module, then collects: after a
    10,000-event build, 190,000 objects in cycles (the model, the pages, MkDocs' files and
    navigation) found and freed one by one, 0.8-0.9 s after the site is written (0.2 s at 1,000
    events), memory the system takes back whole a moment later. A process that goes on is not
    touched."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
