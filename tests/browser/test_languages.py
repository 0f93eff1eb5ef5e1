"""The story in five languages (tests/stories/lanterns) in a real browser: each quote read in its
own language and direction inside the English page, its translation beside it, and search finding
an event by a Chinese word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import OUTPUT, served, shown

AL_WAHA = "2026-05-20-al-waha-will-host-next-year"
QINGCHUAN = "2026-05-01-qingchuan-opens-the-festival"
LANGUAGE_RULES = {"html-has-lang", "html-lang-valid", "html-xml-lang-mismatch", "valid-lang"}
PAGES = {
    "timeline": "timeline/",
    "arabic-source": "sources/al-waha-gazette-next-host/",
    "chinese-source": "sources/qingchuan-daily-festival/",
    "sources": "sources/",
    "entity": "entities/anna-weber/",
    "glossary": "glossary/",
}


@pytest.fixture(scope="module")
def lanterns_url(lanterns) -> Iterator[str]:
    with served(lanterns.site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_the_arabic_quote_reads_right_to_left_inside_the_english_page(page, lanterns_url):
    page.goto(lanterns_url + "timeline/")
    quote = page.locator(f'article.tl-event:has([id="{AL_WAHA}"]) blockquote.tl-quote').first
    quote.scroll_into_view_if_needed()
    # its first word stands to the right of its second, on one line, as an Arabic reader reads it
    first, second = quote.evaluate("""el => {
        const text = el.querySelector('p').firstChild;
        const box = (start, end) => {
            const range = document.createRange();
            range.setStart(text, start); range.setEnd(text, end);
            const rect = range.getBoundingClientRect();
            return {left: rect.left, right: rect.right, top: Math.round(rect.top)};
        };
        const words = text.data.split(' ');
        return [box(0, words[0].length), box(words[0].length + 1, words[0].length + 1 + words[1].length)];
    }""")
    assert first["top"] == second["top"] and first["left"] > second["right"], (first, second)
    assert quote.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "ltr"  # the page is not
    translation = quote.locator("xpath=following-sibling::p[contains(@class, 'tl-translation')]")
    assert translation.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert translation.inner_text().startswith("Machine translation: The municipality of Al-Waha announced")


def test_every_quote_carries_a_language_and_the_browser_reads_it(page, lanterns_url):
    page.goto(lanterns_url + "timeline/")
    unmarked = page.evaluate("document.querySelectorAll('blockquote.tl-quote:not([lang])').length")
    assert unmarked == 0
    by_language = page.evaluate("""() => ['zh', 'ja', 'de', 'ar', 'en'].map(
        tag => document.querySelectorAll(`blockquote.tl-quote:lang(${tag})`).length)""")
    assert all(count >= 1 for count in by_language), by_language


@pytest.mark.parametrize("name,path", PAGES.items())
def test_axe_finds_no_language_error_and_nothing_serious(page, lanterns_url, name, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(lanterns_url + path)
    violations = Axe().run(page).response["violations"]
    wrong = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["id"] in LANGUAGE_RULES or v["impact"] in ("serious", "critical")
    ]
    assert wrong == [], f"{name}: {wrong}"


def test_search_finds_an_event_by_a_chinese_word(page, lanterns_url):
    page.goto(lanterns_url + "timeline/")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "彩灯")  # as an input method enters it: no key per character
    page.keyboard.press("End")  # the search reads the field on a key
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert "Qingchuan opens its lantern festival" in page.locator(".md-search-result__list").inner_text()


def test_screenshots_of_quotes_in_five_languages(browser, lanterns_url):
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        shown(page, lanterns_url + "timeline/")
        for name, event in (("chinese", QINGCHUAN), ("arabic", AL_WAHA)):
            card = page.locator(f'article.tl-event:has([id="{event}"])')
            target = folder / f"languages-card-{name}-{scheme}.png"
            card.screenshot(path=str(target))
            assert target.stat().st_size > 5000
            assert card.locator(".tl-translation").first.is_visible()
        shown(page, lanterns_url + PAGES["arabic-source"])
        target = folder / f"languages-arabic-source-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        assert page.locator(".tl-annotated[dir=rtl]").first.is_visible()
        context.close()
