"""Rendering the model into the Markdown pages that MkDocs and Material turn into the site.

Page text we write ourselves (headings) is Markdown, so it reaches MkDocs' table
of contents; everything that comes from YAML is placed in HTML blocks through
Jinja2 with autoescaping on, so no contributed string reaches a page unescaped.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import views
from .annotate import annotate, quote_anchor, text_fragment
from .axis import build_axis
from .exports import events_jsonld, jsonld_script, source_jsonld
from .rawblocks import raw_block
from .termlinks import link_terms, term_patterns
from .dates import EdtfDate, display_parts
from .load import LoadResult
from .options import DEFAULTS, Layout
from .urls import ENTITIES_PAGE, GLOSSARY_PAGE, HOME_PAGE, SOURCES_PAGE, TAGS_PAGE, TIMELINE_PAGE, Site

TEMPLATES = Path(__file__).parent / "templates"


def date_html(date: EdtfDate) -> Markup:
    """A date with `<time datetime>` on each known part, and plain words for the rest."""
    pieces = []
    for part in display_parts(date):
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


def environment(cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=cache,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date_html"] = functools.lru_cache(maxsize=4096)(date_html)  # many events share a date
    env.filters["inline"] = inline_html
    env.filters["md_escape"] = markdown_escape
    env.filters["raw_block"] = raw_block
    return env


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_escape(text: str) -> str:
    """Backslash-escape Markdown syntax in YAML text placed in Markdown context (headings).

    Jinja's autoescaping then turns < and & into entities, so the text can neither
    form a link nor open a tag.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def inline_html(html: str) -> Markup:
    """A one-paragraph rendering without its <p>, to sit inside a sentence or a list item."""
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return Markup(html)


def render_pages(result: LoadResult, site: Site, layout: Layout = DEFAULTS,
                 cache: jinja2.BytecodeCache | None = None) -> dict[str, str]:
    """Every generated page, by its path under docs/, as text (Markdown, or JSON for the link map)."""
    timeline = result.timeline
    env = environment(cache)
    patterns = term_patterns(timeline.terms)
    by_entity = views.events_by_entity(timeline)
    plan = views.plan_pages(timeline.events, layout.events_per_page)
    all_citers = views.citers(timeline, plan.page_of)
    citers_by_source: dict[str, list] = {}
    for citer in all_citers:
        citers_by_source.setdefault(citer.citation.source, []).append(citer)
    event_terms = {event.id: views.terms_of(event, patterns) for event in timeline.events}
    by_term = views.events_by(timeline, lambda event: event_terms[event.id])

    def linked(html: str, page: str, shared: set[str] | None = None) -> Markup:
        """Safe HTML with each glossary term's first mention linked to its entry (see link_terms)."""
        return Markup(link_terms(html, patterns, lambda term: site.link(page, GLOSSARY_PAGE, term.id), shared))

    def summary_and_terms(event, page: str) -> tuple[Markup, tuple[str, ...]]:
        """The linked summary, and the event's other terms (listed, or only in the title) to list after it."""
        in_summary: set[str] = set()
        summary = linked(event.summary.html, page, in_summary)
        return summary, tuple(i for i in event_terms[event.id] if i not in in_summary)

    common = {
        "timeline": timeline,
        "problems": result.problems,
        "site": site,
        "TIMELINE": TIMELINE_PAGE,
        "GLOSSARY": GLOSSARY_PAGE,
        "SOURCES": SOURCES_PAGE,
        "ENTITIES": ENTITIES_PAGE,
        "HOME": HOME_PAGE,
        "TAGS": TAGS_PAGE,
        "views": views,
        "plan": plan,
        "linked": linked,
        "linked_section": lambda section, page: [
            linked(inline_html(s.text.html), page, shared) for shared in [set()] for s in section.sentences],
        "event_href": lambda page, event_id: site.link(page, plan.page_of[event_id], event_id),
        "quote_anchor": quote_anchor,
        "text_fragment": text_fragment,
        "reported_dates": lambda event: views.reported_dates(timeline, event),
        "summary_and_terms": summary_and_terms,
        "jsonld": lambda data: Markup(jsonld_script(data)),
        "events_jsonld": lambda events: events_jsonld(events, timeline, site),
        "source_jsonld": lambda source: source_jsonld(source, site),
        "citers_of": lambda source_id: citers_by_source.get(source_id, ()),
        "LIST_LIMIT": LIST_LIMIT,
    }
    pages: dict[str, tuple[str, dict]] = {
        HOME_PAGE: ("index.md.j2", {}),
        ENTITIES_PAGE: ("entities.md.j2", {
            "entities": views.entities_order(timeline), "events_of": by_entity}),
        GLOSSARY_PAGE: ("glossary.md.j2", {
            "letters": views.glossary_letters(timeline.terms), "events_of": by_term}),
        SOURCES_PAGE: ("sources.md.j2", {"citing": views.events_citing(timeline)}),
    }
    by_tag = views.events_by_tag(timeline)
    tags = tuple(by_tag)
    pages[TAGS_PAGE] = ("tags.md.j2", {"by_tag": by_tag})

    def list_pages(events: tuple, home: str, folder: str, heading: str) -> views.TimelinePlan:
        """Past the limit, a list of events goes on one page per period, reached from `home`."""
        listing = views.plan_pages(events, layout.links_per_page, home, folder)
        if listing.split:
            for number, part in enumerate(listing.pages):
                pages[part.src] = ("event_list_page.md.j2", {
                    "heading": f"{heading}, {part.label}", "home": home, "home_label": heading,
                    "part": part, "total": len(events),
                    "previous": listing.pages[number - 1] if number else None,
                    "next": listing.pages[number + 1] if number + 1 < len(listing.pages) else None})
        return listing

    for tag, events in by_tag.items():
        pages[views.tag_page(tag)] = ("tag.md.j2", {
            "tag": tag, "events": events,
            "listing": list_pages(events, views.tag_page(tag), f"tags/{tag}", f"Tag: {tag}")})
    filter_entities = [e for e in views.entities_order(timeline) if e.id in by_entity]
    for number, period in enumerate(plan.pages):
        pages[period.src] = ("timeline.md.j2", {
            "period": period,
            "previous": plan.pages[number - 1] if number else None,
            "next": plan.pages[number + 1] if number + 1 < len(plan.pages) else None,
            "years": views.timeline_groups(period.events),
            "axis": build_axis(period.events),
            "tags": tags,
            "filter_entities": filter_entities})
    if plan.split:
        pages[TIMELINE_PAGE] = ("timeline_index.md.j2", {"by_year": views.periods_by_year(plan)})
    children = views.children_of(timeline)
    for entity in timeline.entities:
        events = by_entity.get(entity.id, ())
        pages[views.entity_page(entity.id)] = ("entity.md.j2", {
            "entity": entity, "children": children.get(entity.id, ()), "events": events,
            "listing": list_pages(events, views.entity_page(entity.id), f"entities/{entity.id}", entity.name)})
    for source in timeline.sources:
        if source.id in timeline.archives:
            pages[views.source_page(source.id)] = ("source.md.j2", {
                "source": source,
                "annotated": annotate(timeline, source.id,
                                      ((c.label, c.citation) for c in citers_by_source.get(source.id, ())))})
    rendered = {page: env.get_template(template).render(common, page=page, **extra)
                for page, (template, extra) in pages.items()}
    if plan.split:
        rendered[EVENT_MAP] = event_map(plan, timeline, site)
    return rendered


LIST_LIMIT = 12  # events listed under a glossary term or a source before "and N more"
EVENT_MAP = "timeline/event-pages.json"


def event_map(plan: views.TimelinePlan, timeline, site: Site) -> str:
    """Where each event lives, for the timeline index to send `timeline/#<id>` links on.

    Old ids from timeline/redirects.yml lead to the event they became.
    """
    mapping = {ident: site.link(TIMELINE_PAGE, src, ident) for ident, src in plan.page_of.items()}
    for redirect in timeline.redirects:
        if redirect.new in plan.page_of:
            mapping[redirect.old] = site.link(TIMELINE_PAGE, plan.page_of[redirect.new], redirect.new)
    return json.dumps(dict(sorted(mapping.items())), separators=(",", ":")) + "\n"
