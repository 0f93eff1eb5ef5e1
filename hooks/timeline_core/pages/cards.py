"""The event card and its citations, written in Python rather than as a template macro: a build
writes one for every event (11,000 at 10,000 events), and a Jinja macro's calls, escapes and
translations cost a quarter of such a build. The markup is the one a template macro wrote, byte
for byte; the templates now call `cards_html`, and this module is where the card changes.

What a reader scans first (title; date, precision and status; summary; the first quote), then
who, terms and tags on one line. The date line opens, without JavaScript, to the four dates, the
date note and the publishers behind the event. A source's title is its publisher link's tooltip:
written once per source, not once per citation. Nothing is left out of the HTML or the search
index. Every contributed string is escaped here (`_e`, markupsafe's escape) as autoescaping did
in the template; the words and pieces put in unescaped are markup already. f-strings, not
`Markup.format`, whose pure-Python formatter cost more than the template did.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model.dates import EdtfDate
from ..model.records import Citation, Event, Source
from ..words.reader import N_, Words
from .helpers import Helpers
from .pieces import escaped as _e  # C code: hundreds of thousands of calls a build
from .urls import CHANGES_PAGE, GLOSSARY_PAGE, SOURCES_PAGE, TIMELINE_PAGE

_SEPARATOR = " · "
BASED_ON = N_("based on %(publisher)s's report")


@dataclass(frozen=True)
class Cards:
    """The cards of one build: its helpers, the story's language marks, and the pieces its template
    environment writes dates, quotes and a quote's start with (render.py's filters, so that a card and
    a template write each one way, from one cache of dates)."""

    h: Helpers
    story_lang: Markup  # ` lang="…"` on the story's own text when the page is in another language
    date: Callable[[EdtfDate | dt.date], Markup]
    quote: Callable[[Citation, str | None], Markup]
    excerpt: Callable[[str, int, str | None], Markup]

    @property
    def words(self) -> Words:
        return self.h.story.words

    def _(self, message: str, **values: object) -> Markup:
        """A message in the reader's language, as the templates' `_()` gives it: the translation is
        markup, the values put into it are escaped."""
        return Markup(self.words.translations.gettext(message)) % values

    @functools.cached_property
    def _fixed(self) -> dict[str, Markup]:
        """The words every card writes, translated once a build instead of once a card."""
        words = self.words
        said = {
            key: self._(message)
            for key, message in {
                "inferred": N_("inferred date"),
                "stated": N_("stated date"),
                "confirmed": N_("Confirmed"),
                "speculation": N_("Speculation"),
                "background": N_("Background"),
                "happened": N_("Happened"),
                "added": N_("Added"),
                "changed": N_("Last changed"),
                "supported": N_("Supported by:"),
                "via": N_("via"),
                "speculation_note": N_("Speculation:"),
                "others_guessed": N_("the source reports that others guessed this."),
                "not_fact": N_("It is not established fact."),
                "who": N_("Who:"),
                "terms": N_("Terms:"),
                "tags": N_("Tags:"),
                "report": N_("Report an error"),
                "archived": N_("In the archived copy"),
                "original": N_("On the original page"),
                "about": N_("About this source"),
            }.items()
        }
        said["reported"] = Markup(words.translations.pgettext("an event's status", "Reported")) % {}
        said["reported_on"] = Markup(words.translations.pgettext("the day its sources published it", "Reported")) % {}
        return said

    def card_html(self, page: str, event: Event, numbers: Mapping[str, int] | None = None) -> Markup:
        """One event's card on `page` (numbered as the page's axis numbers it, when it does)."""
        said, h, timeline, date = self._fixed, self.h, self.h.story.timeline, self.date
        ident = _e(event.id)
        out = [
            f'<article class="tl-event tl-status-{_e(event.status)} tl-precision-{_e(h.precision(event))}'
            f'{" tl-background" if event.background else ""}" data-tags="{_e(" ".join(event.tags))}"'
            f' data-entities="{_e(" ".join(event.entities))}">\n',
            *(f'<span class="tl-redirect" id="{_e(old)}"></span>' for old in timeline.redirects_to.get(event.id, ())),
            f'<h4 class="tl-title" id="{ident}"{self.story_lang}><a class="tl-anchor" href="#{ident}">'
            f"{_e(event.title)}</a></h4>\n",
        ]
        if update := h.update(event):
            change, text, more = update
            out.append('<p class="tl-updated" data-search-exclude="1">')
            out.append(self._("Updated %(date)s: %(change)s", date=date(change.day), change=text))
            if change.reason:
                out.append(f' <span class="tl-reason">{self._("(%(reason)s)", reason=change.reason)}</span>')
            if more:
                counted = self.words.translations.ngettext("%(num)d more change", "%(num)d more changes", more)
                link = _e(h.site.link(page, CHANGES_PAGE, change.day.isoformat()))
                out.append(f' <a href="{link}">{counted % {"num": more}}</a>')
            out.append("</p>\n")
        out.append(self._date_line(event, numbers))
        out.append(self._details(event, page))
        if event.status == "speculation":
            out.append(
                f'<p class="tl-speculation-note"><strong>{said["speculation_note"]}</strong> '
                f"{said['others_guessed']} {said['not_fact']}</p>\n"
            )
        summary, terms = h.summary_and_terms(event, page)
        out.append(f'<div class="tl-summary"{self.story_lang}>{summary}</div>\n')
        out.append(self.citations_html(page, event.citations, event.id) + "\n")
        out.append(self._meta(event, page, terms))
        out.append("</article>")
        return Markup("".join(out))

    def cards_html(self, page: str, events: Sequence[Event], numbers: Mapping[str, int] | None = None) -> Markup:
        """Cards one after another, each followed by a blank line: one call from a template for a
        month of cards, where a macro called for each card cost a tenth of rendering."""
        return Markup("".join([f"{self.card_html(page, event, numbers)}\n\n" for event in events]))

    def _date_line(self, event: Event, numbers: Mapping[str, int] | None) -> str:
        said = self._fixed
        number = f'<span class="tl-num">{_e(numbers[event.id])}</span> ' if numbers and event.id in numbers else ""
        basis = said["inferred"] if event.date_basis == "inferred" else said["stated"]
        status = {"confirmed": said["confirmed"], "speculation": said["speculation"]}.get(
            event.status, said["reported"]
        )
        background = (
            f' <span class="tl-badge tl-background-badge">{said["background"]}</span>' if event.background else ""
        )
        return (
            f'<details class="tl-details"><summary class="tl-date">{number}<span class="tl-when">'
            f'{self.date(event.date)}</span> <span class="tl-badge tl-basis-{_e(event.date_basis)}">{basis}</span> '
            f'<span class="tl-badge tl-status tl-status-{_e(event.status)}">{status}</span>{background}</summary>\n'
        )

    def _details(self, event: Event, page: str) -> str:
        """What the date line opens to: the four dates, the date note, the publishers behind it."""
        said, h, timeline, date = self._fixed, self.h, self.h.story.timeline, self.date
        note = f' <span class="tl-date-note">{_e(event.date_note)}</span>' if event.date_note else ""
        reported = ", ".join(date(day) for day in h.reported_dates(event))
        rows = [
            f"<dt>{said['happened']}</dt><dd>{date(event.date)}{note}</dd>\n",
            f"<dt>{said['reported_on']}</dt><dd>{reported}</dd>\n",
        ]
        if history := timeline.history.get(event.path):
            if history.added_known:
                rows.append(f"<dt>{said['added']}</dt><dd>{date(history.added)}</dd>\n")
            # a change up to the day the story was published was its preparation: not its public record
            if not timeline.published or history.changed > timeline.published:
                rows.append(f"<dt>{said['changed']}</dt><dd>{date(history.changed)}</dd>\n")
        support = h.support(event)
        publishers = self.words.translations.ngettext("%(num)d publisher", "%(num)d publishers", support.count)
        via = ""
        if support.via:
            relays = ", ".join(
                f'{_e(relay.source.publisher)} (<a href="{_e(h.site.link(page, SOURCES_PAGE, relay.source.id))}">'
                f"{self._(BASED_ON, publisher=relay.origin.publisher)}</a>)"
                for relay in support.via
            )
            via = f"; {said['via']} {relays}"
        return (
            f'<div data-search-exclude="1">\n<dl class="tl-dates">\n{"".join(rows)}</dl>\n'
            f'<p class="tl-support" data-publishers="{support.count}"><b>{said["supported"]}</b> '
            f"{publishers % {'num': support.count}} ({_e(', '.join(support.publishers))}){via}</p>\n"
            "</div>\n</details>\n"
        )

    def _meta(self, event: Event, page: str, terms: tuple[str, ...]) -> str:
        """Who, terms and tags on one line, and the "Report an error" link."""
        said, h, timeline = self._fixed, self.h, self.h.story.timeline
        parts = []
        if event.entities:
            names = ",".join(
                f' <a class="tl-entity" href="{_e(h.entity_href(page, ident))}">'
                f"{_e(timeline.entities_by_id[ident].name)}</a>"
                for ident in event.entities
            )
            parts.append(f'<span class="tl-entities"><span class="tl-label">{said["who"]}</span>{names}</span>')
        if terms:
            listed = ",".join(
                f' <a href="{_e(h.site.link(page, GLOSSARY_PAGE, ident))}">{_e(timeline.terms_by_id[ident].term)}</a>'
                for ident in terms
            )
            parts.append(f'<span class="tl-terms"><span class="tl-label">{said["terms"]}</span>{listed}</span>')
        if event.tags:
            tags = "".join(
                f' <a class="tl-tag" href="{_e(h.tag_href(page, tag))}">{_e(h.tag_label(tag))}</a>'
                for tag in event.tags
            )
            parts.append(f'<span class="tl-tags"><span class="tl-label">{said["tags"]}</span>{tags}</span>')
        if h.site.repository:
            parts.append(
                f'<a class="tl-report" href="{_e(h.report_error_href(event))}" rel="noopener noreferrer">'
                f"{said['report']}</a>"
            )
        return f'<p class="tl-meta">{_SEPARATOR.join(parts)}</p>\n'

    def citations_html(self, page: str, citations: tuple[Citation, ...], anchor: str) -> str:
        """An event's citations: the first quote shown with its source; the others numbered, each
        opening to its quote, naming a source only when it is not the one just named. Each item's
        id is `<anchor>-cite-<n>`; each quote links to its passage in the archived copy."""
        sources, site, anchor = self.h.story.timeline.sources_by_id, self.h.site, _e(anchor)
        items = []
        for number, citation in enumerate(citations, 1):
            source = sources[citation.source]
            quote = self.quote(citation, source.language)
            if number == 1:
                items.append(
                    f'<li id="{anchor}-cite-1">{quote}\n<p class="tl-cite-source" data-search-exclude="1"><b>[1]</b> '
                    f'<a class="tl-cite-publisher" href="{_e(site.link(page, SOURCES_PAGE, source.id))}" '
                    f'title="{_e(source.title)}">{_e(source.publisher)}</a>: '
                    f"{self.source_links(page, source, citation, False)}</p></li>\n"
                )
                continue
            named = citation.source != citations[number - 2].source
            name = f' <span title="{_e(source.title)}">{_e(source.publisher)}:</span>' if named else ""
            start = self.excerpt(citation.quote, 70, source.language)
            items.append(
                f'<li id="{anchor}-cite-{number}"><details class="tl-citation"><summary data-search-exclude="1">'
                f'<b>[{number}]</b>{name} <span class="tl-cite-start">{start}</span></summary>\n{quote}\n'
                f'<p class="tl-cite-source" data-search-exclude="1">{self.source_links(page, source, citation, named)}'
                "</p>\n</details></li>\n"
            )
        return f'<ol class="tl-citations">\n{"".join(items)}</ol>\n'

    def source_links(self, page: str, source: Source, citation: Citation, first: bool) -> Markup:
        """A quote's links: its passage in the archived copy, on the original page, and (`first`) the
        source's entry. The glossary's and entities' citations write them too."""
        said, h = self._fixed, self.h
        links = f'<a href="{_e(h.source_href(page, source.id, h.quote_anchor(citation)))}">{said["archived"]}</a>'
        if source.url:
            links += (
                f' · <a href="{_e(source.url)}{_e(h.text_fragment(citation))}" rel="noopener noreferrer">'
                f"{said['original']}</a>"
            )
        if first:
            links += f' · <a href="{_e(h.site.link(page, SOURCES_PAGE, source.id))}">{said["about"]}</a>'
        return Markup(links)

    def event_links(self, page: str, events: Sequence[Event], limit: int | None = None) -> Markup:
        """A compact list of links to events on their timeline pages, cut short at `limit` (a
        source's or a term's) with a line that says how many more; on entity and tag pages every
        event of a story is listed, so it is written here rather than by a template loop. Left out
        of search: the timeline already indexes each event under its own title."""
        h, date, lang = self.h, self.date, self.story_lang
        badge = f' <span class="tl-badge tl-background-badge">{self._fixed["background"]}</span>'
        items = [
            f'<li><a href="{_e(h.event_href(page, event.id))}"{lang}>{_e(event.title)}</a> '
            f'<span class="tl-date">({date(event.date)})</span>{badge if event.background else ""}</li>\n'
            for event in (events[:limit] if limit is not None else events)
        ]
        if limit is not None and len(events) > limit:
            more = self._(
                'and %(more)s more on the <a href="%(timeline)s">timeline</a>',
                more=h.number(len(events) - limit),
                timeline=h.site.link(page, TIMELINE_PAGE),
            )
            items.append(f'<li class="tl-more-events">{more}</li>\n')
        return Markup(f'<ul class="tl-event-links" data-search-exclude="1">\n{"".join(items)}</ul>')
