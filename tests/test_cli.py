"""`timeline check` as a contributor runs it: exit codes, every problem at once, two formats."""

from __future__ import annotations

from tests.test_loader import EVENT, GOOD


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


def test_check_github_format_annotates_the_diff(empty_project):
    empty_project.write(EVENT, GOOD.replace("2026-04-06\n", "2026-02-30\n"))
    run = empty_project.check("--format", "github")
    assert run.returncode == 1
    assert run.stdout.startswith(
        f"::error file={EVENT},line=2,col=7::field 'date' in the event: '2026-02-30' is not a real day"
    )
