"""The annotated source: an archived text with every cited passage marked and linked back.

Quotes are found in the folded text (as the quote check finds them) and mapped back
to the archived text's own characters, so the page shows the source exactly as
archived, line by line, with marks where it is quoted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote as percent

from .model import Citation, Timeline
from .quotes import fold, fold_with_positions


def quote_anchor(citation: Citation) -> str:
    """A stable anchor for a quoted passage on its source's annotated page."""
    return "q-" + hashlib.sha1(fold(citation.quote).encode("utf-8")).hexdigest()[:10]


def text_fragment(citation: Citation) -> str:
    """A URL text fragment (`#:~:text=`) that makes a browser scroll to the quote on the original."""
    words = fold(citation.quote).split(" ")

    def encode(text: str) -> str:
        return percent(text, safe="").replace("-", "%2D")

    if len(words) <= 8:
        return "#:~:text=" + encode(" ".join(words))
    return "#:~:text=" + encode(" ".join(words[:4])) + "," + encode(" ".join(words[-4:]))


@dataclass(frozen=True)
class Piece:
    """A run of archived text, and who cites it (empty when nobody does)."""

    text: str
    cited_by: tuple[str, ...]  # labels such as "event 2026-04-07-…"
    anchors: tuple[str, ...]  # quote anchors that start at this piece


@dataclass(frozen=True)
class AnnotatedSource:
    source_id: str
    lines: tuple[tuple[Piece, ...], ...]
    quotes: int


def annotate(timeline: Timeline, source_id: str, citers: Iterable[tuple[str, Citation]]) -> AnnotatedSource:
    """Mark every passage that `citers` (label, citation) quote from one source's archived text."""
    archive = timeline.archives[source_id]
    text = archive.text
    folded, positions = fold_with_positions(text)
    starts: dict[int, list[str]] = {}
    labels_at: list[dict[str, None]] = [{} for _ in text]
    count = 0
    for label, citation in citers:
        if citation.source != source_id:
            continue
        needle = fold(citation.quote)
        at = folded.find(needle)
        if not needle or at < 0:
            continue
        count += 1
        first, last = positions[at], positions[at + len(needle) - 1]
        anchor = quote_anchor(citation)
        if anchor not in starts.get(first, []):
            starts.setdefault(first, []).append(anchor)
        for index in range(first, last + 1):
            labels_at[index][label] = None
    lines = []
    offset = 0
    for line in text.split("\n"):
        pieces: list[Piece] = []
        for index, char in enumerate(line, offset):
            labels = tuple(labels_at[index])
            anchors = tuple(starts.get(index, ()))
            if pieces and pieces[-1].cited_by == labels and not anchors:
                pieces[-1] = Piece(pieces[-1].text + char, labels, pieces[-1].anchors)
            else:
                pieces.append(Piece(char, labels, anchors))
        lines.append(tuple(pieces))
        offset += len(line) + 1
    return AnnotatedSource(source_id, tuple(lines), count)
