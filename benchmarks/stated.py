"""Whether a page states what its set's truth says, for the issue's measure: headlines, bylines and
days right "on the pages that state them". A truth the page gives nowhere (a blog's user name no
markup shows, a day one digit off the page's, a title the set shortened) is a fault of the truth,
not of the extraction, and no extractor could find it.

Generous on purpose: a page "states" a headline or byline when its words stand anywhere in it, in
its text or in its markup's attributes, and a day when any date the page or its address writes
(in figures, with a month's name in any of CLDR's languages, or as a timestamp) is that day or, for
a time of day, the day either side, since a time's day depends on its zone. So the pages left out
are only those that surely do not state it.
"""

from __future__ import annotations

import datetime
import functools
import html as htmllib
import re
from collections.abc import Iterator

from babel import Locale
from babel.localedata import locale_identifiers

from benchmarks.public_sets import normal, people

_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")


def page_says(html: str) -> str:
    """A page's text without its tags, then its attributes' values, each unescaped, as `normal`
    compares them."""
    values = " ".join(double or single for double, single in _ATTRIBUTE.findall(html))
    return normal(htmllib.unescape(_TAG.sub(" ", html)) + " " + htmllib.unescape(values))


def states_title(says: str, title: str) -> bool:
    return normal(title) in says


def states_authors(says: str, authors: tuple[str, ...]) -> bool:
    """Every person the truth names stands in the page."""
    return all(person in says for person in people(";".join(authors)))


@functools.cache
def _months() -> dict[str, frozenset[int]]:
    """Every month's name and abbreviation in CLDR's languages, casefolded, without a final dot."""
    names: dict[str, set[int]] = {}
    for identifier in locale_identifiers():
        if "_" in identifier:
            continue
        months = Locale.parse(identifier).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names.setdefault(name.casefold().rstrip("."), set()).add(number)
    return {name: frozenset(numbers) for name, numbers in names.items() if name and not name.isdigit()}


def _day(year: int, month: int, day: int) -> datetime.date | None:
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_YMD = re.compile(r"(?<!\d)(\d{4})\s*([-/._|]|\.\s|[年년])\s*(\d{1,2})\s*(?:\2|[月월])\s*(\d{1,2})(?!\d)")
_YMD_BARE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([-/.|])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")
_TIME = re.compile(r"[t\s]\d{1,2}:\d{2}")
_STAMP = re.compile(r"(?:date|time|publish|created|modified)\w*[\"']?\s*[:=]\s*[\"']?(1\d{9})(?:\d{3})?(?!\d)")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _numeric_days(text: str) -> Iterator[tuple[datetime.date | None, bool]]:
    """Days written in figures, each with whether a time of day follows it."""
    for found in _YMD.finditer(text):
        timed = bool(_TIME.match(text, found.end()))
        yield _day(int(found[1]), int(found[3]), int(found[4])), timed
    for found in _YMD_BARE.finditer(text):
        yield _day(int(found[1]), int(found[2]), int(found[3])), False
    for found in _DMY.finditer(text):
        first, second, year = int(found[1]), int(found[3]), int(found[4])
        yield _day(year, second, first), False
        yield _day(year, first, second), False


def _named_days(text: str) -> Iterator[datetime.date | None]:
    """Days written with a month's name: a day (1-31) and a year within four words of it."""
    months = _months()
    tokens = _TOKEN.findall(text)
    for at, token in enumerate(tokens):
        numbers = months.get(token)
        if numbers is None:
            continue
        near = tokens[max(at - 4, 0) : at] + tokens[at + 1 : at + 5]
        days = {int(m[1]) for t in near if (m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|er|º)?", t))}
        years = {int(t) for t in near if re.fullmatch(r"(?:19|20)\d{2}", t)}
        for month in numbers:
            for year in years:
                for day in days:
                    yield _day(year, month, day)


def days_stated(html: str, url: str | None) -> set[str]:
    """Every day a page or its address writes, as YYYY-MM-DD."""
    text = normal(htmllib.unescape(_TAG.sub(" ", html)) + " " + html + " " + (url or ""))
    found: set[datetime.date] = set()
    for day, timed in _numeric_days(text):
        if day is not None:
            found.add(day)
            if timed:
                found |= {day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)}
    found |= {day for day in _named_days(text) if day is not None}
    for stamp in _STAMP.finditer(text):
        moment = datetime.datetime.fromtimestamp(int(stamp[1]), datetime.UTC).date()
        found |= {moment - datetime.timedelta(days=1), moment, moment + datetime.timedelta(days=1)}
    return {day.isoformat() for day in found}
