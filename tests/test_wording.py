"""The wording check: how many of a text's content words its quotes hold, and which they lack."""

from __future__ import annotations

import pytest

from tests.conftest import READER_LANGUAGES
from tests.events import EVENT, GOOD
from timeline_core.data.load import load_timeline
from timeline_core.model.text import attribution_words, small_words
from timeline_core.model.wording import Vocabulary, content_words, stems_of, support

APPROVED = ["The council approved the new footbridge."]


@pytest.mark.parametrize(
    ("text", "quotes", "named", "share", "missing"),
    [
        ("Council approves footbridge.", APPROVED, frozenset(), 1.0, ()),  # "approves" meets "approved"
        ("Council rejects footbridge.", APPROVED, frozenset(), 2 / 3, ("rejects",)),
        ("Council rejects the footbridge it rejects.", APPROVED, frozenset(), 2 / 4, ("rejects",)),  # once
        ("The source says the council met.", ["Council met on Thursday."], frozenset(), 1.0, ()),  # editorial
        ("It is 12 and 2026.", [], frozenset(), 1.0, ()),  # no content word: nothing to support
        ("Alibaba confirms HappyHorse.", ["Alibaba confirmed it."], frozenset(), 2 / 3, ("HappyHorse",)),
        ("Alibaba confirms HappyHorse.", ["Alibaba confirmed it."], frozenset({"happy"}), 1.0, ()),  # named
        (
            "The text-to-video model leads.",
            ["the model for text and video leads"],
            frozenset(),
            2 / 3,
            ("text-to-video",),
        ),
        ("The text-to-video model leads.", ["the model, from text to video, leads"], frozenset(), 1.0, ()),  # parts
        ("Alibaba’s model", ["Alibaba's model"], frozenset(), 1.0, ()),  # either apostrophe
        ("They don’t agree.", ["they don't agree"], frozenset(), 1.0, ()),
        ("They don't agree.", ["they don’t agree"], frozenset(), 1.0, ()),
        ("The source’s claim stands.", ["the claim stands"], frozenset(), 1.0, ()),  # editorial, as a whole
        ("Shares rose 6.75%.", ["shares rose 6.75%"], frozenset(), 1.0, ()),  # letter case aside
        ("[The filing](https://example.com/council) says so.", ["the filing"], frozenset(), 1.0, ()),  # not the address
    ],
)
def test_support_counts_the_words_its_quotes_hold(text, quotes, named, share, missing):
    found = support(text, quotes, Vocabulary(names=named))
    assert (found.share, found.missing) == (pytest.approx(share), missing)


# One fact in each catalog language: the quote's translation, a summary that says what it says in the
# language's own way (who reports it, its small words), and one that adds a claim no quote holds.
SAME_FACT = {
    "en": (
        "The bridge is closed to lorries from 2 March.",
        "A Chinese newspaper reports that the bridge is closed to lorries from 2 March.",
        "A Chinese newspaper reports that the bridge will be demolished for good.",
    ),
    "de": (
        "Die Brücke ist ab dem 2. März für Lastwagen gesperrt.",
        "Eine chinesische Zeitung berichtet, dass die Brücke ab dem 2. März für Lastwagen gesperrt ist.",
        "Eine chinesische Zeitung berichtet, dass die Brücke für immer abgerissen wird.",
    ),
    "zh": (
        "大桥自3月2日起禁止货车通行。",
        "据报道，大桥自3月2日起禁止货车通行。",
        "据报道，大桥将被永久拆除，改建隧道。",
    ),
    "ar": (
        "الجسر مغلق أمام الشاحنات اعتبارا من 2 مارس.",
        "ذكرت صحيفة صينية أن الجسر مغلق أمام الشاحنات اعتبارا من 2 مارس.",
        "ذكرت صحيفة صينية أن الجسر سيهدم نهائيا.",
    ),
}


def test_every_catalog_language_has_its_fact_small_words_and_attribution_words():
    assert set(SAME_FACT) == {"en", *READER_LANGUAGES}
    for language in SAME_FACT:
        assert small_words(language) and attribution_words(language), language


@pytest.mark.parametrize("language", sorted(SAME_FACT))
def test_a_summary_is_read_in_the_story_language(language):
    """In every language alike, a summary saying what its translated quote says passes, naming its
    reporter and using the language's small words, and one that adds a claim is refused."""
    translation, faithful, added = SAME_FACT[language]
    vocabulary = Vocabulary(language)
    found = support(faithful, [translation], vocabulary)
    assert found.share >= 0.5, found
    refused = support(added, [translation], vocabulary)
    assert refused.share < 0.5 and refused.missing, refused


def test_german_small_words_are_no_claims_on_a_german_story_but_are_on_an_english_one():
    translation, faithful, _ = SAME_FACT["de"]
    assert "dass" not in support(faithful, [translation], Vocabulary("de")).missing
    assert "dass" in support(faithful, [translation], Vocabulary("en")).missing


def test_content_words_leave_out_small_words_numbers_and_link_targets():
    text = "The council approved 12 new [bridges](https://example.org/a) on Monday, the U.S. says."
    assert content_words(text) == ["council", "approved", "new", "bridges", "Monday", "U.S", "says"]


def test_stems_are_the_first_letters_of_each_word_and_of_its_parts():
    assert stems_of(["HappyHorse-1.0 text-to-video Alibaba’s U.S. Models"]) == {
        "happy", "1", "0", "text-", "text", "to", "video", "aliba", "s", "u.s", "u", "model",
    }  # fmt: skip


def test_a_summary_that_says_more_than_its_quotes_is_refused_with_the_words_it_lacks(empty_project):
    def write(summary: str) -> None:  # the title is judged on its own: its quoted words carry no summary
        event = GOOD.replace("title: Example Company says its model is ready", "title: Example model ready")
        empty_project.write(EVENT, event.replace("summary: The Example Company says its model is ready.", summary))

    write("summary: Its model is cheap, open, fast and new.")  # 1 of 5 words quoted
    assert [p.format() for p in load_timeline(empty_project.root).problems] == [
        f"{EVENT}:5:10: error: event '2026-04-06-example-model-ready': only 20% of the words of its summary are in "
        "its quotes (at least 50% must be); no quote has 'cheap', 'open', 'fast', 'new'. Quote the "
        "passages that say it, or say only what the quotes say"
    ]
    write("summary: Its model is ready and cheap.")  # 2 of 3: half is enough
    assert load_timeline(empty_project.root).problems == ()
