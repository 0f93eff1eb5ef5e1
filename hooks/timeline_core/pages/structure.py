"""Which pages the site has: one small function per kind of page, each making plain records.

A `Page` says where a page goes, which template makes it and with what; `render` turns the
records into text. What several kinds of page share (the paging plan, which events use which
term, who cites what) is worked out once, in `Story`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..model import views
from ..model.records import Citation, Event, Timeline
from .annotate import annotate
from .axis import build_axis
from .paging import Layout, TimelinePlan, periods_by_year, plan_pages
from .termlinks import TermPatterns, term_patterns, terms_of
from .urls import (
    ENTITIES_PAGE,
    GLOSSARY_PAGE,
    HOME_PAGE,
    SOURCES_PAGE,
    TAGS_PAGE,
    TIMELINE_PAGE,
    entity_page,
    source_page,
    tag_page,
)

LIST_LIMIT = 12  # events listed under a glossary term or a source before "and N more"


@dataclass(frozen=True)
class Page:
    """One generated page: its path under docs/, its template, what the template is given."""

    src: str
    template: str
    context: Mapping[str, object] = field(default_factory=dict)


def in_a_folder(src: str) -> bool:
    """Pages in a folder (one per entity, tag, source or period) are reached by links, not the nav,
    so that a story with many of them does not add to every page's navigation."""
    return "/" in src


@dataclass(frozen=True)
class Citer:
    """Something on the site that quotes a source, and where it is."""

    label: str  # what a reader calls it: "Event: HappyHorse-1.0 surfaces …"
    page: str
    anchor: str
    citation: Citation


_CITER_PLACES = {"event": "Event", "entity": "Who's who", "term": "Glossary", "explainer": "Home"}


@dataclass(frozen=True)
class Story:
    """What several kinds of page need, worked out once per build."""

    timeline: Timeline
    layout: Layout
    plan: TimelinePlan
    patterns: TermPatterns
    event_terms: Mapping[str, tuple[str, ...]]  # event id -> the glossary terms it uses
    citers: Mapping[str, tuple[Citer, ...]]  # source id -> what quotes it, in reading order

    def citers_of(self, source_id: str) -> tuple[Citer, ...]:
        return self.citers.get(source_id, ())


def story_of(timeline: Timeline, layout: Layout) -> Story:
    plan = plan_pages(timeline.events, layout.events_per_page)
    patterns = term_patterns(timeline.terms)
    places = {
        "event": lambda ident: (plan.page_of[ident], ident),
        "entity": lambda ident: (entity_page(ident), "sources"),
        "term": lambda ident: (GLOSSARY_PAGE, ident),
        "explainer": lambda ident: (HOME_PAGE, ident),
    }
    citers: dict[str, list[Citer]] = defaultdict(list)
    for cited in views.cited_records(timeline):
        citers[cited.citation.source].append(
            Citer(f"{_CITER_PLACES[cited.kind]}: {cited.name}", *places[cited.kind](cited.id), cited.citation)
        )
    return Story(
        timeline,
        layout,
        plan,
        patterns,
        {event.id: terms_of(event, patterns) for event in timeline.events},
        {source: tuple(found) for source, found in citers.items()},
    )


def home(story: Story) -> Iterator[Page]:
    yield Page(HOME_PAGE, "index.md.j2")


def timeline(story: Story) -> Iterator[Page]:
    """The timeline on one page, or on one page per period under an index of periods."""
    plan = story.plan
    tags = tuple(views.events_by_tag(story.timeline))
    by_entity = views.events_by_entity(story.timeline)
    filter_entities = [e for e in views.entities_order(story.timeline) if e.id in by_entity]
    for number, period in enumerate(plan.pages):
        yield Page(
            period.src,
            "timeline.md.j2",
            {
                "period": period,
                "previous": plan.pages[number - 1] if number else None,
                "next": plan.pages[number + 1] if number + 1 < len(plan.pages) else None,
                "years": views.timeline_groups(period.events),
                "axis": build_axis(period.events),
                "tags": tags,
                "filter_entities": filter_entities,
            },
        )
    if plan.split:
        yield Page(TIMELINE_PAGE, "timeline_index.md.j2", {"by_year": periods_by_year(plan)})


def _list_parts(listing: TimelinePlan, events: tuple[Event, ...], home_src: str, heading: str) -> Iterator[Page]:
    """Past the limit, a list of events (an entity's, a tag's) goes on one page per period."""
    if not listing.split:
        return
    for number, part in enumerate(listing.pages):
        yield Page(
            part.src,
            "event_list_page.md.j2",
            {
                "heading": f"{heading}, {part.label}",
                "home": home_src,
                "home_label": heading,
                "part": part,
                "total": len(events),
                "previous": listing.pages[number - 1] if number else None,
                "next": listing.pages[number + 1] if number + 1 < len(listing.pages) else None,
            },
        )


def _listing(story: Story, events: tuple[Event, ...], home_src: str) -> TimelinePlan:
    return plan_pages(events, story.layout.links_per_page, home_src, home_src.removesuffix(".md"))


def tag_index(story: Story) -> Iterator[Page]:
    yield Page(TAGS_PAGE, "tags.md.j2", {"by_tag": views.events_by_tag(story.timeline)})


def tag_pages(story: Story) -> Iterator[Page]:
    for tag, events in views.events_by_tag(story.timeline).items():
        src = tag_page(tag)
        listing = _listing(story, events, src)
        yield from _list_parts(listing, events, src, f"Tag: {tag}")
        yield Page(
            src, "tag.md.j2", {"tag": tag, "events": events, "listing": listing, "timeline_split": story.plan.split}
        )


def entity_index(story: Story) -> Iterator[Page]:
    yield Page(
        ENTITIES_PAGE,
        "entities.md.j2",
        {"entities": views.entities_order(story.timeline), "events_of": views.events_by_entity(story.timeline)},
    )


def entity_pages(story: Story) -> Iterator[Page]:
    by_entity = views.events_by_entity(story.timeline)
    children = views.children_of(story.timeline)
    for entity in story.timeline.entities:
        events = by_entity.get(entity.id, ())
        src = entity_page(entity.id)
        listing = _listing(story, events, src)
        yield from _list_parts(listing, events, src, entity.name)
        yield Page(
            src,
            "entity.md.j2",
            {"entity": entity, "children": children.get(entity.id, ()), "events": events, "listing": listing},
        )


def glossary(story: Story) -> Iterator[Page]:
    events_of = views.events_by(story.timeline, lambda event: story.event_terms[event.id])
    yield Page(
        GLOSSARY_PAGE,
        "glossary.md.j2",
        {"letters": views.glossary_letters(story.timeline.terms), "events_of": events_of},
    )


def source_index(story: Story) -> Iterator[Page]:
    yield Page(SOURCES_PAGE, "sources.md.j2", {"citing": views.events_citing(story.timeline)})


def source_pages(story: Story) -> Iterator[Page]:
    for source in story.timeline.sources:
        if source.id in story.timeline.archives:
            quoted = ((citer.label, citer.citation) for citer in story.citers_of(source.id))
            yield Page(
                source_page(source.id),
                "source.md.j2",
                {"source": source, "annotated": annotate(story.timeline, source.id, quoted)},
            )


# The order MkDocs is given the pages in, which search results follow: the nav's pages first.
PAGE_KINDS = (home, entity_index, glossary, source_index, tag_index, tag_pages, timeline, entity_pages, source_pages)


def site_pages(story: Story) -> tuple[Page, ...]:
    """Every generated page, in the order of PAGE_KINDS."""
    return tuple(page for kind in PAGE_KINDS for page in kind(story))
