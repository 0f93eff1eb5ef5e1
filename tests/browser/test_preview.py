"""A site built before its address is known (`timeline init` leaves a placeholder) and looked at
locally asks no other host for anything, on any page: no sitemap fetched from example.org beside
an oEmbed link, no font, no script."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import Watched, served
from tests.conftest import built, copy_project


@pytest.fixture(scope="module")
def preview(tmp_path_factory, browser):
    project = copy_project(tmp_path_factory.mktemp("placeholder") / "repo")
    config = project.root / "mkdocs.yml"
    text = re.sub(r"^site_url:.*$", "site_url: https://example.org/harbour/", config.read_text(), flags=re.M)
    config.write_text(text)
    project.commit()
    built(project)
    with served(project.site) as url:
        yield project.site, url


def test_a_local_preview_of_every_kind_of_page_asks_no_other_host(browser, preview):
    """One page of each kind (each folder and depth: the home page, the timeline, an entity, a tag,
    a source, each kind of embed …): what a page asks for comes from its kind's template."""
    site, url = preview
    found = site.rglob("index.html")
    every = sorted(str(path.relative_to(site).parent) for path in found if "assets" not in path.parts)
    assert len(every) > 20
    kinds: dict[tuple[str, int], str] = {}
    for rel in every:
        parts = rel.split("/")
        kinds.setdefault((parts[0], len(parts)), rel)  # each top-level page, one page of each folder
    pages = sorted(kinds.values())
    assert len(pages) >= 8
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        watched = Watched(context.new_page(), url)
        for rel in pages:
            watched.page.goto(url + ("" if rel == "." else rel + "/"), wait_until="networkidle")
        assert watched.foreign == [], watched.foreign[:5]
    finally:
        context.close()
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "application/json+oembed" not in timeline  # no discovery link to a placeholder address
