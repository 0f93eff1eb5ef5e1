"""Corrections in public: a scripted history (an event added, its date corrected, a status changed
with a `Correction:` reason, a title corrected, a typo fixed, another event withdrawn) gives the
Changes page, the "Updated" lines on the cards and the changes feed, twice byte for byte; and a
shallow clone says what it cannot know."""

from __future__ import annotations

import subprocess
from pathlib import Path

import feedparser
import pytest

from tests.conftest import Project, built, copy_project

ADDED = "timeline/events/2026-06-construction-is-expected-to-begin.yml"
CONFIRMED = "timeline/events/2026-03-09-councillors-say-the-footbridge-will-go-ahead.yml"
VOTE = "timeline/events/2026-03-05-council-approves-footbridge.yml"
WITHDRAWN = "timeline/events/2026-03-06-residents-speculate-about-the-contract.yml"
REASON = "The second report only repeats the first."
GONE = "It reported a rumour that no later source took up, so it was withdrawn on review."


def scripted_history(root: Path) -> Project:
    """The test story, published, then corrected in public over five days."""
    project = copy_project(root)
    added = (project.root / ADDED).read_text(encoding="utf-8")
    (project.root / ADDED).unlink()
    project.commit_all("2026-03-10", "Publish the story")
    (project.root / ADDED).write_text(added, encoding="utf-8")
    project.commit_all("2026-03-11", "Add when construction begins")
    project.edit(ADDED, "date: 2026-06~", "date: 2026-07~")
    project.commit_all(
        "2026-03-12", "Construction: the month the source gives\n\nCorrection: The source says July, not June."
    )
    project.edit(CONFIRMED, "status: confirmed", "status: reported")
    project.commit_all("2026-03-13", f"Councillors: reported, not confirmed\n\nCorrection: {REASON}")
    project.edit(
        VOTE,
        "title: Riverside council approves the footbridge",
        "title: Riverside council votes for the footbridge",
    )
    project.commit_all("2026-03-14", "Retitle the vote")
    project.edit(VOTE, "after a four-hour debate", "after a four-hour  debate")
    project.commit_all("2026-03-14", "Summary: one space\n\nCorrection: typo")
    (project.root / WITHDRAWN).unlink()
    project.edit("timeline/explainer.yml", "        events: [2026-03-06-residents-speculate-about-the-contract]\n", "")
    with (project.root / "timeline/redirects.yml").open("a", encoding="utf-8") as file:
        file.write(f"- from: 2026-03-06-residents-speculate-about-the-contract\n  gone: {GONE}\n")
    project.commit_all("2026-03-15", "Withdraw the rumour")
    return project


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Project:
    return built(scripted_history(tmp_path_factory.mktemp("changes") / "repo"))


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_changes_page_says_what_changed_field_by_field_and_why(corrected):
    page = corrected.page("changes/index.html")
    items = [_text(li) for li in page.select("li.tl-change")]
    assert items == [
        f"Residents speculate that the contract was a favour : withdrawn: “Residents speculate that the contract was a "
        f"favour” ({GONE})",
        "Riverside council votes for the footbridge : typo corrected",
        "Riverside council votes for the footbridge : title corrected: “Riverside council approves the footbridge” → "
        "“Riverside council votes for the footbridge”",
        f"Councillors say the footbridge will go ahead : status: confirmed → reported ({REASON})",
        "Construction of the footbridge is expected to begin : date: c. Jun 2026 → c. Jul 2026 (The source says July, "
        "not June.)",
    ]
    headings = [h.get("id") for h in page.select("article h2")]
    assert headings == ["2026-03-15", "2026-03-14", "2026-03-13", "2026-03-12"]
    assert "Add when construction begins" not in page.get_text()  # an addition is not a correction


def test_each_corrected_card_says_when_and_what_was_updated(corrected):
    page = corrected.page("timeline/index.html")
    card = page.find(id="2026-03-05-council-approves-footbridge").find_parent("article")
    lines = [_text(p) for p in card.select("p.tl-updated")]
    # the newest correction that is more than a typo, and a link to the others on the Changes page
    assert lines == [
        "Updated 14 Mar 2026 : title corrected: “Riverside council approves the footbridge” → "
        "“Riverside council votes for the footbridge” 1 more change"
    ]
    assert card.select_one("p.tl-updated a")["href"] == "../changes/#2026-03-14"
    assert card.select_one("p.tl-updated time")["datetime"] == "2026-03-14"
    untouched = page.find(id="2026-03-09-blue-line-says-the-ferry-could-return").find_parent("article")
    assert untouched.select("p.tl-updated") == []


def test_the_changes_feed_lists_every_correction_newest_first(corrected):
    feed = feedparser.parse((corrected.site / "changes.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == 5
    assert [entry.updated[:10] for entry in feed.entries] == [
        "2026-03-15", "2026-03-14", "2026-03-14", "2026-03-13", "2026-03-12",
    ]  # fmt: skip
    assert feed.entries[3].title.endswith("status: confirmed → reported") and REASON in feed.entries[3].summary


def test_two_builds_of_the_history_are_byte_identical(corrected, tmp_path):
    first = {
        name: (corrected.site / name).read_bytes()
        for name in ("changes/index.html", "changes.xml", "timeline/index.html")
    }
    again = built(Project(corrected.root, site_dir=tmp_path / "again"))
    assert {name: (again.site / name).read_bytes() for name in first} == first


def test_a_shallow_clone_says_what_it_cannot_know(corrected, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{corrected.root}", str(clone)], check=True, capture_output=True
    )
    shallow = built(Project(clone))
    page = shallow.page("changes/index.html")
    notice = _text(page.select_one(".tl-shallow"))
    assert "shallow copy" in notice and "15 Mar 2026" in notice and "git fetch --unshallow" in notice
    assert page.select("li.tl-change") == []
    timeline = shallow.page("timeline/index.html")
    assert timeline.select("p.tl-updated") == []
    labels = [dt.get_text() for dt in timeline.select("dl.tl-dates dt")]
    assert "Last changed" in labels and "Added" not in labels  # when it was added is not known here
