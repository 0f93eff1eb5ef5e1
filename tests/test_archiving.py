"""What `source add` takes from a page, function by function, in this process (so that the mutation
script sees it): the headline without the site's name, the authors, the publication day, and the
notice lines left out of an article (never a paragraph that only starts like one)."""

from __future__ import annotations

import pytest

from timeline_core.archiving.boilerplate import MAX_WORDS, is_boilerplate, without_boilerplate
from timeline_core.archiving.metadata import (
    byline_author,
    clean_author,
    date_in_text,
    headline,
    other_dates,
    published_metadata,
    visible_headline,
    without_site_name,
)

SITE = ["Riverside Gazette", "gazette.example"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Council approves footbridge | Riverside Gazette", "Council approves footbridge"),
        ("Council approves footbridge - Riverside Gazette", "Council approves footbridge"),
        ("Council approves footbridge – riverside gazette ", "Council approves footbridge"),
        ("Riverside Gazette: Council approves footbridge", "Council approves footbridge"),
        ("gazette.example » Council approves footbridge", "Council approves footbridge"),
        ("  Council approves footbridge  ", "Council approves footbridge"),
        ("Riverside Gazette", "Riverside Gazette"),  # never to nothing
        ("Riverside Gazette wins an award", "Riverside Gazette wins an award"),  # the name as a subject stays
        ("Interne Unterlagen: Daten gehackt", "Interne Unterlagen: Daten gehackt"),  # a colon of the headline
    ],
)
def test_a_headline_loses_the_sites_name_at_either_end_and_nothing_else(title, expected):
    assert without_site_name(title, SITE) == expected


def test_the_longest_site_name_goes_first():
    assert without_site_name(
        "Footbridge approved | Riverside Gazette Online", ["Riverside Gazette", "Riverside Gazette Online"]
    ) == ("Footbridge approved")


def test_the_headline_is_the_pages_own():
    graph = '{"@graph": [{"headline": "Council  approves footbridge | Riverside Gazette"}]}'
    ld = f'<script type="application/ld+json">{graph}</script>'
    assert headline(ld, "SEO title", SITE) == "Council approves footbridge"
    broken = '<script type="application/ld+json">{not json</script><h1>The vote</h1>'
    assert headline(broken, "The vote - Riverside Gazette", SITE) == "The vote"
    two = "<h1>Riverside Gazette</h1><h1>Council <em>approves</em> footbridge</h1>"
    assert headline(two, "Council approves footbridge | Riverside Gazette", SITE) == "Council approves footbridge"
    assert headline("<h1>Only heading</h1>", None, SITE) == "Only heading"
    assert headline("<h1>Riverside Gazette</h1>", "A title | Riverside Gazette", SITE) == "A title"  # the site's h1
    assert headline("<p>no heading</p>", None, SITE) is None
    assert visible_headline(two, "Council approves footbridge") and not visible_headline(two, "Other")


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("View all posts by Jane Doe", "Jane Doe"),
        ("Von Max Lee; Par Anne Roux", "Max Lee; Anne Roux"),
        ("JANE DOE STAFF REPORTER", "JANE DOE"),
        ("Riverside Gazette", None),  # the site is not an author
        ("gazette.com", None),
        ("Jane Doe; Jane Doe", "Jane Doe"),
        ("", None),
        (None, None),
    ],
)
def test_authors_are_names_only(author, expected):
    assert clean_author(author, SITE) == expected


def test_a_visible_byline_names_the_author():
    assert byline_author('<p>By <a rel="author" href="/jane">Jane  Doe</a></p>') == "Jane Doe"
    assert byline_author("<p>By Jane Doe</p>") is None


def test_the_publication_day_is_the_one_the_page_calls_so():
    dates = '{"datePublished": "2026-03-05T10:00:00Z", "dateModified": "2026-03-09"}'
    ld = f'<script type="application/ld+json">{dates}</script>'
    assert published_metadata(ld).day == "2026-03-05" and "JSON-LD" in published_metadata(ld).how
    meta = '<meta property="article:published_time" content="2026-03-06T08:00">'
    assert published_metadata(meta).day == "2026-03-06"
    micro = '<span itemprop="datePublished" content="2026-03-07">7 March</span>'
    assert published_metadata(micro).day == "2026-03-07"
    time = '<time class="entry published" datetime="2026-03-08">8 March</time>'
    assert published_metadata(time).day == "2026-03-08"
    assert published_metadata("<p>Publié le 7 mars 2026 · Politique</p>").day == "2026-03-07"
    assert published_metadata("<p>No date here</p>") is None
    assert other_dates(ld, "2026-03-05") == (
        "; the page also gives 2026-03-09 (its JSON-LD dateModified), which it does not call the publication day"
    )
    assert other_dates(ld, "2026-03-09") == ""
    assert "2026-03-10 (its article:modified_time)" in other_dates(
        '<meta property="article:modified_time" content="2026-03-10">', "2026-03-05"
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("March 20, 2026", "2026-03-20"),
        ("7 mars 2026", "2026-03-07"),
        ("8 de marzo de 2026", "2026-03-08"),
        ("Stand: 28.04.2020", "2020-04-28"),
        ("2026年3月6日", "2026-03-06"),
        ("on 2026-02-30 or 2026-03-02", "2026-03-02"),  # not a real day: the next one written
        ("Sept. 9 2026 and 1 May 2026", "2026-09-09"),  # the first written
        ("no day", None),
    ],
)
def test_a_day_written_out_in_several_languages(text, day):
    assert date_in_text(text) == day


@pytest.mark.parametrize(
    "line",
    [
        "Read also: The council's vote",
        "READ MORE",
        "Lesen Sie auch: Der Brückenbau",
        "Reading time: 3 minutes",
        "Follow us on Instagram",
        "— Advertisement —",
        "CONTINUA DEPOIS DA PUBLICIDADE",
        "Filed under: Politics, Council",
        "Listen live on Harbour Radio",
        "Support our journalism: donate today",
        "Читайте также: новости",
    ],
)
def test_a_notice_line_is_left_out(line):
    assert is_boilerplate(line)
    text, dropped = without_boilerplate(f"The council met.\n{line}\nIt voted.\n{line}")
    assert text == "The council met.\nIt voted." and dropped == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the footbridge in the council's minutes, which were published on Monday after "
        "a long debate in which every councillor spoke and the mayor answered questions from residents.",
        "The advertisement campaign for the bridge cost the council 40,000 euros.",  # a word, not the notice
        "Tags were found on the bridge's railings.",
        "",
    ],
)
def test_a_paragraph_that_only_starts_like_a_notice_stays(line):
    assert not is_boilerplate(line)
    assert without_boilerplate(line) == (line, ())


def test_a_notice_is_short():
    line = "Follow us " + " ".join(["word"] * (MAX_WORDS - 2))
    assert is_boilerplate(line)
    assert not is_boilerplate(line + " more")
