"""The test story's site in German, Simplified Chinese and Arabic, in a real browser: the script's
words in the page's language, axe clean, the Arabic page and its axis right to left, and
screenshots of each, light and dark, desktop and phone (test-output/screenshots/reader-*)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from tests.browser.conftest import OUTPUT, served, shown
from tests.conftest import READER_LANGUAGES
from timeline_core.words.reader import words_for

KNOWN = {"de": ("3 von 6 Ereignissen angezeigt", "Link kopieren"), "zh": ("显示 6 个事件中的 3 个", "复制链接")}
PAGES = ("timeline/", "sources/", "entities/", "glossary/", "tags/", "entities/arches-studio/")


@pytest.fixture(scope="module")
def urls(in_reader_language) -> Iterator[dict[str, str]]:
    with contextlib.ExitStack() as stack:
        yield {
            language: stack.enter_context(served(in_reader_language("riverside", language).site))
            for language in READER_LANGUAGES
        }


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_the_script_writes_in_the_page_language(page, urls, language):
    words = words_for(language)
    shown = words.ngettext("Showing %(shown)s of %(num)d event", "Showing %(shown)s of %(num)d events", 6)
    expected = (shown % {"shown": 3, "num": 6}, words.gettext("Copy link"))
    assert expected == KNOWN.get(language, expected)
    page.goto(urls[language] + "timeline/")
    page.select_option("form.tl-filters select[name=tag]", "ferry")
    assert page.locator(".tl-count").inner_text() == expected[0]
    assert page.locator("button.tl-copy").first.inner_text() == expected[1]
    assert page.locator(".md-search").get_attribute("aria-label") not in (None, "Search")


@pytest.mark.parametrize("language", READER_LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing_serious_in_any_language(page, urls, language, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(urls[language] + path)
    violations = Axe().run(page).response["violations"]
    wrong = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical") or v["id"] in {"html-has-lang", "html-lang-valid", "valid-lang"}
    ]
    assert wrong == []


def test_the_arabic_page_and_its_axis_read_right_to_left(browser, urls):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(urls["ar"] + "timeline/")
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).direction") == "rtl"
    story = page.eval_on_selector_all(
        "article.tl-event:not(.tl-background) .tl-num", "els => els.map(el => Number(el.textContent))"
    )
    discs = dict(
        page.eval_on_selector_all(
            "a.tl-mark",
            "els => els.map(a => [Number(a.textContent.trim()), a.querySelector('circle').getBoundingClientRect().x])",
        )
    )
    # the story's first event is drawn right of its last, where an Arabic reader starts
    assert len(story) > 2 and discs[story[0]] > discs[story[-1]], (story, discs)
    title = page.locator("h1").bounding_box()
    content = page.locator("article.md-content__inner").bounding_box()
    assert title["x"] + title["width"] > content["x"] + content["width"] - 40  # the heading starts at the right
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")  # nothing sticks out
    context.close()


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_screenshots_of_the_timeline_in_each_language(browser, urls, language):
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for width, height in ((1280, 900), (375, 812)):
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            shown(page, urls[language] + "timeline/")
            page.locator("details.tl-details").first.evaluate("el => el.open = true")
            target = folder / f"reader-{language}-{scheme}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 20000
            assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
            context.close()


# The width a control's own words need, as the browser draws them in its font.
_CUT_OFF = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const cut = [];
  for (const control of document.querySelectorAll("form.tl-filters select, form.tl-filters input")) {
    const style = getComputedStyle(control);
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const text = control.tagName === "SELECT" ? control.options[control.selectedIndex].text : control.placeholder;
    const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const arrow = control.tagName === "SELECT" ? 12 : 0;  // the select's own arrow takes some room
    if (canvas.measureText(text).width + arrow > room + 1) cut.push(text);
    const right = control.getBoundingClientRect().right;
    if (right > document.documentElement.clientWidth + 1) cut.push(`${text} (off the page)`);
  }
  return cut;
}"""


@pytest.mark.parametrize("language", ["en", *READER_LANGUAGES])
def test_the_filters_words_fit_at_375_px_in_every_language(browser, urls, base_url, language):
    """'Alle Schlagwörter' and 'in Titeln und Zusammenfassungen' are read whole on a phone, not cut."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(urls.get(language, base_url) + "timeline/")
        page.wait_for_selector("form.tl-filters:not([hidden])")
        assert page.evaluate(_CUT_OFF) == []
    finally:
        context.close()
