"""Reading a large timeline in the browser: permanent links through the event map, and page weight."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from benchmarks.synthetic import make_project
from tests.browser.conftest import OUTPUT, served
from tests.conftest import TEST_CONFIG, Project, built


def _build(root, per_page: int) -> Path:
    project = Project(root)
    project.set_option("events_per_page", per_page)
    return built(project).site


def test_a_permanent_link_lands_on_the_period_page(browser, tmp_path):
    site = _build(make_project(tmp_path / "p", 120, config=TEST_CONFIG), per_page=50)
    with served(site) as base:
        page = browser.new_page()
        ident = sorted(json.loads((site / "timeline/event-pages.json").read_text()))[60]
        page.goto(base + f"timeline/#{ident}")
        page.wait_for_url(lambda url: "/timeline/20" in url, timeout=10000)
        assert page.url.endswith(f"#{ident}")
        assert page.locator(f"[id='{ident}']").is_visible()
        page.close()


def test_filters_at_a_thousand_events_on_one_page(browser, tmp_path):
    site = _build(make_project(tmp_path / "p", 1000, config=TEST_CONFIG), per_page=1000)
    with served(site) as base:
        page = browser.new_page()
        page.goto(base + "timeline/")
        assert page.locator("article.tl-event").count() == 1000
        timings = page.evaluate("""() => {
            const input = document.querySelector('input[name=q]');
            const times = [];
            for (const text of ['i', 'it', 'ite', 'item', 'item ', 'item 1', 'item 12', 'item 123']) {
                const start = performance.now();
                input.value = text;
                input.dispatchEvent(new Event('input', {bubbles: true}));
                document.body.offsetHeight;  // include the layout the change causes
                times.push(performance.now() - start);
            }
            return times;
        }""")
        shown = page.locator("article.tl-event:not([hidden])").count()
        page.close()
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "filter-keystrokes-1000-events.json").write_text(json.dumps({"ms": timings}, indent=1))
    print("filter keystroke ms at 1,000 events:", [round(t, 1) for t in timings])  # a figure, not a gate
    assert shown == 1  # only synthetic item 123 holds both words


def test_the_seed_timeline_page_weighs_under_150_kb_compressed(browser, base_url):
    page = browser.new_page()
    sizes = {}

    def record(response):
        if response.ok and response.request.resource_type != "fetch":
            sizes[response.url] = len(gzip.compress(response.body(), 6))

    page.on("response", record)
    page.goto(base_url + "timeline/")
    page.wait_for_load_state("networkidle")
    page.close()
    total = sum(sizes.values())
    print(f"first load of timeline/: {total / 1024:.1f} kB compressed over {len(sizes)} files")
    assert total < 150 * 1024, sorted(sizes.items(), key=lambda item: -item[1])[:5]
