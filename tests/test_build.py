"""A real `mkdocs build --strict` of a copy of the project, checked by what a reader sees."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import markdown

from tests.conftest import ENV, build_here, files_in
from tests.events import EVENT, GOOD
from timeline_core.pages.paging import LINKS_PER_PAGE

SOURCE = "riverside-gazette-footbridge"  # the test story's (tests/stories/riverside/)
VOTE = "2026-03-05-council-approves-footbridge"


def test_the_site_builds_with_every_page(example):
    home = example.page("index.html")
    nav = [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert nav == ["Home", "Timeline", "Who's who", "Glossary", "Sources", "Changes"]
    assert (example.site / "seeds/gazette-footbridge.txt").read_bytes() == (
        example.root / "seeds/gazette-footbridge.txt"
    ).read_bytes()


def _event(page, ident: str):
    return page.find(id=ident).find_parent("article")


def test_timeline_shows_events_in_order_with_dates_citations_and_anchors(example):
    page = example.page("timeline/index.html")
    titles = [h.get_text(strip=True) for h in page.select("article.tl-event h4")]
    assert titles == [
        "Riverside council approves the footbridge",  # 5 Mar
        "Residents speculate that the contract was a favour",  # on or before 6 Mar: read on 6 Mar, after the vote
        "Blue Line says the ferry could return by summer",
        "Councillors say the footbridge will go ahead",
        "Construction of the footbridge is expected to begin",
        "The old ferry service is suspended",  # background: after the story, under its own heading
    ]
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    assert headings == ["2026", "Background", "Withdrawn entries"]
    assert page.select_one("h3#\\32 026-03").get_text(strip=True).rstrip("¶") == "March 2026"
    vote = _event(page, VOTE)
    date = vote.select_one(".tl-date .tl-when")
    assert date.get_text(" ", strip=True) == "5 Mar 2026"
    assert date.time["datetime"] == "2026-03-05"
    quote = vote.select_one(".tl-citations li blockquote").get_text(" ", strip=True)
    assert quote == "The vote, held on 5 March 2026, passed by seven votes to four."
    links = [a["href"] for a in vote.select(".tl-cite-source a")]
    assert links[0] == f"../sources/#{SOURCE}"  # the publisher's name, once
    assert links[1].startswith(f"../sources/{SOURCE}/#q-")
    assert links[2] == (
        "https://gazette.example/2026/03/riverside-footbridge#:~:text="
        "The%20vote%2C%20held%20on,seven%20votes%20to%20four."
    )
    shown = {
        ident: _event(page, ident).select_one(".tl-date").get_text(" ", strip=True).split(" ", 1)[1]
        for ident in (
            "2025-old-ferry-service-is-suspended",
            "2026-03-06-residents-speculate-about-the-contract",
            "2026-03-09-councillors-say-the-footbridge-will-go-ahead",
            "2026-06-construction-is-expected-to-begin",
        )
    }
    assert [text.split(" inferred")[0].split(" stated")[0] for text in shown.values()] == [
        "2025",
        "on or before 6 Mar 2026",
        "9 – 10 Mar 2026",
        "c. Jun 2026",
    ]


def test_an_event_citing_two_publishers_and_a_rewrite_counts_two_publishers(example):
    timeline = example.page("timeline/index.html")
    event = _event(timeline, "2026-03-09-councillors-say-the-footbridge-will-go-ahead")
    sources = [a["href"] for a in event.select(".tl-cite-source a[href^='../sources/#']")]
    assert sources == ["../sources/#harbour-radio-ferry", f"../sources/#{SOURCE}", "../sources/#valley-wire-footbridge"]
    support = event.select_one(".tl-support")
    assert support.get_text(" ", strip=True) == (
        "Supported by: 2 publishers (Harbour Radio, Riverside Gazette); "
        "via Valley News Wire ( based on Riverside Gazette's report )"
    )
    assert support.a["href"] == "../sources/#valley-wire-footbridge"
    assert _event(timeline, VOTE).select_one(".tl-support").get_text(" ", strip=True) == (
        "Supported by: 1 publisher (Riverside Gazette)"
    )


def test_glossary_is_alphabetical_with_anchors(example):
    page = example.page("glossary/index.html")
    terms = [h.get_text(strip=True) for h in page.select(".tl-term h3")]
    assert terms == ["ferry service", "footbridge", "river crossing"]
    aliases = page.select_one("#river-crossing").find_parent("section").select_one(".tl-aliases")
    assert "crossing" in aliases.get_text()


def test_each_tag_has_a_page_that_its_event_chips_link_to(example):
    timeline = example.page("timeline/index.html")
    chip = _event(timeline, VOTE).select_one("a.tl-tag[href='../tags/council/']")
    assert chip is not None and chip.get_text() == "council"
    assert timeline.select_one(".tl-browse a[href='../tags/']").get_text() == "by tag"
    tag = example.page("tags/council/index.html")
    assert tag.h1.get_text(strip=True).rstrip("¶") == "Tag: council"
    assert [a["href"] for a in tag.select(".tl-event-links a")] == [
        f"../../timeline/#{VOTE}",
        "../../timeline/#2026-03-09-councillors-say-the-footbridge-will-go-ahead",
    ]
    assert tag.select_one(".tl-tag-summary a")["href"] == "../../timeline/?tag=council"
    index = example.page("tags/index.html")
    counts = {li.a.get_text(): li.select_one(".tl-count").get_text() for li in index.select(".tl-tag-index li")}
    assert counts == {"council": "2 events", "ferry": "3 events", "footbridge": "4 events"}


def test_sources_list_bibliography_links_and_citing_events(example):
    page = example.page("sources/index.html")
    source = page.select_one(f"#{SOURCE}").find_parent("section")
    hrefs = [a["href"] for a in source.select("a")]
    assert "https://gazette.example/2026/03/riverside-footbridge" in hrefs
    assert "../seeds/gazette-footbridge.txt" in hrefs
    assert f"../timeline/#{VOTE}" in hrefs
    assert "Cited by 5 events" in source.get_text(" ", strip=True)
    radio = page.select_one("#harbour-radio-ferry").find_parent("section")
    assert "Cited by 2 events" in radio.get_text(" ", strip=True)


def test_links_from_hand_written_pages_into_generated_pages_are_checked(project):
    """Anchors inside generated HTML blocks count for MkDocs' link check, and a wrong one fails."""
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + "\nnot_in_nav: /notes.md\n")
    project.write(
        "docs/notes.md",
        f"""
        # Notes

        See [the vote](timeline.md#{VOTE}),
        [the crossing](glossary.md#river-crossing) and [the source](sources.md#{SOURCE}).
        """,
    )
    run = project.build()
    assert run.returncode == 0, run.stderr
    links = [a["href"] for a in project.page("notes/index.html").select("article a[href*='#']")]
    assert f"../timeline/#{VOTE}" in links
    project.write("docs/notes.md", "# Notes\n\nSee [the claim](timeline.md#no-such-event).\n")
    run = project.build()
    assert run.returncode == 1
    assert (
        "contains a link 'timeline.md#no-such-event', but the doc 'timeline.md' does not contain an anchor"
        in run.stderr
    )


def test_a_page_size_that_is_not_a_count_fails_the_build_with_a_clear_message(project):
    project.set_option("links_per_page", 0)
    run = project.build()
    assert run.returncode == 1
    line = next(
        n
        for n, text in enumerate((project.root / "mkdocs.yml").read_text().splitlines(), 1)
        if text.strip().startswith("links_per_page:")
    )
    assert (
        f"mkdocs.yml:{line}:5: error: extra.timeline.links_per_page is 0; write a whole number of 1 or more "
        f"(the default is {LINKS_PER_PAGE})"
    ) in run.stderr
    assert "Traceback" not in run.stderr


def test_strict_build_fails_with_the_same_message_as_check(empty_project):
    empty_project.write(EVENT, GOOD.replace("summary:", "summry:"))
    check = empty_project.check()
    build = empty_project.build()
    assert check.returncode == 1 and build.returncode == 1
    expected = (
        f"{EVENT}:5:1: error: unknown field 'summry' in the event (did you mean 'summary'?); "
        "allowed fields: title, date, date_basis, date_note, status, summary, background, tags, entities, terms, "
        "citations"
    )
    assert expected in check.stdout.splitlines()
    assert expected in build.stderr
    assert "Traceback" not in build.stderr + check.stderr


def test_raw_html_in_markdown_is_refused_and_never_rendered(empty_project):
    empty_project.write(
        EVENT,
        GOOD.replace(
            "summary: The Example Company says its model is ready.", "summary: 'Ready <script>alert(1)</script>'"
        ),
    )
    assert (
        f"{EVENT}:5:10: error: field 'summary' in the event: raw HTML ('<script') is not allowed; write "
        "Markdown instead, or put it in `backticks` to show it as text"
    ) in empty_project.check().stdout
    run = empty_project.build(strict=False)
    assert run.returncode == 0, run.stderr
    html = (empty_project.root / "site/timeline/index.html").read_text()
    assert "<script>alert(1)" not in html
    assert "raw HTML (&#39;&lt;script&#39;) is not allowed" in html  # in the problems banner, escaped


def test_serve_mode_build_shows_problems_on_the_page(empty_project):
    empty_project.write(EVENT, GOOD.replace("2026-04-06", "2026-02-30"))
    run = empty_project.build(strict=False)  # as `mkdocs serve` builds
    assert run.returncode == 0
    assert f"ERROR   -  {EVENT}:2:7: error: field 'date'" in run.stderr
    banner = empty_project.page("timeline/index.html").select_one(".tl-problems")
    assert "'2026-02-30' is not a real day" in banner.get_text()


def test_a_print_source_and_new_entity_kinds_read_in_plain_words(empty_project):
    sources = empty_project.root / "timeline/sources.yml"
    sources.write_text(
        sources.read_text().replace(
            "  url: https://example.com/news\n", "  location: Example Press, print edition, page 3\n"
        )
    )
    entities = empty_project.root / "timeline/entities.yml"
    entities.write_text(entities.read_text().replace("kind: organization", "kind: law"))
    empty_project.write(EVENT, GOOD)
    run = empty_project.build()
    assert run.returncode == 0, run.stderr
    event = empty_project.page("timeline/index.html").select_one("article.tl-event")
    links = [a.get_text() for a in event.select(".tl-cite-source a")]
    assert links == ["Example Press", "In the archived copy"]  # no original on the web to link
    source = empty_project.page("sources/index.html").select_one("section.tl-source")
    shown = dict(
        zip([dt.get_text() for dt in source.select("dt")], [dd.get_text() for dd in source.select("dd")], strict=True)
    )
    assert shown["Where to find it"] == "Example Press, print edition, page 3" and "Original" not in shown
    annotated = empty_project.page("sources/example/index.html").select_one(".tl-source-meta").get_text()
    assert "original: Example Press, print edition, page 3." in annotated
    entity = empty_project.page("entities/example-co/index.html").select_one(".tl-kind").get_text(" ", strip=True)
    assert entity == "Law or rule"
    assert empty_project.page("entities/index.html").select_one(".tl-kind").get_text() == "law or rule"
    data = json.loads((empty_project.site / "timeline.json").read_text())
    assert (data["sources"][0]["url"], data["sources"][0]["location"]) == (None, "Example Press, print edition, page 3")


def test_generated_pages_converted_by_one_markdown_equal_those_mkdocs_converts_one_by_one(project, monkeypatch):
    made: list = []  # every Markdown instance a build converts with, kept (so no id is reused)
    reset = markdown.Markdown.reset
    monkeypatch.setattr(markdown.Markdown, "reset", lambda md: made.append(md) or reset(md))
    assert not build_here(project.root, strict=True, site_dir=project.root / "by-one").aborted
    by_one = files_in(project.root / "by-one")
    pages = len([path for path in by_one if path.endswith(".html")])
    assert len({id(md) for md in made}) < pages // 2  # the generated pages' one, and each hand-written page's

    def one_by_one(config) -> None:  # MkDocs' own Page.render: a new instance for each page
        config.plugins["hooks/timeline_hooks.py"]._one_markdown_for_all = lambda config: False

    made.clear()
    assert not build_here(project.root, strict=True, site_dir=project.root / "by-mkdocs", prepare=one_by_one).aborted
    assert len({id(md) for md in made}) >= pages - 1  # every page (but the 404) its own
    assert files_in(project.root / "by-mkdocs") == by_one


def test_a_build_and_a_check_leave_what_they_hold_to_the_system_when_their_process_ends(project):
    """`mkdocs build` and `timeline check` end their process right after their work: what they
    still hold is frozen by then (after a 10,000-event build the teardown's collection otherwise
    finds and frees 190,000 objects, most of a second), and only then; the site is whole."""
    at_exit = "import atexit, gc, sys; atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr))"
    for command, starts in (
        (["mkdocs", "build", "--strict"], "from mkdocs.__main__ import cli; cli()"),
        (["timeline", "check"], "from timeline_core.cli import main; sys.exit(main())"),
    ):
        run = subprocess.run(
            [sys.executable, "-c", f"{at_exit}; {starts}", *command[1:]],
            cwd=project.root,
            capture_output=True,
            text=True,
            env=ENV,
        )
        assert run.returncode == 0, run.stderr
        frozen = [int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("frozen ")]
        assert len(frozen) == 1 and frozen[0] > 10_000, (command, run.stderr[-2000:])
    assert (project.root / "site/timeline/index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    before = gc.get_freeze_count()
    assert project.check().returncode == 0  # in this process, which goes on: nothing frozen
    assert gc.get_freeze_count() == before
