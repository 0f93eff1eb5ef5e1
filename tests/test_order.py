"""One order, following the evidence, everywhere: an open start ("on or before 6 Mar") is read on
its latest day, after the vote of 5 March it may answer and before the news of 9 March, on the
timeline, on an entity's page, in the overview axis and in every export."""

from __future__ import annotations

import csv
import io
import json
import re

VOTE = "2026-03-05-council-approves-footbridge"  # 5 Mar
GUESS = "2026-03-06-residents-speculate-about-the-contract"  # ../2026-03-06
NEWS = "2026-03-09-blue-line-says-the-ferry-could-return"  # 9 Mar
ORDER = [VOTE, GUESS, NEWS]


def _in_order(found: list[str], wanted: list[str] = ORDER) -> list[str]:
    return [ident for ident in found if ident in wanted]


def test_the_timeline_the_axis_and_an_entity_page_read_the_open_date_after_the_day_before_it(example):
    timeline = example.page("timeline/index.html")
    assert _in_order([h["id"] for h in timeline.select("article.tl-event h4")]) == ORDER
    marks = [a["href"].split("#")[1] for a in timeline.select("figure.tl-axis a[href*='#']")]
    assert _in_order(marks) == ORDER
    numbers = {h["id"]: h.find_parent("article").select_one(".tl-num").get_text() for h in timeline.select("h4")}
    assert [int(numbers[ident]) for ident in ORDER] == sorted(int(numbers[ident]) for ident in ORDER)
    entity = example.page("entities/mara-quinn/index.html")  # named in the vote and in the guess
    listed = [a["href"].split("#")[1] for a in entity.select("a[href*='timeline/#']")]
    assert _in_order(listed, [VOTE, GUESS]) == [VOTE, GUESS]


def test_every_export_lists_them_in_the_same_order(example):
    site = example.site
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert _in_order([e["id"] for e in data["events"]]) == ORDER
    rows = list(csv.DictReader(io.StringIO((site / "timeline.csv").read_text(encoding="utf-8"))))
    assert _in_order([row["id"] for row in rows]) == ORDER
    calendar = (site / "timeline.ics").read_text(encoding="utf-8").replace("\n ", "")
    assert _in_order(re.findall(r"UID:([^@]+)@", calendar)) == ORDER
    slides = json.loads((site / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert _in_order([slide["unique_id"] for slide in slides]) == ORDER
    feed = (site / "feed.xml").read_text(encoding="utf-8")  # newest first
    assert _in_order(re.findall(r"timeline/#([\w-]+)</id>", feed)) == ORDER[::-1]
