"""Search entries from the model: what the search index holds for our pages comes from the data,
not from Material parsing their HTML, and it is exactly what that parse would find.

The reference is the same pages built by a plain `mkdocs build` of `timeline pages` output (no
hooks, so Material parses every page), on the test story, the repository's own story and a
synthetic timeline split into period pages.
"""

from __future__ import annotations

import pytest

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project, build_here, built, copy_project
from tests.search_index import index_differences, parsed_index, search_index
from timeline_core.data.load import load_timeline


@pytest.fixture(scope="module")
def split_story(tmp_path_factory) -> Project:
    """60 synthetic events, at most 20 a page, so the timeline has an index and period pages."""
    project = Project(make_project(tmp_path_factory.mktemp("split") / "project", 60, config=TEST_CONFIG))
    project.set_option("events_per_page", 20)
    project.set_option("links_per_page", 15)
    return built(project)


@pytest.fixture(scope="module")
def bare_story(tmp_path_factory) -> Project:
    """The test story with an event that names no one and carries no tag or term (its card's meta
    line is empty), and a tag with a label: the index must say both as the parse does."""
    project = copy_project(tmp_path_factory.mktemp("bare") / "repo")
    project.write("timeline/tags.yml", "- id: ferry\n  label: Ferry & Boats\n")
    path = project.root / "timeline/events/2026-03-09-blue-line-says-the-ferry-could-return.yml"
    kept = [line for line in path.read_text().splitlines() if not line.startswith(("tags:", "entities:", "terms:"))]
    path.write_text("\n".join(kept) + "\n")
    return built(project)


@pytest.mark.parametrize("name", ["example", "lanterns", "story", "split_story", "bare_story"])
def test_the_index_holds_what_parsing_every_page_finds(name, request, tmp_path):
    project = request.getfixturevalue(name)
    ours = search_index(project.site)
    assert index_differences(ours, parsed_index(project, tmp_path)) == []
    events = {location.split("#")[1] for location in ours if location.startswith("timeline/") and "#" in location}
    assert events >= {event.id for event in load_timeline(project.root).timeline.events}  # under its permanent anchor


def test_material_never_parses_an_event_card_yet_finds_every_event(tmp_path, monkeypatch):
    from material.plugins.search import plugin as search

    fed: list[str] = []
    feed = search.Parser.feed
    monkeypatch.setattr(search.Parser, "feed", lambda parser, data: (fed.append(data), feed(parser, data))[1])
    project = copy_project(tmp_path / "repo")
    result = build_here(project.root, strict=True)
    assert not result.aborted, result.messages
    # embeds are kept out of search (their front matter): the page they embed is indexed
    pages = [p for p in (project.root / "site").rglob("index.html") if "embed" not in p.relative_to(project.root).parts]
    assert len(fed) == len(pages)  # every page was parsed once, without its event cards or archived texts
    assert not [html for html in fed if '<article class="tl-event' in html or 'class="tl-annotated' in html]
    index = search_index(project.root / "site")

    for event in load_timeline(project.root).timeline.events:
        entry = next(value for location, value in index.items() if location.endswith(f"#{event.id}"))
        assert entry[0] == event.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert all(" ".join(c.quote.split()) in entry[1] for c in event.citations if "&" not in c.quote)
