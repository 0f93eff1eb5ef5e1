"""What texts say against what their quotes say: descriptions, definitions and summaries within
their quotes (or translations), aliases a source uses, and a cited term that cites."""

from __future__ import annotations

from collections.abc import Iterable

from ...model.quotes import SourceText, fold
from ...model.records import Event, Explainer
from ...model.specifics import Written, specifics, unquoted
from ...model.wording import MIN_SHARE, Vocabulary, stems_of, support
from ..fields import Collector
from ..yamlread import Mapping, Node, Sequence

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


def linked_names(entities: list[tuple[dict, Mapping]], terms: list[tuple[dict, Mapping]]) -> tuple:
    """Each entity's and term's names (name and aliases) as stems, keyed "entity <id>" and "term <id>":
    a record may give the names of what it links without a quote giving them."""
    return tuple(
        (
            f"{kind} {values['id']}",
            named(n for n in (values.get("name") or values.get("term"), *values["aliases"]) if n),
        )
        for kind, records in (("entity", entities), ("term", terms))
        for values, _ in records
    )


def named(names: Iterable[str]) -> frozenset[str]:
    """The stems of some names, and the numbers in them ("Seedance 2.0" gives #2): a text may give both."""
    names = list(names)
    numbers = {f"#{s.key}" for name in names for s in specifics(name, "en") if s.kind == "number"}
    return stems_of(names) | numbers


def passages(citations: Iterable, vocabulary: Vocabulary) -> list[Written]:
    """What a record's quotes give: each quote in its source's language, and its translation."""
    found = []
    for citation in citations:
        found.append(Written(citation.quote, vocabulary.languages.get(citation.source, vocabulary.language)))
        if citation.translation:
            found.append(Written(citation.translation, vocabulary.language))
    return found


def unsupported(
    kind: str,
    ident: str,
    text: str,
    citations: tuple,
    vocabulary: Vocabulary,
    field: str | None = None,
    quoted: frozenset[str] | None = None,
) -> str | None:
    """Why a text says more than its quotes do, or None when at least half its words are quoted
    (`quoted`: the quotes' stems, worked out once for a record's several texts)."""
    field = field or _WORDED[kind][0]
    fix = _WORDED[kind][1]
    found = support(text, (c.translation or c.quote for c in citations), vocabulary, quoted)
    if found.share >= MIN_SHARE:
        return None
    return (
        f"{kind} '{ident}': only {found.share:.0%} of the words of its {field} are in its quotes (at least "
        f"{MIN_SHARE:.0%} must be); no quote has {', '.join(repr(w) for w in found.missing[:8])}. {fix}"
    )


def unquoted_specifics(
    kind: str,
    ident: str,
    field: str,
    text: str,
    given: list[Written],
    vocabulary: Vocabulary,
    names: frozenset[str],
    title: bool = False,
) -> str | None:
    """Why a text gives a number, a date or a name that none of its quotes gives, or None."""
    missing = unquoted(text, vocabulary.language, given, names, title)
    if not missing:
        return None
    listed = ", ".join(repr(specific) for specific in missing[:8])
    them = "it" if len(missing) == 1 else "them"
    return (
        f"{kind} '{ident}': its {field} gives {listed}, which no quote of it gives (a reader takes every "
        f"number, date and name as the source's); quote a passage that gives {them}, or leave {them} out"
        " (the names of the entities and terms it links need no quote)"
    )


def check_wording(records: list[tuple[dict, Mapping]], kind: str, vocabulary: Vocabulary, out: Collector) -> None:
    """A description or a cited definition must say what its quotes say (see model/wording.py)."""
    field = _WORDED[kind][0]
    for values, node in records:
        text = values[field].source
        out.owner = (kind, values["id"])
        if message := unsupported(kind, values["id"], text, values["citations"], vocabulary):
            out.hold(node.value_mark(field), message, ("wording", f"{kind} {values['id']}"))
        if kind == "entity":  # an entity may name itself and what it is part of
            names = vocabulary.names_linked(entities=[values["id"], *([values["parent"]] if values["parent"] else [])])
        else:
            names = vocabulary.names_linked(terms=[values["id"]])
        given = passages(values["citations"], vocabulary)
        if message := unquoted_specifics(kind, values["id"], field, text, given, vocabulary, names):
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


def check_explainer_specifics(
    explainer: Explainer, node: Node, events: dict[str, Event], vocabulary: Vocabulary, out: Collector
) -> None:
    """Every sentence of the Home page gives only the numbers, dates and names its quotes give (or the
    names of what the events it links link)."""
    sections = node.get("sections") if isinstance(node, Mapping) else None
    for number, section in enumerate(explainer.sections):
        section_node = sections.items[number] if isinstance(sections, Sequence) else None
        sentences = section_node.get("sentences") if isinstance(section_node, Mapping) else None
        for index, sentence in enumerate(section.sentences):
            sentence_node = sentences.items[index] if isinstance(sentences, Sequence) else None
            linked = [events[ident] for ident in sentence.events if ident in events]
            names = vocabulary.names_linked(
                [e for event in linked for e in event.entities], [t for event in linked for t in event.terms]
            )
            given = passages(sentence.citations, vocabulary)
            where = f"{section.id}, sentence {index + 1}"
            if message := unquoted_specifics(
                "explainer", where, "text", sentence.text.source, given, vocabulary, names
            ):
                mark = sentence_node.value_mark("text") if isinstance(sentence_node, Mapping) else node.mark
                out.error(mark, message, ("explainer", ""))
