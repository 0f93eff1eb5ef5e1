"""The same site from other builders: `timeline pages` for any builder, `timeline harden` after it,
ProperDocs (a drop-in for MkDocs 1.x, hooks and all) and Zensical (which runs no hooks).

ProperDocs and Zensical are the `builders` dependency group: `uv sync --group builders` installs
them, and .ci/run does, so CI builds with each. Elsewhere their tests are skipped, saying why.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import Project, files_in
from tests.site_checks import broken_links, hardening_problems
from timeline_core.data.load import load_timeline

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{module} is not installed: run `uv sync --group builders` (.ci/run does)")
        pytest.skip(f"{module} is not installed: `uv sync --group builders` adds it")


def _pages_of(project: Project, out: Path, builder: str = "mkdocs") -> subprocess.CompletedProcess:
    return project.cli("pages", "--out", str(out), "--builder", builder)


def _content_checks(site: Path, project: Project) -> list[str]:
    """What every builder's site must hold: each event, quote, glossary entry, tag page and export."""
    timeline = load_timeline(project.root).timeline
    wrong = []
    page = BeautifulSoup((site / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.get_text(" ").split())
    for event in timeline.events:
        if page.find(id=event.id) is None:
            wrong.append(f"timeline: no anchor {event.id}")
        wrong += [
            f"timeline: no quote {c.quote[:40]}" for c in event.citations if " ".join(c.quote.split()) not in text
        ]
    glossary = BeautifulSoup((site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    wrong += [f"glossary: no entry {t.id}" for t in timeline.terms if glossary.find(id=t.id) is None]
    tags = {tag for event in timeline.events for tag in event.tags}
    wrong += [f"no page for tag {tag}" for tag in sorted(tags) if not (site / f"tags/{tag}/index.html").exists()]
    exports = ("timeline.json", "timeline.schema.json", "timeline.csv", "feed.xml", "timeline.ics", "timelinejs.json")
    wrong += [f"no export {name}" for name in exports if not (site / name).exists()]
    return wrong


def test_pages_writes_what_a_build_needs_and_a_build_without_hooks_matches(example, tmp_path):
    out = tmp_path / "input"
    run = _pages_of(example, out)
    assert run.returncode == 0, run.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert "hooks" not in config and "watch" not in config and config["docs_dir"] == "docs"
    assert (out / "docs/timeline.md").exists() and (out / "docs/stylesheets/timeline.css").exists()
    plain = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=out,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert plain.returncode == 0, plain.stderr
    site = tmp_path / "site"
    assert _content_checks(site, example) == []
    assert broken_links(site, urlsplit(example.base_url).path) == []
    hooked = files_in(example.site)
    for name in ("timeline.json", "timeline.csv", "feed.xml", "timeline.ics", "timelinejs.json"):
        assert (site / name).read_bytes() == hooked[name], name  # the same code made both
    pages = {p for p in files_in(site) if p.endswith(".html")}
    assert pages == {p for p in hooked if p.endswith(".html")}


def test_pages_rewrites_only_what_changed_and_removes_what_is_gone(project, tmp_path):
    out = tmp_path / "input"
    first = _pages_of(project, out)
    assert first.returncode == 0, first.stderr
    again = _pages_of(project, out)
    assert "wrote" in again.stdout and " 0 files changed" in again.stdout
    before = {p: p.stat().st_mtime_ns for p in (out / "docs").rglob("*") if p.is_file()}
    event = project.root / "timeline/events/2026-03-06-residents-speculate-about-the-contract.yml"
    event.write_text(event.read_text().replace("title: Residents speculate", "title: Some residents speculate"))
    edited = _pages_of(project, out)
    changed = {p for p, mtime in before.items() if p.exists() and p.stat().st_mtime_ns != mtime}
    assert out / "docs/timeline.md" in changed and out / "docs/stylesheets/timeline.css" not in changed
    assert len(changed) < len(before) / 2  # what the title is not on was left alone
    assert edited.returncode == 0 and " 0 removed" in edited.stdout
    redirects = project.root / "timeline/redirects.yml"  # a tag that no event has any more loses its page
    tag = sorted(p.stem for p in (out / "docs/tags").glob("*.md") if p.stem != "index")[-1]
    for path in (project.root / "timeline/events").glob("*.yml"):
        path.write_text(path.read_text().replace(f", {tag}]", "]").replace(f"[{tag}, ", "[").replace(f"[{tag}]", "[]"))
    gone = _pages_of(project, out)
    pages = (f"docs/tags/{tag}.md", f"docs/embed/tags/{tag}.md", f"docs/oembed-tags-{tag}.json")  # and its embed
    assert not any((out / page).exists() for page in pages) and " 3 removed" in gone.stdout, (tag, gone.stdout)
    assert redirects.exists()


def test_harden_adds_the_policy_and_safe_links_once(example, tmp_path):
    out = tmp_path / "input"
    assert _pages_of(example, out).returncode == 0
    site = tmp_path / "site"
    build = subprocess.run([str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(site)], cwd=out, env=ENV)
    assert build.returncode == 0
    pages = sorted(site.rglob("*.html"))
    assert not [page for page in pages if "Content-Security-Policy" in page.read_text()]  # no hooks ran
    for _ in range(2):  # hardening twice gives the same pages
        run = example.cli("harden", str(site))
        assert run.returncode == 0, run.stderr
    assert [problem for page in pages for problem in hardening_problems(page, example.base_url)] == []
    hooked = {str(p.relative_to(example.site)) for p in example.site.rglob("*.html")}
    assert {str(p.relative_to(site)) for p in pages} == hooked  # every page was there to harden


STORIES = ["example", "story"]  # the test story, and the repository's own (checked only by what its data says)


@pytest.mark.parametrize("which", STORIES)
def test_properdocs_builds_the_same_site_as_mkdocs_hooks_and_all(which, request, tmp_path):
    _require("properdocs")
    example = request.getfixturevalue(which)
    site = tmp_path / "properdocs-site"
    run = subprocess.run(
        [str(BIN / "properdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=example.root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    ours, theirs = files_in(example.site), files_in(site)
    assert sorted(theirs) == sorted(ours)
    different = [
        name
        for name in ours
        if generator.sub(b"", ours[name]) != generator.sub(b"", theirs[name]) and not name.endswith(".gz")
    ]
    assert different == []  # byte for byte, but for the generator's name


@pytest.mark.parametrize("which", STORIES)
def test_zensical_builds_the_site_from_pages(which, request, tmp_path):
    _require("zensical")
    example = request.getfixturevalue(which)
    out = tmp_path / "input"
    assert _pages_of(example, out, "zensical").returncode == 0
    run = subprocess.run([str(BIN / "zensical"), "build"], cwd=out, env=ENV, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    site = out / "site"
    assert _content_checks(site, example) == []
    assert broken_links(site, urlsplit(example.base_url).path) == []
    harden = example.cli("harden", str(site))
    assert harden.returncode == 0
    assert [problem for page in site.rglob("*.html") for problem in hardening_problems(page, example.base_url)] == []
    assert json.loads((site / "timeline.json").read_text())["events"]


def test_pages_watch_writes_again_when_an_event_changes(project, tmp_path):
    out = tmp_path / "input"
    watcher = subprocess.Popen(
        [sys.executable, "-m", "timeline_core.cli", "--root", str(project.root), "pages", "--out", str(out), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = out / "docs/timeline.md"
        for _ in range(300):  # the first write
            if page.exists():
                break
            time.sleep(0.1)
        event = next((project.root / "timeline/events").glob("2026-03-09-blue-line*.yml"))
        event.write_text(event.read_text().replace("title: Blue Line says", "title: Blue Line now says"))
        for _ in range(300):
            if "Blue Line now says" in page.read_text():
                break
            time.sleep(0.1)
        assert "Blue Line now says" in page.read_text()
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
