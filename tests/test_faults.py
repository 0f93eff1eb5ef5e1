"""No data fault raises: whatever a contributor breaks, every command answers with messages.

Each kind of data file of the test story is broken in several ways (invalid YAML, deleted,
emptied, an id renamed, binary bytes), and on each the real MkDocs build runs (in this process,
through MkDocs' own `load_config` and `build`, so a traceback fails the test) along with
`timeline check`, `coverage`, `new` and `export`. Every problem must come out as
`path:line:column: error: message`, and the build must still write every page, as
`mkdocs serve` needs to keep serving.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Project, build_here, copy_project, run_cli
from timeline_core.data.load import load_timeline

PROBLEM = re.compile(r"^[^\s:]+(:\d+){2}: error: \S.*$", re.S)
PAGES = (
    "index.html",
    "timeline/index.html",
    "entities/index.html",
    "glossary/index.html",
    "sources/index.html",
    "tags/index.html",
)


# --- ways to break a file --------------------------------------------------------------------


def invalid_yaml(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")


def deleted(path: Path) -> None:
    path.unlink()


def emptied(path: Path) -> None:
    path.write_text("", encoding="utf-8")


def binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4)


def id_renamed(path: Path) -> None:
    """An id changed where it is declared, so every reference to it is left dangling."""
    if path.parent.name in ("events", "seeds"):  # the file name is the id, or the archive's path
        path.rename(path.with_name("renamed-" + path.name))
        return
    text = path.read_text(encoding="utf-8")
    key = "to" if path.name == "redirects.yml" else "id"  # a redirect's target is the id it depends on
    renamed = re.sub(rf"^(\s*-?\s*{key}: )(\S+)", r"\1renamed-\2", text, count=1, flags=re.M)
    assert renamed != text, f"{path.name} declares no id"
    path.write_text(renamed, encoding="utf-8")


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "invalid-yaml": invalid_yaml,
    "deleted": deleted,
    "emptied": emptied,
    "binary": binary,
    "id-renamed": id_renamed,
}

# One file of each kind: an event that the Home page cites (a renamed or broken event must not
# take the Home page down with it), each list file, the explainer and an archived source.
DATA_FILES = (
    "timeline/events/2025-old-ferry-service-is-suspended.yml",
    "timeline/sources.yml",
    "timeline/entities.yml",
    "timeline/glossary.yml",
    "timeline/redirects.yml",
    "timeline/explainer.yml",
    "seeds/gazette-footbridge.txt",
)
CASES = [
    (rel, name)
    for rel in DATA_FILES
    for name in BREAKAGES
    if not (rel.startswith("seeds/") and name == "invalid-yaml")
    and not (rel.endswith("explainer.yml") and name == "id-renamed")
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine") / "repo").root


def _broken(pristine: Path, tmp_path: Path) -> Project:
    root = tmp_path / "repo"
    shutil.copytree(pristine, root, ignore=shutil.ignore_patterns("site", ".cache"))
    return Project(root)


def _assert_answers_with_messages(project: Project) -> list[str]:
    """Check, coverage, export and the build all finish; their problems are the same, well formed."""
    expected = [problem.format() for problem in load_timeline(project.root).problems]
    code, out = run_cli("--root", str(project.root), "check")
    assert code == (1 if expected else 0)
    assert [line for line in out.splitlines() if ": error: " in line] == expected
    assert all(PROBLEM.match(line) for line in expected), expected
    run_cli("--root", str(project.root), "coverage")
    code, out = run_cli(
        "--root",
        str(project.root),
        "new",
        "--title",
        "Another",
        "--date",
        "2026-03-12",
        "--source",
        "riverside-gazette-footbridge",
    )
    if code == 0:
        assert out.startswith("created "), out
    else:  # refused with a message; a file that cannot be read is named first, the way check names it
        lines = out.splitlines()
        assert lines[-1].startswith("error: ") and all(PROBLEM.match(line) for line in lines[:-1]), out
        if lines[:-1]:
            assert lines[:-1] == expected[: len(lines) - 1], out
    for scaffold in (project.root / "timeline/events").glob("2026-03-12-another.yml"):
        scaffold.unlink()  # the scaffold holds TODOs on purpose; it is not the fault under test
    code, out = run_cli("--root", str(project.root), "export", "--out", str(project.root / "exports"))
    assert code == (1 if expected else 0)  # nothing is exported from data with problems, and it says so
    assert ("not exported: fix the problems above first" in out) == bool(expected)
    built = build_here(project.root)
    assert list(built.errors) == expected
    for page in PAGES:  # `mkdocs serve` keeps serving: every page is still written
        assert (project.site / page).is_file(), page
    if expected:
        banner = project.page("timeline/index.html").select_one(".tl-problems")
        assert banner is not None and expected[0].split(": error: ")[1][:40] in " ".join(banner.get_text().split())
    return expected


@pytest.mark.parametrize("rel,breakage", CASES, ids=[f"{rel.rsplit('/', 1)[-1]}-{name}" for rel, name in CASES])
def test_a_broken_data_file_gives_messages_never_a_traceback(pristine, tmp_path, rel, breakage):
    project = _broken(pristine, tmp_path)
    BREAKAGES[breakage](project.root / rel)
    problems = _assert_answers_with_messages(project)
    # The explainer and the redirects are optional (the Home page is then a plain one); no other
    # file can go without leaving references behind.
    optional = rel.endswith(("explainer.yml", "redirects.yml")) and breakage in ("deleted", "emptied")
    assert bool(problems) != optional, problems


@pytest.mark.parametrize(
    "options",
    [
        "timeline: 5",
        "timeline: [events_per_page]",
        "timeline:\n    events_per_page: many",
        "timeline:\n    links_per_page: -3\n    events_per_page: 0",
        "timeline:\n    unknown_option: 1",
    ],
)
def test_a_broken_page_option_in_mkdocs_yml_is_a_message(pristine, tmp_path, options):
    project = _broken(pristine, tmp_path)
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"^  timeline:.*\n(?:    .*\n)*", text, re.M)
    config.write_text(text[: block.start()] + "  " + options + "\n" + text[block.end() :], encoding="utf-8")
    built = build_here(project.root, strict=True)
    assert built.aborted and built.errors
    for message in built.errors:
        assert PROBLEM.match(message) and message.startswith("mkdocs.yml:"), message
    assert (project.site / "timeline/index.html").is_file()


def test_a_yaml_error_is_named_first_and_alone_by_every_command(pristine, tmp_path):
    """sources.yml broken: not nineteen lines about what it holds, but its own line, first and once,
    and `new` names it instead of calling the source unknown."""
    project = _broken(pristine, tmp_path)
    sources = project.root / "timeline/sources.yml"
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = "  title: [broken\n"
    sources.write_text("".join(lines), encoding="utf-8")
    check = project.check()
    assert check.returncode == 1
    (line,) = check.stdout.splitlines()
    assert line.startswith("timeline/sources.yml:6:9: error: invalid YAML: did not find expected ',' or ']' (")
    assert "records in other files are left out while this file cannot be read: fix it, then check again)" in line
    new = project.cli("new", "--title", "T", "--date", "2026-03-12", "--source", "riverside-gazette-footbridge")
    assert new.returncode == 1
    assert new.stderr.splitlines() == [line, "error: timeline/sources.yml cannot be read (above); fix it first"]
    own = line.split(" (")[0]  # the file's own problem, without what it leaves out of the other files
    for command in (("quote", "riverside-gazette-footbridge", "council"), ("source", "rehash", "x")):
        run = project.cli(*command)  # the source commands read no other file: nothing there is left out
        assert run.returncode == 1, run.stderr
        assert run.stderr.splitlines() == [own, "error: timeline/sources.yml cannot be read (above); fix it first"]
