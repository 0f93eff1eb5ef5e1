"""`timelinejs.json`: the events in Knight Lab TimelineJS3's format, to embed as they are."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from ..model.records import Citation, Event, Timeline
from ..pages.pieces import lang_attributes
from ..pages.urls import TIMELINE_PAGE, Site, source_page
from ..words.reader import Words, english

if TYPE_CHECKING:
    from . import Published


def _tljs_date(day: dt.date, precision: str) -> dict:
    date = {"year": day.year}
    if precision in ("month", "day"):
        date["month"] = day.month
    if precision == "day":
        date["day"] = day.day
    return date


@functools.lru_cache(maxsize=4096)
def _source_html(site: Site, source_id: str, title: str, language: str | None) -> tuple[str, str]:
    """A source's `lang` attributes and its link, made once per source rather than per quote."""
    attributes = str(lang_attributes(language))
    return attributes, f'<p>— <a href="{site.absolute(source_page(source_id))}"{attributes}>{xml_escape(title)}</a></p>'


def _quote_html(timeline: Timeline, site: Site, c: Citation, words: Words) -> str:
    """A quote marked with its language, its translation if any, and the source it is from."""
    source = timeline.sources_by_id[c.source]
    attributes, link = _source_html(site, source.id, source.title, source.language)
    translation = (
        f"<p>{xml_escape(words.translation_label(c.translated_by))}: {xml_escape(c.translation)}</p>"
        if c.translation
        else ""
    )
    return f"<blockquote{attributes}>{xml_escape(c.quote)}</blockquote>{translation}{link}"


def event_slide(timeline: Timeline, site: Site, e: Event, words: Words | None = None) -> dict:
    """One event as a TimelineJS slide: its dates as TimelineJS reads them, its summary and its quotes,
    and its words in the reader's language."""
    words = words or english()
    on_the_timeline = xml_escape(words.gettext("On the timeline"))
    start = e.date.start or e.date.end  # "before X" starts, for the slider, at X
    assert start is not None, "parse_edtf refuses a date open at both ends"
    end = e.date.end if e.date.interval and e.date.start and e.date.end else None
    slide = {
        "unique_id": e.id,
        "start_date": _tljs_date(start.earliest if e.date.start else start.latest, start.precision),
        "display_date": words.date_text(e.date),
        "text": {
            "headline": str(xml_escape(e.title)),
            "text": (f"<p><em>{xml_escape(words.background_note())}</em></p>" if e.background else "")
            + e.summary.html
            + "".join(_quote_html(timeline, site, c, words) for c in e.citations)
            + (f"<p>{xml_escape(note)}</p>" if (note := words.support_note(timeline.support[e.id])) else "")
            + f'<p><a href="{site.absolute(TIMELINE_PAGE, e.id)}">{on_the_timeline}</a>'
            + f" · {xml_escape(words.status_in_text(e.status))}</p>",
        },
    }
    if end is not None:
        slide["end_date"] = _tljs_date(end.latest, end.precision)
    if e.background:  # TimelineJS draws each group as a row of its own, apart from the story
        slide["group"] = words.gettext("Background")
    elif e.tags:
        slide["group"] = str(xml_escape(timeline.tag_label(e.tags[0])))  # TimelineJS writes it as HTML
    return slide


def timelinejs(
    timeline: Timeline, published: Published, site: Site, with_events: bool = True, words: Words | None = None
) -> dict:
    """One slide per event (`event_slide`), after the story's title slide."""
    events = [event_slide(timeline, site, e, words) for e in timeline.reading_order] if with_events else []
    return {
        "title": {
            "text": {
                "headline": str(xml_escape(published.title)),
                "text": f"<p>{xml_escape(published.description)}</p>",
            }
        },
        "events": events,
    }
