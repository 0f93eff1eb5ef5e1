"""Dates: parsed as the `edtf` package reads them, and shown with no more precision than known."""

from __future__ import annotations

import datetime as dt

import edtf
import pytest

from timeline_core.model.dates import display_date, parse_edtf
from timeline_core.problems import DataError

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


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2026-13",
        "2026-04-31",
        "April 7",
        "2026/04/07",
        "2026-04-10/2026-04-01",
        "..",
        "../..",
        "2026-04-07/",
        "26-04-07",
        "2026-4-7",
        "2026-04-07T10:00",
    ],
)
def test_invalid_dates_are_refused_by_both(text):
    with pytest.raises(DataError):
        parse_edtf(text)
    stricter = ("2026-04-10/2026-04-01", "2026-04-07T10:00", "2026-04-07/", "../..")  # EDTF allows these
    if text not in stricter:
        with pytest.raises(edtf.parser.edtf_exceptions.EDTFParseException):
            edtf.parse_edtf(text)


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
        ("../2026-04-10", "before 10 Apr 2026"),
        ("2026-04-10/..", "after 10 Apr 2026"),
    ],
)
def test_display_says_what_is_known_and_no_more(text, shown):
    assert display_date(parse_edtf(text)) == shown


def test_sort_key_is_earliest_then_latest():
    texts = ["2026-04-10", "2026-04", "../2026-04-10", "2026-04-07~", "2026-04-07/2026-04-10"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).sort_key())
    assert ordered == ["../2026-04-10", "2026-04", "2026-04-07~", "2026-04-07/2026-04-10", "2026-04-10"]
