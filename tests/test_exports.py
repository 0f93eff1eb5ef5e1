"""Every export, read by the real client a reuser would use, never by our own parser."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from bs4 import BeautifulSoup

from tests.test_loader import EVENT, GOOD

BASE = "https://example.org/happyhorse-timeline/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The repository's own site, built once for these tests."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=REPO,
                         capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    return out


def _event_count() -> int:
    from tests.conftest import REPO
    return len(list((REPO / "timeline/events").glob("*.yml")))


def test_json_export_validates_against_its_published_schema(built):
    data = json.loads((built / "timeline.json").read_text())
    schema = json.loads((built / "timeline.schema.json").read_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["version"] == "1.0"
    sora = next(e for e in data["events"] if e["id"] == "2026-04-10-openai-discontinues-sora")
    assert sora["date"] == {"edtf": "../2026-04-10?", "earliest": None, "latest": "2026-04-10",
                            "display": "before 10 Apr 2026?"}
    assert sora["url"] == BASE + "timeline/#2026-04-10-openai-discontinues-sora"
    assert all(c["verified"] for e in data["events"] for c in e["citations"])
    assert {len(data["entities"]), len(data["glossary"]), len(data["sources"])} >= {18, 12, 1}


def test_json_schema_rejects_a_broken_export(built):
    data = json.loads((built / "timeline.json").read_text())
    schema = json.loads((built / "timeline.schema.json").read_text())
    data["events"][0]["status"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_feed_is_read_by_feedparser_newest_first(built):
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == _event_count()
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(BASE + "timeline/#") for i in ids)
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert feed.feed.links[0].href == BASE + "timeline/"


def test_every_page_links_the_feed_and_has_social_and_canonical_tags(built):
    for page in ["index.html", "timeline/index.html", "entities/alibaba/index.html", "sources/index.html"]:
        head = BeautifulSoup((built / page).read_text(), "html.parser").head
        feed = head.find("link", rel="alternate", type="application/atom+xml")
        assert (built / page).parent.joinpath(feed["href"]).resolve() == (built / "feed.xml").resolve()
        assert head.find("link", rel="canonical")["href"].startswith(BASE)
        assert head.find("meta", property="og:title")["content"]
        assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_calendar_is_read_by_icalendar_with_one_event_each(built):
    calendar = icalendar.Calendar.from_ical((built / "timeline.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == _event_count()
    by_uid = {str(e["UID"]): e for e in events}
    sora = by_uid["2026-04-10-openai-discontinues-sora@example.org"]
    assert sora.decoded("DTSTART").isoformat() == "2026-04-10"
    assert "placed on its latest possible day" in str(sora["DESCRIPTION"])
    surfaced = by_uid["2026-04-07-happyhorse-surfaces-on-artificial-analysis@example.org"]
    assert "c. 7 Apr 2026; placed on its earliest possible day" in str(surfaced["DESCRIPTION"])
    assert all(line.endswith(b"\r") or not line for line in (built / "timeline.ics").read_bytes().split(b"\n"))


def test_csv_is_rfc_4180_with_a_stable_header(built):
    raw = (built / "timeline.csv").read_bytes()
    assert raw.count(b"\r\n") >= _event_count() + 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == _event_count()
    assert list(rows[0]) == ["id", "url", "title", "date", "earliest", "latest", "display_date", "date_basis",
                             "status", "summary", "tags", "entities", "sources", "quotes"]


def test_csv_neutralizes_cells_a_spreadsheet_would_run(empty_project):
    empty_project.write(EVENT, GOOD.replace("title: Example Company says its model is ready",
                                            "title: '=HYPERLINK(\"https://evil.example\",\"x\")'"))
    run = empty_project.build()
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO((empty_project.root / "site/timeline.csv").read_text(), newline="")))
    assert rows[0]["title"] == "'=HYPERLINK(\"https://evil.example\",\"x\")"


def test_timelinejs_export_has_dates_display_dates_text_and_groups(built):
    data = json.loads((built / "timelinejs.json").read_text())
    assert len(data["events"]) == _event_count()
    top = next(e for e in data["events"] if e["unique_id"] == "2026-04-07-happyhorse-tops-blind-test-rankings")
    assert top["start_date"] == {"year": 2026, "month": 4, "day": 7}
    assert top["end_date"] == {"year": 2026, "month": 4, "day": 10}
    assert top["display_date"] == "c. 7 Apr 2026–10 Apr 2026?"
    assert top["group"] == "video-generation"
    assert "<blockquote>Initially appearing without any disclosed affiliations" in top["text"]["text"]


def test_structured_data_describes_the_events_and_the_source(built):
    page = BeautifulSoup((built / "timeline/index.html").read_text(), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == _event_count()
    first = data["itemListElement"][0]["item"]
    assert first["@type"] == "Event" and first["url"].startswith(BASE + "timeline/#")
    source = BeautifulSoup((built / "sources/aicnbc-happyhorse-alibaba/index.html").read_text(), "html.parser")
    article = json.loads(source.find("script", type="application/ld+json").string)
    assert article["@type"] == "NewsArticle" and article["author"] == {"@type": "Person", "name": "Tobias"}


def test_the_event_count_is_the_same_everywhere(built):
    count = _event_count()
    page = BeautifulSoup((built / "timeline/index.html").read_text(), "html.parser")
    assert len(page.select("article.tl-event")) == count
    assert len(page.select(".tl-axis a.tl-mark")) == count
    assert len(json.loads((built / "timeline.json").read_text())["events"]) == count
    assert len(json.loads((built / "timelinejs.json").read_text())["events"]) == count
    assert (built / "timeline.csv").read_text().count("\n") == count + 1


def test_timeline_export_command_writes_the_same_files(project, tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "timeline_core.cli", "--root", str(project.root), "export",
                          "--out", str(tmp_path / "out"), "--site-url", "https://example.net/t"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(["timeline.json", "timeline.schema.json", "timeline.csv", "feed.xml", "timeline.ics",
                            "timelinejs.json"])
    assert "https://example.net/t/timeline/#" in (tmp_path / "out/feed.xml").read_text()
