"""Rendering the model into the Markdown pages that MkDocs and Material turn into the site.

Page text we write ourselves (headings) is Markdown, so it reaches MkDocs' table
of contents; everything that comes from YAML is placed in HTML blocks through
Jinja2 with autoescaping on, so no contributed string reaches a page unescaped.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import views
from .dates import EdtfDate, display_parts
from .load import LoadResult
from .urls import GLOSSARY_PAGE, SOURCES_PAGE, TIMELINE_PAGE, Site

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
    return env


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
    }
    return {
        TIMELINE_PAGE: env.get_template("timeline.md.j2").render(
            common, page=TIMELINE_PAGE, years=views.timeline_groups(timeline.events)),
        GLOSSARY_PAGE: env.get_template("glossary.md.j2").render(
            common, page=GLOSSARY_PAGE, letters=views.glossary_letters(timeline.terms)),
        SOURCES_PAGE: env.get_template("sources.md.j2").render(
            common, page=SOURCES_PAGE, citing=views.events_citing(timeline)),
    }
