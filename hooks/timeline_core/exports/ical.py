"""`timeline.ics`: the events as an iCalendar file, one all-day event each."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from ..model import views
from ..model.records import Event, Timeline
from ..pages.urls import TIMELINE_PAGE, Site
from ..words.reader import Words, english
from .each import Each, every

if TYPE_CHECKING:
    from . import Published


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold an iCalendar content line at 75 octets (RFC 5545, 3.1)."""
    if line.isascii():  # one octet a character: cut by slicing
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75], *(line[at : at + 74] for at in range(75, len(line), 74))])
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def event_ics(timeline: Timeline, site: Site, e: Event, words: Words | None = None) -> str:
    """One all-day VEVENT, its lines folded; an imprecise date says where it was placed and why, in
    the reader's words."""
    words = words or english()
    host = site.base_url.split("//", 1)[-1].split("/", 1)[0]
    day = e.date.placed_on
    description = " ".join(
        filter(
            None,
            [
                words.background_note() if e.background else "",
                words.placement_note(e.date),
                e.summary.source,
                words.gettext("Status: %(status)s.") % {"status": words.status_in_text(e.status)},
                words.support_note(timeline.support[e.id]),
                e.date_note or "",
            ],
        )
    )
    categories = (*e.tags, *(["background"] if e.background else []))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{e.id}@{host}",
        f"DTSTAMP:{views.last_changed(timeline, e).strftime('%Y%m%d')}T000000Z",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY;LANGUAGE={timeline.language}:{_ics_text(e.title)}",
        f"DESCRIPTION;LANGUAGE={timeline.language}:{_ics_text(description)}",
        f"URL:{site.absolute(TIMELINE_PAGE, e.id)}",
        *([f"CATEGORIES:{','.join(_ics_text(t) for t in categories)}"] if categories else []),
        "END:VEVENT",
    ]
    return "\r\n".join(_fold(line) for line in lines)


def timeline_ics(
    timeline: Timeline, published: Published, site: Site, each: Each = every, words: Words | None = None
) -> str:
    """The calendar: one VEVENT per event (`event_ics`)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//timeline-site//cited timeline//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(published.title)}",
    ]
    head = [_fold(line) for line in lines]
    events = each("ics", functools.partial(event_ics, timeline, site, words=words), timeline.reading_order)
    return "\r\n".join([*head, *events, "END:VCALENDAR"]) + "\r\n"
