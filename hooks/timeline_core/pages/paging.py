"""Paging: how many events a page holds, and which page each event is on.

The sizes come from `extra.timeline` in mkdocs.yml. A wrong value there is reported like a
data problem (`mkdocs.yml:line:column: error: …`) and the default is used instead, so a typo
never stops `mkdocs serve` and never passes unnoticed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model.records import Event, Redirect
from ..model.views import Groupings
from ..problems import Problem, did_you_mean
from ..words.reader import Words, english
from .urls import TIMELINE_FOLDER, TIMELINE_PAGE, Site, entity_page, tag_page

CONFIG_FILE = "mkdocs.yml"
EVENTS_PER_PAGE = 100
LINKS_PER_PAGE = 500  # a list of links to events (an entity's, a tag's) is split past this many
FEED_ENTRIES = 50  # the newest events in feed.xml: feed readers fetch it often and cut long ones


@dataclass(frozen=True)
class Layout:
    """How many events one timeline page shows, how many links one list page holds, and how many
    of the newest events the feed carries."""

    events_per_page: int = EVENTS_PER_PAGE
    links_per_page: int = LINKS_PER_PAGE
    feed_entries: int = FEED_ENTRIES
    # the repository's address on GitHub (https://github.com/owner/name): cards and the Changes page
    # link to its "Report an error" form, the footer to "Add an event"; without it, no such links
    repository: str = ""


DEFAULTS = Layout()
OPTIONS = tuple(DEFAULTS.__dataclass_fields__)
SIZES = tuple(name for name in OPTIONS if name != "repository")
_REPOSITORY = re.compile(r"https://[A-Za-z0-9.-]+(?::\d+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def _mark(config_text: str, key: str) -> tuple[int, int]:
    """Where `key:` is first written under `extra:` in mkdocs.yml, or 1:1 if it cannot be found."""
    extra = re.search(r"^extra\s*:", config_text, re.M)
    found = re.compile(rf"^(\s*){re.escape(key)}\s*:", re.M).search(config_text, extra.end() if extra else 0)
    if found is None:
        return 1, 1
    return config_text.count("\n", 0, found.start()) + 1, len(found.group(1)) + 1


def read_layout(options: object, config_text: str = "") -> tuple[Layout, tuple[Problem, ...]]:
    """The layout that `extra.timeline` asks for, and a problem for each value that cannot be used."""
    problems = []

    def problem(key: str, message: str) -> None:
        line, column = _mark(config_text, key)
        problems.append(Problem(CONFIG_FILE, line, column, message))

    if options is None:
        return DEFAULTS, ()
    if not isinstance(options, dict):
        problem(
            "timeline",
            f"extra.timeline must be a mapping of options ({', '.join(OPTIONS)}), "
            f"not {type(options).__name__}; the defaults are used",
        )
        return DEFAULTS, tuple(problems)
    for key in options:
        if key not in OPTIONS:
            problem(
                str(key),
                f"extra.timeline.{key} is not an option{did_you_mean(str(key), OPTIONS)}; "
                f"the options are {', '.join(OPTIONS)}",
            )
    repository = options.get("repository", "")
    if repository and not (isinstance(repository, str) and _REPOSITORY.fullmatch(repository.rstrip("/"))):
        problem(
            "repository",
            f"extra.timeline.repository is {repository!r}; write the repository's https address, "
            "such as https://github.com/newsroom/story, or leave it out",
        )
        repository = ""
    sizes: dict[str, object] = {"repository": str(repository).rstrip("/")}
    for name in SIZES:
        default = getattr(DEFAULTS, name)
        value = options.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problem(
                name,
                f"extra.timeline.{name} is {value!r}; write a whole number of 1 or more (the default is {default})",
            )
            value = default
        sizes[name] = value
    return Layout(**sizes), tuple(problems)  # type: ignore[arg-type]


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


def timeline_groups(events: tuple[Event, ...], words: Words | None = None) -> tuple[YearGroup, ...]:
    """Events, in reading order, under the headings of their year and month (in the reader's words)."""
    calendar = (words or english()).calendar
    by_month: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in events:
        by_month[event.month].append(event)
    years: dict[int, list[MonthGroup]] = defaultdict(list)
    for (year, month), members in by_month.items():
        years[year].append(MonthGroup(f"{year:04d}-{month:02d}", calendar.month_name(year, month), tuple(members)))
    return tuple(
        YearGroup(f"{year:04d}", calendar.day(dt.date(year, 1, 1), "year"), tuple(months))
        for year, months in years.items()
    )


def events_by_year(
    events: tuple[Event, ...], words: Words | None = None
) -> tuple[tuple[str, str, tuple[Event, ...]], ...]:
    """A long list of events, in reading order, cut under year headings (anchor, heading, events), so
    a reader can jump through it; background events come last, under their own heading."""
    words = words or english()
    background = tuple(e for e in events if e.background)
    story = tuple(e for e in events if not e.background)
    years = tuple(
        (year.key, year.label, tuple(e for month in year.months for e in month.events))
        for year in timeline_groups(story, words)
    )
    return years + ((("Background", words.gettext("Background"), background),) if background else ())


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


def plan_pages(
    events: tuple[Event, ...],
    limit: int = EVENTS_PER_PAGE,
    single: str = TIMELINE_PAGE,
    folder: str = TIMELINE_FOLDER,
    words: Words | None = None,
) -> TimelinePlan:
    """Split the timeline (or a list of events, in reading order) by period so no page holds more
    than `limit` events.

    When everything fits, one page. Otherwise consecutive months are packed into pages of at
    most `limit` events ("Jan–Jun 2016", "April 2026"), and a month that alone holds more is
    split into parts. Page cost stays linear in the number of events; pages may change as
    events are added, and the event map keeps every `timeline/#<id>` link working.
    Pages are `single` when one is enough, else under `folder/`; their periods are labelled in the
    reader's `words`.
    """
    words = words or english()
    ordered = events
    if len(ordered) <= limit:
        page = PeriodPage(single, "", "", ordered)
        return TimelinePlan((page,), {e.id: single for e in ordered})
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for event in ordered:
        months[event.month].append(event)
    pages: list[PeriodPage] = []
    pending: list[tuple[tuple[int, int], list[Event]]] = []

    def flush() -> None:
        if pending:
            first, last = pending[0][0], pending[-1][0]
            members = tuple(e for _, month_events in pending for e in month_events)
            pages.append(
                PeriodPage(
                    f"{folder}/{_period_key(first, last)}.md",
                    _period_key(first, last),
                    words.period_label(first, last),
                    members,
                )
            )
            pending.clear()

    for month, month_events in months.items():
        if len(month_events) > limit:
            flush()
            parts = [month_events[i : i + limit] for i in range(0, len(month_events), limit)]
            for number, part in enumerate(parts, 1):
                key = _period_key(month, month) + ("" if number == 1 else f"-p{number}")
                label = words.gettext("%(period)s, part %(number)s of %(parts)s") % {
                    "period": words.period_label(month, month),
                    "number": words.number(number),
                    "parts": words.number(len(parts)),
                }
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


def periods_by_year(
    plan: TimelinePlan, words: Words | None = None
) -> tuple[tuple[str, str, tuple[PeriodPage, ...]], ...]:
    """The timeline's index: its pages under their years (anchor, heading, pages)."""
    calendar = (words or english()).calendar
    years: dict[str, list[PeriodPage]] = defaultdict(list)
    for page in plan.pages:
        years[page.key[:4]].append(page)
    return tuple((year, calendar.day(dt.date(int(year), 1, 1), "year"), tuple(pages)) for year, pages in years.items())


def event_map(plan: TimelinePlan, redirects: Iterable[Redirect], site: Site) -> str:
    """Where each event lives, for the timeline index to send `timeline/#<id>` links on.

    Old ids from timeline/redirects.yml lead to the event they became.
    """
    # A data file, not a page: no builder rewrites its links, so they are always from the page's address.
    page_site = replace(site, links_from_source=False)
    mapping = {ident: page_site.link(TIMELINE_PAGE, src, ident) for ident, src in plan.page_of.items()}
    for redirect in redirects:
        if redirect.new is not None and redirect.new in plan.page_of:
            mapping[redirect.old] = page_site.link(TIMELINE_PAGE, plan.page_of[redirect.new], redirect.new)
    return json.dumps(dict(sorted(mapping.items())), separators=(",", ":")) + "\n"


@dataclass(frozen=True)
class Paging:
    """Which page every event is on: the timeline's plan, and the plan of each long list."""

    timeline: TimelinePlan
    years: dict[str, tuple[YearGroup, ...]]  # period page src -> its events under year and month headings
    by_entity: dict[str, TimelinePlan]  # entity id -> the plan of its list of events
    by_tag: dict[str, TimelinePlan]


def paginate(groups: Groupings, layout: Layout, words: Words | None = None) -> Paging:
    """Plan every paged list of the story, once, its periods labelled in the reader's `words`."""
    # Background events are listed apart, after the story, on the Timeline page itself
    story_events = groups.events[: len(groups.events) - len(groups.background)]
    story = plan_pages(story_events, layout.events_per_page, words=words)
    plan = TimelinePlan(story.pages, {**story.page_of, **{e.id: TIMELINE_PAGE for e in groups.background}})

    def listing(events: tuple[Event, ...], src: str) -> TimelinePlan:
        return plan_pages(events, layout.links_per_page, src, src.removesuffix(".md"), words)

    return Paging(
        timeline=plan,
        years={page.src: timeline_groups(page.events, words) for page in plan.pages},
        by_entity={e.id: listing(groups.by_entity.get(e.id, ()), entity_page(e.id)) for e in groups.entities},
        by_tag={tag: listing(events, tag_page(tag)) for tag, events in groups.by_tag.items()},
    )
