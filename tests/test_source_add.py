"""`timeline source add`, `quote`, `source rehash` and the checks around sources, as a contributor runs them.

Pages come from a local server (tests/webserver.py); nothing here needs the internet.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
import yaml

from tests.conftest import Project
from tests.story_invariants import story_problems
from tests.webserver import PAGES, closed_port, serve_pages

ORIGINAL = "riverside-gazette-footbridge"  # the test story's sources (tests/stories/riverside/)
WITHHELD = "harbour-radio-ferry"


@pytest.fixture(scope="module")
def web():
    with serve_pages() as (base, agents):
        yield base, agents


def _tree(project: Project) -> dict[str, str]:
    """Every file under timeline/ and seeds/, by path, with a digest of its bytes."""
    return {
        str(path.relative_to(project.root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for part in ("timeline", "seeds")
        for path in sorted((project.root / part).rglob("*"))
        if path.is_file()
    }


def _entry(project: Project, ident: str) -> dict:
    entries = yaml.safe_load((project.root / "timeline/sources.yml").read_text(encoding="utf-8"))
    return next(entry for entry in entries if entry["id"] == ident)


@pytest.mark.parametrize(
    ("page", "options", "fields"),
    [
        (
            "jsonld-article",
            (),
            {
                "id": "harbour-radio-group-orders-new-ferry",
                "title": "Harbour Group orders a new ferry for the river crossing",
                "publisher": "Harbour Radio",
                "author": "Priya Natarajan",
                "published": "2026-03-11",
            },
        ),
        (
            "opengraph-article",
            (),
            {
                "title": "Footbridge design unveiled at packed town hall",
                "publisher": "Valley Courier",
                "author": "Tomasz Wiśniewski",
                "published": "2026-03-14",
            },
        ),
        (
            "plain-article",
            ("--publisher", "Riverside Community Bulletin", "--id", "bulletin-ferry-fares"),
            {"id": "bulletin-ferry-fares", "title": "Ferry fares announced", "published": "2026-03-18"},
        ),
        (  # no spaces between words: its length is counted in characters (128 words, not 5)
            "chinese-article",
            (),
            {
                "id": "he-pan-shi-yi-hui-pi",  # transliterated: the publisher's name, then the title's
                "title": "河畔市议会批准修建人行桥",
                "publisher": "河畔日报",
                "author": "李明",
                "published": "2026-03-06",
                "language": "zh-CN",  # the page's <html lang>
            },
        ),
        (
            "japanese-article",
            (),
            {
                "id": "chuan-bian-shi-yi-hui-bu",
                "title": "川辺市議会、歩道橋の建設を承認",
                "author": "佐藤花子",
                "language": "ja",
            },
        ),
        (  # a one-word name, as Korean names are written, from <meta name="author">
            "korean-article",
            (),
            {
                "id": "gangbyeonilbo-gangbyeonsiuihoe-bohaenggyo-geonseol-seungin",
                "title": "강변시의회, 보행교 건설 승인",
                "author": "김민준",
                "language": "ko",
            },
        ),
        (
            "arabic-article",
            (),
            {
                "id": "shifa-dfaf-arabic-article",  # the page's own Latin address words
                "publisher": "صحيفة ضفاف النهر",
                "author": "ليلى حسن",
                "language": "ar",
            },
        ),
        (  # no <html lang>: its language is read from its text
            "russian-article",
            (),
            {"id": "rechnye-vesti-gorodskoy-sovet-prirechya-odobril", "publisher": "Речные вести", "language": "ru"},
        ),
        (  # <html lang="en"> from the site's template, on a German article: the text decides
            "german-article",
            (),
            {
                "id": "flussbacher-anzeiger-stadtrat-von-flussbach-genehmigt",
                "publisher": "Flussbacher Anzeiger",
                "language": "de",
            },
        ),
    ],
)
def test_a_page_is_archived_as_a_reader_sees_the_article(project, web, page, options, fields):
    base, agents = web
    url = f"{base}news/{page}.html"
    run = project.cli("source", "add", url, "--accessed", "2026-03-21", *options)
    assert run.returncode == 0, run.stderr
    assert "check by hand" in run.stdout and "uv run timeline quote" in run.stdout
    ident = run.stdout.split("'")[1]
    entry = _entry(project, ident)
    archived = (project.root / entry["archive"]).read_text(encoding="utf-8")
    assert archived == (PAGES / f"{page}.txt").read_text(encoding="utf-8")  # menus, banners, comments all gone
    assert {name: entry.get(name) for name in fields} == fields
    assert (entry["url"], entry["accessed"], entry["republish"]) == (url, "2026-03-21", "quotes-only")
    assert entry["sha256"] == hashlib.sha256(archived.encode()).hexdigest()
    assert entry["published_note"] == "The day the page gives as its publication date."
    assert "(found " in run.stdout  # how it was found is told, not published
    assert entry["archive"] == f"seeds/{ident}.txt"
    assert project.check().returncode == 0
    assert agents[-1].startswith("timeline-site-source-add/")  # the server can tell who is asking


def test_a_redirect_records_the_address_the_article_is_at(project, web):
    base, _ = web
    run = project.cli("source", "add", f"{base}moved")
    assert run.returncode == 0, run.stderr
    entry = _entry(project, run.stdout.split("'")[1])
    assert entry["url"] == f"{base}news/opengraph-article.html"
    assert "the address after redirects" in run.stdout


def test_a_saved_page_is_archived_like_a_fetched_one_and_keeps_its_canonical_address(project, tmp_path):
    saved = tmp_path / "saved.html"
    shutil.copy(PAGES / "opengraph-article.html", saved)
    run = project.cli("source", "add", str(saved))
    assert run.returncode == 0, run.stderr
    entry = _entry(project, run.stdout.split("'")[1])
    assert entry["url"] == "https://courier.example/news/footbridge-design-unveiled"
    assert (project.root / entry["archive"]).read_text() == (PAGES / "opengraph-article.txt").read_text()


BAD_INPUT = {
    "unreachable host": (lambda base: [f"http://127.0.0.1:{closed_port()}/news/x.html"], "could not reach"),
    "timeout": (lambda base: [f"{base}slow.html", "--timeout", "1"], "did not answer within 1 s (--timeout)"),
    "HTTP error": (lambda base: [f"{base}news/gone.html"], "answered HTTP 404"),
    "server error": (lambda base: [f"{base}server-error"], "answered HTTP 500"),
    "not HTML": (lambda base: [f"{base}report.pdf"], "is application/pdf, not a web page"),
    "too large": (lambda base: [f"{base}big.html"], "the limit is 4,194,304 (--max-bytes)"),
    "too large, unannounced": (lambda base: [f"{base}big-unannounced.html"], "the limit is 4,194,304 (--max-bytes)"),
    "paywall": (lambda base: [f"{base}news/paywall.html"], "looks like a paywall"),
    "script only": (lambda base: [f"{base}news/script-only.html"], "only 0 words of article text"),
    "URL already archived": (
        lambda base: ["https://gazette.example/2026/03/riverside-footbridge/"],
        f"is already archived as source '{ORIGINAL}' (seeds/gazette-footbridge.txt, timeline/sources.yml line 3)",
    ),
    "text already archived": (
        lambda base: [
            *("seeds/gazette-footbridge.txt", "--url", "https://elsewhere.example/copy"),
            *("--title", "A copy", "--publisher", "Elsewhere"),
        ],
        f"this text is already archived as source '{ORIGINAL}'",
    ),
    "id exists": (
        lambda base: [f"{base}news/jsonld-article.html", "--id", WITHHELD],
        f"a source with id '{WITHHELD}' already exists (timeline/sources.yml line 21)",
    ),
    "unknown based_on": (
        lambda base: [f"{base}news/jsonld-article.html", "--based-on", "valley-wire-footbridg"],
        "did you mean",
    ),
    "full text without a basis": (
        lambda base: [f"{base}news/jsonld-article.html", "--republish", "full-text"],
        "--republish full-text needs --republish-basis",
    ),
    "neither address nor file": (lambda base: ["no-such-file.html"], "is neither a web address"),
    "not a web address": (lambda base: ["ftp://files.example/a.html"], "only http:// and https:// links"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_gives_one_clear_message_and_writes_nothing(project, web, case):
    base, _ = web
    arguments_of, message = BAD_INPUT[case]
    before = _tree(project)
    run = project.cli("source", "add", *[a.replace("seeds/", f"{project.root}/seeds/") for a in arguments_of(base)])
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and message in errors[0], run.stderr
    assert run.stderr.rstrip().endswith("nothing was written")
    assert _tree(project) == before


def test_a_source_and_an_event_citing_it_in_two_commands(project, web):
    """The path CONTRIBUTING shows: nothing is copied by hand, and the quote verifies."""
    base, _ = web
    added = project.cli("source", "add", f"{base}news/jsonld-article.html")
    assert added.returncode == 0, added.stderr
    ident = added.stdout.split("'")[1]
    new = project.cli(
        *("new", "--title", "Harbour Group orders a new ferry", "--date", "2026-03-11"),
        *("--source", ident, "--find", "ordered new boat Riverside crossing"),
    )
    assert new.returncode == 0, new.stderr
    assert 'quoting line 2: "Harbour Group has ordered a new boat for the Riverside crossing, the company' in new.stdout
    check = project.check()
    problems = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert problems and all("TODO" in line for line in problems)  # only the summary is left to write
    event = next((project.root / "timeline/events").glob("2026-03-11-*.yml"))
    event.write_text(
        event.read_text().replace(
            '"TODO: what happened, in one paragraph, every claim supported by a quote"',
            "Harbour Group orders a new boat for the Riverside crossing.",
        )
    )
    assert project.check().returncode == 0


def test_quote_prints_the_passages_exactly_as_they_must_be_pasted(project):
    run = project.cli("quote", ORIGINAL, "votes", "seven", "four", "--count", "2")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[:3] == [
        "seeds/gazette-footbridge.txt:4: (3 of 3 words)",
        f"  - source: {ORIGINAL}",
        '    quote: "The vote, held on 5 March 2026, passed by seven votes to four."',
    ]
    assert len([line for line in lines if line.startswith("seeds/")]) == 2
    wrong = project.cli("quote", "gazete-footbridge", "votes")
    assert wrong.returncode == 1 and f"did you mean '{ORIGINAL}'" in wrong.stderr


def test_an_archive_edited_after_it_was_taken_is_reported_until_rehashed(project):
    archive = project.root / "seeds/gazette-footbridge.txt"
    archive.write_text(archive.read_text() + "Letters to the editor are welcome.\n")
    check = project.check()
    assert check.returncode == 1
    assert (
        "timeline/sources.yml:11:11: error: field 'sha256': seeds/gazette-footbridge.txt was changed after it was "
        "archived" in check.stdout
    )
    assert f"uv run timeline source rehash {ORIGINAL}" in check.stdout
    rehash = project.cli("source", "rehash", ORIGINAL)
    assert rehash.returncode == 0, rehash.stderr
    assert _entry(project, ORIGINAL)["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    # the story's own article is complete: the new sentence must now be accounted for
    assert project.check().stdout.startswith(
        "seeds/gazette-footbridge.txt:11:1: error: sentence of source 'riverside-gazette-footbridge' (coverage: "
        'complete) not accounted for: "Letters to the editor are welcome."'
    )


def test_two_archives_sharing_their_text_fail_the_check_until_the_data_says_why(project):
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text().replace(f"  based_on: {ORIGINAL}\n", ""))
    check = project.check()
    assert check.returncode == 1  # counted as two publishers, the copies would overstate confirmation
    (problem,) = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert problem.startswith("timeline/sources.yml:")
    assert f"if one rewrites, syndicates or translates the other, say so with 'based_on: {ORIGINAL}'" in problem
    assert "say why under 'shares_text:'" in problem
    github = project.check("--format", "github")
    assert "::error file=timeline/sources.yml,line=" in github.stdout
    # acknowledged: the corroborating report quotes the original, and says so with a reason
    copy = problem.split("'")[1] if problem.split("'")[1] != ORIGINAL else problem.split("'")[3]
    entries = sources.read_text()
    at = entries.index(f"- id: {copy}\n")
    end = entries.find("\n- id: ", at + 1)
    end = len(entries) if end == -1 else end
    acknowledged = f"  shares_text:\n    - source: {ORIGINAL}\n      reason: Quotes the report's opening sentence.\n"
    sources.write_text(entries[:end].rstrip("\n") + "\n" + acknowledged + entries[end:])
    check = project.check()
    assert check.returncode == 0, check.stdout
    assert check.stdout == ""
    said = sources.read_text()
    sources.write_text(said.replace(f"- source: {ORIGINAL}\n      reason:", "- source: nowhere\n      reason:"))
    assert "unknown source 'nowhere'" in project.check().stdout


def test_a_source_not_to_be_republished_shows_only_its_quotes(example, tmp_path):
    page = example.page(f"sources/{WITHHELD}/index.html")
    passages = [p.get_text() for p in page.select(".tl-excerpts p")]
    assert passages == [
        "[…]",  # the headline: not quoted, so left out
        "The ferry operator Blue Line said on Monday that it could restore the river crossing by summer. "
        "Blue Line, part of the Harbour Group, said a new boat had been ordered. "
        "Councillors welcomed the news but said the footbridge would go ahead.",
    ]
    assert "No permission to republish it is recorded" in page.select_one(".tl-source-meta").get_text()
    assert not (example.site / "seeds/harbour-radio-ferry.txt").exists()
    assert (example.site / "seeds/gazette-footbridge.txt").exists()  # published in full, with permission
    leaked = Project(example.root, site_dir=tmp_path / "site")
    shutil.copytree(example.site, leaked.site)
    shutil.copy(example.root / "seeds/harbour-radio-ferry.txt", leaked.site / "seeds/harbour-radio-ferry.txt")
    assert any(p.startswith("a_source_not_to_be_republished_shows_only_its_quotes:") for p in story_problems(leaked))


def test_the_publisher_count_is_in_every_export(example):
    data = json.loads((example.site / "timeline.json").read_text())
    counts = {e["id"]: e["publishers"] for e in data["events"]}
    assert counts["2026-03-09-councillors-say-the-footbridge-will-go-ahead"] == 2
    schema = json.loads((example.site / "timeline.schema.json").read_text())
    assert schema["properties"]["events"]["items"]["properties"]["publishers"]["minimum"] == 1
    for name in ("feed.xml", "timeline.ics", "timelinejs.json"):
        text = (example.site / name).read_text().replace("\n ", "").replace("\\,", ",").replace("\\;", ";")
        assert "Supported by 2 publishers (Harbour Radio, Riverside Gazette); via Valley News Wire" in text, name


def test_built_sources_page_groups_by_publisher_and_shows_relations(example):
    page = example.page("sources/index.html")
    publishers = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2.tl-publisher")]
    assert publishers == ["Harbour Radio", "Riverside Gazette", "Valley News Wire"]
    wire = page.select_one("#valley-wire-footbridge").find_parent("section")
    assert "Based on Council approves Riverside footbridge , Riverside Gazette" in wire.get_text(" ", strip=True)
    gazette = page.select_one(f"#{ORIGINAL}").find_parent("section")
    assert gazette.select_one(".tl-relayed-by a")["href"] == "#valley-wire-footbridge"


def _errors_of(run) -> list[str]:
    assert run.returncode == 1 and run.stderr.rstrip().endswith("nothing was written"), run.stderr
    return [line.removeprefix("error: ") for line in run.stderr.splitlines() if line.startswith("error: ")]


def test_every_problem_of_a_run_is_reported_at_once_and_a_saved_page_is_not_told_to_be_saved(project, tmp_path):
    saved = tmp_path / "teaser.html"
    shutil.copy(PAGES / "paywall.html", saved)
    before = _tree(project)
    errors = _errors_of(project.cli("source", "add", str(saved)))
    assert len(errors) == 2, errors
    assert errors[0].startswith("the page holds only ") and ' It starts: "' in errors[0]  # what was found
    assert "Save Page As" not in errors[0] and "copy the article's text from the browser" in errors[0]
    assert errors[1] == "the source has no address: pass --url with the original's address (or --location)"
    assert _tree(project) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty: there is nothing in it to archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not text (it holds binary data)"),
    ],
)
def test_an_empty_or_binary_file_says_so(project, tmp_path, content, message):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    errors = _errors_of(project.cli("source", "add", str(page), "--url", "https://x.example/a"))
    assert errors == [f"{page} {message}" + ("" if content == b"" else ": a FILE must be a saved page or a .txt")]


def test_min_words_takes_one_or_more_and_all_bad_options_are_named(project):
    errors = _errors_of(
        project.cli("source", "add", "https://x.example/a", "--min-words", "0", "--language", "Deutsch")
    )
    assert [error.split(":")[0] for error in errors] == ["--language", "--min-words"]
    assert errors[1] == "--min-words: 0 is not a length; give 1 or more"


def test_a_text_files_dateline_gives_its_publication_day(project, tmp_path):
    release = tmp_path / "release.txt"
    shutil.copy(PAGES / "press-release.txt", release)
    run = project.cli(
        *("source", "add", str(release), "--url", "https://council.example/r", "--title", "Consultation"),
        *("--publisher", "Riverside council", "--id", "council-consultation"),
    )
    assert run.returncode == 0, run.stderr
    entry = _entry(project, "council-consultation")
    assert (entry["published"], entry["published_note"]) == (
        "2026-03-20",
        "The date its opening lines give (its dateline).",
    )


def test_notices_inside_the_article_are_left_out_and_listed(project):
    run = project.cli("source", "add", str(PAGES / "english-blog.html"), "--url", "https://weekly.example/a")
    assert run.returncode == 0, run.stderr
    archive = (project.root / _entry(project, run.stdout.split("'")[1])["archive"]).read_text()
    assert "Follow us on Instagram" not in archive and "Reading time" not in archive
    assert "left out as notices, not the article: (put a line back" in run.stdout
    assert "  - Follow us on Instagram for more local stories." in run.stdout


ARABIC_NOTE = "قال الناشط الحقوقي السوداني خالد إن الجسر مغلق.\nوأضاف أن الحكومة لم تعلن عن موعد لإعادة فتحه.\n"


def test_a_short_arabic_text_gets_its_language_and_a_story_in_german_its_notes_in_german(project, tmp_path):
    saved = tmp_path / "note.txt"
    saved.write_text(ARABIC_NOTE, encoding="utf-8")
    project.write("timeline/story.yml", "title: Eine Geschichte\nlanguage: de\n")
    run = project.cli(
        *("source", "add", str(saved), "--url", "https://sudan.example/a", "--title", "Bridge note"),
        *("--publisher", "Al-Sabah", "--id", "al-sabah-note"),
    )
    assert run.returncode == 0, run.stderr
    entry = _entry(project, "al-sabah-note")
    assert entry["language"] == "ar"
    assert (
        entry["published_note"]
        == "Die Seite nennt kein Veröffentlichungsdatum; sie war an dem Tag online, an dem sie archiviert wurde."
    )


def test_a_text_whose_language_cannot_be_told_is_refused_with_the_option_that_says_it(project, tmp_path):
    saved = tmp_path / "mixed.txt"
    saved.write_text("OK 12 34 ... ?\n", encoding="utf-8")
    run = project.cli(
        *("source", "add", str(saved), "--url", "https://x.example/m", "--title", "Mixed"),
        *("--publisher", "X", "--id", "mixed", "--min-words", "1"),
    )
    assert run.returncode != 0
    assert "pass --language with the tag of the language it is written in" in run.stderr
    assert "mixed" not in (project.root / "timeline/sources.yml").read_text(encoding="utf-8")


HEAD = "<html lang='en'><head><title>Bridge talks</title></head>"
ARTICLE = " ".join(f"The council met on day {n} and talked about the footbridge at length." for n in range(12))


def test_a_page_without_an_address_says_that_and_only_that(project, tmp_path):
    page = tmp_path / "saved.html"
    page.write_text(f"{HEAD}<body><h1>Bridge talks</h1><p>{ARTICLE}</p></body></html>")
    errors = _errors_of(project.cli("source", "add", str(page)))
    assert errors == ["the source has no address: pass --url with the original's address (or --location)"]


def test_an_address_the_page_gives_in_its_body_is_read(project, tmp_path):
    page = tmp_path / "saved.html"
    body = f"<link rel='canonical' href='https://news.example/bridge-talks'><h1>Bridge talks</h1><p>{ARTICLE}</p>"
    page.write_text(f"<html lang='en'><head><title>Bridge talks</title></head><body>{body}</body></html>")
    run = project.cli("source", "add", str(page), "--accessed", "2026-03-30")
    assert run.returncode == 0, run.stderr
    assert "url: https://news.example/bridge-talks" in (project.root / "timeline/sources.yml").read_text()


def test_a_short_complete_article_is_archived_and_a_paywall_is_not(project, tmp_path):
    short = " ".join(ARTICLE.split()[:50])
    page = tmp_path / "short.html"
    page.write_text(
        f"<html lang='en'><head><title>Brief</title></head><body><h1>Brief</h1><p>{short}</p></body></html>"
    )
    run = project.cli("source", "add", str(page), "--url", "https://news.example/brief", "--accessed", "2026-03-30")
    assert run.returncode == 0, run.stderr
    walled = tmp_path / "walled.html"
    walled.write_text(
        page.read_text().replace("Brief", "Walled").replace("</p>", "</p><div>Subscribe to keep reading</div>")
    )
    errors = _errors_of(project.cli("source", "add", str(walled), "--url", "https://news.example/walled"))
    assert len(errors) == 1 and 'the page says "Subscribe to keep reading"' in errors[0]


def test_the_source_commands_read_the_sources_not_every_event(project, web):
    """A long story's thousands of events are not read by `source add`, `quote` or `rehash` (twice,
    for `source add`): an event file that is not even YAML leaves them working, while `check` still
    names it and a broken sources.yml still stops them at its line."""
    base, _ = web
    events = sorted((project.root / "timeline/events").glob("*.yml"))
    events[0].write_text("title: [unclosed\n", encoding="utf-8")
    added = project.cli("source", "add", f"{base}news/jsonld-article.html")
    assert added.returncode == 0, added.stderr
    assert project.cli("quote", ORIGINAL, "votes").returncode == 0
    check = project.check()
    assert check.returncode == 1 and f"timeline/events/{events[0].name}:2:1: error: invalid YAML" in check.stdout
    sources = project.root / "timeline/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "- id: [unclosed\n", encoding="utf-8")
    refused = project.cli("source", "add", f"{base}news/opengraph-article.html")
    assert refused.returncode == 1 and "timeline/sources.yml:" in refused.stderr and "cannot be read" in refused.stderr
