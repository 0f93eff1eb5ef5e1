"""What a reader meets on each page of the test story: statuses, honest dates, citations, links."""

from __future__ import annotations

from tests.events import EVENT, GOOD, problems

SPECULATION = "2026-03-06-residents-speculate-about-the-contract"
FERRY_NEWS = "2026-03-09-blue-line-says-the-ferry-could-return"


def _article(page, ident: str):
    return page.find(id=ident).find_parent("article")


def test_every_sentence_of_every_source_is_covered(project):
    run = project.cli("coverage", "--fail-under", "100")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count(" sentences (") == 3  # one line per source
    assert "coverage: 8/8 sentences (100.0%)" in run.stdout  # headline and byline are not counted
    assert "uncited on purpose: An advertisement for the newspaper." in run.stdout


def test_coverage_drops_and_fails_when_a_sentence_loses_its_citations(project):
    sources = project.root / "timeline/sources.yml"
    sources.write_text(
        sources.read_text().replace(
            """  uncited:
    - sentence: Subscribe to the Gazette for more local news.
      reason: An advertisement for the newspaper.
""",
            "",
        )
    )
    run = project.cli("coverage", "--fail-under", "100")
    assert run.returncode == 1
    assert "coverage: 7/8 sentences (87.5%)" in run.stdout
    assert "not cited: cite it, or list it under the source's 'uncited' with a reason" in run.stdout


def test_an_uncited_sentence_must_be_in_the_source(project):
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text().replace("for more local news", "for more news"))
    found = problems(project)
    assert len(found) == 2  # the entry is no text of the source, so the sentence it excused is not excused
    assert found[1].startswith("timeline/sources.yml:18:17: error: text not found in seeds/gazette-footbridge.txt")
    assert found[0].startswith("seeds/gazette-footbridge.txt:10:1: error: sentence of source 'riverside-gazette")


def test_the_timeline_shows_each_status(example):
    page = example.page("timeline/index.html")
    shown = {
        article.h4["id"]: article.select_one(".tl-status").get_text(strip=True)
        for article in page.select("article.tl-event")
    }
    assert shown["2026-03-09-councillors-say-the-footbridge-will-go-ahead"] == "Confirmed"  # two publishers
    assert shown[SPECULATION] == "Speculation"
    assert shown[FERRY_NEWS] == "Reported"


def test_speculation_is_never_shown_as_fact(example):
    page = example.page("timeline/index.html")
    for article in page.select("article.tl-event"):
        note = article.select_one(".tl-speculation-note")
        if article.h4["id"] == SPECULATION:
            assert "tl-status-speculation" in article["class"]
            assert note.get_text(" ", strip=True).startswith("Speculation: the source reports that others guessed")
        else:
            assert note is None


def test_readers_see_four_dates_and_whether_each_date_is_inferred(example):
    page = example.page("timeline/index.html")
    article = _article(page, FERRY_NEWS)
    dates = dict(
        zip(
            [dt.get_text(strip=True) for dt in article.select(".tl-dates dt")],
            [dd for dd in article.select(".tl-dates dd")],
            strict=True,
        )
    )
    assert list(dates) == ["Happened", "Reported", "Added", "Last changed"]
    assert dates["Happened"].time["datetime"] == "2026-03-09"
    assert (
        dates["Happened"]
        .get_text(" ", strip=True)
        .startswith('9 Mar 2026 The source, published on Tuesday 10 March 2026, says "on Monday".')
    )
    assert dates["Reported"].get_text(" ", strip=True) == "10 Mar 2026"
    assert dates["Added"].time["datetime"] == "2026-05-02"  # the commit date (see conftest.COMMIT_DATE)
    assert dates["Last changed"].time["datetime"] == "2026-05-02"
    assert article.select_one(".tl-basis-inferred").get_text(strip=True) == "inferred date"
    vote = _article(page, "2026-03-05-council-approves-footbridge")
    assert vote.select_one(".tl-basis-stated").get_text(strip=True) == "stated date"


def test_home_page_explainer_cites_every_sentence_and_links_the_timeline(example):
    page = example.page("index.html")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert headings[:2] == ["The vote", "The ferry"]
    sentences = page.select(".tl-sentence")
    assert len(sentences) == 3
    for sentence in sentences:
        refs = sentence.select(".tl-ref a")
        assert refs, sentence.get_text()
        for ref in refs:
            assert page.select_one(ref["href"]).select_one("blockquote")
    targets = [a["href"] for a in sentences[2].select(".tl-to-event")]
    assert targets == ["timeline/#2025-old-ferry-service-is-suspended", f"timeline/#{FERRY_NEWS}"]


def test_an_explainer_sentence_with_an_unverified_quote_is_an_error(project):
    explainer = project.root / "timeline/explainer.yml"
    explainer.write_text(
        explainer.read_text().replace(
            "quote: it could restore the river crossing by summer",
            "quote: it could reopen the river crossing by summer",
        )
    )
    found = problems(project)
    assert len(found) == 1
    assert found[0].startswith("timeline/explainer.yml:30:20: error: text not found in seeds/harbour-radio-ferry.txt")


def test_glossary_marks_general_knowledge_definitions(example):
    page = example.page("glossary/index.html")
    general = page.select_one("#footbridge").find_parent("section")
    assert general.select_one(".tl-basis").get_text(strip=True) == "General knowledge: no source defines this term."
    cited = page.select_one("#river-crossing").find_parent("section")
    assert cited.select_one(".tl-basis").get_text(strip=True) == "Definition supported by the quotes below."


def test_each_entity_has_a_page_with_parent_children_and_events(example):
    page = example.page("entities/blue-line/index.html")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "Blue Line"
    kind = page.select_one(".tl-kind")
    assert " ".join(kind.get_text().split()) == "Organization, part of Harbour Group"
    assert kind.a["href"] == "../harbour-group/"
    parent = example.page("entities/harbour-group/index.html")
    assert [a.get_text() for a in parent.select(".tl-children a")] == ["Blue Line"]
    events = [a["href"] for a in page.select(".tl-event-links a")]
    assert events == [f"../../timeline/#{FERRY_NEWS}"]
    index = example.page("entities/index.html")
    assert len(index.select(".tl-entity-index li")) == 6
    timeline = example.page("timeline/index.html")
    who = _article(timeline, FERRY_NEWS)
    assert [a["href"] for a in who.select(".tl-entities a")] == ["../entities/blue-line/", "../entities/harbour-group/"]


def test_each_glossary_term_of_an_event_is_linked_once(example):
    """Where the summary mentions a term, the mention is the link; other terms are listed after it."""
    page = example.page("timeline/index.html")
    news = _article(page, FERRY_NEWS)
    in_summary = [a["href"] for a in news.select(".tl-summary a.tl-term-link")]
    listed = [a["href"] for a in news.select(".tl-terms a")]
    assert in_summary == ["../glossary/#river-crossing"] and listed == ["../glossary/#ferry-service"]
    for article in page.select("article.tl-event"):
        hrefs = [a["href"] for a in article.select(".tl-summary a.tl-term-link, .tl-terms a")]
        assert len(hrefs) == len(set(hrefs)), article.h4["id"]


WITHDRAWN = "2026-03-04-council-schedules-the-vote"


def test_a_withdrawn_event_leaves_a_notice_at_its_old_link_and_nothing_in_the_exports(example):
    notice = example.page("timeline/index.html").find(id=WITHDRAWN)
    assert notice.name == "li" and "tl-retired" in notice["class"]
    assert " ".join(notice.get_text(" ").split()) == (
        "Withdrawn: an entry that was on this timeline has been removed. It repeated the vote's own entry and "
        "cited no source of its own, so it was withdrawn on review. Links to it lead to this notice ( its "
        "permanent link )."
    )
    assert notice.a["href"] == f"#{WITHDRAWN}" and notice.code is None  # a sentence, no raw id in code
    for export in ("timeline.json", "timeline.csv", "feed.xml", "timeline.ics", "timelinejs.json"):
        assert WITHDRAWN not in (example.site / export).read_text(), export


def test_a_redirect_is_either_a_new_id_or_a_withdrawal(project):
    redirects = project.root / "timeline/redirects.yml"
    redirects.write_text(
        redirects.read_text() + "- from: 2026-03-01-both\n  to: 2025-old-ferry-service-is-suspended\n"
        "  gone: Both.\n- from: 2026-03-01-neither\n"
    )
    found = problems(project)
    assert [p.split(": error: ")[1].split(";")[0].split(" (")[0] for p in found] == [
        "'2026-03-01-both' has both 'to' and 'gone'",
        "redirect '2026-03-01-neither' needs 'to' or 'gone'",
    ]


def test_a_headline_byline_dateline_and_caption_are_not_sentences_of_the_story(empty_project):
    empty_project.write(
        "seeds/example.txt",
        """
        Example model is ready
        By A. Writer
        EXAMPLE CITY, April 6 — The Example Company said on Monday that its model is ready.
        A robot waves at the camera (Photo: Example Press).
        """,
    )
    assert empty_project.cli("source", "rehash", "example").returncode == 0  # the archive was re-taken
    sources = empty_project.root / "timeline/sources.yml"
    sources.write_text(
        sources.read_text() + "  headline: Example model is ready\n  byline: By A. Writer\n"
        "  dateline: EXAMPLE CITY, April 6 —\n"
        "  captions:\n    - 'A robot waves at the camera (Photo: Example Press).'\n"
    )
    empty_project.write(EVENT, GOOD)
    run = empty_project.cli("coverage", "--fail-under", "100")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "coverage: 1/1 sentences (100.0%)" in run.stdout  # no uncited entries were needed
    sources.write_text(sources.read_text().replace("By A. Writer", "By A. Writter"))
    assert problems(empty_project) == [
        "timeline/sources.yml:10:11: error: field 'byline': text not found in seeds/example.txt; copy it exactly "
        'as it appears there. Closest passage: "By A. Writer EXAMPLE"'
    ]


def test_home_pages_event_links_say_where_they_go_without_a_tooltip(example):
    page = example.page("index.html")
    links = page.select(".tl-sentence a.tl-to-event")
    assert [" ".join(a.get_text(" ").split()) for a in links] == [
        "→ 5 Mar 2026",
        "→ on or before 6 Mar 2026",
        "→ 2025",
        "→ 9 Mar 2026",
    ]
    assert links[0]["aria-label"] == "5 Mar 2026 on the timeline: Riverside council approves the footbridge"


def test_home_pages_quoted_passages_name_each_source_once_and_keep_their_numbers(example):
    page = example.page("index.html")
    named = [p.get_text(" ", strip=True) for p in page.select(".tl-notes-by-source > .tl-cite-source")]
    assert named == [
        "Council approves Riverside footbridge , Riverside Gazette:",
        "Blue Line says ferry could return by summer , Harbour Radio:",
    ]
    numbers = [li["id"] for li in page.select(".tl-notes-by-source li")]
    assert numbers == ["note-1", "note-2", "note-3", "note-4"]
    for ref in page.select(".tl-ref a"):
        assert page.select_one(ref["href"]).select_one("blockquote")


def test_a_quote_with_its_own_quotation_marks_gets_no_more(project):
    """“We have no buyer…” is shown once quoted, whether the site adds the marks or the quote has them."""
    from timeline_core.model.records import Citation
    from timeline_core.pages.render import excerpt_html, quote_html

    own = Citation("x", "“We have no buyer,” the mayor said.")
    assert 'class="tl-quote tl-quote-marked"' in quote_html(own, None)
    assert str(excerpt_html(own.quote, 70, None)) == "<span>“We have no buyer,” the mayor said.</span>"
    plain = Citation("x", "We have no buyer for the building, the mayor said on Friday after the long meeting.")
    assert 'class="tl-quote"' in quote_html(plain, None)
    assert str(excerpt_html(plain.quote, 40, None)) == "“<span>We have no buyer for the building, the…</span>”"
