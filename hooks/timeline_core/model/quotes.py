"""Checking that a quoted passage really is in the archived source.

Quotes are compared after folding white space, typographic quotes and dashes, and full-width
forms (，（１Ａ) into ASCII ones, and nothing else: a contributor may copy from a browser that
curled the quotes or re-wrapped the lines, or from a Chinese page that writes its commas either
way, but may not change a word, a letter's case or a punctuation mark.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

_FOLDS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
# Full-width forms (，（１Ａ) fold to their ASCII forms: Chinese and Japanese pages write either.
_FOLDS.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)  # a quote is folded by its check, its anchor and its card, every rebuild
def fold(text: str) -> str:
    """Fold white space, typographic quotes, dashes and full-width forms; keep everything else as written."""
    return _SPACE.sub(" ", text.translate(_FOLDS)).strip()


def folded_positions(text: str) -> Callable[[int], int]:
    """Where in `text` the character at an index of `fold(text)` came from, asked one index at a
    time: a source page asks it twice a quote, so it keeps each word's start, not every character's
    (a list of every character's position cost 3 ms per 11 kB archive). Folding maps a character to
    one character, so within a word the offset is the same; a space stands for the white space
    before the next word and points at its last character."""
    folded_starts: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for match in _WORD_RUN.finditer(text.translate(_FOLDS)):
        folded_starts.append(at)
        starts.append(match.start())
        ends.append(match.end())
        at += match.end() - match.start() + 1

    def position(index: int) -> int:
        word = bisect.bisect_right(folded_starts, index) - 1
        at = starts[word] + index - folded_starts[word]
        return at if at < ends[word] else starts[word + 1] - 1

    return position


_WORD_RUN = re.compile(r"\S+")


def checksum(text: str) -> str:
    """The SHA-256 of an archived text as recorded in sources.yml.

    Taken over the text with line endings as LF, so a checkout that converts them does not
    look like an edit; every other byte counts.
    """
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


_KEY = 64  # characters after each word start that order the index
_INDEXED = 64 * 1024  # smaller sources are simply scanned


@dataclass(frozen=True)
class SourceText:
    """An archived source, read once and folded once, ready for many quote checks."""

    path: str
    text: str
    folded: str

    @classmethod
    def from_text(cls, path: str, text: str) -> SourceText:
        return cls(path, text, fold(text))

    @cached_property
    def _word_starts(self) -> tuple[list[str], list[int]]:
        """Every word start, sorted by the text that follows it: a quote that starts at a word is
        found by binary search instead of a scan of the whole source."""
        folded = self.folded
        starts = [0] + [m.end() for m in re.finditer(" ", folded)]
        pairs = sorted((folded[p : p + _KEY], p) for p in starts)
        return [key for key, _ in pairs], [p for _, p in pairs]

    def _starts_a_word(self, needle: str) -> bool:
        """Whether the folded passage begins at a word start: a binary search for the word starts
        whose text begins like the passage, then a comparison of the whole passage at each."""
        keys, starts = self._word_starts
        probe = needle[:_KEY]
        for index in range(bisect.bisect_left(keys, probe), len(keys)):
            if not keys[index].startswith(probe):
                return False
            if self.folded.startswith(needle, starts[index]):
                return True
        return False

    def contains(self, needle: str) -> bool:
        """Whether the folded passage is in the folded source: the quote check. Most quotes start a
        word, so a large source looks in its index first and scans only for the others."""
        if len(self.folded) >= _INDEXED and needle and self._starts_a_word(needle):
            return True
        return needle in self.folded

    def find(self, needle: str) -> int:
        """The first position of a folded passage in the folded source, or -1 (to mark it)."""
        return self.folded.find(needle)


def verify_quote(source: SourceText, quote: str, *, once: bool = False) -> bool:
    """True when the quote appears in the source after folding. `once`: the only lookup a source
    will get (a new archive's headline), found by one scan rather than by indexing a megabyte."""
    needle = fold(quote)
    return bool(needle) and (needle in source.folded if once else source.contains(needle))


def closest_passage(source: SourceText, quote: str) -> str:
    """The passage of the source most like the quote, to show next to a failed check."""
    needle = fold(quote)
    if not needle or not source.folded:
        return ""
    matcher = difflib.SequenceMatcher(None, source.folded, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(source.folded), 0, len(needle))
    start = max(0, match.a - match.b)
    end = min(len(source.folded), start + len(needle))
    # widen to whole words so the hint reads naturally
    while start > 0 and source.folded[start - 1] != " ":
        start -= 1
    while end < len(source.folded) and source.folded[end] not in " ":
        end += 1
    return source.folded[start:end]
