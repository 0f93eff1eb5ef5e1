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

from tests.events import EVENT, GOOD

SPECULATION = "2026-03-06-residents-speculate-about-the-contract"  # the test story's (tests/stories/)
RANGE = "2026-03-09-councillors-say-the-footbridge-will-go-ahead"


@pytest.fixture(scope="module")
def built(example) -> Path:
    return example.site


@pytest.fixture(scope="module")
def base(example) -> str:
    return example.base_url


def _event_count(example) -> int:
    return len(list((example.root / "timeline/events").glob("*.yml")))


def test_json_export_validates_against_its_published_schema(built, base):
    data = json.loads((built / "timeline.json").read_text())
    schema = json.loads((built / "timeline.schema.json").read_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["version"] == "1.3"
    speculation = next(e for e in data["events"] if e["id"] == SPECULATION)
    assert speculation["date"] == {
        "edtf": "../2026-03-06",
        "earliest": None,
        "latest": "2026-03-06",
        "display": "on or before 6 Mar 2026",
    }
    assert speculation["status"] == "speculation"
    assert speculation["url"] == base + f"timeline/#{SPECULATION}"
    assert all(c["verified"] for e in data["events"] for c in e["citations"])
    assert (len(data["entities"]), len(data["glossary"]), len(data["sources"])) == (6, 3, 3)
    ranged = next(e for e in data["events"] if e["id"] == RANGE)
    assert (ranged["publishers"], ranged["publisher_names"], ranged["via"]) == (
        2,
        ["Harbour Radio", "Riverside Gazette"],
        [{"source": "valley-wire-footbridge", "based_on": "riverside-gazette-footbridge"}],
    )
    wire = next(s for s in data["sources"] if s["id"] == "valley-wire-footbridge")
    assert (wire["based_on"], wire["republish"]) == ("riverside-gazette-footbridge", "quotes-only")


def test_json_schema_rejects_a_broken_export(built):
    data = json.loads((built / "timeline.json").read_text())
    schema = json.loads((built / "timeline.schema.json").read_text())
    jsonschema.validate(data, schema)
    data["events"][0]["status"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_feed_is_read_by_feedparser_newest_first(built, base, example):
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == _event_count(example)
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(base + "timeline/#") for i in ids)
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert feed.feed.links[0].href == base + "timeline/"


def test_every_page_links_the_feed_and_has_social_and_canonical_tags(built, base):
    pages = [str(p.relative_to(built)) for p in sorted(built.rglob("*.html")) if p.name != "404.html"]
    assert {"index.html", "timeline/index.html", "entities/blue-line/index.html", "sources/index.html"} < set(pages)
    for page in pages:
        head = BeautifulSoup((built / page).read_text(), "html.parser").head
        feed = head.find("link", rel="alternate", type="application/atom+xml")
        assert (built / page).parent.joinpath(feed["href"]).resolve() == (built / "feed.xml").resolve()
        assert head.find("link", rel="canonical")["href"] == base + page.removesuffix("index.html")
        assert head.find("meta", property="og:title")["content"]
        assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_calendar_is_read_by_icalendar_with_one_event_each(built, base, example):
    calendar = icalendar.Calendar.from_ical((built / "timeline.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == _event_count(example)
    host = base.split("/")[2]
    by_uid = {str(e["UID"]): e for e in events}
    speculation = by_uid[f"{SPECULATION}@{host}"]
    assert speculation.decoded("DTSTART").isoformat() == "2026-03-06"
    assert "on or before 6 Mar 2026; placed on its latest possible day" in str(speculation["DESCRIPTION"])
    ranged = by_uid[f"{RANGE}@{host}"]
    assert ranged.decoded("DTSTART").isoformat() == "2026-03-09"
    assert "9–10 Mar 2026; placed on its earliest possible day" in str(ranged["DESCRIPTION"])
    assert all(line.endswith(b"\r") or not line for line in (built / "timeline.ics").read_bytes().split(b"\n"))


def test_csv_is_rfc_4180_with_a_stable_header(built, example):
    raw = (built / "timeline.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == _event_count(example)
    assert raw.count(b"\r\n") == len(rows) + 1
    assert list(rows[0]) == [
        "id",
        "url",
        "title",
        "date",
        "earliest",
        "latest",
        "display_date",
        "date_basis",
        "status",
        "background",
        "summary",
        "tags",
        "entities",
        "sources",
        "publishers",
        "quotes",
        "quote_languages",
        "translations",
    ]
    ranged = next(row for row in rows if row["id"] == RANGE)
    assert (ranged["earliest"], ranged["latest"], ranged["sources"], ranged["publishers"]) == (
        "2026-03-09",
        "2026-03-10",
        "harbour-radio-ferry riverside-gazette-footbridge valley-wire-footbridge",
        "2",  # the wire's rewrite of the Gazette is not another publisher's confirmation
    )
    assert {row["publishers"] for row in rows if row["id"] != RANGE} == {"1"}


def test_csv_neutralizes_cells_a_spreadsheet_would_run(empty_project):
    formula = '=HYPERLINK("https://evil.example","x")'
    archive = (empty_project.root / "seeds/example.txt").read_text(encoding="utf-8")
    empty_project.write_archive("seeds/example.txt", f"{archive}{formula}\n")  # a source that prints one
    event = GOOD.replace("title: Example Company says its model is ready", f"title: '{formula}'")
    empty_project.write(EVENT, event + f"  - source: example\n    quote: '{formula}'\n")
    run = empty_project.build()
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO((empty_project.root / "site/timeline.csv").read_text(), newline="")))
    assert rows[0]["title"] == '\'=HYPERLINK("https://evil.example","x")'


def test_timelinejs_export_has_dates_display_dates_text_and_groups(built, example):
    data = json.loads((built / "timelinejs.json").read_text())
    assert len(data["events"]) == _event_count(example)
    ranged = next(e for e in data["events"] if e["unique_id"] == RANGE)
    assert ranged["start_date"] == {"year": 2026, "month": 3, "day": 9}
    assert ranged["end_date"] == {"year": 2026, "month": 3, "day": 10}
    assert ranged["display_date"] == "9–10 Mar 2026"
    assert ranged["group"] == "footbridge"
    assert (
        "<blockquote>Councillors welcomed the news but said the footbridge would go ahead.</blockquote>"
        in ranged["text"]["text"]
    )
    year = next(e for e in data["events"] if e["unique_id"] == "2025-old-ferry-service-is-suspended")
    assert year["start_date"] == {"year": 2025} and "end_date" not in year


def test_structured_data_describes_the_events_and_the_source(built, base, example):
    page = BeautifulSoup((built / "timeline/index.html").read_text(), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == _event_count(example)
    first, last = data["itemListElement"][0]["item"], data["itemListElement"][-1]["item"]
    assert first["@type"] == "Event" and first["url"] == base + "timeline/#2026-03-05-council-approves-footbridge"
    assert last["url"] == base + "timeline/#2025-old-ferry-service-is-suspended"  # background, after the story
    source = BeautifulSoup((built / "sources/riverside-gazette-footbridge/index.html").read_text(), "html.parser")
    article = json.loads(source.find("script", type="application/ld+json").string)
    assert article["@type"] == "NewsArticle" and article["author"] == {"@type": "Person", "name": "Jane Doe"}


EXPORTS = ("timeline.json", "timeline.schema.json", "timeline.csv", "feed.xml", "changes.xml", "timeline.ics")


def test_timeline_export_writes_the_built_sites_exports_byte_for_byte(project, tmp_path):
    """Whatever mkdocs.yml says (the reader's language, the feed's size, the address, the URL
    style), `timeline export` reads it as the build does."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  language: en\n", "  language: de\n", 1)
    config.write_text(text + "use_directory_urls: false\n", encoding="utf-8")
    project.set_option("feed_entries", 3)
    project.commit()
    assert project.build().returncode == 0
    run = project.cli("export", "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    names = (*EXPORTS, "timelinejs.json")
    exported = {name: (tmp_path / "out" / name).read_bytes() for name in names}
    assert exported == {name: (project.site / name).read_bytes() for name in names}
    assert exported["feed.xml"].count(b"<entry>") == 3
    other = project.cli("export", "--out", str(tmp_path / "elsewhere"), "--site-url", "https://example.net/t")
    assert other.returncode == 0, other.stderr
    assert "https://example.net/t/timeline.html#" in (tmp_path / "elsewhere/feed.xml").read_text()


def test_a_served_rebuild_makes_again_only_the_export_parts_of_the_run_an_added_event_joins():
    from collections import namedtuple

    from timeline_core.exports.each import RUN, remembered
    from timeline_core.memo import Memo

    memo, made = Memo(), []
    Event = namedtuple("Event", "id")  # what a part reads of an event here: hashable, as events are
    events = [Event(f"2020-01-01-event-{n}") for n in range(2000)]

    def part(event) -> str:
        made.append(event.id)
        return f"<{event.id}>"

    each = remembered(memo, "context")
    assert each("csv", part, events) == [f"<{event.id}>" for event in events]
    memo.sweep()
    made.clear()
    events.insert(1000, Event("2020-01-01-an-added-event"))
    assert each("csv", part, events) == [f"<{event.id}>" for event in events]
    assert "2020-01-01-an-added-event" in made and len(made) < 4 * RUN  # one or two runs, not a thousand parts
