"""A timeline that outgrows one page: period pages, an index, and permanent links that keep working."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from benchmarks.synthetic import make_project


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """120 synthetic events, at most 50 a page."""
    root = make_project(tmp_path_factory.mktemp("big") / "project", 120)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("events_per_page: 100", "events_per_page: 50"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                         text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    return root / "site"


def _page(site: Path, rel: str) -> BeautifulSoup:
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
    assert tabs == ["Home", "Timeline", "Who's who", "Glossary", "Sources"]  # period pages stay out of the nav


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
        assert _page(big, f"entities/company-3/{path}index.html".replace("entities/company-3/../../", "")).find(
            id=anchor) is not None


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
