"""Views of the model that pages and exports share: groupings, orderings and back-links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .dates import MONTH_NAMES, MONTHS
from .model import Citation, Event, Term, Timeline
from .options import EVENTS_PER_PAGE
from .termlinks import TermPatterns, mentioned


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


def events_by(timeline: Timeline, keys: Callable[[Event], Iterable[str]]) -> dict[str, tuple[Event, ...]]:
    """The events under each key `keys` gives them (an entity, a tag, a term), in timeline order."""
    listing: dict[str, list[Event]] = defaultdict(list)
    for event in ordered_events(timeline.events):
        for key in dict.fromkeys(keys(event)):
            listing[key].append(event)
    return {key: tuple(events) for key, events in listing.items()}


def events_citing(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each source id (cited or not), the events that quote it, in timeline order."""
    return {**{source.id: () for source in timeline.sources},
            **events_by(timeline, lambda event: (c.source for c in event.citations))}


def events_by_entity(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each entity, the events that list it, in timeline order."""
    return events_by(timeline, lambda event: event.entities)


def events_by_tag(timeline: Timeline) -> dict[str, tuple[Event, ...]]:
    """For each tag, the events that carry it, in timeline order; tags alphabetically."""
    return dict(sorted(events_by(timeline, lambda event: event.tags).items()))


def terms_of(event: Event, patterns: TermPatterns) -> tuple[str, ...]:
    """The glossary terms an event uses: those it lists, then those its text mentions."""
    return tuple(dict.fromkeys((*event.terms, *mentioned(f"{event.title} {event.summary.source}", patterns))))


def events_by_year(events: tuple[Event, ...]) -> tuple[tuple[str, tuple[Event, ...]], ...]:
    """A long list of events cut under year headings, so a reader can jump through it."""
    return tuple((year.label, tuple(e for month in year.months for e in month.events))
                 for year in timeline_groups(events))


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


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


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


def citers(timeline: Timeline, page_of: dict[str, str]) -> tuple[Citer, ...]:
    """Every citation on the site, with the page and anchor of what makes it."""
    from .urls import GLOSSARY_PAGE, HOME_PAGE

    found = [Citer(f"Event: {e.title}", page_of[e.id], e.id, c)
             for e in ordered_events(timeline.events) for c in e.citations]
    found += [Citer(f"Who's who: {e.name}", entity_page(e.id), "sources", c)
              for e in entities_order(timeline) for c in e.citations]
    found += [Citer(f"Glossary: {t.term}", GLOSSARY_PAGE, t.id, c)
              for t in glossary_order(timeline.terms) for c in t.citations]
    if timeline.explainer:
        found += [Citer(f"Home: {s.heading}", HOME_PAGE, s.id, c)
                  for s in timeline.explainer.sections for sentence in s.sentences for c in sentence.citations]
    return tuple(found)



@dataclass(frozen=True)
class PeriodPage:
    """One page of the timeline: a year, a month, or part of a busy month."""

    src: str  # "timeline.md" when everything fits on one page, else "timeline/2026-04.md"
    key: str  # "2026", "2026-04", "2026-04-p2"
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class TimelinePlan:
    pages: tuple[PeriodPage, ...]
    page_of: dict[str, str]  # event id -> src of the page that shows it

    @property
    def split(self) -> bool:
        return len(self.pages) > 1  # no page holds more than the limit, so more events make more pages


TIMELINE_SRC = "timeline.md"


def plan_pages(events: tuple[Event, ...], limit: int = EVENTS_PER_PAGE,
               single: str = TIMELINE_SRC, folder: str = "timeline") -> TimelinePlan:
    """Split the timeline (or a list of events) by period so no page holds more than `limit` events.

    When everything fits, one page. Otherwise consecutive months are packed into pages of at
    most `limit` events ("Jan–Jun 2016", "April 2026"), and a month that alone holds more is
    split into parts. Page cost stays linear in the number of events; pages may change as
    events are added, and the event map keeps every `timeline/#<id>` link working.
    Pages are `single` when one is enough, else under `folder/`.
    """
    ordered = ordered_events(events)
    if len(ordered) <= limit:
        page = PeriodPage(single, "", "", ordered)
        return TimelinePlan((page,), {e.id: single for e in ordered})
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in ordered:
        months[period_of(event)].append(event)
    pages: list[PeriodPage] = []
    pending: list[tuple[tuple[int, int], list[Event]]] = []

    def flush() -> None:
        if pending:
            first, last = pending[0][0], pending[-1][0]
            members = tuple(e for _, month_events in pending for e in month_events)
            pages.append(PeriodPage(f"{folder}/{_period_key(first, last)}.md", _period_key(first, last),
                                    _period_label(first, last), members))
            pending.clear()

    for month, month_events in months.items():
        if len(month_events) > limit:
            flush()
            parts = [month_events[i:i + limit] for i in range(0, len(month_events), limit)]
            for number, part in enumerate(parts, 1):
                key = _period_key(month, month) + ("" if number == 1 else f"-p{number}")
                label = f"{_period_label(month, month)}, part {number} of {len(parts)}"
                pages.append(PeriodPage(f"{folder}/{key}.md", key, label, tuple(part)))
            continue
        if sum(len(m) for _, m in pending) + len(month_events) > limit:
            flush()
        pending.append((month, month_events))
    flush()
    return TimelinePlan(tuple(pages), {e.id: page.src for page in pages for e in page.events})


def _period_key(first: tuple[int, int], last: tuple[int, int]) -> str:
    start = f"{first[0]:04d}-{first[1]:02d}"
    return start if first == last else f"{start}-to-{last[0]:04d}-{last[1]:02d}"


def _period_label(first: tuple[int, int], last: tuple[int, int]) -> str:
    if first == last:
        return f"{MONTH_NAMES[first[1] - 1]} {first[0]}"
    if first[0] == last[0]:
        return f"{MONTHS[first[1] - 1]}–{MONTHS[last[1] - 1]} {first[0]}"
    return f"{MONTHS[first[1] - 1]} {first[0]}–{MONTHS[last[1] - 1]} {last[0]}"


def periods_by_year(plan: TimelinePlan) -> tuple[tuple[str, tuple[PeriodPage, ...]], ...]:
    """The timeline's index: its pages under their years."""
    years: dict[str, list[PeriodPage]] = defaultdict(list)
    for page in plan.pages:
        years[page.key[:4]].append(page)
    return tuple((year, tuple(pages)) for year, pages in years.items())
