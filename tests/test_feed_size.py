"""Feeds as readers expect: feed.xml holds the newest events only (50 by default, an option), and
links to timeline.json, which holds every event, as the CSV and the calendar do."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import icalendar
import pytest

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project, built


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory) -> Path:
    return built(Project(make_project(tmp_path_factory.mktemp("feed") / "project", 200, config=TEST_CONFIG))).site


def test_the_feed_holds_the_newest_fifty_of_two_hundred_events_and_validates(two_hundred):
    feed = feedparser.parse((two_hundred / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == 50
    data = json.loads((two_hundred / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == 200
    placed = {e["id"]: e["date"]["earliest"] or e["date"]["latest"] for e in data["events"]}
    newest = sorted(placed, key=lambda ident: (placed[ident], ident), reverse=True)[:50]
    assert [entry.id.rsplit("#", 1)[1] for entry in feed.entries] == newest
    related = [link for link in feed.feed.links if link.rel == "related"]
    assert [link.href for link in related] == [data["events"][0]["url"].split("timeline/#")[0] + "timeline.json"]
    rows = list(csv.DictReader(io.StringIO((two_hundred / "timeline.csv").read_text(encoding="utf-8"))))
    calendar = icalendar.Calendar.from_ical((two_hundred / "timeline.ics").read_bytes())
    assert len(rows) == 200 and len(calendar.walk("VEVENT")) == 200


def test_the_number_of_entries_is_an_option_and_a_wrong_one_says_where(project):
    project.set_option("feed_entries", 2)
    feed = feedparser.parse((built(project).site / "feed.xml").read_bytes())
    assert len(feed.entries) == 2
    project.set_option("feed_entries", "many")
    run = project.build()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "error: extra.timeline.feed_entries is 'many'; write a whole number of 1 or more (the default is 50)" in (
        run.stderr
    )
