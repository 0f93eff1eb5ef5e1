"""The repository's story holds every invariant of a story (tests/story_invariants.py).

Nothing here names an id, a title or a count of the story: a valid contribution, or another
story altogether, passes these tests unchanged. What must never disappear from the story (a
published event's permanent link) is guarded by the data itself: `timeline check` refuses a
deleted or renamed event unless timeline/redirects.yml says where it went.
"""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import TEST_CONFIG, read_config
from tests.story_invariants import CHECKS, BuiltSite


@pytest.fixture(scope="module")
def site(story) -> BuiltSite:
    return BuiltSite(story)


def test_the_story_passes_the_check_and_is_fully_covered(story):
    """The check names each problem in one line (an unaccounted sentence of the story's own
    article among them), and that line is all a failure here shows."""
    check = story.check()
    assert check.stdout == "", check.stdout
    assert check.returncode == 0 and check.stderr.startswith("ok: ")
    coverage = story.cli("coverage", "--fail-under", "100")
    assert coverage.returncode == 0, coverage.stderr


def test_the_model_holds_every_record_of_the_data_files(site):
    """Nothing is dropped on the way from the files to the model the invariants read."""
    data = site.data / "timeline"
    assert sorted(e.id for e in site.timeline.events) == sorted(p.stem for p in (data / "events").glob("*.yml"))
    for name, records in (("sources", site.timeline.sources), ("entities", site.timeline.entities)):
        assert [r.id for r in records] == [r["id"] for r in yaml.safe_load((data / f"{name}.yml").read_text())]
    assert (site.timeline.explainer is not None) == (data / "explainer.yml").exists()


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_story_holds(check, site):
    assert check(site) == []


def _names(entries: list) -> set[str]:
    """The names of a config list whose items are names or one-key mappings (plugins, extensions)."""
    return {next(iter(entry)) if isinstance(entry, dict) else entry for entry in entries or []}


def test_the_site_is_wired_to_the_generator_as_the_tests_build_it(story):
    """The code tests build their stories with tests/stories/mkdocs.yml, never the site's own
    mkdocs.yml (whose name, address and language are its story's): so the site's must wire the
    generator as that one does, whatever else it says."""
    ours, tested = read_config(story.root), read_config(TEST_CONFIG.parent)
    theme, tested_theme = ours.get("theme") or {}, tested["theme"]
    wired = {
        "theme": (theme.get("name"), theme.get("custom_dir"), theme.get("font")),
        "hooks": set(ours.get("hooks") or []),
        "extra_css": set(ours.get("extra_css") or []),
        "extra_javascript": set(ours.get("extra_javascript") or []),
        "plugins": _names(ours.get("plugins")),
        "markdown_extensions": _names(ours.get("markdown_extensions")),
    }
    expected = {
        "theme": (tested_theme["name"], tested_theme["custom_dir"], tested_theme["font"]),
        "hooks": set(tested["hooks"]),
        "extra_css": set(tested["extra_css"]),
        "extra_javascript": set(tested["extra_javascript"]),
        "plugins": _names(tested["plugins"]),
        "markdown_extensions": _names(tested["markdown_extensions"]),
    }
    assert wired["theme"] == expected["theme"]
    for key in ("hooks", "extra_css", "extra_javascript", "plugins", "markdown_extensions"):
        assert expected[key] <= wired[key], f"mkdocs.yml: {key} lacks {sorted(expected[key] - wired[key])}"
