"""Shared fixtures: throw-away projects to break, check and build, and sites built once per run.

Code tests run on the test story in tests/stories/riverside/ (made up, so its ids and titles
can be named); only the story invariants read the repository's own story, and they read it as
data, never as literals.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from timeline_core import cli
from timeline_core.model.quotes import checksum

# Some machines set PYTHONDONTWRITEBYTECODE: then every build a test starts compiles MkDocs, Material,
# trafilatura and our code again, about a second each time and minutes over the suite. The tests
# keep compiled imports (in __pycache__, which git ignores) so that each process after the first
# reuses them.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

REPO = Path(__file__).resolve().parent.parent
STORIES = REPO / "tests" / "stories"
EXAMPLE_STORY = STORIES / "riverside"
LANTERNS_STORY = STORIES / "lanterns"  # sources in Chinese, Japanese, German, Arabic and English
GENERATOR_PARTS = ("docs", "hooks", "schemas")  # the site generator, story-free
STORY_PARTS = ("timeline", "seeds")  # one story's data and archived sources
# The test stories' own mkdocs.yml: a copy never takes the repository's, whose name, address and
# language are its story's (a newsroom's fork may be in German).
TEST_CONFIG = STORIES / "mkdocs.yml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SOURCE_DATE_EPOCH", None)  # a build finds its date in git by itself
COMMIT_DATE = "2026-05-02T12:00:00Z"  # when the test story's git history says it was committed


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: `!ENV [NAME, default]` is the variable, or its default."""


def _env_tag(loader: _ConfigLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(root: Path) -> dict:
    """A project's mkdocs.yml, so tests use its values instead of writing them a second time."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def timeline(*args: str) -> subprocess.CompletedProcess:
    """The `timeline` command, run in this process with no input: what it prints, and its exit code.

    A process of its own costs a second of imports per run, over a hundred runs; here an exception
    the command lets escape fails the test with its traceback, as it would show one to a person.
    tests/test_cli.py and tests/test_init.py start it as a person does, and find the same output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _no_input():
        try:
            code = cli.main(list(args))
        except SystemExit as stop:  # argparse's usage errors, and sys.exit("message")
            if isinstance(stop.code, str):
                print(stop.code, file=err)
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return subprocess.CompletedProcess(["timeline", *args], code or 0, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _no_input():
    stdin = sys.stdin
    sys.stdin = io.StringIO()
    try:
        yield
    finally:
        sys.stdin = stdin


@dataclass
class Project:
    root: Path
    site_dir: Path | None = None  # where the site was built, when not in root/site

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def write_archive(self, rel: str, text: str) -> Path:
        """Write an archived source anew and record its checksum in its sources.yml entry, as
        `timeline source rehash` does."""
        path = self.write_bytes(rel, text.encode("utf-8"))
        sources = self.root / "timeline/sources.yml"
        entries = sources.read_text(encoding="utf-8")
        at = entries.index(f"archive: {rel}\n")
        old = entries[at:].split("sha256: ", 1)[1].split()[0]
        sources.write_text(entries[:at] + entries[at:].replace(old, checksum(text), 1), encoding="utf-8")
        return path

    def set_option(self, name: str, value: object) -> None:
        """Set `extra.timeline.<name>` in this copy's mkdocs.yml, keeping the other options."""
        config = self.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        options = {**(read_config(self.root).get("extra", {}).get("timeline") or {}), name: value}
        block = "  timeline:\n" + "".join(f"    {key}: {option}\n" for key, option in options.items())
        found = re.search(r"^  timeline:.*\n(?:    .*\n)*", text, re.M)
        assert found, "mkdocs.yml has no `timeline:` under `extra:`"
        config.write_text(text[: found.start()] + block + text[found.end() :], encoding="utf-8")
        assert read_config(self.root)["extra"]["timeline"][name] == value

    def check(self, *args: str) -> subprocess.CompletedProcess:
        """Run `timeline check` as a contributor would (in this process: see `timeline`)."""
        return timeline("--root", str(self.root), "check", *args)

    def errors(self) -> list[str]:
        """The lines of `timeline check` that report an error, as a contributor reads them."""
        return [line for line in self.check().stdout.splitlines() if ": error: " in line]

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """Run any `timeline` command on this project (in this process: see `timeline`)."""
        return timeline("--root", str(self.root), *args)

    def build(self, *args: str, strict: bool = True) -> subprocess.CompletedProcess:
        """Run a real `mkdocs build` (strict unless asked otherwise) on this copy."""
        flags = ["--strict"] if strict else []
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *flags, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=ENV,
        )

    def commit(self, date: str = COMMIT_DATE) -> None:
        """Give the copy a git history of one commit, as a clone of a published site has."""
        stamp = {
            "GIT_COMMITTER_DATE": date,
            "GIT_AUTHOR_DATE": date,
            "PATH": os.environ["PATH"],
            "HOME": str(self.root),
        }
        for command in (
            ["init", "-q"],
            ["add", "-A"],
            ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "x"],
        ):
            subprocess.run(["git", *command], cwd=self.root, check=True, env=stamp)

    def commit_all(self, day: str, message: str) -> str:
        """Commit every change on `day` (starting the history if there is none) with `message`, which
        may end with trailers ("Correction: …"); the commit's id."""
        stamp = {
            "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
            "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
            "PATH": os.environ["PATH"],
            "HOME": str(self.root),
        }
        if not (self.root / ".git").exists():
            subprocess.run(["git", "init", "-q"], cwd=self.root, check=True, env=stamp)
        subprocess.run(["git", "add", "-A"], cwd=self.root, check=True, env=stamp)
        user = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
        subprocess.run(["git", *user, "commit", "-q", "-m", message], cwd=self.root, check=True, env=stamp)
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=self.root, check=True, capture_output=True, text=True)
        return head.stdout.strip()

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace the first `old` in a file with `new` (which must be there: a test edits what it knows)."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    @property
    def site(self) -> Path:
        return self.site_dir or self.root / "site"

    @cached_property
    def config(self) -> dict:
        return read_config(self.root)

    @property
    def base_url(self) -> str:
        """Where the site lives, from site_url in mkdocs.yml."""
        return self.config["site_url"].rstrip("/") + "/"

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / rel).read_text(encoding="utf-8"), "html.parser")


@dataclass(frozen=True)
class Built:
    aborted: bool  # strict mode stopped the build
    errors: tuple[str, ...]  # what the hooks logged as errors


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "mkdocs.hooks.timeline":
            self.messages.append(record.getMessage())


def build_here(root: Path, *, strict: bool = False, site_dir: Path | None = None, prepare=None) -> Built:
    """A real `mkdocs build` in this process: MkDocs' own config loading and build, nothing mocked
    but what `prepare` does to the loaded config (its plugins, the hooks module among them)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    environ = dict(os.environ)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    aborted = False
    try:
        config = load_config(
            str(root / "mkdocs.yml"), strict=strict, **({"site_dir": str(site_dir)} if site_dir else {})
        )
        if prepare is not None:
            prepare(config)
        build(config)
    except Abort:
        aborted = True
    finally:
        logger.removeHandler(collect)
        os.environ.clear()
        os.environ.update(environ)  # the hooks date the build through the environment
    return Built(aborted, tuple(collect.messages))


def files_in(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in it, with its bytes: two builds compared whole."""
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def run_cli(*args: str) -> tuple[int, str]:
    """A `timeline` command in this process, so that any exception fails the test."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(list(args))
    return code, out.getvalue()


def copy_project(root: Path, story: Path = EXAMPLE_STORY) -> Project:
    """This repository's site generator with a story's data: the test story unless told otherwise,
    configured by the tests' own mkdocs.yml (English, its own name and address).

    Pass `story=REPO` for the repository's own story. Git history is not copied (see `commit`).
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(TEST_CONFIG, root / "mkdocs.yml")
    for parts, base in ((GENERATOR_PARTS, REPO), (STORY_PARTS, story)):
        for part in parts:
            source = base / part
            if source.is_dir():
                shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, root / part)
    return Project(root)


def built(project: Project) -> Project:
    """Build a project strictly, failing the test with MkDocs' output if the build fails."""
    run = project.build(*(["--site-dir", str(project.site_dir)] if project.site_dir else []))
    assert run.returncode == 0, run.stderr
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the generator with the test story, safe to modify."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def example(tmp_path_factory) -> Project:
    """The test story with a git history, built once for every test that only reads the site."""
    project = copy_project(tmp_path_factory.mktemp("example") / "repo")
    project.commit()
    return built(project)


@pytest.fixture
def lanterns_project(tmp_path: Path) -> Project:
    """A copy of the generator with the story in several languages (tests/stories/lanterns), safe to modify."""
    return copy_project(tmp_path, LANTERNS_STORY)


@pytest.fixture(scope="session")
def lanterns(tmp_path_factory) -> Project:
    """The story in several languages, built once for every test that only reads the site."""
    project = copy_project(tmp_path_factory.mktemp("lanterns") / "repo", LANTERNS_STORY)
    project.commit()
    return built(project)


READER_LANGUAGES = ("de", "zh", "ar")  # the languages with a catalog besides English


def in_language(project: Project, language: str) -> Project:
    """The project's site in a reader's language: Material's own `theme.language`."""
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", f"  language: {language}\n", 1))
    return project


@pytest.fixture(scope="session")
def in_reader_language(tmp_path_factory):
    """A test story's site (riverside or lanterns) in a reader's language, each built once."""
    made: dict[tuple[str, str], Project] = {}

    def make(story: str, language: str) -> Project:
        if (story, language) not in made:
            root = tmp_path_factory.mktemp(f"{story}-{language}") / "repo"
            project = in_language(copy_project(root, STORIES / story), language)
            project.commit()
            made[story, language] = built(project)
        return made[story, language]

    return make


@pytest.fixture(scope="session")
def story(tmp_path_factory) -> Project:
    """The repository's own story (data, history and all), built once for the story invariants."""
    return built(Project(REPO, site_dir=tmp_path_factory.mktemp("story") / "site"))


@pytest.fixture
def empty_project(project: Project) -> Project:
    """The copy with no events, and one source whose archive is short and known."""
    shutil.rmtree(project.root / "timeline" / "events")
    (project.root / "timeline" / "events").mkdir()
    (project.root / "timeline" / "explainer.yml").unlink()
    archive = project.write(
        "seeds/example.txt",
        """
        The Example Company said on Monday that its model is ready.
        Critics called the “launch” rushed — but sales rose 5%.
        """,
    )
    project.write(
        "timeline/sources.yml",
        f"""
        - id: example
          title: Example news
          publisher: Example Press
          url: https://example.com/news
          published: 2026-04-06
          accessed: 2026-04-07
          archive: seeds/example.txt
          sha256: {checksum(archive.read_text(encoding="utf-8"))}
        """,
    )
    project.write(
        "timeline/entities.yml",
        """
        - id: example-co
          name: Example Company
          kind: organization
          description: A company.
          citations:
            - source: example
              quote: The Example Company said
        """,
    )
    project.write("timeline/glossary.yml", "[]\n")
    project.write("timeline/redirects.yml", "[]\n")
    return project


# What makes a test slow: a real site built (a session's shared builds count for the tests that read
# them) or a browser. `uv run pytest -m "not slow"` leaves them out: an answer in under a minute.
BUILT_FIXTURES = frozenset({"example", "lanterns", "in_reader_language", "story", "built", "site", "corrected"})
SLOW_MODULES = frozenset(
    {
        "test_any_story",
        "test_build",
        "test_builders",
        "test_changes",
        "test_contribution",
        "test_faults",
        "test_feed_size",
        "test_hostile",
        "test_init",
        "test_malformed",
        "test_memo",
        "test_properties",
        "test_public_record",
        "test_scale",
        "test_search",
        "test_serve",
        "test_source_add",
        "test_story",
        "test_twocores",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.nodeid.split("::")[0]
        name = Path(module).stem
        builds = BUILT_FIXTURES & set(getattr(item, "fixturenames", ()))
        if module.startswith("tests/browser/") or name in SLOW_MODULES or builds:
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the time spent in browser tests and in the rest, summed over all workers."""
    spent = {"browser": 0.0, "other": 0.0}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) and hasattr(report, "duration") and hasattr(report, "nodeid"):
                spent["browser" if report.nodeid.startswith("tests/browser/") else "other"] += report.duration
    terminalreporter.write_line(
        f"test time, summed over workers: {spent['other']:.1f} s without the browser, "
        f"{spent['browser']:.1f} s in the browser"
    )
