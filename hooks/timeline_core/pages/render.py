"""Rendering the page records of `structure` into the Markdown that MkDocs and Material turn into pages.

Page text we write ourselves (headings) is Markdown, so it reaches MkDocs' table
of contents; everything that comes from YAML is placed in HTML blocks through
Jinja2 with autoescaping on, so no contributed string reaches a page unescaped.
Templates are given the page's own context, the model (`timeline`), the `site` for links
and `h`, the `Helpers`: nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import re
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape

from ..data.load import LoadResult
from ..data.siteurl import is_placeholder
from ..memo import Memo, all_but_events, fixed, frozen
from ..model import views
from ..model.dates import EdtfDate
from ..model.records import Change, Citation, Event, Section, Source, Support
from ..model.text import direction, same_language
from ..twocores import made_in_two_processes, worth_two_processes
from ..words.changes import describe
from ..words.quotes import ENGLISH as ENGLISH_MARKS
from ..words.quotes import QuotationMarks, quotation_marks
from ..words.reader import Words, english
from .annotate import cited_passages, quote_anchor, text_fragment
from .embeds import embed_of, embed_src, oembed_src, snippet
from .jsonld import events_jsonld, jsonld_script, source_jsonld
from .paging import DEFAULTS, Layout, YearGroup, events_by_year, timeline_groups
from .rawblocks import model_block, raw_block
from .search import SearchSection
from .structure import LIST_LIMIT, Page, Story, site_pages, story_of
from .termlinks import link_terms
from .urls import (
    CHANGES_PAGE,
    ENTITIES_PAGE,
    EVENT_MAP,
    GLOSSARY_PAGE,
    HOME_PAGE,
    SOURCES_PAGE,
    TAGS_PAGE,
    TIMELINE_PAGE,
    Site,
    entity_page,
    shown_url,
    source_page,
    tag_page,
)

TEMPLATES = Path(__file__).parent / "templates"


def date_html(date: EdtfDate | dt.date, words: Words) -> Markup:
    """A date in the reader's language with `<time datetime>` on each known part, and plain words
    for the rest. The only way templates write a date, so every date on the site reads the same way.
    """
    pieces = []
    for part in words.date_parts(date):
        if part.datetime:
            pieces.append(Markup('<time datetime="{}">{}</time>').format(part.datetime, part.text))
        else:
            pieces.append(escape(part.text))
    return Markup("").join(pieces)


def template_cache(root: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept on disk under `.cache/`, keyed by each template's checksum.

    `mkdocs serve` starts every rebuild with new Jinja environments (ours and the theme's),
    and compiling their templates again was a tenth of a rebuild. An edited template has a
    new checksum, so it is never served stale.
    """
    folder = root / ".cache" / "timeline" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def environment(
    cache: jinja2.BytecodeCache | None = None, words: Words | None = None, story_language: str = "en"
) -> jinja2.Environment:
    """Our templates' environment, its words (`_`, `ngettext`, dates) in the reader's language, the
    story's own text marked with its language where that differs (`story_lang`)."""
    words = words or english()
    story = text_attributes(story_language, words.language)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=cache,
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # many events share a date
    env.filters["date_html"] = functools.lru_cache(maxsize=4096)(functools.partial(date_html, words=words))
    env.filters["inline"] = inline_html
    env.filters["shown_url"] = shown_url
    env.filters["md_escape"] = markdown_escape
    env.filters["title_meta"] = title_meta
    env.filters["lang"] = lang_attributes
    env.filters["heading_lang"] = heading_lang
    env.filters["quote_html"] = functools.partial(quote_html, words=words, story=story)
    env.filters["excerpt_html"] = functools.partial(excerpt_html, marks=quotation_marks(words.language))
    env.filters["raw_block"] = raw_block
    env.filters["model_block"] = model_block
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        TIMELINE=TIMELINE_PAGE,
        GLOSSARY=GLOSSARY_PAGE,
        SOURCES=SOURCES_PAGE,
        ENTITIES=ENTITIES_PAGE,
        HOME=HOME_PAGE,
        TAGS=TAGS_PAGE,
        EVENT_MAP=EVENT_MAP,
        LIST_LIMIT=LIST_LIMIT,
        CHANGES=CHANGES_PAGE,
        story_lang=story,
    )
    return env


# Not ">": autoescaping makes it "&gt;", after which a backslash would show (and inside a heading
# it opens no quote block anyway).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_escape(text: str) -> str:
    """Backslash-escape Markdown syntax in YAML text placed in Markdown context (headings).

    Jinja's autoescaping then turns < and & into entities, so the text can neither
    form a link nor open a tag.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def title_meta(text: str) -> Markup:
    """A page's title as front matter (`title: "…"`), HTML-escaped once.

    MkDocs takes a page's title from its first heading as HTML, and Material writes it into
    `<title>` through `striptags`, which unescapes it: a name holding `</title>` would close
    the element. A title given in the front matter is written as it is, so it is given escaped.
    """
    return Markup(json.dumps(html.escape(text, quote=False), ensure_ascii=False))


def lang_attributes(language: str | None) -> Markup:
    """` lang="…"` (and ` dir="rtl"` for a script written right to left) for text in a source's
    language, so that screen readers, fonts and the reading direction follow it; "" when unknown."""
    if not language:
        return Markup("")
    if direction(language) == "rtl":
        return Markup(' lang="{}" dir="rtl"').format(language)
    return Markup(' lang="{}"').format(language)


OPENING_MARKS = "“\"‘'«„‚「『‹”’»"  # a quote that starts with one of these brings its own marks


def text_attributes(language: str, page_language: str) -> Markup:
    """`lang` (and `dir` where the directions differ) for the story's own text when the page is in
    another language: an English story's titles read left to right inside an Arabic page."""
    if same_language(language, page_language):
        return Markup("")
    attributes = Markup(' lang="{}"').format(language)
    if direction(language) != direction(page_language):
        attributes += Markup(' dir="{}"').format(direction(language))
    return attributes


def quote_html(
    citation: Citation, language: str | None, words: Words | None = None, story: Markup | None = None
) -> Markup:
    """A quote in its source's language, and its translation credited to who made it. In Python,
    not a template macro: it runs for every citation of every event. A quote that opens with its
    own quotation mark is not given another (`tl-quote-marked`)."""
    marked = " tl-quote-marked" if citation.quote.startswith(tuple(OPENING_MARKS)) else ""
    quote = Markup('<blockquote class="tl-quote{}"{}><p>{}</p></blockquote>').format(
        marked, lang_attributes(language), citation.quote
    )
    if citation.translation is None:
        return quote
    translation: Markup | str = citation.translation
    if story:  # the translation is in the story's language, not the page's
        translation = Markup("<span{}>{}</span>").format(story, citation.translation)
    return quote + Markup('<p class="tl-translation"><span class="tl-translated-by">{}:</span> {}</p>').format(
        (words or english()).translation_label(citation.translated_by), translation
    )


def excerpt_html(text: str, length: int, language: str | None, marks: QuotationMarks = ENGLISH_MARKS) -> Markup:
    """The start of a quote, in its language, inside the page's language's quotation marks:
    “The vote, held on…” on an English page, „Die Abstimmung…“ on a German one; a quote that opens
    with its own mark gets none added, so no mark is doubled."""
    short = text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"
    inner = Markup("<span{}>{}</span>").format(lang_attributes(language), short)
    if text.startswith(tuple(OPENING_MARKS)):
        return inner
    return Markup("{}{}{}").format(marks.start, inner, marks.end)


def heading_lang(language: str | None) -> Markup:
    """The same as `lang_attributes`, for a Markdown heading (attr_list): ` { lang="ar" dir="rtl" }`."""
    attributes = lang_attributes(language).strip()
    return Markup(" {{ {} }}").format(attributes) if attributes else Markup("")


def inline_html(html: str) -> Markup:
    """A one-paragraph rendering without its <p>, to sit inside a sentence or a list item."""
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return Markup(html)


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


@dataclass(frozen=True)
class RenderedPage:
    src: str  # its path under docs/
    text: str  # Markdown, or JSON for the event map
    search: tuple[SearchSection, ...]  # what the search index is given instead of parsing its model blocks


# Templates whose page is made from its context and the story's shared parts (`_shared`) alone;
# any other page is also made again when any event changed (the home page names events by id).
ONLY_THEIR_EVENTS = frozenset(
    {"timeline.md.j2", "entity.md.j2", "tag.md.j2", "event_list_page.md.j2", "source.md.j2", "embed.md.j2"}
)


def _shared(result: LoadResult, story: Story, layout: Layout) -> Hashable:
    """What any page may read besides its context: every record but the events, the problems,
    which page each event is on, and the templates themselves."""
    timeline = result.timeline
    return (
        story.site,
        layout,
        result.problems,
        all_but_events(timeline),  # every field, so a field added to the story is in the key too
        tuple((period.src, tuple(event.id for event in period.events)) for period in story.plan.pages),
        tuple((path.name, path.read_bytes()) for path in sorted(TEMPLATES.iterdir())),
        story.catalogs,
    )


def render_site(
    result: LoadResult,
    site: Site,
    layout: Layout = DEFAULTS,
    cache: jinja2.BytecodeCache | None = None,
    memo: Memo | None = None,
) -> tuple[RenderedPage, ...]:
    """Every generated page, in the order of `structure.PAGE_KINDS`.

    With a `memo`, a page whose inputs are those of a page made before is not rendered again.
    """
    story = story_of(result.timeline, site, layout, memo)
    env = environment(cache, story.words, result.timeline.language)
    common = {"timeline": result.timeline, "problems": result.problems, "site": site, "h": Helpers(story)}
    shared = fixed(memo, "shared", _shared(result, story, layout)) if memo is not None else None

    def text(page: Page) -> str:
        if page.template is None:
            return page.text
        render = functools.partial(env.get_template(page.template).render, common, page=page.src, **page.context)
        if memo is None:
            return render()
        events = () if page.template in ONLY_THEIR_EVENTS else result.timeline.events
        return memo.get("page", (page.src, page.template, frozen(page.context), shared, events), render)

    pages = site_pages(story)
    if memo is None and worth_two_processes(len(pages)):
        for template in {page.template for page in pages if page.template}:
            env.get_template(template)  # compiled (and cached on disk) once, before the child is forked
        texts = made_in_two_processes(pages, text)
    else:
        texts = [text(page) for page in pages]
    return tuple(RenderedPage(page.src, made, page.search) for page, made in zip(pages, texts, strict=True))


def render_pages(
    result: LoadResult, site: Site, layout: Layout = DEFAULTS, cache: jinja2.BytecodeCache | None = None
) -> dict[str, str]:
    """Every generated page's text, by its path under docs/."""
    return {page.src: page.text for page in render_site(result, site, layout, cache)}
