"""Views of the model that pages and exports share: groupings, orderings and back-links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .dates import MONTH_NAMES
from .model import Citation, Event, Term, Timeline
from .termlinks import TermPattern, mentioned


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
    """The month an event is listed under: its earliest day's, or for 'before X', X's month."""
    day = event.date.earliest or event.date.latest
    return (day.year, day.month)


def timeline_groups(events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
    """Events by year and month; within a month, by earliest day, latest day, then id."""
    by_month: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (period_of(e), e.sort_key())):
        by_month[period_of(event)].append(event)
    years: dict[int, list[MonthGroup]] = defaultdict(list)
    for (year, month), members in by_month.items():
        years[year].append(MonthGroup(f"{year:04d}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}",
                                      tuple(members)))
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


def events_citing(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each source id, the events that quote it, in timeline order."""
    citing: dict[str, list[Event]] = {source.id: [] for source in timeline.sources}
    for event in ordered_events(timeline.events):
        for source_id in dict.fromkeys(c.source for c in event.citations):
            citing.setdefault(source_id, []).append(event)
    return {source_id: tuple(events) for source_id, events in citing.items()}


def events_by_entity(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each entity, the events that list it, in timeline order."""
    listing: dict[str, list[Event]] = defaultdict(list)
    for event in ordered_events(timeline.events):
        for ident in event.entities:
            listing[ident].append(event)
    return {ident: tuple(events) for ident, events in listing.items()}


def terms_of(event: Event, patterns: tuple[TermPattern, ...]) -> tuple[str, ...]:
    """The glossary terms an event uses: those it lists, then those its text mentions."""
    return tuple(dict.fromkeys((*event.terms, *mentioned(f"{event.title} {event.summary.source}", patterns))))


def events_by_term(timeline: Timeline, patterns: tuple[TermPattern, ...]) -> dict[str, tuple[Event, ...]]:
    """For each glossary term, the events that list or mention it, in timeline order."""
    listing: dict[str, list[Event]] = defaultdict(list)
    for event in ordered_events(timeline.events):
        for ident in terms_of(event, patterns):
            listing[ident].append(event)
    return {ident: tuple(events) for ident, events in listing.items()}


def precision(event: Event) -> str:
    """How precisely an event is dated, as the page shows it at a glance."""
    date = event.date
    if date.earliest is None or date.latest is None:
        return "open"
    if date.interval:
        return "range"
    if date.start.approximate:
        return "approximate"
    if date.start.uncertain:
        return "uncertain"
    return date.start.precision  # day, month or year


def all_tags(events: tuple[Event, ...]) -> tuple[str, ...]:
    return tuple(sorted({tag for event in events for tag in event.tags}))


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


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
class Citer:
    """Something on the site that quotes a source, and where it is."""

    label: str  # what a reader calls it: "Event: HappyHorse-1.0 surfaces …"
    page: str
    anchor: str
    citation: Citation


def citers(timeline: Timeline) -> tuple[Citer, ...]:
    """Every citation on the site, with the page and anchor of what makes it."""
    from .urls import GLOSSARY_PAGE, HOME_PAGE, TIMELINE_PAGE

    found = [Citer(f"Event: {e.title}", TIMELINE_PAGE, e.id, c)
             for e in ordered_events(timeline.events) for c in e.citations]
    found += [Citer(f"Who's who: {e.name}", entity_page(e.id), "sources", c)
              for e in entities_order(timeline) for c in e.citations]
    found += [Citer(f"Glossary: {t.term}", GLOSSARY_PAGE, t.id, c)
              for t in glossary_order(timeline.terms) for c in t.citations]
    if timeline.explainer:
        found += [Citer(f"Home: {s.heading}", HOME_PAGE, s.id, c)
                  for s in timeline.explainer.sections for sentence in s.sentences for c in sentence.citations]
    return tuple(found)


def citers_of(timeline: Timeline, source_id: str) -> tuple[Citer, ...]:
    return tuple(c for c in citers(timeline) if c.citation.source == source_id)
