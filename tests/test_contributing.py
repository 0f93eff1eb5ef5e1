"""What a stranger contributing by pull request meets: the scaffold, schemas, workflows, hooks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import EXAMPLE_STORY, REPO
from tests.terminal import NEW, run_in_a_terminal

SOURCE = "riverside-gazette-footbridge"  # the test story's (tests/stories/riverside/)


def _new(project, *args):
    return subprocess.run(
        [*NEW, "--root", str(project.root), "new", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def test_new_scaffolds_a_named_file_that_fails_until_filled_in(project):
    run = _new(project, "--title", "Construction may begin!", "--date", "2026-04-12~", "--source", SOURCE)
    assert run.returncode == 0, run.stderr
    path = "timeline/events/2026-04-12-construction-may-begin.yml"
    assert run.stdout.startswith(f"created {path}")
    text = (project.root / path).read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/event.schema.json\n")
    check = project.check()
    assert check.returncode == 1
    todo = [line for line in check.stdout.splitlines() if line.startswith(path)]
    assert len(todo) == 3 and all("still holds the 'TODO' placeholder" in line for line in todo)
    filled = (
        text.replace("TODO: say how the date was worked out from the source", "The source says about.")
        .replace(
            "TODO: what happened, in one paragraph, every claim supported by a quote",
            "Construction is expected to begin.",
        )
        .replace("TODO: paste the passage word for word", "Construction is expected to begin around June.")
    )
    (project.root / path).write_text(filled)
    assert project.check().returncode == 0


def test_new_refuses_to_overwrite(project):
    args = ("--title", "Same", "--date", "2026-04-12", "--source", SOURCE)
    assert _new(project, *args).returncode == 0
    again = _new(project, *args)
    assert again.returncode == 1
    assert again.stderr == (
        "error: timeline/events/2026-04-12-same.yml already exists; choose another title or edit that file\n"
    )


def test_new_without_a_terminal_names_the_missing_flags(project):
    run = _new(project, "--title", "Only a title")
    assert run.returncode == 2
    assert run.stderr.startswith("error: missing --date, --source")
    bad = _new(project, "--title", "T", "--date", "2026-02-30", "--source", SOURCE)
    assert bad.returncode == 2 and "'2026-02-30' is not a real day" in bad.stderr


def test_new_asks_in_a_terminal(project):
    answers = ["A model is updated", "April 2026", "2026-04-20?", SOURCE, "reported", "inferred"]
    transcript = run_in_a_terminal([*NEW, "--root", str(project.root), "new"], answers)
    assert "is not a date this site understands" in transcript  # "April 2026" was refused, then re-asked
    assert "created timeline/events/2026-04-20-a-model-is-updated.yml" in transcript
    text = (project.root / "timeline/events/2026-04-20-a-model-is-updated.yml").read_text()
    assert 'date_basis: inferred\ndate_note: "TODO' in text


def test_committed_schemas_are_current(project):
    run = subprocess.run([*NEW, "--root", str(REPO), "schemas", "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    schema = REPO / "hooks/timeline_core/data/schema.py"
    stale = project.root / "schemas/event.schema.json"
    stale.write_text(stale.read_text().replace("A short headline", "A headline"))
    run = subprocess.run([*NEW, "--root", str(project.root), "schemas", "--check"], capture_output=True, text=True)
    assert run.returncode == 1 and run.stdout == (
        "schemas/event.schema.json:1:1: error: out of date; run `uv run timeline schemas`\n"
    )
    assert schema.exists()


LIST_SCHEMAS = {
    "sources.yml": "sources",
    "entities.yml": "entities",
    "glossary.yml": "glossary",
    "explainer.yml": "explainer",
    "redirects.yml": "redirects",
    "story.yml": "story",
}


def _data_files(story: Path) -> dict[str, str]:
    """Every data file of a story (the repository's, or a test story), with the schema it must name."""
    files = {
        str((story / "timeline" / name).relative_to(REPO)): kind
        for name, kind in LIST_SCHEMAS.items()
        if (story / "timeline" / name).exists()
    }
    files.update({str(p.relative_to(REPO)): "event" for p in (story / "timeline/events").glob("*.yml")})
    return files


DATA_FILES = {**_data_files(REPO), **_data_files(EXAMPLE_STORY)}


@pytest.mark.parametrize("rel,kind", sorted(DATA_FILES.items()))
def test_every_data_file_passes_its_schema_and_names_it_right(rel, kind):
    """The `$schema` line is a help for editors, not a rule (`timeline check` does not ask for it),
    so a hand-written file without it is valid; where it is written, it must lead to the right schema."""
    path = REPO / rel
    schema_path = REPO / "schemas" / f"{kind}.schema.json"
    header = path.read_text().splitlines()[0]
    if header.startswith("# yaml-language-server: $schema="):
        assert (path.parent / header.split("$schema=", 1)[1]).resolve() == schema_path.resolve()
    schema = json.loads(schema_path.read_text())
    data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # strings, as an editor's YAML 1.2 sees them
    flags = set(re.findall(r'"(\w+)": \{\s*"description": "[^"]*",\s*"type": "boolean"', schema_path.read_text()))
    if isinstance(data, dict):  # but true and false are YAML 1.2 booleans
        data.update({name: data[name] == "true" for name in flags if data.get(name) in ("true", "false")})
    jsonschema.Draft202012Validator(schema).validate(data)


def test_a_schema_rejects_what_the_loader_rejects():
    schema = json.loads((REPO / "schemas/event.schema.json").read_text())
    event = yaml.load(
        (EXAMPLE_STORY / "timeline/events/2026-03-05-council-approves-footbridge.yml").read_text(),
        Loader=yaml.BaseLoader,
    )
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(event)
    assert not validator.is_valid({**event, "summry": "x"})
    assert not validator.is_valid({**event, "status": "rumour"})
    assert not validator.is_valid({**event, "date": "April 7"})
    assert not validator.is_valid({**event, "citations": []})


WORKFLOWS = REPO / ".github/workflows"


def _run_steps(name: str) -> list[str]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text())
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_every_action_is_pinned_by_commit_and_no_checkout_keeps_its_credentials():
    """What zizmor holds in CI (`.ci/run`), said here too so that a workflow edit fails in pytest."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        assert workflow.get("permissions") in ({}, {"contents": "read"}), path.name  # jobs ask for more
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), (path.name, step["uses"])
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name
                assert "${{" not in step.get("run", ""), (path.name, step.get("name"))  # values through env


def test_an_issue_becomes_a_pull_request_only_when_a_maintainer_labels_it():
    workflow = yaml.safe_load((WORKFLOWS / "from-issue.yml").read_text())
    assert workflow[True] == {"issues": {"types": ["labeled"]}}  # YAML 1.1 reads the key `on` as true
    (job,) = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'make pull request'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"  # the text only through a variable
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert 'uv run timeline from-issue "$RUNNER_TEMP/issue.md"' in runs and "pull_request_target" not in str(workflow)


def test_workflows_parse_and_run_the_readme_commands():
    readme = (REPO / "README.md").read_text()
    assert "uv run pytest" in readme and "uv run mkdocs serve" in readme
    pull_request = " ".join(_run_steps("pull-request.yml"))
    for command in (
        "uv run timeline check --format github",
        "uv run mkdocs build --strict",
        "uv run pytest",
        "uv run timeline coverage --fail-under 100",
        "uv run timeline schemas --check",
        "uv sync --locked",
        "uv run ruff check",
        "uv run ruff format --check",
        "uv run mypy",
    ):
        assert command in pull_request
    deploy = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text())
    assert deploy[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    assert "uv run mkdocs build --strict" in " ".join(_run_steps("deploy.yml"))
    ci = (REPO / ".ci/run").read_text()
    for command in ("uv run pytest", "uv run ruff check", "uv run ruff format --check", "uv run mypy"):
        assert command in ci


def test_workflows_pass_actionlint():
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(actionlint).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint is not installed (it comes with the dev dependencies on x86-64 Linux)")
        pytest.skip("actionlint is not installed on this platform")
    run = subprocess.run([actionlint, *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pre_commit_runs_the_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["timeline-check"]["entry"] == "uv run timeline check"
    assert hooks["timeline-schemas"]["entry"] == "uv run timeline schemas --check"
    assert (hooks["ruff-check"]["entry"], hooks["mypy"]["entry"]) == ("uv run ruff check", "uv run mypy")


def test_issue_and_pull_request_templates_exist():
    forms = [
        yaml.safe_load(p.read_text()) for p in (REPO / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"
    ]
    assert {form["name"] for form in forms} == {"Add an event", "Report an error", "Add a source"}
    contributing = (REPO / "CONTRIBUTING.md").read_text()
    assert contributing.index("issues/new?template=add-event.yml") < contributing.index("uv run timeline check")
    assert all(form["body"] for form in forms)
    template = (REPO / ".github/pull_request_template.md").read_text()
    assert "uv run timeline check" in template


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://github.com/a/b", "https://github.com/a", 7])
def test_a_repository_that_is_no_https_address_is_said_at_its_line_and_left_out(value):
    from timeline_core.settings import settings_of

    text = f"site_name: x\nextra:\n  timeline:\n    repository: {value}\n"
    settings = settings_of({"extra": {"timeline": {"repository": value}}}, text)
    assert settings.site.repository == ""
    (problem,) = settings.problems
    assert problem.format().startswith(f"mkdocs.yml:4:5: error: extra.timeline.repository is {value!r}; write")
    good = settings_of({"extra": {"timeline": {"repository": "https://github.com/newsroom/story/"}}}, text)
    assert good.site.repository == "https://github.com/newsroom/story" and good.problems == ()
