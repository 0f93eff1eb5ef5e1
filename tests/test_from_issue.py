"""`timeline from-issue`: an issue form's body, as GitHub writes it, made into a checked change, or
refused with what to fix and nothing written. Offline: sources are the test story's, or test pages
from a local server. Every answer is untrusted, and hostile ones write nothing they should not."""

from __future__ import annotations

import contextlib
import hashlib
import io
from types import SimpleNamespace

import pytest
import yaml

from tests.conftest import REPO, Project
from tests.webserver import serve_pages
from timeline_core import cli

PASSAGE = "The vote, held on 5 March 2026, passed by seven votes to four."
GAZETTE = "https://gazette.example/2026/03/riverside-footbridge"


def _body(answers: dict[str, str]) -> str:
    """The Markdown GitHub writes for a form's answers: a heading per field, `_No response_` if blank."""
    return "".join(f"### {label}\n\n{value or '_No response_'}\n\n" for label, value in answers.items())


def _event_form(**changes: str) -> str:
    answers = {
        "Source address": GAZETTE,
        "The passage that says it": f"```text\n{PASSAGE}\n```",
        "When, as the source gives it": "held on 5 March 2026",
        "Date, if you can write it so": "2026-03-05",
        "Title": "The council vote passes by seven votes to four",
        "Summary": "The vote, held on 5 March 2026, passes by seven votes to four.",
        "Who is involved": "Riverside council, Nobody Known",
        "What the source supports": "reported (the source states it)",
    }
    answers.update(changes)
    return _body(answers)


def _tree(project: Project) -> dict[str, str]:
    return {
        str(path.relative_to(project.root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.root.rglob("*"))
        if path.is_file() and ".git" not in path.parts and "__pycache__" not in path.parts
    }


def _run(project: Project, body: str) -> SimpleNamespace:
    """`timeline from-issue` in this process (fast, and any exception fails the test)."""
    issue = project.root.parent / "issue.md"
    issue.write_text(body, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(project.root), "from-issue", str(issue)])
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def test_an_event_form_becomes_an_event_that_passes_the_check(project):
    before = _tree(project)
    run = _run(project, _event_form())
    assert run.returncode == 0, run.stderr
    path = "timeline/events/2026-03-05-the-council-vote-passes-by-seven-votes-to-four.yml"
    assert set(_tree(project)) - set(before) == {path}
    event = yaml.safe_load((project.root / path).read_text(encoding="utf-8"))
    assert event["citations"] == [{"source": "riverside-gazette-footbridge", "quote": PASSAGE}]
    assert event["entities"] == ["riverside-council"] and event["date_basis"] == "inferred"
    assert event["date_note"] == 'The source says: "held on 5 March 2026".'
    assert project.check().returncode == 0
    assert "## Check\n\n`timeline check`: ok" in run.stdout
    assert "not yet entities of this story: Nobody Known" in run.stdout and "## For the reviewer" in run.stdout


def test_a_new_source_is_archived_from_its_page(project):
    passage = (
        "The bridge will be a single steel arch, 84 metres long, with a deck wide enough for walkers and "
        "cyclists to pass each other."
    )
    with serve_pages() as (base, _agents):
        run = _run(
            project,
            _event_form(
                **{
                    "Source address": base + "news/opengraph-article.html",
                    "The passage that says it": passage,
                    "When, as the source gives it": "before 10 March 2026",
                    "Date, if you can write it so": "../2026-03-10",
                    "Title": "The footbridge will be a single steel arch",
                    "Summary": "The footbridge will be a single steel arch, 84 metres long.",
                    "Who is involved": "",
                }
            ),
        )
    assert run.returncode == 0, run.stderr
    sources = yaml.safe_load((project.root / "timeline/sources.yml").read_text(encoding="utf-8"))
    assert any(source["url"].endswith("opengraph-article.html") for source in sources)
    assert project.check().returncode == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"The passage that says it": "The vote passed by nine votes to two."}, "text not found"),
        ({"Date, if you can write it so": "2026-03-06"}, "'Date' says day 6, which neither the passage nor 'When'"),
        ({"Date, if you can write it so": "2026-04-05"}, "'Date' says April"),
        ({"Date, if you can write it so": "5 March"}, "'Date': "),
        ({"Date, if you can write it so": ""}, "needs the date in the site's notation"),
        ({"Summary": "The vote, held on 5 March 2026 in Berlin, passes."}, "'Berlin'"),
        ({"Title": ""}, "'Title' is empty: answer it"),
        ({"Source address": "file:///etc/passwd"}, "is not an http(s) address"),
    ],
)
def test_a_form_that_cannot_be_used_says_what_to_fix_and_writes_nothing(project, changes, message):
    before = _tree(project)
    run = _run(project, _event_form(**changes))
    assert run.returncode == 1
    assert message in run.stderr and run.stderr.rstrip().endswith("nothing was written")
    assert _tree(project) == before


def test_a_body_not_from_a_form_is_refused(project):
    for body in ("", "I think the date is wrong.", "### Title\n\nSomething\n"):
        run = _run(project, body)
        assert run.returncode == 1 and "was not written with one of the forms" in run.stderr


def test_a_correction_names_its_entry_and_the_reason_readers_will_see(project):
    form = {
        "The entry": "https://riverside.test/story/timeline/#2026-03-05-council-approves-footbridge",
        "What is wrong": "the date",
        "What it says, and what it should say": "It says 5 March; the minutes say 4 March.",
        "The corrected text, if you can write it": "",
        "Evidence": "```text\nThe council met on 4 March.\n```",
    }
    before = _tree(project)
    run = _run(project, _body(form))
    assert run.returncode == 0, run.stderr
    assert "File: `timeline/events/2026-03-05-council-approves-footbridge.yml`" in run.stdout
    assert "Correction: It says 5 March; the minutes say 4 March." in run.stdout
    assert _tree(project) == before  # the maintainer makes the change the issue asks for
    form["The corrected text, if you can write it"] = "2026-03-04"
    corrected = _run(project, _body(form))
    assert corrected.returncode == 0, corrected.stderr
    event = yaml.safe_load((project.root / "timeline/events/2026-03-05-council-approves-footbridge.yml").read_text())
    assert event["date"] == "2026-03-04" and "The date is corrected in the file" in corrected.stdout
    assert set(_tree(project)) == set(before)  # the one file changed, nothing added
    form |= {
        "What is wrong": "the status (reported, confirmed, speculation)",
        "The corrected text, if you can write it": "confirmed",
    }
    unsupported = _run(project, _body(form))
    assert unsupported.returncode == 1 and "says status: confirmed, but it rests on one publisher" in unsupported.stderr
    assert (
        yaml.safe_load((project.root / "timeline/events/2026-03-05-council-approves-footbridge.yml").read_text())[
            "status"
        ]
        == "reported"
    )
    form["The entry"] = "https://riverside.test/story/timeline/#../../etc/passwd"
    refused = _run(project, _body(form))
    assert refused.returncode == 1 and "no event has the id" in refused.stderr


HOSTILE = [
    "$(touch pwned) `touch pwned` ; touch pwned",
    "</textarea><script>alert(1)</script>",
    "../../../../tmp/pwned",
    '!!python/object/apply:os.system ["touch pwned"]',
    "&anchor *anchor {a: b} [c]",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize(
    "field",
    [
        "Source address",
        "The passage that says it",
        "When, as the source gives it",
        "Date, if you can write it so",
        "Title",
        "Summary",
        "Who is involved",
        "What the source supports",
    ],
)
def test_hostile_answers_write_nothing_else_and_never_run(project, field, text):
    before = _tree(project)
    run = _run(project, _event_form(**{field: text}))
    after = _tree(project)
    assert not list(project.root.parent.rglob("pwned")) and not (project.root / "pwned").exists()
    added = set(after) - set(before)
    assert all(path.startswith("timeline/events/") for path in added) and len(added) <= 1
    for path in added:  # written, it holds the text as text, read back as written
        event = yaml.safe_load((project.root / path).read_text(encoding="utf-8"))
        said = (event["title"], event["summary"], event["date_note"])
        assert field in ("Who is involved", "What the source supports") or any(text in value for value in said)
    if run.returncode != 0:
        assert after == before and "nothing was written" in run.stderr


def test_an_answer_longer_than_its_limit_is_refused(project):
    run = _run(project, _event_form(**{"Summary": "word " * 300_000}))
    assert run.returncode == 1 and "at most" in run.stderr


def test_the_command_reads_the_forms_as_they_are_written():
    """Its labels and ids are the forms' own (.github/ISSUE_TEMPLATE/): a form edited without it fails here."""
    from timeline_core.cli.from_issue import FORMS

    for name, labels in FORMS.items():
        form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE" / f"{name}.yml").read_text(encoding="utf-8"))
        fields = {field["attributes"]["label"]: field["id"] for field in form["body"] if "id" in field}
        assert fields == labels, name
