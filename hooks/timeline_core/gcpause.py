"""The cyclic garbage collector paused while a build makes its many small objects.

Loading and rendering allocate hundreds of thousands of objects and free almost none until
they end: the collector would only rescan them again and again (a fifth of loading and a tenth
of rendering at 10,000 events). Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
