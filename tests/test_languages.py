"""Sources in other languages: a source says its language, and pages mark its text with it."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.events import EVENT, GOOD
from timeline_core.data.load import load_timeline
from timeline_core.model.text import direction

ARABIC = "أعلنت الشركة يوم الاثنين أن نموذجها جاهز."
TRANSLATION = "The Example Company announced on Monday that its model is ready."
READY = "The Example Company said on Monday that its model is ready."


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("ar", "rtl"),
        ("he", "rtl"),
        ("fa-IR", "rtl"),
        ("ur-PK", "rtl"),
        ("zh-Hant", "ltr"),
        ("de", "ltr"),
        ("en-GB", "ltr"),
        ("ku-Arab", "rtl"),
        ("ku-Latn", "ltr"),
        ("yi-Hebr", "rtl"),
        ("az-Arab-IR", "rtl"),
        ("ar-Latn", "ltr"),
    ],
)
def test_a_language_is_written_in_its_direction(tag, written):
    assert direction(tag) == written


def _with_language(project, language: str) -> None:
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + f"  language: {language}\n", encoding="utf-8")


@pytest.mark.parametrize("tag", ["en", "zh", "zh-Hant", "pt-BR", "es-419", "ar"])
def test_a_well_formed_language_tag_is_accepted(empty_project, tag):
    _with_language(empty_project, tag)
    empty_project.write("timeline/story.yml", f"title: A story\nlanguage: {tag}\n")  # so no quote needs translating
    result = load_timeline(empty_project.root)
    assert result.problems == () and result.timeline.sources[0].language == tag
    assert result.timeline.language == tag


@pytest.mark.parametrize("tag", ["ZH", "chinese", "zh_CN", "zh-hant", "e"])
def test_a_malformed_language_tag_says_how_to_write_one(empty_project, tag):
    _with_language(empty_project, tag)
    problems = [p.format() for p in load_timeline(empty_project.root).problems]
    assert problems[-1] == (
        f"timeline/sources.yml:9:13: error: field 'language' in source 'example': '{tag}' is not a language tag; "
        "write a BCP 47 tag such as en, de, zh, zh-Hant, ja or ar (the language in lowercase, then a script or a "
        "region if need be)"
    )
    assert all("source 'example' has problems of its own" in p for p in problems[:-1])  # what cites it waits


def test_an_arabic_source_is_marked_right_to_left_on_every_page(empty_project):
    project = empty_project
    project.write_archive("seeds/example.txt", f"{ARABIC}\n")
    _with_language(project, "ar")
    translated = f"quote: {ARABIC}\n      translation: {TRANSLATION}\n      translated_by: machine"
    entities = project.root / "timeline/entities.yml"
    entities.write_text(entities.read_text().replace("quote: The Example Company said", translated))
    project.write(EVENT, GOOD.replace(f"quote: {READY}", translated.replace("      ", "    ")))
    run = project.build()
    assert run.returncode == 0, run.stderr
    timeline = project.page("timeline/index.html")
    quote = timeline.select_one("article.tl-event blockquote.tl-quote")
    assert (quote["lang"], quote["dir"], quote.get_text(strip=True)) == ("ar", "rtl", ARABIC)
    shown = quote.find_next_sibling("p", class_="tl-translation")
    assert shown.get_text(" ", strip=True) == f"Machine translation: {TRANSLATION}" and not shown.has_attr("lang")
    source = project.page("sources/example/index.html")
    assert source.select_one(".tl-annotated")["lang"] == "ar"
    ld = json.loads(source.find("script", type="application/ld+json").string)
    assert ld["inLanguage"] == "ar"
    listed = project.page("sources/index.html").select_one("#example a")
    assert (listed["lang"], listed["dir"]) == ("ar", "rtl")
    data = json.loads((project.site / "timeline.json").read_text(encoding="utf-8"))
    assert data["sources"][0]["language"] == "ar"
    entity = BeautifulSoup((project.site / "entities/example-co/index.html").read_text(), "html.parser")
    assert [q["lang"] for q in entity.select("blockquote.tl-quote")] == ["ar"]  # a quote takes its source's language


@pytest.mark.parametrize(
    ("written", "tag"),
    [("zh_cn", "zh-CN"), ("ZH-HANT", "zh-Hant"), ("en", "en"), ("es-419", "es-419"), ("sr-latn-rs", "sr-Latn-RS")],
)
def test_a_pages_language_is_read_as_a_well_formed_tag(written, tag):
    from timeline_core.archiving.extract import page_language
    from timeline_core.model.text import language_tag

    assert language_tag(written) == tag
    assert page_language(f'<!DOCTYPE html>\n<html class="no-js" lang="{written}"><head>') == tag
    assert page_language("<html><head>") is None and language_tag("chinese") is None


def test_source_add_takes_the_language_given_and_refuses_a_malformed_one(empty_project, tmp_path):
    from tests.conftest import run_cli

    notes = tmp_path / "notes.txt"
    notes.write_text("Der Rat stimmte am 5. März zu. " * 30, encoding="utf-8")
    common = ("--url", "https://example.de/rat", "--title", "Rat stimmt zu", "--publisher", "Beispielzeitung")
    root = ("--root", str(empty_project.root))
    code, out = run_cli(*root, "source", "add", str(notes), *common, "--language", "German")
    assert code == 1 and "--language: 'German' is not a language tag; write a BCP 47 tag such as en, de" in out
    code, out = run_cli(*root, "source", "add", str(notes), *common, "--language", "de")
    assert code == 0, out
    assert "  language:   de  (--language)" in out
    assert load_timeline(empty_project.root).timeline.sources[-1].language == "de"


@pytest.mark.parametrize(
    "tag", ["zh", "zh-Hant", "pt-BR", "es-419", "sr-Latn-RS", "ZH", "zh_CN", "zh-hant", "e", "eng-x"]
)
def test_the_json_schemas_pattern_and_the_check_agree(tag):
    import re

    from timeline_core.data.schema import LANGUAGE_PATTERN
    from timeline_core.model.text import language_problem

    assert bool(re.match(LANGUAGE_PATTERN, tag)) == (language_problem(tag) is None)
