"""While serving: the data folders watched by the system's own file events, not by polling.

MkDocs' watcher polls: every half second it lists and stats every file it watches and compares
the two lists. At 10,000 event files that is about 0.2 s of the interpreter every 0.5 s, taken
from the very rebuild it asked for (a served edit's rebuild took a quarter longer for it). The
system's events (inotify, FSEvents, ReadDirectoryChangesW, through watchdog, which MkDocs itself
uses) cost nothing while nothing changes. Each change rewrites one small stamp file, and MkDocs
polls that file alone, so it still decides when to rebuild, exactly as for any file it watches.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    """Folders watched by system events; `stamp` is rewritten on every change in them."""

    folders: tuple[Path, ...]
    stamp: Path
    observer: BaseObserver

    def stop(self) -> None:
        self.observer.stop()


class _Stamper(FileSystemEventHandler):
    def __init__(self, stamp: Path) -> None:
        self.stamp = stamp
        self.count = 0
        self.lock = Lock()  # events of several folders arrive on several threads

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or not isinstance(event, CHANGES):
            return
        with self.lock:
            self.count += 1  # a new content each time, whatever the file system's clock resolution
            try:
                self.stamp.write_text(str(self.count), encoding="utf-8")
            except OSError:  # removed with .cache/ meanwhile: made again
                self.stamp.parent.mkdir(parents=True, exist_ok=True)
                self.stamp.write_text(str(self.count), encoding="utf-8")


def watch_by_events(folders: Sequence[Path], stamp: Path) -> Watching | None:
    """Watch `folders` (those that exist) by the system's events, rewriting `stamp` on every change.

    None where the system gives no cheap file events (watchdog would poll, or open every file),
    refuses a watch (inotify's limit) or the stamp cannot be written: then the caller leaves the
    folders to MkDocs' own polling.
    """
    existing = tuple(folder for folder in folders if folder.is_dir())
    observer = Observer()
    if not existing or type(observer).__name__ in _NOT_BY_EVENTS:
        return None
    handler = _Stamper(stamp)
    try:  # a folder that cannot be written to, or no watch granted: MkDocs polls, as it always did
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text("0", encoding="utf-8")
        for folder in existing:
            observer.schedule(handler, str(folder), recursive=True, event_filter=list(CHANGES))
        observer.start()
    except OSError:
        observer.stop()
        return None
    return Watching(existing, stamp, observer)
