"""What `source add` takes from a page, function by function, in this process (so that the mutation
script sees it): the headline without the site's name, the authors, the publication day, and the
notice lines left out of an article (never a paragraph that only starts like one)."""

from __future__ import annotations

import pytest

from timeline_core.archiving.boilerplate import MAX_WORDS, is_boilerplate, without_boilerplate
from timeline_core.archiving.chunks import CHUNK_WORDS, PARAGRAPH_WORDS, with_later_chunks
from timeline_core.archiving.metadata import (
    byline_author,
    clean_author,
    date_in_text,
    headline,
    original_publisher,
    other_dates,
    page_tags,
    published_metadata,
    text_byline,
    visible_headline,
    without_site_name,
)
from timeline_core.archiving.standfirst import with_standfirst
from timeline_core.archiving.teaser import teaser_reason

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
    ("html", "meta_title", "expected"),
    [
        # the h1 that a part of the <title> gives, not the SEO title nor the site's logo heading
        (
            '<title>Footbridge opens: the first crossing | Local | Riverside Gazette</title><h1><a href="/">Gazette'
            "</a></h1><h2>Footbridge opens: the first crossing</h2>",
            "Social title",
            "Footbridge opens: the first crossing",
        ),
        (
            "<title>A | B</title><h1><a href='https://x.example/'>The Ledger</a></h1><h1>Vote delayed</h1>",
            "Vote delayed",
            "Vote delayed",
        ),
        ('<script>var t = "<h1>Not shown</h1>";</script><h1>Shown</h1>', "Shown - Gazette", "Shown"),
        ('<meta property="og:title" content="Olive &amp;#038; Herb Bread">', None, "Olive & Herb Bread"),
        ("<h1><span>Kicker</span>: Bridge opens</h1>", "Kicker: Bridge opens", "Kicker: Bridge opens"),
    ],
)
def test_the_headline_is_the_heading_a_title_gives(html, meta_title, expected):
    assert headline(html, meta_title, SITE) == expected


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
    assert byline_author('<span>Von <a href="https://x.example/autor/max-lee/">Max Lee</a></span>') == "Max Lee"
    assert byline_author('<span class="author vcard"><a class="fn" href="/u/7">uriebe</a></span>') == "uriebe"
    assert byline_author('<div class="byline">Riverside Gazette</div>', tuple(SITE)) is None  # the site itself
    script = "<script>document.write('<a rel=\"author\">Nobody</a>')</script>"
    assert byline_author(script) is None  # not shown


@pytest.mark.parametrize(
    ("author", "html", "expected"),
    [
        ("Auteur Anna Kubišta", "", "Anna Kubišta"),
        ("责任编辑：孔德明", "", "孔德明"),
        ("بقلم: آسيا العتروس", "", "آسيا العتروس"),
        ("Artikel von Max Lee", "", "Max Lee"),
        ("Mehr von Catch more fish", "", "Catch more fish"),  # "More from …", as a link to the author's page says
        ("Alles von Martin Junker", "", "Martin Junker"),
        ("Name", "", None),  # a form's label
        ("Grant Tinsley; PhD", "", "Grant Tinsley"),
        ("© Kathrin Führes Kathrin Führes", "", "Kathrin Führes"),
        ("Facebook Com; Evgenia Karp", "", "Evgenia Karp"),
        ("Redacci&oacute;n", "", "Redacción"),
        ("T V Raman", "<p>By T. V. Raman</p>", "T. V. Raman"),
        ("Joe S", "<span>Joe S.</span>", "Joe S."),
        # what a metadata reader dropped: marks on letters, a user name's underscore, digits, its case
        ("Gabor Munier", "<p>Von Gàbor Muniér</p>", "Gàbor Muniér"),
        ("Jurgen Muller", "<p>Von <b>Jürgen</b> Müller</p>", "Jürgen Müller"),
        ("Muhammad", "<p>بقلم مُحمد</p><p>Muhammad</p>", "Muhammad"),  # shown as given: kept
        ("محمد علي", "<p>بقلم مُحَمَّد علي</p>", "مُحَمَّد علي"),  # with the short vowels the page writes
        ("焦鹏", "<p>（记者 焦鹏）</p>", "焦鹏"),
        ("ThE PaiN", "<span>ThE_PaiN</span> schrieb", "ThE_PaiN"),
        ("ThE PaiN", "<span>von ThE_PaiN</span>", "ThE_PaiN"),
        ("Anna Maria Berg", "<p>anna_maria_berg schrieb heute</p>", "anna_maria_berg"),
        ("Bo", "<a>Bo_x</a>", "Bo"),  # an underscore and more: another name
        ("Sammy Davis Jr", "<p>By Sammy Davis Jr.</p>", "Sammy Davis Jr."),
        ("Bo", "<a>Bo2man</a>", "Bo2man"),
        ("Bo", "<a>Bo2man</a> <a>Bo7x</a>", "Bo"),  # two spellings: which one is not known
        ("Flappy Bird", "<p>flappy bird</p>", "flappy bird"),
        ("Flappy Bird", "<p>flappy</p> <p>bird</p>", "flappy bird"),
        ("Flappy Bird", "<p>flappy, bird</p>", "Flappy Bird"),  # not one run of words
        ("ガス", "<p>カス</p>", "ガス"),  # kana keep their voicing marks
        (
            "Valley Media; Jane Doe",
            '<script type="application/ld+json">{"publisher": {"name": "Valley Media"}}</script>',
            "Jane Doe",
        ),
    ],
)
def test_an_author_is_a_name_as_the_page_writes_it(author, html, expected):
    assert clean_author(author, SITE, html) == expected


def test_the_publication_day_is_the_one_the_page_calls_so():
    dates = '{"datePublished": "2026-03-05T10:00:00Z", "dateModified": "2026-03-09"}'
    ld = f'<script type="application/ld+json">{dates}</script>'
    assert published_metadata(ld).day == "2026-03-05" and "JSON-LD" in published_metadata(ld).how
    meta = '<meta property="article:published_time" content="2026-03-06T08:00">'
    assert published_metadata(meta).day == "2026-03-06"
    # a time in UTC is a day where the publication is: the page writes its other times at -07:00
    late = '{"datePublished": "2026-03-06T01:09:55Z"}'
    local = f'<script type="application/ld+json">{late}</script><time datetime="2026-03-05T18:09:55-07:00">'
    assert published_metadata(local).day == "2026-03-05"
    alone = f'<script type="application/ld+json">{late}</script>'
    assert published_metadata(alone).day == "2026-03-06"  # no other time: as written
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
        "Like this story? Share it with a friend!",
        "Order Reprints",
        "12 Comments",
        "Tags",
        "Copyright ©2026 Valley Media. All Rights Reserved",
        "Alle Rechte vorbehalten.",
        "Foto: Anna Berg/dpa",
        "photos © Valley Ledger, 2026",
        "[button link=”/submit”] Send us YOUR review[/button]",
        "Also on valley.example Council approves budget",
        "Have a tip? Jane Doe may be reached at jane@valley.example.",
        "Get the latest updates right in your inbox. Subscribe to the Ledger’s newsletters.",
        "DON'T MISS",
        "SEE MORE: Ferry pilot retires after forty years",
        "Council furious at ferry delay [INSIGHT]|",
        "Footbridge opening date set [VIDEO]",
        "Write to Mina Okafor at mina.okafor@estuary.example",
        "An error has occurred, please try again later.",
        "This article has been sent to",
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
        "Photographs of the bridge © were shown to the council on Monday by the architects, who said the design "
        "had been changed after residents asked for wider paths and for a ramp at the northern end.",
        "",
    ],
)
def test_a_paragraph_that_only_starts_like_a_notice_stays(line):
    assert not is_boilerplate(line)
    assert without_boilerplate(line) == (line, ())


def test_a_reprint_licence_is_left_out_whatever_its_length():
    licence = (
        "This copy is for your personal, non-commercial use only. Distribution and use of this material are "
        "governed by our Subscriber Agreement and by copyright law. For non-personal use or to order multiple "
        "copies, please contact our reprints desk."
    )
    assert len(licence.split()) > MAX_WORDS and is_boilerplate(licence)


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("ferry, Riverside, footbridge", True),  # the page's tags, as its tag list shows them
        ("Ferry · footbridge", True),
        ("ferry", False),  # one word of the text is not a list
        ("ferry, riverside, the council's new budget", False),  # not every part is a tag
        ("The ferry, the footbridge and the bus all cross the river.", False),
    ],
)
def test_a_line_listing_the_pages_tags_is_left_out(line, dropped):
    html = (
        '<meta name="keywords" content="ferry, riverside, transport"><a href="/tag/footbridge" rel="tag">Footbridge</a>'
    )
    text, left_out = without_boilerplate(f"The council met.\n{line}", page_tags(html))
    assert (left_out == (line,)) is dropped and (line in text) is not dropped


@pytest.mark.parametrize(
    ("html", "line", "dropped"),
    [
        ("<meta name='keywords' content='渡船,人行桥,交通'>", "渡船、人行桥", True),  # single quotes, 、
        ('<meta name="news_keywords" content="渡し船，歩道橋">', "渡し船，歩道橋", True),
        ('<a rel="tag" href="/t/1">عبّارة</a> <a rel="tag" href="/t/2">جسر</a>', "عبّارة، جسر", True),
        ('<a rel="tag" href="/t/1">عبّارة</a> <a rel="tag" href="/t/2">جسر</a>', "عبّارة, جسر", True),
        ("<meta name='keywords' content='渡船,人行桥'>", "渡船停运后，人行桥获批。", False),  # a sentence
    ],
)
def test_a_tag_list_in_other_scripts_is_left_out_and_a_sentence_is_not(html, line, dropped):
    text, left_out = without_boilerplate(f"第一段。\n{line}", page_tags(html))
    assert (left_out == (line,)) is dropped and (line in text) is not dropped


_CHUNKS = """<html><body><article><div class="chunks">
<div class="grid"><div class="story__body"><p>{first}</p><p>{second}</p></div><aside class="rail"></aside></div>
<div class="row ad"><span>Advertisement</span></div>
<div class="grid"><div class="story__body"><p>{third}</p><p>{fourth}</p></div><aside class="rail"></aside></div>
<div class="grid"><div class="story__body"><p>Home</p><p>News</p><p>Sport</p></div></div>
</div></article>
<section class="comments"><div class="comment"><div class="story__body"><p>{comment}</p></div></div></section>
</body></html>"""


def test_an_article_in_chunks_around_an_advertisement_is_read_whole():
    """The extractor stopped after the first chunk: the chunks marked as it, beside it, follow; not
    a menu marked the same way, nor a comment marked the same way elsewhere on the page."""
    said = {
        "first": "For forty years the little ferry crossed the river every half hour, and nobody thought about it.",
        "second": "The crossing took six minutes, and the pilot knew most of his passengers by their first names.",
        "third": "When the service stopped, the walk to the nearest bridge added forty minutes to a six-minute trip, "
        "and the bus that replaced the boat ran only twice an hour in the mornings and not at all after nine.",
        "fourth": "Shopkeepers on the north bank say their takings fell by a fifth in the first month, because the "
        "people who used to cross for a coffee on their way to work stopped coming altogether.",
        "comment": "I took that ferry every day for twenty years and I still miss the pilot's jokes about the swans "
        "and the weather, which were always the same jokes and never got old, not even in winter.",
    }
    html = _CHUNKS.format(**said)
    whole = with_later_chunks(html, f"{said['first']}\n{said['second']}\n")
    assert whole == "\n".join(said[part] for part in ("first", "second", "third", "fourth")) + "\n"
    # the text as found, when its last paragraph is in no chunk, or in a container without a class
    assert with_later_chunks(html, "Another paragraph.\n") == "Another paragraph.\n"
    bare = html.replace(' class="story__body"', "")
    assert with_later_chunks(bare, f"{said['first']}\n{said['second']}\n") == f"{said['first']}\n{said['second']}\n"


def test_a_notice_is_short():
    line = "Follow us " + " ".join(["word"] * (MAX_WORDS - 2))
    assert is_boilerplate(line)
    assert not is_boilerplate(line + " more")


@pytest.mark.parametrize(
    ("html", "day", "how"),
    [
        (
            '<meta property="article:published_time" content="2026-03-06T08:00">',
            "2026-03-06",
            "its article:published_time",
        ),
        ('<META PROPERTY="Article:Published_Time" CONTENT="2026-03-06">', "2026-03-06", "its article:published_time"),
        (
            '<span itemprop="datePublished" content="2026-03-07">7 March</span>',
            "2026-03-07",
            "its itemprop datePublished",
        ),
        (
            '<time itemprop="datePublished" datetime="2026-03-07" content="2026-01-01">7 March</time>',
            "2026-03-07",
            "its itemprop datePublished",
        ),
        (
            '<TIME CLASS="entry published" DATETIME="2026-03-08">8 March</TIME>',
            "2026-03-08",
            "its <time class=published>",
        ),
    ],
)
def test_each_way_a_page_states_its_publication_day_is_read_and_said(html, day, how):
    found = published_metadata(html)
    assert (found.day, found.how) == (day, how)


@pytest.mark.parametrize(
    "html",
    [
        '<time datetime="2026-01-01">1 January</time>',  # a time, not called the publication's
        '<time class="updated" datetime="2026-01-01">1 January</time>',
        '<span itemprop="dateModified" content="2026-01-01"></span>',
        '<span itemprop="datePublished">no day given</span>',
        '<meta property="og:updated_time" content="2026-01-01">',
        '<meta content="2026-01-01">',
        '<meta property="article:published_time">',
    ],
)
def test_a_day_the_page_does_not_call_its_publication_is_not_taken_for_it(html):
    assert published_metadata(html) is None


def test_the_other_days_a_page_gives_are_named_each_once_with_where_they_are():
    html = (
        '<script type="application/ld+json">{"dateModified": " 2026-03-09T10:00"}</script>'
        '<meta property="article:modified_time" content="2026-03-09">'
        '<meta name="date" content="2026-03-10">'
        '<time itemprop="dateModified" datetime="2026-03-11">11 March</time>'
        '<meta name="description" content="2026-03-12 in brief">'
        '<meta name="date" content="2026-03-05">'
    )
    assert other_dates(html, "2026-03-05") == (
        "; the page also gives 2026-03-09 (its JSON-LD dateModified), 2026-03-10 (its date), "
        "2026-03-11 (its dateModified), which it does not call the publication day"
    )


def test_a_byline_and_authors_in_any_case():
    assert byline_author('<A HREF="/j" REL="AUTHOR">Jane\n Doe</A>') == "Jane Doe"
    assert byline_author('<a rel="author" href="/j"></a>') is None
    assert clean_author("By Jane Doe, ; news.EXAMPLE.COM", SITE) == "Jane Doe"
    assert clean_author("BY JANE DOE", SITE) == "JANE DOE"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("MARCH 20 2026", "2026-03-20"),
        ("20. März 2026", "2026-03-20"),
        ("7 foo 2026", None),
        ("31.02.2026", None),
    ],
)
def test_a_written_day_in_capitals_without_comma_or_not_a_day(text, day):
    assert date_in_text(text) == day


WORDS = " ".join(["word"] * 60)


@pytest.mark.parametrize(
    ("html", "words", "refused"),
    [
        (f"<p>{WORDS}</p>", 60, None),  # a short article, complete: archived
        ("<p>Subscribe to keep reading</p>", 60, 'the page says "Subscribe to keep reading"'),
        ("<p>Réservé aux abonnés</p>", 60, 'the page says "Réservé aux abonnés"'),
        ("<script>var s = 'Subscribe to keep reading';</script>", 60, None),  # not shown
        ("<nav>Home</nav>", 5, "next to nothing"),
        ('<script type="application/ld+json">{"isAccessibleForFree": false}</script>', 120, "not free to read"),
        ('<script type="application/ld+json">{"isAccessibleForFree": false}</script>', 900, None),  # logged in
        ('<script type="application/ld+json">{"wordCount": "1500"}</script>', 400, "its article has 1500 words"),
        ('<script type="application/ld+json">{"wordCount": 1500}</script>', 1400, None),
    ],
)
def test_a_short_text_is_refused_only_for_what_the_page_says(html, words, refused):
    reason = teaser_reason(html, words, 80)
    assert (reason is None) if refused is None else (refused in (reason or ""))


@pytest.mark.parametrize(
    ("html", "original"),
    [
        ("<p>2026-03-06 来源：半月谈 责任编辑：孔德明</p>", "半月谈"),
        ("<div>Quelle: dpa</div>", "dpa"),
        ("<p>المصدر: وكالة الأنباء</p>", "وكالة الأنباء"),
        ("<p>No original named here.</p>", None),
        ("<script>var x = '来源：脚本';</script>", None),
    ],
)
def test_a_page_may_name_its_original_publisher(html, original):
    assert original_publisher(html) == original


# Each case below holds one decision of metadata.py that a careless change would turn (the mutation
# script, benchmarks/mutation.py, plants such changes).
@pytest.mark.parametrize(
    ("html", "meta_title", "expected"),
    [
        # a heading a title cut short begins, when the title has four words or more
        (
            "<h1>Council approves the new footbridge plan</h1><h1>Other</h1>",
            "Council approves the new",
            "Council approves the new footbridge plan",
        ),
        (
            "<h1>Council approves footbridge plan</h1><h1>Other</h1>",
            "Council approves footbridge",
            "Council approves footbridge",
        ),
        # the first heading that agrees, not the first heading; never a heading of punctuation
        ("<h1>Riverside news</h1><h1>Vote delayed</h1>", "Vote delayed | Gazette", "Vote delayed"),
        ("<h1>—</h1><h1>Vote delayed</h1>", "Vote delayed - Riverside Gazette", "Vote delayed"),
        # an h1 before an h2, whichever comes first in the page
        ("<h2>Vote delayed</h2><h1>Vote delayed again</h1>", "Vote delayed again: Vote delayed", "Vote delayed again"),
        (
            '<script type="application/ld+json">{"headline": "Vote delayed"}</script><h1>Vote delayed!</h1><h1>X</h1>',
            "SEO",
            "Vote delayed!",
        ),
        ('<meta name="twitter:title" content="Vote delayed"><h1>Vote delayed</h1><h1>Other</h1>', None, "Vote delayed"),
        ('<meta property="og:title"><h1>A</h1><h1>B</h1>', None, None),  # a title without content is none
        ('<meta property="og:title" content="A &amp;amp;#038; B"><h1>C</h1><h1>D</h1>', None, "A &#038; B"),  # twice
        ("<title>Real title</title><svg><title>Icon</title></svg><h1>Icon</h1><h1>Other</h1>", None, "Real title"),
        ("<h1>A, B</h1><h1>Other</h1>", "A: B: C", "A, B"),  # a run of the title's parts
        ("<h1>B</h1><h1>Other</h1>", "A: B: C", "B"),
        # a kicker its markup names is not part of the headline
        ('<h1><span class="kicker">Grenzen</span> Neue Regeln</h1>', "Grenzen: Neue Regeln", "Neue Regeln"),
        ('<h1><span class="dachzeile">Luftfahrt</span>: Branche hebt ab</h1>', None, "Branche hebt ab"),
        ('<h1><span class="kicker">Only a kicker</span></h1>', None, "Only a kicker"),
    ],
)
def test_each_rule_of_the_headline(html, meta_title, expected):
    assert headline(html, meta_title, SITE) == expected


ARTICLE = "Der Stadtrat hat am Dienstag über die neue Brücke abgestimmt, und sie wird gebaut."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a blog: its h1 the category, its titles its own name; the post's heading is over the text
        (
            "<h1>Allgemein</h1><h2>Die neue Brücke kommt</h2><p>Der Stadtrat hat am Dienstag …</p>",
            "Die neue Brücke kommt",
        ),
        (
            "<h1>Allgemein</h1><h2>Ältere Beiträge hier</h2><h3>Die neue Brücke kommt</h3>"
            "<div><p>Der <b>Stadtrat</b> hat am Dienstag …</p>",
            "Die neue Brücke kommt",
        ),  # the last heading before it, the words apart in the markup
        ("<h1>Allgemein</h1><h2>Inhalt</h2><p>Der Stadtrat hat am Dienstag …</p>", "Allgemein"),  # a label: not it
        ("<h1>Allgemein</h1><p>Der Stadtrat hat am Dienstag …</p><h2>Die neue Brücke kommt</h2>", "Allgemein"),  # after
        ("<h1>Allgemein</h1><h2>Die neue Brücke kommt</h2><p>Ganz anderer Text</p>", "Allgemein"),  # not found
        ("<h1>Allgemein</h1><h2>Brücke kommt bald</h2><p>Der Stadtrat hat am Dienstag …</p>", "Brücke kommt bald"),
        # not the site's name nor a link home, though they head the text
        ("<h2>Die neue Brücke kommt</h2><h2>Riverside Gazette</h2><p>Der Stadtrat hat am", "Die neue Brücke kommt"),
        (
            '<h2>Die neue Brücke kommt</h2><h2><a href="/">Riverside news every day</a></h2><p>Der Stadtrat hat am',
            "Die neue Brücke kommt",
        ),
    ],
)
def test_where_no_title_agrees_the_heading_over_the_article_is_its_headline(body, expected):
    head = f'<head><meta name="description" content="{ARTICLE}"><title>Mein Blog</title></head>'
    html = f"<html>{head}<body>{body}</body></html>"
    assert headline(html, "Mein Blog", SITE, f"Kurz\n{ARTICLE}") == expected
    json_ld = '<script type="application/ld+json">{"headline": "Die Brücke"}</script>'
    assert headline(html.replace("<body>", f"<body>{json_ld}"), "Mein Blog", SITE, ARTICLE) == "Die Brücke"


@pytest.mark.parametrize(
    ("heading", "label", "paragraph", "bold"),
    [
        ("新模型登顶排行榜", "目录", "公司周五发布了新的视频模型，用户可以在网站上免费试用。", "周五"),
        ("新しいモデルが首位に", "目次", "モデルは金曜日に公開され、誰でも無料で試すことができる。", "金曜日"),
        (
            "النموذج الجديد في الصدارة",
            "المحتوى",
            "قال المتحدث يوم الجمعة إن النموذج الجديد متاح للجميع مجانا",
            "المتحدث",
        ),
    ],
)
def test_the_heading_over_the_article_is_found_in_any_script(heading, label, paragraph, bold):
    marked = paragraph.replace(bold, f"<b>{bold}</b>", 1)  # its words apart in the markup
    page = f"<body><h1>Blog</h1><h2>{heading}</h2><p>{marked}</p></body>"
    assert headline(page, None, SITE, paragraph) == heading
    labelled = f"<body><h1>Blog</h1><h2>{heading}</h2><h3>{label}</h3><p>{marked}</p></body>"
    assert headline(labelled, None, SITE, paragraph) == "Blog"  # a label heads it: not a headline


@pytest.mark.parametrize(
    "line",
    [
        "Im Rat hat Dienstag über die neue Brücke abgestimmt.",  # three words, eight letters: enough
        "Der Stadtrat hat Dienstag über die neue Brücke abgestimmt.",  # three words: enough
    ],
)
def test_the_opening_looked_for_is_three_words_and_eight_letters(line):
    written = line.replace("Dienstag", "Diens&shy;tag")  # the fourth word written otherwise in the markup
    page = f"<body><h1>Allgemein</h1><h2>Die neue Brücke kommt</h2><p>{written}</p></body>"
    assert headline(page, None, SITE, line) == "Die neue Brücke kommt"


def test_the_heading_over_the_article_is_found_by_its_first_long_line_and_its_first_three_words():
    page = "<h2>Die neue Brücke kommt</h2><p>Die Firma Meyer A&amp;B hat am Dienstag gebaut.</p>"
    # the first line of eight words, though its fourth is written otherwise in the markup; no <body>
    assert headline(page, None, SITE, "Kurz gesagt\nDie Firma Meyer A&B hat am Dienstag gebaut.") == (
        "Die neue Brücke kommt"
    )
    nine = "<h1>Allgemein</h1><h2>Die neue Brücke kommt</h2><p>Hier sind nur acht Wörter, kein Satz mehr.</p>"
    assert headline(nine, None, SITE, "Hier sind nur acht Wörter, kein Satz mehr.") == "Die neue Brücke kommt"
    assert headline(nine, None, SITE, "Hier sind nur sieben Wörter, kein Satz.") == "Allgemein"


@pytest.mark.parametrize(
    ("html", "meta_title", "names", "expected"),
    [
        # a soft hyphen is invisible: the heading agrees with a title that has none
        (
            "<h1>Menü</h1><h1>Mes&shy;sen&shy;ger&shy;diens&shy;te sind frei</h1>",
            "Liste - Messengerdienste sind frei",
            ["bka.de"],
            "Messengerdienste sind frei",
        ),
        # the heading that agrees loses the site's name it carries, and whatever follows the title and a bar
        (
            "<h1>Atomkraft ist nicht nachhaltig | Umweltbundesamt</h1><h1>X</h1>",
            "Atomkraft ist nicht nachhaltig",
            ["Umweltbundesamt"],
            "Atomkraft ist nicht nachhaltig",
        ),
        (
            "<h1>Was wir über uns nicht hören wollen | FASSETTE.NET</h1><h1>X</h1>",
            "Was wir über uns nicht hören wollen",
            ["INTERSCENAR.IO"],
            "Was wir über uns nicht hören wollen",
        ),
        # a host's own label is its site's name, as a word apart, not as part of one
        (
            "<p>no heading</p>",
            "Eine runde Tischdecke nähen | homify",
            ["Homify Gmbh", "www.homify.de"],
            "Eine runde Tischdecke nähen",
        ),
        ("<p>no heading</p>", "Nachrichten - BBC", ["bbc.co.uk"], "Nachrichten"),
        (
            "<p>no heading</p>",
            "GdP-Vize Klemmer: Mangelnde Wertschätzung",
            ["gdp.de"],
            "GdP-Vize Klemmer: Mangelnde Wertschätzung",
        ),
        # a Chinese site's name ends in 网 ("net")
        (
            "<p>无</p>",
            "武汉的声音：有英勇的你，才有英雄的城！-新华网",
            ["xinhuanet.com"],
            "武汉的声音：有英勇的你，才有英雄的城！",
        ),
        ("<p>无</p>", "互联网", ["example.cn"], "互联网"),  # a title that is only such a name stays
    ],
)
def test_the_sites_name_is_known_by_its_address_and_its_script(html, meta_title, names, expected):
    assert headline(html, meta_title, names) == expected


@pytest.mark.parametrize(
    ("author", "html", "expected"),
    [
        ("Perry Bacon Jr", "<p>Perry Bacon Jr.</p>", "Perry Bacon Jr."),
        ("Ed Lee", "<p>Ed. Lee</p>", "Ed. Lee"),  # a part of two letters may be an abbreviation
        ("Jane Doe", "<p>Jane. Doe</p>", "Jane Doe"),  # no initial: as given
        ("Max Ruth", "<p>Max. Ruth.</p>", "Max Ruth"),  # three letters are a name
        ("T V Raman", "<p>Other</p>", "T V Raman"),  # not on the page: as given
        ("Xaver Meier", "", "Xaver Meier"),
        ("Malcolm X", "", "Malcolm X"),
        ("Riverside Gazette Riverside Gazette", "", None),  # the site, twice
        ("Ann Lee Ann Lee", "", "Ann Lee"),
        ("Anna Gazette", "", "Anna Gazette"),  # a part of the site's name is not the site
        ("Riversidegazette Staff", "", None),
        ("Jo Gazette", "", "Jo Gazette"),
        ("News Desk", "", None),  # a site's name of four letters or more, inside the byline
        ("Von Anna Berg und Max Lee, dpa", "", "Anna Berg; Max Lee"),  # a byline's list
        ("Doe, Jane", "", "Doe, Jane"),  # one name, family name first
        ("jesusfreak jesusfreak", "", "jesusfreak"),  # a user name given twice
        ("R. R.", "", "R. R."),  # initials are not a name given twice
        ("Text; Interview Harald Willenbrock", "", "Harald Willenbrock"),  # role words alone and before a name
        ("'Luana Patriolino; Raphael Felice", "", "Luana Patriolino; Raphael Felice"),  # a stray quotation mark
        ("Richard David Precht im Gespräch mit Karin Fischer", "", "Richard David Precht; Karin Fischer"),
        ("Isabel Caro; Rocío Latorre y José Wilson Tiempo de lectura", "", "Isabel Caro; Rocío Latorre; José Wilson"),
        ("No Author", "", None),
        ("Datum", "", None),
        ("9 articles", "", None),  # a count, a date: words with digits are not a name
        ("delta201", "", "delta201"),  # a user name may hold digits
        ("Tina Klostermeier; TK", "", "Tina Klostermeier"),  # her initials are her again
        ("Redaktion", "", "Redaktion"),  # the newsroom signs as itself
    ],
)
def test_each_rule_of_an_authors_name(author, html, expected):
    assert clean_author(author, [*SITE, "Desk"], html) == expected


def test_the_publishers_json_ld_names_are_not_authors():
    listed = '<script type="application/ld+json">{"publisher": [{"name": "Valley Media"}, "Valley Wire"]}</script>'
    assert clean_author("Valley Media; Valley Wire; Jane Doe", SITE, listed) == "Jane Doe"
    named = '<script type="application/ld+json">{"publisher": {"url": "https://valley.example"}}</script>'
    assert clean_author("Jane Doe", SITE, named) == "Jane Doe"


def test_a_visible_byline_is_at_most_eight_words_and_read_without_scripts():
    eight = " ".join(["Anna", "Berg", "Max", "Lee", "Ola", "Nordmann", "Ann", "Roe"])
    assert byline_author(f'<a rel="author" href="/a">{eight}</a>') == eight
    assert byline_author(f'<a rel="author" href="/a">{eight} Tom</a>') is None
    assert byline_author('<p>J. R. Stone</p><a rel="author" href="/a">J R Stone</a>') == "J. R. Stone"
    assert byline_author('<script>x</script><a rel="author" href="/a">Ann</a>') == "Ann"


@pytest.mark.parametrize(
    ("stated", "offset", "day"),
    [
        ("2026-03-06T10:00:00Z", "-07:00", "2026-03-06"),
        ("2026-03-06T01:09:55Z", "-07:00", "2026-03-05"),
        ("2026-03-06T10:00:00+00:00", "+09:00", "2026-03-06"),
        ("2026-03-06T20:00:00Z", "+05:30", "2026-03-07"),
        ("2026-03-06T18:45:00Z", "+05:30", "2026-03-07"),
        ("2026-03-06T18:29:00Z", "+0530", "2026-03-06"),
        ("2026-03-06T23:00:00+01:00", "-07:00", "2026-03-06"),  # not UTC: as written
    ],
)
def test_a_utc_time_is_read_in_the_publications_time_zone(stated, offset, day):
    page = f'<script type="application/ld+json">{{"datePublished": "{stated}"}}</script>'
    page += f'<time datetime="2026-01-02T08:00:00{offset}"></time>'
    found = published_metadata(page)
    assert (found.day, found.how) == (day, "its JSON-LD datePublished")


@pytest.mark.parametrize(
    ("stated", "address", "day"),
    [
        ("2020-02-18T02:18:11Z", "https://news.example/2020/02/17/story/", "2020-02-17"),  # an evening in the Americas
        ("2020-02-17T20:30:00Z", "https://news.example/2020-02-18-story", "2020-02-18"),  # a morning in Asia
        ("2020-07-09T10:04:04Z", "https://news.example/2020/07/08/story.html", "2020-07-09"),  # made the day before
        ("2020-07-09T02:00:00Z", "https://news.example/2020/07/05/story.html", "2020-07-09"),  # days off
        ("2020-12-05T23:15:0Z", "https://giornale.example.it/news/story.html", "2020-12-06"),  # one-digit seconds
        ("0001-01-01T00:00:00Z", "https://news.example/0001/01/01/", "0001-01-01"),  # a placeholder
        ("0001-01-01T00:00:00Z", "https://news.example/story", "0001-01-01"),
        # the hours at the edges: the day before until 08:00 UTC, the day after from 14:00
        ("2020-02-18T07:59:00Z", "https://news.example/2020/02/17/story/", "2020-02-17"),
        ("2020-02-18T08:00:00Z", "https://news.example/2020/02/17/story/", "2020-02-18"),
        ("2020-02-17T14:00:00Z", "https://news.example/2020/02/18/story/", "2020-02-18"),
        ("2020-02-17T13:59:00Z", "https://news.example/2020/02/18/story/", "2020-02-17"),
        ("2020-02-18T02:18:11Z", "https://news.example/2020/02/30/2020/02/17/story/", "2020-02-17"),  # no 30 Feb
    ],
)
def test_a_utc_time_is_read_on_the_day_the_pages_address_gives(stated, address, day):
    page = f'<link rel="canonical" href="{address}">'
    page += f'<script type="application/ld+json">{{"datePublished": "{stated}"}}</script>'
    assert published_metadata(page).day == day


def test_the_zone_a_page_writes_its_times_in_comes_before_its_addresses_day():
    page = '<link rel="canonical" href="https://news.example/2023/11/09/story/">'
    page += '<script type="application/ld+json">{"datePublished": "2023-11-09T01:09:55Z"}</script>'
    assert published_metadata(page).day == "2023-11-09"  # the address's day, where the page writes no zone
    page += '<time datetime="2023-11-08T18:09:55-07:00"></time>'
    assert published_metadata(page).day == "2023-11-08"  # at -07:00, where it writes its times


def test_the_address_asked_for_gives_a_day_too():
    page = '<script type="application/ld+json">{"datePublished": "2020-02-18T02:18:11Z"}</script>'
    assert published_metadata(page).day == "2020-02-18"
    assert published_metadata(page, "https://news.example/2020/02/17/story/").day == "2020-02-17"


def test_a_placeholders_year_one_read_west_of_utc_stays_as_written():
    page = '<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script>'
    page += '<time datetime="2026-01-02T08:00:00-07:00"></time>'  # the page writes its times at -07:00
    assert published_metadata(page).day == "0001-01-01"


def test_a_dateline_says_how_it_was_found():
    found = published_metadata("<p>Published   12 March 2026 by the desk</p>")
    assert (found.day, found.how) == ("2026-03-12", 'its dateline ("Published 12 March 2026 by the desk")')


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>",
            "Volkmar Kabisch; Jan Lukas Strozyk; Benedikt Strunz",
        ),
        ("<p class='meta'>By Alex Morgan. Published 18 March 2026.</p>", "Alex Morgan"),
        ("<span>par Didier Roy</span>", "Didier Roy"),
        ("<div>Text: Klausmartin Friedrich</div>", "Klausmartin Friedrich"),
        ("<p>Von R. R. am 07.08.2023</p>", "R. R."),
        ("<p>Posted on September 21, 2020 by Adi Tzlil</p>", "Adi Tzlil"),
        ("<p>（评论员 罗博 萧海川）</p>", "罗博; 萧海川"),
        ("<p>بقلم: آسيا العتروس</p>", "آسيا العتروس"),
        ("<p>От Лиды Буслаевой</p>", "Лиды Буслаевой"),
        ("<p>от редакции</p>", None),  # Cyrillic has capitals: a name is written with them
        ("<p>Christian Seiler</p><p>Von Christian Seiler Illustration von Markus Roost</p>", "Christian Seiler"),
        ("<p>By the numbers: 40 votes</p>", None),  # not a name
        ("<p>Text vorlesen</p>", None),  # "Text" names a byline only with its colon
        ("<p>Von Riverside Gazette</p>", None),  # the site itself
        ("<script>document.write('<p>By Jane Doe</p>')</script>", None),  # not shown
        # the byline's word in an element of its own, the name after it, past inline tags
        ("<span class='label'>Autor:</span> Fritz Imhof<br>", "Fritz Imhof"),
        ("<strong>Text:</strong> Klausmartin Friedrich, Archiv<br>", "Klausmartin Friedrich"),
        ('<span>Por</span><a href="/autor/rodolfo-costa/">Rodolfo Costa</a>', "Rodolfo Costa"),
        ("<span>Author: </span><span>Jacopo Cascioli</span>", "Jacopo Cascioli"),
        ("<span>作者：</span>王小明</p>", "王小明"),
        ("<b>بقلم:</b> آسيا العتروس<br>", "آسيا العتروس"),
        ('<span>text</span> <span>= "title"</span>', None),  # code, not a byline
        ("<strong>Autor:  </strong> </h4>", None),  # the name is not there
        ("<span>Von</span> Riverside Gazette<br>", None),  # the site itself
        ("<b>Von</b> Fritz Imhof am 07.08.2023<br>", "Fritz Imhof"),  # up to the date
        ('<h5 class="title-inline">Autor:  </h5>Peter Maahn<br>', "Peter Maahn"),
        # a short paragraph with inline elements in it, read as its text
        ("<p> von <em>Klaus Stanjek</em></p>", "Klaus Stanjek"),
        ("<p><i>von Daniela Obers</i></p>", "Daniela Obers"),
        ('<p>par <a href="/node/matthieu-hy">Matthieu Hy</a></p>', "Matthieu Hy"),
        ("<p>Von <b>Anna Berg</b>, " + "—" * 145 + "</p>", "Anna Berg"),  # 160 characters: short
        ("<p>Von <b>Anna Berg</b>, " + "—" * 146 + "</p>", None),  # 161: not a byline
        # at most 24 words of names in one byline: a longer one is a list of something else
        (
            "<p>Von " + ", ".join(f"X{chr(97 + i)} Y{chr(97 + i)}" for i in range(12)) + "</p>",
            "; ".join(f"X{chr(97 + i)} Y{chr(97 + i)}" for i in range(12)),
        ),
        ("<p>Von " + ", ".join(f"X{chr(97 + i)} Y{chr(97 + i)}" for i in range(13)) + "</p>", None),
    ],
)
def test_a_byline_in_the_pages_text(html, expected):
    assert text_byline(html, tuple(SITE)) == expected


def test_microdata_and_meta_dates_are_read_from_the_attribute_that_holds_them():
    assert published_metadata('<time itemprop="datePublished" datetime="2026-03-05T09:00">5 March</time>').day == (
        "2026-03-05"
    )
    said = other_dates('<meta name="dateModified" content="2026-03-09">', "2026-03-05")
    assert said == "; the page also gives 2026-03-09 (its datemodified), which it does not call the publication day"


def _page(description: str, body: str) -> str:
    return (
        f'<html><head><meta property="og:description" content="{description}"></head><body>'
        f'<h1>Headline</h1><p class="summary">{description}</p><div class="article">{body}</div></body></html>'
    )


DEK = "Der Stadtrat hat am Montag nach langer Debatte den Bau der neuen Fußgängerbrücke über den Fluss beschlossen."
FIRST = "Die Brücke soll im kommenden Frühjahr fertig werden, sagte die Bürgermeisterin nach der Sitzung am Abend."
DEK_ZH = "市议会周一经过长时间辩论，决定在河上修建一座新的人行桥，预计明年春天完工并向公众开放。"
FIRST_ZH = "市长在会后表示，这座桥将连接老城区和新建的住宅区，方便数千名居民每天步行上班和上学。"


@pytest.mark.parametrize(
    ("html", "text", "expected"),
    [  # the extractor's text starts with the headline, then the body without the summary shown above it
        (_page(DEK, f"<p>{FIRST}</p>"), f"Headline\n{FIRST}", f"Headline\n{DEK}\n{FIRST}"),
        (_page(DEK_ZH, f"<p>{FIRST_ZH}</p>"), f"Headline\n{FIRST_ZH}", f"Headline\n{DEK_ZH}\n{FIRST_ZH}"),
        (_page(DEK, f"<p>{DEK}</p><p>{FIRST}</p>"), f"{DEK}\n{FIRST}", f"{DEK}\n{FIRST}"),  # already there
        (_page(DEK[:60] + "...", f"<p>{FIRST}</p>"), FIRST, FIRST),  # cut short: not the whole paragraph
        (_page("Brücke beschlossen, sagt der Rat.", f"<p>{FIRST}</p>"), FIRST, FIRST),  # a tagline
        (  # shown below the text's first paragraph: a teaser of another article, not this one's standfirst
            f'<html><head><meta name="description" content="{DEK}"></head><body><p>{FIRST}</p><aside>{DEK}</aside>',
            FIRST,
            FIRST,
        ),
        (f'<html><head><meta name="description" content="{DEK}"></head><body><p>{FIRST}</p>', FIRST, FIRST),  # unshown
    ],
)
def test_the_standfirst_the_page_shows_above_the_text_is_its_first_paragraph(html, text, expected):
    assert with_standfirst(html, text) == expected


def test_a_standfirst_is_read_from_json_ld_and_its_entities_unescaped():
    dek = "Three people died in clashes near the fuel plant on Tuesday, the ombudsman’s office said in a statement."
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "description": "'
        + dek
        + f'"}}</script><p class="lede">{dek.replace("’", "&rsquo;")}</p><p>{FIRST}</p>'
    )
    assert with_standfirst(html, FIRST) == f"{dek}\n{FIRST}"


DEK12 = "Der Stadtrat hat am Montag den Bau der neuen großen Brücke beschlossen."  # twelve words
FIRST12 = "Die Brücke soll im kommenden Frühjahr fertig werden, sagte die Bürgermeisterin gestern."  # twelve
LONG_HEADLINE = "Stadtrat beschließt nach jahrelangem Streit um Kosten und Lage den Bau der neuen Brücke"


@pytest.mark.parametrize(
    ("html", "text", "expected"),
    [
        # a headline of many words has no full stop: the first paragraph is the line after it
        (_page(DEK, f"<p>{FIRST}</p>"), f"{LONG_HEADLINE}\n{FIRST}", f"{LONG_HEADLINE}\n{DEK}\n{FIRST}"),
        # twelve words make a paragraph and a standfirst; a paragraph's line may end in a space
        (_page(DEK12, f"<p>{FIRST12}</p>"), FIRST12, f"{DEK12}\n{FIRST12}"),
        (_page(DEK, f"<p>{FIRST}</p>"), f"{FIRST} ", f"{DEK}\n{FIRST} "),
        # the text holds it already, lower down: not given twice
        (_page(DEK, f"<p>{FIRST}</p><p>{DEK}</p>"), f"{FIRST}\n{DEK}", f"{FIRST}\n{DEK}"),
        (_page(DEK[:60] + "…", f"<p>{FIRST}</p>"), FIRST, FIRST),  # cut short with an ellipsis
        ("<p>Headline only</p>", "Headline only", "Headline only"),  # no paragraph: nothing to put it before
        # shown above the text and again below it: the page's standfirst all the same
        (_page(DEK, f"<p>{FIRST}</p><aside>{DEK}</aside>"), FIRST, f"{DEK}\n{FIRST}"),
    ],
)
def test_where_a_standfirst_goes_and_when_it_is_none(html, text, expected):
    assert with_standfirst(html, text) == expected


def test_a_tagline_in_one_description_does_not_hide_the_standfirst_in_another():
    html = (
        '<meta property="og:description" content="Brücke beschlossen.">'
        f'<script type="application/ld+json">{{"description": "{DEK}"}}</script><p>{DEK}</p><p>{FIRST}</p>'
    )
    assert with_standfirst(html, FIRST) == f"{DEK}\n{FIRST}"


@pytest.mark.parametrize(
    ("html", "url", "day"),
    [
        # no local time on the page: its country's zone, from its address or its language's region
        ('<link rel="canonical" href="https://www.zeitung.de/a">', None, "2026-03-06"),  # 23:30 UTC is Berlin's
        ("<p>saved page</p>", "https://www.eldeber.com.bo/a", "2026-03-05"),  # La Paz, UTC-4
        ('<html lang="es-CO"><p>x</p>', None, "2026-03-05"),  # Bogotá, UTC-5
        ('<meta property="og:url" content="https://news.example.com/a">', None, "2026-03-05"),  # no country
        # the page's own offset comes first, whatever its address says
        ('<link rel="canonical" href="https://a.de/"><time datetime="2026-03-05T10:00:00-05:00">', None, "2026-03-05"),
    ],
)
def test_a_utc_time_is_read_in_the_publications_countrys_zone_when_the_page_writes_no_offset(html, url, day):
    stated = f'<script type="application/ld+json">{{"datePublished": "2026-03-05T23:30:00Z"}}</script>{html}'
    assert published_metadata(stated, url).day == day


def test_a_berlin_summer_evening_is_two_hours_ahead_of_utc():
    page = '<script type="application/ld+json">{"datePublished": "2026-07-05T22:30:00Z"}</script><html lang="de-DE">'
    assert published_metadata(page).day == "2026-07-06"
    assert published_metadata(page.replace("22:30", "21:30")).day == "2026-07-05"


def test_a_standfirst_in_arabic_goes_before_a_paragraph_that_ends_in_a_question_mark():
    dek = "قرر مجلس المدينة يوم الاثنين بعد نقاش طويل بناء جسر جديد للمشاة فوق النهر في وسط المدينة القديمة."
    first = "متى سينتهي بناء الجسر الجديد الذي ينتظره السكان منذ سنوات طويلة في الأحياء القريبة من النهر؟"
    assert with_standfirst(_page(dek, f"<p>{first}</p>"), f"العنوان\n{first}") == f"العنوان\n{dek}\n{first}"


def _prose(words: int, paragraphs: int, seed: str) -> list[str]:
    """`paragraphs` paragraphs of `words` words in all, told apart by `seed`."""
    each, extra = divmod(words, paragraphs)
    return [" ".join(f"{seed}{p}w{i}" for i in range(each + (p < extra))) + "." for p in range(paragraphs)]


def _chunked(first: list[str], later: list[list[str]], mark: str = "story__body", depth: int = 1) -> str:
    """A page whose article is in chunks marked `mark`, each in `depth` - 1 wrappers beside the others."""

    def chunk(paragraphs: list[str]) -> str:
        inner = f'<div class="{mark}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
        for _ in range(depth - 1):
            inner = f'<div class="grid">{inner}</div>'
        return inner

    return "<html><body><main>" + "".join(chunk(paragraphs) for paragraphs in [first, *later]) + "</main></body></html>"


def test_every_later_chunk_that_is_prose_follows_and_each_limit_holds_at_its_edge():
    first = _prose(30, 2, "a")
    text = "\n".join(first) + "\n"
    at_limits = _prose(CHUNK_WORDS, CHUNK_WORDS // PARAGRAPH_WORDS, "b")  # exactly enough words, and a paragraph
    two = _prose(80, 2, "c")
    html = _chunked(first, [at_limits, two])
    assert with_later_chunks(html, text) == text + "\n".join(at_limits + two) + "\n"  # both chunks, in order
    short = _prose(CHUNK_WORDS - 1, 1, "d")  # one word too few
    listy = _prose(CHUNK_WORDS, CHUNK_WORDS // PARAGRAPH_WORDS + 1, "e")  # paragraphs one word too short
    assert with_later_chunks(_chunked(first, [short, listy]), text) == text  # as it was, to the character


def test_chunks_are_found_by_their_class_and_element_within_two_wrappers():
    first, later = _prose(30, 2, "a"), _prose(80, 2, "b")
    text = "\n".join(first) + "\n"
    whole = text + "\n".join(later) + "\n"
    assert with_later_chunks(_chunked(first, [later], depth=3), text) == whole
    assert with_later_chunks(_chunked(first, [later], depth=4), text) == text  # too far apart
    assert with_later_chunks(_chunked(first, [later], mark="abc"), text) == whole
    assert with_later_chunks(_chunked(first, [later], mark="ab"), text) == text  # a class too short to mark a body
    marked = '<div class="story__body"><p>b0'
    other_element = _chunked(first, [later]).replace(marked, marked.replace("div", "section"))
    assert with_later_chunks(other_element, text) == text
    unmarked = _chunked(first, [later]).replace("</main>", "<div><p>A box with no class at all.</p></div></main>")
    assert with_later_chunks(unmarked, text) == whole


def test_the_text_is_matched_as_a_reader_reads_it_and_nothing_is_added_twice():
    first, later = _prose(30, 2, "a"), _prose(80, 2, "b")
    first[1] += " So said Malcolm X"  # its last letter is the text's, whatever it is
    html = _chunked(first, [[first[1], *later]]).replace(first[1][:10], first[1][:10] + "\n   ", 1)
    text = "\n".join(first) + "  \n"  # the extractor's spacing, a trailing space kept
    assert with_later_chunks(html, text) == "\n".join(first) + "  \n" + "\n".join(later) + "\n"
    plain = "\n".join(first) + "\n"
    assert with_later_chunks(html, plain) == plain + "\n".join(later) + "\n"
    quoted = html.replace("<main>", f"<aside class='pull'><span>{first[1]}</span></aside><main>")
    assert with_later_chunks(quoted, text).endswith("\n".join(later) + "\n")  # the paragraph, not a pull quote


def test_a_page_over_five_million_characters_is_not_parsed_for_chunks():
    first, later = _prose(30, 2, "a"), _prose(80, 2, "b")
    text = "\n".join(first) + "\n"
    page = _chunked(first, [later])
    padded = page.replace("<body>", "<body><!--" + "x" * (5_000_000 - len(page) - 7) + "-->")
    assert len(padded) == 5_000_000 and with_later_chunks(padded, text) != text
    assert with_later_chunks(padded.replace("<!--", "<!--x"), text) == text
