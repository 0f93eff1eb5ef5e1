"""Embeds: the timeline, an entity's or a tag's events, or one event, inside another site's page.

Each embeddable view is a page of its own under `embed/`, drawn without the site's chrome (the
theme template `embed.html`), its links opening in a new tab; the host page sizes the iframe to
its content from the height the embed posts (pym.js's message, so pym.js hosts work too), with a
few lines of snippet. `oembed/…json` describes the timeline's, each entity's and each tag's embed
for a CMS that discovers it from a pasted link (oEmbed 1.0, type `rich`), `oembed-….json` at the
site's top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from .urls import Site

EMBED_FOLDER = "embed"
EMBED_EVENTS = 20  # the newest events an entity's or a tag's embed shows: inside an article, twenty cards are
# already a long read; the rest are a link away (and a long timeline has an embed per entity and tag)
WIDTH = 640
HEIGHTS = {"timeline": 640, "list": 520, "event": 360}  # without JavaScript, the iframe's height


def embed_src(src: str) -> str:
    """The embed page of a page: `timeline.md` -> `embed/timeline.md`."""
    return f"{EMBED_FOLDER}/{src}"


def oembed_src(src: str) -> str:
    """The oEmbed description of a page's embed: `entities/alibaba.md` -> `oembed-entities-alibaba.json`.

    At the site's top: Material fetches `sitemap.xml` beside every `<link rel="alternate">` it finds
    (for its language selector), and the top is where the sitemap is."""
    return f"oembed-{src.removesuffix('.md').replace('/', '-')}.json"


@dataclass(frozen=True)
class Embed:
    """Where an embed lives and how tall its iframe starts."""

    url: str  # absolute, with any #anchor
    height: int
    title: str
    child_id: str  # the iframe's id, which the embed names in its messages


def embed_of(site: Site, src: str, kind: str, title: str, anchor: str = "") -> Embed:
    """The embed of a page (`kind`: "timeline", "list" or "event", its height without JavaScript),
    its iframe named after the page, or after the event at `anchor`."""
    child = "tl-embed-" + (anchor or src.removesuffix(".md").replace("/", "-"))
    return Embed(site.absolute(embed_src(src), anchor), HEIGHTS[kind], title, child)


def snippet(site: Site, embed: Embed) -> str:
    """The HTML a host pastes: the iframe, and a listener that sets its height from the embed's
    messages (only from this site's origin, only for this iframe)."""
    parts = urlsplit(site.base_url or embed.url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    page, _, anchor = embed.url.partition("#")
    source = f"{page}?childId={embed.child_id}" + (f"#{anchor}" if anchor else "")
    iframe = Markup(
        '<iframe src="{}" id="{}" title="{}" width="100%" height="{}" style="border:0;max-width:100%"'
        ' loading="lazy"></iframe>'
    ).format(source, embed.child_id, embed.title, embed.height)
    listener = (
        '<script>window.addEventListener("message",function(e){'
        "var m=/^pymxPYMx(.+)xPYMxheightxPYMx(\\d+)$/.exec(e.data),f=m&&document.getElementById(m[1]);"
        f"if(f&&e.origin==={json.dumps(origin)}&&e.source===f.contentWindow)f.height=m[2]}});</script>"
    )
    return f"{iframe}\n{listener}"


def oembed_json(site: Site, embed: Embed, provider: str) -> str:
    """oEmbed 1.0 for an embed: a `rich` type whose html is the snippet."""
    data = {
        "version": "1.0",
        "type": "rich",
        "title": embed.title,
        "provider_name": provider,
        "provider_url": site.base_url,
        "html": snippet(site, embed),
        "width": WIDTH,
        "height": embed.height,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # contributed names stay data wherever the JSON is pasted: no tag can open in it
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
