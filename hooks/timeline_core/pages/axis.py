"""The overview picture: every event on one time axis, drawn at build time as SVG.

An exact day is a dot; anything less precise is drawn as the span of days it can
mean, and an open end fades out towards the edge of the axis, so the picture never
shows more certainty than the data has. Every mark carries the number its event
shows in the list below it, so it can be found without hovering; background events
get a band of their own under the story's, as they are listed after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..model.records import Event
from ..model.text import display_width
from ..words.reader import Words, english

# Near a phone's width, so a phone shows marks and numbers at about their drawn size (13 units:
# 11 px at 375 px); wider screens cap the picture's width in CSS instead of scaling it up.
WIDTH = 400
LEFT, RIGHT = 14, 386
LANE = 22  # a mark is 20 high: its number's disc
TOP = 6
BAND_GAP = 22  # between the story's marks and the background's, for the band's label
NUMBER_ROOM = 22  # a lane is free again this far right of a mark's number
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
    lines: tuple[tuple[float, float], ...] = ((LEFT, RIGHT),)  # the axis line, broken where time is left out
    breaks: tuple[float, ...] = ()  # where a long empty stretch of time is left out
    skipped: str = ""  # what the longest break leaves out: "years", "months" or "weeks" (the caption says)
    band_x: float = LEFT  # where the background band's label starts (its right end, right to left)


def _middle(left: float, right: float) -> float:
    """Rounded, so the SVG reads `139.4` rather than `139.39999999999998`."""
    return round((left + right) / 2, 2)


CHAR = 7.5  # a tick label's character, in the SVG's units (13 px text, as timeline.css draws it)
LABEL_GAP = 6  # at least this much room between two labels
BREAK = 16  # the width a long empty stretch of time is drawn as: a break in the axis
GAP_SHARE = 0.25  # an empty stretch longer than this share of the whole span is broken out
MIN_GAP_DAYS = 60
MIN_SEGMENT_SHARE = 0.15  # the narrowest a stretch of events is drawn, of the axis's width


@dataclass(frozen=True)
class Segment:
    """A stretch of time with events in it, drawn between `left` and `right`."""

    first: dt.date
    last: dt.date
    left: float
    right: float

    def x(self, day: dt.date) -> float:
        days = max((self.last - self.first).days, 1)
        clamped = min(max(day, self.first), self.last)
        return round(self.left + (self.right - self.left) * (clamped - self.first).days / days, 1)


def _segments(events: tuple[Event, ...]) -> list[Segment]:
    """The axis's stretches of time: one, unless a long empty stretch would squash the story's own
    events (one event decades older than the rest); then each cluster of events gets its own
    stretch, as wide as its share of the events (never under MIN_SEGMENT_SHARE), and the empty
    time between them a break. An event counts with the days its date can mean; but a long
    interval ("some day from 10 April to 24 November") counts with the day it is placed on, so it
    does not bridge a gap and squash the days around it: its span crosses the break instead."""
    ranges = sorted(
        (lo, hi)
        for e in events
        if (lo := e.date.earliest or e.date.latest) is not None and (hi := e.date.latest or e.date.earliest) is not None
    )
    total = (ranges[-1][1] - ranges[0][0]).days if ranges else 0
    limit = max(MIN_GAP_DAYS, total * GAP_SHARE)
    counted = sorted(_counted_days(e, limit) for e in events if e.date.earliest or e.date.latest)
    clusters: list[list] = []  # [first day, last day, events]
    for lo, hi in counted:
        if clusters and (lo - clusters[-1][1]).days <= limit:
            clusters[-1][1] = max(clusters[-1][1], hi)
            clusters[-1][2] += 1
        else:
            clusters.append([lo, hi, 1])
    pad = dt.timedelta(days=PADDING_DAYS)
    if len(clusters) == 1:
        return [Segment(clusters[0][0] - pad, clusters[0][1] + pad, LEFT, RIGHT)]
    room = (RIGHT - LEFT) - BREAK * (len(clusters) - 1)
    shares = [max(count / len(counted), MIN_SEGMENT_SHARE) for _, _, count in clusters]
    segments, left = [], float(LEFT)
    for (lo, hi, _), share in zip(clusters, shares, strict=True):
        width = room * share / sum(shares)
        segments.append(Segment(lo - pad, hi + pad, round(left, 1), round(left + width, 1)))
        left += width + BREAK
    return segments


def _counted_days(event: Event, limit: float) -> tuple[dt.date, dt.date]:
    """The days an event counts with when the axis is cut into stretches: its date's, or, for an
    interval longer than a break, the day it is placed on."""
    date = event.date
    lo, hi = date.earliest or date.latest, date.latest or date.earliest
    assert lo is not None and hi is not None, "parse_edtf refuses a date open at both ends"
    if date.interval and (hi - lo).days > limit:
        return date.placed_on, date.placed_on
    return lo, hi


def _segment_of(segments: list[Segment], day: dt.date) -> Segment:
    """The stretch a day is drawn in (a day in a break: the stretch after it)."""
    return next((segment for segment in segments if day <= segment.last), segments[-1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _candidates(segment: Segment, unit: str, step: int, words: Words) -> list[tuple[dt.date, str]]:
    """Tick days and labels of one unit (day, week, month or year, every `step`) in a segment, in the
    reader's words."""
    calendar = words.calendar
    first, last = segment.first, segment.last
    found: list[tuple[dt.date, str]] = []
    if unit == "day":
        day = first + dt.timedelta(days=1)
        while day < last:
            label = calendar.day_month(day) if day.day == 1 or not found else calendar.day_of_month(day)
            found.append((day, label))
            day += dt.timedelta(days=step)
    elif unit == "week":
        day = first + dt.timedelta(days=(7 - first.weekday()) % 7 or 7)
        while day < last:
            found.append((day, calendar.day_month(day)))
            day += dt.timedelta(days=7 * step)
    elif unit == "month":
        day = _add_months(dt.date(first.year, first.month, 1), 1)
        while day < last:
            if (day.year * 12 + day.month - 1) % step == 0:
                found.append((day, calendar.day(day, "month")))
            day = _add_months(day, 1)
    else:  # a year's tick is where it begins: not in a stretch's last month, where it would name the next
        year = first.year + 1
        while dt.date(year, 1, 1) < last - dt.timedelta(days=30):
            if year % step == 0:
                found.append((dt.date(year, 1, 1), calendar.day(dt.date(year, 1, 1), "year")))
            year += 1
    return found


UNITS = (
    ("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1), ("month", 2), ("month", 3), ("month", 6),
    ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 20), ("year", 25), ("year", 50), ("year", 100),
    ("year", 200), ("year", 500), ("year", 1000),
)  # fmt: skip


def _width(label: str) -> float:
    return display_width(label) * CHAR


def _inside(tick: Tick) -> bool:
    return tick.x - _width(tick.label) / 2 >= 0 and tick.x + _width(tick.label) / 2 <= WIDTH


def _fits(ticks: list[Tick], segment: Segment) -> bool:
    """No two labels closer than their widths."""
    return all(
        b.x - a.x >= (_width(a.label) + _width(b.label)) / 2 + LABEL_GAP for a, b in zip(ticks, ticks[1:], strict=False)
    )


def _segment_ticks(segment: Segment, words: Words) -> list[Tick]:
    """The finest unit whose labels fit; a stretch too short for any gets one label at its middle."""
    for unit, step in UNITS:
        ticks = [
            tick
            for day, label in _candidates(segment, unit, step, words)
            if _inside(tick := Tick(segment.x(day), label))
        ]
        if ticks and _fits(ticks, segment):
            return ticks
    middle = segment.first + (segment.last - segment.first) / 2
    spans_years = segment.last.year > segment.first.year
    unit = "year" if spans_years or (segment.last - segment.first).days > 120 else "month"
    label = words.calendar.day(middle, unit)
    return [Tick(_middle(segment.left, segment.right), label)]


def _ticks(segments: list[Segment], words: Words) -> tuple[Tick, ...]:
    """Every segment's ticks, keeping only labels that do not touch the one kept before them."""
    kept: list[Tick] = []
    for segment in segments:
        for tick in _segment_ticks(segment, words):
            if not kept or tick.x - kept[-1].x >= (_width(tick.label) + _width(kept[-1].label)) / 2 + LABEL_GAP:
                kept.append(tick)
    return tuple(kept)


def build_axis(events: tuple[Event, ...], words: Words | None = None) -> Axis | None:
    """Lay out every event on one axis, numbered in the order given (the order of the list under
    it); lanes keep marks and numbers from covering each other, and background events are laid
    out in a band of their own below the story's. A long empty stretch is drawn as a break.
    Labels are in the reader's `words`."""
    words = words or english()
    known = [d for e in events for d in (e.date.earliest, e.date.latest) if d is not None]
    if not known:
        return None
    segments = _segments(events)
    numbered = list(enumerate(events, 1))
    story = [(n, e) for n, e in numbered if not e.background]
    background = [(n, e) for n, e in numbered if e.background]
    marks, lanes = _lay_out(story, segments, TOP, words)
    band_y = None
    if background:
        band_y = TOP + lanes * LANE + 6
        more, extra = _lay_out(background, segments, band_y + BAND_GAP - 6, words)
        marks += more
        lanes_height = band_y + BAND_GAP - 6 + extra * LANE
    else:
        lanes_height = TOP + lanes * LANE
    axis = Axis(
        tuple(marks),
        _ticks(segments, words),
        lanes_height + 30,
        segments[0].first,
        segments[-1].last,
        band_y,
        lines=tuple((segment.left, segment.right) for segment in segments),
        breaks=tuple(_middle(a.right, b.left) for a, b in zip(segments, segments[1:], strict=False)),
        skipped=_skipped(segments),
    )
    return _mirrored(axis) if words.direction == "rtl" else axis


def _skipped(segments: list[Segment]) -> str:
    """What the longest break leaves out, so the caption says it truly: years, months or weeks."""
    if len(segments) < 2:
        return ""
    longest = max((b.first - a.last).days for a, b in zip(segments, segments[1:], strict=False))
    return "years" if longest >= 2 * 365 else "months" if longest >= 2 * 30 else "weeks"


def _mirrored(axis: Axis) -> Axis:
    """The axis for a page read right to left: time runs from right to left, as the reader's eye
    does, and a fading end fades towards the other edge. Labels stay as written."""

    def flip(x: float) -> float:
        return round(axis.width - x, 2)

    swapped = {"left": "right", "right": "left"}
    return replace(
        axis,
        marks=tuple(
            replace(m, x=flip(m.x + m.width), number_x=flip(m.number_x), fades=swapped.get(m.fades, ""))
            for m in axis.marks
        ),
        ticks=tuple(replace(tick, x=flip(tick.x)) for tick in reversed(axis.ticks)),
        lines=tuple((flip(right), flip(left)) for left, right in reversed(axis.lines)),
        breaks=tuple(flip(x) for x in reversed(axis.breaks)),
        band_x=axis.right,
    )


def _lay_out(
    numbered: list[tuple[int, Event]], segments: list[Segment], top: float, words: Words
) -> tuple[list[Mark], int]:
    """Marks for some events, in lanes from `top` down; returns them and how many lanes they take.
    An open end fades out to the edge of its own stretch of time, not across a break."""

    def x_of(day: dt.date) -> float:
        return _segment_of(segments, day).x(day)

    lanes: list[float] = []  # the right edge of what was last drawn in each lane
    marks = []
    for number, event in sorted(numbered, key=lambda item: item[1].sort_key()):
        date = event.date
        known = date.earliest or date.latest
        assert known is not None, "parse_edtf refuses a date open at both ends"
        own = _segment_of(segments, known)
        start = x_of(date.earliest) if date.earliest else own.left
        end = x_of(date.latest + dt.timedelta(days=1)) if date.latest else own.right
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
        width = 0 if point else max(end - start, 4)
        start = min(start, RIGHT - width)  # a short span at the very end stays inside the picture
        marks.append(
            Mark(
                event.id,
                words.gettext("%(number)s. %(date)s: %(title)s")
                % {"number": words.number(number), "date": words.date_text(date), "title": event.title},
                start,
                width,
                top + lane * LANE,
                "open" if fades else "point" if point else "span",
                date.qualified,
                number,
                number_x,
                fades,
            )
        )
    return marks, len(lanes)
