"""The overview picture: every event on one time axis, drawn at build time as SVG.

An exact day is a dot; anything less precise is drawn as the span of days it can
mean, and an open end runs to the edge of the axis, so the picture never shows
more certainty than the data has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.dates import MONTHS, display_date
from ..model.records import Event

WIDTH = 600  # narrow, so marks and labels stay legible when a phone scales the picture down
LEFT, RIGHT = 16, 584
LANE = 22
TOP = 10
PADDING_DAYS = 2


@dataclass(frozen=True)
class Mark:
    event_id: str
    label: str  # "c. 7 Apr 2026: HappyHorse-1.0 surfaces …"
    x: float
    width: float  # 0 for a point
    y: float
    shape: str  # "point", "span" or "open"
    approximate: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Axis:
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    height: float
    first: dt.date
    last: dt.date
    width: int = WIDTH  # the SVG's coordinate space: marks lie between `left` and `right`
    left: int = LEFT
    right: int = RIGHT


def _middle(left: float, right: float) -> float:
    """Rounded, so the SVG reads `139.4` rather than `139.39999999999998`."""
    return round((left + right) / 2, 2)


def _ticks(first: dt.date, last: dt.date, x_of) -> tuple[Tick, ...]:
    span = (last - first).days
    ticks: list[Tick] = []
    if span <= 21:  # daily
        day = first + dt.timedelta(days=1)
        while day < last:
            ticks.append(
                Tick(
                    _middle(x_of(day), x_of(day + dt.timedelta(days=1))),
                    f"{day.day} {MONTHS[day.month - 1]}" if day.day == 1 or not ticks else str(day.day),
                )
            )
            day += dt.timedelta(days=1)
    elif span <= 90:  # weekly, on Mondays
        day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            ticks.append(Tick(x_of(day), f"{day.day} {MONTHS[day.month - 1]}"))
            day += dt.timedelta(days=7)
    elif span <= 800:  # monthly
        day = dt.date(first.year, first.month, 1)
        while day <= last:
            if day >= first:
                ticks.append(Tick(x_of(day), f"{MONTHS[day.month - 1]} {day.year}"))
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    else:  # yearly
        for year in range(first.year + 1, last.year + 1):
            ticks.append(Tick(x_of(dt.date(year, 1, 1)), str(year)))
    return tuple(ticks)


def build_axis(events: tuple[Event, ...]) -> Axis | None:
    """Lay out every event on one axis; lanes keep marks from covering each other."""
    known = [d for e in events for d in (e.date.earliest, e.date.latest) if d is not None]
    if not known:
        return None
    first = min(known) - dt.timedelta(days=PADDING_DAYS)
    last = max(known) + dt.timedelta(days=PADDING_DAYS)
    days = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (day - first).days / days, 1)

    lanes: list[float] = []  # the right edge of the last mark in each lane
    marks = []
    for event in sorted(events, key=Event.sort_key):
        date = event.date
        start = x_of(date.earliest) if date.earliest else LEFT
        end = x_of(date.latest + dt.timedelta(days=1)) if date.latest else RIGHT
        open_end = date.earliest is None or date.latest is None
        point = not date.interval and date.start is not None and date.start.precision == "day"
        if point:
            day = date.placed_on
            start = end = _middle(x_of(day), x_of(day + dt.timedelta(days=1)))
        lane = next((i for i, edge in enumerate(lanes) if edge + 10 < start), None)
        if lane is None:
            lanes.append(0)
            lane = len(lanes) - 1
        lanes[lane] = max(end, start + 6)
        marks.append(
            Mark(
                event.id,
                f"{display_date(date)}: {event.title}",
                start,
                0 if point else max(end - start, 4),
                TOP + lane * LANE,
                "open" if open_end else "point" if point else "span",
                date.qualified,
            )
        )
    height = TOP + len(lanes) * LANE + 30
    return Axis(tuple(marks), _ticks(first, last, x_of), height, first, last)
