"""Embeds in a host page on another origin, in Chromium: the timeline's, an entity's and one
event's, each sized to its content at 375 and 1280 px; readable at a fixed height without
JavaScript; and discovered as WordPress does from a pasted link (oEmbed)."""

from __future__ import annotations

import html
import json
import re
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.conftest import OUTPUT, served

EVENT = "2026-03-05-council-approves-footbridge"
HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;font-family:sans-serif"><h1>A newsroom's article</h1><p>Text before the embed.</p>
{embed}
<p id="after">Text after the embed.</p></body></html>"""


@pytest.fixture(scope="module")
def site_url(base_url) -> str:
    """The test story, built for the address it is served from (tests/browser/conftest.py)."""
    return base_url


@pytest.fixture(scope="module")
def host(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """Another origin (another port), where the host pages live."""
    folder = tmp_path_factory.mktemp("host")
    with served(folder) as url:
        yield folder, url


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a local test server)
        return response.read().decode("utf-8")


class _OEmbedLink(HTMLParser):
    """What WordPress reads from a pasted page: its oEmbed link."""

    href: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "alternate" and values.get("type") == "application/json+oembed":
            self.href = self.href or values.get("href")


def _discover(url: str) -> dict:
    parser = _OEmbedLink()
    parser.feed(_get(url))
    assert parser.href, f"no oEmbed link on {url}"
    data = json.loads(_get(parser.href))
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert isinstance(data["width"], int) and isinstance(data["height"], int) and "<iframe" in data["html"]
    return data


def _event_snippet(site_url: str) -> str:
    page = _get(site_url + "timeline/")
    template = re.search(r'<form class="tl-filters"[^>]*data-embed="([^"]+)"', page).group(1)
    return html.unescape(template).replace("EVENT-ID", EVENT)


def _host_page(host: tuple[Path, str], name: str, embed: str) -> str:
    folder, url = host
    (folder / f"{name}.html").write_text(HOST.format(embed=embed), encoding="utf-8")
    return f"{url}{name}.html"


def _sized(page, snippet: str) -> tuple[float, float]:
    """The iframe's height once the embed has told it, and the height of the embed's content."""
    frame_element = page.locator("iframe")
    initial = re.search(r'height="(\d+)"', snippet).group(1)  # as pasted: it may be told before we look
    page.wait_for_function(f"document.querySelector('iframe').height !== '{initial}'", timeout=10000)
    page.wait_for_timeout(300)  # a second message after fonts and layout settle
    frame = frame_element.element_handle().content_frame()
    content = frame.evaluate("document.querySelector('.md-content').getBoundingClientRect().bottom")
    return float(frame_element.get_attribute("height")), content


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", ["timeline", "entity", "event"])
def test_an_embed_on_another_origin_is_sized_to_its_content(browser, site_url, host, kind, width):
    assert site_url.rsplit(":", 1)[1] != host[1].rsplit(":", 1)[1]  # two origins
    if kind == "event":
        snippet = _event_snippet(site_url)
    else:
        snippet = _discover(site_url + ("timeline/" if kind == "timeline" else "entities/riverside-council/"))["html"]
    url = _host_page(host, f"{kind}-{width}", snippet)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    height, content = _sized(page, snippet)
    assert abs(height - content) <= 24, (height, content)  # its content, and a little margin
    frame = page.locator("iframe").element_handle().content_frame()
    assert frame.evaluate("document.scrollingElement.scrollHeight") <= height + 1  # no scrollbar inside
    assert not frame.locator(".md-header").is_visible() and not frame.locator(".md-footer").is_visible()  # no chrome
    assert frame.evaluate("document.querySelector('base').target") == "_blank"  # links open a new tab
    cards = frame.locator("article.tl-event:visible")
    if kind == "event":
        assert cards.count() == 1 and frame.locator(f'[id="{EVENT}"]').is_visible()
    else:
        assert cards.count() >= 2
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"embed-{kind}-{width}.png"), full_page=True)
    context.close()


def test_without_javascript_an_embed_is_readable_at_its_fixed_height(browser, site_url, host):
    data = _discover(site_url + "tags/footbridge/")
    url = _host_page(host, "no-script", data["html"])
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    frame_element = page.locator("iframe")
    assert frame_element.get_attribute("height") == str(data["height"])
    frame = frame_element.element_handle().content_frame()
    frame.locator("article.tl-event").first.wait_for()
    assert frame.locator("article.tl-event").count() >= 2
    context.close()


@pytest.mark.parametrize("path", ["timeline/", "entities/riverside-council/", "tags/footbridge/"])
def test_every_embeddable_page_offers_its_snippet_and_advertises_oembed(site_url, path):
    page = _get(site_url + path)
    box = re.search(r'<details class="tl-embed"[^>]*>.*?<textarea[^>]*>(.*?)</textarea>', page, re.S)
    assert box, path
    snippet = html.unescape(box.group(1))
    data = _discover(site_url + path)
    assert snippet == data["html"] and site_url + "embed/" in snippet


LIAR = """<!doctype html><html><head><meta charset="utf-8"><title>Not the site</title></head><body>
<script>parent.postMessage("pymxPYMx{child}xPYMxheightxPYMx4321", "*");
document.title = "posted";</script></body></html>"""


def test_a_height_message_from_another_origin_leaves_the_embed_as_it_is(browser, site_url, host):
    """The embed's own window, navigated to a page of another origin, posts a height in pym.js's
    form for this iframe: only the site's own origin may size it."""
    snippet = _event_snippet(site_url)
    child = re.search(r'id="([^"]+)"', snippet).group(1)
    folder, host_url = host
    (folder / "liar.html").write_text(LIAR.format(child=child), encoding="utf-8")
    url = _host_page(host, "another-origin", snippet)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    sized, _ = _sized(page, snippet)  # the site's own message is heard
    page.evaluate(f"document.querySelector('iframe').src = {json.dumps(host_url + 'liar.html')}")
    page.wait_for_function("document.querySelector('iframe').contentDocument?.title === 'posted'", timeout=10000)
    page.wait_for_timeout(300)  # time for the message to arrive and be turned away
    assert page.locator("iframe").get_attribute("height") == str(int(sized))
    context.close()


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Iterator[str]:
    """A timeline long enough to be split into periods (120 synthetic events, 50 a page), served."""
    from benchmarks.synthetic import make_project
    from tests.conftest import TEST_CONFIG, Project, built

    project = Project(make_project(tmp_path_factory.mktemp("split") / "p", 120, config=TEST_CONFIG))
    project.set_option("events_per_page", 50)
    (project.root / "site").mkdir()
    with served(project.root / "site") as url:  # built for the address it is served from
        config = project.root / "mkdocs.yml"
        text = re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), count=1, flags=re.M)
        config.write_text(text, encoding="utf-8")
        built(project)
        yield url


@pytest.mark.parametrize("width", [375, 1280])
def test_one_events_embed_on_a_long_timeline_shows_its_periods_card(browser, split_site, host, width):
    period_page = _get(split_site + "timeline/")
    period = re.search(r'class="tl-period-index".*?href="([^"]+)"', period_page, re.S).group(1)
    page_html = _get(split_site + f"timeline/{period}")
    event = re.findall(r'<h4 class="tl-title" id="([^"]+)"', page_html)[3]
    template = re.search(r'<form class="tl-filters"[^>]*data-embed="([^"]+)"', page_html).group(1)
    snippet = html.unescape(template).replace("EVENT-ID", event)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(_host_page(host, f"split-{width}", snippet))
    frame = page.locator("iframe").element_handle().content_frame()
    frame.locator(f'article.tl-event [id="{event}"]').wait_for()
    height, content = _sized(page, snippet)
    assert abs(height - content) <= 24, (height, content)
    assert frame.locator("article.tl-event").count() == 1 and not frame.locator("h1").first.is_visible()
    link = frame.locator(f'[id="{event}"] a').first.get_attribute("href")
    assert link == split_site + f"timeline/{period}#{event}"  # leads to the event on its page, in a new tab
    assert frame.evaluate("document.querySelector('base').target") == "_blank"
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"embed-split-event-{width}.png"), full_page=True)
    context.close()
