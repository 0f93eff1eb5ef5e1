"""Trust the output: reproducible, no broken link, valid HTML, nothing lost, safe by construction."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import REPO

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SOURCE_DATE_EPOCH", None)  # the build must find its date in git by itself
NODE_BIN = REPO / "node_modules/.bin"
BASE_PATH = "/happyhorse-timeline/"  # the path of site_url in mkdocs.yml


def _build(checkout: Path, site: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                         cwd=checkout, capture_output=True, text=True, env=ENV)
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the repository with its git history: the working tree as it is now."""
    target = tmp_path_factory.mktemp("clone") / "repo"
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", "test-output",
                                                                "__pycache__", ".pytest_cache", ".hypothesis"))
    return target


@pytest.fixture(scope="module")
def site(clone, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    _build(clone, out)
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_two_builds_of_one_commit_are_byte_identical(clone, site, tmp_path):
    other = tmp_path / "elsewhere" / "repo"
    shutil.copytree(clone, other)
    time.sleep(1.1)  # a later second, in another folder
    second = tmp_path / "second-site"
    _build(other, second)
    first_files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    different = [str(p) for p in first_files if not filecmp.cmp(site / p, second / p, shallow=False)]
    assert different == []
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "timeline.json", "feed.xml",
                 "timeline.ics", "timeline/index.html"):
        assert (site / name).exists()


def _targets(page: Path, site: Path):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for element in soup.find_all(["a", "link", "script", "img"]):
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value:
                yield element, value


def _ids(page: Path, cache: dict) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all(attrs={"name": True})}
    return cache[page]


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    cache: dict = {}
    for page in _pages(site):
        for _, value in _targets(page, site):
            parts = urlsplit(value)
            if parts.scheme in ("http", "https", "mailto", "data") or value.startswith("//"):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):  # 404.html links from the site's root path, as set by site_url
                path = str(site) + "/" + path.removeprefix(BASE_PATH)
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {value} (no file)")
                continue
            if parts.fragment and target.suffix == ".html" and not parts.fragment.startswith(":~:"):
                if unquote(parts.fragment) not in _ids(target, cache):
                    broken.append(f"{page.relative_to(site)}: {value} (no anchor)")
    assert broken == []


def test_linkinator_finds_no_broken_link_on_the_served_site(site):
    linkinator = NODE_BIN / "linkinator"
    if not linkinator.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("linkinator is not installed: run `npm ci` (.ci/run does)")
        pytest.skip("linkinator is not installed: run `npm ci`")
    run = subprocess.run([str(linkinator), str(site), "--recurse", "--skip", r"^(?!http://localhost)",
                          "--format", "json"], capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)
    broken = [(link["url"], link["status"], link.get("parent")) for link in report["links"] if link["state"] == "BROKEN"]
    assert broken == [] and run.returncode == 0, (broken, run.stderr[-2000:])
    assert len([link for link in report["links"] if link["state"] == "OK"]) > 30  # distinct URLs it followed


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
    run = subprocess.run(["java", "-jar", str(vnu), "--format", "json", "--errors-only", *pages],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error" and not any(m["message"].startswith(k) for k in KNOWN_MATERIAL_ERRORS)]
    assert errors == []


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _text(page: Path) -> str:
    return " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())


def _folded(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def test_nothing_in_timeline_is_lost_on_the_pages_or_in_search(clone, site):
    data = clone / "timeline"
    events = {p.stem: _yaml(p) for p in sorted((data / "events").glob("*.yml"))}
    entities, terms, sources = _yaml(data / "entities.yml"), _yaml(data / "glossary.yml"), _yaml(data / "sources.yml")
    timeline = BeautifulSoup((site / "timeline/index.html").read_text(), "html.parser")
    search = json.loads((site / "search/search_index.json").read_text())
    search_text = _folded(" ".join(doc["title"] + " " + doc["text"] for doc in search["docs"]))
    for ident, event in events.items():
        heading = timeline.find(id=ident)
        assert heading is not None and heading.name == "h4", ident
        article = _folded(heading.find_parent("article").get_text(" "))
        for citation in event["citations"]:
            assert _folded(citation["quote"]) in article, (ident, citation["quote"][:40])
        assert _folded(event["title"]) in search_text, ident
    for entity in entities:
        page = site / "entities" / entity["id"] / "index.html"
        text = _folded(_text(page))
        assert _folded(entity["name"]) in text
        for citation in entity["citations"]:
            assert _folded(citation["quote"]) in text
        assert _folded(entity["name"]) in search_text
    glossary = BeautifulSoup((site / "glossary/index.html").read_text(), "html.parser")
    for term in terms:
        section = glossary.find(id=term["id"]).find_parent("section")
        for citation in term.get("citations", []):
            assert _folded(citation["quote"]) in _folded(section.get_text(" "))
        assert _folded(term["term"]) in search_text
    for source in sources:
        assert (site / "sources" / source["id"] / "index.html").exists()
        assert (site / source["archive"]).read_bytes() == (clone / source["archive"]).read_bytes()
    citations = sum(len(e["citations"]) for e in events.values())
    assert len(timeline.select(".tl-citations > li")) == citations


def test_every_page_has_a_policy_that_only_runs_the_sites_own_scripts(site):
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None, page
        directives = dict(d.strip().split(" ", 1) for d in policy["content"].split(";"))
        assert "'unsafe-inline'" not in directives["script-src"] and directives["script-src-attr"] == "'none'"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I), f"inline handler in {page}"
        for link in soup.find_all("a", href=re.compile(r"^https?://")):
            if not link["href"].startswith("https://example.org/happyhorse-timeline/"):
                assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (page, link["href"])


def test_renaming_a_published_event_needs_a_redirect(clone, tmp_path):
    work = tmp_path / "work"
    shutil.copytree(clone, work)
    old = "2026-04-10-openai-discontinues-sora"
    new = "2026-04-10-openai-announces-end-of-sora"
    (work / f"timeline/events/{old}.yml").rename(work / f"timeline/events/{new}.yml")
    check = subprocess.run([sys.executable, "-m", "timeline_core.cli", "--root", str(work), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 1
    assert check.stdout.startswith(f"timeline/events/{old}.yml:1:1: error: the published event '{old}' was renamed "
                                   f"or deleted, which would break its permanent link (timeline/#{old}); add "
                                   f"'- {{from: {old}, to: <new id>}}' to timeline/redirects.yml")
    explainer = work / "timeline/explainer.yml"
    explainer.write_text(explainer.read_text().replace(old, new))  # what the check then asks for
    redirects = work / "timeline/redirects.yml"
    redirects.write_text(redirects.read_text().replace("[]", f"- from: {old}\n  to: {new}"))
    check = subprocess.run([sys.executable, "-m", "timeline_core.cli", "--root", str(work), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    _build(work, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/timeline/index.html").read_text(), "html.parser")
    assert page.find(id=old).find_parent("article").h4["id"] == new
