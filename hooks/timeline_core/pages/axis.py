"""The overview picture: every event on one time axis, drawn at build time as SVG.

An exact day is a dot; anything less precise is drawn as the span of days it can
mean, and an open end fades out towards the edge of the axis, so the picture never
shows more certainty than the data has. Every mark carries the number its event
shows in the list below it, so it can be found without hovering; background events
get a band of their own under the story's, as they are listed after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.dates import MONTHS, display_date
from ..model.records import Event

# Near a phone's width, so a phone shows marks and numbers at about their drawn size (13 units:
# 11 px at 375 px); wider screens cap the picture's width in CSS instead of scaling it up.
WIDTH = 400
LEFT, RIGHT = 14, 386
LANE = 22  # a mark is 20 high: its number's disc
TOP = 6
BAND_GAP = 22  # between the story's marks and the background's, for the band's label
NUMBER_ROOM = 22  # a lane is free again this far right of a mark's number
PADDING_DAYS = 2
MAX_WIDE_TICKS = 5  # labels such as "Mar 2026" that fit side by side across the axis


@dataclass(frozen=True)
class Mark:
    event_id: str
    label: str  # "c. 7 Apr 2026: HappyHorse-1.0 surfaces …"
    x: float
    width: float  # 0 for a point
    y: float
    shape: str  # "point", "span" or "open"
    approximate: bool
    number: int = 0  # the event's number in the list under the axis
    number_x: float = 0  # where its number's disc sits: at the known end of an open span
    fades: str = ""  # "left" or "right": the open end of an "open" mark


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
    band_y: float | None = None  # where the background band's label goes, when there is one
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
    elif span <= 90:  # weekly, on Mondays; every other week or more when they would not fit
        weeks = -(-span // 7 // MAX_WIDE_TICKS) or 1
        day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        while day <= last:
            ticks.append(Tick(x_of(day), f"{day.day} {MONTHS[day.month - 1]}"))
            day += dt.timedelta(days=7 * weeks)
    elif span <= 800:  # monthly, or every few months when they would not fit
        months = -(-(span // 30) // MAX_WIDE_TICKS) or 1
        day = dt.date(first.year, first.month, 1)
        count = 0
        while day <= last:
            if day >= first:
                if count % months == 0:
                    ticks.append(Tick(x_of(day), f"{MONTHS[day.month - 1]} {day.year}"))
                count += 1
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    else:  # yearly
        for year in range(first.year + 1, last.year + 1):
            ticks.append(Tick(x_of(dt.date(year, 1, 1)), str(year)))
    # a label centred on a tick at the very edge would be cut off
    return tuple(tick for tick in ticks if LEFT + 24 <= tick.x <= RIGHT - 24 or len(tick.label) <= 2)


def build_axis(events: tuple[Event, ...]) -> Axis | None:
    """Lay out every event on one axis, numbered in the order given (the order of the list under
    it); lanes keep marks and numbers from covering each other, and background events are laid
    out in a band of their own below the story's."""
    known = [d for e in events for d in (e.date.earliest, e.date.latest) if d is not None]
    if not known:
        return None
    first = min(known) - dt.timedelta(days=PADDING_DAYS)
    last = max(known) + dt.timedelta(days=PADDING_DAYS)
    days = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (day - first).days / days, 1)

    numbered = list(enumerate(events, 1))
    story = [(n, e) for n, e in numbered if not e.background]
    background = [(n, e) for n, e in numbered if e.background]
    marks, lanes = _lay_out(story, x_of, TOP)
    band_y = None
    if background:
        band_y = TOP + lanes * LANE + 6
        more, extra = _lay_out(background, x_of, band_y + BAND_GAP - 6)
        marks += more
        lanes_height = band_y + BAND_GAP - 6 + extra * LANE
    else:
        lanes_height = TOP + lanes * LANE
    return Axis(tuple(marks), _ticks(first, last, x_of), lanes_height + 30, first, last, band_y)


def _lay_out(numbered: list[tuple[int, Event]], x_of, top: float) -> tuple[list[Mark], int]:
    """Marks for some events, in lanes from `top` down; returns them and how many lanes they take."""
    lanes: list[float] = []  # the right edge of what was last drawn in each lane
    marks = []
    for number, event in sorted(numbered, key=lambda item: item[1].sort_key()):
        date = event.date
        start = x_of(date.earliest) if date.earliest else LEFT
        end = x_of(date.latest + dt.timedelta(days=1)) if date.latest else RIGHT
        fades = "left" if date.earliest is None else "right" if date.latest is None else ""
        point = not date.interval and date.start is not None and date.start.precision == "day"
        if point:
            day = date.placed_on
            start = end = _middle(x_of(day), x_of(day + dt.timedelta(days=1)))
        number_x = max(end - 10, start) if fades == "left" else start if point else start + 10
        left_edge = min(start, number_x - 10)
        lane = next((i for i, edge in enumerate(lanes) if edge + 4 < left_edge), None)
        if lane is None:
            lanes.append(0)
            lane = len(lanes) - 1
        lanes[lane] = max(end, number_x + NUMBER_ROOM / 2)
        marks.append(
            Mark(
                event.id,
                f"{number}. {display_date(date)}: {event.title}",
                start,
                0 if point else max(end - start, 4),
                top + lane * LANE,
                "open" if fades else "point" if point else "span",
                date.qualified,
                number,
                number_x,
                fades,
            )
        )
    return marks, len(lanes)
