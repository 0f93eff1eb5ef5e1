"""Everything contributed is untrusted: a story whose every text field holds markup builds into a
site where that markup is text on every page, in every feed and in every export.

The hostile story has what a real one has (an explainer, tags, entities, a glossary, two sources,
a withdrawn event), so that no page kind is left out; every built file is read, none hand-picked.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Project, built, copy_project
from timeline_core.model.quotes import checksum

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
Q = HOSTILE.replace("'", "''")  # inside a single-quoted YAML scalar
WALL = f"Someone wrote {HOSTILE} on a wall."
# What must never reach a file that a browser reads as markup: the payload's own tags, unescaped.
RAW = ("<img src=x", "<script>alert(2)")
# Data exports carry the text as data; the test reads them as data and finds it unchanged.
DATA_EXPORTS = ("timeline.json", "timeline.csv", "timeline.ics")
EVENT = "2026-04-06-someone-writes-on-a-wall"
W = WALL.replace("'", "''")
# the event's and the explainer's; the second source is in German, so its quote carries a translation
CITES = (
    f"[{{source: hostile, quote: '{W}'}}, {{source: second, quote: '{Q}', translation: '{Q}', translated_by: '{Q}'}}]"
)


def _write_story(project: Project) -> None:
    for folder in ("timeline", "seeds"):
        for path in (project.root / folder).rglob("*"):
            if path.is_file():
                path.unlink()
    archive = project.write("seeds/hostile.txt", f"{WALL}\nThe council said nothing {HOSTILE} more.\n")
    second = project.write("seeds/second.txt", f"A second report: {HOSTILE}.\n")
    sources = [
        ("hostile", archive, "full-text", ""),
        ("second", second, "quotes-only", "based_on: hostile\n  language: de"),
    ]
    project.write(
        "timeline/sources.yml",
        "".join(
            f"""
            - id: {sid}
              title: '{Q}'
              publisher: '{Q} {sid}'
              author: '{Q}'
              url: https://example.com/{sid}?q=%22%3E%3Cscript%3E
              published: 2026-04-06
              accessed: 2026-04-07
              archive: seeds/{path.name}
              sha256: {checksum(path.read_text(encoding="utf-8"))}
              note: '{Q}'
              republish: {republish}
              republish_basis: '{Q}'
              {based_on}
            """
            for sid, path, republish, based_on in sources
        ).replace("\n            ", "\n"),
    )
    project.write(
        "timeline/entities.yml",
        f"""
        - id: wall-writer
          name: '{Q}'
          kind: person
          aliases: ['{Q}']
          description: 'Writes `{HOSTILE}` in code, *safely*.'
          citations: [{{source: hostile, quote: '{Q}'}}]
        """,
    )
    project.write(
        "timeline/glossary.yml",
        f"""
        - id: wall
          term: '{Q}'
          aliases: ['{Q} on a wall']
          definition: 'A wall with `{HOSTILE}` on it.'
          basis: cited
          citations: [{{source: hostile, quote: '{WALL.replace("'", "''")}'}}]
        """,
    )
    project.write(
        f"timeline/events/{EVENT}.yml",
        f"""
        title: '{Q}'
        date: 2026-04-06?
        date_basis: inferred
        date_note: '{Q}'
        status: reported
        summary: 'Someone wrote `{HOSTILE}` on a wall.'
        tags: [graffiti]
        entities: [wall-writer]
        terms: [wall]
        citations: {CITES}
        """,
    )
    project.write(
        "timeline/explainer.yml",
        f"""
        title: '{Q}'
        lede: 'A story about `{HOSTILE}`.'
        sections:
          - id: what-happened
            heading: '{Q}'
            sentences:
              - text: 'Someone wrote `{HOSTILE}` on a wall.'
                events: [{EVENT}]
                citations: {CITES}
        """,
    )
    project.write(
        "timeline/redirects.yml",
        f"""
        - from: 2026-04-05-an-older-wall
          gone: '{Q}'
        """,
    )
    project.write(
        "timeline/tags.yml",
        f"""
        - id: graffiti
          label: '{Q}'
        """,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "repo")
    _write_story(project)
    assert project.check().stdout == "", project.check().stdout
    return built(project)


def _files(project: Project) -> dict[str, Path]:
    return {str(p.relative_to(project.site)): p for p in sorted(project.site.rglob("*")) if p.is_file()}


def test_the_hostile_story_builds_every_kind_of_page(hostile):
    files = _files(hostile)
    for name in (
        "index.html",
        "timeline/index.html",
        "entities/wall-writer/index.html",
        "glossary/index.html",
        "tags/graffiti/index.html",
        "sources/hostile/index.html",
        "sources/second/index.html",
        "feed.xml",
        "timelinejs.json",
        "search/search_index.json",
        *DATA_EXPORTS,
    ):
        assert name in files, name


def test_no_built_file_carries_the_markup_unescaped(hostile):
    """Pages, feeds, the search index, TimelineJS' data (which it renders as HTML), scripts, the
    sitemap: the payload's tags appear nowhere as markup."""
    found = []
    for name, path in _files(hostile).items():
        if name in DATA_EXPORTS or name.startswith("seeds/"):  # data, read as data below
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {raw}" for raw in RAW if raw in text]
    assert found == []


def test_every_page_shows_the_markup_as_text_and_runs_none_of_it(hostile):
    pages = {name: path for name, path in _files(hostile).items() if name.endswith(".html")}
    shown = 0
    for name, path in pages.items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("img[src=x], [onerror]"), name
        scripts = [s for s in soup.find_all("script") if "json" not in s.get("type", "")]  # JSON-LD is data
        assert not [s for s in scripts if "alert(" in (s.string or "")], name
        shown += soup.get_text().count(HOSTILE)
    assert shown >= len(pages) - 5  # nearly every page shows the payload as text (404 and the like do not)
    home = BeautifulSoup((hostile.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    passages = home.select(".tl-notes-by-source > .tl-cite-source")
    assert [p.get_text(" ", strip=True) for p in passages] == [
        f"{HOSTILE} , {HOSTILE} hostile:",
        f"{HOSTILE} , {HOSTILE} second:",
    ]
    assert home.select_one(".tl-lede code").get_text() == HOSTILE
    home.h1.select_one(".headerlink").decompose()
    assert home.h1.get_text() == HOSTILE
    card = BeautifulSoup((hostile.site / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    event = card.select_one("article.tl-event")
    assert event.h4.get_text() == HOSTILE
    assert event.select_one(".tl-summary code").get_text() == HOSTILE
    assert event.select_one(".tl-translation").get_text() == f"Translated by {HOSTILE}: {HOSTILE}"


def test_page_titles_and_headings_show_the_name_exactly(hostile):
    site_name = hostile.config["site_name"]
    for name in ("entities/wall-writer/index.html", "sources/hostile/index.html"):
        soup = BeautifulSoup((hostile.site / name).read_text(encoding="utf-8"), "html.parser")
        assert soup.title.get_text() == f"{HOSTILE} - {site_name}", name
        soup.h1.select_one(".headerlink").decompose()
        assert soup.h1.get_text() == HOSTILE, name  # no backslash of Markdown's escaping left over


def test_the_withdrawn_events_reason_is_text(hostile):
    page = (hostile.site / "timeline/index.html").read_text(encoding="utf-8")
    assert "2026-04-05-an-older-wall" in page and HOSTILE not in page.split("2026-04-05-an-older-wall", 1)[1][:2000]
    soup = BeautifulSoup(page, "html.parser")
    assert HOSTILE in soup.get_text()


def test_the_data_exports_carry_the_text_unchanged(hostile):
    assert (hostile.site / "seeds/hostile.txt").read_bytes() == (hostile.root / "seeds/hostile.txt").read_bytes()
    data = json.loads((hostile.site / "timeline.json").read_text(encoding="utf-8"))
    event = data["events"][0]
    assert event["title"] == HOSTILE and event["date_note"] == HOSTILE
    assert [c["quote"] for c in event["citations"]] == [WALL, HOSTILE]
    rows = list(csv.DictReader(io.StringIO((hostile.site / "timeline.csv").read_text(encoding="utf-8"))))
    assert rows[0]["title"] == HOSTILE
    ics = (hostile.site / "timeline.ics").read_text(encoding="utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    assert "SUMMARY;LANGUAGE=en:" + HOSTILE.replace(",", "\\,").replace(";", "\\;") in unfolded


@pytest.mark.parametrize(
    "value",
    [
        HOSTILE,
        'Tom & Jerry\'s "show"',
        "<b>阿里巴巴</b> & 「引用」",
        "„Zitat“ <i>über</i> & ‚mehr‘",
        "<مرحبا> & 'نص'",
        42,
    ],
)
def test_the_cards_escape_every_character_as_markupsafe_does(value):
    from markupsafe import Markup, escape

    from timeline_core.pages.pieces import escaped

    assert escaped(value) == str(escape(value))
    assert type(escaped(value)) is str  # a plain string, for an f-string
    assert escaped(Markup("<b>kept</b>")) == "<b>kept</b>"  # markup already, as escape leaves it
