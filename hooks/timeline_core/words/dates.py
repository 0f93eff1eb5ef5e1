"""Days, months, years and ranges of days as a language writes them.

English is written as this site always has ("7 Apr 2026", "7–10 Apr 2026", "April 2026"), the
messages' own language; every other language takes its CLDR patterns from Babel ("7. Apr. 2026",
"2026年4月7日至10日", "7–10 أبريل 2026"). The words around a date ("c.", "on or before", the dash
between two dates) are messages of the catalog (`reader.Words.date_parts`), not made here.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.dates import DatePoint

if TYPE_CHECKING:
    from babel import Locale

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# What CLDR puts between the two halves of a range ("–", " – ", "至", "～"): split off the first
# half, so that each half is its own `<time>` and the separator is not inside either.
_RANGE_SEPARATORS = frozenset("–—-~～至 \u2009\u00a0\u202f")


@dataclass(frozen=True)
class Calendar:
    """How one language writes dates: `locale` None is English as the site writes it."""

    locale: Locale | None

    def point(self, point: DatePoint) -> str:
        """A day, a month or a year, unqualified: '7 Apr 2026', 'Apr 2026', '2026'."""
        return self.day(point.earliest, point.precision)

    def day(self, day: dt.date, precision: str = "day") -> str:
        if self.locale is None:
            return _english(day, precision)
        return _formatted(self.locale, _SKELETONS[precision], day)

    def long_day(self, day: dt.date) -> str:
        """A day with its month in full, for running text: '30 November 2026', '30. November 2026'."""
        if self.locale is None:
            return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
        from babel.dates import format_date

        return format_date(day, "long", locale=self.locale)

    def day_month(self, day: dt.date) -> str:
        """A day without its year, for the axis' ticks: '1 Apr', '1. Apr.', '4月1日'."""
        if self.locale is None:
            return f"{day.day} {MONTHS[day.month - 1]}"
        return _formatted(self.locale, "MMMd", day)

    def day_of_month(self, day: dt.date) -> str:
        """The day alone, for the axis' ticks after the first of a month: '2', '2日'."""
        if self.locale is None:
            return str(day.day)
        return _formatted(self.locale, "d", day)

    def month_name(self, year: int, month: int) -> str:
        """A month in full, for headings: 'April 2026', 'April 2026', '2026年4月'."""
        if self.locale is None:
            return f"{MONTH_NAMES[month - 1]} {year}"
        return _formatted(self.locale, "yMMMM", dt.date(year, month, 1))

    def day_range(self, first: dt.date, last: dt.date) -> tuple[str, str, str]:
        """Two days as one range, the second written in full and the first no more than it needs:
        ('7', '–', '10 Apr 2026'); the separator apart."""
        if self.locale is None:
            same_year = first.year == last.year
            start = _english(
                first, "day", with_month=first.month != last.month or not same_year, with_year=not same_year
            )
            return start, "–", _english(last, "day")
        return _range(self.locale, "yMMMd", first, last)

    def month_range(self, first: dt.date, last: dt.date) -> tuple[str, str, str]:
        """Two months as one range: ('Apr', '–', 'Jun 2016'), ('Apr 2016', '–', 'Jun 2017')."""
        if self.locale is None:
            start = MONTHS[first.month - 1] if first.year == last.year else _english(first, "month")
            return start, "–", _english(last, "month")
        return _range(self.locale, "yMMM", first, last)


_SKELETONS = {"day": "yMMMd", "month": "yMMM", "year": "y"}


def _english(day: dt.date, precision: str, *, with_month: bool = True, with_year: bool = True) -> str:
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    parts = [str(day.day)]
    if with_month:
        parts.append(MONTHS[day.month - 1])
    if with_year:
        parts.append(str(day.year))
    return " ".join(parts)


@functools.lru_cache(maxsize=8192)  # a timeline repeats its days many times over
def _formatted(locale: Locale, skeleton: str, day: dt.date) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=locale)


@functools.lru_cache(maxsize=4096)
def _range(locale: Locale, skeleton: str, first: dt.date, last: dt.date) -> tuple[str, str, str]:
    """CLDR's interval pattern for the largest field that differs, its first half's separator split
    off ('d.–' + 'd. MMM y' → '7.', '–', '10. Apr. 2026')."""
    from babel.dates import parse_pattern

    patterns = locale.interval_formats.get(skeleton, {})
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    if field not in patterns:  # no interval form in this language: each day in full
        return _formatted(locale, skeleton, first), " – ", _formatted(locale, skeleton, last)
    opening, closing = patterns[field]
    cut = len(opening)
    while cut and opening[cut - 1] in _RANGE_SEPARATORS:
        cut -= 1
    start = parse_pattern(opening[:cut]).apply(first, locale) if cut else ""
    end = parse_pattern(closing).apply(last, locale)
    return start, opening[cut:], end
