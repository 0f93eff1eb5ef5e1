"""schema.org structured data (JSON-LD) for the pages, so search engines read events and sources.

Apart from the exports: these describe a page, in the vocabulary search engines read, and
are embedded in it; the exports describe the whole story for people who reuse the data.
"""

from __future__ import annotations

import json

from ..model.dates import EdtfDate
from ..model.records import Event, Source
from .urls import TIMELINE_PAGE, Site, source_page


def _plain_date(date: EdtfDate) -> dict:
    start = date.placed_on
    data = {"startDate": start.isoformat()}
    if date.latest and date.latest != start:
        data["endDate"] = date.latest.isoformat()
    return data


def events_jsonld(events: tuple[Event, ...], site: Site, name: str = "Timeline") -> dict:
    """A timeline page's events, as a list of schema.org events by permanent link, the list `name`d
    in the reader's language."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": name,
        "numberOfItems": len(events),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": {
                    "@type": "Event",
                    "name": e.title,
                    "url": site.absolute(TIMELINE_PAGE, e.id),
                    **_plain_date(e.date),
                },
            }
            for position, e in enumerate(events, 1)
        ],
    }


def source_jsonld(source: Source, site: Site) -> dict:
    """An archived source's page, as a schema.org news article."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "temporalCoverage": source.published.text,
    }
    if source.language:
        data["inLanguage"] = source.language
    if source.full_text:  # otherwise the archive is not published
        data["archivedAt"] = site.absolute(source.archive)
    if source.based_on:
        data["isBasedOn"] = site.absolute(source_page(source.based_on))
    if source.url:
        data["url"] = source.url
    if source.author:
        data["author"] = {"@type": "Person", "name": source.author}
    if source.published.is_plain_day:
        data["datePublished"] = source.published.placed_on.isoformat()
    return data


def jsonld_script(data: dict) -> str:
    """A JSON-LD block that cannot close its <script> element early, whatever the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
