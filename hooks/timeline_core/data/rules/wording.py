"""What texts say against what their quotes say: descriptions, definitions and summaries within
their quotes (or translations), aliases a source uses, and a cited term that cites."""

from __future__ import annotations

from ...model.quotes import SourceText, fold
from ...model.wording import MIN_SHARE, Vocabulary, stems_of, support
from ..fields import Collector
from ..yamlread import Mapping, Sequence

_WORDED = {  # kind: (the field whose words its quotes must hold, what to do when they do not)
    "entity": ("description", "Quote the passages that say it, or describe it only as the quotes do"),
    "term": ("definition", "Add a quote that defines the term, or write basis: general-knowledge"),
    "event": ("summary", "Quote the passages that say it, or say only what the quotes say"),
}


def names_of(entities: list[tuple[dict, Mapping]], terms: list[tuple[dict, Mapping]]) -> frozenset[str]:
    """The stems of every entity's and glossary term's names: a text may name them without quoting them."""
    return stems_of(
        name
        for values, _ in entities + terms
        for name in (values.get("name") or values.get("term"), *values["aliases"])
        if name
    )


def unsupported(kind: str, ident: str, text: str, citations: tuple, vocabulary: Vocabulary) -> str | None:
    """Why a text says more than its quotes do, or None when at least half its words are quoted."""
    field, fix = _WORDED[kind]
    found = support(text, (c.translation or c.quote for c in citations), vocabulary)
    if found.share >= MIN_SHARE:
        return None
    return (
        f"{kind} '{ident}': only {found.share:.0%} of the words of its {field} are in its quotes (at least "
        f"{MIN_SHARE:.0%} must be); no quote has {', '.join(repr(w) for w in found.missing[:8])}. {fix}"
    )


def check_wording(records: list[tuple[dict, Mapping]], kind: str, vocabulary: Vocabulary, out: Collector) -> None:
    """A description or a cited definition must say what its quotes say (see model/wording.py)."""
    field = _WORDED[kind][0]
    for values, node in records:
        text = values[field].source
        if message := unsupported(kind, values["id"], text, values["citations"], vocabulary):
            out.owner = (kind, values["id"])
            out.hold(node.value_mark(field), message, ("wording", f"{kind} {values['id']}"))


def check_aliases(
    records: list[tuple[dict, Mapping]], kind: str, archives: dict[str, SourceText], out: Collector
) -> None:
    """An alias links every mention of it to its entry, so it must be a name some source uses."""
    texts = [archive.folded.casefold() for archive in archives.values()]
    for values, node in records:
        aliases = node.get("aliases")
        for number, alias in enumerate(values["aliases"]):
            if any(fold(alias).casefold() in text for text in texts):
                continue
            mark = aliases.items[number].mark if isinstance(aliases, Sequence) else node.value_mark("aliases")
            out.error(
                mark,
                f"alias '{alias}' of {kind} '{values['id']}' is in no archived source; an alias links every "
                "mention of it to this entry, so it must be a name a source uses: remove it",
                ("alias", f"{kind} {values['id']}"),
            )


def check_term_basis(terms: list[tuple[dict, Mapping]], out: Collector) -> None:
    for values, node in terms:
        if values["basis"] == "cited" and not values["citations"]:
            out.error(
                node.value_mark("basis"),
                f"term '{values['id']}' says basis: cited but has no citations; "
                "add a quote, or write basis: general-knowledge",
                ("term", values["id"]),
            )
