"""`timeline.json`: everything on the site as data, and the JSON Schema published beside it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..data.schema import DATE_BASES, LANGUAGE_PATTERN, REPUBLISH, SHA256_PATTERN, STATUSES, TERM_BASES
from ..model import views
from ..model.dates import EdtfDate
from ..model.records import Citation, Event, Support, Timeline
from ..pages.urls import TIMELINE_PAGE, Site
from ..words.reader import english

if TYPE_CHECKING:
    from . import Published

# 1.1: a source's url may be null, and it may have a location
# 1.2: an event's independent publishers and whether it is background; a source's based_on, republish and sha256
# 1.3: the story's language; a citation's language, translation and translated_by
EXPORT_VERSION = "1.3"


def date_json(date: EdtfDate) -> dict:
    return {
        "edtf": date.text,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
        "display": english().date_text(date),
    }


def _history(timeline: Timeline, path: str) -> dict:
    history = timeline.history.get(path)
    return {
        "added": history.added.isoformat() if history and history.added_known else None,
        "changed": history.changed.isoformat() if history else None,
    }


def _citations_json(timeline: Timeline, citations: Iterable[Citation]) -> list[dict]:
    """Quotes as exported: each was found in its archived source, or the build would have failed;
    each in its source's language, with the translation the site shows beside it."""
    return [
        {
            "source": c.source,
            "quote": c.quote,
            "language": timeline.sources_by_id[c.source].language or timeline.language,
            "translation": c.translation,
            "translated_by": c.translated_by,
            "verified": True,
        }
        for c in citations
    ]


def _support_json(support: Support) -> dict:
    """Who stands behind an event: `publishers` counts independent reports, `via` lists relays."""
    return {
        "publishers": support.count,
        "publisher_names": list(support.publishers),
        "via": [{"source": r.source.id, "based_on": r.origin.id} for r in support.via],
    }


def event_json(timeline: Timeline, site: Site, e: Event) -> dict:
    """One event as `timeline.json` holds it."""
    return {
        "id": e.id,
        "url": site.absolute(TIMELINE_PAGE, e.id),
        "title": e.title,
        "date": date_json(e.date),
        "date_basis": e.date_basis,
        "date_note": e.date_note,
        "status": e.status,
        "background": e.background,
        "summary": e.summary.source,
        "tags": list(e.tags),
        "entities": list(e.entities),
        "terms": list(e.terms),
        "citations": _citations_json(timeline, e.citations),
        **_support_json(timeline.support[e.id]),
        **_history(timeline, e.path),
    }


def timeline_json(timeline: Timeline, published: Published, site: Site, with_events: bool = True) -> dict:
    """Everything on the site, with dates as EDTF and as earliest/latest days, and verified quotes."""
    return {
        "version": EXPORT_VERSION,
        "title": published.title,
        "url": site.base_url,
        "language": timeline.language,
        "events": [event_json(timeline, site, e) for e in timeline.reading_order] if with_events else [],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "parent": e.parent,
                "aliases": list(e.aliases),
                "description": e.description.source,
                "citations": _citations_json(timeline, e.citations),
            }
            for e in views.entities_order(timeline)
        ],
        "glossary": [
            {
                "id": t.id,
                "term": t.term,
                "aliases": list(t.aliases),
                "definition": t.definition.source,
                "basis": t.basis,
                "see_also": list(t.see_also),
                "citations": _citations_json(timeline, t.citations),
            }
            for t in views.glossary_order(timeline.terms)
        ],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "author": s.author,
                "language": s.language,
                "url": s.url,
                "location": s.location,
                "published": date_json(s.published),
                "published_note": s.published_note,
                "accessed": s.accessed.isoformat(),
                "archive": s.archive,
                "sha256": s.sha256,
                "based_on": s.based_on,
                "republish": s.republish,
                "republish_basis": s.republish_basis,
                "note": s.note,
            }
            for s in timeline.sources
        ],
    }


def timeline_json_schema() -> dict:
    """The JSON Schema of `timeline.json`; its choices are the data schema's (data/schema.py)."""
    nullable_string = {"type": ["string", "null"]}
    day = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    date = {
        "type": "object",
        "additionalProperties": False,
        "required": ["edtf", "earliest", "latest", "display"],
        "properties": {"edtf": {"type": "string"}, "earliest": day, "latest": day, "display": {"type": "string"}},
    }
    citation = {
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "quote", "language", "translation", "translated_by", "verified"],
        "properties": {
            "source": {"type": "string"},
            "quote": {"type": "string"},
            "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
            "translation": nullable_string,
            "translated_by": nullable_string,
            "verified": {"const": True},
        },
    }
    citations = {"type": "array", "items": {"$ref": "#/$defs/citation"}}
    strings = {"type": "array", "items": {"type": "string"}}

    def record(properties: dict) -> dict:
        return {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "timeline.schema.json",
        "title": "A cited timeline, exported",
        **record(
            {
                "version": {"const": EXPORT_VERSION},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
                "events": {
                    "type": "array",
                    "items": record(
                        {
                            "id": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                            "title": {"type": "string"},
                            "date": {"$ref": "#/$defs/date"},
                            "date_basis": {"enum": list(DATE_BASES)},
                            "date_note": nullable_string,
                            "status": {"enum": list(STATUSES)},
                            "background": {"type": "boolean"},
                            "summary": {"type": "string"},
                            "tags": strings,
                            "entities": strings,
                            "terms": strings,
                            "citations": {**citations, "minItems": 1},
                            "publishers": {"type": "integer", "minimum": 1},
                            "publisher_names": {**strings, "minItems": 1},
                            "via": {
                                "type": "array",
                                "items": record({"source": {"type": "string"}, "based_on": {"type": "string"}}),
                            },
                            "added": day,
                            "changed": day,
                        }
                    ),
                },
                "entities": {
                    "type": "array",
                    "items": record(
                        {
                            "id": {"type": "string"},
                            "name": {"type": "string"},
                            "kind": {"type": "string"},
                            "parent": nullable_string,
                            "aliases": strings,
                            "description": {"type": "string"},
                            "citations": citations,
                        }
                    ),
                },
                "glossary": {
                    "type": "array",
                    "items": record(
                        {
                            "id": {"type": "string"},
                            "term": {"type": "string"},
                            "aliases": strings,
                            "definition": {"type": "string"},
                            "basis": {"enum": list(TERM_BASES)},
                            "see_also": strings,
                            "citations": citations,
                        }
                    ),
                },
                "sources": {
                    "type": "array",
                    "items": record(
                        {
                            "id": {"type": "string"},
                            "title": {"type": "string"},
                            "publisher": {"type": "string"},
                            "author": nullable_string,
                            "language": nullable_string,
                            "url": nullable_string,
                            "location": nullable_string,
                            "published": {"$ref": "#/$defs/date"},
                            "published_note": nullable_string,
                            "accessed": {"type": "string"},
                            "archive": {"type": "string"},
                            "sha256": {"type": ["string", "null"], "pattern": SHA256_PATTERN},
                            "based_on": nullable_string,
                            "republish": {"enum": list(REPUBLISH)},
                            "republish_basis": nullable_string,
                            "note": nullable_string,
                        }
                    ),
                },
            }
        ),
        "$defs": {"date": date, "citation": citation},
    }
