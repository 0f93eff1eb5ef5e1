"""The reader's language as one value: its catalog's messages, its dates and its numbers.

Pages and exports are given a `Words` and ask it for every word they write, so a site in German
says "Geschehen" and "7. Apr. 2026" where an English one says "Happened" and "7 Apr 2026".
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.dates import DatePoint, EdtfDate, exact_day, machine_date
from ..model.records import Support
from ..model.text import direction
from .catalogs import SOURCE_LANGUAGE, translations
from .dates import Calendar

if TYPE_CHECKING:
    from babel import Locale


@dataclass(frozen=True)
class DatePart:
    """One piece of a displayed date: text, and the machine date when it names one."""

    text: str
    datetime: str | None = None


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Marks a message for the catalogs where it is written, to be translated where it is used."""
    return message


# What an entity's kind is called on its page (data/schema.py's ENTITY_KINDS are the keys).
ENTITY_KINDS = {
    "person": N_("person"),
    "group": N_("group of people"),
    "organization": N_("organization"),
    "unit": N_("unit"),
    "place": N_("place"),
    "project": N_("project"),
    "product": N_("product"),
    "model": N_("model"),
    "platform": N_("platform"),
    "document": N_("document"),
    "law": N_("law or rule"),
    "case": N_("court case"),
}

# Put in place of a message's %(date)s to find the words on either side of it.
_HOLE = "\x00"


@dataclass(frozen=True, eq=False)  # one per language and catalog (words_for), compared as itself
class Words:
    """What a reader of `language` reads: messages (`gettext`, `ngettext`), dates and numbers."""

    language: str
    translations: gettext.NullTranslations
    calendar: Calendar
    locale: Locale | None = field(default=None, repr=False)  # None: English as the messages write it

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """A message whose English word means two things ("Reported": a status, a day's label)."""
        return self.translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, number: int) -> str:
        return self.translations.ngettext(singular, plural, number)

    @property
    def direction(self) -> str:
        return direction(self.language)

    def number(self, value: int) -> str:
        if self.locale is None:
            return str(value)
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)

    def percent(self, share: float) -> str:
        """A share as readers say it: "12%" ("12 %" in German), and "under 1%" rather than a
        share rounded to nothing."""
        if 0 < share < 0.005:
            return self.gettext("under %(percent)s") % {"percent": self.percent(0.01)}
        if self.locale is None:
            return f"{share:.0%}"
        from babel.numbers import format_percent

        return format_percent(share, locale=self.locale)

    def date_parts(self, date: EdtfDate | dt.date) -> tuple[DatePart, ...]:
        """What is known and no more: 'c. 7 Apr 2026', '7–10 Apr 2026', 'on or before 10 Apr 2026'
        (EDTF's open ends include the day they name), each known part with its machine date."""
        return _date_parts(self, date if isinstance(date, EdtfDate) else exact_day(date))

    def date_text(self, date: EdtfDate | dt.date) -> str:
        """A date as plain text, for feeds, search entries and labels."""
        return "".join(part.text for part in self.date_parts(date))

    def placement_note(self, date: EdtfDate) -> str:
        """Where a date that is not one exact day was placed, and why ('' for an exact day)."""
        if date.is_plain_day:
            return ""
        if date.earliest is None:
            message = self.gettext(
                "Date: %(date)s; placed on its latest possible day, since no earlier bound is known."
            )
        else:
            message = self.gettext("Date: %(date)s; placed on its earliest possible day.")
        return message % {"date": self.date_text(date)}

    def translation_label(self, translated_by: str | None) -> str:
        """How a translation is credited beside its quote: by a name, the publisher, or a machine."""
        if translated_by == "machine":
            return self.gettext("Machine translation")
        if translated_by == "publisher":
            return self.gettext("The publisher's translation")
        return self.gettext("Translated by %(name)s") % {"name": translated_by}

    def entity_kind(self, kind: str, *, capital: bool = False) -> str:
        """'organization', or 'Organization' to begin a sentence (only the first letter is raised:
        a German label keeps its nouns' capitals, a Chinese one has none)."""
        label = self.gettext(ENTITY_KINDS[kind])
        return label[:1].upper() + label[1:] if capital else label

    def plural_forms(self, singular: str, plural: str) -> dict[str, str]:
        """A message with a number for a script to choose from by `Intl.PluralRules` (CLDR's
        categories: "one", "few", "many", "other"…), each form as the catalog writes it, unformatted."""
        if self.locale is None:
            return {"one": self.ngettext(singular, plural, 1), "other": self.ngettext(singular, plural, 2)}
        forms: dict[str, str] = {}
        for number in range(200):  # every category of every language has an example below 200
            forms.setdefault(self.locale.plural_form(number), self.ngettext(singular, plural, number))
        return forms

    def background_note(self) -> str:
        """How the exports that carry text mark a background event (the pages give it a heading)."""
        return self.gettext("Background: context the story mentions, outside its sequence.")

    def support_note(self, support: Support) -> str:
        """Who stands behind an event, in plain words, for the exports that carry text rather than
        fields; "" when it would say no more than the event's one source does."""
        if support.count == 1 and not support.via:
            return ""
        text = self.ngettext("Supported by %(num)s publisher", "Supported by %(num)s publishers", support.count)
        text %= {"num": self.number(support.count)}
        text += f" ({', '.join(support.publishers)})"
        if not support.via:
            return self.gettext("%(support)s.") % {"support": text}
        relays = ", ".join(
            self.gettext("%(relay)s (based on %(origin)s's report)")
            % {"relay": relay.source.publisher, "origin": relay.origin.publisher}
            for relay in support.via
        )
        return self.gettext("%(support)s; via %(relays)s.") % {"support": text, "relays": relays}

    def status(self, status: str) -> str:
        """An event's status as its badge says it."""
        if status == "confirmed":
            return self.gettext("Confirmed")
        if status == "speculation":
            return self.gettext("Speculation")
        return self.pgettext("an event's status", "Reported")

    def status_in_text(self, status: str) -> str:
        """An event's status inside a sentence of an export: 'reported', 'berichtet', '报道'."""
        if status == "confirmed":
            return self.gettext("confirmed")
        if status == "speculation":
            return self.gettext("speculation")
        return self.gettext("reported")

    def period_label(self, first: tuple[int, int], last: tuple[int, int]) -> str:
        """A page's period: 'April 2026', 'Jan–Jun 2016', 'Nov 2015–Feb 2016'."""
        if first == last:
            return self.calendar.month_name(*first)
        return "".join(self.calendar.month_range(dt.date(*first, 1), dt.date(*last, 1)))

    @staticmethod
    def around(message: str) -> tuple[str, str]:
        """The words a (translated) message puts before and after its `%(date)s`."""
        before, _, after = (message % {"date": _HOLE}).partition(_HOLE)
        return before, after


def _point(words: Words, point: DatePoint, text: str | None = None) -> DatePart:
    text = words.calendar.point(point) if text is None else text
    if point.approximate:
        text = words.gettext("c. %(date)s") % {"date": text}
    if point.uncertain:
        text = words.gettext("%(date)s?") % {"date": text}
    return DatePart(text, machine_date(point))


def _around(words: Words, message: str, parts: tuple[DatePart, ...]) -> tuple[DatePart, ...]:
    before, after = words.around(message)
    return (*((DatePart(before),) if before else ()), *parts, *((DatePart(after),) if after else ()))


@functools.lru_cache(maxsize=8192)  # many events share a date
def _date_parts(words: Words, date: EdtfDate) -> tuple[DatePart, ...]:
    start, end = date.start, date.end
    if not date.interval:
        assert start is not None, "a date that is not an interval is one point"
        return (_point(words, start),)
    if start is None:
        assert end is not None, "parse_edtf refuses a date open at both ends"
        return _around(words, words.gettext("on or before %(date)s"), (_point(words, end),))
    if end is None:
        return _around(words, words.gettext("on or after %(date)s"), (_point(words, start),))
    if start.precision == end.precision == "day" and not start.qualified:
        first, separator, last = words.calendar.day_range(start.earliest, end.earliest)
        return (DatePart(first, machine_date(start)), DatePart(separator), _point(words, end, last))
    before, between, after = _between(words)
    parts: tuple[DatePart, ...] = (DatePart(before),) if before else ()
    parts += (_point(words, start), DatePart(between), _point(words, end))
    return parts + ((DatePart(after),) if after else ())


def _between(words: Words) -> tuple[str, str, str]:
    text = words.gettext("%(start)s–%(end)s") % {"start": _HOLE, "end": _HOLE}
    before, between, after = text.split(_HOLE)
    return before, between, after


@functools.lru_cache(maxsize=16)
def _words(language: str, catalog: gettext.NullTranslations) -> Words:
    if language.replace("_", "-").split("-")[0] == SOURCE_LANGUAGE:
        return Words(language, catalog, Calendar(None))  # Babel is not even loaded for English
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return Words(language, catalog, Calendar(None))
    return Words(language, catalog, Calendar(locale), locale)


def words_for(language: str) -> Words:
    """The reader's words for a `theme.language` ('de', 'zh', 'ar', 'pt-BR'): its catalog's
    messages (English ones for a language with no catalog), and its dates and numbers."""
    return _words(language, translations(language))


@functools.cache
def english() -> Words:
    """The messages as written: for exports that stay in English (JSON, CSV) and for terminals."""
    return words_for(SOURCE_LANGUAGE)
