"""Any story, any language: a newsroom starts its own story with `timeline init --language` in each
catalog language, archives a source in another language with `timeline source add`, cites it with a
translation in an event of its own, corrects it in a commit and withdraws another; the story passes
`timeline check`, the strict build and every story invariant, and its site shows no English.

Nothing here reads the repository's story: each story is written by the test, in its language.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest

from tests.conftest import READER_LANGUAGES, Project, built, copy_project
from tests.language_checks import english_left
from tests.story_invariants import story_problems
from timeline_core.words.reader import words_for


class Newsroom(NamedTuple):
    title: str
    source: str  # an article in another language than the story's, as saved from the web
    url: str
    publisher: str
    quote: str  # a sentence of it
    translation: str  # the quote in the story's language
    event_title: str
    summary: str  # says what the translation says, in the story's language
    corrected_title: str


NEWSROOMS = {
    "de": Newsroom(
        "Laternen unterwegs",
        "青川市第十届灯会于5月1日晚开幕。\n市政府表示，今年共展出三百盏彩灯。\n",
        "https://qingchuan-daily.example/lanterns",
        "青川日报",
        "青川市第十届灯会于5月1日晚开幕。",
        "Das zehnte Laternenfest der Stadt Qingchuan wurde am Abend des 1. Mai eröffnet.",
        "Qingchuan eröffnet sein Laternenfest",
        "Das zehnte Laternenfest der Stadt Qingchuan wird am Abend des 1. Mai eröffnet.",
        "Qingchuan eröffnet das zehnte Laternenfest",
    ),
    "zh": Newsroom(
        "灯会巡游",
        "أعلنت بلدية الواحة يوم 20 مايو أنها ستستضيف مهرجان الفوانيس في العام المقبل.\n"
        "وقال رئيس البلدية إن المدينة ستعرض ثلاثمئة فانوس.\n",
        "https://al-waha.example/news/next-host",
        "جريدة الواحة",
        "أعلنت بلدية الواحة يوم 20 مايو أنها ستستضيف مهرجان الفوانيس في العام المقبل.",
        "瓦哈市政府5月20日宣布，将于明年举办灯会。",
        "瓦哈将举办灯会",
        "据报道，瓦哈市政府5月20日宣布将于明年举办灯会。",
        "瓦哈市宣布明年举办灯会",
    ),
    "ar": Newsroom(
        "الفوانيس في جولة",
        "Die Stadt Lindenau zeigt am 12. Mai zweihundert Laternen aus Qingchuan.\n"
        "Der Bürgermeister eröffnete die Ausstellung am Abend und dankte den Gästen aus China.\n",
        "https://lindenau-bote.example/laternen",
        "Lindenauer Bote",
        "Die Stadt Lindenau zeigt am 12. Mai zweihundert Laternen aus Qingchuan.",
        "تعرض مدينة ليندناو في 12 مايو مئتي فانوس من تشينغتشوان.",
        "ليندناو تعرض فوانيس تشينغتشوان",
        "ذكرت صحيفة أن مدينة ليندناو تعرض في 12 مايو مئتي فانوس من تشينغتشوان.",
        "مدينة ليندناو تعرض مئتي فانوس",
    ),
}


def _event(room: Newsroom, source: str, title: str) -> str:
    return (
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "date: 2026-05-01\n"
        "date_basis: stated\n"
        "status: reported\n"
        f"summary: {json.dumps(room.summary, ensure_ascii=False)}\n"
        "citations:\n"
        f"  - source: {source}\n"
        f"    quote: {json.dumps(room.quote, ensure_ascii=False)}\n"
        f"    translation: {json.dumps(room.translation, ensure_ascii=False)}\n"
        "    translated_by: machine\n"
    )


@pytest.fixture(scope="module", params=READER_LANGUAGES)
def newsroom(request, tmp_path_factory) -> tuple[Project, Newsroom, str]:
    language, room = request.param, NEWSROOMS[request.param]
    project = copy_project(tmp_path_factory.mktemp(f"newsroom-{language}") / "repo")
    project.commit()  # the generator, with the test story a fork starts from
    started = project.cli(
        *("init", "--title", room.title, "--description", room.title, "--language", language),
        *("--site-url", f"https://newsroom.test/{language}/", "--force"),
    )
    assert started.returncode == 0, started.stderr
    project.commit_all("2026-05-02", "Start our story")
    saved = project.root.parent / "article.txt"
    saved.write_text(room.source, encoding="utf-8")
    added = project.cli(
        *("source", "add", str(saved), "--url", room.url, "--publisher", room.publisher),
        *("--title", room.event_title, "--published", "2026-05-01", "--accessed", "2026-05-02"),
    )
    assert added.returncode == 0, added.stderr
    source = added.stdout.split("'")[1]
    events = project.root / "timeline/events"
    (events / "2026-05-01-festival.yml").write_text(_event(room, source, room.event_title), encoding="utf-8")
    (events / "2026-05-01-duplicate.yml").write_text(_event(room, source, room.title), encoding="utf-8")
    project.commit_all("2026-05-03", "Two events")
    corrected = (events / "2026-05-01-festival.yml").read_text(encoding="utf-8")
    (events / "2026-05-01-festival.yml").write_text(
        corrected.replace(
            json.dumps(room.event_title, ensure_ascii=False), json.dumps(room.corrected_title, ensure_ascii=False)
        ),
        encoding="utf-8",
    )
    project.commit_all("2026-05-04", "Title\n\nCorrection: the source says which festival")
    withdrawn = project.cli("withdraw", "2026-05-01-duplicate", "--reason", room.summary)
    assert withdrawn.returncode == 0, withdrawn.stderr
    project.commit_all("2026-05-05", "Withdraw the duplicate\n\nCorrection: a duplicate")
    return built(project), room, language


def test_a_story_in_its_language_passes_check_build_and_every_invariant(newsroom):
    project, room, language = newsroom
    check = project.check()
    assert (check.returncode, check.stdout) == (0, ""), check.stdout
    assert story_problems(project) == []
    timeline = project.page("timeline/index.html")
    assert timeline.html["lang"] == language
    card = timeline.find(id="2026-05-01-festival").find_parent("article")
    assert room.corrected_title in card.get_text() and room.translation in card.get_text()
    assert room.summary in timeline.find(id="2026-05-01-duplicate").get_text()  # the withdrawn link says why
    changes = project.page("changes/index.html").get_text()
    assert "the source says which festival" in changes and "a duplicate" in changes


def test_its_site_shows_no_english(newsroom):
    project, _, language = newsroom
    data = " ".join(path.read_text(encoding="utf-8") for path in (project.root / "timeline").rglob("*.yml"))
    assert english_left(project.site, language, data) == {}
    words = words_for(language)
    assert words.gettext("Text quoted from archived sources belongs to their publishers.") in (
        project.site / "index.html"
    ).read_text(encoding="utf-8")


def test_its_foreign_source_has_its_language_and_its_quote_is_marked(newsroom):
    project, room, _ = newsroom
    timeline = project.page("timeline/index.html")
    quote = timeline.find(id="2026-05-01-festival").find_parent("article").select_one("blockquote.tl-quote")
    assert quote.get_text(strip=True) == room.quote
    sources = json.loads((project.site / "timeline.json").read_text(encoding="utf-8"))["sources"]
    languages = {source["url"]: source["language"] for source in sources}
    assert quote["lang"] == languages[room.url] and languages[room.url] is not None
