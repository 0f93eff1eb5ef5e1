"""How much of each archived source the site uses: every sentence, and who cites it.

A sentence counts as covered when the quotes that cite it span at least half of
its characters, or when the source's entry lists it as deliberately uncited,
with a reason. That makes 100% an honest figure: nothing in the source was
skipped without saying why. A source with `coverage: complete` (the story's own
article) must reach it; any other only corroborates, and its figure is information.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .quotes import fold
from .records import Citation, Source, Timeline
from .text import split_text
from .views import cited_records

COVERED_SHARE = 0.5


@dataclass(frozen=True)
class SentenceCoverage:
    text: str  # as the archive writes it (full-width stops, curly quotes and all)
    line: int  # of the archive, from 1
    share: float  # of its characters that citing quotes span
    cited_by: tuple[str, ...]  # "event 2026-04-07-…", "entity alibaba", …
    uncited_reason: str | None

    @property
    def covered(self) -> bool:
        return self.share >= COVERED_SHARE or self.uncited_reason is not None


@dataclass(frozen=True)
class SourceCoverage:
    source_id: str
    path: str
    sentences: tuple[SentenceCoverage, ...]
    unmatched_uncited: tuple[str, ...]  # uncited entries that are not a whole sentence
    complete: bool = False  # the source must be accounted for in full (coverage: complete)

    @property
    def share(self) -> float:
        if not self.sentences:
            return 1.0
        return sum(s.covered for s in self.sentences) / len(self.sentences)


def split_sentences(text: str) -> list[tuple[str, str, int]]:
    """Split an archived text into sentences (see text.py for the rules), each as written, folded
    (as quotes are compared), and with its line."""
    return [
        (sentence, folded, number)
        for number, line in enumerate(text.splitlines(), 1)
        for sentence in split_text(line)
        if (folded := fold(sentence))
    ]


_LABELS = {"event": "event", "entity": "entity", "term": "glossary", "explainer": "explainer"}


def citations_of(timeline: Timeline) -> Iterator[tuple[str, Citation]]:
    """Every citation in the story, labelled with what cites it ("event <id>", "glossary <id>" …)."""
    for cited in cited_records(timeline):
        yield f"{_LABELS[cited.kind]} {cited.id}", cited.citation


def _spans(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    start = haystack.find(needle)
    while needle and start >= 0:
        yield start, start + len(needle)
        start = haystack.find(needle, start + 1)


def _mark(folded: str, offsets: list[tuple[int, int]], ends: list[int], text: str, chars: list[set[int]]) -> set[int]:
    """Add the characters of each sentence that `text` spans to `chars`; return those sentences.
    `ends` are the sentences' ends, in order, to find the first a span reaches."""
    touched = set()
    for start, end in _spans(folded, fold(text)):
        index = bisect.bisect_right(ends, start)  # the first sentence ending after the span starts
        while index < len(offsets) and offsets[index][0] < end:
            s_start, s_end = offsets[index]
            overlap = range(max(start, s_start), min(end, s_end))
            if overlap:
                chars[index].update(overlap)
                touched.add(index)
            index += 1
    return touched


def source_coverage(timeline: Timeline, sources: Iterable[Source] | None = None) -> tuple[SourceCoverage, ...]:
    """Coverage of every archived source (or of `sources`), sentence by sentence."""
    citing: dict[str, list[tuple[str, Citation]]] = {}
    for label, citation in citations_of(timeline):
        citing.setdefault(citation.source, []).append((label, citation))
    report = []
    for source in timeline.sources if sources is None else sources:
        archive = timeline.archives[source.id]  # the loader leaves out a source it cannot read
        written = split_sentences(archive.text)
        sentences = [folded for _, folded, _ in written]
        offsets, position = [], 0
        for sentence in sentences:  # the folded text is the sentences joined by single spaces
            offsets.append((position, position + len(sentence)))
            position += len(sentence) + 1
        ends = [end for _, end in offsets]
        covered_chars: list[set[int]] = [set() for _ in sentences]
        part_chars: list[set[int]] = [set() for _ in sentences]  # headline, byline, dateline, captions
        labels: list[list[str]] = [[] for _ in sentences]
        for label, citation in citing.get(source.id, []):
            for index in _mark(archive.folded, offsets, ends, citation.quote, covered_chars):
                if label not in labels[index]:
                    labels[index].append(label)
        for part in source.parts:
            _mark(archive.folded, offsets, ends, part, part_chars)
        reasons = {fold(u.sentence): u.reason for u in source.uncited}
        shown = []
        for i, sentence in enumerate(sentences):
            story_chars = len(sentence) - len(part_chars[i])
            if story_chars <= 0:
                continue  # all headline, byline, dateline or caption: not a sentence of the story
            share = len(covered_chars[i] - part_chars[i]) / story_chars
            text, _, line = written[i]
            shown.append(SentenceCoverage(text, line, share, tuple(labels[i]), reasons.get(sentence)))
        unmatched = tuple(u for u in reasons if u not in sentences)
        report.append(SourceCoverage(source.id, archive.path, tuple(shown), unmatched, source.coverage == "complete"))
    return tuple(report)
