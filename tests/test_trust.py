"""Trust the output: reproducible, no broken link, valid HTML, nothing lost, safe by construction."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ENV, REPO, Project, built
from tests.site_checks import broken_links, hardening_problems
from tests.story_invariants import story_problems

NODE_BIN = REPO / "node_modules/.bin"


def _build(checkout: Path, site: Path) -> None:
    built(Project(checkout, site_dir=site))


@pytest.fixture(scope="module")
def clone(example) -> Path:
    """The test story in a git checkout, as a clone of a published site is."""
    return example.root


@pytest.fixture(scope="module")
def site(example) -> Path:
    return example.site


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


LATER = 400 * 86400 + 3 * 3600 + 7  # another year, day, hour and second


def test_a_build_can_be_run_later(tmp_path):
    today = dt.date.today()
    run = subprocess.run(
        [sys.executable, str(REPO / "tests/later.py"), str(LATER), "-m", "calendar"], capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stdout.split()[0] == str((today + dt.timedelta(seconds=LATER)).year)


def test_two_builds_of_one_commit_are_byte_identical(clone, site, tmp_path):
    other = tmp_path / "elsewhere" / "repo"
    shutil.copytree(clone, other, ignore=shutil.ignore_patterns("site", ".cache"))
    second = tmp_path / "second-site"
    later = [sys.executable, str(REPO / "tests/later.py"), str(LATER), "-m", "mkdocs", "build", "--strict"]
    run = subprocess.run([*later, "--site-dir", str(second)], cwd=other, capture_output=True, text=True, env=ENV)
    assert run.returncode == 0, run.stderr
    first_files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    different = [str(p) for p in first_files if not filecmp.cmp(site / p, second / p, shallow=False)]
    assert different == []
    names = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "timeline.json", "feed.xml", "timeline.ics"}
    assert names | {"timeline/index.html"} <= {str(p) for p in first_files}


def test_every_internal_link_and_anchor_resolves(site, example):
    assert broken_links(site, urlsplit(example.base_url).path) == []


def test_linkinator_finds_no_broken_link_on_the_served_site(site):
    linkinator = NODE_BIN / "linkinator"
    if not linkinator.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("linkinator is not installed: run `npm ci` (.ci/run does)")
        pytest.skip("linkinator is not installed: run `npm ci`")
    run = subprocess.run(
        [str(linkinator), str(site), "--recurse", "--skip", r"^(?!http://localhost)", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(run.stdout)
    broken = [
        (link["url"], link["status"], link.get("parent")) for link in report["links"] if link["state"] == "BROKEN"
    ]
    assert broken == [] and run.returncode == 0, (broken, run.stderr[-2000:])
    followed = {link["url"].split("?")[0].rstrip("/") for link in report["links"] if link["state"] == "OK"}
    pages = {str(page.parent).rstrip("/") for page in _pages(site) if page.name == "index.html"}
    assert pages <= followed  # it reached every page, so it checked every page's links


# Errors the Nu Html Checker reports in Material for MkDocs' own markup, not ours.
KNOWN_MATERIAL_ERRORS = {
    # Material's drawer and search toggles are checkboxes with autocomplete="off", which it uses to stop
    # Firefox restoring their state; HTML allows autocomplete only on text-like inputs.
    "Attribute “autocomplete” is only allowed when the input type is",
    # Material's table-of-contents title is a <label for="__toc"> on pages where it renders no such toggle
    # (the TOC toggle exists only in the mobile drawer layout of pages with headings).
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}


def test_generated_pages_are_valid_html(site):
    vnu = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
    if not vnu.exists() or not shutil.which("java"):
        if os.environ.get("CI") == "true":
            pytest.fail("vnu-jar (npm ci) and Java are needed for the HTML check")
        pytest.skip("vnu-jar or Java is missing: run `npm ci` with Java installed")
    pages = [str(p) for p in _pages(site)]
    run = subprocess.run(
        ["java", "-jar", str(vnu), "--format", "json", "--errors-only", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not any(m["message"].startswith(k) for k in KNOWN_MATERIAL_ERRORS)
    ]
    assert errors == []


def test_nothing_in_timeline_is_lost_on_the_pages_in_search_or_the_exports(example):
    assert story_problems(example) == []


def test_every_page_has_a_policy_that_only_runs_the_sites_own_scripts(site, example):
    pages = _pages(site)
    assert len(pages) > 10
    assert [problem for page in pages for problem in hardening_problems(page, example.base_url)] == []


def test_renaming_a_published_event_needs_a_redirect(clone, tmp_path):
    work = tmp_path / "work"
    shutil.copytree(clone, work, ignore=shutil.ignore_patterns("site", ".cache"))
    old = "2026-03-09-blue-line-says-the-ferry-could-return"  # the test story's
    new = "2026-03-09-blue-line-hopes-to-restore-the-ferry"
    (work / f"timeline/events/{old}.yml").rename(work / f"timeline/events/{new}.yml")
    check = subprocess.run(
        [sys.executable, "-m", "timeline_core.cli", "--root", str(work), "check"], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert check.stdout.startswith(
        f"timeline/events/{old}.yml:1:1: error: the published event '{old}' was renamed "
        f"or deleted, which would break its permanent link (timeline/#{old}); add "
        f"'- {{from: {old}, to: <new id>}}' to timeline/redirects.yml"
    )
    explainer = work / "timeline/explainer.yml"
    explainer.write_text(explainer.read_text().replace(old, new))  # what the check then asks for
    redirects = work / "timeline/redirects.yml"
    redirects.write_text(redirects.read_text() + f"- from: {old}\n  to: {new}\n")
    check = subprocess.run(
        [sys.executable, "-m", "timeline_core.cli", "--root", str(work), "check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    _build(work, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/timeline/index.html").read_text(), "html.parser")
    assert page.find(id=old).find_parent("article").h4["id"] == new
