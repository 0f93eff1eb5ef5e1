"""How much of what a text says its quotes also say: a rough, explainable test of support.

A machine cannot judge meaning, but it can see when a definition or a description uses words
that none of its quotes contain. Content words are compared by their first letters (so "confirm"
meets "confirmed", "models" meets "model"); small words and numbers' formatting do not count.
A text is read in its language (the story's): its small words ("the", "dass", "的") and the words
that say who says something ("says", "berichtet", "据报道") are that language's (model/text.py),
so that a summary passes or fails for the same reason in every language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import attribution_words, parts_of, small_words, words

STEM = 5  # letters that identify a word for this test: "confirmed" and "confirmation" match
MIN_SHARE = 0.5  # at least half of what a text says must be in its quotes


@dataclass(frozen=True)
class Vocabulary:
    """What a text may say without a quote saying it: its language's small words and attribution
    words, and the names of the story's entities and glossary terms (stems of `stems_of`, worked
    out once for a whole story), which the data says elsewhere."""

    language: str = "en"  # the story's, in which titles, summaries and descriptions are written
    names: frozenset[str] = frozenset()
    linked: tuple[tuple[str, frozenset[str]], ...] = ()  # ("entity alibaba", stems of its names), ("term …", …)
    source_languages: tuple[tuple[str, str], ...] = ()  # each source's id and language, for its quotes

    @functools.cached_property
    def names_of(self) -> dict[str, frozenset[str]]:
        return dict(self.linked)

    @functools.cached_property
    def languages(self) -> dict[str, str]:
        return dict(self.source_languages)

    def names_linked(self, entities: Iterable[str] = (), terms: Iterable[str] = ()) -> frozenset[str]:
        """The stems of the names of the entities and terms a record links: it may give them unquoted."""
        keys = [f"entity {ident}" for ident in entities] + [f"term {ident}" for ident in terms]
        return frozenset().union(*(self.names_of.get(key, frozenset()) for key in keys))

    @functools.cached_property
    def small(self) -> frozenset[str]:
        return small_words(self.language)

    @functools.cached_property
    def attributing(self) -> frozenset[str]:
        return frozenset(word[:STEM] for word in attribution_words(self.language))


@dataclass(frozen=True)
class Support:
    share: float  # of the text's content words found in its quotes
    missing: tuple[str, ...]  # the text's content words no quote has, as written


def _stem(word: str) -> str:
    return word.casefold()[:STEM]  # "don’t" meets "don't" through their parts (see stems_of)


def content_words(text: str, small: frozenset[str] | None = None) -> list[str]:
    """The words of a text that carry its meaning, as written (Markdown link targets left out);
    `small`: the text's language's small words (English's by default)."""
    small = small_words("en") if small is None else small
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [label](url): only the label is said
    return [word for word in words(text) if word.casefold() not in small and not word.isdigit()]


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


def support(
    text: str, quotes: Iterable[str], vocabulary: Vocabulary = Vocabulary(), quoted: frozenset[str] | None = None
) -> Support:
    """How much of `text` its quotes cover, and which words they leave uncovered, read in the
    vocabulary's language; its names count as covered (a text may name what it is about).
    `quoted`: the quotes' stems, when a caller judging several texts by the same quotes has them."""
    content = content_words(text, vocabulary.small)
    if not content:
        return Support(1.0, ())
    quoted = stems_of(quotes) if quoted is None else quoted

    def known(stem: str) -> bool:
        return stem in quoted or stem in vocabulary.names or stem in vocabulary.attributing

    said = {w: known(_stem(w)) or all(known(_stem(part)) for part in parts_of(w)) for w in content}
    missing = tuple(word for word, ok in said.items() if not ok)  # each once, in the text's order
    return Support(sum(said[word] for word in content) / len(content), missing)
