"""`feed.xml`: an Atom feed of the newest events, newest first, linked from every page's head.

Feed readers fetch a feed every hour or so and cut or refuse a very long one, so the feed holds the
newest events only (`extra.timeline.feed_entries`, 50 by default) and links to `timeline.json`,
which holds every event.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..model.records import Event, Timeline
from ..model.views import last_changed
from ..pages.urls import TIMELINE_PAGE, Site
from ..words.reader import Words, english
from .each import Each, every

if TYPE_CHECKING:
    from . import Published


def _label(timeline: Timeline, tag: str) -> str:
    """A category's human-readable name, when timeline/tags.yml gives the tag one."""
    return f" label={quoteattr(timeline.tag_labels[tag])}" if tag in timeline.tag_labels else ""


def event_entry(timeline: Timeline, site: Site, e: Event, words: Words | None = None) -> str:
    """One event as an Atom entry, with a stable id and proper dates, its text in the reader's words."""
    words = words or english()
    url = site.absolute(TIMELINE_PAGE, e.id)
    background = words.gettext("Background")
    note = words.placement_note(e.date)
    content = (
        (f"<p><em>{xml_escape(words.background_note())}</em></p>" if e.background else "")
        + f"<p><strong>{xml_escape(words.date_text(e.date))}</strong> · {xml_escape(words.status_in_text(e.status))}"
        + (f" · {xml_escape(note)}" if note else "")
        + f"</p>{e.summary.html}"
        + (f"<p>{xml_escape(note)}</p>" if (note := words.support_note(timeline.support[e.id])) else "")
    )
    lines = [
        "  <entry>",
        f"    <id>{xml_escape(url)}</id>",
        f"    <title>{xml_escape(e.title)}</title>",
        f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
        f"    <published>{e.date.placed_on.isoformat()}T00:00:00Z</published>",
        f"    <updated>{max(last_changed(timeline, e), e.date.placed_on).isoformat()}T00:00:00Z</updated>",
        f'    <content type="html">{xml_escape(content)}</content>',
        *[f"    <category term={quoteattr(tag)}{_label(timeline, tag)}/>" for tag in e.tags],
        *([f'    <category term="background" label={quoteattr(background)}/>'] if e.background else []),
        "  </entry>",
    ]
    return "\n".join(lines)


def atom_feed(
    timeline: Timeline,
    published: Published,
    site: Site,
    each: Each = every,
    words: Words | None = None,
    limit: int | None = None,
) -> str:
    """An Atom feed of the newest `limit` events (all without one), newest first (`event_entry`);
    its `updated` is that of the newest change to any event, so a reader sees a correction too."""
    words = words or english()
    contributors = words.gettext("%(site)s contributors") % {"site": published.title}
    newest = sorted(timeline.events, key=lambda e: (e.date.placed_on, e.id), reverse=True)
    updated = max((last_changed(timeline, e) for e in newest), default=dt.date(1970, 1, 1))
    events = newest[:limit] if limit is not None else newest
    every_event = words.gettext("Every event, in timeline.json")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(timeline.language)}>',
        f"  <title>{xml_escape(published.title)}</title>",
        f"  <subtitle>{xml_escape(published.description)}</subtitle>",
        f"  <id>{xml_escape(site.base_url)}</id>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(site.absolute(TIMELINE_PAGE))}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(site.absolute("feed.xml"))}/>',
        f'  <link rel="related" type="application/json" href={quoteattr(site.absolute("timeline.json"))}'
        f" title={quoteattr(every_event)}/>",
        f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"  <author><name>{xml_escape(contributors)}</name></author>",
        *each("atom", functools.partial(event_entry, timeline, site, words=words), events),
        "</feed>",
    ]
    return "\n".join(lines) + "\n"
