"""The compact event card, background events and the numbered axis, as a reader finds them in the HTML."""

from __future__ import annotations

import csv
import io
import json

BACKGROUND = "2025-old-ferry-service-is-suspended"  # the test story's (tests/stories/riverside/)
TWO_PUBLISHERS = "2026-03-09-councillors-say-the-footbridge-will-go-ahead"
VOTE = "2026-03-05-council-approves-footbridge"


def _card(page, ident: str):
    return page.find(id=ident).find_parent("article")


def test_the_card_shows_date_status_summary_and_first_quote_and_keeps_the_rest_one_click_away(example):
    card = _card(example.page("timeline/index.html"), TWO_PUBLISHERS)
    date_line = card.select_one("details.tl-details > summary.tl-date")
    assert "9 – 10 Mar 2026" in date_line.get_text(" ", strip=True)
    assert date_line.select_one(".tl-status").get_text() == "Confirmed"  # by two publishers
    lead = card.select_one("ol.tl-citations > li")
    assert lead.find_parent("details") is None  # the first quote is shown, not folded
    assert (
        lead.blockquote.get_text(strip=True) == "Councillors welcomed the news but said the footbridge would go ahead."
    )
    folded = card.select_one("details.tl-details")
    assert [dt.get_text() for dt in folded.select("dl.tl-dates dt")] == [
        "Happened",
        "Reported",
        "Added",
        "Last changed",
    ]
    assert "Councillors answered Blue Line's Monday statement" in folded.select_one(".tl-date-note").get_text()
    titles = [a["title"] for a in card.select(".tl-cite-publisher")] + [
        span["title"] for span in card.select("details.tl-citation > summary span[title]")
    ]
    assert titles == [  # each source's title once, on its publisher's name
        "Blue Line says ferry could return by summer",
        "Council approves Riverside footbridge",
        "Riverside backs footbridge",
    ]
    meta = card.select_one("p.tl-meta")  # who, terms and tags on one line
    assert [span["class"][0] for span in meta.find_all("span", recursive=False)] == ["tl-entities", "tl-tags"]


def test_further_citations_are_numbered_and_name_a_source_only_when_it_changes(example):
    card = _card(example.page("timeline/index.html"), "2026-03-09-blue-line-says-the-ferry-could-return")
    summaries = [s.get_text(" ", strip=True) for s in card.select("ol.tl-citations details.tl-citation > summary")]
    assert summaries and all(s.startswith(f"[{n}]") for n, s in enumerate(summaries, 2))
    assert all("Harbour Radio" not in s for s in summaries)  # the same source as [1]: not named again
    other = _card(example.page("timeline/index.html"), TWO_PUBLISHERS)
    named = [s.get_text(" ", strip=True) for s in other.select("details.tl-citation > summary")]
    assert named[0].startswith("[2] Riverside Gazette:") and named[1].startswith("[3] Valley News Wire:")


def test_entity_and_glossary_pages_name_each_source_once_and_list_its_quotes(example):
    entity = example.page("entities/riverside-council/index.html")
    groups = entity.select(".tl-citations-by-source > p.tl-cite-source")
    quotes = entity.select(".tl-citations-by-source blockquote")
    assert len(groups) == 1 and len(quotes) >= 1
    assert all(q.find_parent("details") is None for q in quotes)  # the quotes are what differs: shown


def test_background_comes_after_the_story_labelled_on_every_page_and_export(example):
    timeline = example.page("timeline/index.html")
    cards = [a.h4["id"] for a in timeline.select("article.tl-event")]
    assert cards[0] != BACKGROUND and cards[-1] == BACKGROUND
    heading = timeline.find(id="background")
    assert heading.name == "h2" and _card(timeline, BACKGROUND).find_previous("h2") == heading
    assert _card(timeline, BACKGROUND).select_one(".tl-background-badge").get_text() == "Background"
    tag = example.page("tags/ferry/index.html")
    items = tag.select(".tl-event-links li")
    assert "Background" in items[-1].get_text() and BACKGROUND in items[-1].a["href"]
    assert all("Background" not in item.get_text() for item in items[:-1])
    data = json.loads((example.site / "timeline.json").read_text())
    assert [e["id"] for e in data["events"]][-1] == BACKGROUND and data["events"][-1]["background"] is True
    rows = list(csv.DictReader(io.StringIO((example.site / "timeline.csv").read_text(), newline="")))
    assert {r["id"]: r["background"] for r in rows}[BACKGROUND] == "yes"
    assert "CATEGORIES:ferry,background" in (example.site / "timeline.ics").read_text()
    assert '<category term="background" label="Background"/>' in (example.site / "feed.xml").read_text()
    slides = json.loads((example.site / "timelinejs.json").read_text())["events"]
    assert next(s for s in slides if s["unique_id"] == BACKGROUND)["group"] == "Background"


def test_axis_marks_carry_the_numbers_of_their_cards_and_background_has_its_band(example):
    timeline = example.page("timeline/index.html")
    marks = timeline.select(".tl-axis a.tl-mark")
    numbers = {m["href"].lstrip("#"): m.select_one("text").get_text() for m in marks}
    cards = {a.h4["id"]: a.select_one(".tl-num").get_text() for a in timeline.select("article.tl-event")}
    assert numbers == cards and sorted(map(int, cards.values())) == list(range(1, len(cards) + 1))
    band = float(timeline.select_one(".tl-axis-band line")["y1"])
    below = {m["href"].lstrip("#") for m in marks if float(m.select_one("circle")["cy"]) > band}
    assert below == {BACKGROUND}
    assert "Background" in timeline.select_one(".tl-axis-band text").get_text()


def test_an_open_date_fades_out_towards_its_open_end(example):
    timeline = example.page("timeline/index.html")
    speculation = timeline.select_one('.tl-axis a[href="#2026-03-06-residents-speculate-about-the-contract"]')
    assert "tl-mark-open" in speculation["class"] and "tl-fade-left" in speculation["class"]
    disc, bar = float(speculation.circle["cx"]), speculation.rect
    assert disc > float(bar["x"])  # the number sits at the known end, the bar fades towards the unknown one
    assert timeline.select_one("#tl-fade-left stop")["stop-opacity"] == "0"
    assert _card(timeline, VOTE).select_one(".tl-num")
