"""Ids and what points at them: a duplicated id, an unknown reference, a record left out because
what it needs has problems of its own, and chains (parents, based_on) that loop."""

from __future__ import annotations

from ...problems import Mark, Problem, did_you_mean
from ..fields import Collector
from ..schema import Record
from ..yamlread import Mapping


def check_duplicate_ids(records: list[tuple[dict, Mapping]], record: Record, out: Collector) -> None:
    """Report a repeated id; neither record is shown, since a link could mean either."""
    seen: dict[str, Mark] = {}
    key = record.key
    for values, node in records:
        mark = node.value_mark(key)
        if values[key] in seen:
            out.error(
                mark,
                f"duplicate {key} '{values[key]}' (first at line {seen[values[key]].line}); ids must be unique",
                (record.name, values[key]),
            )
        seen.setdefault(values[key], mark)


_REF_NAMES = {
    "source": "a source in timeline/sources.yml",
    "entity": "an entity in timeline/entities.yml",
    "term": "a glossary term in timeline/glossary.yml",
    "event": "an event in timeline/events/",
}


# How a record left out for another's problem is reported: "this event is not shown because …".
CASCADE = " is not shown because "


def is_cascade(problem: Problem) -> bool:
    """Whether a problem only says a record was left out for what it needs (not a fault of its own)."""
    return problem.message.startswith("this ") and CASCADE in problem.message


_REF_FILES = {
    "source": "timeline/sources.yml",
    "entity": "timeline/entities.yml",
    "term": "timeline/glossary.yml",
    "event": "timeline/events/",
}


def check_references(collectors: list[Collector], declared: dict[str, set[str] | None]) -> set[tuple[str, str]]:
    """Report every reference to an id that no file declares; return all records left unusable.

    A reference to a declared record that has problems of its own is not blamed on the
    referrer, but the referrer cannot be shown either: it is rejected, and says why,
    until no shown record points at a rejected one.
    """
    rejected = set().union(*(out.failed for out in collectors))
    for out in collectors:
        for ref in out.references:
            known_ids = declared[ref.kind]
            if known_ids is None:  # the file could not be read: say so once per record
                if ref.owner not in rejected:
                    out.error(
                        ref.mark,
                        f"this {ref.owner[0]}{CASCADE}{_REF_FILES[ref.kind]} could not be read (see its errors)",
                        ref.owner,
                    )
                    rejected.add(ref.owner)
            elif ref.id not in known_ids:
                known = sorted(known_ids)
                out.error(
                    ref.mark,
                    f"unknown {ref.kind} '{ref.id}'{did_you_mean(ref.id, known)}; "
                    f"it must be the id of {_REF_NAMES[ref.kind]}",
                    ref.owner,
                )
                rejected.add(ref.owner)
    changed = True
    while changed:
        changed = False
        for out in collectors:
            for ref in out.references:
                if ref.owner in rejected or (ref.kind, ref.id) not in rejected:
                    continue
                out.error(
                    ref.mark,
                    f"this {ref.owner[0]}{CASCADE}{ref.kind} '{ref.id}' has problems of its own (reported with it)",
                    ref.owner,
                )
                rejected.add(ref.owner)
                changed = True
    return rejected


_CHAINS = {  # field: (kind, what a loop makes a record, what to fix)
    "parent": ("entity", "ancestor", "one of the parents"),
    "based_on": ("source", "origin", "one of the based_on values"),
}


def check_chains(records: list[tuple[dict, Mapping]], field: str, out: Collector) -> None:
    """A record may point at another through `field` (an entity's parent, a source's based_on),
    but following the pointers must end somewhere: a loop is reported where it closes."""
    kind, why, fix = _CHAINS[field]
    pointers: dict[str, str | None] = {}
    for values, _ in records:  # with a duplicated id, the first one's pointer counts
        pointers.setdefault(values["id"], values[field])
    for values, node in records:
        seen = [values["id"]]
        target = values[field]
        while target is not None and target in pointers:
            if target in seen:
                out.error(
                    node.value_mark(field),
                    f"{kind} '{values['id']}' is its own {why} ({' → '.join([*seen, target])}); fix {fix}",
                    (kind, values["id"]),
                )
                break
            seen.append(target)
            target = pointers[target]


def check_tags_used(tags: list[tuple[dict, Mapping]], used: set[str], out: Collector) -> None:
    """A tag named in timeline/tags.yml is one some event carries: otherwise its name shows nowhere."""
    for values, node in tags:
        if values["id"] not in used:
            out.error(
                node.value_mark("id"),
                f"tag '{values['id']}' is on no event{did_you_mean(values['id'], sorted(used))}; "
                "tag an event with it, or remove this entry",
                ("tag", values["id"]),
            )
