"""`timeline check` as a contributor runs it: exit codes, every problem at once, two formats."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.events import EVENT, GOOD


def test_check_passes_on_the_repository_data(project):
    run = project.check()
    assert run.returncode == 0
    assert run.stdout == ""
    assert run.stderr == (
        "ok: 6 events, 3 sources, 6 entities, 3 glossary terms; 23 quotes verified against their archived sources\n"
    )  # the test story's counts


def test_check_prints_every_problem_and_exits_1(empty_project):
    empty_project.write(EVENT, GOOD.replace("summary:", "summry:"))
    empty_project.write("timeline/events/notes.txt", "hello")
    run = empty_project.check()
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "timeline/events/2026-04-06-example-model-ready.yml:1:1: error: missing required field 'summary' "
        "in the event: What happened, in one Markdown paragraph.",
        "timeline/events/2026-04-06-example-model-ready.yml:5:1: error: unknown field 'summry' in the event "
        "(did you mean 'summary'?); allowed fields: title, date, date_basis, date_note, status, summary, background, "
        "tags, entities, terms, citations",
        "timeline/events/notes.txt:1:1: error: unexpected file; event files end in .yml (rename it to notes.yml)",
    ]
    assert run.stderr.startswith("3 problems found")


def test_the_installed_command_says_what_the_tests_run_in_process_says(empty_project):
    """The other tests run the command in their own process, for speed: here it starts as a person
    starts it, and prints the same, byte for byte, with the same exit code."""
    empty_project.write(EVENT, GOOD.replace("summary:", "summry:"))
    started = subprocess.run(
        [sys.executable, "-m", "timeline_core.cli", "--root", str(empty_project.root), "check"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    in_process = empty_project.check()
    assert (started.returncode, started.stdout, started.stderr) == (1, in_process.stdout, in_process.stderr)
    assert in_process.returncode == 1 and "unknown field 'summry'" in started.stdout


def test_check_github_format_annotates_the_diff(empty_project):
    empty_project.write(EVENT, GOOD.replace("2026-04-06\n", "2026-02-30\n"))
    run = empty_project.check("--format", "github")
    assert run.returncode == 1
    assert run.stdout.startswith(
        f"::error file={EVENT},line=2,col=7::field 'date' in the event: '2026-02-30' is not a real day"
    )


@pytest.mark.parametrize(
    ("date", "name"),
    [
        ("1965", "1965-the-branch-opens.yml"),
        ("2026-11", "2026-11-the-branch-opens.yml"),
        ("2026-11-20", "2026-11-20-the-branch-opens.yml"),
        ("../2026-11-20", "2026-11-20-the-branch-opens.yml"),  # read on its last day
        ("2026-11/2026-12", "2026-11-the-branch-opens.yml"),
    ],
)
def test_a_new_events_name_claims_no_more_than_its_date(project, date, name):
    run = project.cli("new", "--title", "The branch opens", "--date", date, "--source", "harbour-radio-ferry")
    assert run.returncode == 0, run.stderr
    assert (project.root / "timeline/events" / name).exists(), run.stdout


def test_a_file_name_more_precise_than_its_date_fails_the_check_with_the_rename(project):
    events = project.root / "timeline/events"
    text = (events / "2025-old-ferry-service-is-suspended.yml").read_text(encoding="utf-8")
    (events / "2025-01-01-ferry-stops.yml").write_text(text, encoding="utf-8")  # dated "2025"
    check = project.check()
    assert check.returncode == 1  # CI fails on what the check prints
    assert check.stdout == (
        "timeline/events/2025-01-01-ferry-stops.yml:1:1: error: the file name's date '2025-01-01' is more "
        "precise than the event's date '2025', and its name is its permanent link: rename it to "
        "2025-ferry-stops.yml (if it was published, add a redirect from its old name in timeline/redirects.yml)\n"
    )


def test_an_event_can_be_written_in_one_command(project):
    run = project.cli(
        *("new", "--title", "Work on the footbridge begins", "--date", "2026-06"),
        *("--source", "riverside-gazette-footbridge", "--find", "Construction begin June"),
        *("--summary", "Construction of the footbridge is expected to begin around June."),
        *("--date-note", "The source says around June.", "--tag", "footbridge", "--tag", "works"),
        *("--entity", "riverside-footbridge", "--term", "footbridge"),
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("next: run `uv run timeline check` and `uv run mkdocs serve`\n")  # no TODO left
    text = (project.root / "timeline/events/2026-06-work-on-the-footbridge-begins.yml").read_text(encoding="utf-8")
    assert 'tags: ["footbridge", "works"]' in text and 'entities: ["riverside-footbridge"]' in text
    assert project.check().returncode == 0


def test_new_checks_each_option_as_the_file_would_be_and_writes_nothing_when_one_is_wrong(project):
    before = sorted((project.root / "timeline/events").iterdir())
    run = project.cli(
        *("new", "--title", "X", "--date", "2026-06-02", "--source", "riverside-gazette-footbridge"),
        *("--tag", "Bad Tag", "--entity", "nobody", "--summary", "<b>x</b>"),
    )
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "error: --summary: raw HTML ('<b') is not allowed; write Markdown instead, or put it in `backticks` to "
        "show it as text",
        "error: --tag: 'Bad Tag' is not a valid id; use lowercase letters, digits and single dashes, like 'bad-tag'",
        "error: --entity: unknown entity 'nobody'; known: arches-studio, blue-line, harbour-group, mara-quinn, "
        "riverside-council, riverside-footbridge",
        "nothing was written",
    ]
    assert sorted((project.root / "timeline/events").iterdir()) == before
