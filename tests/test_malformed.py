"""The corpus of malformed contributions: each gives exactly the expected errors, through both
`timeline check` and `mkdocs build --strict`, with no traceback and nothing else lost.

Each folder under tests/malformed/ holds `files/` (laid over a copy of the project) and
`expected.txt` (the exact error lines). A `symlink.txt` line `path -> target` makes a link.
Cases that only add event files share one project, so one check and one build cover them all.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import Project, build_here, copy_project, run_cli

CORPUS = Path(__file__).parent / "malformed"
CASES = sorted(folder.name for folder in CORPUS.iterdir() if folder.is_dir())


def _files(case: str) -> list[Path]:
    base = CORPUS / case / "files"
    links = CORPUS / case / "symlink.txt"
    linked = [Path(line.split(" -> ")[0]) for line in links.read_text().splitlines()] if links.exists() else []
    return [p.relative_to(base) for p in base.rglob("*") if p.is_file()] + linked


def _only_events(case: str) -> bool:
    return all(p.parts[:2] == ("timeline", "events") for p in _files(case))


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def lay_over(case: str, project: Project) -> None:
    if (CORPUS / case / "files").exists():
        shutil.copytree(CORPUS / case / "files", project.root, dirs_exist_ok=True)
    links = CORPUS / case / "symlink.txt"
    if links.exists():
        for line in links.read_text().splitlines():
            path, target = line.split(" -> ")
            os.symlink(target, project.root / path)


EVENT_CASES = [case for case in CASES if _only_events(case)]
LIST_CASES = [case for case in CASES if not _only_events(case)]


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30
    for case in CASES:
        assert expected(case), f"{case} has no expected errors"


@pytest.fixture(scope="module")
def event_cases_run(tmp_path_factory):
    """All event-file cases in one copy of the project, checked and built once."""
    root = tmp_path_factory.mktemp("corpus")
    project = _copy(root)
    for case in EVENT_CASES:
        lay_over(case, project)
    return project.check(), project.build()


def _copy(root: Path) -> Project:
    """The project with its data replaced by the small base that every case breaks."""
    project = copy_project(root)
    (root / "timeline/explainer.yml").unlink()
    project.write("seeds/example.txt", "The Example Company said on Monday that its model is ready.\n")
    project.write("timeline/sources.yml", (CORPUS.parent / "malformed_base" / "sources.yml").read_text())
    project.write("timeline/entities.yml", (CORPUS.parent / "malformed_base" / "entities.yml").read_text())
    project.write("timeline/glossary.yml", "[]\n")
    project.write("timeline/redirects.yml", "[]\n")
    shutil.rmtree(root / "timeline/events")
    (root / "timeline/events").mkdir()
    return project


@pytest.mark.parametrize("case", EVENT_CASES)
def test_event_case_reports_exactly_its_errors(case, event_cases_run):
    check, build = event_cases_run
    lines = check.stdout.splitlines()
    for line in expected(case):
        assert line in lines, f"{case}: missing\n{line}\nin\n{check.stdout}"
        assert f"ERROR   -  {line}" in build.stderr, f"{case}: the build does not say\n{line}"


def test_event_cases_report_nothing_else(event_cases_run):
    check, build = event_cases_run
    assert check.returncode == 1 and build.returncode == 1
    assert sorted(check.stdout.splitlines()) == sorted(line for case in EVENT_CASES for line in expected(case))
    assert "Traceback" not in check.stderr + build.stderr


@pytest.mark.parametrize("case", LIST_CASES)
def test_list_case_reports_exactly_its_errors(case, tmp_path):
    """Checked and built in this process (the event cases above go through both commands)."""
    project = _copy(tmp_path)
    lay_over(case, project)
    code, out = run_cli("--root", str(project.root), "check")
    built = build_here(project.root, strict=True)
    assert code == 1 and built.aborted
    assert [line for line in out.splitlines() if ": error: " in line] == expected(case)
    assert list(built.errors) == expected(case)
