"""Sentences of an archived text, for coverage: where one sentence ends and the next begins.

Rules, not a model, so that the result is the same on every machine and every rule has a test
(tests/test_sentences.py): a sentence ends at . ! or ? (and any closing quotes or brackets after
it) followed by a space and a capital, a digit or an opening quote; not after a title such as
"Dr." or "St.", not after an initial such as "J.", and never inside "4.2" or a web address,
where no space follows the full stop. Every line break ends a sentence too.
"""

from __future__ import annotations

import re

# Words that end in a full stop without ending a sentence (compared without the stop, lowercased).
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "rev", "hon", "gen", "col", "lt", "capt", "sgt",
    "sen", "rep", "gov", "pres", "inc", "ltd", "co", "corp", "bros", "vs", "cf", "approx", "dept", "univ",
    "ave", "rd", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
})  # fmt: skip
NUMBERED = frozenset({"no", "nos", "vol", "p", "pp", "fig", "art", "sec", "ch"})  # "No. 5", "p. 12"
_BOUNDARY = re.compile(r"([.!?]+)([\"'”’)\]]*)\s+(?=([\"'“‘(\[]?)([A-Z0-9]))")
_LAST_WORD = re.compile(r"(\S+)$")


def _continues(before: str, stop: str, next_char: str) -> bool:
    """True when the full stop at the end of `before` belongs to an abbreviation or an initial."""
    if stop != ".":
        return False
    last = _LAST_WORD.search(before)
    if not last:  # a stop after a space ends the sentence
        return False
    word = last.group(1).lstrip("(\"'“‘[")  # the stop itself is not in `before`
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return True
    if lowered in NUMBERED and next_char.isdigit():
        return True
    return len(word) == 1 and word.isupper()  # an initial: "J. R. R. Tolkien"


def split_line(line: str) -> list[str]:
    """One line of text cut into its sentences, each stripped."""
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(line):
        if _continues(line[start : match.start()], match.group(1), match.group(4)):
            continue
        sentences.append(line[start : match.end()].strip())
        start = match.end()
    sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if sentence]


def split_text(text: str) -> list[str]:
    """Every sentence of a text, line by line."""
    return [sentence for line in text.splitlines() for sentence in split_line(line)]
