"""Machine-readable exports, all made from the one model the pages use.

JSON (with its JSON Schema), CSV, Atom, iCalendar and TimelineJS3 JSON, one module each.
Every export is deterministic: no clock, only the data and its git history, so two builds
of one commit write the same bytes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ..memo import Memo, all_but_events, fixed, remember
from ..model import views
from ..model.records import Timeline
from ..pages.paging import FEED_ENTRIES
from ..pages.urls import Site
from ..words.reader import words_for
from .atom import atom_feed
from .changes_feed import changes_feed
from .csvfile import timeline_csv
from .each import every
from .ical import timeline_ics
from .jsondata import event_json, timeline_json, timeline_json_schema
from .timelinejs import event_slide, timelinejs


@dataclass(frozen=True)
class Published:
    """What the feeds and calendars call the site (where it lives is the `Site`'s to say)."""

    title: str
    description: str


def _json_text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _compact_with_events(data: dict, events: list[str]) -> str:
    """Compact JSON of `data` whose "events" list is given as the events' own compact JSON texts."""
    text = _json_text({**data, "events": []}) + "\n"
    # Keys and values before "events" are JSON strings, whose quotes are escaped: the first
    # `"events":[]` is the key itself.
    return text.replace('"events":[]', '"events":[' + ",".join(events) + "]", 1)


def export_files(
    timeline: Timeline, published: Published, site: Site, memo: Memo | None = None, feed_entries: int = FEED_ENTRIES
) -> dict[str, str]:
    """Every export, by file name, as text. Links in them are absolute, from `site.base_url`. The
    feed carries the newest `feed_entries` events; JSON, CSV and iCalendar carry every one.

    With a `memo`, an event's part of each export is made again only when the event, the site or
    anything else the story holds changed (`all_but_events`: a field added to the story later is
    covered without a list to keep up to date).
    """
    if memo is None:  # a cold build: every part made once, and no key worth hashing
        each = every
    else:
        context = fixed(memo, "export context", (site, all_but_events(timeline)))

        def each(kind: str, make, events) -> list:
            return [remember(memo, kind, (event, context), functools.partial(make, event)) for event in events]

    ordered = views.ordered_events(timeline.events)
    words = words_for(site.language)  # the human text of the feed, the calendar and TimelineJS
    return {
        "timeline.json": _compact_with_events(
            timeline_json(timeline, published, site, with_events=False),
            each("json", lambda e: _json_text(event_json(timeline, site, e)), ordered),
        ),
        "timeline.schema.json": json.dumps(timeline_json_schema(), indent=1) + "\n",
        "timeline.csv": timeline_csv(timeline, site, each),
        "feed.xml": atom_feed(timeline, published, site, each, words, feed_entries),
        "changes.xml": changes_feed(timeline, published, site, words, feed_entries),
        "timeline.ics": timeline_ics(timeline, published, site, each, words),
        "timelinejs.json": _compact_with_events(
            timelinejs(timeline, published, site, with_events=False, words=words),
            each("timelinejs", lambda e: _json_text(event_slide(timeline, site, e, words)), ordered),
        ),
    }
