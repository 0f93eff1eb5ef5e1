"""The embed snippet and its oEmbed description, in this process (the browser tests drive them in
Chromium; these hold every part of the text a host pastes, so a careless change fails here too)."""

from __future__ import annotations

import json

from timeline_core.pages.embeds import (
    HEIGHTS,
    WIDTH,
    embed_of,
    embed_src,
    oembed_json,
    oembed_src,
    snippet,
)
from timeline_core.pages.urls import Site

SITE = Site(base_url="https://news.example/story/")
LISTENER = (
    '<script>window.addEventListener("message",function(e){'
    "var m=/^pymxPYMx(.+)xPYMxheightxPYMx(\\d+)$/.exec(e.data),f=m&&document.getElementById(m[1]);"
    'if(f&&e.origin==="https://news.example"&&e.source===f.contentWindow)f.height=m[2]});</script>'
)


def test_where_embeds_live():
    assert embed_src("timeline.md") == "embed/timeline.md"
    assert oembed_src("entities/alibaba.md") == "oembed-entities-alibaba.json"
    assert HEIGHTS == {"timeline": 640, "list": 520, "event": 360} and WIDTH == 640


def test_a_pages_snippet_is_its_iframe_and_a_listener_for_its_own_origin_only():
    embed = embed_of(SITE, "entities/alibaba.md", "list", 'Alibaba <b>&"')
    assert embed.url == "https://news.example/story/embed/entities/alibaba/" and embed.height == 520
    assert snippet(SITE, embed) == (
        '<iframe src="https://news.example/story/embed/entities/alibaba/?childId=tl-embed-entities-alibaba" '
        'id="tl-embed-entities-alibaba" title="Alibaba &lt;b&gt;&amp;&#34;" width="100%" height="520" '
        'style="border:0;max-width:100%" loading="lazy"></iframe>\n' + LISTENER
    )


def test_an_events_snippet_names_the_event_and_keeps_its_anchor_last():
    embed = embed_of(SITE, "timeline.md", "event", "An event", "2026-03-05-vote")
    text = snippet(SITE, embed)
    assert text.startswith(
        '<iframe src="https://news.example/story/embed/timeline/?childId=tl-embed-2026-03-05-vote#2026-03-05-vote" '
        'id="tl-embed-2026-03-05-vote" title="An event" width="100%" height="360"'
    )
    assert text.endswith(LISTENER)


def test_a_site_without_an_address_trusts_no_origin():
    embed = embed_of(Site(base_url=""), "timeline.md", "timeline", "Timeline")
    assert 'e.origin===""&&' in snippet(Site(base_url=""), embed)


def test_the_oembed_description_is_rich_and_its_contributed_names_stay_data():
    embed = embed_of(SITE, "tags/footbridge.md", "list", "Footbridge </script><b>")
    text = oembed_json(SITE, embed, "Riverside & Co")
    assert "<" not in text and ">" not in text and "&" not in text and text.endswith("}\n")
    data = json.loads(text)
    assert data == {
        "version": "1.0",
        "type": "rich",
        "title": "Footbridge </script><b>",
        "provider_name": "Riverside & Co",
        "provider_url": "https://news.example/story/",
        "html": snippet(SITE, embed),
        "width": 640,
        "height": 520,
    }


def test_the_oembed_file_is_readable_text_one_field_a_line():
    """What a person opening the file reads: names in their own script, one field a line, and the
    characters HTML reads escaped as JSON writes them (\\u003c, lower case)."""
    embed = embed_of(SITE, "entities/ali.md", "list", "阿里巴巴 <Ali>")
    lines = oembed_json(SITE, embed, "Zeitung").splitlines()
    assert lines[:3] == ["{", ' "version": "1.0",', ' "type": "rich",']
    assert lines[3] == ' "title": "阿里巴巴 \\u003cAli\\u003e",'
    assert lines[-1] == "}"
