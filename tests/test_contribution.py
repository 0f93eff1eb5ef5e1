"""Proof that contributions check themselves: a valid pull request, or a whole other story, passes.

A copy of the repository gets what a contributor's pull request would add (a new source archived
with `timeline source add`, an event citing it and a source already there, a new entity, glossary
term and tag);
another copy has its story replaced by the test story. Each must pass `timeline check`,
`mkdocs build --strict` and every story invariant, with no test edited.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import EXAMPLE_STORY, REPO, STORY_PARTS, Project, built, copy_project
from tests.story_invariants import story_problems
from timeline_core.data.load import load_timeline

NEW_ARCHIVE = """\
Analysts at Northgate Research said on 2 December 2026 that the story had drawn wide attention.
Northgate Research described such follow-up reviews as routine.
"""


def _append_entries(path: Path, entries: str) -> None:
    """Add records to a list file, as a contributor does: after the last one, or in place of `[]`."""
    text = path.read_text(encoding="utf-8")
    if re.search(r"^\[\]\s*$", text, re.M):
        text = re.sub(r"^\[\]\s*$", entries.rstrip("\n"), text, count=1, flags=re.M)
    else:
        text = text.rstrip("\n") + "\n\n" + entries
    path.write_text(text, encoding="utf-8")


def _a_quote_of(project: Project) -> tuple[str, str, bool]:
    """A passage of a source already in the story (its first words of its longest line), and
    whether it is in another language than the story's (then it needs a translation)."""
    timeline = load_timeline(project.root).timeline
    source = timeline.sources[0]
    lines = (project.root / source.archive).read_text(encoding="utf-8").splitlines()
    words = max(lines, key=len).split()
    return source.id, " ".join(words[:8]), _foreign(source.language, timeline.language)


def _foreign(language: str | None, story: str) -> bool:
    return language is not None and language.split("-")[0] != story.split("-")[0]


def _translated(quote: str, foreign: bool, indent: str) -> str:
    """A citation's quote, with the translation a story in another language asks for. The
    contribution's texts are English whatever the story's language, so its 'translation' is the
    quote itself, credited to a machine: what matters here is that the story's rules hold."""
    line = f"{indent}quote: {json.dumps(quote, ensure_ascii=False)}\n"
    if foreign:
        line += f"{indent}translation: {json.dumps(quote, ensure_ascii=False)}\n{indent}translated_by: machine\n"
    return line


def _unused_suffix(project: Project) -> str:
    """'' unless the story already holds this contribution's ids (it was merged): then '-2', '-3' …"""
    timeline = load_timeline(project.root).timeline
    taken = {s.id for s in timeline.sources} | {e.id for e in timeline.entities} | {t.id for t in timeline.terms}
    number = 1
    while any(
        f"{ident}{'' if number == 1 else f'-{number}'}" in taken
        for ident in ("northgate-follow-up", "northgate-research", "follow-up-review")
    ):
        number += 1
    return "" if number == 1 else f"-{number}"


class Contribution(NamedTuple):
    event: str
    source: str
    entity: str
    term: str
    tag: str


def contribute(project: Project) -> Contribution:
    """Lay a valid contribution over any story; return the ids it adds. Its texts are English, in
    the words of its quotes, so that they say what the quotes say in any story's language."""
    other_source, other_quote, other_foreign = _a_quote_of(project)
    foreign = _foreign("en", load_timeline(project.root).timeline.language)  # the contribution is English
    n = _unused_suffix(project)
    saved = project.root.parent / "saved-from-the-browser.txt"  # as a contributor saves a page's text
    saved.write_text(NEW_ARCHIVE, encoding="utf-8")
    added = project.cli(
        *("source", "add", str(saved), "--id", f"northgate-follow-up{n}", "--title", "Analysts review the story"),
        *("--publisher", "Northgate Research", "--url", f"https://northgate.example/notes/follow-up{n}"),
        *("--published", "2026-12-03", "--accessed", "2026-12-04", "--language", "en"),
    )
    assert added.returncode == 0, added.stderr
    _append_entries(
        project.root / "timeline/entities.yml",
        f"""\
- id: northgate-research{n}
  name: Northgate Research
  kind: organization
  description: Northgate Research analysts said the story had drawn wide attention.
  citations:
    - source: northgate-follow-up{n}
{_translated(NEW_ARCHIVE.splitlines()[0], foreign, "      ")}""",
    )
    _append_entries(
        project.root / "timeline/glossary.yml",
        f"""\
- id: follow-up-review{n}
  term: follow-up review
  definition: Northgate Research described such follow-up reviews as routine.
  basis: cited
  citations:
    - source: northgate-follow-up{n}
{_translated("Northgate Research described such follow-up reviews as routine.", foreign, "      ")}""",
    )
    ident = f"2026-12-02-analysts-review-the-story{n}"
    project.write(
        f"timeline/events/{ident}.yml",
        f"""\
title: Analysts review the story
date: 2026-12-02
date_basis: stated
status: reported
summary: Analysts at Northgate Research say the story has drawn wide attention, in a follow-up review.
tags: [follow-up]
entities: [northgate-research{n}]
terms: [follow-up-review{n}]
citations:
  - source: northgate-follow-up{n}
{_translated(NEW_ARCHIVE.splitlines()[0], foreign, "    ")}\
  - source: {other_source}
{_translated(other_quote, other_foreign, "    ")}""",
    )
    return Contribution(ident, f"northgate-follow-up{n}", f"northgate-research{n}", f"follow-up-review{n}", "follow-up")


def replace_story(project: Project, story: Path) -> None:
    for part in STORY_PARTS:
        shutil.rmtree(project.root / part)
        shutil.copytree(story / part, project.root / part)


@pytest.fixture(scope="module")
def contributed(tmp_path_factory) -> tuple[Project, Contribution]:
    project = copy_project(tmp_path_factory.mktemp("contributed") / "repo", story=REPO)
    added = contribute(project)
    return built(project), added


def test_a_valid_contribution_passes_the_check_the_build_and_every_invariant(contributed):
    project, added = contributed
    assert story_problems(project) == []
    event = project.page("timeline/index.html").find(id=added.event)
    if event is None:  # a long timeline: the event map says where it is
        pages = json.loads((project.site / "timeline/event-pages.json").read_text())
        event = project.page("timeline/" + pages[added.event].split("#")[0] + "index.html").find(id=added.event)
    sources = {
        a["href"].rsplit("#", 1)[1]
        for a in event.find_parent("article").select(".tl-cite-source a")
        if a["href"].split("#")[0].endswith("sources/")
    }
    assert len(sources) == 2 and added.source in sources
    assert (project.site / f"tags/{added.tag}/index.html").exists()
    assert (project.site / f"entities/{added.entity}/index.html").exists()
    assert project.page("glossary/index.html").find(id=added.term) is not None


def test_another_story_with_a_contribution_passes_too(tmp_path):
    project = copy_project(tmp_path / "repo", story=REPO)
    replace_story(project, EXAMPLE_STORY)
    contribute(project)
    built(project)
    assert story_problems(project) == []
    text = project.page("timeline/index.html").get_text()
    story_title = load_timeline(REPO).timeline.events[0].title
    assert story_title not in text  # nothing of the replaced story is left


def test_the_invariants_catch_what_a_broken_site_loses(contributed, tmp_path):
    """The invariants can fail: a site with an event gone from a page and an export is caught."""
    project, added = contributed
    ident = added.event
    broken = Project(project.root, site_dir=tmp_path / "site")
    shutil.copytree(project.site, broken.site)
    data = json.loads((broken.site / "timeline.json").read_text())
    data["events"] = [e for e in data["events"] if e["id"] != ident]
    (broken.site / "timeline.json").write_text(json.dumps(data))
    tag = broken.site / f"tags/{added.tag}/index.html"
    tag.write_text(tag.read_text().replace(f"#{ident}", "#elsewhere"))
    problems = story_problems(broken)
    assert any(p.startswith("every_export_holds_every_event_once: timeline.json holds") for p in problems)
    assert any(
        p.startswith(f"every_event_is_listed_on_its_entity_tag_and_source_pages: tags/{added.tag}/") for p in problems
    ), problems
