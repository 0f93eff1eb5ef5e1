"""Honest dates: the subset of the Library of Congress EDTF that a news timeline needs.

Supported: a day `2026-04-10`, a month `2026-04`, a year `2026`; the qualifiers
`~` (approximate), `?` (uncertain) and `%` (both) on any of those; closed
intervals `2026-04-07/2026-04-10`; and open intervals `../2026-04-10`
("before") and `2026-04-10/..` ("after").

The maintained `edtf` package parses all of this too, but at about 4 ms a date
it would make checking 10,000 events take most of a minute, so this module
parses the subset with one regular expression, and the tests hold it to the
`edtf` package's reading of every form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..problems import DataError

_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<q>[~?%])?")
MONTH_NAMES = tuple(calendar.month_name[1:])


@dataclass(frozen=True)
class DatePoint:
    """A day, month or year, with the first and last calendar day it can mean."""

    text: str
    precision: str  # "day", "month" or "year"
    approximate: bool
    uncertain: bool
    earliest: dt.date
    latest: dt.date

    @property
    def qualified(self) -> bool:
        return self.approximate or self.uncertain


@dataclass(frozen=True)
class EdtfDate:
    """A parsed date: one point, or an interval whose ends may be open (None)."""

    text: str
    start: DatePoint | None
    end: DatePoint | None
    interval: bool

    @property
    def earliest(self) -> dt.date | None:
        """The first day the date can mean; None when the start is open."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can mean; None when the end is open."""
        return self.end.latest if self.end else None

    @property
    def is_plain_day(self) -> bool:
        """True for a single, exact, unqualified calendar day."""
        return (
            not self.interval and self.start is not None and self.start.precision == "day" and not self.start.qualified
        )

    @property
    def qualified(self) -> bool:
        return any(p is not None and p.qualified for p in (self.start, self.end))

    @property
    def placed_on(self) -> dt.date:
        """The one day a list, a calendar or a feed puts the date on: its earliest, or for an open
        start ('before 10 Apr'), its latest. Every parsed date has at least one of them."""
        day = self.earliest or self.latest
        assert day is not None, "parse_edtf refuses a date open at both ends"
        return day

    @property
    def id_prefix(self) -> str:
        """The date part of an event's permanent file name: the point it is placed on, written no more
        precisely than it is known ("1965", "2026-11", "2026-11-20")."""
        point = self.start if self.start is not None else self.end
        assert point is not None, "parse_edtf refuses a date open at both ends"
        day = point.earliest if self.start is not None else point.latest
        return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}"}.get(
            point.precision, day.isoformat()
        )

    def sort_key(self) -> tuple[dt.date, dt.date, dt.date]:
        """The order events are read in, the same on every page, the axis and every export: by the
        day a date is placed on (its earliest possible day; for an open start, "on or before 20
        Nov", its latest, so it never reads as coming before what it may follow); among dates
        placed on one day, the one known more closely (the earlier latest day) first, then the
        one that can begin earlier."""
        return (self.placed_on, self.latest or dt.date.max, self.earliest or dt.date.min)


def _point(text: str) -> DatePoint:
    match = _POINT.fullmatch(text)
    if not match:
        raise DataError(
            f"'{text}' is not a date this site understands; write YYYY-MM-DD, YYYY-MM or YYYY, "
            "optionally followed by ~ (approximate) or ? (uncertain)"
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise DataError(f"'{text}' has month {month:02d}; months run from 01 to 12")
    if year == 0:
        raise DataError(f"'{text}' has year 0000, which is not a calendar year")
    if day is not None and month is not None:  # the pattern allows a day only after a month
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DataError(f"'{text}' is not a real day: {MONTH_NAMES[month - 1]} {year} has {last} days")
        earliest = latest = dt.date(year, month, day)
        precision = "day"
    elif month is not None:
        earliest = dt.date(year, month, 1)
        latest = dt.date(year, month, calendar.monthrange(year, month)[1])
        precision = "month"
    else:
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
        precision = "year"
    qualifier = match["q"]  # None, "~", "?" or "%" (both)
    return DatePoint(text, precision, qualifier in ("~", "%"), qualifier in ("?", "%"), earliest, latest)


def parse_edtf(text: str) -> EdtfDate:
    """Parse an EDTF date of the supported subset, or raise DataError saying how to fix it."""
    text = text.strip()
    if "/" not in text:
        if text == "..":
            raise DataError("'..' alone is not a date; write '../YYYY-MM-DD' for 'before a day'")
        return EdtfDate(text, _point(text), _point(text), interval=False)
    parts = text.split("/")
    if len(parts) != 2:
        raise DataError(f"'{text}' has more than one '/'; an interval is START/END")
    first, second = parts
    if first in ("", "..") and second in ("", ".."):
        raise DataError(f"'{text}' has no known end; give at least one date")
    if first == "" or second == "":
        raise DataError(f"'{text}' has an empty side; write '..' for an open end, as in '../2026-04-10'")
    start = None if first == ".." else _point(first)
    end = None if second == ".." else _point(second)
    if start and end and start.earliest > end.latest:
        raise DataError(f"'{text}' ends before it starts; put the earlier date first")
    return EdtfDate(text, start, end, interval=True)


def machine_date(point: DatePoint) -> str:
    """The value for `<time datetime>`: only as precise as the date is known."""
    day = point.earliest
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[
        point.precision
    ]


def exact_day(day: dt.date) -> EdtfDate:
    """A calendar day as a date, so it is displayed like every other date ('2 May 2026')."""
    point = DatePoint(day.isoformat(), "day", approximate=False, uncertain=False, earliest=day, latest=day)
    return EdtfDate(day.isoformat(), point, point, interval=False)


def parse_day(text: str) -> dt.date:
    """Parse an exact ISO calendar day (used for 'accessed' dates, which are always exact)."""
    date = parse_edtf(text)
    if not date.is_plain_day:
        raise DataError(f"'{text}' must be one exact day, written YYYY-MM-DD")
    return date.placed_on
