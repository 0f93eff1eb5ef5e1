"""The annotated source: an archived text with every cited passage marked and linked back.

Quotes are found in the folded text (as the quote check finds them) and mapped back
to the archived text's own characters, so the page shows the source exactly as
archived, line by line, with marks where it is quoted.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote as percent

from ..model.quotes import fold, folded_positions
from ..model.records import Citation, Timeline


def quote_anchor(citation: Citation) -> str:
    """A stable anchor for a quoted passage on its source's annotated page."""
    return _anchor(citation.quote)


def text_fragment(citation: Citation) -> str:
    """A URL text fragment (`#:~:text=`) that makes a browser scroll to the quote on the original."""
    return _fragment(citation.quote)


# By the quote: a build asks for each quote's anchor three times (its card, its source's page and
# that page's marks) and its fragment once per card it is on.
@functools.lru_cache(maxsize=65536)
def _anchor(quote: str) -> str:
    return "q-" + hashlib.sha1(fold(quote).encode("utf-8")).hexdigest()[:10]


@functools.lru_cache(maxsize=65536)
def _fragment(quote: str) -> str:
    words = fold(quote).split(" ")

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

    @property
    def quoted_share(self) -> float:
        """How much of the archived text the site quotes, by its characters (spaces left out)."""
        total = quoted = 0
        for line in self.lines:
            for piece in line:
                size = len(piece.text) - piece.text.count(" ")
                total += size
                quoted += size if piece.cited_by else 0
        return quoted / total if total else 0.0


def annotate(timeline: Timeline, source_id: str, citers: Iterable[tuple[str, Citation]]) -> AnnotatedSource:
    """Mark every passage that `citers` (label, citation) quote from one source's archived text.

    Works on the boundaries where a quote starts or ends, not character by character, so a
    long source with many quotes costs little.
    """
    archive = timeline.archives[source_id]
    text = archive.text
    position = folded_positions(text)
    spans: list[tuple[int, int, str]] = []  # [start, end) in the archived text, and who quotes it
    starts: dict[int, list[str]] = {}
    for label, citation in citers:
        needle = fold(citation.quote)
        at = archive.find(needle) if needle else -1
        if at < 0:
            continue
        first, end = position(at), position(at + len(needle) - 1) + 1
        spans.append((first, end, label))
        anchor = quote_anchor(citation)
        if anchor not in starts.setdefault(first, []):
            starts[first].append(anchor)
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    cuts = sorted(
        {
            0,
            len(text),
            *starts,
            *(s for s, _, _ in spans),
            *(e for _, e, _ in spans),
            *line_starts,
            *(i - 1 for i in line_starts[1:]),
        }
    )
    by_start: dict[int, list[tuple[int, str]]] = {}
    for first, end, label in spans:
        by_start.setdefault(first, []).append((end, label))
    active: dict[tuple[int, str], None] = {}
    lines: list[list[Piece]] = [[]]
    for begin, finish in zip(cuts, cuts[1:], strict=False):
        for end, label in by_start.get(begin, ()):
            active[(end, label)] = None
        for key in [k for k in active if k[0] <= begin]:
            del active[key]
        chunk = text[begin:finish]
        if chunk == "\n":
            lines.append([])
            continue
        if chunk:
            labels = tuple(dict.fromkeys(label for _, label in active))
            lines[-1].append(Piece(chunk, labels, tuple(starts.get(begin, ()))))
    return AnnotatedSource(source_id, tuple(tuple(line) for line in lines), len(spans))


@dataclass(frozen=True)
class Passage:
    """A run of cited text, shown on its own when the source may not be republished whole."""

    pieces: tuple[Piece, ...]
    after_gap: bool  # some of the source's text was left out before it


@dataclass(frozen=True)
class Excerpts:
    passages: tuple[Passage, ...]
    gap_at_end: bool  # some of the source's text was left out after the last passage


def cited_passages(annotated: AnnotatedSource) -> Excerpts:
    """Only the passages the site quotes, in the source's order, and where text was left out.

    For a source whose publisher has not allowed republishing: the quotes are shown as evidence,
    and everything between them stays in the repository, where the quote check reads it.
    """
    passages: list[Passage] = []
    run: list[Piece] = []
    after_gap = left_out = False

    def close() -> None:
        while run and not run[-1].cited_by:  # white space after the last quoted word
            run.pop()
        if run:
            passages.append(Passage(tuple(run), after_gap))
            run.clear()

    for line in annotated.lines:
        starts_line = True
        for piece in line:
            if piece.cited_by:
                if not run:
                    after_gap, left_out = left_out, False
                elif starts_line:
                    run.append(Piece(" ", (), ()))  # a quote that runs on over a line break
                run.append(piece)
            elif piece.text.strip():
                close()
                left_out = True
            elif run:
                run.append(piece)
            starts_line = False
    close()
    return Excerpts(tuple(passages), left_out)
