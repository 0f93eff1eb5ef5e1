"""Machine-readable exports, all made from the one model the pages use.

JSON (with its JSON Schema), CSV, Atom, iCalendar and TimelineJS3 JSON, one module each.
Every export is deterministic: no clock, only the data and its git history, so two builds
of one commit write the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..memo import Memo, all_but_events, fixed
from ..model.records import Timeline
from ..pages.paging import FEED_ENTRIES
from ..pages.urls import Site
from ..words.reader import Words, words_for
from .atom import atom_feed
from .changes_feed import changes_feed
from .csvfile import timeline_csv
from .each import Each, every, remembered
from .ical import timeline_ics
from .jsondata import event_json, timeline_json, timeline_json_schema
from .timelinejs import event_slide, timelinejs


@dataclass(frozen=True)
class Published:
    """What the feeds and calendars call the site (where it lives is the `Site`'s to say)."""

    title: str
    description: str


@dataclass(frozen=True)
class ExportContext:
    """What every export reads: the story, what the site is called and where it lives, the
    reader's words (the feed's, the calendar's and TimelineJS's human text) and the feed's size."""

    timeline: Timeline
    published: Published
    site: Site
    words: Words
    feed_entries: int = FEED_ENTRIES


# An export: its file name, and how it is made from the context and `each` (which makes its
# per-event parts, in turn or through serve's memo: see each.py). Every export is registered here,
# in the order the site lists them; a new one is one line (ARCHITECTURE.md, "An export").
Export = tuple[str, Callable[[ExportContext, Each], str]]


def _json_text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _compact_with_events(data: dict, events: list[str]) -> str:
    """Compact JSON of `data` whose "events" list is given as the events' own compact JSON texts:
    the head and tail are the dump of `data` with no events, the parts each event's own dump (kept
    by serve's memo, so one edited event is dumped again, not ten thousand)."""
    text = _json_text({**data, "events": []}) + "\n"
    # Keys and values before "events" are JSON strings, whose quotes are escaped: the first
    # `"events":[]` is the key itself.
    return text.replace('"events":[]', '"events":[' + ",".join(events) + "]", 1)


def _timeline_json(c: ExportContext, each: Each) -> str:
    ordered = c.timeline.reading_order
    parts = each("json", lambda e: _json_text(event_json(c.timeline, c.site, e)), ordered)
    return _compact_with_events(timeline_json(c.timeline, c.published, c.site, with_events=False), parts)


def _timelinejs_json(c: ExportContext, each: Each) -> str:
    ordered = c.timeline.reading_order
    parts = each("timelinejs", lambda e: _json_text(event_slide(c.timeline, c.site, e, c.words)), ordered)
    return _compact_with_events(timelinejs(c.timeline, c.published, c.site, with_events=False, words=c.words), parts)


EXPORTS: tuple[Export, ...] = (
    ("timeline.json", _timeline_json),
    ("timeline.schema.json", lambda c, each: json.dumps(timeline_json_schema(), indent=1) + "\n"),
    ("timeline.csv", lambda c, each: timeline_csv(c.timeline, c.site, each)),
    ("feed.xml", lambda c, each: atom_feed(c.timeline, c.published, c.site, each, c.words, c.feed_entries)),
    ("changes.xml", lambda c, each: changes_feed(c.timeline, c.published, c.site, c.words, c.feed_entries)),
    ("timeline.ics", lambda c, each: timeline_ics(c.timeline, c.published, c.site, each, c.words)),
    ("timelinejs.json", _timelinejs_json),
)


def export_files(
    timeline: Timeline, published: Published, site: Site, memo: Memo | None = None, feed_entries: int = FEED_ENTRIES
) -> dict[str, str]:
    """Every export of `EXPORTS`, by file name, as text, over one context. Links in them are
    absolute, from `site.base_url`. The feed carries the newest `feed_entries` events; JSON, CSV and
    iCalendar carry every one.

    With a `memo`, an event's part of each export is made again only when an event of its run
    (`each.remembered`), the site or anything else the story holds changed (`all_but_events`: a
    field added to the story later is covered without a list to keep up to date).
    """
    context = ExportContext(timeline, published, site, words_for(site.language), feed_entries)
    if memo is None:  # a cold build: every part made once, and no key worth hashing
        each: Each = every
    else:
        each = remembered(memo, fixed(memo, "export context", (site, all_but_events(timeline))))

    return {name: make(context, each) for name, make in EXPORTS}
