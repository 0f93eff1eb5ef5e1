"""Dates: parsed as the `edtf` package reads them, and shown with no more precision than known."""

from __future__ import annotations

import datetime as dt

import edtf
import pytest

from timeline_core.model.dates import parse_edtf
from timeline_core.problems import DataError
from timeline_core.words.reader import english, words_for

FORMS = [
    "2026-04-10",
    "2026-04",
    "2026",
    "2026-04-07~",
    "2026-04-10?",
    "2026-04%",
    "2026~",
    "2026-04-07/2026-04-10",
    "2026-03-30/2026-04-02",
    "2026-04-07~/2026-04-10",
    "2025-12/2026-01",
    "2024-02-29",
]


@pytest.mark.parametrize("text", FORMS)
def test_bounds_agree_with_the_edtf_package(text):
    ours = parse_edtf(text)
    theirs = edtf.parse_edtf(text)
    assert ours.earliest == dt.date(*theirs.lower_strict()[:3])
    assert ours.latest == dt.date(*theirs.upper_strict()[:3])


@pytest.mark.parametrize("text", ["../2026-04-10", "2026-04-10/.."])
def test_open_intervals_are_valid_edtf(text):
    edtf.parse_edtf(text)  # raises if the package does not accept the form
    parsed = parse_edtf(text)
    assert (parsed.earliest is None) == text.startswith("..")
    assert (parsed.latest is None) == text.endswith("..")


NOT_UNDERSTOOD = (
    "is not a date this site understands; write YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by ~ "
    "(approximate) or ? (uncertain)"
)
EMPTY_SIDE = "has an empty side; write '..' for an open end, as in '../2026-04-10'"


@pytest.mark.parametrize(
    "text,message",
    [
        ("2026-02-30", "'2026-02-30' is not a real day: February 2026 has 28 days"),
        ("2026-13", "'2026-13' has month 13; months run from 01 to 12"),
        ("2026-00", "'2026-00' has month 00; months run from 01 to 12"),
        ("2026-04-31", "'2026-04-31' is not a real day: April 2026 has 30 days"),
        ("2026-04-00", "'2026-04-00' is not a real day: April 2026 has 30 days"),
        ("0000", "'0000' has year 0000, which is not a calendar year"),
        ("April 7", f"'April 7' {NOT_UNDERSTOOD}"),
        ("2026/04/07", "'2026/04/07' has more than one '/'; an interval is START/END"),
        ("2026-04-10/2026-04-01", "'2026-04-10/2026-04-01' ends before it starts; put the earlier date first"),
        ("..", "'..' alone is not a date; write '../YYYY-MM-DD' for 'before a day'"),
        ("../..", "'../..' has no known end; give at least one date"),
        ("/..", "'/..' has no known end; give at least one date"),
        ("../", "'../' has no known end; give at least one date"),
        ("2026-04-07/", f"'2026-04-07/' {EMPTY_SIDE}"),
        ("/2026-04-07", f"'/2026-04-07' {EMPTY_SIDE}"),
        ("26-04-07", f"'26-04-07' {NOT_UNDERSTOOD}"),
        ("2026-4-7", f"'2026-4-7' {NOT_UNDERSTOOD}"),
        ("2026-04-07T10:00", f"'2026-04-07T10:00' {NOT_UNDERSTOOD}"),
        ("2026-04-07~?", f"'2026-04-07~?' {NOT_UNDERSTOOD}"),
    ],
)
def test_invalid_dates_are_refused_by_both_with_how_to_fix_them(text, message):
    with pytest.raises(DataError) as refused:
        parse_edtf(text)
    assert str(refused.value) == message
    stricter = (
        "2026-04-10/2026-04-01",
        "2026-04-07T10:00",
        "2026-04-07/",
        "/2026-04-07",
        "../..",
        "/..",
        "../",
        "0000",
    )
    if text not in stricter:  # EDTF allows these
        with pytest.raises(edtf.parser.edtf_exceptions.EDTFParseException):
            edtf.parse_edtf(text)


@pytest.mark.parametrize("text", ["0001-01-01", "2026-04-01", "2026-04-01/2026-04-01", "2024-02-29~", " 2026-04 "])
def test_the_edges_of_the_calendar_are_dates(text):
    parsed = parse_edtf(text)
    assert parsed.text == text.strip() and parsed.earliest is not None


@pytest.mark.parametrize(
    "text,shown",
    [
        ("2026-04-10", "10 Apr 2026"),
        ("2026-04", "Apr 2026"),
        ("2026", "2026"),
        ("2026-04-07~", "c. 7 Apr 2026"),
        ("2026-04-10?", "10 Apr 2026?"),
        ("2026-04-07/2026-04-10", "7–10 Apr 2026"),
        ("2026-03-30/2026-04-02", "30 Mar–2 Apr 2026"),
        ("2025-12-30/2026-01-02", "30 Dec 2025–2 Jan 2026"),
        ("../2026-04-10", "on or before 10 Apr 2026"),
        ("2026-04-10/..", "on or after 10 Apr 2026"),
        # every qualifier on every precision: ~ approximate ("c."), ? uncertain ("?"), % both
        ("2026-04-10~", "c. 10 Apr 2026"),
        ("2026-04-10%", "c. 10 Apr 2026?"),
        ("2026-04~", "c. Apr 2026"),
        ("2026-04?", "Apr 2026?"),
        ("2026-04%", "c. Apr 2026?"),
        ("2026~", "c. 2026"),
        ("2026?", "2026?"),
        ("2026%", "c. 2026?"),
        # and on either end of an interval, open or closed
        ("../2026-04-10?", "on or before 10 Apr 2026?"),
        ("../2026-04~", "on or before c. Apr 2026"),
        ("2026-04-10%/..", "on or after c. 10 Apr 2026?"),
        ("2026-04-07~/2026-04-10", "c. 7 Apr 2026–10 Apr 2026"),
        ("2026-04-07/2026-04-10?", "7–10 Apr 2026?"),
        ("2026-04-07/2026-04-10%", "7–c. 10 Apr 2026?"),
        ("2026-04-07%/2026-04-10%", "c. 7 Apr 2026?–c. 10 Apr 2026?"),
        ("2026-03/2026-04?", "Mar 2026–Apr 2026?"),
        ("2025~/2026", "c. 2025–2026"),
        ("2026-04-07/2026-05", "7 Apr 2026–May 2026"),
    ],
)
def test_display_says_what_is_known_and_no_more(text, shown):
    assert english().date_text(parse_edtf(text)) == shown


@pytest.mark.parametrize(
    "text,html",
    [
        ("2026-04-10%", '<time datetime="2026-04-10">c. 10 Apr 2026?</time>'),
        ("2026-04?", '<time datetime="2026-04">Apr 2026?</time>'),
        ("2026~", '<time datetime="2026">c. 2026</time>'),
        ("../2026-04-10?", 'on or before <time datetime="2026-04-10">10 Apr 2026?</time>'),
        ("2026-04-10~/..", 'on or after <time datetime="2026-04-10">c. 10 Apr 2026</time>'),
        (
            "2026-04-07/2026-04-10%",
            '<time datetime="2026-04-07">7</time>–<time datetime="2026-04-10">c. 10 Apr 2026?</time>',
        ),
    ],
)
def test_a_page_writes_each_qualifier_with_a_machine_date_no_more_precise_than_known(text, html):
    from timeline_core.pages.render import date_html

    assert str(date_html(parse_edtf(text), english())) == html


@pytest.mark.parametrize(
    "text,approximate,uncertain",
    [("2026-04-10", False, False), ("2026-04-10~", True, False), ("2026-04?", False, True), ("2026%", True, True)],
)
def test_qualifiers_are_read_as_edtf_defines_them(text, approximate, uncertain):
    point = parse_edtf(text).start
    assert (point.approximate, point.uncertain, point.qualified) == (approximate, uncertain, approximate or uncertain)
    assert parse_edtf(text).is_plain_day == (text == "2026-04-10")


@pytest.mark.parametrize(
    "text,note",
    [
        ("2026-04-10", ""),
        ("2026-04-10?", "Date: 10 Apr 2026?; placed on its earliest possible day."),
        ("2026-04", "Date: Apr 2026; placed on its earliest possible day."),
        (
            "../2026-04-10",
            "Date: on or before 10 Apr 2026; placed on its latest possible day, since no earlier bound is known.",
        ),
        ("2026-04-07/2026-04-10", "Date: 7–10 Apr 2026; placed on its earliest possible day."),
    ],
)
def test_a_date_that_is_not_one_exact_day_says_where_it_was_placed(text, note):
    assert english().placement_note(parse_edtf(text)) == note


def test_dates_are_read_in_the_order_they_are_placed_then_known_most_closely():
    """An open start ("on or before 10 Apr") is read on its latest day, never ahead of what it may
    follow; on one day, the date known more closely comes first."""
    texts = ["2026-04-10", "2026-04", "../2026-04-10", "2026-04-07~", "2026-04-07/2026-04-10", "2026-04-09"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).sort_key())
    assert ordered == ["2026-04", "2026-04-07~", "2026-04-07/2026-04-10", "2026-04-09", "../2026-04-10", "2026-04-10"]


def test_a_calendar_day_reads_like_every_other_date():
    from timeline_core.model.dates import exact_day
    from timeline_core.pages.render import date_html

    day = exact_day(dt.date(2026, 5, 2))
    assert day == parse_edtf("2026-05-02")
    assert (day.is_plain_day, day.placed_on, day.sort_key()) == (True, dt.date(2026, 5, 2), (dt.date(2026, 5, 2),) * 3)
    assert str(date_html(dt.date(2026, 5, 2), english())) == '<time datetime="2026-05-02">2 May 2026</time>'


@pytest.mark.parametrize(
    "text,key",
    [
        ("2026-04-07/2026-04-10", (dt.date(2026, 4, 7), dt.date(2026, 4, 10), dt.date(2026, 4, 7))),
        ("2026-04", (dt.date(2026, 4, 1), dt.date(2026, 4, 30), dt.date(2026, 4, 1))),
        ("2026-04-10/..", (dt.date(2026, 4, 10), dt.date.max, dt.date(2026, 4, 10))),
        ("../2026-04-10", (dt.date(2026, 4, 10), dt.date(2026, 4, 10), dt.date.min)),
    ],
)
def test_a_dates_place_in_order_is_its_placed_day_then_its_latest_then_its_earliest(text, key):
    assert parse_edtf(text).sort_key() == key


def test_an_accessed_date_must_be_one_exact_day():
    from timeline_core.model.dates import parse_day

    assert parse_day(" 2026-04-07 ") == dt.date(2026, 4, 7)
    for text in ("2026-04", "2026-04-07~", "2026-04-07/2026-04-08"):
        with pytest.raises(DataError, match=f"^'{text}' must be one exact day, written YYYY-MM-DD$"):
            parse_day(text)


@pytest.mark.parametrize(
    "language,dates",
    [
        (
            "de",
            ["7. Apr. 2026", "7.–10. Apr. 2026", "ca. Apr. 2026", "am oder vor dem 10. Apr. 2026?", "April 2026"],
        ),
        ("zh", ["2026年4月7日", "2026年4月7日至10日", "约2026年4月", "2026年4月10日?当日或之前", "2026年4月"]),
        ("ar", ["7 أبريل 2026", "7–10 أبريل 2026", "نحو أبريل 2026", "في 10 أبريل 2026؟ أو قبله", "أبريل 2026"]),
        ("en", ["7 Apr 2026", "7–10 Apr 2026", "c. Apr 2026", "on or before 10 Apr 2026?", "April 2026"]),
    ],
)
def test_dates_ranges_and_qualifiers_follow_the_language(language, dates):
    words = words_for(language)
    shown = [
        words.date_text(parse_edtf(text))
        for text in ("2026-04-07", "2026-04-07/2026-04-10", "2026-04~", "../2026-04-10?")
    ]
    assert [*shown, words.period_label((2026, 4), (2026, 4))] == dates


def test_numbers_and_shares_follow_the_language():
    assert [words_for(language).percent(0.125) for language in ("en", "de", "zh")] == ["12%", "12\xa0%", "12%"]
    assert words_for("de").percent(0.001) == "unter 1\xa0%"
    assert words_for("de").number(12345) == "12.345" and words_for("en").number(12345) == "12345"
    assert words_for("en").percent(0.001) == "under 1%"
