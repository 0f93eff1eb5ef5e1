"""Loading `timeline/`: every file read once, every problem reported, nothing skipped.

The result always carries all problems found; entries with problems are left
out of the model, and the problems say which and why, so nothing vanishes
silently.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..gcpause import paused_gc
from ..memo import Memo
from ..model.corroboration import support_of
from ..model.quotes import SourceText
from ..model.records import ChangeLog, Entity, Event, Explainer, Redirect, Source, Term, Timeline
from ..model.wording import Vocabulary
from ..problems import DataError, Mark, Problem, did_you_mean
from ..twocores import made_in_two_processes, worth_two_processes
from .changes import read_changes
from .fields import Collector, read_record
from .history import history_across_renames, read_history
from .permalinks import check_permanent_links, overprecise_ids
from .rules.coverage import check_complete, check_uncited
from .rules.evidence import check_confirmed
from .rules.quotes import check_quotes, check_translations
from .rules.references import check_chains, check_duplicate_ids, check_references, check_tags_used, is_cascade
from .rules.sources import check_checksum, check_parts, check_republish, undeclared_copies
from .rules.wording import (
    check_aliases,
    check_explainer_specifics,
    check_term_basis,
    check_wording,
    linked_names,
    names_of,
    passages,
    unquoted_specifics,
    unsupported,
)
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


@dataclass(frozen=True)
class LoadResult:
    timeline: Timeline
    problems: tuple[Problem, ...]
    source_marks: dict[str, Mark] = field(default_factory=dict)  # where each source's entry starts
    unreadable: tuple[str, ...] = ()  # data files that are not readable YAML: their problems come alone

    @cached_property
    def findings(self) -> tuple[Problem, ...]:
        """What only `timeline check` works out, and fails on, though a build goes on without it (a
        preview with them is still worth seeing): worked out only when asked, since comparing every
        archive with every other is not free. Each says how to fix it, or to say in the data why not."""
        return undeclared_copies(self.timeline, self.source_marks) + overprecise_ids(self.timeline)

    @property
    def ok(self) -> bool:
        return not self.problems


def first_the_unreadable(problems: list[Problem], unreadable: set[str]) -> list[Problem]:
    """Every problem, the unreadable files' first; and, while a file is not readable YAML, without
    the records left out for what they need ("this event is not shown because …"): most follow
    from that file, and they would bury the one line to fix. How many are left unsaid is said."""
    if not unreadable:
        return problems
    own = [problem for problem in problems if problem.path in unreadable]
    rest = [problem for problem in problems if problem.path not in unreadable and not is_cascade(problem)]
    hidden = len(problems) - len(own) - len(rest)
    if hidden:
        files = "this file" if len(unreadable) == 1 else "these files"
        note = (
            f" ({hidden} record{'s' if hidden != 1 else ''} in other files {'is' if hidden == 1 else 'are'} left out "
            f"while {files} cannot be read: fix {'it' if len(unreadable) == 1 else 'them'}, then check again)"
        )
        own[-1] = replace(own[-1], message=own[-1].message + note)
    return own + rest


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


def _read_yaml(
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
class _Found:
    events: tuple[tuple[str, Path], ...]  # (id, path)
    lists: dict[str, Path]


def _discover(root: Path, out: Collector) -> _Found:
    """Find the data files; any other file under timeline/ is a problem, never ignored."""
    data = root / DATA_DIR
    events: list[tuple[str, Path]] = []
    lists: dict[str, Path] = {}
    if not data.is_dir():
        out.problems.append(Problem(DATA_DIR, 1, 1, "folder is missing; it holds the timeline's data"))
        return _Found((), lists)
    for entry in sorted(os.scandir(data), key=lambda e: e.name):
        rel = f"{DATA_DIR}/{entry.name}"
        if entry.name == EVENTS_DIR and entry.is_dir(follow_symlinks=False):
            events = _discover_events(Path(entry.path), out)
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
    return _Found(tuple(events), lists)  # every list file, and the explainer, may be left out


def _discover_events(folder: Path, out: Collector) -> list[tuple[str, Path]]:
    events = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        rel = f"{DATA_DIR}/{EVENTS_DIR}/{entry.name}"
        stem, dot, ext = entry.name.rpartition(".")
        if entry.is_dir(follow_symlinks=False):
            out.problems.append(Problem(rel, 1, 1, "unexpected folder; put event files directly in timeline/events/"))
        elif not dot or ext != "yml":
            fixed = (stem if dot else entry.name) + ".yml"
            out.problems.append(Problem(rel, 1, 1, f"unexpected file; event files end in .yml (rename it to {fixed})"))
        elif not _EVENT_NAME.match(stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "yyyy-mm-dd-what-happened"
            out.problems.append(
                Problem(rel, 1, 1, f"file name '{entry.name}' is not a lowercase slug; rename it to {suggestion}.yml")
            )
        elif _BARE_DATE.match(stem):
            out.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"file name '{entry.name}' is only a date; add what happened, as in {stem}-model-released.yml",
                )
            )
        else:
            events.append((stem, Path(entry.path)))
    return events


def _read_list(
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
    node = _read_yaml(path, MAX_LIST_BYTES, out, optional=True)
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


def _load_archive(root: Path, source: dict, node: Mapping, out: Collector) -> SourceText | None:
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


def load_timeline(root: Path, memo: Memo | None = None) -> LoadResult:
    """Read and validate everything under `root/timeline`, collecting every problem.

    With a `memo` (one per `mkdocs serve`), an event file whose bytes did not change since the
    last build is not parsed again.
    """
    with paused_gc():
        return _load(Path(root), memo)


def _load(root: Path, memo: Memo | None) -> LoadResult:
    collectors = [Collector(DATA_DIR)]
    found = _discover(root, collectors[0])

    def collector(rel: str) -> Collector:
        collectors.append(Collector(rel))
        return collectors[-1]

    lists: dict[str, list[tuple[dict, Mapping]]] = {}
    declared: dict[str, set[str] | None] = {}
    for name, record in LIST_FILES.items():
        out = collector(f"{DATA_DIR}/{name}")
        lists[name], declared[record.name] = _read_list(found.lists.get(name), name, record, out)
        check_duplicate_ids(lists[name], record, out)
    sources, entities, terms = lists["sources.yml"], lists["entities.yml"], lists["glossary.yml"]
    story = _read_story(root, found.lists.get(STORY_FILE), collector(f"{DATA_DIR}/{STORY_FILE}"))
    history, language, since = story.history, story.language, story.since
    vocabulary = Vocabulary(  # texts are read in the story's language
        language,
        names_of(entities, terms),
        linked_names(entities, terms),
        tuple((values["id"], values["language"]) for values, _ in sources if values.get("language")),
    )
    events = []
    for (ident, path), read in zip(found.events, _read_events(found.events, vocabulary, memo), strict=True):
        out = collector(f"{DATA_DIR}/{EVENTS_DIR}/{path.name}")
        out.owner = ("event", ident)
        out.problems += read.problems  # copies: the checks after reading add to the collector's lists
        out.references += read.references
        out.quotes += read.quotes
        out.held += read.held
        out.claims += read.claims
        out.failed |= read.failed
        out.unreadable = read.unreadable
        if read.event is not None:
            events.append(read.event)
    declared["event"] = {ident for ident, _ in found.events}
    explainer = None
    if EXPLAINER_FILE in found.lists:
        out = collector(f"{DATA_DIR}/{EXPLAINER_FILE}")
        explainer = _read_explainer(found.lists[EXPLAINER_FILE], out, {e.id: e for e in events}, vocabulary)
    check_term_basis(terms, collector(f"{DATA_DIR}/glossary.yml"))
    out = collector(f"{DATA_DIR}/sources.yml")
    archives = {}
    for values, node in sources:
        out.owner = ("source", values["id"])
        values["republish"] = values["republish"] or "quotes-only"
        values["coverage"] = values["coverage"] or "quotes"
        check_republish(values, node, out)
        if (text := _load_archive(root, values, node, out)) is not None:
            archives[values["id"]] = text
            check_parts(values, node, text, out)
            check_checksum(values, node, text, out)
    check_chains(sources, "based_on", out)
    check_chains(entities, "parent", collector(f"{DATA_DIR}/entities.yml"))
    check_permanent_links(
        history,
        {ident for ident, _ in found.events},
        lists["redirects.yml"],
        collector(f"{DATA_DIR}/redirects.yml"),
        collectors,
    )
    languages = {values["id"]: values["language"] for values, _ in sources}
    untranslated: set[tuple[str, str]] = set()
    for out in collectors:
        check_quotes(out, archives)
        untranslated |= check_translations(out, languages, language)
    check_wording(entities, "entity", vocabulary, collector(f"{DATA_DIR}/entities.yml"))
    check_wording(
        [(v, n) for v, n in terms if v["basis"] == "cited"], "term", vocabulary, collector(f"{DATA_DIR}/glossary.yml")
    )
    for out in collectors:
        out.release(untranslated)
    if declared["source"] is not None:  # with sources.yml unreadable, no archive is known to hold an alias
        check_aliases(entities, "entity", archives, collector(f"{DATA_DIR}/entities.yml"))
        check_aliases(terms, "term", archives, collector(f"{DATA_DIR}/glossary.yml"))
    check_tags_used(
        lists["tags.yml"], {tag for event in events for tag in event.tags}, collector(f"{DATA_DIR}/tags.yml")
    )
    rejected = check_references(collectors, declared)

    def shown(kind: str, records: list[tuple[dict, Mapping]]) -> list[dict]:
        key = "from" if kind == "redirect" else "id"
        return [values for values, _ in records if (kind, values[key]) not in rejected]

    shown_events = tuple(sorted((e for e in events if ("event", e.id) not in rejected), key=Event.sort_key))
    shown_sources = {values["id"]: Source(**values) for values in shown("source", sources)}
    timeline = Timeline(
        events=shown_events,
        sources=tuple(shown_sources.values()),
        entities=tuple(Entity(**values) for values in shown("entity", entities)),
        terms=tuple(Term(**values) for values in shown("term", terms)),
        archives={k: v for k, v in archives.items() if ("source", k) not in rejected},
        explainer=explainer if ("explainer", "") not in rejected else None,
        history=history,
        language=language,
        support={event.id: support_of(event.citations, shown_sources) for event in shown_events},
        redirects=tuple(
            Redirect(values["from"], values["to"], values["gone"])
            for values in shown("redirect", lists["redirects.yml"])
        ),
        tag_labels={values["id"]: values["label"] for values in shown("tag", lists["tags.yml"])},
    )
    timeline = replace(
        timeline,
        changes=_change_log(root, timeline, since, story.published),
        published=story.published,
        history=history_across_renames(history, {r.old: r.new for r in timeline.redirects if r.new}),
    )
    for out in collectors:
        check_confirmed(timeline, out)
    check_uncited(timeline, sources, collector(f"{DATA_DIR}/sources.yml"))
    check_complete(timeline, collector)
    unreadable = {out.path for out in collectors if out.unreadable}
    problems = first_the_unreadable(sorted({problem for out in collectors for problem in out.problems}), unreadable)
    return LoadResult(
        timeline,
        tuple(problems),
        {values["id"]: node.value_mark("id") for values, node in sources},
        tuple(sorted(unreadable)),
    )


def _change_log(root: Path, timeline: Timeline, since: str | None, published: dt.date | None) -> ChangeLog:
    """The corrections log of the events shown and of those withdrawn on purpose, from the day after
    the story was published (before it, the data was being prepared, not corrected)."""
    redirects = {redirect.old: redirect.new for redirect in timeline.redirects}
    log = read_changes(root, redirects, since)
    if published is not None:
        log = replace(log, changes=tuple(change for change in log.changes if change.day > published))
    gone = {r.old: r.gone for r in timeline.withdrawn}
    kept = {event.id for event in timeline.events} | set(gone)
    return replace(
        log,
        changes=tuple(
            # a withdrawal's reason, when its commit gives none, is the one its redirect gives readers
            replace(change, reason=gone[change.event]) if change.kind == "withdrawn" and not change.reason else change
            for change in log.changes
            if change.event in kept
        ),
    )


@dataclass(frozen=True)
class _Story:
    history: dict  # the data files' git history, from where this story started
    language: str
    since: str | None = None  # the commit of the story it replaced
    published: dt.date | None = None  # the day its public record starts after


def _read_story(root: Path, path: Path | None, out: Collector) -> _Story:
    """The data's git history, from where this story started (and that commit), the story's
    language and the day it was published (see STORY in schema.py)."""
    if path is None:
        return _Story(read_history(root), DEFAULT_LANGUAGE)
    out.owner = ("story", "")
    node = _read_yaml(path, MAX_LIST_BYTES, out)
    values = read_record(node, STORY, out, "the story") if node is not None else None
    language = (values or {}).get("language") or DEFAULT_LANGUAGE
    published = (values or {}).get("published")
    if values is None or values["replaces"] is None or not isinstance(node, Mapping):
        return _Story(read_history(root), language, None, published)
    history = read_history(root, since=values["replaces"])
    if history is None:
        out.error(
            node.value_mark("replaces"),
            f"commit '{values['replaces']}' is not in this repository's history; write the last commit of "
            "the story this one replaced (`git log`), or remove the field to keep every published link",
        )
        return _Story(read_history(root), language, None, published)
    return _Story(history, language, values["replaces"], published)


def _read_explainer(path: Path, out: Collector, events: dict[str, Event], vocabulary: Vocabulary) -> Explainer | None:
    out.owner = ("explainer", "")
    node = _read_yaml(path, MAX_LIST_BYTES, out, optional=True)  # empty: no explainer yet
    values = read_record(node, EXPLAINER, out, "the explainer") if node is not None else None
    if values is None or node is None:
        return None
    explainer = Explainer(**values)
    check_explainer_specifics(explainer, node, events, vocabulary, out)
    return explainer


@dataclass(frozen=True)
class _EventRead:
    """What reading one event file gave: the event (None if unusable) and what its Collector found."""

    event: Event | None
    problems: tuple[Problem, ...]
    references: tuple
    quotes: tuple
    failed: frozenset[tuple[str, str]]
    held: tuple = ()
    claims: tuple = ()
    unreadable: bool = False


def _event_read(ident: str, path: Path, vocabulary: Vocabulary, data: bytes | None = None) -> _EventRead:
    out = Collector(f"{DATA_DIR}/{EVENTS_DIR}/{path.name}")
    event = _read_event(ident, path, out, vocabulary, data)
    return _EventRead(
        event,
        tuple(out.problems),
        tuple(out.references),
        tuple(out.quotes),
        frozenset(out.failed),
        tuple(out.held),
        tuple(out.claims),
        out.unreadable,
    )


def _read_events(found: tuple[tuple[str, Path], ...], vocabulary: Vocabulary, memo: Memo | None) -> list[_EventRead]:
    """Every event file read: on two cores when there are many (a cold build), and with a `memo`
    (`mkdocs serve`) not again when a file's bytes and the vocabulary are those of a file read before."""
    if memo is None:
        if worth_two_processes(len(found)):
            return made_in_two_processes(found, lambda item: _event_read(item[0], item[1], vocabulary))
        return [_event_read(ident, path, vocabulary) for ident, path in found]
    return [_remembered_event(ident, path, vocabulary, memo) for ident, path in found]


def _remembered_event(ident: str, path: Path, vocabulary: Vocabulary, memo: Memo) -> _EventRead:
    """`_event_read`, or what it gave for a file of the same bytes (and the same vocabulary) before."""
    try:
        small = not path.is_symlink() and path.stat().st_size <= MAX_EVENT_BYTES
        data = path.read_bytes() if small else None
    except OSError:
        data = None
    if data is None:  # too big, or unreadable: read (and reported) as always
        return _event_read(ident, path, vocabulary)
    key = (ident, path.name, data, vocabulary)
    return memo.get("event", key, lambda: _event_read(ident, path, vocabulary, data))


def _read_event(
    ident: str, path: Path, out: Collector, vocabulary: Vocabulary, data: bytes | None = None
) -> Event | None:
    out.owner = ("event", ident)
    node = _read_yaml(path, MAX_EVENT_BYTES, out, data=data)
    if node is None:
        return None
    values = read_record(node, EVENT, out, "the event")
    if values is None or not isinstance(node, Mapping):  # read_record reads only mappings
        return None
    if values["date_note"] is None and values["date_basis"] == "inferred":
        out.error(
            node.key_mark("date_basis"),
            "field 'date_note' is required because the date is inferred; say how it was worked out from the source",
        )
        return None
    if values["date_note"] is None and not values["date"].is_plain_day:
        out.error(
            node.key_mark("date"),
            f"field 'date_note' is required because '{values['date'].text}' "
            "is not one exact day; say how the date was worked out",
        )
        return None
    if values["status"] == "confirmed":
        out.claims.append((ident, node.value_mark("status")))
    # the title and the summary each on their own: a title's quoted words must not carry a summary
    names = vocabulary.names_linked(values["entities"], values["terms"])
    given = passages(values["citations"], vocabulary)
    for name, text in (("title", values["title"]), ("summary", values["summary"].source)):
        if message := unsupported("event", ident, text, values["citations"], vocabulary, name):
            out.hold(node.value_mark(name), message, ("wording", f"event {ident}"))
        if message := unquoted_specifics("event", ident, name, text, given, vocabulary, names, name == "title"):
            out.hold(node.value_mark(name), message, ("wording", f"event {ident}"))
    return Event(id=ident, path=out.path, **values)
