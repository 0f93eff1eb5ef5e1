"""A source's entry against its archive: the parts it names, its checksum, its licence to
republish, and archives that share their text without saying one rests on the other."""

from __future__ import annotations

import re

from ...model.corroboration import SHARED_SHARE, origin_of, shared_share, shingles
from ...model.quotes import SourceText, checksum, closest_passage, verify_quote
from ...model.records import Source, Timeline
from ...problems import Mark, Problem
from ..fields import Collector
from ..schema import DATA_DIR, SHA256_PATTERN
from ..yamlread import Mapping, Sequence

_SHA256 = re.compile(SHA256_PATTERN)


def check_parts(source: dict, node: Mapping, archive: SourceText, out: Collector) -> None:
    """The headline, byline, dateline and captions a source names must be its archive's own words.

    A wrong one is bookkeeping for coverage: it is reported, but the source stays usable.
    """
    for name in ("headline", "byline", "dateline", "captions"):
        texts = source[name] if name == "captions" else (source[name],)
        for number, text in enumerate(texts):
            if text is None or verify_quote(archive, text, once=True):  # a source's few parts: no index
                continue
            value = node.get(name)
            mark = value.items[number].mark if isinstance(value, Sequence) else node.value_mark(name)
            out.error(
                mark,
                f"field '{name}': text not found in {archive.path}; copy it exactly as it appears there. "
                f'Closest passage: "{closest_passage(archive, text)}"',
                ("part", source["id"]),
            )


def check_checksum(source: dict, node: Mapping, archive: SourceText, out: Collector) -> None:
    """The archive must be the text that was taken: every quote's proof depends on it.

    A mismatch is reported but leaves the source usable, so one stray edit does not take every
    event that cites the source off the site while it is being put right.
    """
    recorded, actual = source["sha256"], checksum(archive.text)
    if recorded is None:
        out.error(
            node.value_mark("archive"),
            f"source '{source['id']}' has no 'sha256'; once you have checked that {archive.path} is the "
            f"text as it was taken, record its checksum: add the line `sha256: {actual}` after 'archive'",
            ("checksum", source["id"]),
        )
        return
    mark = node.value_mark("sha256")
    if not _SHA256.match(recorded):
        out.error(
            mark,
            f"field 'sha256': '{recorded}' is not a SHA-256 checksum (64 lowercase hex digits); "
            f"the archive's is {actual}",
            ("checksum", source["id"]),
        )
    elif recorded != actual:
        out.error(
            mark,
            f"field 'sha256': {archive.path} was changed after it was archived (its checksum is now "
            f"{actual[:12]}…, not the recorded {recorded[:12]}…); every quote's proof depends on it. "
            f"Undo the edit (git checkout -- {archive.path}), or if the archive was re-taken on purpose, "
            f"run `uv run timeline source rehash {source['id']}` and check its quotes again",
            ("checksum", source["id"]),
        )


def check_republish(source: dict, node: Mapping, out: Collector) -> None:
    if source["republish"] == "full-text" and source["republish_basis"] is None:
        out.error(
            node.value_mark("republish"),
            f"source '{source['id']}' says republish: full-text but gives no republish_basis; name the "
            "licence or quote the publisher's notice that allows it, or write republish: quotes-only",
        )


def _acknowledged(source: Source, other: str) -> bool:
    return any(shared.source == other for shared in source.shares_text)


def undeclared_copies(timeline: Timeline, marks: dict[str, Mark]) -> tuple[Problem, ...]:
    """Where two archives share most of their text and neither says it is based on the other's report
    nor why it is not: counted as two publishers, they would overstate how independently a claim is
    confirmed. The check fails on it until the data says which."""
    records = timeline.sources_by_id
    texts = [(ident, shingles(archive.text)) for ident, archive in timeline.archives.items() if ident in marks]
    found = []
    for number, (first, first_runs) in enumerate(texts):
        for second, second_runs in texts[:number]:
            if origin_of(records[first], records) == origin_of(records[second], records):
                continue  # one rests on the other, or both on a third: declared
            if _acknowledged(records[first], second) or _acknowledged(records[second], first):
                continue  # the data says why the shared text is not a rewrite
            share = shared_share(first_runs, second_runs)
            if share >= SHARED_SHARE:
                found.append(
                    Problem(
                        f"{DATA_DIR}/sources.yml",
                        *marks[first],
                        f"the archives of '{first}' and '{second}' share {share:.0%} of their text; if one "
                        f"rewrites, syndicates or translates the other, say so with 'based_on: {second}' here "
                        f"(or 'based_on: {first}' on '{second}'), so they count as one publisher's report; if "
                        f"neither does (one quotes a sentence of the other), say why under 'shares_text:' "
                        f"here, with '- source: {second}' and its 'reason:'",
                    )
                )
    return tuple(found)
