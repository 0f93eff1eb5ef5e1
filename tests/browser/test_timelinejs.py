"""TimelineJS itself (Knight Lab's npm package, never a CDN) renders our timelinejs.json export."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.browser.conftest import served
from tests.conftest import REPO

TIMELINEJS = REPO / "node_modules/@knight-lab/timelinejs/dist"

HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS harness</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 100%; height: 600px"></div>
<script>
fetch("timelinejs.json").then(function (response) { return response.json(); }).then(function (data) {
  window.timeline = new TL.Timeline("timeline-embed", data, {
    script_path: new URL("tl/js/", window.location.href).href,
    language: "en",
    font: "georgia-helvetica"  // system fonts: the default font set loads from Google's servers
  });
  window.timeline.on("loaded", function () { window.timelineLoaded = true; });
});
</script></body></html>
"""


@pytest.fixture
def harness(site, tmp_path):
    if not TIMELINEJS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but TimelineJS is not installed: run `npm ci` (.ci/run does)")
        pytest.skip("TimelineJS is not installed: run `npm ci`")
    shutil.copytree(TIMELINEJS, tmp_path / "tl")
    shutil.copy(site / "timelinejs.json", tmp_path / "timelinejs.json")
    (tmp_path / "index.html").write_text(HARNESS)
    with served(tmp_path) as url:
        yield url


def test_timelinejs_renders_one_slide_per_event_without_errors(browser, harness, site):
    import json

    from tests.browser.conftest import Watched

    expected = len(json.loads((site / "timelinejs.json").read_text())["events"])
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watched = Watched(context.new_page(), harness)
    watched.page.goto(harness)
    watched.page.wait_for_function("window.timelineLoaded === true", timeout=20000)
    slides = watched.page.locator(".tl-slide:not(.tl-slide-titleslide)").count()
    markers = watched.page.locator(".tl-timemarker").count()
    context.close()
    assert slides == expected
    assert markers == expected
    assert watched.errors == []
    assert watched.foreign == []
