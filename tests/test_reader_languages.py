"""A site in German, Simplified Chinese or Arabic: no word the generator writes is left in English
on any page or in the feed, calendar and TimelineJS export, and dates read as the language writes
them. The catalogs are compared with the built pages, not with a list kept here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import READER_LANGUAGES, REPO, copy_project, run_cli
from tests.language_checks import english_left, shown_text, untranslated_fragments
from timeline_core.model.dates import parse_edtf
from timeline_core.words.catalogs import LOCALE
from timeline_core.words.reader import words_for


@pytest.mark.parametrize("story", ["riverside", "lanterns"])
@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_no_message_is_left_in_english_on_any_page_or_export(in_reader_language, story, language):
    project = in_reader_language(story, language)
    site = project.site
    # a run of words the story's own data also uses cannot be told apart from it
    data = " ".join(path.read_text(encoding="utf-8") for path in (project.root / "timeline").rglob("*.yml"))
    fragments = {fragment for fragment in untranslated_fragments(language) if fragment not in " ".join(data.split())}
    assert len(fragments) > 50
    left: dict[str, set[str]] = {}
    pages = [path for path in site.rglob("*.html") if "assets" not in path.parts]
    assert len(pages) > 10
    for path in pages:
        text = shown_text(path.read_text(encoding="utf-8"))
        if found := {fragment for fragment in fragments if fragment in text}:
            left[str(path.relative_to(site))] = found
    exports = {
        "feed.xml": (site / "feed.xml").read_text(encoding="utf-8"),
        "timeline.ics": (site / "timeline.ics").read_bytes().decode("utf-8").replace("\r\n ", ""),
        "timelinejs.json": json.dumps(
            json.loads((site / "timelinejs.json").read_text(encoding="utf-8")), ensure_ascii=False
        ),
    }
    for name, text in exports.items():
        if found := {fragment for fragment in fragments if fragment in text}:
            left[name] = found
    assert left == {}


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_every_date_on_the_pages_reads_as_the_language_writes_it(in_reader_language, language):
    site = in_reader_language("riverside", language).site
    english_month = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?!\.)")
    times = []
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        times += [(time["datetime"], time.get_text()) for time in soup.select("article time[datetime]")]
    assert len(times) > 20
    assert [text for _, text in times if english_month.search(text)] == []
    words = words_for(language)
    days = [(when, text) for when, text in times if len(when) == 10]
    # a day written in full is the language's own form of that day
    full = [(when, text) for when, text in days if re.search(r"\d{4}", text)]
    assert full and all(words.calendar.day(parse_edtf(when).placed_on) in text for when, text in full), full[:5]


def test_an_arabic_site_reads_right_to_left_and_so_does_its_axis(in_reader_language):
    project = in_reader_language("lanterns", "ar")
    page = project.page("timeline/index.html")
    assert page.html["lang"] == "ar" and page.body["dir"] == "rtl"
    marks = {int(mark.select_one("text").get_text()): mark for mark in page.select("a.tl-mark")}
    circles = [float(marks[number].select_one("circle")["cx"]) for number in sorted(marks)]
    assert circles == sorted(circles, reverse=True), circles  # the first event is the rightmost


def test_a_story_started_in_a_language_checks_and_builds_in_it(tmp_path):
    project = copy_project(tmp_path)
    code, out = run_cli(
        "--root",
        str(project.root),
        "init",
        "--title",
        "Testgeschichte",
        "--description",
        "Ein Test.",
        "--language",
        "de",
        "--site-url",
        "https://newsroom.test/de/",
        "--force",
    )
    assert code == 0, out
    story = (project.root / "timeline" / "story.yml").read_text(encoding="utf-8")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "language: de" in story and "\n  language: de\n" in config
    assert "  - Startseite: index.md" in config and "  - Zeitleiste: timeline.md" in config
    assert run_cli("--root", str(project.root), "check")[0] == 0
    event = next((project.root / "timeline" / "events").glob("*.yml")).read_text(encoding="utf-8")
    assert "title: Die Zeitleiste beginnt" in event
    months = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    assert re.search(rf"wurde am \d{{1,2}}\. ({months}) \d{{4}} archiviert", event)  # the month in full


def test_a_language_without_a_catalog_is_refused_with_the_way_to_add_one(tmp_path):
    project = copy_project(tmp_path)
    code, out = run_cli("--root", str(project.root), "init", "--title", "T", "--description", "D.", "--language", "fr")
    assert code == 2 and "no catalog for 'fr'" in out and "CONTRIBUTING.md" in out
    assert not (LOCALE / "fr").exists()
    assert (project.root / "timeline" / "events").is_dir()  # nothing was replaced


def test_the_script_is_given_its_words_in_the_page_language(in_reader_language):
    page = in_reader_language("riverside", "de").page("timeline/index.html")
    words = json.loads(page.select_one(".tl-words")["data-words"])
    assert words["copy"] == "Link kopieren" and words["all"] == {
        "one": "%(num)d Ereignis",
        "other": "%(num)d Ereignisse",
    }
    english = Path(REPO / "docs" / "javascripts" / "timeline.js").read_text(encoding="utf-8")
    assert '"Copy link"' in english  # English pages carry no words: the script has them


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_nothing_the_generator_init_or_theme_writes_is_english_on_any_file(in_reader_language, language):
    """Every built page (the 404 page and the embeds too), head to footer: no message of the catalog
    left in English, nor what Material would write in English (copyright credit, permalinks)."""
    project = in_reader_language("riverside", language)
    site = project.site
    data = " ".join(path.read_text(encoding="utf-8") for path in (project.root / "timeline").rglob("*.yml"))
    pages = [path for path in site.rglob("*.html") if "assets" not in path.parts]
    assert (site / "404.html") in pages and any("embed" in path.parts for path in pages)
    left = english_left(site, language, data)
    assert left == {}
    words = words_for(language)
    assert words.gettext("Page not found") in (site / "404.html").read_text(encoding="utf-8")
    page = project.page("timeline/index.html")
    assert {link["title"] for link in page.select("link[rel=alternate][title]")} >= {
        words.gettext("%(site)s: new events") % {"site": project.config["site_name"]},
        words.gettext("%(site)s as JSON") % {"site": project.config["site_name"]},
    }
    assert page.select_one(".headerlink")["title"] == words.gettext("Permanent link")
    embed = next(path for path in pages if "embed" in path.parts)
    assert BeautifulSoup(embed.read_text(encoding="utf-8"), "html.parser").select_one(".tl-words[data-words]")


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_excerpts_are_quoted_as_the_page_language_quotes(in_reader_language, language):
    from timeline_core.words.quotes import quotation_marks

    marks = quotation_marks(language)
    starts = in_reader_language("riverside", language).page("timeline/index.html").select(".tl-cite-start")
    assert starts
    for start in starts:
        text = start.get_text()
        assert text.startswith(marks.start) and text.endswith(marks.end), text


def test_the_quotation_marks_are_cldrs():
    """words/quotation_marks.json is CLDR's table as the npm package the tests install gives it."""
    import os

    from timeline_core.words.quotes import TABLE, table_from_cldr

    package = REPO / "node_modules" / "cldr-misc-modern"
    if not package.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but node_modules/cldr-misc-modern is missing: run `npm ci`")
        pytest.skip("npm ci installs cldr-misc-modern")
    assert json.loads(TABLE.read_text(encoding="utf-8")) == table_from_cldr(package), (
        "run `uv run python -m timeline_core.words.quotes node_modules/cldr-misc-modern`"
    )
    assert json.loads(TABLE.read_text(encoding="utf-8"))["de"] == "„“‚‘"
