"""Finding the passages of an archived text that a few remembered words point to, for `timeline quote`.

A contributor remembers roughly what a source said; the quote must be its exact words. Ranking
whole sentences by how many of the given words they hold (a word also matches its longer forms:
"confirm" finds "confirmed") turns the memory into text that passes the quote check as pasted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .text import split_line, word_parts

_STEM = 4  # a given word this long also matches words it begins ("confirm" → "confirmed")


@dataclass(frozen=True)
class Passage:
    line: int  # 1-based, in the archive
    text: str  # exactly as archived
    matched: int  # how many of the given words it holds
    wanted: int

    @property
    def yaml(self) -> str:
        """The passage as a YAML value that reads back as exactly this text (JSON strings are YAML)."""
        return json.dumps(self.text, ensure_ascii=False)


def _matches(wanted: str, words: set[str]) -> bool:
    return wanted in words or (len(wanted) >= _STEM and any(word.startswith(wanted) for word in words))


def best_passages(text: str, query: str, count: int = 3) -> list[Passage]:
    """The `count` sentences holding most of the query's words; ties go to the sentence that keeps
    them in the query's order, then to the shorter."""
    wanted = list(dict.fromkeys(word_parts(query.casefold())))
    if not wanted:
        return []
    scored = []
    for number, line in enumerate(text.splitlines(), 1):
        for sentence in split_line(line):
            found = word_parts(sentence.casefold())
            present = [word for word in wanted if _matches(word, set(found))]
            if present:
                in_order = sum(1 for a, b in zip(wanted, wanted[1:], strict=False) if f"{a} {b}" in " ".join(found))
                scored.append(
                    (
                        (-len(present), -in_order, len(sentence), number),
                        Passage(number, sentence, len(present), len(wanted)),
                    )
                )
    scored.sort(key=lambda item: item[0])
    return [passage for _, passage in scored[:count]]
