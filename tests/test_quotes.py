"""The quote check: a quote verifies only when the source says exactly that, at any source size.

Folding forgives what a browser or an editor changes (curled quotes, dashes, line breaks); it
must never forgive a changed digit, a dropped "not" or a moved comma, and the index that makes
large sources fast must answer exactly what a plain scan answers.
"""

from __future__ import annotations

import hashlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.events import EVENT, GOOD
from timeline_core.data.load import load_timeline
from timeline_core.model.quotes import SourceText, checksum, closest_passage, fold, folded_positions, verify_quote

ARCHIVE = (
    "The Example Company said on Monday that its model is ready.\n"
    "Shares rose 7.65% on Wednesday, the exchange said, and the company did not comment.\n"
    "Analysts called the “rally” overdone — at least for now.\n"
)
READY = "The Example Company said on Monday that its model is ready."
SAID = "Shares rose 7.65% on Wednesday, the exchange said, and the company did not comment."


def _cite(project, quote: str) -> list[str]:
    """What `timeline check` says of an event that cites `quote` from ARCHIVE."""
    project.write_archive("seeds/example.txt", ARCHIVE)
    quoted = quote.replace("'", "''")
    project.write(EVENT, GOOD.replace(f"quote: {READY}", f"quote: '{quoted}'"))
    return [problem.format() for problem in load_timeline(project.root).problems]


@pytest.mark.parametrize(
    "quote",
    [
        SAID,
        "Shares rose 7.65% on Wednesday,",
        'Analysts called the "rally" overdone - at least for now.',  # straight quotes, a hyphen for the dash
        "Analysts called the “rally” overdone – at least",  # an en dash for the em dash
        "the company did not\n        comment.",  # re-wrapped
        "company did not comment. Analysts called",  # across a line break
    ],
)
def test_a_quote_copied_through_a_browser_verifies(empty_project, quote):
    assert _cite(empty_project, quote) == []


SHARES = "Shares rose 7.65% on Wednesday,"


@pytest.mark.parametrize(
    ("change", "quote", "closest"),
    [
        ("a changed digit", "Shares rose 7.66% on Wednesday", SHARES),
        ("digits swapped", "Shares rose 6.75% on Wednesday", SHARES),
        ("a dropped digit", "Shares rose 7.6% on Wednesday", SHARES),
        ("another unit", "Shares rose 7.65 on Wednesday", SHARES),
        ("a dropped negation", "and the company did comment.", "and the company did not comment."),
        ("an added negation", "the exchange did not say", "the exchange said, and the"),
        ("a moved comma", "Shares rose 7.65% on Wednesday the exchange, said", f"{SHARES} the exchange said,"),
        ("a dropped comma", "on Wednesday the exchange said", "on Wednesday, the exchange said,"),
        ("an added comma", "Shares rose, 7.65% on Wednesday", f"ready. {SHARES}"),
        ("another stop", "the company did not comment!", "the company did not comment."),
        ("a changed case", "shares rose 7.65% on Wednesday", SHARES),
        ("a changed word", "Shares fell 7.65% on Wednesday", SHARES),
        ("a joined word", "Shares rose 7.65% onWednesday", SHARES),
        ("a split word", "Shares rose 7.65% on Wednes day", SHARES),
        ("a dash for a full stop", "did not comment - Analysts", "did not comment. Analysts called"),
        ("another ending", "at least for now!", "at least for now."),
        ("a word from the start", "The Example Company says", "The Example Company said"),
    ],
)
def test_a_quote_that_changes_what_the_source_says_is_refused_with_the_sources_words(
    empty_project, change, quote, closest
):
    assert _cite(empty_project, quote) == [
        f'{EVENT}:9:12: error: text not found in seeds/example.txt; copy it word for word. Closest passage: "{closest}"'
    ], change


def test_an_empty_quote_never_verifies():
    source = SourceText.from_text("seeds/example.txt", ARCHIVE)
    assert not verify_quote(source, "") and not verify_quote(source, " \n ")
    assert not verify_quote(SourceText.from_text("empty.txt", ""), "Shares")


@pytest.mark.parametrize(
    ("text", "quote", "closest"),
    [
        ("Shares rose 7.65% today.", "Shares rose 6.75% today.", "Shares rose 7.65% today."),  # the whole text
        ("Shares rose 7.65% today.", "hares rose", "Shares rose"),  # widened to whole words at the start
        ("Shares rose 7.65% today.", "65% toda", "7.65% today."),  # and at the end
        ("A B. Shares rose today. C D", "Shares ros today.", "Shares rose today."),
        ("A B. Shares rose today. C D", "ZZ Shares rose", "B. Shares rose"),  # as long as the quote
        ("Shares rose. Then Shares rose", "Shares rose!", "Shares rose."),  # the first of equals
        ("Xhares rose. Shares rose", "Shares rose", "Shares rose"),  # the quote's first letter counts
        ("Shares roseXY today", "Shares rosa", "Shares roseXY"),  # widened to the space only
        ("one two three", "", ""),
        ("", "one", ""),
    ],
)
def test_the_closest_passage_is_the_sources_wording_in_whole_words(text, quote, closest):
    assert closest_passage(SourceText.from_text("e.txt", text), quote) == closest


def test_the_closest_passage_to_a_long_quote_compares_every_character():
    """difflib would treat a long quote's frequent characters as junk and lose its best match."""
    said = [f"Sentence {i} says the council met on day {i} and voted." for i in range(12)]
    quote = " ".join(said[6:10]).replace("voted", "vetoed")
    assert len(quote) > 200
    closest = closest_passage(SourceText.from_text("long.txt", " ".join(said)), quote)
    assert closest == "voted. " + " ".join(said[6:10]) + " Sentence"


_FOLDED_CHARACTERS = ["a", "B", " ", "\n", "\u201c", "\u2014", "\u00a0", "7", "\t", "，", "字"]


@given(st.text(st.sampled_from(_FOLDED_CHARACTERS), max_size=60))
def test_folded_positions_point_at_the_characters_they_came_from(text):
    folded, position = fold(text), folded_positions(text)
    positions = [position(index) for index in range(len(folded))]
    for char, at in zip(folded, positions, strict=True):
        assert fold(text[at]) == char if char != " " else text[at].isspace()
    assert positions == sorted(set(positions))
    for index, char in enumerate(folded):  # a space points at the last white character before the next word
        if char == " ":
            assert not text[positions[index] + 1].isspace()


def test_folding_keeps_every_character_but_space_quotes_dashes_and_full_width_forms():
    assert fold("  “A”\n‘b’ — c – d ‑ e −1  ") == "\"A\" 'b' - c - d - e -1"
    kept = "0123456789 AaÄäß 新华网 ,.;:!?%()[]。、「」"
    assert fold(kept) == kept
    assert fold("股价上涨７.６５％，（ＡＢＣ）！\u3000完") == "股价上涨7.65%,(ABC)! 完"
    assert fold("～｝") == "~}" and fold("\uff5f") == "\uff5f"  # the full-width block's ends


def test_a_chinese_quote_verifies_whichever_comma_the_page_used():
    source = SourceText.from_text("zh.txt", "阿里巴巴表示，该模型在盲测中位列第一（文本生成视频）。")
    assert verify_quote(source, "阿里巴巴表示,该模型在盲测中位列第一(文本生成视频)。")
    assert not verify_quote(source, "阿里巴巴表示,该模型在盲测中位列第二")
    assert not verify_quote(source, "阿里巴巴表示。该模型")


def test_a_checksum_ignores_line_endings_and_nothing_else():
    text = "One line.\nAnother, with 7.65%.\n"
    assert checksum(text) == checksum(text.replace("\n", "\r\n"))
    assert checksum(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for changed in (text.replace("7", "8"), text + " ", text.replace(",", ""), text.replace("\n", "\r")):
        assert checksum(changed) != checksum(text), changed


# A vocabulary small enough that many words share their first 64 characters, so the index of a
# large source has long runs of equal keys that only the rest of the passage tells apart.
WORDS = ["rose", "rose,", "7.65%", "6.75%", "not", "did", "said", "the", "Shares", "on", "Wednesday", "—", "“a”"]
SIZES = (200, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 130_000)  # both sides of the indexed path's threshold
_TEXTS: dict[tuple[int, int], tuple[str, SourceText]] = {}


def _text(seed: int, size: int) -> tuple[str, SourceText]:
    if (seed, size) not in _TEXTS:
        rng, words, length = random.Random(seed), [], 0
        while length < size:
            word = rng.choice(WORDS)
            words.append(word)
            length += len(word) + 1
        folded = fold(" ".join(words))[:size]
        _TEXTS[(seed, size)] = (folded, SourceText.from_text("large.txt", folded))
    return _TEXTS[(seed, size)]


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2),
    size=st.sampled_from(SIZES),
    where=st.floats(0, 1),
    length=st.integers(1, 400),
    change=st.none() | st.tuples(st.integers(0, 399), st.sampled_from(list("5678%, .no"))),
)
def test_finding_a_passage_in_a_source_of_any_size_is_a_plain_search(seed, size, where, length, change):
    folded, source = _text(seed, size)
    start = int(where * (len(folded) - 1))
    needle = folded[start : start + length]
    if change is not None:  # one character changed, often past the first 64 of the passage
        at, char = change
        at = min(at, len(needle) - 1)
        needle = needle[:at] + char + needle[at + 1 :]
    assert source.find(needle) == folded.find(needle)
    assert source.contains(needle) == (needle in folded)
    for absent in ("~", "zz", "Shares~", needle + "~"):  # past every key of the index, and absent
        assert not source.contains(absent)
    assert verify_quote(source, needle) == (needle.strip() != "" and fold(needle) in folded)


def test_a_long_quote_that_differs_only_after_its_first_characters_is_refused_in_a_large_source():
    paragraph = "The board said the plan, which it approved on Monday, would not raise fares before 2027. "
    text = paragraph * 1600 + "The board said the plan, which it approved on Monday, would raise fares in 2026.\n"
    assert len(text) > 128 * 1024
    source = SourceText.from_text("large.txt", text)
    assert verify_quote(source, paragraph.strip())
    assert verify_quote(source, "would raise fares in 2026.")
    # Each wrong quote shares its first 64 characters with a sentence of the source and differs after.
    opening = "The board said the plan, which it approved on Monday,"
    assert not verify_quote(source, f"{opening} would raise fares before 2027.")
    assert not verify_quote(source, f"{opening} would not raise fares in 2026.")
