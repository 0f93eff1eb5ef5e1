"""`changes.xml`: an Atom feed of the corrections log, newest first, one entry per change to an
event (what the Changes page lists), so a reader can follow corrections as they are made."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..model.records import Change, Timeline
from ..model.views import change_title, corrections
from ..pages.urls import CHANGES_PAGE, TIMELINE_PAGE, Site
from ..words.changes import describe
from ..words.reader import Words, english

if TYPE_CHECKING:
    from . import Published


def _entry(timeline: Timeline, site: Site, change: Change, words: Words, titles: dict[str, str]) -> str:
    title = change_title(timeline, change)
    what = describe(change, words, titles)
    reason = change.reason
    url = site.absolute(TIMELINE_PAGE, change.event)
    text = f"<p>{xml_escape(what)}</p>" + (f"<p>{xml_escape(reason)}</p>" if reason else "")
    return "\n".join(
        [
            "  <entry>",
            f"    <id>{xml_escape(site.absolute(CHANGES_PAGE, f'{change.commit}-{change.event}'))}</id>",
            f"    <title>{xml_escape(f'{title}: {what}')}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <updated>{change.day.isoformat()}T00:00:00Z</updated>",
            f'    <content type="html">{xml_escape(text)}</content>',
            "  </entry>",
        ]
    )


def changes_feed(
    timeline: Timeline, published: Published, site: Site, words: Words | None = None, limit: int | None = None
) -> str:
    """The newest `limit` corrections (every one without a limit), dated by their commits."""
    words = words or english()
    changed = corrections(timeline)
    titles = {source.id: source.title for source in timeline.sources}
    updated = changed[0].day if changed else dt.date(1970, 1, 1)
    name = words.gettext("%(site)s: changes") % {"site": published.title}
    contributors = words.gettext("%(site)s contributors") % {"site": published.title}
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(words.language)}>',
        f"  <title>{xml_escape(name)}</title>",
        f"  <id>{xml_escape(site.absolute(CHANGES_PAGE))}</id>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(site.absolute(CHANGES_PAGE))}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(site.absolute("changes.xml"))}/>',
        f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
        f"  <author><name>{xml_escape(contributors)}</name></author>",
        *(_entry(timeline, site, change, words, titles) for change in changed[:limit]),
        "</feed>",
    ]
    return "\n".join(lines) + "\n"
