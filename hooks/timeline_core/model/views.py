"""Views of the model that pages and exports share: groupings, orderings and back-links."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .dates import MONTH_NAMES
from .records import Citation, Event, Term, Timeline


@dataclass(frozen=True)
class MonthGroup:
    key: str  # "2026-04", also the heading's anchor
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class YearGroup:
    key: str  # "2026"
    label: str
    months: tuple[MonthGroup, ...]


def period_of(event: Event) -> tuple[int, int]:
    """The month an event is listed under: the month of the day it is placed on."""
    day = event.date.placed_on
    return (day.year, day.month)


def timeline_groups(events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
    """Events by year and month; within a month, by earliest day, latest day, then id."""
    by_month: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (period_of(e), e.sort_key())):
        by_month[period_of(event)].append(event)
    years: dict[int, list[MonthGroup]] = defaultdict(list)
    for (year, month), members in by_month.items():
        years[year].append(MonthGroup(f"{year:04d}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}", tuple(members)))
    return tuple(YearGroup(f"{year:04d}", str(year), tuple(months)) for year, months in years.items())


def ordered_events(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The order readers see everywhere: the order of `timeline_groups`, flattened."""
    return tuple(e for year in timeline_groups(events) for month in year.months for e in month.events)


def glossary_order(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple(sorted(terms, key=lambda t: (t.term.casefold(), t.id)))


def glossary_letters(terms: tuple[Term, ...]) -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """Terms under their initial letter ('#' for terms that start with a digit or symbol)."""
    letters: dict[str, list[Term]] = defaultdict(list)
    for term in glossary_order(terms):
        initial = term.term[:1].upper()
        letters[initial if initial.isalpha() else "#"].append(term)
    return tuple((letter, tuple(members)) for letter, members in letters.items())


def events_by(timeline: Timeline, keys: Callable[[Event], Iterable[str]]) -> dict[str, tuple[Event, ...]]:
    """The events under each key `keys` gives them (an entity, a tag, a term), in timeline order."""
    listing: dict[str, list[Event]] = defaultdict(list)
    for event in ordered_events(timeline.events):
        for key in dict.fromkeys(keys(event)):
            listing[key].append(event)
    return {key: tuple(events) for key, events in listing.items()}


def events_citing(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each source id (cited or not), the events that quote it, in timeline order."""
    return {
        **{source.id: () for source in timeline.sources},
        **events_by(timeline, lambda event: (c.source for c in event.citations)),
    }


def events_by_entity(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each entity, the events that list it, in timeline order."""
    return events_by(timeline, lambda event: event.entities)


def events_by_tag(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each tag, the events that carry it, in timeline order; tags alphabetically."""
    return dict(sorted(events_by(timeline, lambda event: event.tags).items()))


def events_by_year(events: tuple[Event, ...]) -> tuple[tuple[str, tuple[Event, ...]], ...]:
    """A long list of events cut under year headings, so a reader can jump through it."""
    return tuple(
        (year.label, tuple(e for month in year.months for e in month.events)) for year in timeline_groups(events)
    )


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


def entities_order(timeline: Timeline) -> tuple:
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


def cited_records(timeline: Timeline) -> Iterator[Cited]:
    """Every citation in the story, in the order readers meet them: the timeline, who's who,
    the glossary, then the Home page's explainer."""
    for event in ordered_events(timeline.events):
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
