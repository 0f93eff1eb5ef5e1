"""A tag's name as readers see it: events carry ids (a tag's address), timeline/tags.yml gives each
its label as the story's language writes it, shown on cards, filters, the tags' pages, TimelineJS
and the feed; an entry no event carries is refused at its line."""

from __future__ import annotations

import html
import json

import feedparser

from tests.conftest import Project, built

TOUR = "Unterwegs: Städte & Länder"  # a label with capitals, umlauts and an ampersand, shown as written


def _labelled(project: Project) -> Project:
    project.write("timeline/tags.yml", f"- id: tour\n  label: '{TOUR}'\n")
    return project


def test_a_tag_is_shown_by_its_label_and_linked_by_its_id(lanterns_project):
    project = built(_labelled(lanterns_project))
    timeline = project.page("timeline/index.html")
    links = [a for a in timeline.select("a.tl-tag") if a["href"].rstrip("/").endswith("tags/tour")]
    assert links and {a.get_text() for a in links} == {TOUR}
    option = timeline.select_one('form.tl-filters select[name=tag] option[value="tour"]')
    assert option.get_text() == TOUR
    index = project.page("tags/index.html").select_one("li#tour a")
    assert index.get_text() == TOUR
    page = project.page("tags/tour/index.html")
    assert TOUR in page.h1.get_text() and TOUR in page.title.get_text()
    assert project.page("tags/opening/index.html").select_one("li#opening") is None  # unlabelled: its id
    assert project.page("tags/index.html").select_one("li#opening a").get_text() == "opening"
    slides = json.loads((project.site / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert TOUR in {html.unescape(slide.get("group", "")) for slide in slides}  # TimelineJS reads HTML
    feed = feedparser.parse((project.site / "feed.xml").read_bytes())
    assert {(tag.term, tag.label) for entry in feed.entries for tag in entry.tags} >= {("tour", TOUR)}


def test_a_label_for_a_tag_no_event_carries_is_refused_at_its_line(lanterns_project):
    lanterns_project.write("timeline/tags.yml", "- id: tour\n  label: On tour\n- id: tuor\n  label: Typo\n")
    check = lanterns_project.check()
    assert check.returncode == 1
    assert check.stdout.splitlines() == [
        "timeline/tags.yml:3:7: error: tag 'tuor' is on no event (did you mean 'tour'?); tag an event with it, "
        "or remove this entry"
    ]
