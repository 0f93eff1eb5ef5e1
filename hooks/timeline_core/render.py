"""Rendering the model into the Markdown pages that MkDocs and Material turn into the site.

Page text we write ourselves (headings) is Markdown, so it reaches MkDocs' table
of contents; everything that comes from YAML is placed in HTML blocks through
Jinja2 with autoescaping on, so no contributed string reaches a page unescaped.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import views
from .dates import EdtfDate, display_parts
from .load import LoadResult
from .urls import ENTITIES_PAGE, GLOSSARY_PAGE, HOME_PAGE, SOURCES_PAGE, TIMELINE_PAGE, Site

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


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date_html"] = date_html
    env.filters["inline"] = inline_html
    env.filters["md_escape"] = markdown_escape
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


def render_pages(result: LoadResult, site: Site) -> dict[str, str]:
    """Every generated page, by its path under docs/, as Markdown text."""
    timeline = result.timeline
    env = environment()
    common = {
        "timeline": timeline,
        "problems": result.problems,
        "site": site,
        "TIMELINE": TIMELINE_PAGE,
        "GLOSSARY": GLOSSARY_PAGE,
        "SOURCES": SOURCES_PAGE,
        "ENTITIES": ENTITIES_PAGE,
        "HOME": HOME_PAGE,
        "reported_dates": lambda event: views.reported_dates(timeline, event),
    }
    pages = {
        HOME_PAGE: ("index.md.j2", {}),
        TIMELINE_PAGE: ("timeline.md.j2", {"years": views.timeline_groups(timeline.events)}),
        ENTITIES_PAGE: ("entities.md.j2", {
            "entities": views.entities_order(timeline),
            "children": views.children_of(timeline),
            "events_of": views.events_by_reference(timeline, "entities")}),
        GLOSSARY_PAGE: ("glossary.md.j2", {
            "letters": views.glossary_letters(timeline.terms),
            "events_of": views.events_by_reference(timeline, "terms")}),
        SOURCES_PAGE: ("sources.md.j2", {"citing": views.events_citing(timeline)}),
    }
    return {page: env.get_template(template).render(common, page=page, **extra)
            for page, (template, extra) in pages.items()}
