"""What the site must account for: every sentence of a source with `coverage: complete` (the
story's own article) cited or excused, and every excuse (`uncited`) a whole sentence."""

from __future__ import annotations

from collections.abc import Callable

from ...model.coverage import COVERED_SHARE, source_coverage, split_sentences
from ...model.quotes import fold, verify_quote
from ...model.records import Timeline
from ...problems import Mark
from ..fields import Collector
from ..yamlread import Mapping, Sequence


def check_uncited(timeline: Timeline, sources: list[tuple[dict, Mapping]], out: Collector) -> None:
    """An `uncited` entry excuses one whole sentence, as `timeline coverage` lists it: a part of
    one would excuse the rest of it unseen. (One that is no text of the archive at all is
    reported where quotes are checked.)"""
    shown = {source.id for source in timeline.sources}
    for values, node in sources:
        if values["id"] not in shown or not values["uncited"]:
            continue
        archive = timeline.archives[values["id"]]
        whole = {folded for _, folded, _ in split_sentences(archive.text)}
        items = node.get("uncited")
        for number, entry in enumerate(values["uncited"]):
            if fold(entry.sentence) in whole or not verify_quote(archive, entry.sentence):
                continue
            item = items.items[number] if isinstance(items, Sequence) else node
            mark = item.value_mark("sentence") if isinstance(item, Mapping) else node.value_mark("uncited")
            out.error(
                mark,
                f"uncited entry {number + 1} of source '{values['id']}' is part of a sentence of {archive.path}, "
                "not a whole one; copy the whole sentence, as `uv run timeline coverage` lists it",
                ("coverage", values["id"]),
            )


def check_complete(timeline: Timeline, collector: Callable[[str], Collector]) -> None:
    """Each sentence of a `coverage: complete` source is cited (its quotes span at least half of
    it) or excused under `uncited`: reported at the sentence, in the archive."""
    complete = [source for source in timeline.sources if source.coverage == "complete"]
    for report in source_coverage(timeline, complete):
        lines = timeline.archives[report.source_id].text.splitlines()
        out = collector(report.path)
        for sentence in report.sentences:
            if sentence.covered:
                continue
            column = lines[sentence.line - 1].find(sentence.text) + 1
            if sentence.cited_by:
                why = (
                    f"only {sentence.share:.0%} of it is quoted (by {', '.join(sentence.cited_by)}; at least "
                    f"{COVERED_SHARE:.0%} must be): quote more of it"
                )
            else:
                why = "nothing cites it: cite it from an event, an entity or a glossary term"
            out.error(
                Mark(sentence.line, max(column, 1)),
                f"sentence of source '{report.source_id}' (coverage: complete) not accounted for: "
                f'"{sentence.text}"; {why}, or list it under the source\'s uncited with a reason',
                ("coverage", report.source_id),
            )
