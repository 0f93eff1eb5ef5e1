"""Reading each data file: strictly, within its size limit, with every problem at its line. The
list files, the story, the explainer, each archive and each event (an event's own rules in
rules/events.py; many files read on two cores, or, while serving, not again when their bytes did
not change). data/load.py calls these in its first phases.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..memo import Fixed, Memo, fixed, remember
from ..model.quotes import SourceText
from ..model.records import Event, Explainer
from ..model.wording import Vocabulary
from ..problems import DataError, Mark, Problem, did_you_mean
from ..twocores import made_in_two_processes, worth_two_processes
from .fields import Collector, read_record
from .history import read_history
from .rules.events import check_event
from .rules.wording import check_explainer_specifics
from .schema import (
    DATA_DIR,
    ENTITY,
    EVENT,
    EVENTS_DIR,
    EXPLAINER,
    REDIRECT,
    SEEDS_DIR,
    SOURCE,
    STORY,
    TAG,
    TERM,
    Record,
)
from .yamlread import Mapping, Node, Scalar, Sequence, describe, parse_yaml

LIST_FILES: dict[str, Record] = {
    "sources.yml": SOURCE,
    "entities.yml": ENTITY,
    "glossary.yml": TERM,
    "redirects.yml": REDIRECT,
    "tags.yml": TAG,
}
DEFAULT_LANGUAGE = "en"  # a story's language when story.yml does not give one
EXPLAINER_FILE = "explainer.yml"  # optional: when present, the Home page is made from it
STORY_FILE = "story.yml"  # optional: which story this is, and where its permanent-link history starts
MAX_EVENT_BYTES = 64 * 1024
MAX_LIST_BYTES = 4 * 1024 * 1024
MAX_ARCHIVE_BYTES = 16 * 1024 * 1024
_BARE_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
_EVENT_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _offset_mark(data: bytes, offset: int) -> Mark:
    line = data.count(b"\n", 0, offset) + 1
    return Mark(line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1)


def read_text(path: Path, limit: int, data: bytes | None = None) -> str:
    """Read a contributed file as UTF-8 text, refusing what would confuse a reader or a parser.

    `data` is the file's bytes when the caller has read them already (within the limit).
    """
    if data is None:
        if path.is_symlink():
            raise DataError("file is a symbolic link; commit the file itself", Mark(1, 1))
        size = path.stat().st_size
        if size > limit:
            raise DataError(f"file is {size:,} bytes; the limit is {limit:,} bytes. Split it up", Mark(1, 1))
        data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        raise DataError("file starts with a byte-order mark; save the file as UTF-8 without BOM", Mark(1, 1))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            _offset_mark(data, error.start),
        ) from None
    if "\x00" in text:
        raise DataError("file contains a NUL byte; this is not a text file", _offset_mark(data, data.index(b"\x00")))
    tab = data.find(b"\t")
    if tab >= 0:
        raise DataError("file contains a tab character; indent and separate with spaces", _offset_mark(data, tab))
    return text


def read_yaml(
    path: Path, limit: int, out: Collector, *, optional: bool = False, data: bytes | None = None
) -> Node | None:
    """The file's YAML; None, with a problem, if it cannot be read. An empty file is a problem
    unless the file is `optional` (a list file or the explainer), when it means "nothing yet"."""
    try:
        node = parse_yaml(read_text(path, limit, data))
    except DataError as error:
        out.error(error.mark or Mark(1, 1), error.message)  # the record is then left out, and so is what needs it
        out.unreadable = True
        return None
    if node is None and not optional:
        out.error(Mark(1, 1), "file is empty; see CONTRIBUTING.md for the fields to write")
    return node


@dataclass(frozen=True)
class Found:
    events: tuple[tuple[str, Path], ...]  # (id, path)
    lists: dict[str, Path]


def discover(root: Path, out: Collector, memo: Memo | None = None) -> Found:
    """Find the data files; any other file under timeline/ is a problem, never ignored. With a
    `memo` (while serving), the events folder's listing is judged again only when it changed."""
    data = root / DATA_DIR
    events: list[tuple[str, Path]] = []
    lists: dict[str, Path] = {}
    if not data.is_dir():
        out.problems.append(Problem(DATA_DIR, 1, 1, "folder is missing; it holds the timeline's data"))
        return Found((), lists)
    for entry in sorted(os.scandir(data), key=lambda e: e.name):
        rel = f"{DATA_DIR}/{entry.name}"
        if entry.name == EVENTS_DIR and entry.is_dir(follow_symlinks=False):
            events = _discover_events(entry.path, out, memo)
        elif entry.name in (*LIST_FILES, EXPLAINER_FILE, STORY_FILE) and entry.is_file(follow_symlinks=False):
            lists[entry.name] = Path(entry.path)
        else:
            hint = did_you_mean(
                entry.name.replace(".yaml", ".yml"), [*LIST_FILES, EXPLAINER_FILE, STORY_FILE, EVENTS_DIR]
            )
            out.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"unexpected {'folder' if entry.is_dir() else 'file'}"
                    f"{hint}; timeline/ holds only {', '.join(LIST_FILES)}, {EXPLAINER_FILE}, {STORY_FILE} "
                    "and events/<id>.yml",
                )
            )
    return Found(tuple(events), lists)  # every list file, and the explainer, may be left out


def _discover_events(folder: str, out: Collector, memo: Memo | None) -> list[tuple[str, Path]]:
    # names and kinds from the listing itself (no stat per file): 10,000 of them judged and made
    # into Paths took a tenth of a served edit
    listing = tuple(sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in os.scandir(folder)))
    events, problems = remember(memo, "events listing", (folder, listing), lambda: _event_files(folder, listing))
    out.problems.extend(problems)
    return list(events)


def _event_files(folder: str, listing: tuple[tuple[str, bool], ...]) -> tuple[tuple, tuple[Problem, ...]]:
    """The event files of a listing of the events folder, (id, path) each, and a problem for
    anything else in it."""
    events = []
    problems = []
    for name, is_dir in listing:
        rel = f"{DATA_DIR}/{EVENTS_DIR}/{name}"
        stem, dot, ext = name.rpartition(".")
        if is_dir:
            problems.append(Problem(rel, 1, 1, "unexpected folder; put event files directly in timeline/events/"))
        elif not dot or ext != "yml":
            fixed = (stem if dot else name) + ".yml"
            problems.append(Problem(rel, 1, 1, f"unexpected file; event files end in .yml (rename it to {fixed})"))
        elif not _EVENT_NAME.match(stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "yyyy-mm-dd-what-happened"
            problems.append(
                Problem(rel, 1, 1, f"file name '{name}' is not a lowercase slug; rename it to {suggestion}.yml")
            )
        elif _BARE_DATE.match(stem):
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"file name '{name}' is only a date; add what happened, as in {stem}-model-released.yml",
                )
            )
        else:
            events.append((stem, Path(folder, name)))
    return tuple(events), tuple(problems)


def read_list(
    path: Path | None, name: str, record: Record, out: Collector
) -> tuple[list[tuple[dict, Mapping]], set[str] | None]:
    """Read a file holding a list of records.

    Returns each usable record with its node, and every id the file declares, usable
    or not, so that a reference to a broken record is not also called unknown (None
    when the file could not be read at all, so that no id can be called unknown). A file
    that is absent, empty or only comments holds no records.
    """
    if path is None:
        return [], set()
    node = read_yaml(path, MAX_LIST_BYTES, out, optional=True)
    if node is None:
        return [], None if out.problems else set()
    if not isinstance(node, Sequence):
        out.error(
            node.mark, f"must be a list of {record.name} entries (each starting with '- id:'), not {describe(node)}"
        )
        return [], None
    key = record.key
    declared = {
        ident.text for item in node.items if isinstance(item, Mapping) and isinstance(ident := item.get(key), Scalar)
    }
    records = []
    for number, item in enumerate(node.items, 1):
        ident = item.get(key) if isinstance(item, Mapping) else None
        where = f"{record.name} '{ident.text}'" if isinstance(ident, Scalar) else f"{record.name} {number}"
        out.owner = (record.name, ident.text if isinstance(ident, Scalar) else f"#{number}")
        values = read_record(item, record, out, where)
        if values is not None and isinstance(item, Mapping):  # read_record reads only mappings
            records.append((values, item))
    return records, declared


def load_archive(root: Path, source: dict, node: Mapping, out: Collector) -> SourceText | None:
    archive = source["archive"]
    mark = node.value_mark("archive")
    parts = Path(archive).parts
    if Path(archive).is_absolute() or ".." in parts or not parts or parts[0] != SEEDS_DIR:
        out.error(mark, f"field 'archive': '{archive}' must be a path inside seeds/, like seeds/my-source.txt")
        return None
    path = root / archive
    resolved_root = root.resolve()
    if path.is_symlink() or not path.resolve().is_relative_to(resolved_root / SEEDS_DIR):
        out.error(mark, f"field 'archive': '{archive}' is a link; archive the file itself under seeds/")
        return None
    if not path.is_file():
        out.error(mark, f"field 'archive': '{archive}' does not exist; save the source's text there")
        return None
    try:
        return SourceText.from_text(archive, read_text(path, MAX_ARCHIVE_BYTES))
    except DataError as error:
        out.error(mark, f"field 'archive': {archive}: {error.message}")
        return None


@dataclass(frozen=True)
class StoryFile:
    history: dict  # the data files' git history, from where this story started
    language: str
    since: str | None = None  # the commit of the story it replaced
    published: dt.date | None = None  # the day its public record starts after


def read_story(root: Path, path: Path | None, out: Collector) -> StoryFile:
    """The data's git history, from where this story started (and that commit), the story's
    language and the day it was published (see STORY in schema.py)."""
    values, node = _story_values(path, out)
    language = (values or {}).get("language") or DEFAULT_LANGUAGE
    published = (values or {}).get("published")
    if values is None or values["replaces"] is None or not isinstance(node, Mapping):
        return StoryFile(read_history(root), language, None, published)
    history = read_history(root, since=values["replaces"])
    if history is None:
        out.error(
            node.value_mark("replaces"),
            f"commit '{values['replaces']}' is not in this repository's history; write the last commit of "
            "the story this one replaced (`git log`), or remove the field to keep every published link",
        )
        return StoryFile(read_history(root), language, None, published)
    return StoryFile(history, language, values["replaces"], published)


def read_story_language(path: Path | None, out: Collector) -> str:
    """The story's language alone, as `read_story` reads it, without asking git for the history
    (the source commands need no more)."""
    values, _ = _story_values(path, out)
    return (values or {}).get("language") or DEFAULT_LANGUAGE


def _story_values(path: Path | None, out: Collector) -> tuple[dict | None, Node | None]:
    if path is None:
        return None, None
    out.owner = ("story", "")
    node = read_yaml(path, MAX_LIST_BYTES, out)
    return (read_record(node, STORY, out, "the story") if node is not None else None), node


def read_explainer(path: Path, out: Collector, events: dict[str, Event], vocabulary: Vocabulary) -> Explainer | None:
    out.owner = ("explainer", "")
    node = read_yaml(path, MAX_LIST_BYTES, out, optional=True)  # empty: no explainer yet
    values = read_record(node, EXPLAINER, out, "the explainer") if node is not None else None
    if values is None or node is None:
        return None
    explainer = Explainer(**values)
    check_explainer_specifics(explainer, node, events, vocabulary, out)
    return explainer


@dataclass(frozen=True)
class _EventRead:
    """What reading one event file gave: the event (None if unusable) and what its Collector found
    (kept by serve's memo, and merged into the load's own Collector for the file)."""

    event: Event | None
    found: Collector


def _event_read(ident: str, path: Path, vocabulary: Vocabulary, data: bytes | None = None) -> _EventRead:
    out = Collector(f"{DATA_DIR}/{EVENTS_DIR}/{path.name}")
    return _EventRead(_read_event(ident, path, out, vocabulary, data), out)


def read_events(found: tuple[tuple[str, Path], ...], vocabulary: Vocabulary, memo: Memo | None) -> list[_EventRead]:
    """Every event file read: on two cores when there are many (a cold build), and with a `memo`
    (`mkdocs serve`) not again when a file's bytes and the vocabulary are those of a file read before."""
    if memo is None:
        if worth_two_processes(len(found)):
            return made_in_two_processes(
                found, lambda item: _event_read(item[0], item[1], vocabulary, _small_file_bytes(item[1]))
            )
        return [_event_read(ident, path, vocabulary, _small_file_bytes(path)) for ident, path in found]
    # one key part for all: the last build's very object when equal, so each key compares it by identity
    shared = fixed(memo, "vocabulary", vocabulary)
    return [_remembered_event(ident, path, vocabulary, shared, memo) for ident, path in found]


def _remembered_event(ident: str, path: Path, vocabulary: Vocabulary, shared: Fixed, memo: Memo) -> _EventRead:
    """`_event_read`, or what it gave for a file of the same bytes (and the same vocabulary) before."""
    data = _small_file_bytes(path)
    if data is None:  # too big, a link, or unreadable: read (and reported) as always
        return _event_read(ident, path, vocabulary)
    key = (ident, path.name, data, shared)
    return memo.get("event", key, lambda: _event_read(ident, path, vocabulary, data))


def _small_file_bytes(path: Path) -> bytes | None:
    """A file's bytes if it is a plain file (not a link) within MAX_EVENT_BYTES, else None: one
    open, one fstat and one read (a Path's lstat and read_bytes took twice as long)."""
    if not _NO_FOLLOW:  # a system that cannot refuse a link on opening
        try:
            status = os.lstat(path)
            small = not stat.S_ISLNK(status.st_mode) and status.st_size <= MAX_EVENT_BYTES
            return path.read_bytes() if small else None
        except OSError:
            return None
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW)  # a link: ELOOP
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_EVENT_BYTES:
            return None
        data = os.read(handle, status.st_size)
        while len(data) < status.st_size and (more := os.read(handle, status.st_size - len(data))):
            data += more  # a short read
        return data
    except OSError:
        return None
    finally:
        os.close(handle)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_event(
    ident: str, path: Path, out: Collector, vocabulary: Vocabulary, data: bytes | None = None
) -> Event | None:
    out.owner = ("event", ident)
    node = read_yaml(path, MAX_EVENT_BYTES, out, data=data)
    if node is None:
        return None
    values = read_record(node, EVENT, out, "the event")
    if values is None or not isinstance(node, Mapping):  # read_record reads only mappings
        return None
    if not check_event(ident, values, node, vocabulary, out):
        return None
    return Event(id=ident, path=out.path, **values)
