"""Synthetic stories whose dates spread as real ones do, for the overview axis's tests (test data):
one event decades older than the rest, a few days and a range that runs on for months, a century,
one day, a thousand events."""

from __future__ import annotations

import datetime as dt

from timeline_core.model.dates import parse_edtf
from timeline_core.model.records import Event, Markup


def event(ident: str, date: str, background: bool = False) -> Event:
    return Event(
        id=ident,
        path=f"timeline/events/{ident}.yml",
        title=f"Event {ident}",
        date=parse_edtf(date),
        date_basis="stated",
        date_note=None,
        status="reported",
        summary=Markup("", ""),
        tags=(),
        entities=(),
        terms=(),
        citations=(),
        background=background,
    )


def _ordered(events: list[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: (e.background, e.sort_key())))


SPREADS = {
    "one old background event": _ordered(
        [event("branch-opens", "1965", background=True)]
        + [event(f"nov-{day}", f"2026-11-{day:02d}") for day in (1, 3, 5, 12, 18)]
        + [event("lawsuit", "../2026-11-20"), event("appeal", "2026-11-25~")]
    ),
    # a story of four days and one range that runs on for months (a day "from 10 April to 24
    # November"), with two background events known only to be before its end
    "a long range across a break": _ordered(
        [
            event("surfaces", "2026-04-07~"),
            event("tops", "2026-04-07~/2026-04-10?"),
            event("debate", "2026-04-07~/2026-04-10?"),
        ]
        + [event("surge", "2026-04-08?"), event("confirmed-to", "2026-04-10?/2026-11-24")]
        + [event("post", "2026-04-10?"), event("close", "2026-04-10?")]
        + [
            event("rival-ends", "../2026-11-24", background=True),
            event("rival-pauses", "../2026-11-24", background=True),
        ]
    ),
    "a century": _ordered([event(f"y{year}", str(year)) for year in range(1920, 2021, 4)]),
    "one day": _ordered([event(f"same-{n}", "2026-04-07") for n in range(6)]),
    "a thousand events": _ordered(
        [event(f"day-{n}", (dt.date(2016, 1, 1) + dt.timedelta(days=n * 3 + n % 5)).isoformat()) for n in range(1000)]
    ),
}
