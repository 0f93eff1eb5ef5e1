"""Which pages the site has: one small function per kind of page, each making plain records.

A `Page` says where a page goes, which template makes it and with what; `render` turns the
records into text. What the kinds of page share is worked out once, in `Story`, in the order
the data flows: the terms each event uses (termlinks), the groupings (model.views), then which
page everything is on (paging). The page functions only assemble records from it.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from ..memo import Memo, fixed, remember
from ..model import views
from ..model.corroboration import by_publisher, relayed_by
from ..model.records import Citation, Event, Timeline
from ..words.catalogs import catalogs_bytes
from ..words.reader import Words, english, words_for
from .annotate import AnnotatedSource, annotate
from .axis import build_axis
from .embeds import EMBED_EVENTS, embed_of, embed_src, oembed_json, oembed_src
from .paging import Layout, Paging, TimelinePlan, event_map, paginate, periods_by_year
from .search import SearchSection, archive_section, event_section, terms_outside_summary
from .termlinks import TermPatterns, term_patterns, terms_of
from .urls import (
    CHANGES_PAGE,
    ENTITIES_PAGE,
    EVENT_MAP,
    GLOSSARY_PAGE,
    HOME_PAGE,
    SOURCES_PAGE,
    TAGS_PAGE,
    TIMELINE_PAGE,
    Site,
    entity_page,
    source_page,
    tag_page,
)

LIST_LIMIT = 12  # events listed under a glossary term or a source before "and N more"


@dataclass(frozen=True)
class Page:
    """One generated file under docs/: a page made by a template from its context, or data as text."""

    src: str
    template: str | None
    context: Mapping[str, object] = field(default_factory=dict)
    text: str = ""  # the file's text, when there is no template
    search: tuple[SearchSection, ...] | Callable[[], tuple[SearchSection, ...]] = ()  # its `model_block`s' text
    # Context worked out when the page is rendered, from what `context` holds (so it needs no key of
    # its own): a big build renders on two cores, and works out the records of its pages on one.
    later: Mapping[str, Callable[[], object]] = field(default_factory=dict)


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


_CITER_PLACES: Mapping[str, Callable[[Words], str]] = {
    "event": lambda words: words.gettext("Event: %(name)s"),
    "entity": lambda words: words.gettext("Who's who: %(name)s"),
    "term": lambda words: words.gettext("Glossary: %(name)s"),
    "explainer": lambda words: words.gettext("Home: %(name)s"),
}


@dataclass(frozen=True)
class Story:
    """What the kinds of page share, worked out once per build."""

    timeline: Timeline
    site: Site
    patterns: TermPatterns
    event_terms: Mapping[str, tuple[str, ...]]  # event id -> the glossary terms it uses
    groups: views.Groupings
    paging: Paging
    citers: Mapping[str, tuple[Citer, ...]]  # source id -> what quotes it, in reading order
    memo: Memo | None = None  # what earlier builds of one `mkdocs serve` made (see memo.py)
    catalogs: tuple[tuple[str, bytes], ...] = ()  # the word catalogs' bytes, read once a build (words/catalogs.py)
    words: Words = field(default_factory=english)  # the reader's language: the words templates write

    @property
    def plan(self) -> TimelinePlan:
        return self.paging.timeline

    def citers_of(self, source_id: str) -> tuple[Citer, ...]:
        return self.citers.get(source_id, ())

    def event_sections(self, events: tuple[Event, ...], numbers: Mapping[str, int]) -> tuple[SearchSection, ...]:
        """The search entries of these events' cards (numbered as on their page)."""
        timeline = self.timeline
        names = {entity.id: entity.name for entity in timeline.entities}
        terms = timeline.terms_by_id
        patterns = fixed(self.memo, "terms", timeline.terms)  # the patterns are made from the terms

        words = self.words  # the card's words, as its template writes them

        def section(event: Event) -> SearchSection:
            number, used = numbers.get(event.id), self.event_terms[event.id]
            key = (
                event,
                number,
                patterns,
                tuple(names[i] for i in event.entities),
                tuple(terms[i] for i in used),
                tuple(timeline.tag_label(tag) for tag in event.tags),
                self.site.language,
                self.catalogs,  # a served site's catalog may be edited
            )
            listed = functools.partial(terms_outside_summary, event, used, self.patterns)
            make = functools.partial(
                event_section, event, number, names, terms, words=words, tag_label=timeline.tag_label
            )
            return remember(self.memo, "search", key, lambda: make(listed()))

        return tuple(section(event) for event in events)


def _citers(cited: tuple[views.Cited, ...], paging: Paging, words: Words) -> dict[str, tuple[Citer, ...]]:
    places = {
        "event": lambda ident: (paging.timeline.page_of[ident], ident),
        "entity": lambda ident: (entity_page(ident), "sources"),
        "term": lambda ident: (GLOSSARY_PAGE, ident),
        "explainer": lambda ident: (HOME_PAGE, ident),
    }
    found: dict[str, list[Citer]] = defaultdict(list)
    for c in cited:
        label = _CITER_PLACES[c.kind](words) % {"name": c.name}
        found[c.citation.source].append(Citer(label, *places[c.kind](c.id), c.citation))
    return {source: tuple(citers) for source, citers in found.items()}


def story_of(timeline: Timeline, site: Site, layout: Layout, memo: Memo | None = None) -> Story:
    patterns = term_patterns(timeline.terms)
    terms = fixed(memo, "terms", timeline.terms)  # the patterns are made from the terms
    event_terms = {
        event.id: remember(memo, "event terms", (event, terms), functools.partial(terms_of, event, patterns))
        for event in timeline.events
    }
    groups = views.group(timeline, event_terms)
    words = words_for(site.language)
    paging = paginate(groups, layout, words)
    citers = _citers(groups.cited, paging, words)
    return Story(timeline, site, patterns, event_terms, groups, paging, citers, memo, catalogs_bytes(), words)


def home(story: Story) -> Iterator[Page]:
    yield Page(HOME_PAGE, "index.md.j2")


def timeline(story: Story) -> Iterator[Page]:
    """The timeline on one page, or on one page per period under an index of periods."""
    plan = story.plan
    background = story.groups.background
    tags = tuple(story.groups.by_tag)
    filter_entities = [e for e in story.groups.entities if e.id in story.groups.by_entity]
    for number, period in enumerate(plan.pages):
        shown = period.events + (background if period.src == TIMELINE_PAGE else ())
        numbers = {event.id: number for number, event in enumerate(shown, 1)}
        yield Page(
            period.src,
            "timeline.md.j2",
            {
                "period": period,
                "previous": plan.pages[number - 1] if number else None,
                "next": plan.pages[number + 1] if number + 1 < len(plan.pages) else None,
                "years": story.paging.years[period.src],
                "numbers": numbers,
                "background": background,
                "tags": tags,
                "filter_entities": filter_entities,
            },
            search=functools.partial(story.event_sections, shown, numbers),
            later={
                "axis": functools.partial(
                    remember,
                    story.memo,
                    "axis",
                    (shown, story.words),
                    functools.partial(build_axis, shown, story.words),
                )
            },
        )
    if plan.split:
        yield Page(
            TIMELINE_PAGE,
            "timeline_index.md.j2",
            {"by_year": periods_by_year(plan, story.words), "background": background},
            search=story.event_sections(background, {}),
        )


def event_map_file(story: Story) -> Iterator[Page]:
    """Where each event lives, when the timeline is split (see paging.event_map)."""
    if story.plan.split:
        yield Page(EVENT_MAP, None, text=event_map(story.plan, story.timeline.redirects, story.site))


def _list_parts(listing: TimelinePlan, total: int, home_src: str, heading: str) -> Iterator[Page]:
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
                "total": total,
                "previous": listing.pages[number - 1] if number else None,
                "next": listing.pages[number + 1] if number + 1 < len(listing.pages) else None,
            },
        )


def tag_index(story: Story) -> Iterator[Page]:
    yield Page(TAGS_PAGE, "tags.md.j2", {"by_tag": story.groups.by_tag})


def tag_pages(story: Story) -> Iterator[Page]:
    for tag, events in story.groups.by_tag.items():
        src, listing = tag_page(tag), story.paging.by_tag[tag]
        label = story.timeline.tag_label(tag)
        heading = story.words.gettext("Tag: %(tag)s") % {"tag": label}
        yield from _list_parts(listing, len(events), src, heading)
        context = {
            "tag": tag,
            "label": label,
            "heading": heading,
            "events": events,
            "listing": listing,
            "timeline_split": story.plan.split,
        }
        yield Page(src, "tag.md.j2", context)


def entity_index(story: Story) -> Iterator[Page]:
    yield Page(
        ENTITIES_PAGE, "entities.md.j2", {"entities": story.groups.entities, "events_of": story.groups.by_entity}
    )


def entity_pages(story: Story) -> Iterator[Page]:
    for entity in story.timeline.entities:
        events = story.groups.by_entity.get(entity.id, ())
        src, listing = entity_page(entity.id), story.paging.by_entity[entity.id]
        yield from _list_parts(listing, len(events), src, entity.name)
        children = story.groups.children.get(entity.id, ())
        context = {"entity": entity, "children": children, "events": events, "listing": listing}
        yield Page(src, "entity.md.j2", context)


def glossary(story: Story) -> Iterator[Page]:
    yield Page(GLOSSARY_PAGE, "glossary.md.j2", {"letters": story.groups.letters, "events_of": story.groups.by_term})


def source_index(story: Story) -> Iterator[Page]:
    sources = story.timeline.sources
    context = {"citing": story.groups.citing, "publishers": by_publisher(sources), "relayed_by": relayed_by(sources)}
    yield Page(SOURCES_PAGE, "sources.md.j2", context)


def source_pages(story: Story) -> Iterator[Page]:
    for source in story.timeline.sources:
        if source.id in story.timeline.archives:
            quoted = tuple((citer.label, citer.citation) for citer in story.citers_of(source.id))
            archive = story.timeline.archives[source.id]
            make = functools.partial(annotate, story.timeline, source.id, quoted)
            # marked when the page is rendered (on two cores in a big build), once for its text and search
            annotated = functools.cache(
                functools.partial(remember, story.memo, "annotated", (source.id, archive, quoted), make)
            )
            context = {"source": source, "cited": story.citers_of(source.id)}
            yield Page(
                source_page(source.id),
                "source.md.j2",
                context,
                search=functools.partial(_archive_sections, annotated, source.full_text),
                later={"annotated": annotated},
            )


def _archive_sections(annotated: Callable[[], AnnotatedSource], full_text: bool) -> tuple[SearchSection, ...]:
    return (archive_section(annotated(), full_text),)


def embed_pages(story: Story) -> Iterator[Page]:
    """An embed of the timeline (of each period's page, when it is split, so that one event's embed
    is its period's, at its anchor), of each entity's and each tag's newest events, and the oEmbed
    description of the timeline's, each entity's and each tag's."""
    _ = story.words.gettext
    plan, background = story.plan, story.groups.background
    title = _("Timeline")
    newest = plan.pages[-1].events if plan.pages else ()
    shown = (newest + background) if not plan.split else newest[-EMBED_EVENTS:]  # a long one: its newest
    pages = [(TIMELINE_PAGE, title, shown, len(story.timeline.events) - len(shown), "timeline")]
    # one event's embed: its period's embed page, which shows the card its period's page has (embed.js
    # takes it from there), so a long timeline's embeds cost no card of their own
    if plan.split:
        pages += [(period.src, period.label, period.events, 0, "event") for period in plan.pages]
    for entity in story.timeline.entities:
        events = story.groups.by_entity.get(entity.id, ())
        pages.append(
            (entity_page(entity.id), entity.name, events[-EMBED_EVENTS:], max(0, len(events) - EMBED_EVENTS), "list")
        )
    for tag, events in story.groups.by_tag.items():
        name = _("Tag: %(tag)s") % {"tag": story.timeline.tag_label(tag)}
        pages.append((tag_page(tag), name, events[-EMBED_EVENTS:], max(0, len(events) - EMBED_EVENTS), "list"))
    for src, heading, events, more, kind in pages:
        embed = embed_of(story.site, src, kind, heading)
        context = {
            "heading": heading,
            "full": src,
            "events": () if kind == "event" else events,  # a period's embed shows its page's card
            "more": more,
            "embed": embed,
            "from_page": kind == "event",
        }
        yield Page(embed_src(src), "embed.md.j2", context)
        if kind != "event":  # a period's embed is there for its events, each embedded by its own link
            yield Page(oembed_src(src), None, text=oembed_json(story.site, embed, story.site.name))


def changes(story: Story) -> Iterator[Page]:
    """The corrections log, newest first, under the days they were made."""
    days: dict[object, list] = {}
    for change in story.groups.corrections:
        days.setdefault(change.day, []).append(change)
    log = story.timeline.changes
    yield Page(
        CHANGES_PAGE, "changes.md.j2", {"days": tuple((day, tuple(found)) for day, found in days.items()), "log": log}
    )


# The order MkDocs is given the pages in, which search results follow: the nav's pages first.
PAGE_KINDS = (
    home,
    entity_index,
    glossary,
    source_index,
    changes,
    tag_index,
    tag_pages,
    timeline,
    entity_pages,
    source_pages,
    event_map_file,
    embed_pages,
)


def site_pages(story: Story) -> tuple[Page, ...]:
    """Every generated file, in the order of PAGE_KINDS."""
    return tuple(page for kind in PAGE_KINDS for page in kind(story))
