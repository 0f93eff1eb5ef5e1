"""Translations beside the words: a story in English citing reports in Chinese, Japanese, German
and Arabic (tests/stories/lanterns), each quote checked in its own language and shown with the
translation the story's summary is checked against."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from tests.conftest import Project, built

QINGCHUAN = "2026-05-01-qingchuan-opens-the-festival"
SAKURAMACHI = "timeline/events/2026-05-08-sakuramachi-sends-lanterns.yml"
AL_WAHA = "timeline/events/2026-05-20-al-waha-will-host-next-year.yml"
WIRE = "timeline/events/2026-05-01-the-festival-will-travel.yml"


def _errors(project: Project) -> list[str]:
    run = project.check()
    assert run.returncode == 1, run.stderr
    return [line for line in run.stdout.splitlines() if ": error: " in line]


def test_a_story_citing_four_languages_passes_check_and_a_strict_build(lanterns):
    run = lanterns.check()
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith("ok: 5 events, 5 sources")


def test_the_card_shows_the_original_marked_with_its_language_and_the_translation_credited(lanterns):
    card = lanterns.page("timeline/index.html").find(id=QINGCHUAN).find_parent("article")
    first = card.select_one("ol.tl-citations > li")
    quote = first.select_one("blockquote.tl-quote")
    assert (quote["lang"], quote.get_text(strip=True)) == ("zh-CN", "青川市第十届灯会于5月1日晚开幕。")
    translation = quote.find_next_sibling("p", class_="tl-translation")
    assert translation.get_text(" ", strip=True) == (
        "Machine translation: The tenth Qingchuan lantern festival opened on the evening of May 1."
    )
    assert not translation.has_attr("lang")  # in the page's (the story's) language
    labels = {
        p.select_one(".tl-translated-by").get_text()
        for p in lanterns.page("timeline/index.html").select(".tl-translation")
    }
    assert labels == {"Machine translation:", "Translated by Aiko Tanaka:", "The publisher's translation:"}


def test_every_quote_carries_its_sources_language_on_every_page(lanterns):
    data = json.loads((lanterns.site / "timeline.json").read_text(encoding="utf-8"))
    languages = {source["id"]: source["language"] for source in data["sources"]}
    marked = 0
    for page in ("timeline/index.html", "entities/anna-weber/index.html", "glossary/index.html"):
        for quote in lanterns.page(page).select("blockquote.tl-quote"):
            href = quote.find_parent("li").select_one('a[href*="#q-"]')["href"]
            source = href.split("sources/")[1].split("/")[0]
            assert quote["lang"] == languages[source], (page, source)
            assert quote.get("dir") == ("rtl" if languages[source] == "ar" else None)
            marked += 1
    assert marked >= 12


def test_exports_carry_the_quote_its_language_and_its_translation(lanterns):
    data = json.loads((lanterns.site / "timeline.json").read_text(encoding="utf-8"))
    assert data["language"] == "en"
    event = next(e for e in data["events"] if e["id"] == QINGCHUAN)
    assert event["citations"][0] == {
        "source": "qingchuan-daily-festival",
        "quote": "青川市第十届灯会于5月1日晚开幕。",
        "language": "zh-CN",
        "translation": "The tenth Qingchuan lantern festival opened on the evening of May 1.",
        "translated_by": "machine",
        "verified": True,
    }
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((lanterns.site / "timeline.csv").read_text("utf-8")))}
    assert rows[QINGCHUAN]["quote_languages"] == "zh-CN | zh-CN | zh-CN"
    assert rows[QINGCHUAN]["translations"].startswith("The tenth Qingchuan lantern festival opened")
    assert rows["2026-05-01-the-festival-will-travel"]["translations"] == ""
    slides = json.loads((lanterns.site / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    slide = next(s for s in slides if s["unique_id"] == QINGCHUAN)["text"]["text"]
    assert '<blockquote lang="zh-CN">青川市第十届灯会于5月1日晚开幕。</blockquote>' in slide
    assert "<p>Machine translation: The tenth Qingchuan lantern festival" in slide
    assert 'xml:lang="en"' in (lanterns.site / "feed.xml").read_text(encoding="utf-8").split("\n")[1]
    calendar = (lanterns.site / "timeline.ics").read_bytes().decode("utf-8")
    assert "\r\nSUMMARY;LANGUAGE=en:Qingchuan opens its lantern festival\r\n" in calendar


def test_search_finds_an_event_by_a_chinese_word_or_its_translation(lanterns):
    docs = json.loads((lanterns.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    entry = next(doc for doc in docs if doc["location"] == f"timeline/#{QINGCHUAN}")
    words = entry["text"].replace("<", " ").replace(">", " ").replace("\u200b", " ").split()
    assert "彩灯" in words and "灯会" in words  # whole words, set off for the search to find
    assert "The tenth Qingchuan lantern festival opened" in entry["text"]
    source = next(doc for doc in docs if doc["location"] == "sources/qingchuan-daily-festival/")
    assert "\u200b李明\u200b" in source["text"]  # a page Material parsed is cut the same way


def test_a_quote_in_another_language_without_a_translation_says_how_to_add_one(lanterns_project):
    lanterns_project.edit(
        SAKURAMACHI,
        "    translation: On May 8, Sakuramachi sent a hundred lanterns to its sister city, Qingchuan.\n"
        "    translated_by: Aiko Tanaka\n",
        "",
    )
    assert _errors(lanterns_project) == [
        f"{SAKURAMACHI}:12:12: error: source 'sakuramachi-shimbun-lanterns' is in Japanese (ja) and this story "
        "is in English (en): add, under the quote, `translation:` with the quote in English and `translated_by:` "
        "with who made it (a name as credited, publisher or machine)"
    ]


def test_a_translation_needs_who_made_it(lanterns_project):
    lanterns_project.edit(SAKURAMACHI, "    translated_by: Aiko Tanaka\n", "")
    assert _errors(lanterns_project) == [
        f"{SAKURAMACHI}:13:5: error: citation 1 of the event gives 'translation' without 'translated_by'; add "
        "`translated_by:` under it (who made the translation: a person or organization as credited, publisher "
        "(the source's own translation) or machine)"
    ]


def test_a_quote_in_the_storys_own_language_takes_no_translation(lanterns_project):
    lanterns_project.edit(
        WIRE,
        "      organisers said on Friday, May 1.\n",
        "      organisers said on Friday, May 1.\n    translation: The same.\n    translated_by: machine\n",
    )
    assert (
        f"{WIRE}:12:12: error: source 'lakeside-wire-tour' is in English (en), the story's own language: remove "
        "the citation's translation and translated_by (or, if the source is in another language, give its "
        "language in timeline/sources.yml)"
    ) in _errors(lanterns_project)


def test_a_summary_that_claims_more_than_its_translation_fails(lanterns_project):
    lanterns_project.edit(
        AL_WAHA,
        "summary: Al-Waha's municipality announces that it will host the lantern festival next year, with three "
        "hundred lanterns.",
        "summary: Al-Waha will pay for fireworks, concerts, parades and markets during a week of celebrations.",
    )
    errors = _errors(lanterns_project)
    assert len(errors) == 1 and errors[0].startswith(f"{AL_WAHA}:7:10: error: event ")
    assert "no quote has 'pay', 'fireworks', 'concerts', 'parades', 'markets', 'week', 'celebrations'" in errors[0]


def test_the_wording_check_reads_the_translation_not_the_original(lanterns_project):
    """A translation that says less than the summary fails it, although the original says it all."""
    lanterns_project.edit(
        AL_WAHA,
        "translation: Mayor Salem Haddad said that the city will show three hundred lanterns.",
        "translation: The mayor spoke.",
    )
    lanterns_project.edit(
        AL_WAHA,
        "translation: The municipality of Al-Waha announced on May 20 that it will host the lantern festival next "
        "year.",
        "translation: Something was said.",
    )
    assert any("only " in error and "of the words of its summary" in error for error in _errors(lanterns_project))


@pytest.mark.parametrize("tag", ["English", "en_GB", "EN"])
def test_a_storys_language_must_be_a_tag(lanterns_project, tag):
    lanterns_project.edit("timeline/story.yml", "language: en", f"language: {tag}")
    errors = _errors(lanterns_project)
    assert errors[0] == (
        f"timeline/story.yml:4:11: error: field 'language' in the story: '{tag}' is not a language tag; write a "
        "BCP 47 tag such as en, de, zh, zh-Hant, ja or ar (the language in lowercase, then a script or a region "
        "if need be)"
    )


def test_a_story_in_german_needs_no_translation_of_a_german_quote(lanterns_project):
    """The story's language decides: in German, the German report's quotes need none, the English one's do."""
    lanterns_project.edit("timeline/story.yml", "language: en", "language: de")
    errors = _errors(lanterns_project)
    assert not any("tannbruecker-bote-laternenfest' is in German (de) and" in e for e in errors)
    assert any(
        "source 'tannbruecker-bote-laternenfest' is in German (de), the story's own language" in e for e in errors
    )
    assert any("source 'lakeside-wire-tour' is in English (en) and this story is in German (de)" in e for e in errors)


def test_quote_gives_a_foreign_passage_with_the_translation_fields_to_fill(lanterns_project):
    run = lanterns_project.cli("quote", "sakuramachi-shimbun-lanterns", "職人", "一年")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "seeds/sakuramachi-shimbun-lanterns.txt:3: (4 of 4 words)",
        "  - source: sakuramachi-shimbun-lanterns",
        '    quote: "灯籠は地元の職人が一年かけて作ったものだ。"',
        '    translation: ""  # the quote in English',
        '    translated_by: ""  # who made it: a name as credited, publisher or machine',
    ]
    english = lanterns_project.cli("quote", "lakeside-wire-tour", "town", "lanterns")
    assert "translation" not in english.stdout  # a quote in the story's language needs none


def test_a_new_event_citing_a_foreign_source_asks_for_its_translation(lanterns_project):
    run = lanterns_project.cli(
        *("new", "--title", "灯会开幕", "--date", "2026-05-01", "--source", "qingchuan-daily-festival"),
        *("--find", "三百组彩灯"),
    )
    assert run.returncode == 0, run.stderr
    path = lanterns_project.root / "timeline/events/2026-05-01-deng-hui-kai-mu.yml"
    assert path.read_text(encoding="utf-8").endswith(
        "  - source: qingchuan-daily-festival\n"
        '    quote: "本届灯会共展出三百组彩灯，预计接待游客五十万人次。"\n'
        '    translation: "TODO: the quote in English"\n'
        '    translated_by: "TODO: who translated it: a name as credited, publisher or machine"\n'
    )
    errors = _errors(lanterns_project)
    assert "still holds the 'TODO' placeholder" in errors[-1] and "'translated_by'" in errors[-1]


def test_an_empty_translation_is_refused(lanterns_project):
    lanterns_project.edit(SAKURAMACHI, "translated_by: Aiko Tanaka", 'translated_by: ""')
    errors = _errors(lanterns_project)
    assert len(errors) == 1 and errors[0].startswith(f"{SAKURAMACHI}:14:20: error: field 'translated_by'")


def test_a_speculation_citing_a_translated_quote_is_found_by_its_translation(lanterns_project):
    """The search entry of a speculation card holds its note and still the quote's translation."""
    lanterns_project.edit(SAKURAMACHI, "status: reported", "status: speculation")
    lanterns_project.commit()
    site = built(lanterns_project).site
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    entry = next(doc for doc in docs if doc["location"] == "timeline/#2026-05-08-sakuramachi-sends-lanterns")
    assert "Speculation: the source reports that others guessed this." in entry["text"]
    assert "On May 8, Sakuramachi sent a hundred lanterns" in entry["text"]


def test_a_quote_in_another_script_from_a_source_with_no_language_is_refused(lanterns_project):
    """Without a language, a source counts as the story's, and its quotes would need no translation:
    an Arabic quote on an English site is refused, with the fix, not published untranslated."""
    lanterns_project.edit("timeline/sources.yml", "  language: ar\n", "")
    errors = [e for e in _errors(lanterns_project) if "this quote is written in" in e]
    assert [e.split(":")[0] for e in errors] == ["timeline/entities.yml", AL_WAHA, AL_WAHA], errors
    assert (
        "error: this quote is written in Arabic letters, which English (en), the story's language, is not, "
        in (errors[1])
    )
    assert "source 'al-waha-gazette-next-host' names no language: give the source its `language:`" in errors[1]


def test_a_name_in_latin_letters_may_stand_in_a_chinese_story_but_a_latin_sentence_may_not(project):
    """A source with no language counts as the story's: in a Chinese story started with `timeline
    init`, a quote that is only a name in Latin letters ("HappyHorse-1.0") needs no translation, and
    a sentence in Latin letters is refused with the fix."""
    started = project.cli("init", "--title", "灯会", "--description", "灯会", "--language", "zh", "--force")
    assert started.returncode == 0, started.stderr
    seed = project.root / "seeds/first-source.txt"
    old = seed.read_bytes()
    new = old + "主办方的模型名为 HappyHorse-1.0。\nThe organisers said the lanterns were made by hand.\n".encode()
    seed.write_bytes(new)
    project.edit("timeline/sources.yml", hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest())
    sentence = "The organisers said the lanterns were made by hand."
    for name, quote in (("name", "HappyHorse-1.0"), ("sentence", sentence)):
        project.write(
            f"timeline/events/2026-05-01-{name}.yml",
            "title: 灯会\ndate: 2026-05-01\ndate_basis: stated\nstatus: reported\nsummary: 灯会\n"
            f"citations:\n  - source: first-source\n    quote: {json.dumps(quote)}\n",
        )
    refused = [line for line in _errors(project) if "this quote is written in" in line]
    assert refused == [
        "timeline/events/2026-05-01-sentence.yml:8:12: error: this quote is written in Latin letters, which Chinese "
        "(zh), the story's language, is not, and source 'first-source' names no language: give the source its "
        "`language:` in timeline/sources.yml (a BCP 47 tag such as ar, zh or ru), then add this quote's "
        "`translation:` and `translated_by:`"
    ]
