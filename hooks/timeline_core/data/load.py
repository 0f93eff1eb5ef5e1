"""Loading `timeline/`: every file read once, every problem reported, nothing skipped.

The result always carries all problems found; entries with problems are left
out of the model, and the problems say which and why, so nothing vanishes
silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..gcpause import paused_gc
from ..memo import Memo
from ..model.corroboration import support_of
from ..model.quotes import SourceText
from ..model.records import ChangeLog, Entity, Event, Explainer, Redirect, Source, Term, Timeline
from ..model.wording import Vocabulary
from ..problems import Mark, Problem
from .changes import read_changes
from .fields import Collector
from .files import (
    EXPLAINER_FILE,
    LIST_FILES,
    STORY_FILE,
    StoryFile,
    discover,
    load_archive,
    read_events,
    read_explainer,
    read_list,
    read_story,
    read_story_language,
)
from .history import history_across_renames
from .permalinks import check_permanent_links, overprecise_ids
from .rules.coverage import check_complete, check_uncited
from .rules.evidence import check_confirmed
from .rules.quotes import check_quotes, check_translations
from .rules.references import check_chains, check_duplicate_ids, check_references, check_tags_used, is_cascade
from .rules.sources import check_checksum, check_parts, check_republish, undeclared_copies
from .rules.wording import (
    check_aliases,
    check_term_basis,
    check_wording,
    linked_names,
    names_of,
)
from .schema import (
    DATA_DIR,
    EVENTS_DIR,
)
from .yamlread import Mapping


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


def load_timeline(root: Path, memo: Memo | None = None) -> LoadResult:
    """Read and validate everything under `root/timeline`, collecting every problem.

    With a `memo` (one per `mkdocs serve`), an event file whose bytes did not change since the
    last build is not parsed again.
    """
    with paused_gc():
        return _load(Path(root), memo)


def _load(root: Path, memo: Memo | None) -> LoadResult:
    """The phases of a load, in order; each reports through the Collector of the file it speaks of."""
    loading = _Loading(root, memo)
    read = _read_files(loading, memo)
    archives = _check_sources(loading, read)
    _check_quotes(loading, read, archives)
    rejected = check_references(loading.collectors, read.declared)
    timeline = _make_model(loading, read, archives, rejected)
    _check_model(loading, read, timeline)
    unreadable = {out.path for out in loading.collectors if out.unreadable}
    problems = {problem for out in loading.collectors for problem in out.problems}
    return LoadResult(
        timeline,
        tuple(first_the_unreadable(sorted(problems), unreadable)),
        {values["id"]: node.value_mark("id") for values, node in read.sources},
        tuple(sorted(unreadable)),
    )


@dataclass
class _Loading:
    """A load under way: the project, what is in it, and one Collector per file and check."""

    root: Path
    memo: Memo | None = None
    collectors: list[Collector] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.collectors.append(Collector(DATA_DIR))
        self.found = discover(self.root, self.collectors[0], self.memo)

    def collector(self, rel: str) -> Collector:
        self.collectors.append(Collector(rel))
        return self.collectors[-1]


@dataclass
class _Read:
    """Every data file as read: the list files' records (values and YAML nodes), the ids each
    declares, the story, the events that could be read and the explainer."""

    lists: dict[str, list[tuple[dict, Mapping]]]
    declared: dict[str, set[str] | None]
    story: StoryFile
    vocabulary: Vocabulary
    events: list[Event]
    explainer: Explainer | None

    @property
    def sources(self) -> list[tuple[dict, Mapping]]:
        return self.lists["sources.yml"]

    @property
    def entities(self) -> list[tuple[dict, Mapping]]:
        return self.lists["entities.yml"]

    @property
    def terms(self) -> list[tuple[dict, Mapping]]:
        return self.lists["glossary.yml"]


def _read_files(loading: _Loading, memo: Memo | None) -> _Read:
    """Phase 1: every file read once, strictly; each record's own rules (an event's in rules/events)."""
    found = loading.found
    lists: dict[str, list[tuple[dict, Mapping]]] = {}
    declared: dict[str, set[str] | None] = {}
    for name, record in LIST_FILES.items():
        out = loading.collector(f"{DATA_DIR}/{name}")
        lists[name], declared[record.name] = read_list(found.lists.get(name), name, record, out)
        check_duplicate_ids(lists[name], record, out)
    sources, entities, terms = lists["sources.yml"], lists["entities.yml"], lists["glossary.yml"]
    story = read_story(loading.root, found.lists.get(STORY_FILE), loading.collector(f"{DATA_DIR}/{STORY_FILE}"))
    vocabulary = Vocabulary(  # texts are read in the story's language
        story.language,
        names_of(entities, terms),
        linked_names(entities, terms),
        tuple((values["id"], values["language"]) for values, _ in sources if values.get("language")),
    )
    events = []
    for (ident, path), read in zip(found.events, read_events(found.events, vocabulary, memo), strict=True):
        loading.collector(f"{DATA_DIR}/{EVENTS_DIR}/{path.name}").merge(read.found, ("event", ident))
        if read.event is not None:
            events.append(read.event)
    declared["event"] = {ident for ident, _ in found.events}
    explainer = None
    if EXPLAINER_FILE in found.lists:
        out = loading.collector(f"{DATA_DIR}/{EXPLAINER_FILE}")
        explainer = read_explainer(found.lists[EXPLAINER_FILE], out, {e.id: e for e in events}, vocabulary)
    check_term_basis(terms, loading.collector(f"{DATA_DIR}/glossary.yml"))
    return _Read(lists, declared, story, vocabulary, events, explainer)


def _check_sources(loading: _Loading, read: _Read) -> dict[str, SourceText]:
    """Phase 2: each source against its archive (which it loads), chains of `based_on` and
    `parent`, and permanent links; the archives that could be read, by source id."""
    out = loading.collector(f"{DATA_DIR}/sources.yml")
    archives = _source_archives(loading.root, read.sources, out)
    check_chains(read.sources, "based_on", out)
    check_chains(read.entities, "parent", loading.collector(f"{DATA_DIR}/entities.yml"))
    check_permanent_links(
        read.story.history,
        {ident for ident, _ in loading.found.events},
        read.lists["redirects.yml"],
        loading.collector(f"{DATA_DIR}/redirects.yml"),
        loading.collectors,
    )
    return archives


def _source_archives(root: Path, sources: list[tuple[dict, Mapping]], out: Collector) -> dict[str, SourceText]:
    """Each source's entry against its archive, which it loads: the archives that could be read, by id."""
    archives = {}
    for values, node in sources:
        out.owner = ("source", values["id"])
        values["republish"] = values["republish"] or "quotes-only"
        values["coverage"] = values["coverage"] or "quotes"
        check_republish(values, node, out)
        if (text := load_archive(root, values, node, out)) is not None:
            archives[values["id"]] = text
            check_parts(values, node, text, out)
            check_checksum(values, node, text, out)
    return archives


def load_sources(root: Path) -> LoadResult:
    """The sources, their archives and the story's language, without events, entities or glossary:
    what `timeline source add` needs to place a new source and to check the entry it writes (every
    problem of `sources.yml` and the archives is the full load's), without reading a long story's
    thousands of event files, twice. Its timeline holds only those."""
    with paused_gc():
        loading = _Loading(Path(root))
        record = LIST_FILES["sources.yml"]
        out = loading.collector(f"{DATA_DIR}/sources.yml")
        sources, _ = read_list(loading.found.lists.get("sources.yml"), "sources.yml", record, out)
        check_duplicate_ids(sources, record, out)
        language = read_story_language(
            loading.found.lists.get(STORY_FILE), loading.collector(f"{DATA_DIR}/{STORY_FILE}")
        )
        archives = _source_archives(loading.root, sources, out)
        check_chains(sources, "based_on", out)
        usable = [values for values, _ in sources if ("source", values["id"]) not in out.failed]
        timeline = Timeline(
            events=(),
            sources=tuple(Source(**values) for values in usable),
            entities=(),
            terms=(),
            archives={values["id"]: archives[values["id"]] for values in usable if values["id"] in archives},
            language=language,
        )
        unreadable = {collector.path for collector in loading.collectors if collector.unreadable}
        problems = {problem for collector in loading.collectors for problem in collector.problems}
        return LoadResult(
            timeline,
            tuple(first_the_unreadable(sorted(problems), unreadable)),
            {values["id"]: node.value_mark("id") for values, node in sources},
            tuple(sorted(unreadable)),
        )


def _check_quotes(loading: _Loading, read: _Read, archives: dict[str, SourceText]) -> None:
    """Phase 3: every quote in its archive and translated where it must be; texts within their
    quotes (held until the quotes are known to be readable); aliases a source uses; tags used."""
    languages = {values["id"]: values["language"] for values, _ in read.sources}
    untranslated: set[tuple[str, str]] = set()
    for out in loading.collectors:
        check_quotes(out, archives)
        untranslated |= check_translations(out, languages, read.story.language)
    check_wording(read.entities, "entity", read.vocabulary, loading.collector(f"{DATA_DIR}/entities.yml"))
    cited_terms = [(values, node) for values, node in read.terms if values["basis"] == "cited"]
    check_wording(cited_terms, "term", read.vocabulary, loading.collector(f"{DATA_DIR}/glossary.yml"))
    for out in loading.collectors:
        out.release(untranslated)
    if read.declared["source"] is not None:  # with sources.yml unreadable, no archive is known to hold an alias
        check_aliases(read.entities, "entity", archives, loading.collector(f"{DATA_DIR}/entities.yml"))
        check_aliases(read.terms, "term", archives, loading.collector(f"{DATA_DIR}/glossary.yml"))
    check_tags_used(
        read.lists["tags.yml"],
        {tag for event in read.events for tag in event.tags},
        loading.collector(f"{DATA_DIR}/tags.yml"),
    )


def _make_model(
    loading: _Loading, read: _Read, archives: dict[str, SourceText], rejected: set[tuple[str, str]]
) -> Timeline:
    """Phase 4: the immutable model of every record that passed (and of nothing that depends on
    one that did not), with its history and corrections log from git."""

    def shown(kind: str, records: list[tuple[dict, Mapping]]) -> list[dict]:
        key = "from" if kind == "redirect" else "id"
        return [values for values, _ in records if (kind, values[key]) not in rejected]

    events = tuple(sorted((e for e in read.events if ("event", e.id) not in rejected), key=Event.sort_key))
    sources = {values["id"]: Source(**values) for values in shown("source", read.sources)}
    story = read.story
    timeline = Timeline(
        events=events,
        sources=tuple(sources.values()),
        entities=tuple(Entity(**values) for values in shown("entity", read.entities)),
        terms=tuple(Term(**values) for values in shown("term", read.terms)),
        archives={k: v for k, v in archives.items() if ("source", k) not in rejected},
        explainer=read.explainer if ("explainer", "") not in rejected else None,
        history=story.history,
        language=story.language,
        support={event.id: support_of(event.citations, sources) for event in events},
        redirects=tuple(
            Redirect(values["from"], values["to"], values["gone"])
            for values in shown("redirect", read.lists["redirects.yml"])
        ),
        tag_labels={values["id"]: values["label"] for values in shown("tag", read.lists["tags.yml"])},
    )
    return replace(
        timeline,
        changes=_change_log(loading.root, timeline, story.since, story.published),
        published=story.published,
        history=history_across_renames(story.history, {r.old: r.new for r in timeline.redirects if r.new}),
    )


def _check_model(loading: _Loading, read: _Read, timeline: Timeline) -> None:
    """Phase 5: what only the whole model can tell: `confirmed` against the evidence, uncited
    sentences, and every sentence of a complete source accounted for."""
    for out in loading.collectors:
        check_confirmed(timeline, out)
    check_uncited(timeline, read.sources, loading.collector(f"{DATA_DIR}/sources.yml"))
    check_complete(timeline, loading.collector)


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
