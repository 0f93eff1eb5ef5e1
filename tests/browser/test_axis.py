"""The overview axis as Chromium draws it, for every spread of tests/axis_spreads.py at a phone's
and a desktop's width: no two tick labels overlap, every mark is drawn inside the picture and can
be seen. Screenshots in test-output/screenshots/axis-*.png."""

from __future__ import annotations

import shutil

import pytest

from tests.axis_spreads import SPREADS
from tests.browser.conftest import OUTPUT, served
from tests.conftest import REPO
from timeline_core.pages.axis import build_axis
from timeline_core.pages.render import environment

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Axis</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="timeline.css"></head>
<body><article class="md-typeset" style="max-width: 46rem; margin: 0 auto; padding: 0 0.8rem">{svg}</article>
</body></html>
"""


@pytest.fixture(scope="module")
def axis_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("axis")
    shutil.copy(REPO / "docs/stylesheets/timeline.css", folder / "timeline.css")
    template = environment().get_template("_axis.html.j2")
    for number, events in enumerate(SPREADS.values()):
        (folder / f"{number}.html").write_text(PAGE.format(svg=template.render(axis=build_axis(events))), "utf-8")
    with served(folder) as url:
        yield url


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("number,name", list(enumerate(SPREADS)))
def test_the_axis_is_legible_at_any_spread(browser, axis_pages, number, name, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{axis_pages}{number}.html")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.tl-axis-tick text')].map(t => {
        const b = t.getBoundingClientRect(); return [b.left, b.right, t.textContent]; })""")
    assert boxes, name
    overlaps = [(a[2], b[2]) for a, b in zip(boxes, boxes[1:], strict=False) if b[0] < a[1] + 1]
    assert overlaps == [], (name, width, overlaps)
    svg = page.evaluate(
        "(() => { const b = document.querySelector('svg').getBoundingClientRect(); "
        "return [b.left, b.right, b.top, b.bottom]; })()"
    )
    marks = page.evaluate("""() => [...document.querySelectorAll('a.tl-mark circle')].map(c => {
        const b = c.getBoundingClientRect(); return [b.left, b.right, b.width, b.height]; })""")
    assert len(marks) == len(SPREADS[name])
    assert all(m[2] > 5 and m[3] > 5 and m[0] >= svg[0] - 12 and m[1] <= svg[1] + 12 for m in marks), name
    target = OUTPUT / "screenshots" / f"axis-{name.replace(' ', '-')}-{width}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.locator("figure.tl-axis").screenshot(path=str(target))
    context.close()
