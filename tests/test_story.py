"""The seed story as a reader meets it: complete, cited, honestly dated, speculation marked."""

from __future__ import annotations

import subprocess
import sys

from tests.test_loader import problems

STORY = {
    "2026-04-07-happyhorse-surfaces-on-artificial-analysis": "reported",
    "2026-04-07-happyhorse-tops-blind-test-rankings": "reported",
    "2026-04-07-observers-debate-who-built-happyhorse": "speculation",
    "2026-04-08-alibaba-shares-surge-6-75-percent": "reported",
    "2026-04-10-developers-say-happyhorse-is-alibaba-ath-project": "confirmed",
    "2026-04-10-alibaba-confirms-announcement-to-cnbc": "confirmed",
    "2026-04-10-alibaba-shares-close-2-12-percent-higher": "reported",
    "2026-04-10-openai-discontinues-sora": "reported",
    "2026-04-10-bytedance-pauses-seedance-2-0": "reported",
}


def _coverage(project, *args):
    return subprocess.run([sys.executable, "-m", "timeline_core.cli", "--root", str(project.root), "coverage",
                           *args], capture_output=True, text=True)


def test_every_sentence_of_the_seed_article_is_covered(project):
    run = _coverage(project, "--fail-under", "100")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "coverage: 25/25 sentences (100.0%)" in run.stdout
    assert "uncited on purpose: A reprint notice" in run.stdout


def test_coverage_drops_and_fails_when_a_sentence_loses_its_citations(project):
    sources = project.root / "timeline/sources.yml"
    text = sources.read_text()
    start = text.index("    - sentence: If you wish to reprint")
    sources.write_text(text[:start])
    run = _coverage(project, "--fail-under", "100")
    assert run.returncode == 1
    assert "coverage: 24/25 sentences (96.0%)" in run.stdout
    assert "not cited: cite it, or list it under the source's 'uncited' with a reason" in run.stdout


def test_an_uncited_sentence_must_be_in_the_source(project):
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text().replace("please indicate the source", "please cite the source"))
    assert any(p.startswith("timeline/sources.yml:24:17: error: text not found in seeds/") for p in problems(project))
    assert len(problems(project)) == 1


def test_the_timeline_holds_every_happening_with_its_status(project):
    assert project.build().returncode == 0
    page = project.page("timeline/index.html")
    shown = {article.h4["id"]: article.select_one(".tl-status").get_text(strip=True).lower()
             for article in page.select("article.tl-event")}
    assert shown == STORY


def test_speculation_is_never_shown_as_fact(project):
    assert project.build().returncode == 0
    page = project.page("timeline/index.html")
    for article in page.select("article.tl-event"):
        note = article.select_one(".tl-speculation-note")
        if "tl-status-speculation" in article["class"]:
            assert note.get_text(" ", strip=True).startswith("Speculation: the source reports that others guessed")
        else:
            assert note is None


def test_readers_see_four_dates_and_whether_each_date_is_inferred(project):
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project.root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x"],
                   cwd=project.root, check=True, env={"GIT_COMMITTER_DATE": "2026-05-02T12:00:00Z",
                                                      "GIT_AUTHOR_DATE": "2026-05-02T12:00:00Z",
                                                      "PATH": "/usr/bin:/bin"})
    assert project.build().returncode == 0
    page = project.page("timeline/index.html")
    article = page.select_one("#\\32 026-04-10-alibaba-shares-close-2-12-percent-higher").find_parent("article")
    dates = dict(zip([dt.get_text(strip=True) for dt in article.select(".tl-dates dt")],
                     [dd for dd in article.select(".tl-dates dd")]))
    assert list(dates) == ["Happened", "Reported", "Added", "Last changed"]
    assert dates["Happened"].time["datetime"] == "2026-04-10"
    assert dates["Happened"].get_text(" ", strip=True).startswith("10 Apr 2026? The source says \"on Friday\"")
    assert dates["Reported"].get_text(" ", strip=True) == "after 10 Apr 2026?"
    assert dates["Added"].time["datetime"] == "2026-05-02"
    assert dates["Last changed"].time["datetime"] == "2026-05-02"
    assert article.select_one(".tl-basis-inferred").get_text(strip=True) == "inferred date"
    surfaced = page.select_one("#\\32 026-04-07-happyhorse-surfaces-on-artificial-analysis").find_parent("article")
    assert surfaced.select_one(".tl-basis-stated").get_text(strip=True) == "stated date"


def test_home_page_explainer_cites_every_sentence_and_links_the_timeline(project):
    assert project.build().returncode == 0
    page = project.page("index.html")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert headings[:4] == ["What happened", "Who is involved", "Why it mattered", "What is still unknown"]
    sentences = page.select(".tl-sentence")
    assert len(sentences) >= 8
    for sentence in sentences:
        refs = sentence.select(".tl-ref a")
        assert refs, sentence.get_text()
        for ref in refs:
            assert page.select_one(ref["href"]).select_one("blockquote")
    targets = {a["href"] for a in page.select(".tl-to-event")}
    assert "timeline/#2026-04-07-observers-debate-who-built-happyhorse" in targets


def test_an_explainer_sentence_with_an_unverified_quote_is_an_error(project):
    explainer = project.root / "timeline/explainer.yml"
    explainer.write_text(explainer.read_text().replace("quote: Alibaba has corroborated the authenticity",
                                                       "quote: Alibaba has confirmed the authenticity"))
    found = problems(project)
    assert any(p.startswith("timeline/explainer.yml:45:20: error: text not found in seeds/") for p in found), found


def test_glossary_marks_general_knowledge_definitions(project):
    assert project.build().returncode == 0
    page = project.page("glossary/index.html")
    agi = page.select_one("#agi").find_parent("section")
    assert agi.select_one(".tl-basis").get_text(strip=True) == "General knowledge: no source defines this term."
    platform = page.select_one("#benchmarking-platform").find_parent("section")
    assert platform.select_one(".tl-basis").get_text(strip=True) == "Definition supported by the quotes below."


def test_each_entity_has_a_page_with_parent_children_and_events(project):
    assert project.build().returncode == 0
    page = project.page("entities/ath-ai-innovation-unit/index.html")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "ATH AI Innovation Unit"
    kind = page.select_one(".tl-kind")
    assert " ".join(kind.get_text().split()) == "Unit, part of Alibaba"
    assert kind.a["href"] == "../alibaba/"
    assert [a.get_text() for a in page.select(".tl-children a")] == ["HappyHorse-1.0"]
    events = [a["href"] for a in page.select(".tl-event-links a")]
    assert events == ["../../timeline/#2026-04-10-developers-say-happyhorse-is-alibaba-ath-project"]
    index = project.page("entities/index.html")
    assert len(index.select(".tl-entity-index li")) == 18
    timeline = project.page("timeline/index.html")
    who = timeline.select_one("#\\32 026-04-07-happyhorse-surfaces-on-artificial-analysis").find_parent("article")
    assert [a["href"] for a in who.select(".tl-entities a")] == ["../entities/happyhorse-1-0/",
                                                                "../entities/artificial-analysis/"]


def test_each_glossary_term_of_an_event_is_linked_once(project):
    """Where the summary mentions a term, the mention is the link; other terms are listed after it."""
    assert project.build().returncode == 0
    page = project.page("timeline/index.html")
    sora = page.select_one("#\\32 026-04-10-openai-discontinues-sora").find_parent("article")
    in_summary = [a["href"] for a in sora.select(".tl-summary a.tl-term-link")]
    listed = [a["href"] for a in sora.select(".tl-terms a")]
    assert in_summary == ["../glossary/#agi"] and listed == ["../glossary/#video-generation-model"]
    for article in page.select("article.tl-event"):
        hrefs = [a["href"] for a in article.select(".tl-summary a.tl-term-link, .tl-terms a")]
        assert len(hrefs) == len(set(hrefs)), article.h4["id"]
