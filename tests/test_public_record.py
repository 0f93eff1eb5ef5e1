"""A public record that starts at publication: the story says the day it was published, the work
before it is preparation (not on the Changes page, the cards or the feed), a renamed event keeps
its first Added day, each change says what changed (a quote's old and new words, a citation
added or removed), and CI refuses a commit that changes a published event's title, date, status
or citations without saying why."""

from __future__ import annotations

import pytest

from tests.conftest import Project, built, copy_project

VOTE = "timeline/events/2026-03-05-council-approves-footbridge.yml"
FERRY = "timeline/events/2026-03-09-blue-line-says-the-ferry-could-return.yml"
OLD_QUOTE = "    quote: Riverside council approved the new footbridge on Thursday after a four-hour debate.\n"
NEW_QUOTE = "    quote: Riverside council approved the new footbridge on Thursday\n"
STORY = "timeline/story.yml"


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def prepared_and_published(root) -> Project:
    """The test story prepared from 1 to 3 March (an event renamed on the 2nd), published on the 3rd,
    and corrected on the 5th: a quote narrowed, a citation added."""
    project = copy_project(root)
    vote = (project.root / VOTE).read_text(encoding="utf-8")
    (project.root / VOTE).unlink()
    draft = project.root / "timeline/events/2026-03-05-council-votes.yml"
    draft.write_text(vote, encoding="utf-8")
    redirects = project.root / "timeline/redirects.yml"
    kept = redirects.read_text(encoding="utf-8")
    redirects.write_text(
        kept.replace("  to: 2026-03-05-council-approves-footbridge\n", "  to: 2026-03-05-council-votes\n")
    )
    project.commit_all("2026-03-01", "Start the story")
    project.edit("timeline/events/2026-03-05-council-votes.yml", "status: reported", "status: confirmed")
    project.commit_all("2026-03-01", "Draft: confirmed?")
    project.edit("timeline/events/2026-03-05-council-votes.yml", "status: confirmed", "status: reported")
    draft.rename(project.root / VOTE)
    redirects.write_text(kept + "- from: 2026-03-05-council-votes\n  to: 2026-03-05-council-approves-footbridge\n")
    project.commit_all("2026-03-02", "Rename the vote")
    project.write(STORY, "title: Riverside\npublished: 2026-03-03\n")
    project.commit_all("2026-03-03", "Publish")
    project.edit(VOTE, OLD_QUOTE, NEW_QUOTE)
    project.edit(
        FERRY,
        "citations:\n",
        "citations:\n  - source: harbour-radio-ferry\n    quote: Councillors welcomed the news\n",
    )
    project.commit_all(
        "2026-03-05", "Quote less of the vote, more of the ferry\n\nCorrection: The quote said more than the event."
    )
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Project:
    return built(prepared_and_published(tmp_path_factory.mktemp("record") / "repo"))


def test_the_changes_page_lists_only_what_changed_after_publication_and_says_what(published):
    page = published.page("changes/index.html")
    items = [_text(li) for li in page.select("li.tl-change")]
    assert items == [
        "Blue Line says the ferry could return by summer : citation added, from Blue Line says ferry could return by "
        "summer: “Councillors welcomed the news” (The quote said more than the event.)",
        "Riverside council approves the footbridge : quote from Council approves Riverside footbridge revised: "
        "“Thursday after a four-hour debate.” → “Thursday” (The quote said more than the event.)",
    ]
    assert "confirmed" not in _text(page.select_one("article"))  # the draft's status: preparation
    assert "new permanent link" not in _text(page.select_one("article"))  # the rename: preparation too


def test_a_renamed_event_says_the_day_it_was_first_added(published):
    card = (
        published.page("timeline/index.html").find(id="2026-03-05-council-approves-footbridge").find_parent("article")
    )
    dates = dict(zip([_text(d) for d in card.select("dl.tl-dates dt")], card.select("dl.tl-dates dd"), strict=True))
    assert dates["Added"].time["datetime"] == "2026-03-01"
    assert dates["Last changed"].time["datetime"] == "2026-03-05"


def test_a_change_to_a_published_event_without_a_reason_is_refused_and_the_fix_is_said(published, tmp_path):
    project = copy_project(tmp_path)
    base = project.commit_all("2026-03-10", "Publish")
    project.edit(VOTE, "date: 2026-03-05", "date: 2026-03-04")
    project.commit_all("2026-03-11", "Fix the date")
    run = project.cli("corrections", "--since", base)
    assert run.returncode == 1
    commit = run.stdout.split("commit ")[1].split()[0]
    assert run.stdout == (
        f"{VOTE}:1:1: error: commit {commit} changes the published event '2026-03-05-council-approves-footbridge' "
        "(date) without saying why: readers see every such change on the Changes page, with its reason. End the "
        "commit message with a line 'Correction: <why, in a sentence readers will read>' ('Correction: typo' for a "
        "typo) and push again (git commit --amend, or git rebase -i for an older commit)\n"
    )
    github = project.cli("corrections", "--since", base, "--format", "github")
    assert github.stdout.startswith(f"::error file={VOTE},line=1,col=1::commit {commit} changes")
    project.edit(VOTE, "date: 2026-03-04", "date: 2026-03-05")
    project.commit_all("2026-03-11", "Back\n\nCorrection: typo")
    typo = project.cli("corrections", "--since", "HEAD~1")  # the commit that puts it back
    assert typo.returncode == 0, typo.stdout  # a typo's fix says so, and that is enough


def test_new_events_and_reasoned_changes_pass_and_a_base_must_be_a_commit(tmp_path):
    project = copy_project(tmp_path)
    base = project.commit_all("2026-03-10", "Publish")
    project.edit(VOTE, "status: reported", "status: confirmed")
    project.commit_all(
        "2026-03-11", "Two councillors said so on the record\n\nCorrection: The council's minutes say so."
    )
    new = project.root / "timeline/events/2026-03-20-the-works-start.yml"
    new.write_text((project.root / FERRY).read_text(encoding="utf-8"), encoding="utf-8")
    project.commit_all("2026-03-12", "Add an event")
    project.edit("timeline/events/2026-03-20-the-works-start.yml", "status: reported", "status: confirmed")
    project.commit_all("2026-03-12", "A new event may change freely until it is published")
    run = project.cli("corrections", "--since", base)
    assert (run.returncode, run.stdout) == (0, ""), run.stdout
    assert run.stderr.startswith(f"ok: every change since {base} to a published event says why")
    for base in ("no-such-branch", "--output=/tmp/x", "HEAD..main", "$(touch x)"):
        refused = project.cli("corrections", f"--since={base}")
        assert refused.returncode == 2, base
        assert "is not a commit of this repository" in refused.stderr
    assert not (project.root / "x").exists()
