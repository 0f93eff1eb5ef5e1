"""How much of what a text says its quotes also say: a rough, explainable test of support.

A machine cannot judge meaning, but it can see when a definition or a description uses words
that none of its quotes contain. Content words are compared by their first letters (so "confirm"
meets "confirmed", "models" meets "model"); small words and numbers' formatting do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import parts_of, words

STEM = 5  # letters that identify a word for this test: "confirmed" and "confirmation" match
SMALL_WORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "one",
    "two",
})  # fmt: skip
# Words that say where a claim comes from rather than what it is: "the source says", "credited".
EDITORIAL_WORDS = frozenset({
    "source", "source's", "sources", "says", "say", "said", "reports", "reported", "calls", "called",
    "archived", "credited", "article",
})  # fmt: skip
_EDITORIAL = frozenset(word[:STEM] for word in EDITORIAL_WORDS)
MIN_SHARE = 0.5  # at least half of what a text says must be in its quotes


@dataclass(frozen=True)
class Support:
    share: float  # of the text's content words found in its quotes
    missing: tuple[str, ...]  # the text's content words no quote has, as written


def _stem(word: str) -> str:
    return word.casefold()[:STEM]  # "don’t" meets "don't" through their parts (see stems_of)


def content_words(text: str) -> list[str]:
    """The words of a text that carry its meaning, as written (Markdown link targets left out)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [label](url): only the label is said
    return [word for word in words(text) if word.casefold() not in SMALL_WORDS and not word.isdigit()]


def stems_of(texts: Iterable[str]) -> frozenset[str]:
    """The stems of every word of some texts, and of the parts of hyphenated or dotted words
    ("text-to-video" gives text, to and video too)."""
    found = set()
    for text in texts:
        for word in words(text):
            found.add(word.casefold()[:STEM])
            if "-" in word or "." in word or "'" in word or "’" in word:
                found.update(part.casefold()[:STEM] for part in parts_of(word))
    return frozenset(found)


def support(text: str, quotes: Iterable[str], named: frozenset[str] = frozenset()) -> Support:
    """How much of `text` its quotes cover, and which words they leave uncovered.

    `named` (the stems of `stems_of` the names of entities and glossary terms, worked out once for
    a whole story) count as covered: a text may name what it is about and what it relates to,
    which the data says elsewhere.
    """
    content = content_words(text)
    if not content:
        return Support(1.0, ())
    quoted = stems_of(quotes)

    def known(stem: str) -> bool:
        return stem in quoted or stem in named or stem in _EDITORIAL

    said = {w: known(_stem(w)) or all(known(_stem(part)) for part in parts_of(w)) for w in content}
    missing = tuple(word for word, ok in said.items() if not ok)  # each once, in the text's order
    return Support(sum(said[word] for word in content) / len(content), missing)
