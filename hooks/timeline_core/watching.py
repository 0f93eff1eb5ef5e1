"""While serving: the data folders watched by the system's own file events, not by polling.

MkDocs' watcher polls: every half second it lists and stats every file it watches and compares
the two lists. At 10,000 event files that is about 0.2 s of the interpreter every 0.5 s, taken
from the very rebuild it asked for (a served edit's rebuild took a quarter longer for it). The
system's events (inotify, FSEvents, ReadDirectoryChangesW, through watchdog, which MkDocs itself
uses) cost nothing while nothing changes. MkDocs watches one small folder for them instead (its
poll of an empty folder costs nothing), and each change is told to MkDocs' watcher at once, as if
its poll had found a file changed in that folder (`tell`, given by the hooks), so the rebuild
starts without waiting up to half a second for the next poll; where it cannot be told, the change
rewrites a stamp file in that folder, which the poll finds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

# Only what changes a file's content: reading a file (as every build does) opens and closes it.
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

# Polling is what we avoid; kqueue (BSD, a Mac without FSEvents) holds a descriptor per file.
_NOT_BY_EVENTS = frozenset({"PollingObserver", "PollingObserverVFS", "KqueueObserver"})
CHANGES = (FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent)


@dataclass(frozen=True)
class Watching:
    """Folders watched by system events, each change in them told (`tell`) or stamped in `signal`."""

    folders: tuple[Path, ...]
    signal: Path  # the folder MkDocs watches for them
    observer: BaseObserver

    @property
    def stamp(self) -> Path:
        return self.signal / STAMP

    def stop(self) -> None:
        self.observer.stop()


STAMP = "changed"  # the file in the signal folder rewritten where a change cannot be told


class _Stamper(FileSystemEventHandler):
    def __init__(self, stamp: Path, tell: Callable[[], bool] | None) -> None:
        self.stamp = stamp
        self.tell = tell
        self.count = 0
        self.lock = Lock()  # events of several folders arrive on several threads

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or not isinstance(event, CHANGES):
            return
        if self.tell is not None and self.tell():
            return
        with self.lock:
            self.count += 1  # a new content each time, whatever the file system's clock resolution
            said = b"%d" % self.count
            try:
                write_stamp(self.stamp, said)
            except OSError:  # removed with .cache/ meanwhile: made again
                self.stamp.parent.mkdir(parents=True, exist_ok=True)
                write_stamp(self.stamp, said)


def write_stamp(stamp: Path, said: bytes) -> None:
    """Write the stamp whole or not at all: a file written in place exists, empty, for a moment
    before its bytes arrive, and a reader then would find no count in it."""
    fresh = stamp.with_name(f".{stamp.name}.new")
    fresh.write_bytes(said)
    os.replace(fresh, stamp)


def watch_by_events(folders: Sequence[Path], signal: Path, tell: Callable[[], bool] | None = None) -> Watching | None:
    """Watch `folders` (those that exist) by the system's events: each change is told (`tell`, which
    says whether it could) or rewrites the stamp in the folder `signal`, made here.

    None where the system gives no cheap file events (watchdog would poll, or open every file),
    refuses a watch (inotify's limit) or the stamp cannot be written: then the caller leaves the
    folders to MkDocs' own polling.
    """
    existing = tuple(folder for folder in folders if folder.is_dir())
    observer = Observer()
    if not existing or type(observer).__name__ in _NOT_BY_EVENTS:
        return None
    stamp = signal / STAMP
    handler = _Stamper(stamp, tell)
    try:  # a folder that cannot be written to, or no watch granted: MkDocs polls, as it always did
        signal.mkdir(parents=True, exist_ok=True)
        write_stamp(stamp, b"0")
        for folder in existing:
            observer.schedule(handler, str(folder), recursive=True, event_filter=list(CHANGES))
        observer.start()
    except OSError:
        observer.stop()
        return None
    return Watching(existing, signal, observer)
