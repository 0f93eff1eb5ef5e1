"""Views of the model that pages and exports share: groupings, orderings and back-links."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .records import Change, Citation, Entity, Event, Term, Timeline


def glossary_order(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple(sorted(terms, key=lambda t: (t.term.casefold(), t.id)))


def glossary_letters(terms: tuple[Term, ...]) -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """Terms under their initial letter ('#' for terms that start with a digit or symbol)."""
    letters: dict[str, list[Term]] = defaultdict(list)
    for term in glossary_order(terms):
        initial = term.term[:1].upper()
        letters[initial if initial.isalpha() else "#"].append(term)
    return tuple((letter, tuple(members)) for letter, members in letters.items())


def events_by(events: tuple[Event, ...], keys: Callable[[Event], Iterable[str]]) -> dict[str, tuple[Event, ...]]:
    """The events under each key `keys` gives them (an entity, a tag, a term), in the order given."""
    listing: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for key in dict.fromkeys(keys(event)):
            listing[key].append(event)
    return {key: tuple(members) for key, members in listing.items()}


def precision(event: Event) -> str:
    """How precisely an event is dated, as the page shows it at a glance."""
    date = event.date
    if date.earliest is None or date.latest is None:
        return "open"
    if date.interval or date.start is None:
        return "range"
    if date.start.approximate:
        return "approximate"
    if date.start.uncertain:
        return "uncertain"
    return date.start.precision  # day, month or year


def children_of(timeline: Timeline) -> dict[str, tuple[str, ...]]:
    """Each entity's direct children (a company's units, a unit's models), by name."""
    children: dict[str, list[str]] = defaultdict(list)
    for entity in sorted(timeline.entities, key=lambda e: e.name.casefold()):
        if entity.parent:
            children[entity.parent].append(entity.id)
    return {parent: tuple(ids) for parent, ids in children.items()}


def entities_order(timeline: Timeline) -> tuple[Entity, ...]:
    return tuple(sorted(timeline.entities, key=lambda e: (e.name.casefold(), e.id)))


def reported_dates(timeline: Timeline, event: Event) -> tuple:
    """The publication dates of the sources an event cites, each once, earliest first."""
    sources = {c.source: timeline.sources_by_id[c.source] for c in event.citations}
    return tuple(sorted((s.published for s in sources.values()), key=lambda d: d.sort_key()))


@dataclass(frozen=True)
class Cited:
    """One citation and the record that makes it: an event, an entity, a term or an explainer section."""

    kind: str  # "event", "entity", "term" or "explainer"
    id: str  # the record's id; for the explainer, its section's
    name: str  # what a reader calls the record: its title, name, term or section heading
    citation: Citation


def cited_records(timeline: Timeline, events: tuple[Event, ...] | None = None) -> Iterator[Cited]:
    """Every citation in the story, in the order readers meet them: the timeline, who's who,
    the glossary, then the Home page's explainer. `events`: the events in reading order, if known."""
    for event in timeline.reading_order if events is None else events:
        for citation in event.citations:
            yield Cited("event", event.id, event.title, citation)
    for entity in entities_order(timeline):
        for citation in entity.citations:
            yield Cited("entity", entity.id, entity.name, citation)
    for term in glossary_order(timeline.terms):
        for citation in term.citations:
            yield Cited("term", term.id, term.term, citation)
    if timeline.explainer:
        for section in timeline.explainer.sections:
            for sentence in section.sentences:
                for citation in sentence.citations:
                    yield Cited("explainer", section.id, section.heading, citation)


def last_changed(timeline: Timeline, event: Event) -> dt.date:
    """A deterministic 'last changed' day: from git, else the day the event is placed on."""
    history = timeline.history.get(event.path)
    return history.changed if history else event.date.placed_on


@dataclass(frozen=True)
class Groupings:
    """Every ordering and grouping of one story that its pages show, made in one pass over it."""

    events: tuple[Event, ...]  # in reading order: the story's, then its background
    background: tuple[Event, ...]  # the tail of `events` that is background, listed apart
    entities: tuple[Entity, ...]  # by name
    letters: tuple[tuple[str, tuple[Term, ...]], ...]  # glossary terms under their initials
    by_entity: dict[str, tuple[Event, ...]]
    by_tag: dict[str, tuple[Event, ...]]  # tags alphabetically
    by_term: dict[str, tuple[Event, ...]]
    citing: dict[str, tuple[Event, ...]]  # source id -> events that quote it
    children: dict[str, tuple[str, ...]]
    cited: tuple[Cited, ...]
    corrections: tuple[Change, ...] = ()  # every change but an addition, newest first
    updates: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # event id -> its corrections


def events_changes(changes: tuple[Change, ...]) -> dict[str, tuple[Change, ...]]:
    """Each event's corrections, in the order given (a withdrawn event has no card to show them)."""
    found: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        if change.kind != "withdrawn":
            found[change.event].append(change)
    return {event: tuple(listed) for event, listed in found.items()}


def change_title(timeline: Timeline, change: Change) -> str:
    """The title of the event a change is to; a withdrawn event's as it was when withdrawn."""
    event = timeline.events_by_id.get(change.event)
    if event is not None:
        return event.title
    return change.fields[0].before if change.fields else change.event


def corrections(timeline: Timeline) -> tuple[Change, ...]:
    """The corrections log as readers read it, newest first: edits, renames and withdrawals (an
    event's addition is its place on the timeline, not a correction)."""
    return tuple(reversed([change for change in timeline.changes.changes if change.kind != "added"]))


def group(timeline: Timeline, event_terms: Mapping[str, tuple[str, ...]]) -> Groupings:
    """The story's groupings, each list of events in reading order; `event_terms` says which
    glossary terms each event uses."""
    events = timeline.reading_order
    return Groupings(
        events=events,
        background=tuple(event for event in events if event.background),
        entities=entities_order(timeline),
        letters=glossary_letters(timeline.terms),
        by_entity=events_by(events, lambda event: event.entities),
        by_tag=dict(sorted(events_by(events, lambda event: event.tags).items())),
        by_term=events_by(events, lambda event: event_terms.get(event.id, ())),
        citing={
            **{source.id: () for source in timeline.sources},
            **events_by(events, lambda event: (c.source for c in event.citations)),
        },
        children=children_of(timeline),
        cited=tuple(cited_records(timeline, events)),
        corrections=(changed := corrections(timeline)),
        updates=events_changes(changed),
    )
