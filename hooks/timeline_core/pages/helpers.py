"""`Helpers`: what templates call by name (`h.event_href(page, id)`), worked out from the build's
`Story`: links, term links, dates in words, structured data, the embed box, corrections in words.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..data.siteurl import is_placeholder
from ..model import views
from ..model.dates import EdtfDate
from ..model.records import Change, Event, Section, Source, Support
from ..words.changes import describe
from .annotate import cited_passages, quote_anchor, text_fragment
from .embeds import embed_of, embed_src, oembed_src, snippet
from .jsonld import events_jsonld, jsonld_script, source_jsonld
from .paging import YearGroup, events_by_year, timeline_groups
from .pieces import inline_html
from .structure import Story
from .termlinks import link_terms
from .urls import GLOSSARY_PAGE, TIMELINE_PAGE, Site, entity_page, source_page, tag_page


@dataclass(frozen=True)
class Helpers:
    """What templates call, by name (`h.event_href(page, id)`): links, term links, dates, structured data."""

    story: Story

    @property
    def site(self) -> Site:
        return self.story.site

    def report_error_href(self, event: Event | None = None) -> str:
        """The repository's "Report an error" form, with the entry's link (and the issue's title)
        filled in, in the query GitHub documents for issue forms (`template`, `title`, a field's id)."""
        query = {"template": "report-error.yml"}
        if event is not None:
            query |= {"title": f"Correction: {event.title}", "event": self.site.absolute(TIMELINE_PAGE, event.id)}
        return f"{self.site.repository}/issues/new?{urlencode(query, quote_via=quote)}"

    def event_href(self, page: str, event_id: str) -> str:
        """A link to an event on the timeline page that holds it."""
        return self.site.link(page, self.story.plan.page_of[event_id], event_id)

    def entity_href(self, page: str, entity_id: str) -> str:
        return self.site.link(page, entity_page(entity_id))

    def tag_href(self, page: str, tag: str) -> str:
        return self.site.link(page, tag_page(tag))

    def tag_label(self, tag: str) -> str:
        """A tag as readers see it (its label in timeline/tags.yml, else its id)."""
        return self.story.timeline.tag_label(tag)

    def source_href(self, page: str, source_id: str, anchor: str = "") -> str:
        """A link to a source's annotated page (to a quote on it, with `anchor`)."""
        return self.site.link(page, source_page(source_id), anchor)

    def linked(self, html: str, page: str, shared: set[str] | None = None) -> Markup:
        """Safe HTML with each glossary term's first mention linked to its entry (see link_terms)."""
        return Markup(
            link_terms(html, self.story.patterns, lambda term: self.site.link(page, GLOSSARY_PAGE, term.id), shared)
        )

    def linked_section(self, section: Section, page: str) -> list[Markup]:
        """An explainer section's sentences, each term linked once in the whole section."""
        shared: set[str] = set()
        return [self.linked(inline_html(sentence.text.html), page, shared) for sentence in section.sentences]

    def summary_and_terms(self, event: Event, page: str) -> tuple[Markup, tuple[str, ...]]:
        """The linked summary, and the event's other terms (listed, or only in the title) to list after it."""
        in_summary: set[str] = set()
        summary = self.linked(event.summary.html, page, in_summary)
        return summary, tuple(i for i in self.story.event_terms[event.id] if i not in in_summary)

    def reported_dates(self, event: Event) -> tuple[EdtfDate, ...]:
        return views.reported_dates(self.story.timeline, event)

    @staticmethod
    def publisher_anchor(publisher: str) -> str:
        """The sources page's anchor for a publisher's group (ids are ASCII slugs, names need not be)."""
        slug = re.sub(r"[^a-z0-9]+", "-", publisher.casefold()).strip("-")
        return f"publisher-{slug or hashlib.sha1(publisher.encode()).hexdigest()[:8]}"

    def support(self, event: Event) -> Support:
        """The independent publishers behind an event's citations, and the sources relaying them."""
        return self.story.timeline.support[event.id]

    def percent(self, share: float) -> str:
        """A share as readers say it: "12%", and "under 1%" rather than a quote rounded to nothing."""
        return self.story.words.percent(share)

    def number(self, value: int) -> str:
        return self.story.words.number(value)

    @staticmethod
    def sentence_start(text: Markup) -> Markup:
        """A phrase made to follow other words, opening a sentence instead: its first letter raised."""
        return Markup(text[:1].upper()) + text[1:]

    def kind_label(self, kind: str, capital: bool = False) -> str:
        """An entity's kind as readers call it: "law" is "law or rule"."""
        return self.story.words.entity_kind(kind, capital=capital)

    precision = staticmethod(views.precision)

    def events_by_year(self, events: tuple[Event, ...]) -> tuple[tuple[str, str, tuple[Event, ...]], ...]:
        return events_by_year(events, self.story.words)

    quote_anchor = staticmethod(quote_anchor)
    cited_passages = staticmethod(cited_passages)
    text_fragment = staticmethod(text_fragment)

    def events_jsonld(self, events: tuple[Event, ...]) -> Markup:
        name = self.story.words.gettext("Timeline")
        return Markup(jsonld_script(events_jsonld(events, self.site, name)))

    def timeline_groups(self, events: tuple[Event, ...]) -> tuple[YearGroup, ...]:
        return timeline_groups(events, self.story.words)

    def update(self, event: Event) -> tuple[Change, str, int] | None:
        """An event's newest correction (a typo's only when it had no other), in plain words, and
        how many more the Changes page lists; None for an event never corrected."""
        changes = self.story.groups.updates.get(event.id, ())
        if not changes:
            return None
        shown = next((change for change in changes if not change.typo), changes[0])
        return shown, self.change_text(shown), len(changes) - 1

    def date_text(self, day: dt.date) -> str:
        return self.story.words.date_text(day)

    def change_text(self, change: Change) -> str:
        return describe(change, self.story.words, self._source_titles)

    @functools.cached_property
    def _source_titles(self) -> dict[str, str]:
        return {source.id: source.title for source in self.story.timeline.sources}

    def change_title(self, change: Change) -> str:
        return views.change_title(self.story.timeline, change)

    def status(self, status: str) -> str:
        return self.story.words.status(status)

    def oembed_url(self, src: str) -> str:
        """Where a page's oEmbed description is, for a CMS to discover from the page's link; none
        while the site's address is a placeholder: the theme fetches a sitemap beside every
        alternate link, and a preview must not ask example.org for one (nor would a CMS find it)."""
        if is_placeholder(self.site.base_url):
            return ""
        return self.site.absolute(oembed_src(src))

    def embed_box(self, src: str, kind: str, title: str) -> Markup:
        """The "Embed" box under a page: the snippet to paste, ready to select (no script needed)."""
        words = self.story.words
        embed = embed_of(self.site, src, kind, title)
        return Markup(
            '<details class="tl-embed" data-search-exclude="1"><summary>{}</summary>'
            '<p>{} <a href="{}">{}</a></p><textarea readonly rows="5" aria-label="{}">{}</textarea></details>'
        ).format(
            words.gettext("Embed"),
            words.gettext("Paste this where the timeline should appear; it sizes itself to its content."),
            self.site.link(src, embed_src(src)),
            words.gettext("See the embed"),
            words.gettext("Embed code"),
            snippet(self.site, embed),
        )

    def event_embed_snippet(self, src: str) -> str:
        """The snippet of one event of this timeline page, for the script's per-card "Embed" button:
        `EVENT-ID` stands for the event's id."""
        embed = embed_of(self.site, src, "event", "", "EVENT-ID")
        return snippet(self.site, embed)

    def script_words(self) -> Markup:
        """The words timeline.js writes (the filters' count, the copy button), for a page in a
        language other than English, whose words the script has as written."""
        words = self.story.words
        if words.gettext("Copy link") == "Copy link":
            return Markup("")
        attributes = {
            "copy": words.gettext("Copy link"),
            "embed": words.gettext("Embed"),
            "embedded": words.gettext("Embed code copied"),
            "copied": words.gettext("Link copied"),
            "failed": words.gettext("Copy failed: %(url)s"),
            "all": words.plural_forms("%(num)d event", "%(num)d events"),
            "shown": words.plural_forms("Showing %(shown)s of %(num)d event", "Showing %(shown)s of %(num)d events"),
        }
        return Markup('<div class="tl-words" hidden data-words="{}"></div>').format(
            json.dumps(attributes, ensure_ascii=False, separators=(",", ":"))
        )

    def source_jsonld(self, source: Source) -> Markup:
        return Markup(jsonld_script(source_jsonld(source, self.site)))
