"""The public benchmark's judge of what a page states (benchmarks/stated.py): a page's headline,
byline or day counts toward the issue's goal only where the page states it."""

from __future__ import annotations

import pytest

from benchmarks.public_sets import same_authors
from benchmarks.stated import days_stated, page_says, states_authors, states_title

PAGE = """<html><head><title>Ein Tag &amp; eine Nacht | Beispielblatt</title>
<meta name="author" content="J&#252;rgen M&#252;ller"></head>
<body><h1>Ein <em>Tag</em> &amp; eine Nacht</h1><p class="byline">Von Anna Schmidt</p>
<p>Text.</p></body></html>"""


def test_a_headline_is_stated_across_inline_tags_and_entities():
    says = page_says(PAGE)
    assert states_title(says, "Ein Tag & eine Nacht")
    assert states_title(says, "EIN TAG  &  EINE NACHT")
    assert not states_title(says, "Ein Tag und eine Nacht")


def test_a_byline_is_stated_when_every_person_stands_in_the_text_or_the_markup():
    says = page_says(PAGE)
    assert states_authors(says, ("Jürgen Müller",))  # in an attribute, escaped
    assert states_authors(says, ("Anna Schmidt", "Jürgen Müller"))
    assert states_authors(says, ("Anna Schmidt und Jürgen Müller",))
    assert not states_authors(says, ("Anna Schmidt", "Fritz Imhof"))


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("<td>26 | 01 | 2022 </td>", "2022-01-26"),
        ("<span>17. März 2021</span>", "2021-03-17"),
        ("<p>Posted on March 17th, 2021 by Ann</p>", "2021-03-17"),
        ("<span>2020年2月17日 10:31</span>", "2020-02-17"),
        ("<span>2020년 2월 17일</span>", "2020-02-17"),
        ("<span>2020. 2. 17.</span>", "2020-02-17"),
        ("<span>17 فبراير 2020</span>", "2020-02-17"),
        ("<span>le 5 juin 2019</span>", "2019-06-05"),
        ('<meta content="2019-06-05">', "2019-06-05"),
        ("<span>06/05/2019</span>", "2019-05-06"),  # day first or month first: either
        ("<span>06/05/2019</span>", "2019-06-05"),
        ('<script>{"publishedAt": 1581905880}</script>', "2020-02-17"),
    ],
)
def test_a_day_is_stated_however_the_page_writes_it(written, day):
    assert day in days_stated(f"<html><body>{written}</body></html>", None)


def test_a_time_of_day_states_the_days_either_side_and_a_bare_day_only_itself():
    timed = days_stated('<meta content="2020-02-18T02:18:00Z">', None)
    assert {"2020-02-17", "2020-02-18", "2020-02-19"} <= timed
    assert days_stated("<p>2020-02-18</p>", None) == {"2020-02-18"}


def test_an_address_states_its_day_and_an_impossible_date_states_none():
    assert days_stated("<p></p>", "https://example.com/2020/02/17/story") == {"2020-02-17"}
    assert days_stated("<p>2022-29-11</p>", None) == set()
    assert "2012-08-22" not in days_stated("<p>22 August 2010</p>", None)


def test_a_byline_is_the_same_people_however_the_credits_are_joined():
    assert same_authors(("det/dpa",), "det; dpa")
    assert same_authors(("AFP/The Local",), "AFP; The Local")
    assert same_authors(("Rodolfo Costa.",), "Rodolfo Costa")
    assert same_authors(("Anna Berg und Max Lee",), "Max Lee; Anna Berg")
    assert not same_authors(("det/dpa",), "dpa")
    assert not same_authors(("Anna Berg",), None)
