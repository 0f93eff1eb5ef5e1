"""A timeline that outgrows one page: period pages, an index, and permanent links that keep working."""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project, built, read_config


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """120 synthetic events, at most 50 a page; lists of more than 40 links are split."""
    project = Project(make_project(tmp_path_factory.mktemp("big") / "project", 120, config=TEST_CONFIG))
    project.set_option("events_per_page", 50)
    project.set_option("links_per_page", 40)
    return built(project).site


@functools.cache
def _page(site: Path, rel: str) -> BeautifulSoup:
    """A page of a built site, parsed once (the tests only read them)."""
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_events_are_split_into_period_pages_of_at_most_fifty(big):
    index = _page(big, "timeline/index.html")
    links = [a["href"] for a in index.select(".tl-period-index a")]
    assert len(links) >= 3
    counts = []
    for href in links:
        page = _page(big, f"timeline/{href}index.html")
        counts.append(len(page.select("article.tl-event")))
        assert page.select_one("nav.tl-periods a[href='../']").get_text() == "All periods"
    assert sum(counts) == 120 and max(counts) <= 50
    tabs = [a.get_text(strip=True) for a in index.select(".md-tabs__link")]
    assert tabs == [
        "Home",
        "Timeline",
        "Who's who",
        "Glossary",
        "Sources",
        "Changes",
    ]  # period pages stay out of the nav


def test_the_event_map_sends_every_permanent_link_to_its_page(big):
    mapping = json.loads((big / "timeline/event-pages.json").read_text())
    assert len(mapping) == 120
    for ident, target in mapping.items():
        path, anchor = target.split("#")
        assert anchor == ident
        assert _page(big, f"timeline/{path}index.html").find(id=ident) is not None


def test_other_pages_link_straight_to_the_period_page(big):
    entity = _page(big, "entities/company-3/index.html")
    for link in entity.select(".tl-event-links a"):
        path, anchor = link["href"].split("#")
        assert re.match(r"^\.\./\.\./timeline/\d{4}-\d{2}(-to-\d{4}-\d{2})?(-p\d+)?/$", path), path
        assert (
            _page(big, f"entities/company-3/{path}index.html".replace("entities/company-3/../../", "")).find(id=anchor)
            is not None
        )


def test_exports_keep_the_permanent_link(big):
    data = json.loads((big / "timeline.json").read_text())
    assert all(re.search(r"/timeline/#[^/]+$", event["url"]) for event in data["events"])
    assert len(data["events"]) == 120


def test_lists_under_a_glossary_term_stay_short(big):
    glossary = _page(big, "glossary/index.html")
    for section in glossary.select("section.tl-term"):
        items = section.select(".tl-event-links li")
        assert len(items) <= 13
    assert "more on the timeline" in glossary.get_text()


def _content(html: str) -> str:
    """A page's content with whitespace between tags removed, for comparing two renderings."""
    return re.sub(r">\s+<", "><", html).strip()


def test_pages_read_as_if_markdown_had_parsed_every_block(big):
    """Generated HTML skips Python-Markdown (rawblocks); the pages must not change for it."""
    import markdown
    from mkdocs.utils import meta

    from timeline_core.data.load import load_timeline
    from timeline_core.pages.paging import Layout
    from timeline_core.pages.render import render_pages
    from timeline_core.pages.urls import Site

    config = read_config(big.parent)
    extensions = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    configs = {k: v for e in config["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}
    site = Site(True, config["site_url"], name=config["site_name"])
    pages = render_pages(load_timeline(big.parent), site, Layout(50, 40))
    compared = 0
    for src, text in pages.items():
        if not src.endswith(".md"):
            continue
        body, _ = meta.get_data(text)  # MkDocs reads a page's front matter (its title) apart
        expected = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)
        expected = re.sub(r"<!-- /?tl:raw(?: model)? -->|\sdata-search-exclude=\"1\"", "", expected)
        stem = src.removesuffix(".md")
        output = big / (f"{stem}.html" if stem.endswith("index") else f"{stem}/index.html")
        article = BeautifulSoup(output.read_text(encoding="utf-8"), "html.parser").select_one(
            "article.md-content__inner"
        )
        shown = "".join(str(node) for node in article.contents)
        assert _content(shown) == _content(str(BeautifulSoup(expected, "html.parser"))), src
        compared += 1
    assert compared > 40  # every kind of generated page, several of each


def _listed(big: Path, rel: str, cache) -> list[tuple[str, BeautifulSoup]]:
    """(href, target article) of every event a list page links to, following its period pages."""
    page = _page(big, rel)
    parts = [
        posixpath.normpath(posixpath.join(posixpath.dirname(rel), a["href"])) + "/index.html"
        for a in page.select(".tl-list-parts a")
    ]
    found = []
    for source, listing in [(rel, page)] if not parts else [(p, _page(big, p)) for p in parts]:
        for link in listing.select(".tl-event-links a"):
            path, anchor = link["href"].split("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) + "/index.html"
            found.append((link["href"], cache(target).find(id=anchor).find_parent("article")))
    return found


def test_tag_pages_list_every_tagged_event_by_link(big):
    index = _page(big, "tags/index.html")
    tags = {a.get_text(): a["href"] for a in index.select(".tl-tag-index a")}
    assert len(tags) == 8
    period = functools.partial(_page, big)
    listed = 0
    for tag, href in tags.items():
        found = _listed(big, f"tags/{href}index.html", period)
        assert all(tag in article["data-tags"].split() for _, article in found)
        listed += len(found)
    assert listed == 120  # each synthetic event has one tag


def test_a_long_list_goes_on_one_page_per_period(big):
    """Half the synthetic events name company-0: 60 links, more than the 40 a list page holds."""
    entity = _page(big, "entities/company-0/index.html")
    parts = entity.select(".tl-list-parts a")
    assert len(parts) >= 2 and entity.select(".tl-event-links") == []
    assert entity.select_one(".tl-list-summary").get_text() == "60 events, on one page per period:"
    first = _page(big, "entities/company-0/" + parts[0]["href"] + "index.html")
    assert first.h1.get_text(strip=True).rstrip("¶").startswith("Company 0, ")
    assert first.select_one("nav.tl-periods a[rel=next]")["href"] == "../" + parts[1]["href"]
    period = functools.partial(_page, big)
    found = _listed(big, "entities/company-0/index.html", period)
    assert len(found) == 60 and len({href for href, _ in found}) == 60
    assert all("company-0" in article["data-entities"].split() for _, article in found)
    for part in parts:
        count = len(_page(big, "entities/company-0/" + part["href"] + "index.html").select(".tl-event-links li"))
        assert 0 < count <= 40


def test_a_raw_block_markdown_lost_stops_the_build_rather_than_vanishing():
    import markdown

    from timeline_core.pages.rawblocks import join_blocks, raw_block, split_blocks

    split = split_blocks("# Title\n\n" + raw_block("<p>one</p>") + "\n" + raw_block("<p>two</p>"))
    html = markdown.markdown(split.markdown)
    assert join_blocks(html, split.blocks) == "<h1>Title</h1>\n<p>one</p>\n<p>two</p>"
    lost = html.replace("<p>TLRAWBLOCK1END</p>", "")  # as if a plugin had dropped the placeholder
    with pytest.raises(ValueError, match=r"2 generated HTML blocks, but Markdown's output held placeholders for \[0\]"):
        join_blocks(lost, split.blocks)


def test_one_events_embed_on_a_long_timeline_is_its_periods_embed_which_holds_no_card(big):
    """Every event of a split timeline has an embed: its period's, which takes the card from the
    period's page (embed.js; tests/browser/test_embeds.py), and links there without JavaScript."""
    index = _page(big, "timeline/index.html")
    period = index.select(".tl-period-index a")[0]["href"]
    page = _page(big, f"timeline/{period}index.html")
    template = html.unescape(page.select_one("form.tl-filters")["data-embed"])
    source = re.search(r'src="([^"?]+)\?childId=tl-embed-EVENT-ID#EVENT-ID"', template)
    assert source and source.group(1).endswith(f"/embed/timeline/{period}")
    embed = _page(big, f"embed/timeline/{period}index.html")
    assert not embed.select("article.tl-event")  # no card of its own
    holder = embed.select_one(".tl-embed-event")
    assert holder["data-from"] == f"../../../timeline/{period}"
    assert holder.select_one(".tl-embed-fallback a")["href"] == f"../../../timeline/{period}"
