"""`timeline.csv`: one row per event, for spreadsheets, with formula cells neutralized."""

from __future__ import annotations

import csv
import functools
import io

from ..model.records import Event, Timeline
from ..pages.urls import TIMELINE_PAGE, Site
from ..words.reader import english
from .each import Each, every

CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "date",
    "earliest",
    "latest",
    "display_date",
    "date_basis",
    "status",
    "background",
    "summary",
    "tags",
    "entities",
    "sources",
    "publishers",
    "quotes",
    "quote_languages",
    "translations",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Neutralize a cell a spreadsheet would run as a formula, by starting it with a quote mark."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row_text(values) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(values)
    return out.getvalue()


def event_row(timeline: Timeline, site: Site, e: Event) -> str:
    """One event's row, as RFC 4180 text (CRLF, quoted where needed)."""
    row = (
        e.id,
        site.absolute(TIMELINE_PAGE, e.id),
        e.title,
        e.date.text,
        e.date.earliest.isoformat() if e.date.earliest else "",
        e.date.latest.isoformat() if e.date.latest else "",
        english().date_text(e.date),
        e.date_basis,
        e.status,
        "yes" if e.background else "",
        e.summary.source,
        " ".join(e.tags),
        " ".join(e.entities),
        " ".join(dict.fromkeys(c.source for c in e.citations)),
        timeline.support[e.id].count,
        " | ".join(c.quote for c in e.citations),
        " | ".join(timeline.sources_by_id[c.source].language or timeline.language for c in e.citations),
        " | ".join(c.translation or "" for c in e.citations) if any(c.translation for c in e.citations) else "",
    )
    return _row_text([_cell(str(value)) for value in row])


def timeline_csv(timeline: Timeline, site: Site, each: Each = every) -> str:
    """One row per event (`event_row`), columns in a fixed order."""
    rows = each("csv", functools.partial(event_row, timeline, site), timeline.reading_order)
    return _row_text(CSV_COLUMNS) + "".join(rows)
