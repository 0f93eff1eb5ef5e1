"""`timeline init`: a fork starts its own story, and the old one's links are let go."""

from __future__ import annotations

import os
import re
import subprocess

from tests.conftest import Project, built, read_config
from tests.story_invariants import story_problems

TITLE = "Harbour tunnel watch"
DESCRIPTION = "Follows the harbour tunnel from its first plan to its opening."


def _init(project: Project, *args: str) -> subprocess.CompletedProcess:
    return project.cli("init", "--title", TITLE, "--description", DESCRIPTION, *args)


def _commit(project: Project, message: str) -> None:
    subprocess.run(["git", "add", "-A"], cwd=project.root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", message],
        cwd=project.root,
        check=True,
    )


def test_init_starts_a_story_that_passes_every_check_and_keeps_nothing_of_the_old_one(project):
    project.commit()  # the test story, published
    old_words = ["Riverside", "Blue Line", "Arches Studio", "Harbour Radio", "footbridge", "Mara Quinn"]
    run = _init(project)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"started the story '{TITLE}'")
    assert "uv run timeline new" in run.stdout and "uv run mkdocs serve" in run.stdout
    _commit(project, "Start a new story")  # the old events are gone from the tree, not from git
    check = project.check()  # their permanent links were the old story's: only the address is left to give
    assert [line.split(": error: ")[1].split(",")[0] for line in check.stdout.splitlines()] == [
        "site_url is https://example.org/harbour-tunnel-watch/"
    ], check.stdout
    config_file = project.root / "mkdocs.yml"
    assert (
        read_config(project.root)["site_url"] == "https://example.org/harbour-tunnel-watch/" or "SITE_URL" in os.environ
    )
    config_file.write_text(config_file.read_text().replace("https://example.org/", "https://newsroom.test/"))
    assert story_problems(built(project)) == []
    assert project.page("index.html").title.get_text().startswith(TITLE)
    config = read_config(project.root)  # the site is named for the new story
    assert (config["site_name"], config["site_description"]) == (TITLE, DESCRIPTION)
    for page in project.site.rglob("*"):
        if page.suffix in (".html", ".json", ".xml", ".csv", ".ics", ".txt"):
            text = page.read_text(encoding="utf-8")
            found = [word for word in old_words if re.search(rf"\b{word}\b", text, re.I)]
            assert found == [], (page.relative_to(project.site), found)


def test_an_event_of_the_new_story_can_be_edited_and_built(project):
    project.commit()
    assert _init(project).returncode == 0
    _commit(project, "Start a new story")
    event = next((project.root / "timeline/events").glob("*.yml"))
    event.write_text(event.read_text().replace("title: The timeline begins", "title: Here the timeline begins"))
    assert built(project).page("timeline/index.html").find(string="Here the timeline begins") is not None


def test_events_published_after_the_new_story_began_stay_protected(project):
    project.commit()
    assert _init(project).returncode == 0
    _commit(project, "Start a new story")
    event = next((project.root / "timeline/events").glob("*.yml"))
    event.unlink()
    _commit(project, "Delete the first event")
    check = project.check()
    assert check.returncode == 1
    assert f"the published event '{event.stem}' was renamed or deleted" in check.stdout


def test_init_refuses_over_uncommitted_changes_unless_forced(project):
    project.commit()
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text() + "\n# an edit in progress\n")
    refused = _init(project)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: timeline/ and seeds/ have uncommitted changes (timeline/sources.yml)")
    assert "# an edit in progress" in sources.read_text()  # nothing was touched
    assert _init(project, "--force").returncode == 0
    assert "# an edit in progress" not in sources.read_text()


def test_init_without_a_terminal_names_the_missing_options(project):
    run = project.cli("init", "--title", TITLE)
    assert run.returncode == 2
    assert run.stderr.startswith("error: missing --description")


def test_a_story_file_naming_an_unknown_commit_is_a_clear_problem(project):
    project.commit()
    project.write("timeline/story.yml", "title: A story\nreplaces: 0123456789abcdef\n")
    check = project.check()
    assert check.returncode == 1
    assert check.stdout.startswith(
        "timeline/story.yml:2:11: error: commit '0123456789abcdef' is not in this repository's history"
    )


def test_init_asks_for_the_name_description_and_address_in_a_terminal(project):
    from tests.terminal import NEW, run_in_a_terminal

    project.commit()
    answers = [TITLE, DESCRIPTION, "not an address", "https://newsroom.github.io/tunnel/"]
    transcript = run_in_a_terminal([*NEW, "--root", str(project.root), "init"], answers)
    assert "The story's name (the site's title)" in transcript
    assert "'not an address' is not a web address" in transcript  # asked again
    assert f"started the story '{TITLE}'" in transcript
    config = read_config(project.root)
    assert (config["site_description"], config["site_url"]) == (DESCRIPTION, "https://newsroom.github.io/tunnel/")


def test_init_gives_the_site_its_address_and_check_fails_on_a_placeholder(project):
    project.commit()
    assert _init(project).returncode == 0  # no address given: a placeholder named for the story
    check = project.check()
    assert check.returncode == 1  # a site published there would point every feed and embed nowhere
    line = next(
        n for n, text in enumerate((project.root / "mkdocs.yml").read_text().splitlines(), 1) if "site_url" in text
    )
    assert check.stdout.startswith(
        f"mkdocs.yml:{line}:11: error: site_url is https://example.org/harbour-tunnel-watch/, a placeholder: every "
        "feed, embed snippet, oEmbed link and calendar id the site publishes would point there."
    ), check.stdout
    assert _init(project, "--force", "--site-url", "https://newsroom.github.io/tunnel").returncode == 0
    assert read_config(project.root)["site_url"] == "https://newsroom.github.io/tunnel/"
    assert (project.check().stdout, project.check().returncode) == ("", 0)
    refused = _init(project, "--force", "--site-url", "newsroom tunnel")
    assert refused.returncode == 2
    assert refused.stderr.startswith("error: --site-url: 'newsroom tunnel' is not a web address")


def test_a_deploy_that_sets_the_address_is_not_a_problem(project):
    """`site_url: !ENV [SITE_URL, placeholder]`, with a workflow that sets SITE_URL, as this repository
    deploys to GitHub Pages: the published site never carries the placeholder."""
    config = project.root / "mkdocs.yml"
    text = re.sub(
        r"^site_url:.*$", 'site_url: !ENV [SITE_URL, "https://example.org/x/"]', config.read_text(), flags=re.M
    )
    config.write_text(text)
    assert ": error: site_url is https://example.org/x/" in project.check().stdout
    project.write(".github/workflows/deploy.yml", "env:\n  SITE_URL: https://newsroom.github.io/x/\n")
    assert project.check().stdout == ""


def test_withdraw_works_on_a_new_story_and_quotes_its_reason_as_yaml_needs(project):
    """On `init`'s own files: the event goes, its redirect says why (a reason with a comma, a colon
    and quotes, which a hand-written flow mapping would break), and check and build pass."""
    project.commit()
    assert _init(project, "--site-url", "https://newsroom.test/tunnel/").returncode == 0
    _commit(project, "Start a new story")
    event = next((project.root / "timeline/events").glob("*.yml")).stem
    explainer = project.root / "timeline/explainer.yml"  # the explainer links the event: it goes first
    explainer.unlink()
    _commit(project, "No explainer yet")
    reason = 'A duplicate, withdrawn: it said "begins", the source says nothing of the kind, #1'
    run = project.cli("withdraw", event, "--reason", reason)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"withdrew '{event}': deleted timeline/events/{event}.yml;")
    assert not (project.root / f"timeline/events/{event}.yml").exists()
    assert project.check().returncode == 0
    assert reason in built(project).page("timeline/index.html").find(id=event).get_text()
    again = project.cli("withdraw", event, "--reason", "Again.")
    assert again.returncode == 1 and "there is no event" in again.stderr


def test_withdraw_refuses_what_is_not_an_event_and_changes_nothing(project):
    before = (project.root / "timeline/redirects.yml").read_text()
    for ident, reason, message in (
        ("../../mkdocs", "A reason.", "is not an event id"),
        ("2026-01-01-no-such-event", "A reason.", "there is no event"),
        ("2026-03-09-blue-line-says-the-ferry-could-return", "   ", "--reason is empty"),
    ):
        run = project.cli("withdraw", ident, "--reason", reason)
        assert run.returncode == 1 and message in run.stderr and "nothing was changed" in run.stderr, run.stderr
    assert (project.root / "timeline/redirects.yml").read_text() == before
    assert (project.root / "mkdocs.yml").exists()
