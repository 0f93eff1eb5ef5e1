"""Machine-readable exports, all made from the one model the pages use.

JSON (with its JSON Schema), CSV, Atom, iCalendar and TimelineJS3 JSON, one module each.
Every export is deterministic: no clock, only the data and its git history, so two builds
of one commit write the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model.records import Timeline
from ..pages.urls import Site
from .atom import atom_feed
from .csvfile import timeline_csv
from .ical import timeline_ics
from .jsondata import timeline_json, timeline_json_schema
from .timelinejs import timelinejs

FILES = ("timeline.json", "timeline.schema.json", "timeline.csv", "feed.xml", "timeline.ics", "timelinejs.json")


@dataclass(frozen=True)
class Published:
    """What the feeds and calendars call the site (where it lives is the `Site`'s to say)."""

    title: str
    description: str


def _compact(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def export_files(timeline: Timeline, published: Published, site: Site) -> dict[str, str]:
    """Every export, by file name, as text. Links in them are absolute, from `site.base_url`."""
    return {
        "timeline.json": _compact(timeline_json(timeline, published, site)),
        "timeline.schema.json": json.dumps(timeline_json_schema(), indent=1) + "\n",
        "timeline.csv": timeline_csv(timeline, site),
        "feed.xml": atom_feed(timeline, published, site),
        "timeline.ics": timeline_ics(timeline, published, site),
        "timelinejs.json": _compact(timelinejs(timeline, published, site)),
    }
