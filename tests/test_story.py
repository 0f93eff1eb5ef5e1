"""The repository's story holds every invariant of a story (tests/story_invariants.py).

Nothing here names an id, a title or a count of the story: a valid contribution, or another
story altogether, passes these tests unchanged. What must never disappear from the story (a
published event's permanent link) is guarded by the data itself: `timeline check` refuses a
deleted or renamed event unless timeline/redirects.yml says where it went.
"""

from __future__ import annotations

import pytest
import yaml

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
