"""Rendering the page records of `structure` into the Markdown that MkDocs and Material turn into pages.

Page text we write ourselves (headings) is Markdown, so it reaches MkDocs' table
of contents; everything that comes from YAML is placed in HTML blocks through
Jinja2 with autoescaping on, so no contributed string reaches a page unescaped.
Templates are given the page's own context, the model (`timeline`), the `site` for links
and `h`, the `Helpers`: nothing else.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..data.load import LoadResult
from ..memo import Memo, all_but_events, fixed, frozen
from ..twocores import made_in_two_processes, worth_two_processes
from ..words.quotes import quotation_marks
from ..words.reader import Words, english
from .cards import Cards
from .helpers import Helpers
from .paging import DEFAULTS, Layout
from .pieces import date_html, excerpt_html, inline_html, lang_attributes, quote_html, text_attributes
from .problembox import box_in_markdown
from .rawblocks import model_block, raw_block
from .search import SearchSection
from .structure import LIST_LIMIT, Page, Story, site_pages, story_of
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
    shown_url,
)

TEMPLATES = Path(__file__).parent / "templates"


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


def heading_lang(language: str | None) -> Markup:
    """The same as `lang_attributes`, for a Markdown heading (attr_list): ` { lang="ar" dir="rtl" }`."""
    attributes = lang_attributes(language).strip()
    return Markup(" {{ {} }}").format(attributes) if attributes else Markup("")


@dataclass(frozen=True)
class RenderedPage:
    src: str  # its path under docs/
    text: str  # Markdown, or JSON for the event map; the problems box's marker where it goes (see problembox)
    search: tuple[SearchSection, ...]  # what the search index is given instead of parsing its model blocks
    box: str | None = None  # a template's page: the problems box, the same for all of a build (see problembox)


# Templates whose page is made from its context and the story's shared parts (`_shared`) alone;
# any other page is also made again when any event changed (the home page names events by id).
ONLY_THEIR_EVENTS = frozenset(
    {"timeline.md.j2", "entity.md.j2", "tag.md.j2", "event_list_page.md.j2", "source.md.j2", "embed.md.j2"}
)


def _shared(result: LoadResult, story: Story, layout: Layout) -> Hashable:
    """What any page may read besides its context: every record but the events, which page each
    event is on, and the templates themselves (not the problems: see problembox)."""
    timeline = result.timeline
    return (
        story.site,
        layout,
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
    helpers = Helpers(story)
    story_lang = text_attributes(result.timeline.language, story.words.language)  # as `environment` sets it
    filters = env.filters
    cards = Cards(helpers, story_lang, filters["date_html"], filters["quote_html"], filters["excerpt_html"])
    env.globals.update(cards_html=cards.cards_html, source_links=cards.source_links, event_links=cards.event_links)
    common = {"timeline": result.timeline, "site": site, "h": helpers}
    shared = fixed(memo, "shared", _shared(result, story, layout)) if memo is not None else None
    # hashed once, not once per page that may read any event (each key is looked up twice)
    every_event = fixed(memo, "every event", result.timeline.events) if memo is not None else None

    def text(page: Page) -> tuple[str, tuple[SearchSection, ...]]:
        def search() -> tuple[SearchSection, ...]:
            return page.search() if callable(page.search) else page.search

        if page.template is None:
            return page.text, search()
        template = env.get_template(page.template)

        def render() -> tuple[str, tuple[SearchSection, ...]]:
            later = {name: make() for name, make in page.later.items()}
            return template.render(common, page=page.src, **page.context, **later), search()

        if memo is None:
            return render()
        # the page's search entries are kept with its text: they are made from the same context
        events = None if page.template in ONLY_THEIR_EVENTS else every_event
        return memo.get("page", (page.src, page.template, frozen(page.context), shared, events), render)

    pages = site_pages(story)
    if memo is None and worth_two_processes(len(pages)):
        for template in {page.template for page in pages if page.template}:
            env.get_template(template)  # compiled (and cached on disk) once, before the child is forked
        texts = made_in_two_processes(pages, text)
    else:
        texts = [text(page) for page in pages]
    box = env.get_template("_problems_box.md.j2").render(problems=result.problems)
    return tuple(
        RenderedPage(page.src, made, search, box if page.template else None)
        for page, (made, search) in zip(pages, texts, strict=True)
    )


def render_pages(
    result: LoadResult, site: Site, layout: Layout = DEFAULTS, cache: jinja2.BytecodeCache | None = None
) -> dict[str, str]:
    """Every generated page's text, by its path under docs/, with the problems box in it."""
    return {
        page.src: page.text if page.box is None else box_in_markdown(page.text, page.box)
        for page in render_site(result, site, layout, cache)
    }
