"""Machine-readable exports, all made from the one model the pages use.

JSON (with its JSON Schema), CSV, Atom, iCalendar and TimelineJS3 JSON. Every
export is deterministic: no clock, only the data and its git history, so two
builds of one commit write the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from . import views
from .dates import EdtfDate, display_date
from .model import Event, Timeline
from .urls import TIMELINE_PAGE, Site

EXPORT_VERSION = "1.0"
FILES = ("timeline.json", "timeline.schema.json", "timeline.csv", "feed.xml", "timeline.ics", "timelinejs.json")


@dataclass(frozen=True)
class Published:
    """Where the site lives, for absolute links in exports (feeds and calendars need them)."""

    site_url: str  # ends with "/"
    title: str
    description: str

    def event_url(self, event: Event, timeline_url: str) -> str:
        return f"{self.site_url}{timeline_url}#{event.id}"


def _date_json(date: EdtfDate) -> dict:
    return {
        "edtf": date.text,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
        "display": display_date(date),
    }


def _history(timeline: Timeline, path: str) -> dict:
    history = timeline.history.get(path)
    return {"added": history.added.isoformat() if history else None,
            "changed": history.changed.isoformat() if history else None}


def _citations_json(citations) -> list[dict]:
    """Quotes as exported: each was found in its archived source, or the build would have failed."""
    return [{"source": c.source, "quote": c.quote, "verified": True} for c in citations]


def timeline_json(timeline: Timeline, published: Published, timeline_url: str) -> dict:
    """Everything on the site, with dates as EDTF and as earliest/latest days, and verified quotes."""
    return {
        "version": EXPORT_VERSION,
        "title": published.title,
        "url": published.site_url,
        "events": [{
            "id": e.id,
            "url": published.event_url(e, timeline_url),
            "title": e.title,
            "date": _date_json(e.date),
            "date_basis": e.date_basis,
            "date_note": e.date_note,
            "status": e.status,
            "summary": e.summary.source,
            "tags": list(e.tags),
            "entities": list(e.entities),
            "terms": list(e.terms),
            "citations": _citations_json(e.citations),
            **_history(timeline, e.path),
        } for e in views.ordered_events(timeline.events)],
        "entities": [{
            "id": e.id, "name": e.name, "kind": e.kind, "parent": e.parent, "aliases": list(e.aliases),
            "description": e.description.source,
            "citations": _citations_json(e.citations),
        } for e in views.entities_order(timeline)],
        "glossary": [{
            "id": t.id, "term": t.term, "aliases": list(t.aliases), "definition": t.definition.source,
            "basis": t.basis, "see_also": list(t.see_also),
            "citations": _citations_json(t.citations),
        } for t in views.glossary_order(timeline.terms)],
        "sources": [{
            "id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author, "url": s.url,
            "published": _date_json(s.published), "published_note": s.published_note,
            "accessed": s.accessed.isoformat(), "archive": s.archive, "note": s.note,
        } for s in timeline.sources],
    }


def timeline_json_schema() -> dict:
    """The JSON Schema of `timeline.json`, published beside it."""
    nullable_string = {"type": ["string", "null"]}
    day = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    date = {"type": "object", "additionalProperties": False, "required": ["edtf", "earliest", "latest", "display"],
            "properties": {"edtf": {"type": "string"}, "earliest": day, "latest": day, "display": {"type": "string"}}}
    citation = {"type": "object", "additionalProperties": False, "required": ["source", "quote", "verified"],
                "properties": {"source": {"type": "string"}, "quote": {"type": "string"},
                               "verified": {"const": True}}}
    citations = {"type": "array", "items": {"$ref": "#/$defs/citation"}}
    strings = {"type": "array", "items": {"type": "string"}}

    def record(properties: dict) -> dict:
        return {"type": "object", "additionalProperties": False, "required": list(properties),
                "properties": properties}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "timeline.schema.json",
        "title": "A cited timeline, exported",
        **record({
            "version": {"const": EXPORT_VERSION},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "events": {"type": "array", "items": record({
                "id": {"type": "string"}, "url": {"type": "string", "format": "uri"}, "title": {"type": "string"},
                "date": {"$ref": "#/$defs/date"}, "date_basis": {"enum": ["stated", "inferred"]},
                "date_note": nullable_string, "status": {"enum": ["confirmed", "reported", "speculation"]},
                "summary": {"type": "string"}, "tags": strings,
                "entities": strings, "terms": strings, "citations": {**citations, "minItems": 1},
                "added": day, "changed": day})},
            "entities": {"type": "array", "items": record({
                "id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"},
                "parent": nullable_string, "aliases": strings, "description": {"type": "string"},
                "citations": citations})},
            "glossary": {"type": "array", "items": record({
                "id": {"type": "string"}, "term": {"type": "string"}, "aliases": strings,
                "definition": {"type": "string"}, "basis": {"enum": ["cited", "general-knowledge"]},
                "see_also": strings, "citations": citations})},
            "sources": {"type": "array", "items": record({
                "id": {"type": "string"}, "title": {"type": "string"}, "publisher": {"type": "string"},
                "author": nullable_string, "url": {"type": "string"}, "published": {"$ref": "#/$defs/date"},
                "published_note": nullable_string, "accessed": {"type": "string"}, "archive": {"type": "string"},
                "note": nullable_string})},
        }),
        "$defs": {"date": date, "citation": citation},
    }


CSV_COLUMNS = ("id", "url", "title", "date", "earliest", "latest", "display_date", "date_basis", "status",
               "summary", "tags", "entities", "sources", "quotes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Neutralize a cell a spreadsheet would run as a formula, by starting it with a quote mark."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def timeline_csv(timeline: Timeline, published: Published, timeline_url: str) -> str:
    """One row per event (RFC 4180: CRLF, quoted where needed), columns in a fixed order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for e in views.ordered_events(timeline.events):
        row = (e.id, published.event_url(e, timeline_url), e.title, e.date.text,
               e.date.earliest.isoformat() if e.date.earliest else "",
               e.date.latest.isoformat() if e.date.latest else "", display_date(e.date), e.date_basis, e.status,
               e.summary.source, " ".join(e.tags), " ".join(e.entities),
               " ".join(dict.fromkeys(c.source for c in e.citations)), " | ".join(c.quote for c in e.citations))
        writer.writerow([_cell(str(value)) for value in row])
    return out.getvalue()


def _placed_day(date: EdtfDate) -> dt.date:
    """The day a calendar or feed places an event on: its earliest, or for 'before X', X."""
    return date.earliest or date.latest


def _stamp(timeline: Timeline, event: Event) -> dt.date:
    """A deterministic 'last changed' day: from git, else the day the event is placed on."""
    history = timeline.history.get(event.path)
    return history.changed if history else _placed_day(event.date)


def _placement_note(date: EdtfDate) -> str:
    if date.is_plain_day:
        return ""
    if date.earliest is None:
        return f"Date: {display_date(date)}; placed on its latest possible day, since no earlier bound is known."
    return f"Date: {display_date(date)}; placed on its earliest possible day."


def atom_feed(timeline: Timeline, published: Published, timeline_url: str) -> str:
    """An Atom feed of the events, newest first, with stable ids and proper dates."""
    events = sorted(timeline.events, key=lambda e: (_placed_day(e.date), e.id), reverse=True)
    updated = max((_stamp(timeline, e) for e in events), default=dt.date(1970, 1, 1))
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"  <title>{xml_escape(published.title)}</title>",
             f"  <subtitle>{xml_escape(published.description)}</subtitle>",
             f"  <id>{xml_escape(published.site_url)}</id>",
             f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(published.site_url + timeline_url)}/>",
             f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(published.site_url + 'feed.xml')}/>",
             f"  <updated>{updated.isoformat()}T00:00:00Z</updated>",
             f"  <author><name>{xml_escape(published.title)} contributors</name></author>"]
    for e in events:
        url = published.event_url(e, timeline_url)
        note = _placement_note(e.date)
        content = (f"<p><strong>{xml_escape(display_date(e.date))}</strong> · {xml_escape(e.status)}"
                   + (f" · {xml_escape(note)}" if note else "") + f"</p>{e.summary.html}")
        lines += ["  <entry>",
                  f"    <id>{xml_escape(url)}</id>",
                  f"    <title>{xml_escape(e.title)}</title>",
                  f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
                  f"    <published>{_placed_day(e.date).isoformat()}T00:00:00Z</published>",
                  f"    <updated>{max(_stamp(timeline, e), _placed_day(e.date)).isoformat()}T00:00:00Z</updated>",
                  f"    <content type=\"html\">{xml_escape(content)}</content>",
                  *[f"    <category term={quoteattr(tag)}/>" for tag in e.tags],
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold an iCalendar content line at 75 octets (RFC 5545, 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def timeline_ics(timeline: Timeline, published: Published, timeline_url: str) -> str:
    """One all-day VEVENT per event; imprecise dates say where they were placed and why."""
    host = published.site_url.split("//", 1)[-1].split("/", 1)[0]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline-site//cited timeline//EN", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(published.title)}"]
    for e in views.ordered_events(timeline.events):
        day = _placed_day(e.date)
        description = " ".join(filter(None, [_placement_note(e.date), e.summary.source,
                                             f"Status: {e.status}.", e.date_note or ""]))
        lines += ["BEGIN:VEVENT",
                  f"UID:{e.id}@{host}",
                  f"DTSTAMP:{_stamp(timeline, e).strftime('%Y%m%d')}T000000Z",
                  f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{_ics_text(e.title)}",
                  f"DESCRIPTION:{_ics_text(description)}",
                  f"URL:{published.event_url(e, timeline_url)}",
                  *([f"CATEGORIES:{','.join(_ics_text(t) for t in e.tags)}"] if e.tags else []),
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _tljs_date(day: dt.date, precision: str) -> dict:
    date = {"year": day.year}
    if precision in ("month", "day"):
        date["month"] = day.month
    if precision == "day":
        date["day"] = day.day
    return date


def timelinejs(timeline: Timeline, published: Published, timeline_url: str,
               source_link: Callable[[str], str]) -> dict:
    """The events in Knight Lab TimelineJS3's JSON format, ready to embed as they are."""
    events = []
    for e in views.ordered_events(timeline.events):
        start = e.date.start or e.date.end  # "before X" starts, for the slider, at X
        end = e.date.end if e.date.interval and e.date.start and e.date.end else None
        slide = {
            "unique_id": e.id,
            "start_date": _tljs_date(start.earliest if e.date.start else start.latest, start.precision),
            "display_date": display_date(e.date),
            "text": {
                "headline": str(xml_escape(e.title)),
                "text": e.summary.html + "".join(
                    f'<blockquote>{xml_escape(c.quote)}</blockquote><p>— <a href="{source_link(c.source)}">'
                    f"{xml_escape(timeline.sources_by_id[c.source].title)}</a></p>" for c in e.citations)
                + f'<p><a href="{published.event_url(e, timeline_url)}">On the timeline</a> · {e.status}</p>',
            },
        }
        if end is not None:
            slide["end_date"] = _tljs_date(end.latest, end.precision)
        if e.tags:
            slide["group"] = e.tags[0]
        events.append(slide)
    return {"title": {"text": {"headline": str(xml_escape(published.title)),
                               "text": f"<p>{xml_escape(published.description)}</p>"}},
            "events": events}


def export_files(timeline: Timeline, published: Published, site: Site) -> dict[str, str]:
    """Every export, by file name, as text."""
    timeline_url = site.url(TIMELINE_PAGE)

    def source_link(source_id: str) -> str:
        return published.site_url + site.url(views.source_page(source_id))

    data = timeline_json(timeline, published, timeline_url)
    return {
        "timeline.json": json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
        "timeline.schema.json": json.dumps(timeline_json_schema(), indent=1) + "\n",
        "timeline.csv": timeline_csv(timeline, published, timeline_url),
        "feed.xml": atom_feed(timeline, published, timeline_url),
        "timeline.ics": timeline_ics(timeline, published, timeline_url),
        "timelinejs.json": json.dumps(timelinejs(timeline, published, timeline_url, source_link),
                                      ensure_ascii=False, separators=(",", ":")) + "\n",
    }


def _plain_date(date: EdtfDate) -> dict:
    start = date.earliest or date.latest
    data = {"startDate": start.isoformat()}
    if date.latest and date.latest != start:
        data["endDate"] = date.latest.isoformat()
    return data


def events_jsonld(events: tuple[Event, ...], timeline: Timeline, site: Site) -> dict:
    """schema.org structured data for a timeline page: a list of its events, by permanent link."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Timeline",
        "numberOfItems": len(events),
        "itemListElement": [{
            "@type": "ListItem",
            "position": position,
            "item": {
                "@type": "Event",
                "name": e.title,
                "url": site.absolute(TIMELINE_PAGE, e.id),
                **_plain_date(e.date),
            },
        } for position, e in enumerate(events, 1)],
    }


def source_jsonld(source, site: Site) -> dict:
    """schema.org structured data for an archived source's page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": source.title,
        "url": source.url,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "archivedAt": site.absolute(source.archive),
        "temporalCoverage": source.published.text,
    }
    if source.author:
        data["author"] = {"@type": "Person", "name": source.author}
    if source.published.is_plain_day:
        data["datePublished"] = source.published.earliest.isoformat()
    return data


def jsonld_script(data: dict) -> str:
    """A JSON-LD block that cannot close its <script> element early, whatever the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
