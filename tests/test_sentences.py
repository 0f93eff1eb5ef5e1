"""Where sentences end in an archived text: every rule of the segmenter, with its hard cases."""

from __future__ import annotations

import pytest

from timeline_core.model.sentences import split_text

CASES = [
    ("quotation ending in a full stop",
     'The mayor said it was "a good night for Eastbank." The state will pay half.',
     ['The mayor said it was "a good night for Eastbank."', "The state will pay half."]),
    ("title before a name", "Dr. Smith opened the bridge. Crowds cheered.",
     ["Dr. Smith opened the bridge.", "Crowds cheered."]),
    ("several abbreviations", "Mr. and Mrs. Jones met Gov. Ruiz at St. Mary's. They spoke.",
     ["Mr. and Mrs. Jones met Gov. Ruiz at St. Mary's.", "They spoke."]),
    ("dotted abbreviations", "U.S. officials and U.K. envoys met at 9 a.m. Monday. Talks went on.",
     ["U.S. officials and U.K. envoys met at 9 a.m. Monday.", "Talks went on."]),
    ("initials", "J. R. R. Tolkien wrote it. Others read it.", ["J. R. R. Tolkien wrote it.", "Others read it."]),
    ("decimals", "Shares rose 6.75 percent. They closed 2.12 percent higher.",
     ["Shares rose 6.75 percent.", "They closed 2.12 percent higher."]),
    ("a web address", "Read https://example.com/a.b.html today. It is short.",
     ["Read https://example.com/a.b.html today.", "It is short."]),
    ("a number after No.", "It was item No. 5 on the list. Next came No. 6.",
     ["It was item No. 5 on the list.", "Next came No. 6."]),
    ("questions and exclamations", "Who built it? Nobody knew! Then a post said so.",
     ["Who built it?", "Nobody knew!", "Then a post said so."]),
    ("a closing bracket", "The vote passed (seven to four.) Work begins soon.",
     ["The vote passed (seven to four.)", "Work begins soon."]),
    ("a sentence starting with a number", "It cost a lot. 2026 will tell.", ["It cost a lot.", "2026 will tell."]),
    ("an opening quote", 'He paused. "We are ready," he said.', ["He paused.", '"We are ready," he said.']),
    ("lower case goes on", "It ended at 5 p.m. and then resumed.", ["It ended at 5 p.m. and then resumed."]),
    ("line breaks end sentences", "A headline\nBy a writer\nThe first sentence.",
     ["A headline", "By a writer", "The first sentence."]),
    ("a title in brackets", "They met (Dr. Smith and others) today. Then they left.",
     ["They met (Dr. Smith and others) today.", "Then they left."]),
    ("a dotted abbreviation before a capital", "She serves in the U.S. Army today. Then she retires.",
     ["She serves in the U.S. Army today.", "Then she retires."]),
    ("an initial X", "Malcolm X. Little was born in 1925. He died in 1965.",
     ["Malcolm X. Little was born in 1925.", "He died in 1965."]),
    ("an acronym ends a sentence", "He joined NASA. Then he left.", ["He joined NASA.", "Then he left."]),
    ("a stop after a space", "Wait . Then go.", ["Wait .", "Then go."]),
    ("a blank line", "One.\n\n  \nTwo.", ["One.", "Two."]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_sentences_end_where_a_reader_sees_them_end(text, expected):
    assert split_text(text) == expected
